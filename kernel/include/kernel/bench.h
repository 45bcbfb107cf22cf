/* SPDX-License-Identifier: MIT */
/*
 * kernel/bench.h - the in-guest allocator benchmark (kernel/bench.c).
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include <kernel/types.h>

/* Called once per pattern with its TSC cycles per operation. */
typedef void (*bench_report_fn)(void *arg, const char *what, unsigned long cycles_per_op,
				unsigned long ops, unsigned long failed);

/*
 * Run the six allocator patterns, ops operations each where the pattern
 * takes a count, handing each one's result to fn (if not NULL); returns the
 * allocations that failed. Everything taken is given back (caches shrunk,
 * per-CPU lists drained).
 */
unsigned long alloc_bench(unsigned long ops, bench_report_fn fn, void *arg);

#endif
