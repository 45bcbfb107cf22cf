// SPDX-License-Identifier: MIT
/*
 * tests/kernel/shell_test.c - the shell's commands as a user types them,
 * through shell_exec(), with the console quiet.
 *
 * Handles: alloc/free, kmalloc/kfree, kmem_cache_*, vmalloc/vfree and
 * kmap/kunmap each take what they say (the page's zone and pfn range are
 * checked from first principles: ZONE_DMA ends at 16 MiB, ZONE_DMA32 at
 * 4 GiB) and give it all back. Refusals: every command, old and new, is fed
 * words it must not accept; each answers SHELL_USAGE or SHELL_FAILED and
 * leaves every counter the reports print unchanged. Report mode: a report
 * run from the shell does not enter the log buffer (dmesg), one printed by
 * the kernel does. The argument readers' own rules. Kernel only (the shell
 * is not in the hosted build); registers "shell handles" as a ktest resource.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/shell_mm.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmstat.h>
#include "../../mm/internal.h"

static void sample_shell_handles(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", shell_handles_held());
}
KTEST_RESOURCE("shell handles", sample_shell_handles);

/* Run one command line quietly; its status. */
static int run(const char *cmd)
{
	char line[256];
	bool quiet = printk_console_quiet(true);
	int status;

	strlcpy(line, cmd, sizeof(line));
	status = shell_exec(line);
	printk_console_quiet(quiet);
	return status;
}

/* Run cmd, which must make a handle; its id, or 0 after a failed expectation. */
static unsigned int run_handle(struct ktest *t, const char *cmd)
{
	unsigned int held = shell_handles_held();
	int status = run(cmd);

	if (status)
		ktest_info(t, "'%s': status %d", cmd, status);
	EXPECT_EQ(t, status, SHELL_OK);
	EXPECT_EQ(t, shell_handles_held(), held + 1);
	return status ? 0 : shell_last_handle();
}

static void run_ok(struct ktest *t, const char *fmt, unsigned int id)
{
	char cmd[64];
	int status;

	snprintf(cmd, sizeof(cmd), fmt, id);
	status = run(cmd);
	if (status)
		ktest_info(t, "'%s': status %d", cmd, status);
	EXPECT_EQ(t, status, SHELL_OK);
}

static bool zone_has_memory(enum zone_type z)
{
	return z < MAX_NR_ZONES && managed_zone(&contig_page_data.node_zones[z]);
}

/* alloc ORDER FLAGS: the block is where the flags say, taken, and freed by free. */
static void test_shell_alloc_free(struct ktest *t)
{
	/* ZONE_DMA: the first 16 MiB, 4096 pages of 4 KiB (ISA's 24 address bits) */
	const unsigned long dma_end = (16UL << 20) >> PAGE_SHIFT;
	unsigned int held = shell_handles_held(), id;
	struct page *page;

	if (!zone_has_memory(ZONE_DMA))
		ktest_skip(t, "ZONE_DMA has no managed pages here");
	id = run_handle(t, "alloc 3 GFP_DMA");
	ASSERT_NE(t, id, 0);
	page = shell_handle_page(id);
	ASSERT_NOT_NULL(t, page);
	EXPECT_EQ(t, page_zonenum(page), ZONE_DMA);
	EXPECT_LT(t, page_to_pfn(page) + 8, dma_end + 1);
	EXPECT_EQ(t, page_to_pfn(page) & 7, 0);		/* an order-3 block is 8-page aligned */
	EXPECT_FALSE(t, PageBuddy(page));
	EXPECT_EQ(t, page_ref_count(page), 1);
	run_ok(t, "free %u", id);
	EXPECT_EQ(t, shell_handles_held(), held);
	EXPECT_NULL(t, shell_handle_page(id));
	EXPECT_EQ(t, run("free 1 2"), SHELL_USAGE);

	/* the same id is free again: a second free of it is refused, nothing freed twice */
	{
		char cmd[32];

		snprintf(cmd, sizeof(cmd), "free %u", id);
		EXPECT_EQ(t, run(cmd), SHELL_FAILED);
	}
#ifdef CONFIG_ZONE_DMA32
	if (zone_has_memory(ZONE_DMA32)) {
		/* below 4 GiB */
		id = run_handle(t, "alloc 0 GFP_KERNEL|__GFP_DMA32");
		ASSERT_NE(t, id, 0);
		page = shell_handle_page(id);
		ASSERT_NOT_NULL(t, page);
		EXPECT_LE(t, page_zonenum(page), ZONE_DMA32);
		EXPECT_TRUE(t, page_to_pfn(page) < ((4ULL << 30) >> PAGE_SHIFT));
		run_ok(t, "free %u", id);
	}
#endif
	/* __GFP_COMP: a compound page of order 2 */
	id = run_handle(t, "alloc 2 GFP_KERNEL|__GFP_COMP");
	ASSERT_NE(t, id, 0);
	page = shell_handle_page(id);
	ASSERT_NOT_NULL(t, page);
	EXPECT_TRUE(t, PageHead(page));
	EXPECT_EQ(t, compound_order(page), 2);
	run_ok(t, "free %u", id);
	EXPECT_EQ(t, shell_handles_held(), held);
}

