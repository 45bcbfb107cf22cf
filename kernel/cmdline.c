// SPDX-License-Identifier: MIT
/*
 * kernel/cmdline.c - the boot command line and kernel parameters.
 *
 * Owns: boot_command_line (a copy of what the loader passed), the splitter
 * next_arg(), parse_args() that feeds a parameter table, the setters for the
 * standard parameter types, and memparse().
 * Must not touch: what a parameter means; owners register and read their own.
 * Tests: tests/kernel/cmdline_test.c.
 */
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct kernel_param __start_kernel_params[], __stop_kernel_params[];

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (is_space(args[i]) && !in_quote)
			break;
		if (!equals && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') {	/* strip the quotes around a value */
			(*val)++;
			if (i > 0 && args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}
	while (is_space(*args))
		args++;
	return args;
}

static bool param_name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;

		if (x != y)
			return false;
	}
	return *a == *b;
}

int parse_args(const char *doing, char *args, const struct kernel_param *params, size_t num,
	       void (*unknown)(const char *param, const char *val, void *arg), void *arg)
{
	int errors = 0;

	while (is_space(*args))
		args++;
	while (*args) {
		char *param, *val, cur[64];
		const struct kernel_param *kp = NULL;
		int err;

		args = next_arg(args, &param, &val);
		if (!strcmp(param, "--"))
			break;	/* the rest would be init's */
		for (size_t i = 0; i < num && !kp; i++)
			if (param_name_eq(params[i].name, param))
				kp = &params[i];
		if (!kp) {
			if (unknown)
				unknown(param, val, arg);
			errors++;
			continue;
		}
		cur[0] = '\0';
		if (kp->ops->get)
			kp->ops->get(cur, sizeof(cur), kp);
		err = kp->ops->set(val, kp);
		if (err) {
			pr_err("%s: '%s' invalid for parameter '%s' (%s), keeping '%s'\n", doing,
			       val ? val : "", param, kp->ops->type, cur);
			errors++;
		}
	}
	return errors;
}

