// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lab2_buddy_test.c - lab 2's graded cases: split and merge.
 *
 * Only what the buddy system itself promises, whoever wrote it
 * (Knuth, TAOCP 2.5; Linux's mm/page_alloc.c essay above __free_one_page()):
 *  - a block of order k is 2^k pages at a pfn that is a multiple of 2^k;
 *  - splitting a block of order o for a request of order k leaves the
 *    other 2^o - 2^k pages free as blocks of orders k .. o-1, one of each,
 *    so no free block smaller than the request appears;
 *  - freeing merges: no free block lies beside its free buddy
 *    (check_free_lists()), so once every block taken is given back, the
 *    free lists hold the same blocks as before, order by order (the
 *    decomposition of a set of free pages into maximal buddies is unique).
 * Never which half a split keeps, list order, or the per-CPU lists'.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

static unsigned long buddyinfo[MAX_NR_ZONES][NR_PAGE_ORDERS];
static unsigned long after[MAX_NR_ZONES][NR_PAGE_ORDERS];

static u64 lab_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The lowest order >= min with a free block in zone z, or NR_PAGE_ORDERS. */
static unsigned int smallest_free_order(unsigned long (*info)[NR_PAGE_ORDERS], int z,
					unsigned int min)
{
	for (unsigned int o = min; o < NR_PAGE_ORDERS; o++)
		if (info[z][o])
			return o;
	return NR_PAGE_ORDERS;
}

/*
 * One order-4 request (above the per-CPU lists' orders, so it goes to the
 * free lists) that must split: the order-4 blocks already free are taken
 * first (held), so the request's zone has none left and the block comes
 * from the smallest larger order with a block, leaving one new block at
 * each order from 4 up to that order - 1. (Without taking them, a machine
 * that happens to have a free order-4 block needs no split, and the case
 * would pass on code that never splits.)
 */
#define LAB2_HELD 2048
static struct page *held[LAB2_HELD];

static void test_lab2_split_leaves_one_block_per_order(struct ktest *t)
{
	const unsigned int k = 4;
	struct page *p = NULL;
	unsigned int o = NR_PAGE_ORDERS, nheld = 0;
	int z = 0;

	free_pages_now();
	while (nheld < LAB2_HELD) {
		snapshot_buddyinfo(buddyinfo);
		p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, k);
		if (!p)
			break;
		z = page_zonenum(p);
		o = smallest_free_order(buddyinfo, z, k);
		if (o > k)
			break;			/* no order-4 block was free: this one split */
		held[nheld++] = p;
		p = NULL;
	}
	if (!p) {
		while (nheld)
			__free_pages(held[--nheld], k);
		ktest_skip(t, "no order-%u request split within %u requests", k, LAB2_HELD);
	}
	snapshot_buddyinfo(after);
	EXPECT_EQ(t, page_to_pfn(p) & ((1UL << k) - 1), 0);	/* naturally aligned */
	EXPECT_LT(t, o, NR_PAGE_ORDERS);
	for (unsigned int j = 0; j < NR_PAGE_ORDERS && o < NR_PAGE_ORDERS; j++) {
		long want = (long)buddyinfo[z][j] + (j >= k && j < o) - (j == o);

		if ((long)after[z][j] != want)
			ktest_info(t, "order %u: %lu free blocks, want %ld (split of order %u)\n", j,
				   after[z][j], want, o);
		EXPECT_EQ(t, (long)after[z][j], want);
	}
	__free_pages(p, k);
	while (nheld)
		__free_pages(held[--nheld], k);
}

/* Every order from 0 to MAX_PAGE_ORDER: aligned, in a zone GFP_KERNEL may use, and back whole. */
static void test_lab2_alloc_every_order_aligned(struct ktest *t)
{
	unsigned long before = free_pages_now();

	for (unsigned int k = 0; k <= MAX_PAGE_ORDER; k++) {
		struct page *p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, k);

		if (!p)
			continue;	/* a small machine may have no block this large */
		EXPECT_EQ(t, page_to_pfn(p) & ((1UL << k) - 1), 0);
		EXPECT_LE(t, page_zonenum(p), ZONE_NORMAL);
		__free_pages(p, k);
	}
	EXPECT_EQ(t, free_pages_now(), before);
}

/*
 * 400 blocks of orders 0-5 (fixed seed), given back in a shuffled order: no
 * free block beside its free buddy, and the free lists exactly as before.
 */
static void test_lab2_merge_restores_free_lists(struct ktest *t)
{
	static struct page *pages[400];
	static unsigned int orders[400];
	unsigned int n = 0;
	u64 seed = 0xb0dd1e5ULL;

	free_pages_now();
	snapshot_buddyinfo(buddyinfo);
	for (; n < ARRAY_SIZE(pages); n++) {
		orders[n] = lab_rand(&seed) % 6;
		pages[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, orders[n]);
		if (!pages[n])
			break;
	}
	for (unsigned int i = n; i > 1; i--) {	/* Fisher-Yates */
		unsigned int j = lab_rand(&seed) % i;
		struct page *tp = pages[i - 1];
		unsigned int to = orders[i - 1];

		pages[i - 1] = pages[j];
		orders[i - 1] = orders[j];
		pages[j] = tp;
		orders[j] = to;
	}
	for (unsigned int i = 0; i < n; i++)
		__free_pages(pages[i], orders[i]);
	EXPECT_EQ(t, check_free_lists(t), 0);
	snapshot_buddyinfo(after);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			if (after[z][o] != buddyinfo[z][o])
				ktest_info(t, "zone %d order %u: %lu free blocks, %lu before\n", z, o,
					   after[z][o], buddyinfo[z][o]);
			EXPECT_EQ(t, after[z][o], buddyinfo[z][o]);
		}
}

/* The order of the free block holding pfn (its head is PageBuddy), or -1. */
static int free_block_order(unsigned long pfn)
{
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++) {
		struct page *head = pfn_to_page(pfn & ~((1UL << o) - 1));

		if (PageBuddy(head) && page_private(head) >= o)
			return (int)page_private(head);
	}
	return -1;
}

/* Two buddies freed one after the other become their parent again. */
static void test_lab2_merge_pair_of_buddies(struct ktest *t)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 5);
	unsigned long before;

	ASSERT_NOT_NULL(t, p);
	split_page(p, 5);
	__free_pages(p + 16, 0);	/* hand back the upper half page by page ... */
	for (unsigned int i = 17; i < 32; i++)
		__free_pages(p + i, 0);
	for (unsigned int i = 1; i < 16; i++)	/* ... then all but the first page */
		__free_pages(p + i, 0);
	before = free_pages_now();
	__free_pages(p, 0);
	EXPECT_EQ(t, free_pages_now(), before + 1);
	EXPECT_EQ(t, check_free_lists(t), 0);
	/* the 32 pages are inside one free block of order >= 5 again */
	EXPECT_GE(t, free_block_order(page_to_pfn(p)), 5);
}

static struct ktest_case lab2_buddy_cases[] = {
	KTEST_CASE(test_lab2_split_leaves_one_block_per_order),
	KTEST_CASE(test_lab2_alloc_every_order_aligned),
	KTEST_CASE(test_lab2_merge_restores_free_lists),
	KTEST_CASE(test_lab2_merge_pair_of_buddies),
	{}
};
static struct ktest_suite lab2_buddy_suite = {
	.name = "lab2_buddy",
	.cases = lab2_buddy_cases,
	.manual = true,	/* graded: make grade LAB=2 runs it by name (tools/grade) */
};
KTEST_SUITE(lab2_buddy_suite);
