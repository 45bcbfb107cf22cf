// SPDX-License-Identifier: MIT
/*
 * kernel/printk.c - printk: level filtering, time stamps, the log buffer.
 *
 * Owns: console_loglevel, the log ring (the newest LOG_BUF_SIZE bytes, with a
 * 64-bit write position so tests can ask what was logged since a mark), and
 * the line state that decides where a "[    s.us] " stamp goes, and the level
 * each of the newest LOG_LEVELS messages was printed at (Linux's log records
 * keep theirs; dmesg -r shows them), so tests can ask which level a report used.
 * Readers (searches, dmesg, a test's line) read the ring in place; nothing
 * holds a second copy of the log.
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

/*
 * Where each of the newest messages starts in the log, and its level, in
 * one word: pos << 3 | level (levels are 0..7), 8 KiB for the lot.
 */
#define LOG_LEVELS	1024
static u64 log_levels[LOG_LEVELS];
static unsigned int log_levels_next;
static bool log_levels_wrapped;

/* The oldest position the ring still holds, with end its newest. */
static u64 log_first(u64 end)
{
	return end > LOG_BUF_SIZE ? end - LOG_BUF_SIZE : 0;
}

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
		log_levels[log_levels_next] = log_pos << 3 | (u64)(level & 7);
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

	if (mark < log_first(end))
		mark = log_first(end);	/* older text was overwritten */
	for (u64 p = mark; p < end && n + 1 < size; p++)
		buf[n++] = log_buf[p % LOG_BUF_SIZE];
	if (size)
		buf[n] = '\0';
	local_irq_restore(flags);
	return n;
}

/*
 * The searches below read the ring in place, as Linux's readers of the
 * printk ring buffer do (kmsg_dump_get_line(), prb_read_valid()): no copy
 * of the log is made, so the log costs its 128 KiB once.
 */
static bool log_match(u64 at, const char *needle, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (log_buf[(at + i) % LOG_BUF_SIZE] != needle[i])
			return false;
	return true;
}

bool printk_log_find(u64 *pos, const char *needle)
{
	size_t len = strlen(needle);
	unsigned long flags;
	bool found = false;
	u64 end, at;

	if (!len)
		return false;
	local_irq_save(flags);
	end = log_pos;
	at = *pos < log_first(end) ? log_first(end) : *pos;
	for (; at + len <= end; at++) {
		if (log_match(at, needle, len)) {
			*pos = at;
			found = true;
			break;
		}
	}
	local_irq_restore(flags);
	return found;
}

u64 printk_log_line_start(u64 pos)
{
	unsigned long flags;
	u64 first;

	local_irq_save(flags);
	first = log_first(log_pos);
	if (pos > log_pos)
		pos = log_pos;
	while (pos > first && log_buf[(pos - 1) % LOG_BUF_SIZE] != '\n')
		pos--;
	if (pos < first)
		pos = first;
	local_irq_restore(flags);
	return pos;
}

size_t printk_log_get_line(u64 *pos, char *line, size_t size)
{
	unsigned long flags;
	size_t n = 0;
	u64 end, at;

	if (!size)
		return 0;
	local_irq_save(flags);
	end = log_pos;
	at = *pos < log_first(end) ? log_first(end) : *pos;
	while (at < end && n + 1 < size) {
		char c = log_buf[at++ % LOG_BUF_SIZE];

		line[n++] = c;
		if (c == '\n')
			break;
	}
	line[n] = '\0';
	*pos = at;
	local_irq_restore(flags);
	return n;
}

unsigned int printk_log_count(u64 mark, const char *needle)
{
	unsigned int n = 0;

	for (u64 at = mark; printk_log_find(&at, needle); at++)
		n++;
	return n;
}

bool printk_logged_since(u64 mark, const char *needle)
{
	return printk_log_find(&mark, needle);
}

int printk_log_level(u64 mark, const char *needle)
{
	int level = -1;
	u64 at = mark, best = 0;

	if (!printk_log_find(&at, needle))
		return -1;
	/* the message holding it: the last one to start at or before it */
	for (unsigned int i = 0; i < (log_levels_wrapped ? LOG_LEVELS : log_levels_next); i++) {
		u64 pos = log_levels[i] >> 3;

		if (pos > at || (level >= 0 && pos < best))
			continue;
		best = pos;
		level = (int)(log_levels[i] & 7);
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
