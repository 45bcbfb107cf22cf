// SPDX-License-Identifier: MIT
/*
 * tests/kernel/compound_test.c - compound pages, references, split_page.
 *
 * A compound page is one object: any subpage leads to the head, gets and
 * puts on any subpage count on the head, and only the last put frees the
 * whole block. split_page() goes the other way: 2^order pages, each freed
 * on its own, which the buddy allocator merges back:
 *
 *   split order 5 at P:  [P][P+1] ... [P+15][P+16] ... [P+31]   32 pages
 *   free 15, 16, 8, 24 first, the rest shuffled
 *   afterwards:          [P ............................. P+31] free, order >= 5
 */
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

static void test_compound_layout_all_orders(struct ktest *t)
{
	for (unsigned int order = 1; order <= MAX_PAGE_ORDER; order++) {
		struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, order);
		unsigned long bad = 0;

		ASSERT_NOT_NULL(t, head);
		EXPECT_TRUE(t, PageHead(head));
		EXPECT_FALSE(t, PageTail(head));
		EXPECT_EQ(t, compound_order(head), order);
		EXPECT_EQ(t, compound_nr(head), 1UL << order);
		EXPECT_EQ(t, compound_page_dtor_id(head), COMPOUND_PAGE_DTOR);
		for (unsigned long i = 1; i < (1UL << order); i++) {
			struct page *p = head + i;

			bad += !PageTail(p) || PageHead(p) || !PageCompound(p);
			bad += compound_head(p) != head;
			bad += page_ref_count(p) != 0 || page_count(p) != 1;
			bad += page_zone(p) != page_zone(head);
		}
		EXPECT_EQ(t, bad, 0);
		__free_pages(head, order);
		EXPECT_FALSE(t, PageHead(head));
		EXPECT_FALSE(t, PageTail(head + 1));
	}
}

static void test_compound_zone_respected(struct ktest *t)
{
	struct page *p = alloc_pages(GFP_DMA | __GFP_COMP | __GFP_NOWARN, 3);

	if (!zone_dma_usable()) {
		EXPECT_NULL(t, p);
		return;
	}
	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, page_zonenum(p), ZONE_DMA);
	EXPECT_ULE(t, page_to_pfn(p) + 8, 0x1000);
	EXPECT_TRUE(t, PageHead(p));
	__free_pages(p, 3);
}

static void test_compound_order0_is_plain(struct ktest *t)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 0);

	ASSERT_NOT_NULL(t, p);
	EXPECT_FALSE(t, PageCompound(p));
	EXPECT_PTR_EQ(t, compound_head(p), p);
	EXPECT_EQ(t, compound_order(p), 0);
	get_page(p);
	EXPECT_EQ(t, page_count(p), 2);
	put_page(p);
	put_page(p);	/* the last put frees it */
	EXPECT_TRUE(t, PageBuddy(p) || !page_ref_count(p));
}

/* gets on tails; puts in the given order; only the final put frees */
static void refcount_round(struct ktest *t, const int *put_order, int n)
{
	unsigned long free0 = free_pages_now();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);

	ASSERT_NOT_NULL(t, head);
	for (int i = 1; i < 8; i++)
		get_page(head + i);
	EXPECT_EQ(t, page_ref_count(head), 8);
	EXPECT_EQ(t, page_count(head + 5), 8);
	for (int i = 0; i < n; i++) {
		put_page(head + put_order[i]);
		if (i < n - 1)
			EXPECT_EQ(t, free_pages_now(), free0 - 8);	/* still allocated */
	}
	EXPECT_EQ(t, free_pages_now(), free0);
}

static void test_compound_refcount_head_last(struct ktest *t)
{
	static const int order[] = { 7, 1, 6, 2, 5, 3, 4, 0 };

	refcount_round(t, order, 8);
}

static void test_compound_refcount_tail_last(struct ktest *t)
{
	static const int order[] = { 0, 3, 1, 2, 6, 4, 5, 7 };

	refcount_round(t, order, 8);
}

static void test_compound_free_pages_with_other_holders(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	ASSERT_NOT_NULL(t, head);
	get_page(head + 3);
	__free_pages(head, 2);	/* the allocator's reference goes, the object stays */
	EXPECT_EQ(t, free_pages_now(), free0 - 4);
	EXPECT_TRUE(t, PageHead(head));
	put_page(head + 3);
	EXPECT_EQ(t, free_pages_now(), free0);
}

static u64 shuffle_state = 88172645463325252ULL;

