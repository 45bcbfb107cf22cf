/* SPDX-License-Identifier: MIT */
/*
 * kernel/bench.h - the in-guest allocator benchmark (kernel/bench.c).
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include <kernel/types.h>

/*
 * Run the six allocator patterns, ops operations each where the pattern
 * takes a count, printing cycles/op if print; returns the allocations that
 * failed. Everything taken is given back (caches shrunk, per-CPU lists
 * drained).
 */
unsigned long alloc_bench(unsigned long ops, bool print);

#endif