static void test_shell_kmalloc_and_caches(struct ktest *t)
{
	unsigned long large0 = kmalloc_large_pages();
	unsigned int k, big, c, o;
	struct page *page;
	char cmd[64];

	k = run_handle(t, "kmalloc 100");
	ASSERT_NE(t, k, 0);
	page = shell_handle_page(k);
	ASSERT_NOT_NULL(t, page);
	EXPECT_TRUE(t, PageSlab(page));
	big = run_handle(t, "kmalloc 64K");	/* beyond the kmalloc caches: whole pages */
	ASSERT_NE(t, big, 0);
	EXPECT_EQ(t, kmalloc_large_pages(), large0 + 16);
	run_ok(t, "kfree %u", k);
	run_ok(t, "kfree %u", big);
	EXPECT_EQ(t, kmalloc_large_pages(), large0);

	c = run_handle(t, "kmem_cache_create shell_test 100 SLAB_NO_MERGE|SLAB_HWCACHE_ALIGN");
	ASSERT_NE(t, c, 0);
	snprintf(cmd, sizeof(cmd), "kmem_cache_alloc %u", c);
	o = run_handle(t, cmd);
	ASSERT_NE(t, o, 0);
	page = shell_handle_page(o);
	ASSERT_NOT_NULL(t, page);
	EXPECT_TRUE(t, PageSlab(page));
	/* the cache still has an object the shell holds: destroy is refused */
	snprintf(cmd, sizeof(cmd), "kmem_cache_destroy %u", c);
	EXPECT_EQ(t, run(cmd), SHELL_FAILED);
	/* an object handle is not a cache, a cache handle is not pages */
	snprintf(cmd, sizeof(cmd), "kmem_cache_destroy %u", o);
	EXPECT_EQ(t, run(cmd), SHELL_FAILED);
	snprintf(cmd, sizeof(cmd), "free %u", c);
	EXPECT_EQ(t, run(cmd), SHELL_FAILED);
	run_ok(t, "kmem_cache_free %u", o);
	run_ok(t, "kmem_cache_destroy %u", c);
}

