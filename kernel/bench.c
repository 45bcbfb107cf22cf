// SPDX-License-Identifier: MIT
/*
 * kernel/bench.c - the allocator benchmark patterns, timed in the guest.
 *
 * The shell's "bench" runs the six patterns of tools/bench/alloc_bench.c
 * (kmalloc-64 pairs, a batch of allocations then frees, mixed sizes with a
 * live set; order-0 page pairs, fill then drain, random orders 0..10 with a
 * live set) on the kernel's own allocators and prints TSC cycles per
 * operation. Under QEMU's TCG these cycles are emulation time: for
 * comparing runs of one build, never a test. tests/kernel/bench_test.c runs
 * it small, with a live set the machine can hold, prints its cycles as KTAP
 * diagnostics, and checks that nothing failed that the free memory could
 * have served and that it gives back everything it takes.
 */
#include <asm/processor.h>
#include <kernel/bench.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <mm/gfp.h>
#include <mm/slab.h>

#define BATCH	4096
#define LIVE	1000

static void *slots[BATCH];
static unsigned char orders[LIVE];
static unsigned int live;	/* the live set of the mixed and random patterns, <= LIVE */
static char what[40];
static u64 seed;
static bench_report_fn report_fn;
static void *report_arg;

static unsigned int next_rand(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned int)(seed >> 33);
}

static void report(const char *what, u64 cycles, unsigned long ops, unsigned long failed)
{
	if (report_fn)
		report_fn(report_arg, what, (unsigned long)(cycles / ops), ops, failed);
}

/* Each pattern returns how many of its allocations failed. */
static unsigned long bench_kmalloc_pair(unsigned long n)
{
	unsigned long failed = 0;
	u64 t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		void *p = kmalloc(64, GFP_KERNEL | __GFP_NOWARN);

		failed += !p;
		kfree(p);
	}
	report("kmalloc-64 + kfree", rdtsc() - t0, n, failed);
	return failed;
}

static unsigned long bench_kmalloc_batch(void)
{
	unsigned long failed = 0;
	u64 t0 = rdtsc();

	for (int i = 0; i < BATCH; i++)
		failed += !(slots[i] = kmalloc(64, GFP_KERNEL | __GFP_NOWARN));
	for (int i = 0; i < BATCH; i++)
		kfree(slots[i]);
	report("4096 kmallocs, then frees", rdtsc() - t0, BATCH, failed);
	return failed;
}

static unsigned long bench_kmalloc_mixed(unsigned long n)
{
	unsigned long failed = 0;
	u64 t0;

	for (unsigned int i = 0; i < live; i++)
		failed += !(slots[i] = kmalloc(8 + next_rand() % 4089, GFP_KERNEL | __GFP_NOWARN));
	t0 = rdtsc();
	for (unsigned long i = 0; i < n; i++) {
		unsigned int k = next_rand() % live;

		kfree(slots[k]);
		failed += !(slots[k] = kmalloc(8 + next_rand() % 4089, GFP_KERNEL | __GFP_NOWARN));
	}
	snprintf(what, sizeof(what), "mixed 8..4096, %u live", live);
	report(what, rdtsc() - t0, n, failed);
	for (unsigned int i = 0; i < live; i++)
		kfree(slots[i]);
	return failed;
}

static unsigned long bench_page_pair(unsigned long n)
{
	unsigned long failed = 0;
	u64 t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++) {
		struct page *p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

		if (p)
			__free_pages(p, 0);
		else
			failed++;
	}
	report("order-0 page + free", rdtsc() - t0, n, failed);
	return failed;
}

static unsigned long bench_fill_drain(void)
{
	unsigned long failed = 0;
	u64 t0 = rdtsc();

	for (int i = 0; i < BATCH; i++)
		failed += !(slots[i] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	for (int i = 0; i < BATCH; i++)
		if (slots[i])
			__free_pages(slots[i], 0);
	report("fill 16 MiB, then drain", rdtsc() - t0, BATCH, failed);
	return failed;
}

/* Orders 0..2 three times in four, else any order up to 10, as the host bench. */
static unsigned long bench_random_orders(unsigned long n)
{
	unsigned long failed = 0;
	u64 t0;

	for (unsigned int i = 0; i < live; i++) {
		orders[i] = (unsigned char)(next_rand() % 4 ? next_rand() % 3 : next_rand() % 11);
		failed += !(slots[i] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, orders[i]));
	}
	t0 = rdtsc();
	for (unsigned long i = 0; i < n; i++) {
		unsigned int k = next_rand() % live;

		if (slots[k])
			__free_pages(slots[k], orders[k]);
		failed += !(slots[k] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, orders[k]));
	}
	snprintf(what, sizeof(what), "random orders 0..10, %u live", live);
	report(what, rdtsc() - t0, n, failed);
	for (unsigned int i = 0; i < live; i++)
		if (slots[i])
			__free_pages(slots[i], orders[i]);
	return failed;
}

unsigned long alloc_bench(unsigned long ops, unsigned int live_set, bench_report_fn fn, void *arg)
{
	unsigned long failed = 0;

	live = live_set < 1 ? 1 : live_set > LIVE ? LIVE : live_set;
	seed = 12345;	/* the same sizes and orders on every run */
	report_fn = fn;
	report_arg = arg;
	failed += bench_kmalloc_pair(ops);
	failed += bench_kmalloc_batch();
	failed += bench_kmalloc_mixed(ops);
	failed += bench_page_pair(ops);
	failed += bench_fill_drain();
	failed += bench_random_orders(ops);
	kmem_cache_shrink_all();
	drain_all_pages();
	return failed;
}

static void report_to_console(void *arg, const char *what, unsigned long cycles_per_op,
			      unsigned long ops, unsigned long failed)
{
	(void)arg;
	console_printf("  %-31s %8lu cycles/op  (%lu ops, %lu allocations failed)\n", what,
		       cycles_per_op, ops, failed);
}

static int cmd_bench(int argc, char **argv)
{
	if (argc != 1)
		return shell_usage(argv[0]);
	console_printf("mmos allocator benchmark (TSC cycles; under TCG: informational)\n");
	alloc_bench(100000, LIVE, report_to_console, NULL);
	return 0;
}
SHELL_COMMAND(bench, "time the allocator patterns in cycles/op (informational)", cmd_bench);
