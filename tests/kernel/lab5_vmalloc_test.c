// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lab5_vmalloc_test.c - lab 5's graded cases: vmalloc's
 * implicit __GFP_HIGHMEM (seeds 000 and 002).
 *
 * The rule as Linux has had it since 704b862f9efd (2017-08) and
 * 698d0831ba87 (2018): vmalloc adds __GFP_HIGHMEM to the caller's flags
 * unless they ask for GFP_DMA or GFP_DMA32, which must win
 * (mm/vmalloc.c, __vmalloc_area_node()). What that means for pages: a
 * vmalloc() page comes from where GFP_KERNEL | __GFP_HIGHMEM would take
 * it (mm_checks' zone_for_request(), the zone choice written again), and
 * every vmalloc_32() page lies below 4 GiB. Checked only under the
 * default rule (vmalloc_highmem= changes it on purpose; the case reads it).
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/vmalloc.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

static void need_default_rule(struct ktest *t)
{
	if (vmalloc_highmem_rule != VMALLOC_HIGHMEM_2018)
		ktest_skip(t, "vmalloc_highmem=%s: the 2018 rule is the one graded",
			   vmalloc_highmem_rule_name(vmalloc_highmem_rule));
}

static void test_lab5_rule_adds_highmem(struct ktest *t)
{
	static const gfp_t plain[] = { GFP_KERNEL, GFP_KERNEL | __GFP_ZERO, GFP_NOWAIT, GFP_ATOMIC };

	need_default_rule(t);
	for (unsigned int i = 0; i < ARRAY_SIZE(plain); i++) {
		gfp_t g = vmalloc_highmem_gfp(plain[i]);

		EXPECT_TRUE(t, g & __GFP_HIGHMEM);
		EXPECT_EQ(t, g & ~__GFP_HIGHMEM, plain[i]);	/* nothing else changed */
	}
}

static void test_lab5_rule_dma_wins(struct ktest *t)
{
	static const gfp_t dma[] = { GFP_KERNEL | GFP_DMA32, GFP_KERNEL | GFP_DMA, GFP_DMA32 };

	need_default_rule(t);
	for (unsigned int i = 0; i < ARRAY_SIZE(dma); i++)
		EXPECT_EQ(t, vmalloc_highmem_gfp(dma[i]), dma[i]);
}

/* Where the pages of one 64-page vmalloc() come from. */
static void test_lab5_vmalloc_pages_from_highest_zone(struct ktest *t)
{
	int want;
	u8 *p;
	unsigned long bad = 0;

	need_default_rule(t);
	free_pages_now();
	want = zone_for_request(contig_page_data.node_zonelist.zones, GFP_KERNEL | __GFP_HIGHMEM, 0);
	p = vmalloc(64 * PAGE_SIZE);
	ASSERT_NOT_NULL(t, p);
	ASSERT_GE(t, want, 0);
	if ((int)page_zonenum(vmalloc_to_page(p)) != want)
		ktest_info(t, "first page in zone %d, want %d\n", page_zonenum(vmalloc_to_page(p)), want);
	EXPECT_EQ(t, (int)page_zonenum(vmalloc_to_page(p)), want);
	for (unsigned int i = 0; i < 64; i++)
		memset(p + i * PAGE_SIZE, i, PAGE_SIZE);
	for (unsigned int i = 0; i < 64; i++)
		bad += p[i * PAGE_SIZE + 100] != i || p[i * PAGE_SIZE + PAGE_SIZE - 1] != i;
	EXPECT_EQ(t, bad, 0);
	vfree(p);
}

static void test_lab5_vmalloc_32_below_4g(struct ktest *t)
{
	u8 *p = vmalloc_32(256 * PAGE_SIZE);
	unsigned long above = 0;

	need_default_rule(t);
	ASSERT_NOT_NULL(t, p);
	for (unsigned int i = 0; i < 256; i++)
		above += page_to_pfn(vmalloc_to_page(p + i * PAGE_SIZE)) >= (1UL << (32 - PAGE_SHIFT));
	EXPECT_EQ(t, above, 0);
	vfree(p);
}

static struct ktest_case lab5_vmalloc_cases[] = {
	KTEST_CASE(test_lab5_rule_adds_highmem),
	KTEST_CASE(test_lab5_rule_dma_wins),
	KTEST_CASE(test_lab5_vmalloc_pages_from_highest_zone),
	KTEST_CASE(test_lab5_vmalloc_32_below_4g),
	{}
};
static struct ktest_suite lab5_vmalloc_suite = {
	.name = "lab5_vmalloc",
	.cases = lab5_vmalloc_cases,
	.manual = true,	/* graded: make grade LAB=5 runs it by name (tools/grade) */
};
KTEST_SUITE(lab5_vmalloc_suite);
