/* SPDX-License-Identifier: MIT */
/*
 * kernel/bug.h - panic, BUG and WARN.
 *
 * panic() prints "Kernel panic - not syncing: <why>" and a stack trace, then
 * stops the machine (under QEMU: isa-debug-exit with the panic code).
 * BUG_ON(c) is for states the kernel cannot continue from. WARN_ON(c) and
 * WARN(c, fmt, ...) report a bug the kernel survives: "WARNING: ... at
 * file:line function+off/size" and the call trace; the _ONCE forms only the
 * first time each one fires, until clear_warn_once(). They evaluate to the
 * condition, so they can guard the recovery: if (WARN_ON(!page)) return NULL;
 */
#ifndef KERNEL_BUG_H
#define KERNEL_BUG_H

#include <kernel/compiler.h>

__noreturn __printf(1, 2) void panic(const char *fmt, ...);
__noreturn void __bug(const char *file, int line, unsigned long ip);
__printf(4, 5) void __warn(const char *file, int line, unsigned long ip, const char *fmt, ...);
/* Number of WARNs since boot (tests use it to see that a warning fired). */
unsigned long warn_count(void);

/*
 * Taint: the kinds of bug the kernel has reported and survived, with
 * Linux's flag numbers (include/linux/panic.h). A WARN taints W; a "BUG: Bad
 * page state" or a slab corruption report taints B, as Linux's bad_page()
 * and slab_bug() do. mmos counts every report, not only the first, so a
 * test can tell that one more came (ktest fails a case on one it did not
 * expect).
 */
#define TAINT_BAD_PAGE		5
#define TAINT_WARN		9
#define TAINT_FLAGS_COUNT	19
void add_taint(unsigned int flag);
unsigned long taint_count(unsigned int flag);
/*
 * Let every WARN_ON_ONCE()/WARN_ONCE() fire again: Linux's debugfs
 * clear_warn_once. It clears the flags in the data_once section.
 */
void clear_warn_once(void);
void dump_stack(void);

#define BUG()		__bug(__FILE__, __LINE__, _THIS_IP_)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond) ({ \
	int __ret_warn = !!(cond); \
	if (unlikely(__ret_warn)) \
		__warn(__FILE__, __LINE__, _THIS_IP_, NULL); \
	unlikely(__ret_warn); })

#define WARN(cond, fmt, ...) ({ \
	int __ret_warn = !!(cond); \
	if (unlikely(__ret_warn)) \
		__warn(__FILE__, __LINE__, _THIS_IP_, fmt, ##__VA_ARGS__); \
	unlikely(__ret_warn); })

/*
 * The _ONCE forms' flags live together in one section, as Linux's
 * .data..once, so that clear_warn_once() can reset them all. Its name is a
 * C identifier so that the hosted build's linker, which has no script of
 * ours, still defines __start_data_once and __stop_data_once.
 */
#define __warn_once_flag	__section("data_once")

#define WARN_ON_ONCE(cond) ({ \
	static bool __warn_once_flag __warned; \
	int __ret_warn = !!(cond); \
	if (unlikely(__ret_warn) && !__warned) { \
		__warned = true; \
		__warn(__FILE__, __LINE__, _THIS_IP_, NULL); \
	} \
	unlikely(__ret_warn); })

#define WARN_ONCE(cond, fmt, ...) ({ \
	static bool __warn_once_flag __warned; \
	int __ret_warn = !!(cond); \
	if (unlikely(__ret_warn) && !__warned) { \
		__warned = true; \
		__warn(__FILE__, __LINE__, _THIS_IP_, fmt, ##__VA_ARGS__); \
	} \
	unlikely(__ret_warn); })

#endif