static void test_shell_vmalloc_kmap(struct ktest *t)
{
	unsigned long areas0 = vmalloc_nr_areas(), pages0 = vmalloc_nr_pages();
	unsigned int v, a, m, pk0 = nr_pkmaps_in_use();
	struct page *page;
	char cmd[64];

	v = run_handle(t, "vmalloc 20K");
	ASSERT_NE(t, v, 0);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas0 + 1);
	EXPECT_EQ(t, vmalloc_nr_pages(), pages0 + 5);
	run_ok(t, "vfree %u", v);
	vmalloc_drain_deferred();
	EXPECT_EQ(t, vmalloc_nr_areas(), areas0);
	EXPECT_EQ(t, vmalloc_nr_pages(), pages0);

	/* kmap of a page the test holds: lowmem needs no slot, HighMem takes one */
	a = run_handle(t, "alloc 0 GFP_HIGHUSER");
	ASSERT_NE(t, a, 0);
	page = shell_handle_page(a);
	ASSERT_NOT_NULL(t, page);
	snprintf(cmd, sizeof(cmd), "kmap %#lx", page_to_pfn(page));
	m = run_handle(t, cmd);
	ASSERT_NE(t, m, 0);
	EXPECT_PTR_EQ(t, shell_handle_page(m), page);
	EXPECT_EQ(t, nr_pkmaps_in_use(), pk0 + (PageHighMem(page) ? 1 : 0));
	run_ok(t, "kunmap %u", m);
	EXPECT_EQ(t, nr_pkmaps_in_use(), pk0);
	run_ok(t, "free %u", a);
}

/* What the reports print, in numbers: any change shows a command changed something. */
struct mm_state {
	unsigned long free, pcp, slab, large, vm_areas, vm_pages, handles, kmaps;
};

static struct mm_state mm_state_now(void)
{
	struct mm_state s = { .free = nr_free_pages(), .slab = slab_pages(),
			      .large = kmalloc_large_pages(), .vm_areas = vmalloc_nr_areas(),
			      .vm_pages = vmalloc_nr_pages(), .handles = shell_handles_held(),
			      .kmaps = nr_pkmaps_in_use() };
	struct zone *z;

	for_each_populated_zone(z)
		s.pcp += this_cpu_pcp(z)->count;
	return s;
}

/*
 * Every command, fed what it must refuse: a usage line (SHELL_USAGE) for a
 * malformed line, one line of refusal (SHELL_FAILED) for a well-formed
 * request it cannot honour; and nothing changes.
 */
/*
 * A line with %u names a handle: it is given an id no handle holds, so the
 * suite run from a shell refuses it and leaves the user's handles alone.
 */
