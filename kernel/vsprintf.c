// SPDX-License-Identifier: MIT
/*
 * kernel/vsprintf.c - the format engine behind printk and snprintf.
 *
 * Owns: vsnprintf and friends. One pass over the format; each conversion is
 * decoded into a struct fmt_spec and printed by a helper that writes through
 * a bounded cursor, so output is truncated (never overrun) and the return
 * value is the length the full output would have had, as C requires.
 * Must not touch: the console or any lock: callable from anywhere.
 * Tests: tests/kernel/printk_test.c.
 */
#include <kernel/printk.h>
#include <kernel/kallsyms.h>
#include <kernel/string.h>

struct out {
	char *buf;
	size_t size;	/* bytes available including the terminator */
	size_t len;	/* bytes the full output needs so far */
};

struct fmt_spec {
	bool left, zero, alt, plus, space;
	int width;	/* -1: none */
	int prec;	/* -1: none */
	int length;	/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j', 0 */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, const struct fmt_spec *f)
{
	size_t n;

	if (!s)
		s = "(null)";
	n = f->prec >= 0 ? strnlen(s, (size_t)f->prec) : strlen(s);
	if (!f->left)
		pad(o, ' ', f->width - (int)n);
	for (size_t i = 0; i < n; i++)
		put(o, s[i]);
	if (f->left)
		pad(o, ' ', f->width - (int)n);
}

/* Print v in base 8, 10 or 16 (upper-case digits if upper), with sign handling. */
static void put_num(struct out *o, unsigned long long v, bool negative, int base, bool upper,
		    const struct fmt_spec *f)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, prefix_len = 0, zeros, total;
	char sign = 0;
	const char *prefix = "";

	do {
		tmp[n++] = digits[v % (unsigned)base];
		v /= (unsigned)base;
	} while (v);
	if (f->prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;	/* "%.0d" of zero prints nothing */

	if (negative)
		sign = '-';
	else if (f->plus)
		sign = '+';
	else if (f->space)
		sign = ' ';
	if (f->alt && base == 16) {
		prefix = upper ? "0X" : "0x";
		prefix_len = 2;
	} else if (f->alt && base == 8 && (n == 0 || tmp[n - 1] != '0')) {
		prefix = "0";
		prefix_len = 1;
	}

	zeros = f->prec > n ? f->prec - n : 0;
	total = n + zeros + prefix_len + (sign ? 1 : 0);
	if (f->zero && !f->left && f->prec < 0 && f->width > total) {
		zeros += f->width - total;
		total = f->width;
	}
	if (!f->left)
		pad(o, ' ', f->width - total);
	if (sign)
		put(o, sign);
	for (int i = 0; i < prefix_len; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (f->left)
		pad(o, ' ', f->width - total);
}

static void put_symbol(struct out *o, unsigned long addr, char kind, const struct fmt_spec *f)
{
	char sym[KSYM_NAME_LEN + 40];

	if (kind == 'S')
		sprint_symbol(sym, sizeof(sym), addr);
	else if (kind == 'B')
		sprint_backtrace(sym, sizeof(sym), addr);
	else
		sprint_symbol_no_offset(sym, sizeof(sym), addr);
	put_str(o, sym, f);
}

static const char *parse_spec(const char *p, struct fmt_spec *f, va_list *ap)
{
	*f = (struct fmt_spec){ .width = -1, .prec = -1 };
	for (;; p++) {
		if (*p == '-')
			f->left = true;
		else if (*p == '0')
			f->zero = true;
		else if (*p == '#')
			f->alt = true;
		else if (*p == '+')
			f->plus = true;
		else if (*p == ' ')
			f->space = true;
		else
			break;
	}
	if (*p == '*') {
		f->width = va_arg(*ap, int);
		if (f->width < 0) {
			f->left = true;
			f->width = -f->width;
		}
		p++;
	} else {
		while (*p >= '0' && *p <= '9')
			f->width = (f->width < 0 ? 0 : f->width * 10) + (*p++ - '0');
	}
	if (*p == '.') {
		p++;
		f->prec = 0;
		if (*p == '*') {
			f->prec = va_arg(*ap, int);
			p++;
		} else {
			while (*p >= '0' && *p <= '9')
				f->prec = f->prec * 10 + (*p++ - '0');
		}
	}
	if (p[0] == 'h' && p[1] == 'h') {
		f->length = 'H';
		p += 2;
	} else if (p[0] == 'l' && p[1] == 'l') {
		f->length = 'L';
		p += 2;
	} else if (*p == 'h' || *p == 'l' || *p == 'z' || *p == 't' || *p == 'j') {
		f->length = *p++;
	} else if (*p == 'L') {
		f->length = 'L';
		p++;
	}
	return p;
}

static unsigned long long arg_unsigned(const struct fmt_spec *f, va_list *ap)
{
	switch (f->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (unsigned long)va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned int);
	}
}

static long long arg_signed(const struct fmt_spec *f, va_list *ap)
{
	switch (f->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, ssize_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static const char *put_pointer(struct out *o, const char *p, struct fmt_spec *f, va_list *ap)
{
	void *ptr = va_arg(*ap, void *);

	if (*p == 'S' || *p == 's' || *p == 'B') {
		put_symbol(o, (unsigned long)ptr, *p, f);
		return p + 1;
	}
	/* a plain %p prints the full hex value (mmos does not hash pointers) */
	f->zero = true;
	if (f->width < 0)
		f->width = (int)(2 * sizeof(void *));
	put_num(o, (unsigned long)ptr, false, 16, false, f);
	return p;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	struct fmt_spec f;
	va_list args;
	const char *p;

	va_copy(args, ap);
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		p = parse_spec(p + 1, &f, &args);
		switch (*p) {
		case 'd':
		case 'i': {
			long long v = arg_signed(&f, &args);

			put_num(&o, v < 0 ? -(unsigned long long)v : (unsigned long long)v, v < 0, 10,
				false, &f);
			break;
		}
		case 'u':
			put_num(&o, arg_unsigned(&f, &args), false, 10, false, &f);
			break;
		case 'x':
		case 'X':
			put_num(&o, arg_unsigned(&f, &args), false, 16, *p == 'X', &f);
			break;
		case 'o':
			put_num(&o, arg_unsigned(&f, &args), false, 8, false, &f);
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!f.left)
				pad(&o, ' ', f.width - 1);
			put(&o, c);
			if (f.left)
				pad(&o, ' ', f.width - 1);
			break;
		}
		case 's':
			put_str(&o, va_arg(args, const char *), &f);
			break;
		case 'p':
			p = put_pointer(&o, p + 1, &f, &args) - 1;
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			p--;	/* a lone '%' at the end: stop */
			break;
		default:	/* unknown conversion: print it as written */
			put(&o, '%');
			put(&o, *p);
			break;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (size_t)n < size ? n : (int)size - 1;
}
