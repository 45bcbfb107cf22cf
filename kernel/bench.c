// SPDX-License-Identifier: MIT
/*
 * kernel/bench.c - the allocator benchmark patterns, timed in the guest.
 *
 * The shell's "bench" runs the patterns of tools/bench/alloc_bench.c on the
 * kernel's own allocators and prints TSC cycles per operation. Under QEMU's
 * TCG these cycles are emulation time: informational, for comparing runs of
 * one build, never a test.
 */
#include <asm/processor.h>
#include <kernel/irqflags.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <mm/gfp.h>
#include <mm/slab.h>

#define BATCH	4096
#define LIVE	1000

static void *slots[BATCH];
static u64 seed = 12345;

static unsigned int next_rand(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned int)(seed >> 33);
}

static void report(const char *what, u64 cycles, unsigned long ops)
{
	console_printf("  %-28s %8lu cycles/op  (%lu ops)\n", what, (unsigned long)(cycles / ops), ops);
}

static void bench_slab(void)
{
	unsigned long n = 100000;
	u64 t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++)
		kfree(kmalloc(64, GFP_KERNEL));
	report("kmalloc-64 + kfree", rdtsc() - t0, n);
	t0 = rdtsc();
	for (int i = 0; i < BATCH; i++)
		slots[i] = kmalloc(64, GFP_KERNEL);
	for (int i = 0; i < BATCH; i++)
		kfree(slots[i]);
	report("4096 kmallocs, then frees", rdtsc() - t0, BATCH);
	for (int i = 0; i < LIVE; i++)
		slots[i] = kmalloc(8 + next_rand() % 4089, GFP_KERNEL);
	t0 = rdtsc();
	for (unsigned long i = 0; i < n; i++) {
		unsigned int k = next_rand() % LIVE;

		kfree(slots[k]);
		slots[k] = kmalloc(8 + next_rand() % 4089, GFP_KERNEL);
	}
	report("mixed 8..4096, 1000 live", rdtsc() - t0, n);
	for (int i = 0; i < LIVE; i++)
		kfree(slots[i]);
}

static void bench_pages(void)
{
	unsigned long n = 100000;
	u64 t0 = rdtsc();

	for (unsigned long i = 0; i < n; i++)
		__free_pages(alloc_pages(GFP_KERNEL, 0), 0);
	report("order-0 page + free", rdtsc() - t0, n);
	t0 = rdtsc();
	for (int i = 0; i < BATCH; i++)
		slots[i] = alloc_pages(GFP_KERNEL, 0);
	for (int i = 0; i < BATCH; i++)
		if (slots[i])
			__free_pages(slots[i], 0);
	report("fill 16 MiB, then drain", rdtsc() - t0, BATCH);
}

static int cmd_bench(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_printf("mmos allocator benchmark (TSC cycles; under TCG: informational)\n");
	bench_slab();
	bench_pages();
	kmem_cache_shrink_all();
	drain_all_pages();
	return 0;
}
SHELL_COMMAND(bench, "time the allocator patterns in cycles/op (informational)", cmd_bench);