static const struct { const char *line; int status; } bad_lines[] = {
		{ "alloc", SHELL_USAGE }, { "alloc x", SHELL_USAGE }, { "alloc 11", SHELL_USAGE },
		{ "alloc -1", SHELL_USAGE }, { "alloc 1x", SHELL_USAGE },
		{ "alloc 1 GFP_BOGUS", SHELL_USAGE }, { "alloc 1 GFP_KERNEL junk", SHELL_USAGE },
		{ "alloc 1 GFP_KERNEL|", SHELL_USAGE },
		{ "alloc 1 GFP_DMA|__GFP_HIGHMEM", SHELL_FAILED },
		{ "free", SHELL_USAGE }, { "free x", SHELL_USAGE }, { "free 0", SHELL_FAILED },
		{ "free 65", SHELL_FAILED }, { "free %u", SHELL_FAILED }, { "free 99999999999999999999", SHELL_USAGE },
		{ "kmalloc", SHELL_USAGE }, { "kmalloc 0", SHELL_USAGE },
		{ "kmalloc 5M", SHELL_USAGE }, { "kmalloc 12Q", SHELL_USAGE },
		{ "kmalloc 64 GFP_DMA32|GFP_DMA", SHELL_FAILED },
		{ "kfree", SHELL_USAGE }, { "kfree abc", SHELL_USAGE }, { "kfree %u", SHELL_FAILED },
		{ "kmem_cache_create", SHELL_USAGE }, { "kmem_cache_create n", SHELL_USAGE },
		{ "kmem_cache_create n 0", SHELL_USAGE }, { "kmem_cache_create n 9K", SHELL_USAGE },
		{ "kmem_cache_create n 64 SLAB_BOGUS", SHELL_USAGE },
		{ "kmem_cache_create n 64 GFP_KERNEL", SHELL_USAGE },
		{ "kmem_cache_create n 100 SLAB_CACHE_DMA|SLAB_CACHE_DMA32", SHELL_FAILED },
		{ "kmem_cache_create a_name_longer_than_thirty_one_chars 64", SHELL_USAGE },
		{ "kmem_cache_alloc", SHELL_USAGE }, { "kmem_cache_alloc 1 GFP_NOPE", SHELL_USAGE },
		{ "kmem_cache_free q", SHELL_USAGE }, { "kmem_cache_destroy 1 2", SHELL_USAGE },
		{ "vmalloc", SHELL_USAGE }, { "vmalloc 0", SHELL_USAGE },
		{ "vmalloc 1G GFP_KERNEL x", SHELL_USAGE }, { "vmalloc 4096 __GFP_BOGUS", SHELL_USAGE },
		{ "vfree", SHELL_USAGE }, { "vfree %u", SHELL_FAILED },
		{ "kmap", SHELL_USAGE }, { "kmap pfn", SHELL_USAGE },
		{ "kmap 0xfffffff", SHELL_FAILED }, { "kunmap %u", SHELL_FAILED },
		{ "handles all", SHELL_USAGE },
		{ "pageinfo", SHELL_USAGE }, { "pageinfo abc", SHELL_USAGE },
		{ "pageinfo 1 0", SHELL_USAGE }, { "pageinfo 1 4097", SHELL_USAGE },
		{ "pageinfo 1 2 3", SHELL_USAGE },
		{ "slabattr", SHELL_USAGE }, { "slabattr no_such_cache", SHELL_FAILED },
		{ "ktest", SHELL_USAGE }, { "ktest a b", SHELL_USAGE },
		{ "ktest no_such_suite_anywhere", SHELL_FAILED },
		{ "buddyinfo x", SHELL_USAGE }, { "zoneinfo 1", SHELL_USAGE },
		{ "meminfo -a", SHELL_USAGE }, { "slabinfo x", SHELL_USAGE },
		{ "vmallocinfo x", SHELL_USAGE }, { "kmapinfo x", SHELL_USAGE },
		{ "memblock x", SHELL_USAGE }, { "e820 x", SHELL_USAGE }, { "dmesg -c", SHELL_USAGE },
		{ "cmdline x", SHELL_USAGE }, { "version x", SHELL_USAGE }, { "help me", SHELL_USAGE },
		{ "drain now", SHELL_USAGE }, { "drain slab x", SHELL_USAGE },
		{ "crash", SHELL_USAGE }, { "crash NOPE", SHELL_USAGE }, { "bench x", SHELL_USAGE },
		{ "poweroff now", SHELL_USAGE }, { "quit 1", SHELL_USAGE }, { "exit 0", SHELL_USAGE },
		{ "trace", SHELL_USAGE }, { "trace alloc x", SHELL_USAGE },
		{ "trace bogus 1", SHELL_USAGE }, { "trace free %u", SHELL_FAILED }, { "trace free 6 7", SHELL_USAGE }, { "trace alloc 11", SHELL_USAGE },
		{ "trace kfree x", SHELL_USAGE },
		{ "trace kmalloc 0", SHELL_USAGE }, { "trace alloc 1 GFP_DMA|GFP_DMA32", SHELL_FAILED },
		{ "memmap x", SHELL_USAGE }, { "frag x", SHELL_USAGE }, { "frag 101", SHELL_USAGE },
		{ "frag 10 20", SHELL_USAGE }, { "vtop", SHELL_USAGE }, { "vtop zz", SHELL_USAGE },
		{ "extfrag_index x", SHELL_USAGE }, { "unusable_index x", SHELL_USAGE },
		{ "pci x", SHELL_USAGE }, { "dma x", SHELL_USAGE }, { "vmprint x", SHELL_USAGE },
		{ "vtop 1 2", SHELL_USAGE }, { "frag 0", SHELL_USAGE },
		{ "no_such_command", -1 },
		{ "alloc 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", SHELL_USAGE },
};

