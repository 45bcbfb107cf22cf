/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/stacktrace.h - call traces from the host's backtrace().
 */
#ifndef ASM_STACKTRACE_H
#define ASM_STACKTRACE_H

#define STACKTRACE_MAX	32

void show_trace(unsigned long ip, unsigned long bp);
unsigned int save_stack_trace(unsigned long bp, unsigned long *entries, unsigned int max);

#endif
