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
 * takes a count, handing each one's result to fn (if not NULL) as it ends,
 * in this order: kmalloc-64 pairs, 4096 kmalloc-64s then frees, mixed
 * sizes 8..4096 with `live` objects live, order-0 page pairs, 4096 pages
 * then frees, random orders 0..10 with `live` blocks live. live is clamped
 * to 1..1000 (the shell's bench uses 1000). Returns the allocations that
 * failed. Everything taken is given back (caches shrunk, per-CPU lists
 * drained).
 */
unsigned long alloc_bench(unsigned long ops, unsigned int live, bench_report_fn fn, void *arg);

#endif
