// SPDX-License-Identifier: MIT
/*
 * tests/kernel/bench_test.c - the in-guest benchmark runs and gives back.
 *
 * Not a timing test: it prints each pattern's cycles per operation as a
 * KTAP diagnostic (under QEMU's TCG, emulation time: informational) and
 * checks nothing about them. It checks that each of the six patterns
 * runs, that where memory is plentiful no allocation failed, and (through
 * the free-pages resource every suite is held to) that every page and
 * object it took came back.
 */
#include <kernel/bench.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <mm/gfp.h>
#include "mm_checks.h"

static void report(void *arg, const char *what, unsigned long cycles_per_op, unsigned long ops,
		   unsigned long failed)
{
	ktest_info(arg, "%s: %lu cycles/op (%lu ops, %lu allocations failed)", what,
		   cycles_per_op, ops, failed);
}

static void test_bench_gives_everything_back(struct ktest *t)
{
	/* random orders keeps about 190 MiB live: below that, failures are expected */
	bool plenty = free_pages_now() > (512UL << 20) >> PAGE_SHIFT;
	unsigned long failed = alloc_bench(2000, report, t);

	ktest_info(t, "%lu allocations failed", failed);
	if (plenty)
		EXPECT_EQ(t, failed, 0);
}

static struct ktest_case bench_cases[] = {
	KTEST_CASE(test_bench_gives_everything_back),
	{}
};

static struct ktest_suite bench_suite = { .name = "bench", .cases = bench_cases };
KTEST_SUITE(bench_suite);