static unsigned int rnd(unsigned int n)
{
	shuffle_state ^= shuffle_state << 13;
	shuffle_state ^= shuffle_state >> 7;
	shuffle_state ^= shuffle_state << 17;
	return (unsigned int)(shuffle_state % n);
}

static void test_compound_split_page_merges_back(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p = alloc_pages(GFP_KERNEL, 5);
	unsigned int idx[32], n = 0;
	unsigned long pfn;
	struct page *block;

	ASSERT_NOT_NULL(t, p);
	pfn = page_to_pfn(p);
	split_page(p, 5);
	for (unsigned int i = 0; i < 32; i++) {
		EXPECT_EQ(t, page_ref_count(p + i), 1);
		EXPECT_EQ(t, page_alloc_order(p + i), 0);
	}
	/* the middle pages first */
	static const unsigned int middle[] = { 15, 16, 8, 24 };
	for (unsigned int i = 0; i < ARRAY_SIZE(middle); i++)
		__free_page(p + middle[i]);
	for (unsigned int i = 0; i < 32; i++)
		if (i != 15 && i != 16 && i != 8 && i != 24)
			idx[n++] = i;
	for (unsigned int i = n - 1; i > 0; i--) {	/* Fisher-Yates */
		unsigned int j = rnd(i + 1), tmp = idx[i];

		idx[i] = idx[j];
		idx[j] = tmp;
	}
	for (unsigned int i = 0; i < n; i++)
		__free_page(p + idx[i]);
	EXPECT_EQ(t, free_pages_now(), free0);
	/* the block containing pfn is free and at least order 5, at the original address */
	block = NULL;
	for (unsigned int o = 5; o <= MAX_PAGE_ORDER; o++) {
		struct page *b = pfn_to_page(pfn & ~((1UL << o) - 1));

		if (PageBuddy(b) && page_private(b) == o)
			block = b;
	}
	ASSERT_NOT_NULL(t, block);
	EXPECT_ULE(t, page_to_pfn(block), pfn);
	EXPECT_UGE(t, page_to_pfn(block) + (1UL << page_private(block)), pfn + 32);
	EXPECT_EQ(t, pfn_listed(pfn), 1);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*
 * A tail page freed on its own is reported and the compound page stays
 * whole; the report's fields (pfn, head, order, caller) are mmos's layout,
 * wanted only by the design case (texts).
 */
static noinline void check_bad_free_tail(struct ktest *t, bool texts)
{
	unsigned long free0 = free_pages_now();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	char expect[96] = "BUG: Bad page state";

	ASSERT_NOT_NULL(t, head);
	if (texts)
		snprintf(expect, sizeof(expect), "pfn:%05lx head:%05lx order:2",
			 page_to_pfn(head + 2), page_to_pfn(head));
	EXPECT_BAD_PAGE(t, __free_pages(head + 2, 0), expect);
	EXPECT_BAD_PAGE(t, __free_pages(head + 1, 0),
			texts ? "caller:check_bad_free_tail+0x" : "BUG: Bad page state");
	EXPECT_EQ(t, page_count(head), 1);	/* untouched */
	__free_pages(head, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
}

static void test_compound_bad_free_tail(struct ktest *t)
{
	check_bad_free_tail(t, false);
}

static void test_compound_bad_free_tail_text(struct ktest *t)
{
	check_bad_free_tail(t, true);
}

static void test_compound_bad_order(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);

	ASSERT_NOT_NULL(t, head);
	EXPECT_BAD_PAGE(t, __free_pages(head, 1), "freed with order 1, allocated as a compound page with order 3");
	EXPECT_EQ(t, free_pages_now(), free0);	/* the whole compound page went back */
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*
 * A put_page() with no reference left is reported and frees nothing twice.
 * Linux 6.12 has no such report (folio_put_testzero()'s VM_BUG_ON_FOLIO, a
 * crash with CONFIG_DEBUG_VM): the wording is mmos's, only the design case
 * (text) wants it.
 */
static void check_put_below_zero(struct ktest *t, bool text)
{
	unsigned long free0 = free_pages_now();
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 1), *plain;

	ASSERT_NOT_NULL(t, head);
	put_page(head + 1);	/* the one reference: frees it */
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_BAD_PAGE(t, put_page(head), text ? "put_page would drop the reference count "
			"below zero" : "BUG: Bad page state");
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_EQ(t, pfn_listed(page_to_pfn(head)), 1);
	/* a middle page of a plain block has no reference of its own */
	plain = alloc_pages(GFP_KERNEL, 2);
	ASSERT_NOT_NULL(t, plain);
	EXPECT_BAD_PAGE(t, put_page(plain + 2), text ? "below zero" : "BUG: Bad page state");
	EXPECT_EQ(t, page_ref_count(plain), 1);	/* the block still allocated */
	__free_pages(plain, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
}

static void test_compound_put_below_zero(struct ktest *t)
{
	check_put_below_zero(t, false);
}

static void test_compound_put_below_zero_text(struct ktest *t)
{
	check_put_below_zero(t, true);
}

/*
 * The last put_page() on the first page of a plain block frees all of it:
 * mmos records the allocation's order. Linux sees an order-0 folio there
 * and frees only the first page; the rest leaks. So mmos reports the call,
 * naming both orders and the caller.
 */
static void test_compound_put_plain_block(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *plain = alloc_pages(GFP_KERNEL, 3);

	ASSERT_NOT_NULL(t, plain);
	get_page(plain);
	put_page(plain);
	EXPECT_EQ(t, free_pages_now(), free0 - 8);	/* still held once */
	EXPECT_BAD_PAGE(t, put_page(plain), "put_page frees a non-compound order-3 block; "
			"Linux would free order 0 and leak 7 pages");
	EXPECT_EQ(t, free_pages_now(), free0);
	for (unsigned int i = 0; i < 8; i++)
		EXPECT_EQ(t, pfn_listed(page_to_pfn(plain) + i), 1);
}

/*
 * split_page() of a compound page WARNs and splits nothing. All of it is
 * mmos's: Linux 6.12's split_page() has VM_BUG_ON_PAGE(PageCompound(page)),
 * a crash with CONFIG_DEBUG_VM and a split of the head's refcount without,
 * so the case is a design case, its WARN's text included.
 */
static noinline void test_compound_split_refused(struct ktest *t)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	u64 mark = printk_log_mark();
	char expect[160];

	ASSERT_NOT_NULL(t, head);
	EXPECT_WARN(t, split_page(head, 2));
	EXPECT_WARN(t, split_page(head + 1, 2));
	snprintf(expect, sizeof(expect), "split_page: pfn %#lx is part of a compound page (head "
		 "%#lx, order 2), from test_compound_split_refused+0x", page_to_pfn(head),
		 page_to_pfn(head));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	EXPECT_TRUE(t, PageHead(head));
	EXPECT_EQ(t, page_ref_count(head + 1), 0);	/* nothing was split */
	__free_pages(head, 2);
}

static void test_compound_dump_page(struct ktest *t)
{
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	u64 mark = printk_log_mark();
	char expect[96];

	ASSERT_NOT_NULL(t, head);
	printk_console_quiet(true);
	dump_page(head + 1, "test");
	dump_page_range(page_to_pfn(head), 4);
	printk_console_quiet(false);
	snprintf(expect, sizeof(expect), "page: refcount:1 pfn:%#lx head:%#lx order:2 compound_nr:4",
		 page_to_pfn(head + 1), page_to_pfn(head));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	EXPECT_TRUE(t, printk_logged_since(mark, "page dumped because: test"));
	snprintf(expect, sizeof(expect), "pfn:%#lx refcount:0 ", page_to_pfn(head + 3));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	/* Linux 6.12's %pGp: names joined by '|', then the zone field */
	snprintf(expect, sizeof(expect), "(tail|zone=%d) head:%#lx", page_zonenum(head),
		 page_to_pfn(head));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	__free_pages(head, 2);
}

/* A page marked PG_tail whose compound_head is garbage is reported, not followed. */
static void test_compound_dump_corrupt_tail(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p, saved;
	u64 mark = printk_log_mark();
	char expect[96];

	if (!check_pages_enabled)
		ktest_skip(t, "check_pages=0: the pages after the first are not checked");
	p = alloc_pages(GFP_KERNEL, 1);
	ASSERT_NOT_NULL(t, p);
	saved = p[1];
	set_page_flag(p + 1, PG_tail);
	(p + 1)->compound_head = (struct page *)((unsigned long)mem_map + 8);	/* misaligned */
	printk_console_quiet(true);
	dump_page(p + 1, "corrupt tail");
	EXPECT_BAD_PAGE(t, __free_pages(p, 1), "page in the block belongs to a compound page");
	(p + 1)->compound_head = p;	/* a real page, but not a head */
	dump_page(p + 1, "corrupt tail");
	printk_console_quiet(false);
	snprintf(expect, sizeof(expect), "page: refcount:0 pfn:%#lx head:none", page_to_pfn(p + 1));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	snprintf(expect, sizeof(expect), "pfn:%05lx head:none", page_to_pfn(p + 1));
	EXPECT_TRUE(t, printk_logged_since(mark, expect));
	EXPECT_EQ(t, page_count(p), 1);	/* the block stayed allocated */
	p[1] = saved;
	__free_pages(p, 1);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*** HighMem (i386): blocks with no permanent kernel mapping ***/

/* HighMem's free pages, exact (per-CPU lists drained). */
static unsigned long highmem_free(void)
{
#ifdef CONFIG_HIGHMEM
	drain_all_pages();
	return contig_page_data.node_zones[ZONE_HIGHMEM].nr_free;
#else
	return 0;
#endif
}

/*
 * An order-`order` block for gfp (a GFP_HIGHUSER request) that must come
 * from HighMem: HighMem is the first zone such a request tries, so it
 * serves whenever it has a free block that large above its low watermark
 * (mm_checks' expect_wmark()). Where it cannot (x86_64 has no HighMem; a
 * small i386 machine has none, or too little), the case is skipped.
 */
static struct page *alloc_highmem_block(struct ktest *t, gfp_t gfp, unsigned int order)
{
#ifdef CONFIG_HIGHMEM
	struct zone *hm = &contig_page_data.node_zones[ZONE_HIGHMEM];
	bool block = false;
	struct page *p;

	if (!managed_zone(hm))
		ktest_skip(t, "no HighMem on this machine: all of its RAM is low memory");
	drain_all_pages();
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++)
		block |= hm->free_area[o].nr_free != 0;
	if (!block || hm->nr_free < expect_wmark(hm, WMARK_LOW) + (1UL << order))
		ktest_skip(t, "HighMem (%lu pages free, low watermark %lu) cannot spare an order-%u "
			   "block", hm->nr_free, expect_wmark(hm, WMARK_LOW), order);
	p = alloc_pages(gfp, order);
	ASSERT_NOT_NULL(t, p);
	if (page_zonenum(p) != ZONE_HIGHMEM) {
		EXPECT_EQ(t, page_zonenum(p), ZONE_HIGHMEM);
		__free_pages(p, order);
		ktest_abort(t);
	}
	return p;
#else
	(void)gfp;
	(void)order;
	ktest_skip(t, "x86_64 has no HighMem: all RAM is in the direct map");
#endif
}

/* Fill a page through a temporary mapping with bytes derived from its pfn and seed. */
static void fill_page_bytes(struct page *page, u8 seed)
{
	u8 *v = kmap_local_page(page);

	for (unsigned int k = 0; k < PAGE_SIZE; k++)
		v[k] = (u8)(page_to_pfn(page) * 31 + k * 7 + seed);
	kunmap_local(v);
}

/* Bytes of the page (through a new mapping) that differ from fill_page_bytes()'s. */
static unsigned long page_bytes_wrong(struct page *page, u8 seed)
{
	const u8 *v = kmap_local_page(page);
	unsigned long bad = 0;

	for (unsigned int k = 0; k < PAGE_SIZE; k++)
		bad += v[k] != (u8)(page_to_pfn(page) * 31 + k * 7 + seed);
	kunmap_local((void *)v);
	return bad;
}

/*
 * GFP_HIGHUSER | __GFP_COMP: the head and tails are set up as for a
 * low-memory block, no page has a kernel address (page_address() is NULL),
 * the contents are reached through kmap_local_page() and keep every byte,
 * and the last put, on a tail, frees the whole block back to HighMem.
 */
static void test_compound_highmem(struct ktest *t)
{
	static const unsigned int orders[] = { 1, 3, 5 };

	/* a page kmapped before it was freed may keep its slot until the PKMAP area wraps */
	kmap_flush_unused();
	for (unsigned int k = 0; k < ARRAY_SIZE(orders); k++) {
		unsigned int order = orders[k], n = 1u << order;
		unsigned long free0 = highmem_free(), bad = 0, bytes = 0;
		struct page *head = alloc_highmem_block(t, GFP_HIGHUSER | __GFP_COMP, order);
		u8 *a, *b;

		EXPECT_TRUE(t, PageHead(head));
		EXPECT_EQ(t, compound_order(head), order);
		EXPECT_EQ(t, compound_nr(head), n);
		EXPECT_EQ(t, compound_page_dtor_id(head), COMPOUND_PAGE_DTOR);
		EXPECT_EQ(t, page_ref_count(head), 1);
		EXPECT_NULL(t, page_address(head));
		for (unsigned int i = 1; i < n; i++) {
			struct page *p = head + i;

			bad += !PageTail(p) || PageHead(p) || compound_head(p) != head;
			bad += page_ref_count(p) != 0 || page_count(p) != 1;
			bad += page_zonenum(p) != HIGHUSER_ZONE || page_address(p) != NULL;
		}
		EXPECT_EQ(t, bad, 0);
		for (unsigned int i = 0; i < n; i++)
			fill_page_bytes(head + i, (u8)order);
		for (unsigned int i = 0; i < n; i++)
			bytes += page_bytes_wrong(head + i, (u8)order);
		EXPECT_EQ(t, bytes, 0);
		/* two subpages mapped at once: two slots, each its own page */
		a = kmap_local_page(head);
		b = kmap_local_page(head + n - 1);
		EXPECT_PTR_NE(t, a, b);
		EXPECT_FALSE(t, virt_addr_valid(a));
		EXPECT_EQ(t, a[1], (u8)(page_to_pfn(head) * 31 + 7 + order));
		EXPECT_EQ(t, b[1], (u8)(page_to_pfn(head + n - 1) * 31 + 7 + order));
		kunmap_local(b);
		kunmap_local(a);
		get_page(head + n - 1);
		EXPECT_EQ(t, page_count(head), 2);
		put_page(head);			/* the allocator's reference */
		EXPECT_EQ(t, highmem_free(), free0 - n);
		EXPECT_TRUE(t, PageHead(head));
		put_page(head + n - 1);		/* the last one, on a tail */
		EXPECT_EQ(t, highmem_free(), free0);
		EXPECT_FALSE(t, PageHead(head));
		EXPECT_FALSE(t, PageTail(head + n - 1));
	}
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*
 * split_page() on a HighMem block: 2^order independent order-0 pages, each
 * with its own reference and its own bytes, each freed alone back to
 * HighMem (one page more free each time), merging back into the block.
 */
static void test_compound_highmem_split_page(struct ktest *t)
{
	unsigned long free0 = highmem_free(), bad = 0, bytes = 0;
	struct page *p = alloc_highmem_block(t, GFP_HIGHUSER, 4);
	unsigned int idx[16];
	unsigned long pfn = page_to_pfn(p);

	split_page(p, 4);
	for (unsigned int i = 0; i < 16; i++) {
		bad += page_ref_count(p + i) != 1 || page_alloc_order(p + i) != 0;
		bad += PageCompound(p + i) || page_zonenum(p + i) != HIGHUSER_ZONE;
		fill_page_bytes(p + i, 0x5a);
		idx[i] = i;
	}
	EXPECT_EQ(t, bad, 0);
	for (unsigned int i = 0; i < 16; i++)
		bytes += page_bytes_wrong(p + i, 0x5a);
	EXPECT_EQ(t, bytes, 0);
	for (unsigned int i = 15; i > 0; i--) {	/* Fisher-Yates */
		unsigned int j = rnd(i + 1), tmp = idx[i];

		idx[i] = idx[j];
		idx[j] = tmp;
	}
	for (unsigned int i = 0; i < 16; i++) {
		__free_page(p + idx[i]);
		EXPECT_EQ(t, highmem_free(), free0 - 15 + i);
		if (i < 15)	/* the others are untouched */
			EXPECT_EQ(t, page_bytes_wrong(p + idx[i + 1], 0x5a), 0);
	}
	EXPECT_EQ(t, highmem_free(), free0);
	EXPECT_EQ(t, pfn_listed(pfn), 1);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static struct ktest_case compound_cases[] = {
	KTEST_CASE(test_compound_layout_all_orders),
	KTEST_CASE(test_compound_zone_respected),
	KTEST_CASE(test_compound_order0_is_plain),
	KTEST_CASE(test_compound_refcount_head_last),
	KTEST_CASE(test_compound_refcount_tail_last),
	KTEST_CASE(test_compound_free_pages_with_other_holders),
	KTEST_CASE(test_compound_split_page_merges_back),
	KTEST_CASE(test_compound_bad_free_tail),
	KTEST_CASE_DESIGN(test_compound_bad_free_tail_text),
	KTEST_CASE_DESIGN(test_compound_bad_order),
	KTEST_CASE(test_compound_put_below_zero),
	KTEST_CASE_DESIGN(test_compound_put_below_zero_text),
	KTEST_CASE_DESIGN(test_compound_put_plain_block),
	KTEST_CASE_DESIGN(test_compound_split_refused),
	KTEST_CASE_DESIGN(test_compound_dump_page),
	KTEST_CASE_DESIGN(test_compound_dump_corrupt_tail),
	KTEST_CASE(test_compound_highmem),
	KTEST_CASE(test_compound_highmem_split_page),
	{}
};

static struct ktest_suite compound_suite = { .name = "compound", .cases = compound_cases };
KTEST_SUITE(compound_suite);
