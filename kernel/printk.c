// SPDX-License-Identifier: MIT
/*
 * kernel/printk.c - printk: level filtering, time stamps, the log buffer.
 *
 * Owns: console_loglevel, the log ring (the newest LOG_BUF_SIZE bytes, with a
 * 64-bit write position so tests can ask what was logged since a mark), and
 * the line state that decides where a "[    s.us] " stamp goes, and the level
 * each of the newest LOG_LEVELS messages was printed at (Linux's log records
 * keep theirs; dmesg -r shows them), so tests can ask which level a report used.
 * Locking: logbuf_lock with interrupts off. A printk from inside printk (an
 * exception while printing) skips the lock rather than deadlock: an oops
 * must always get out.
 * Tests: tests/kernel/printk_test.c.
 */
#include <kernel/printk.h>
#include <kernel/irqflags.h>
#include <kernel/console.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/cmdline.h>
#include <kernel/time.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
core_param_int(loglevel, console_loglevel, 0, 15);

static DEFINE_SPINLOCK(logbuf_lock);
static char log_buf[LOG_BUF_SIZE];
static u64 log_pos;		/* total bytes ever written */
static bool at_line_start = true;
static int cur_level = LOGLEVEL_DEFAULT;	/* level of the line being built */
static int printk_depth;
static bool console_quiet;
static bool report_mode;

/* Where each of the newest messages starts in the log, and its level. */
#define LOG_LEVELS	1024
static struct {
	u64 pos;
	int level;
} log_levels[LOG_LEVELS];
static unsigned int log_levels_next;
static bool log_levels_wrapped;

static void log_store(const char *s, size_t n, bool to_console)
{
	for (size_t i = 0; i < n; i++)
		log_buf[(log_pos + i) % LOG_BUF_SIZE] = s[i];
	log_pos += n;
	if (to_console)
		arch_console_write(s, n);
}

/* Emit text: stamp each new line, filter by level, keep everything in the log. */
static void emit(const char *text, int level)
{
	bool show = level < console_loglevel && !console_quiet;

	if (report_mode) {	/* a report for the shell: the console only, as given */
		if (!console_quiet)
			arch_console_write(text, strlen(text));
		return;
	}

	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) + 1 : strlen(text);

		if (at_line_start) {
			char stamp[32];
			u64 ns = local_clock_ns();
			int len = scnprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
					    (unsigned long)(ns / 1000000000ULL),
					    (unsigned long)((ns / 1000ULL) % 1000000ULL));

			log_store(stamp, (size_t)len, show);
		}
		log_store(text, n, show);
		at_line_start = nl != NULL;
		text += n;
	}
}

int vprintk(const char *fmt, va_list ap)
{
	char line[512];
	int level = LOGLEVEL_DEFAULT, n;
	unsigned long flags;
	bool nested, cont = false;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;	/* a continuation keeps the line's level */
		else if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	n = vsnprintf(line, sizeof(line), fmt, ap);

	local_irq_save(flags);
	nested = printk_depth++ > 0;
	if (!nested)
		spin_lock(&logbuf_lock);
	if (cont) {
		level = cur_level;
	} else if (!at_line_start && !report_mode) {
		emit("\n", cur_level);	/* a new message ends a dangling line */
	}
	cur_level = level;
	if (!cont && !report_mode) {	/* a new message: where it starts, its level */
		log_levels[log_levels_next].pos = log_pos;
		log_levels[log_levels_next].level = level;
		if (++log_levels_next == LOG_LEVELS) {
			log_levels_next = 0;
			log_levels_wrapped = true;
		}
	}
	emit(line, level);
	if (!nested)
		spin_unlock(&logbuf_lock);
	printk_depth--;
	local_irq_restore(flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

u64 printk_log_mark(void)
{
	return READ_ONCE(log_pos);
}

size_t printk_log_read(u64 mark, char *buf, size_t size)
{
	unsigned long flags;
	u64 end;

	local_irq_save(flags);
	end = log_pos;
	size_t n = 0;

	if (end - mark > LOG_BUF_SIZE)
		mark = end - LOG_BUF_SIZE;	/* older text was overwritten */
	for (u64 p = mark; p < end && n + 1 < size; p++)
		buf[n++] = log_buf[p % LOG_BUF_SIZE];
	if (size)
		buf[n] = '\0';
	local_irq_restore(flags);
	return n;
}

/* A copy of the log for the searches below (tests', one at a time). */
static char log_scratch[LOG_BUF_SIZE + 1];

unsigned int printk_log_count(u64 mark, const char *needle)
{
	unsigned int n = 0;

	printk_log_read(mark, log_scratch, sizeof(log_scratch));
	for (const char *p = log_scratch; *needle && (p = strstr(p, needle)); p++)
		n++;
	return n;
}

bool printk_logged_since(u64 mark, const char *needle)
{
	return printk_log_count(mark, needle) != 0;
}

int printk_log_level(u64 mark, const char *needle)
{
	int level = -1;
	u64 start, end, at, best = 0;
	const char *hit;

	end = printk_log_mark();
	start = end - mark > LOG_BUF_SIZE ? end - LOG_BUF_SIZE : mark;
	printk_log_read(start, log_scratch, sizeof(log_scratch));
	hit = *needle ? strstr(log_scratch, needle) : NULL;
	if (!hit)
		return -1;
	at = start + (u64)(hit - log_scratch);
	/* the message holding it: the last one to start at or before it */
	for (unsigned int i = 0; i < (log_levels_wrapped ? LOG_LEVELS : log_levels_next); i++) {
		if (log_levels[i].pos > at || (level >= 0 && log_levels[i].pos < best))
			continue;
		best = log_levels[i].pos;
		level = log_levels[i].level;
	}
	return level;
}

bool printk_console_quiet(bool quiet)
{
	bool was = console_quiet;

	console_quiet = quiet;
	return was;
}

bool printk_report_mode(bool on)
{
	bool was = report_mode;

	report_mode = on;
	return was;
}

int console_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!console_quiet)
		arch_console_write(buf, strnlen(buf, sizeof(buf)));
	return n;
}