/* Feed every bad line; each answers as it must and nothing changes. */
static void check_bad_input(struct ktest *t)
{
	unsigned int unused = shell_handle_unused();
	struct mm_state s0, s1;
	char line[128];

	if (!unused) {
		ktest_skip(t, "all %d shell handles are held: no id to refuse", SHELL_MAX_HANDLES);
		return;
	}
	drain_all_pages();
	s0 = mm_state_now();
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_lines); i++) {
		int status;

		snprintf(line, sizeof(line), bad_lines[i].line, unused);
		status = run(line);
		s1 = mm_state_now();
		if (status != bad_lines[i].status || memcmp(&s0, &s1, sizeof(s0)))
			ktest_info(t, "'%s': status %d (want %d), state %s", line, status,
				   bad_lines[i].status,
				   memcmp(&s0, &s1, sizeof(s0)) ? "changed" : "kept");
		EXPECT_EQ(t, status, bad_lines[i].status);
		EXPECT_EQ(t, memcmp(&s0, &s1, sizeof(s0)), 0);
	}
}

extern const struct shell_command __start_shell_commands[], __stop_shell_commands[];

/* Does a line of bad_lines start with the command name? */
static bool bad_lines_try(const char *name)
{
	size_t n = strlen(name);

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_lines); i++)
		if (!strncmp(bad_lines[i].line, name, n) &&
		    (bad_lines[i].line[n] == ' ' || !bad_lines[i].line[n]))
			return true;
	return false;
}

/*
 * 'ktest GLOB' selecting no suite is a refusal like any other command's:
 * status SHELL_FAILED and a line of shell dialogue (console_printf(), not
 * logged), not a ktest run that finds nothing (ktest_run() logs "ktest: no
 * suite matches ..." with a stamp; the runner's shell configurations check
 * the console line).
 */
static void test_shell_ktest_refuses_unknown_glob(struct ktest *t)
{
	u64 mark = printk_log_mark();

	EXPECT_EQ(t, ktest_nr_selected("no_such_suite_anywhere"), 0);
	EXPECT_EQ(t, run("ktest no_such_suite_anywhere"), SHELL_FAILED);
	EXPECT_FALSE(t, printk_logged_since(mark, "no suite matches"));
	EXPECT_FALSE(t, printk_logged_since(mark, "no_such_suite_anywhere"));
}

/*
 * 'ktest GLOB' naming existing cases that ktest.filter= all leaves out is
 * no unknown glob: ktest_run() reports it, in its logged line naming the
 * filter, and the command fails. The filter is set through its parameter's
 * ops for the length of the command, then put back as this run had it.
 */
static void test_shell_ktest_filtered_glob(struct ktest *t)
{
	extern const struct kernel_param __start_kernel_params[], __stop_kernel_params[];
	static const char glob[] = "shell.test_shell_parse_size";	/* an invariant case */
	static const char cmd[] = "ktest shell.test_shell_parse_size";
	const struct kernel_param *kp = NULL;
	char before[64];
	u64 mark;
	int status;

	for (const struct kernel_param *p = __start_kernel_params; p < __stop_kernel_params; p++)
		if (!strcmp(p->name, "ktest.filter"))
			kp = p;
	ASSERT_NOT_NULL(t, kp);
	ASSERT_TRUE(t, ktest_glob_matches(glob));
	kp->ops->get(before, sizeof(before), kp);
	mark = printk_log_mark();
	ASSERT_EQ(t, kp->ops->set("design=true", kp), 0);
	status = run(cmd);
	EXPECT_EQ(t, kp->ops->set(before, kp), 0);
	EXPECT_EQ(t, status, SHELL_FAILED);
	EXPECT_TRUE(t, printk_logged_since(mark, "ktest: no suite matches "
					   "'shell.test_shell_parse_size' with ktest.filter=design=true"));
}

static void test_shell_bad_input_changes_nothing(struct ktest *t)
{
	check_bad_input(t);
	/* every registered command is fed at least one bad line */
	for (const struct shell_command *c = __start_shell_commands; c < __stop_shell_commands; c++) {
		if (!bad_lines_try(c->name))
			ktest_info(t, "command '%s' has no bad line in bad_lines", c->name);
		EXPECT_TRUE(t, bad_lines_try(c->name));
	}
}

