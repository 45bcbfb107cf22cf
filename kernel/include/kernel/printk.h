/* SPDX-License-Identifier: MIT */
/*
 * kernel/printk.h - formatted output, log levels, the log buffer.
 *
 * Formats (kernel/vsprintf.c): %d %i %u %x %X %o %c %s %p %% with the flags
 * '-', '0', '#', '+', ' ', a width and precision (numbers or '*'), and the
 * length modifiers hh h l ll L z t j. %pS prints a code address as
 * symbol+0xoff/0xsize, %ps as the bare symbol name, %pB a return address
 * (looked up one byte back, so a call at the end of a function resolves).
 *
 * Log levels work as in Linux: a message starts with KERN_<LEVEL>; it reaches
 * the console when its level is below console_loglevel (loglevel= on the
 * command line, default 7). Every message goes to the log buffer whatever
 * its level, with a "[seconds.micros] " stamp of constant width.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <kernel/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_DEFAULT	4	/* level of a message without a prefix */
#define CONSOLE_LOGLEVEL_DEFAULT 7

extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
/* Like snprintf but returns what was written (not what would have been). */
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

/*
 * The log buffer keeps the newest LOG_BUF_SIZE bytes of every message:
 * 128 KiB, Linux's default (CONFIG_LOG_BUF_SHIFT=17, init/Kconfig). 64 KiB
 * was too little for a full ktest=* run: mm_init's cases read the boot's
 * "Zone ranges:" lines back after a dozen suites have logged their reports.
 * Positions are byte counts since boot; tests take a mark, run code and ask
 * whether a string was logged since the mark.
 */
#define LOG_BUF_SIZE	(128 * 1024)
u64 printk_log_mark(void);
bool printk_logged_since(u64 mark, const char *needle);
/*
 * Occurrences of needle in the log from mark on (overlapping ones too; "\n"
 * counts lines). Only what the buffer still holds is seen: a mark more than
 * LOG_BUF_SIZE bytes back has lost its start.
 */
unsigned int printk_log_count(u64 mark, const char *needle);
/*
 * Copy the log from mark on into buf (NUL-terminated); returns bytes copied.
 * For a bounded piece of it (a line's head); to search the whole log, use
 * the readers below, which read the ring in place.
 */
size_t printk_log_read(u64 mark, char *buf, size_t size);
/*
 * The first occurrence of needle at or after *pos (a position older than
 * the ring holds starts at its oldest byte): true with *pos set to where it
 * starts, false (*pos unchanged) if there is none or needle is empty.
 */
bool printk_log_find(u64 *pos, const char *needle);
/* Where the line holding pos starts (no older than the ring's oldest byte). */
u64 printk_log_line_start(u64 pos);
/*
 * Copy from *pos up to and including the next '\n', at most size - 1 bytes
 * (a longer line comes in pieces), NUL-terminated, and move *pos past it;
 * returns the bytes copied, 0 at the end of the log. Linux's
 * kmsg_dump_get_line() reads the ring a line at a time in the same way.
 */
size_t printk_log_get_line(u64 *pos, char *line, size_t size);
/*
 * The level (0 KERN_EMERG .. 7 KERN_DEBUG) of the message that holds the
 * first occurrence of needle from mark on, as Linux's log records keep it;
 * -1 if needle is not there or its message is older than the newest 1024.
 */
int printk_log_level(u64 mark, const char *needle);

/* Straight to the console: no level, no stamp, not logged (shell dialogue); not while quiet. */
__printf(1, 2) int console_printf(const char *fmt, ...);

/*
 * Console output on or off (tests that provoke reports keep the log only;
 * the shell's tests run commands quietly);
 * returns the previous state, so that a quiet stretch can nest in another.
 */
bool printk_console_quiet(bool quiet);

/*
 * Report mode on or off (the shell's /proc-style reports, see
 * shell_report_begin()): printk's text goes to the console as it is given,
 * with no stamp, no level filter, and not into the log. Returns the
 * previous state.
 */
bool printk_report_mode(bool on);

#endif