/* Parse a whole signed number in C notation; no trailing characters allowed. */
static int parse_long(const char *s, long long *out)
{
	bool neg = false;
	unsigned long long v = 0;
	unsigned int base = 10;
	const char *start;

	if (!s || !*s)
		return -EINVAL;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	start = s;
	for (; *s; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned int)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			d = (unsigned int)(*s - 'A' + 10);
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		if (v > (0x7fffffffffffffffULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (s == start)
		return -EINVAL;
	*out = neg ? -(long long)v : (long long)v;
	return 0;
}

static int set_int(const char *val, const struct kernel_param *kp)
{
	long long v;
	int err = parse_long(val, &v);

	if (err)
		return err;
	if (v < kp->min || v > kp->max)
		return -ERANGE;
	*(int *)kp->arg = (int)v;
	return 0;
}

static int get_int(char *buf, size_t size, const struct kernel_param *kp)
{
	return scnprintf(buf, size, "%d", *(int *)kp->arg);
}

static int set_uint(const char *val, const struct kernel_param *kp)
{
	long long v;
	int err = parse_long(val, &v);

	if (err)
		return err;
	if (v < 0 || v < kp->min || v > kp->max)
		return -ERANGE;
	*(unsigned int *)kp->arg = (unsigned int)v;
	return 0;
}

static int get_uint(char *buf, size_t size, const struct kernel_param *kp)
{
	return scnprintf(buf, size, "%u", *(unsigned int *)kp->arg);
}

static int set_ulong(const char *val, const struct kernel_param *kp)
{
	long long v;
	int err = parse_long(val, &v);

	if (err)
		return err;
	if (v < 0 || (unsigned long long)v > (unsigned long)-1)
		return -ERANGE;
	*(unsigned long *)kp->arg = (unsigned long)v;
	return 0;
}

static int get_ulong(char *buf, size_t size, const struct kernel_param *kp)
{
	return scnprintf(buf, size, "%lu", *(unsigned long *)kp->arg);
}

static int set_bool(const char *val, const struct kernel_param *kp)
{
	static const char *const yes[] = { "1", "y", "Y", "yes", "on", "true" };
	static const char *const no[] = { "0", "n", "N", "no", "off", "false" };

	if (!val) {	/* a bare name turns it on */
		*(bool *)kp->arg = true;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcmp(val, yes[i]) || !strcmp(val, no[i])) {
			*(bool *)kp->arg = !strcmp(val, yes[i]);
			return 0;
		}
	}
	return -EINVAL;
}

static int get_bool(char *buf, size_t size, const struct kernel_param *kp)
{
	return scnprintf(buf, size, "%c", *(bool *)kp->arg ? 'Y' : 'N');
}

static int set_string(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	if (strlen(val) >= kp->maxlen)
		return -ERANGE;
	strlcpy(kp->arg, val, kp->maxlen);
	return 0;
}

static int get_string(char *buf, size_t size, const struct kernel_param *kp)
{
	return scnprintf(buf, size, "%s", (const char *)kp->arg);
}

const struct kernel_param_ops param_ops_int = { set_int, get_int, "integer" };
const struct kernel_param_ops param_ops_uint = { set_uint, get_uint, "unsigned integer" };
const struct kernel_param_ops param_ops_ulong = { set_ulong, get_ulong, "unsigned long" };
const struct kernel_param_ops param_ops_bool = { set_bool, get_bool, "bool" };
const struct kernel_param_ops param_ops_string = { set_string, get_string, "string" };

unsigned long long memparse(const char *s, char **end)
{
	unsigned long long v = 0;
	unsigned int base = 10, shift = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    ((s[2] >= '0' && s[2] <= '9') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'f'))) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (;; s++) {
		unsigned int d;
		char c = (char)(*s | 0x20);

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	switch (*s | 0x20) {
	case 'e': shift += 10; /* fall through */
	case 'p': shift += 10; /* fall through */
	case 't': shift += 10; /* fall through */
	case 'g': shift += 10; /* fall through */
	case 'm': shift += 10; /* fall through */
	case 'k': shift += 10; s++; break;
	default: break;
	}
	if (end)
		*end = (char *)s;
	return v << shift;
}

struct unknown_list {
	char buf[256];
	size_t len;
};

static void collect_unknown(const char *param, const char *val, void *arg)
{
	struct unknown_list *u = arg;

	u->len += (size_t)scnprintf(u->buf + u->len, sizeof(u->buf) - u->len, "%s%s%s%s",
				    u->len ? " " : "", param, val ? "=" : "", val ? val : "");
}

/*
 * QEMU -kernel and GRUB put the image path in front of the arguments; it is
 * not a parameter. It is recognised as a first word with a '/' and no '='.
 */
static char *skip_image_path(char *args)
{
	char *p = args;

	while (is_space(*p))
		p++;
	for (char *q = p; *q && !is_space(*q); q++) {
		if (*q == '=')
			return args;
		if (*q == '/') {
			while (*q && !is_space(*q))
				q++;
			return q;
		}
	}
	return args;
}

int parse_core_params(const char *doing, char *args,
		      void (*unknown)(const char *param, const char *val, void *arg), void *arg)
{
	return parse_args(doing, args, __start_kernel_params,
			  (size_t)(__stop_kernel_params - __start_kernel_params), unknown, arg);
}

void parse_boot_params(void)
{
	static char scratch[COMMAND_LINE_SIZE];
	struct unknown_list unknown = { .len = 0 };

	strlcpy(scratch, boot_command_line, sizeof(scratch));
	parse_core_params("Kernel command line", skip_image_path(scratch), collect_unknown,
			  &unknown);
	if (unknown.len)
		pr_warn("Unknown kernel command line parameters \"%s\": ignored (mmos has no user space)\n",
			unknown.buf);
}