/*
 * The same lines from a shell holding handles (as 'ktest shell' typed after
 * 'alloc 0; kmap PFN; vmalloc 4K; kmalloc 64' runs): every refusal names a
 * free id, so the held handles stay, each of its kind.
 */
static void test_shell_bad_input_keeps_held_handles(struct ktest *t)
{
	unsigned int a, m, v, k;
	char cmd[64];

	a = run_handle(t, "alloc 0");
	ASSERT_NE(t, a, 0);
	snprintf(cmd, sizeof(cmd), "kmap %#lx", page_to_pfn(shell_handle_page(a)));
	m = run_handle(t, cmd);
	v = run_handle(t, "vmalloc 4K");
	k = run_handle(t, "kmalloc 64");
	check_bad_input(t);
	EXPECT_PTR_EQ(t, shell_handle_page(a), shell_handle_page(m));
	EXPECT_NOT_NULL(t, shell_handle_page(k));
	if (k)
		run_ok(t, "kfree %u", k);
	if (v)
		run_ok(t, "vfree %u", v);
	if (m)
		run_ok(t, "kunmap %u", m);
	run_ok(t, "free %u", a);
}

/* A report asked for in the shell is not a kernel message: not in the log. */
static void test_shell_reports_not_logged(struct ktest *t)
{
	u64 mark = printk_log_mark();
	bool quiet;

	EXPECT_EQ(t, run("buddyinfo"), SHELL_OK);
	EXPECT_EQ(t, run("meminfo"), SHELL_OK);
	EXPECT_EQ(t, run("pageinfo 0x1 2"), SHELL_OK);
	EXPECT_TRUE(t, printk_log_mark() == mark);
	/* the same function printed by the kernel goes to the log, stamped */
	quiet = printk_console_quiet(true);
	show_buddyinfo();
	printk_console_quiet(quiet);
	EXPECT_TRUE(t, printk_logged_since(mark, "] Node 0, zone "));
}

static void test_shell_parse_size(struct ktest *t)
{
	static const struct { const char *s; int err; unsigned long v; } cases[] = {
		{ "4096", 0, 4096 }, { "0x1000", 0, 4096 }, { "4K", 0, 4096 }, { "4k", 0, 4096 },
		{ "2M", 0, 2UL << 20 }, { "1G", 0, 1UL << 30 }, { "0", 0, 0 },
		{ "", -EINVAL, 0 }, { "K", -EINVAL, 0 }, { "4KB", -EINVAL, 0 }, { "4 K", -EINVAL, 0 },
		{ "-4K", -EINVAL, 0 }, { "4T", -EINVAL, 0 },
		/* 2^(bits of long) / 1024 K is one too many */
		{ sizeof(long) == 8 ? "18014398509481984K" : "4194304K", -ERANGE, 0 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long v = 7;
		int err = shell_parse_size(cases[i].s, &v);

		if (err != cases[i].err)
			ktest_info(t, "shell_parse_size(\"%s\"): %d", cases[i].s, err);
		EXPECT_EQ(t, err, cases[i].err);
		EXPECT_TRUE(t, v == (err ? 7UL : cases[i].v));
	}
}

static struct ktest_case shell_cases[] = {
	KTEST_CASE(test_shell_alloc_free),
	KTEST_CASE(test_shell_kmalloc_and_caches),
	KTEST_CASE(test_shell_vmalloc_kmap),
	KTEST_CASE(test_shell_bad_input_changes_nothing),
	KTEST_CASE(test_shell_ktest_refuses_unknown_glob),
	KTEST_CASE(test_shell_ktest_filtered_glob),
	KTEST_CASE(test_shell_bad_input_keeps_held_handles),
	KTEST_CASE(test_shell_reports_not_logged),
	KTEST_CASE(test_shell_parse_size),
	{}
};

static struct ktest_suite shell_suite = { .name = "shell", .cases = shell_cases };
KTEST_SUITE(shell_suite);
