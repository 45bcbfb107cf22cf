// SPDX-License-Identifier: MIT
/*
 * tests/kernel/gfp_test.c - GFP flags: values, the zone table, placement.
 *
 * gfp_zone() is checked for all 16 combinations of the four zone modifiers
 * against the table written out here per arch (i386: DMA32 means Normal;
 * x86_64: HIGHMEM means Normal). Invalid combinations must WARN, naming the
 * caller and the flags, and fail. Every page handed out must lie in a zone
 * the flags allow, checked by physical address.
 */
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "mm_checks.h"

#define BAD	(-1)

/* index = the four zone bits (DMA 1, HIGHMEM 2, DMA32 4, MOVABLE 8) */
static const int expected_zone[16] = {
#ifdef CONFIG_X86_64
	ZONE_NORMAL, ZONE_DMA, ZONE_NORMAL, BAD, ZONE_DMA32, BAD, BAD, BAD,
	ZONE_NORMAL, ZONE_DMA, ZONE_MOVABLE, BAD, ZONE_DMA32, BAD, BAD, BAD,
#else
	ZONE_NORMAL, ZONE_DMA, ZONE_HIGHMEM, BAD, ZONE_NORMAL, BAD, BAD, BAD,
	ZONE_NORMAL, ZONE_DMA, ZONE_MOVABLE, BAD, ZONE_NORMAL, BAD, BAD, BAD,
#endif
};

static void test_gfp_values(struct ktest *t)
{
	EXPECT_EQ(t, GFP_KERNEL, 0xcc0);
	EXPECT_EQ(t, GFP_ATOMIC, 0x820);
	EXPECT_EQ(t, GFP_NOWAIT, 0x2800);
	EXPECT_EQ(t, GFP_NOIO, 0xc00);
	EXPECT_EQ(t, GFP_NOFS, 0xc40);
	EXPECT_EQ(t, GFP_USER, 0x100cc0);
	EXPECT_EQ(t, GFP_HIGHUSER, 0x100cc2);
	EXPECT_EQ(t, GFP_HIGHUSER_MOVABLE, 0x100cca);
	EXPECT_EQ(t, GFP_DMA, 0x1);
	EXPECT_EQ(t, GFP_DMA32, 0x4);
	EXPECT_EQ(t, __GFP_ZERO, 0x100);
	EXPECT_EQ(t, __GFP_COMP, 0x40000);
	EXPECT_EQ(t, __GFP_NOWARN, 0x2000);
	EXPECT_EQ(t, __GFP_NOFAIL, 0x8000);
	EXPECT_EQ(t, __GFP_RETRY_MAYFAIL, 0x4000);
	EXPECT_EQ(t, GFP_ZONEMASK, 0xf);
}

static void test_gfp_zone_table(struct ktest *t)
{
	for (gfp_t bits = 0; bits < 16; bits++) {
		gfp_t gfp = GFP_KERNEL | bits;

		if (expected_zone[bits] == BAD) {
			EXPECT_TRUE(t, gfp_zone_bad(gfp));
			continue;
		}
		EXPECT_FALSE(t, gfp_zone_bad(gfp));
		if ((int)gfp_zone(gfp) != expected_zone[bits])
			ktest_info(t, "zone bits %#x: got zone %d", bits, gfp_zone(gfp));
		EXPECT_EQ(t, gfp_zone(gfp), expected_zone[bits]);
	}
}

/*
 * Linux v6.12's %pGg: __def_gfpflag_names in include/trace/events/mmflags.h
 * at v6.12 lists GFP_TRANSHUGE, GFP_TRANSHUGE_LIGHT, GFP_HIGHUSER_MOVABLE,
 * GFP_HIGHUSER, GFP_USER, GFP_KERNEL_ACCOUNT, GFP_KERNEL, GFP_NOFS,
 * GFP_ATOMIC, GFP_NOIO, GFP_NOWAIT, GFP_DMA, __GFP_HIGHMEM, GFP_DMA32,
 * __GFP_HIGH, __GFP_IO, __GFP_FS, __GFP_NOWARN, __GFP_RETRY_MAYFAIL,
 * __GFP_NOFAIL, __GFP_NORETRY, __GFP_COMP, __GFP_ZERO, __GFP_NOMEMALLOC,
 * __GFP_MEMALLOC, __GFP_HARDWALL, __GFP_THISNODE, __GFP_RECLAIMABLE,
 * __GFP_MOVABLE, __GFP_ACCOUNT, __GFP_WRITE, __GFP_RECLAIM,
 * __GFP_DIRECT_RECLAIM, __GFP_KSWAPD_RECLAIM, __GFP_ZEROTAGS; lib/vsprintf.c
 * format_flags() prints each entry whose bits are all still set and leaves
 * the rest in hex. The strings below are worked out from that list by hand;
 * the marked ones differ under 6.15's bit-order table (ca29a0bf1221), so a
 * table in bit order fails here. GFP_ATOMIC|GFP_DMA is lib/test_printf.c's.
 * "none" for 0 is mmos's (and trace events' show_gfp_flags()); 6.12's %pGg
 * prints nothing for 0 (docs/gfp-flags.md).
 */
