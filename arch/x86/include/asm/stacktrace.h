/* SPDX-License-Identifier: MIT */
/*
 * asm/stacktrace.h - call traces from frame pointers.
 *
 * The kernel is built with -fno-omit-frame-pointer: each frame starts with
 * the caller's frame pointer, followed by the return address. The walk stays
 * inside the kernel stack the first frame is on and stops at a zero frame
 * pointer (the boot code clears it) or after STACKTRACE_MAX frames.
 */
#ifndef ASM_STACKTRACE_H
#define ASM_STACKTRACE_H

#define STACKTRACE_MAX	32

/* Print "Call Trace:" and one " symbol+off/size" line per frame. */
void show_trace(unsigned long ip, unsigned long bp);
/* Fill entries[] with return addresses from frame bp on; returns how many. */
unsigned int save_stack_trace(unsigned long bp, unsigned long *entries, unsigned int max);

/* The kernel stack whose guard page holds addr, or NULL. */
struct guarded_stack *stack_guard_of(unsigned long addr);

#endif