static void test_gfp_format(struct ktest *t)
{
	static const struct { gfp_t gfp; const char *want; } cases[] = {
		{ GFP_KERNEL, "GFP_KERNEL" },
		{ GFP_KERNEL | __GFP_DMA | __GFP_HIGHMEM, "GFP_KERNEL|GFP_DMA|__GFP_HIGHMEM" },
		{ GFP_KERNEL | __GFP_DMA32, "GFP_KERNEL|GFP_DMA32" },
		/* 6.15: GFP_KERNEL|GFP_DMA32|__GFP_HIGHMEM */
		{ GFP_KERNEL | __GFP_DMA32 | __GFP_HIGHMEM, "GFP_KERNEL|__GFP_HIGHMEM|GFP_DMA32" },
		/* vmalloc_32's mask under the rule of March 2017 (docs/vmalloc.md), 0x2cc6 */
		{ 0x2cc6, "GFP_KERNEL|__GFP_HIGHMEM|GFP_DMA32|__GFP_NOWARN" },
		{ GFP_ATOMIC | __GFP_DMA, "GFP_ATOMIC|GFP_DMA" },
		{ GFP_HIGHUSER_MOVABLE | __GFP_ZERO, "GFP_HIGHUSER_MOVABLE|__GFP_ZERO" },
		{ GFP_ATOMIC | __GFP_COMP | __GFP_NOWARN, "GFP_ATOMIC|__GFP_NOWARN|__GFP_COMP" },
		/* 6.15: GFP_KERNEL|__GFP_ZERO|__GFP_COMP */
		{ GFP_KERNEL | __GFP_ZERO | __GFP_COMP, "GFP_KERNEL|__GFP_COMP|__GFP_ZERO" },
		/* 6.15: __GFP_ZERO|__GFP_NOWARN */
		{ __GFP_ZERO | __GFP_NOWARN, "__GFP_NOWARN|__GFP_ZERO" },
		/* 6.15: __GFP_MEMALLOC|__GFP_NOMEMALLOC */
		{ __GFP_MEMALLOC | __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC|__GFP_MEMALLOC" },
		/* 6.15: __GFP_RECLAIMABLE|__GFP_HARDWALL */
		{ __GFP_RECLAIMABLE | __GFP_HARDWALL, "__GFP_HARDWALL|__GFP_RECLAIMABLE" },
		/* 6.15: __GFP_DIRECT_RECLAIM|__GFP_WRITE */
		{ __GFP_DIRECT_RECLAIM | __GFP_WRITE, "__GFP_WRITE|__GFP_DIRECT_RECLAIM" },
		/* 0x401c00; 6.15: GFP_NOIO|__GFP_WRITE|__GFP_ACCOUNT */
		{ __GFP_RECLAIM | __GFP_WRITE | __GFP_ACCOUNT, "GFP_NOIO|__GFP_ACCOUNT|__GFP_WRITE" },
		/*
		 * GFP_TRANSHUGE_LIGHT = (GFP_HIGHUSER_MOVABLE 0x100cca | COMP 0x40000 |
		 * NOMEMALLOC 0x80000 | NOWARN 0x2000) & ~__GFP_RECLAIM 0xc00 = 0x1c20ca;
		 * GFP_TRANSHUGE adds __GFP_DIRECT_RECLAIM 0x400.
		 */
		{ 0x1c24ca, "GFP_TRANSHUGE" },
		{ 0x1c20ca, "GFP_TRANSHUGE_LIGHT" },
		/* GFP_NOWAIT is KSWAPD_RECLAIM 0x800 | NOWARN 0x2000 since v6.8 (16f5dfbc851b) */
		{ 0x2800, "GFP_NOWAIT" },
		{ 0x2900, "GFP_NOWAIT|__GFP_ZERO" },
		{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
		{ __GFP_HIGH, "__GFP_HIGH" },
		{ __GFP_RECLAIM | __GFP_ZERO, "GFP_NOIO|__GFP_ZERO" },
		{ __GFP_DIRECT_RECLAIM | __GFP_MOVABLE, "__GFP_MOVABLE|__GFP_DIRECT_RECLAIM" },
		{ __GFP_NOWARN | 0x1000000, "__GFP_NOWARN|0x1000000" },
		{ 0, "none" },
	};
	char buf[160];

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		format_gfp_flags(buf, sizeof(buf), cases[i].gfp);
		if (strcmp(buf, cases[i].want))
			ktest_info(t, "%#x: got %s", cases[i].gfp, buf);
		EXPECT_STREQ(t, buf, cases[i].want);
	}
}

static noinline void test_gfp_invalid_combinations(struct ktest *t)
{
	unsigned long free0 = nr_free_pages();

	for (gfp_t bits = 0; bits < 16; bits++) {
		struct page *page = (struct page *)1;
		u64 mark = printk_log_mark();
		char expect[160], names[128];

		if (expected_zone[bits] != BAD)
			continue;
		EXPECT_WARN(t, page = alloc_pages(GFP_KERNEL | bits, 0));
		EXPECT_NULL(t, page);
		format_gfp_flags(names, sizeof(names), GFP_KERNEL | bits);
		snprintf(expect, sizeof(expect), "mode:%#x(%s) from test_gfp_invalid_combinations+0x",
			 GFP_KERNEL | bits, names);
		EXPECT_TRUE(t, printk_logged_since(mark, expect));
	}
	EXPECT_EQ(t, nr_free_pages(), free0);
}

/* Has the buddy allocator pages in any zone gfp may use? */
static bool allowed_zones_populated(gfp_t gfp)
{
	for (int z = 0; z <= (int)gfp_zone(gfp); z++)
		if (managed_zone(&contig_page_data.node_zones[z]))
			return true;
	return false;
}

/* Allocate n blocks of each order 0..4 with gfp; all must lie below limit_pfn. */
static void check_placement(struct ktest *t, gfp_t gfp, unsigned long limit_pfn, bool lowmem)
{
	struct page *pages[5][32];
	unsigned long bad = 0, got = 0;

	for (unsigned int o = 0; o < 5; o++)
		for (int i = 0; i < 32; i++) {
			struct page *p = alloc_pages(gfp | __GFP_NOWARN, o);

			pages[o][i] = p;
			if (!p)
				continue;
			got++;
			if (page_to_pfn(p) + (1UL << o) > limit_pfn)
				bad++;
			if (page_to_pfn(p) & ((1UL << o) - 1))
				bad++;	/* natural alignment */
			if (lowmem && PageHighMem(p))
				bad++;
		}
	for (unsigned int o = 0; o < 5; o++)
		for (int i = 0; i < 32; i++)
			if (pages[o][i])
				__free_pages(pages[o][i], o);
	if (allowed_zones_populated(gfp))
		EXPECT_GT(t, got, 0);
	else
		EXPECT_EQ(t, got, 0);	/* e.g. GFP_DMA on a machine with no RAM below 16 MiB */
	EXPECT_EQ(t, bad, 0);
}

static void test_gfp_placement(struct ktest *t)
{
	check_placement(t, GFP_DMA, 0x1000, true);
	check_placement(t, GFP_KERNEL | __GFP_DMA, 0x1000, true);
#ifdef CONFIG_ZONE_DMA32
	check_placement(t, GFP_DMA32, 0x100000, true);
	check_placement(t, GFP_KERNEL | __GFP_DMA32 | __GFP_MOVABLE, 0x100000, true);
	check_placement(t, GFP_KERNEL, ~0UL, true);
	check_placement(t, GFP_HIGHUSER, ~0UL, true);	/* HIGHMEM means Normal here */
#else
	/* i386: DMA32 is low memory (OPT_ZONE_DMA32), never highmem */
	check_placement(t, GFP_DMA32, max_low_pfn, true);
	check_placement(t, GFP_KERNEL, max_low_pfn, true);
	check_placement(t, GFP_HIGHUSER, max_pfn, false);
#endif
}

/*
 * The first choice is the highest zone the flags allow that has memory to
 * spare: a zone too small to clear its watermarks (a few pages of HighMem)
 * is passed over, as on Linux.
 */
static void test_gfp_highest_zone_first(struct ktest *t)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_DMA32, GFP_DMA, GFP_HIGHUSER };

	for (unsigned int i = 0; i < ARRAY_SIZE(gfps); i++) {
		int want = zone_for_request(contig_page_data.node_zonelist.zones, gfps[i], 3);
		struct page *p;

		p = alloc_pages(gfps[i] | __GFP_NOWARN, 3);
		if (want < 0) {	/* no zone it may use can spare the block */
			EXPECT_NULL(t, p);
			continue;
		}
		ASSERT_NOT_NULL(t, p);
		EXPECT_EQ(t, page_zonenum(p), (enum zone_type)want);
		__free_pages(p, 3);
	}
}

static struct ktest_case gfp_cases[] = {
	KTEST_CASE(test_gfp_values),
	KTEST_CASE(test_gfp_zone_table),
	KTEST_CASE(test_gfp_format),
	KTEST_CASE(test_gfp_invalid_combinations),
	KTEST_CASE(test_gfp_placement),
	KTEST_CASE(test_gfp_highest_zone_first),
	{}
};

static struct ktest_suite gfp_suite = { .name = "gfp", .cases = gfp_cases };
KTEST_SUITE(gfp_suite);
