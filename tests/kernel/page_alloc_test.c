// SPDX-License-Identifier: MIT
/*
 * tests/kernel/page_alloc_test.c - the buddy allocator under test.
 *
 * Free-list invariant, checked after each workload: every free block is
 * naturally aligned, lies in its zone, and its buddy is not free at the same
 * order (or it would have merged). Because that decomposition of a set of
 * free pages is unique, buddyinfo must return to exactly its starting
 * counts once everything is freed:
 *
 *   order:    0   1   2   3 ...  10          alloc order 0 from a
 *   before:   0   0   0   0 ...  N           4 MiB block splits it:
 *   after:    1   1   1   1 ...  N-1         1 1 1 1 1 1 1 1 1 1 (N-1)
 *   freed:    0   0   0   0 ...  N           and freeing merges it back
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/vmstat.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

/*** cases ***/

static void test_page_alloc_orders(struct ktest *t)
{
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++) {
		struct page *p = alloc_pages(GFP_KERNEL, o);
		unsigned long pfn;

		ASSERT_NOT_NULL(t, p);
		pfn = page_to_pfn(p);
		EXPECT_EQ(t, pfn & ((1UL << o) - 1), 0);
		EXPECT_EQ(t, page_count(p), 1);
		EXPECT_EQ(t, page_alloc_order(p), (int)o);
		EXPECT_FALSE(t, PageBuddy(p));
		EXPECT_TRUE(t, zone_spans_pfn(page_zone(p), pfn + (1UL << o) - 1));
		if (o)
			EXPECT_EQ(t, page_count(p + 1), 0);	/* only the first page is referenced */
		EXPECT_PTR_EQ(t, pfn_to_page(pfn), p);
		EXPECT_PTR_EQ(t, virt_to_page(page_address(p)), p);
		__free_pages(p, o);
	}
	EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
}

static void test_page_alloc_split_and_merge(struct ktest *t)
{
	unsigned long before[MAX_NR_ZONES][NR_PAGE_ORDERS], after[MAX_NR_ZONES][NR_PAGE_ORDERS];
	struct page *p[64];

	snapshot_buddyinfo(before);
	for (int i = 0; i < 64; i++)
		p[i] = alloc_pages(GFP_KERNEL, (unsigned int)(i % 4));
	EXPECT_EQ(t, check_free_lists(t), 0);
	for (int i = 63; i >= 0; i -= 2)	/* odd ones first, then even */
		__free_pages(p[i], (unsigned int)(i % 4));
	for (int i = 0; i < 64; i += 2)
		__free_pages(p[i], (unsigned int)(i % 4));
	EXPECT_EQ(t, check_free_lists(t), 0);
	snapshot_buddyinfo(after);
	EXPECT_EQ(t, memcmp(before, after, sizeof(before)), 0);
}

/*
 * Empty DMA's free lists up to order T (the first order the per-CPU lists
 * do not cache, so the request goes to the buddy lists), then take an
 * order-T block. It must be the lowest part of a free block of the
 * smallest larger order o, and each upper half goes back on the list of
 * its order, one free block per order T..o-1:
 *
 *   block B of order o:  [ got | T | T+1 ... | o-1 ]
 *                         B     B+2^T         B+2^(o-1)
 *
 * Keeping the lowest part is the contract of expand() with its caller
 * (Linux 6.12's expand(): "high" halves go to the lists, the page at the
 * block's start is returned; lab 2's Exercise 1 states it), so any correct
 * allocator keeps it. Which block of order o is taken when there are
 * several (the list's head, as Linux's __rmqueue_smallest() takes
 * get_page_from_free_area()'s first) is mmos's choice: which_block, which
 * first takes the smallest larger order's blocks while it has only one.
 */
static void check_expand(struct ktest *t, bool which_block)
{
	const unsigned int T = PAGE_ALLOC_COSTLY_ORDER + 1;
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct block_list l = { 0 };
	unsigned int o = T + 1;
	unsigned long nr_o, pfn;
	struct page *head, *got;

	drain_all_pages();
	for (int k = (int)T; k >= 0; k--)
		while (dma->free_area[k].nr_free) {
			struct page *p = alloc_pages(GFP_DMA | __GFP_NOWARN, (unsigned int)k);

			ASSERT_NOT_NULL(t, p);
			block_push(&l, p, (unsigned int)k);
			drain_all_pages();
		}
	while (o <= MAX_PAGE_ORDER && !dma->free_area[o].nr_free)
		o++;
	/* which block: one of two at least, or the list's head is its tail too */
	while (which_block && o <= MAX_PAGE_ORDER && dma->free_area[o].nr_free == 1) {
		struct page *p = alloc_pages(GFP_DMA | __GFP_NOWARN, o);

		ASSERT_NOT_NULL(t, p);
		block_push(&l, p, o);
		while (o <= MAX_PAGE_ORDER && !dma->free_area[o].nr_free)
			o++;
	}
	if (o > MAX_PAGE_ORDER) {
		block_free_all(&l);
		ktest_skip(t, which_block ? "DMA has no two free blocks of one order above %u" :
			   "DMA has no block above order %u", T);
	}
	head = page_list_first(&dma->free_area[o].free_list);
	nr_o = dma->free_area[o].nr_free;
	got = alloc_pages(GFP_DMA, T);
	ASSERT_NOT_NULL(t, got);
	if (which_block)
		EXPECT_PTR_EQ(t, got, head);
	pfn = page_to_pfn(got);
	EXPECT_EQ(t, pfn & ((1UL << o) - 1), 0);	/* the lowest part of its block */
	EXPECT_EQ(t, dma->free_area[o].nr_free, nr_o - 1);
	for (unsigned int k = T; k < o; k++) {
		struct page *half = got + (1UL << k);

		EXPECT_TRUE(t, PageBuddy(half));
		if (PageBuddy(half))
			EXPECT_EQ(t, page_private(half), k);
		EXPECT_EQ(t, dma->free_area[k].nr_free, 1);
	}
	__free_pages(got, T);
	EXPECT_TRUE(t, PageBuddy(got));	/* merged back whole */
	EXPECT_GE(t, page_private(got), o);
	block_free_all(&l);
}

static void test_page_alloc_expand_keeps_lowest(struct ktest *t)
{
	check_expand(t, false);
}

/* The block taken is the head of order o's list. */
static void test_page_alloc_expand_takes_list_head(struct ktest *t)
{
	check_expand(t, true);
}

/*
 * A refill of an empty per-CPU list takes about batch pages' worth of
 * blocks of that order (order-0: exactly batch pages when the zone has
 * them), each one a plain free block: not on a buddy list, no references,
 * in the zone. A drain gives them all back and the buddy lists are whole.
 * The count is mmos's design (exact_batch: checked by the design case);
 * the rest is what any per-CPU cache must keep.
 */
static void check_pcp_refill(struct ktest *t, bool exact_batch)
{
	for (unsigned int o = 0; o <= PAGE_ALLOC_COSTLY_ORDER; o++) {
		struct per_cpu_pages *pcp;
		unsigned long want, n = 0, before;
		struct page *p, *q;
		struct zone *z;
		int zi;

		drain_all_pages();
		zi = zone_for_request(contig_page_data.node_zonelist.zones, GFP_KERNEL, o);
		ASSERT_GE(t, zi, 0);
		z = &contig_page_data.node_zones[zi];
		before = z->nr_free;
		p = alloc_pages(GFP_KERNEL, o);
		ASSERT_NOT_NULL(t, p);
		EXPECT_PTR_EQ(t, page_zone(p), z);
		pcp = this_cpu_pcp(z);
		/*
		 * Linux 6.12's nr_pcp_alloc(): "if (batch > 1) batch =
		 * max(batch >> order, 2);" blocks, on the batch from the formula
		 * (mmos has no alloc_factor: order 0 is not scaled up)
		 */
		want = expect_pcp_batch(z) > 1 ? max(expect_pcp_batch(z) >> o, 2UL) : 1;
		page_list_for_each(q, &pcp->lists[o]) {
			unsigned long pfn = page_to_pfn(q);

			EXPECT_FALSE(t, PageBuddy(q));
			EXPECT_EQ(t, page_ref_count(q), 0);
			EXPECT_TRUE(t, zone_spans_pfn(z, pfn));
			EXPECT_EQ(t, pfn & ((1UL << o) - 1), 0);	/* naturally aligned */
			n++;
		}
		if (exact_batch && before > 4 * expect_pcp_batch(z))
			EXPECT_EQ(t, n + 1, want);	/* p was the first of the batch */
		EXPECT_EQ(t, (unsigned long)pcp->count, n << o);
		__free_pages(p, o);
		drain_all_pages();
		EXPECT_EQ(t, pcp->count, 0);
	}
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/* What every per-CPU cache must keep: plain free blocks of the zone, counted, drained whole. */
static void test_page_alloc_pcp_refill(struct ktest *t)
{
	check_pcp_refill(t, false);
}

/* Design: how many blocks one refill takes (nr_pcp_alloc() without alloc_factor). */
static void test_page_alloc_pcp_refill_batch(struct ktest *t)
{
	check_pcp_refill(t, true);
}

/*
 * Each per-CPU list (orders 0..PAGE_ALLOC_COSTLY_ORDER) hands back the hot
 * block. A free that brings the list to its high mark gives a batch back to
 * the buddy lists at once (Linux's free_unref_page_commit()), so in a zone
 * of a few hundred pages (mem=17M leaves 256 above DMA), where high is 8,
 * the larger orders cannot stay cached: those are left out, and said.
 */
static void test_page_alloc_pcp_lifo(struct ktest *t)
{
	unsigned int uncached = 0, first_uncached = 0, last_uncached = 0;
	unsigned long high = 0;

	for (unsigned int o = 0; o <= PAGE_ALLOC_COSTLY_ORDER; o++) {
		struct page *a, *b;
		struct per_cpu_pages *pcp;
		int count;

		drain_all_pages();	/* a refill then stays well below pcp->high */
		a = alloc_pages(GFP_KERNEL, o);
		ASSERT_NOT_NULL(t, a);
		pcp = this_cpu_pcp(page_zone(a));
		count = pcp->count;
		if ((unsigned long)count + (1UL << o) >= expect_pcp_high(page_zone(a))) {
			high = expect_pcp_high(page_zone(a));
			first_uncached = uncached++ ? first_uncached : o;
			last_uncached = o;
			__free_pages(a, o);
			continue;
		}
		__free_pages(a, o);
		EXPECT_FALSE(t, PageBuddy(a));	/* cached, not merged */
		EXPECT_EQ(t, pcp->count, count + (1 << o));
		b = alloc_pages(GFP_KERNEL, o);
		EXPECT_PTR_EQ(t, b, a);
		EXPECT_EQ(t, pcp->count, count);
		__free_pages(b, o);
	}
	if (uncached)
		ktest_skip(t, "orders %u..%u not checked: a per-CPU list with high %lu cannot keep them",
			   first_uncached, last_uncached, high);
}

/*
 * A new owner finds page->private zero, whatever the last owner left there:
 * Linux's post_alloc_hook() clears it on every allocation. The per-CPU list
 * hands the same page straight back, so a value that survives shows here.
 */
static void test_page_alloc_private_cleared(struct ktest *t)
{
	for (unsigned int o = 0; o <= PAGE_ALLOC_COSTLY_ORDER; o++) {
		struct page *a, *b;

		drain_all_pages();
		a = alloc_pages(GFP_KERNEL, o);
		ASSERT_NOT_NULL(t, a);
		set_page_private(a, 0x5eed0000UL | o);
		__free_pages(a, o);
		b = alloc_pages(GFP_KERNEL, o);
		ASSERT_NOT_NULL(t, b);
		EXPECT_EQ(t, page_private(b), 0UL);
		__free_pages(b, o);
	}
}

static void test_page_alloc_zeroing(struct ktest *t)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA };

	for (unsigned int g = 0; g < ARRAY_SIZE(gfps); g++) {
		struct page *p = alloc_pages(gfps[g] | __GFP_NOWARN, 1);
		unsigned long nonzero = 0;

		if (gfps[g] == GFP_DMA && !zone_dma_usable()) {
			EXPECT_NULL(t, p);
			continue;
		}
		ASSERT_NOT_NULL(t, p);
		for (int i = 0; i < 2; i++) {
			u8 *m = kmap_local_page(p + i);

			memset(m, 0xa5, PAGE_SIZE);
			kunmap_local(m);
		}
		__free_pages(p, 1);
		p = alloc_pages(gfps[g] | __GFP_ZERO, 1);
		ASSERT_NOT_NULL(t, p);
		for (int i = 0; i < 2; i++) {
			u8 *m = kmap_local_page(p + i);

			for (unsigned int k = 0; k < PAGE_SIZE; k++)
				nonzero += m[k] != 0;
			kunmap_local(m);
		}
		EXPECT_EQ(t, nonzero, 0);
		__free_pages(p, 1);
	}
}

static void test_page_alloc_address_api(struct ktest *t)
{
	unsigned long a = __get_free_pages(GFP_KERNEL | __GFP_HIGHMEM, 2), z;
	unsigned long nonzero = 0;

	ASSERT_NE(t, a, 0);
	/* an order-2 block is naturally aligned: 16 KiB physically, and so in the direct map */
	EXPECT_EQ(t, __pa((void *)a) & ((PAGE_SIZE << 2) - 1), 0);
	EXPECT_EQ(t, a & ((PAGE_SIZE << 2) - 1), 0);
	EXPECT_FALSE(t, PageHighMem(virt_to_page((void *)a)));	/* __GFP_HIGHMEM dropped */
	memset((void *)a, 0x5a, 4 * PAGE_SIZE);
	free_pages(a, 2);
	z = get_zeroed_page(GFP_KERNEL);
	ASSERT_NE(t, z, 0);
	for (unsigned int k = 0; k < PAGE_SIZE; k++)
		nonzero += ((u8 *)z)[k] != 0;
	EXPECT_EQ(t, nonzero, 0);
	free_page(z);
	free_pages(0, 3);	/* a no-op */
}

/*
 * Take blocks with gfp, largest orders first, until the zone is used up:
 * a block from another zone at order > 0 is given back and smaller orders
 * tried; at order 0 it ends the fill and its zone is returned. With zone
 * < 0, fill until nothing at all can be had and return -1.
 */
static int fill_zone(struct block_list *l, gfp_t gfp, int zone)
{
	for (int o = MAX_PAGE_ORDER; o >= 0; o--) {
		for (;;) {
			struct page *p = alloc_pages(gfp | __GFP_NOWARN, (unsigned int)o);

			if (!p)
				break;
			if (zone >= 0 && (int)page_zonenum(p) != zone && o > 0) {
				__free_pages(p, (unsigned int)o);
				break;
			}
			block_push(l, p, (unsigned int)o);
			if (zone >= 0 && (int)page_zonenum(p) != zone)
				return page_zonenum(p);
		}
	}
	return -1;
}

static void test_page_alloc_fallback_order(struct ktest *t)
{
	struct zone **zl = contig_page_data.node_zonelist.zones;
	struct block_list l = { 0 };
	unsigned long before;
	int got, want;

	ASSERT_NOT_NULL(t, zl[0]);
	if (!zl[1])
		ktest_skip(t, "only one populated zone");
	before = zl[0]->nr_free;
	want = zone_for_request(zl + 1, GFP_HIGHUSER, 0);
	/* GFP_HIGHUSER may use every zone: it starts at the top of the zonelist */
	got = fill_zone(&l, GFP_HIGHUSER, (int)zone_idx(zl[0]));
	ktest_info(t, "filled %s with %lu pages; next came from %s", zl[0]->name, l.pages,
		   got >= 0 ? zone_names[got] : "nowhere");
	/*
	 * The next zone down the zonelist that the lower zones' protection
	 * (lowmem_reserve) lets a HighMem-capable request into: with 64 GiB on
	 * i386 that is none, as on Linux, where all of low memory is kept for
	 * what only it can hold.
	 */
	EXPECT_EQ(t, got, want);
	/*
	 * The fast path tries every zone against its low watermark; only when
	 * none passes does the slow path let a zone go down to min. So the
	 * highest zone ends between its min and low watermarks, never emptied;
	 * one that had less than min to start with (a few pages of HighMem) is
	 * not touched at all.
	 */
	EXPECT_LE(t, zl[0]->nr_free, expect_wmark(zl[0], WMARK_LOW));
	EXPECT_GE(t, zl[0]->nr_free + expect_pcp_batch(zl[0]),
		  min(before, expect_wmark(zl[0], WMARK_MIN) + 1));
	block_free_all(&l);
}

/*
 * Exhaust everything GFP_KERNEL can reach. Each lower zone must keep its
 * lowmem_reserve for GFP_KERNEL-class requests on top of its min watermark:
 * that is what protects DMA from ordinary allocations.
 */
static void test_page_alloc_exhaustion_and_reserves(struct ktest *t)
{
	enum zone_type high = gfp_zone(GFP_KERNEL);
	unsigned long before[MAX_NR_ZONES];
	struct block_list l = { 0 };
	struct page *extra;
	struct zone *z;

	drain_all_pages();
	for_each_zone(z)
		before[zone_idx(z)] = z->nr_free;
	EXPECT_EQ(t, fill_zone(&l, GFP_KERNEL, -1), -1);
	extra = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
	EXPECT_NULL(t, extra);
	if (extra)
		block_push(&l, extra, 0);
	/* before failing, the allocator gave back what the per-CPU lists held */
	for_each_populated_zone(z)
		EXPECT_EQ(t, this_cpu_pcp(z)->count, 0);
	for_each_populated_zone(z) {
		long reserve = expect_lowmem_reserve(zone_idx(z), high);
		long keep = (long)expect_wmark(z, WMARK_MIN) + reserve;

		ktest_info(t, "%-7s free %lu of %lu, min %lu, reserve %ld", z->name, z->nr_free,
			   before[zone_idx(z)], expect_wmark(z, WMARK_MIN), reserve);
		if (zone_idx(z) > high) {
			EXPECT_EQ(t, z->nr_free, before[zone_idx(z)]);	/* out of reach */
		} else if ((long)before[zone_idx(z)] <= keep) {
			EXPECT_EQ(t, z->nr_free, before[zone_idx(z)]);	/* fully protected */
		} else {
			EXPECT_LE(t, (long)z->nr_free, keep);
			EXPECT_GE(t, (long)z->nr_free, keep + 1 - (long)expect_pcp_batch(z));
		}
	}
	/* GFP_ATOMIC may dip into the part of min that GFP_KERNEL may not touch */
	extra = alloc_page(GFP_ATOMIC | __GFP_NOWARN);
	EXPECT_NOT_NULL(t, extra);
	if (extra)
		block_push(&l, extra, 0);
	block_free_all(&l);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static void test_page_alloc_dma_stops_at_reserve(struct ktest *t)
{
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct block_list l = { 0 };

	if (!zone_dma_usable())
		ktest_skip(t, "the buddy allocator has no ZONE_DMA pages on this machine");
	EXPECT_EQ(t, fill_zone(&l, GFP_DMA, -1), -1);	/* DMA has nowhere to fall back */
	EXPECT_GT(t, l.pages, 0);
	EXPECT_LE(t, dma->nr_free, expect_wmark(dma, WMARK_MIN));
	EXPECT_GE(t, dma->nr_free + expect_pcp_batch(dma), expect_wmark(dma, WMARK_MIN) + 1);
	block_free_all(&l);
}

/*** random stress ***/

#define STRESS_LIVE	1024

/*
 * test_stress_ops=N runs the stress test shorter: for the hosted i386-like
 * build, where each highmem kmap is two system calls.
 */
static unsigned long test_stress_ops = 1000000;
core_param_ulong(test_stress_ops, test_stress_ops);

struct live_block {
	struct page *page;
	unsigned int order;
	unsigned long cookie;
};

static u64 rng_state;

static u32 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (u32)(rng_state >> 11);
}

static unsigned int random_order(void)
{
	u32 r = rnd() % 100;

	if (r < 55)
		return 0;
	if (r < 90)
		return 1 + rnd() % 3;
	return 4 + rnd() % (MAX_PAGE_ORDER - 3);
}

#define BITS_PER_WORD	(8 * sizeof(long))

/* Set (or clear) bits [first, first+n); true if any was already set (or clear). */
static bool bitmap_test_and_set(unsigned long *map, unsigned long first, unsigned long n, bool set)
{
	bool clash = false;

	while (n) {
		unsigned long *w = &map[first / BITS_PER_WORD], shift = first % BITS_PER_WORD;
		unsigned long len = min(n, BITS_PER_WORD - shift);
		unsigned long mask = (len == BITS_PER_WORD ? ~0UL : ((1UL << len) - 1)) << shift;

		clash |= set ? (*w & mask) != 0 : (*w & mask) != mask;
		*w = set ? *w | mask : *w & ~mask;
		first += len;
		n -= len;
	}
	return clash;
}

/* Each page of a live block carries (pfn ^ cookie) in its first and last word. */
static void write_pattern(struct live_block *b)
{
	for (unsigned long i = 0; i < (1UL << b->order); i++) {
		unsigned long *w = kmap_local_page(b->page + i), v = page_to_pfn(b->page + i) ^ b->cookie;

		w[0] = v;
		w[PAGE_SIZE / sizeof(long) - 1] = ~v;
		kunmap_local(w);
	}
}

static unsigned long check_pattern(struct live_block *b)
{
	unsigned long bad = 0;

	for (unsigned long i = 0; i < (1UL << b->order); i++) {
		unsigned long *w = kmap_local_page(b->page + i), v = page_to_pfn(b->page + i) ^ b->cookie;

		bad += w[0] != v || w[PAGE_SIZE / sizeof(long) - 1] != ~v;
		kunmap_local(w);
	}
	return bad;
}

static void test_page_alloc_random_stress(struct ktest *t)
{
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_KERNEL, GFP_HIGHUSER, GFP_DMA32, GFP_DMA };
	static struct live_block live[STRESS_LIVE];
	unsigned long map_bytes = ALIGN(max_pfn / 8 + 1, PAGE_SIZE), *map;
	unsigned int map_order = get_order(map_bytes), nlive = 0;
	unsigned long overlaps = 0, corrupt = 0, wrong_zone = 0, allocs = 0, fails = 0;
	struct page *map_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, map_order);

	ASSERT_NOT_NULL(t, map_page);
	map = page_address(map_page);
	rng_state = 0x9e3779b97f4a7c15ULL;
	for (unsigned long op = 0; op < test_stress_ops; op++) {
		bool do_free = nlive == STRESS_LIVE || (nlive && rnd() % 2);

		if (do_free) {
			unsigned int i = rnd() % nlive;
			struct live_block b = live[i];

			corrupt += check_pattern(&b);
			overlaps += bitmap_test_and_set(map, page_to_pfn(b.page), 1UL << b.order, false);
			__free_pages(b.page, b.order);
			live[i] = live[--nlive];
		} else {
			gfp_t gfp = gfps[rnd() % ARRAY_SIZE(gfps)];
			struct live_block b = { NULL, random_order(), op * 2654435761UL };

			b.page = alloc_pages(gfp | __GFP_NOWARN, b.order);
			if (!b.page) {
				fails++;
				continue;
			}
			allocs++;
			wrong_zone += page_zonenum(b.page) > gfp_zone(gfp);
			overlaps += bitmap_test_and_set(map, page_to_pfn(b.page), 1UL << b.order, true);
			write_pattern(&b);
			live[nlive++] = b;
		}
	}
	while (nlive) {
		struct live_block b = live[--nlive];

		corrupt += check_pattern(&b);
		overlaps += bitmap_test_and_set(map, page_to_pfn(b.page), 1UL << b.order, false);
		__free_pages(b.page, b.order);
	}
	ktest_info(t, "%lu operations: %lu allocations, %lu failed", test_stress_ops, allocs, fails);
	EXPECT_EQ(t, overlaps, 0);
	EXPECT_EQ(t, corrupt, 0);
	EXPECT_EQ(t, wrong_zone, 0);
	EXPECT_GT(t, allocs, test_stress_ops / 3);
	__free_pages(map_page, map_order);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*** bad frees ***/

/*
 * A block freed twice is reported and stays on a free list once. The
 * report's "caller:" line naming the function that freed is mmos's (Linux's
 * bad_page() dumps the stack instead): only the design case (text) wants it.
 */
static noinline void check_bad_double_free(struct ktest *t, const char *text)
{
	struct page *p = alloc_pages(GFP_KERNEL, 1);
	unsigned long free0;

	ASSERT_NOT_NULL(t, p);
	__free_pages(p, 1);
	free0 = free_pages_now();
	EXPECT_BAD_PAGE(t, __free_pages(p, 1), text);
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_EQ(t, pfn_listed(page_to_pfn(p)), 1);	/* on a free list once */
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static void test_page_alloc_bad_double_free(struct ktest *t)
{
	check_bad_double_free(t, "BUG: Bad page state");
}

static void test_page_alloc_bad_double_free_text(struct ktest *t)
{
	check_bad_double_free(t, "caller:check_bad_double_free+0x");
}

/*
 * A reserved page, a frame that does not exist and an address outside the
 * direct map are each reported and freed nowhere. The reasons are mmos's
 * own words (Linux says "PAGE_FLAGS_CHECK_AT_FREE flag(s) set" for the
 * first and has no report for the others): only the design case wants them.
 */
static void check_bad_reserved_and_range(struct ktest *t, bool texts)
{
	unsigned long free0 = free_pages_now();

	/* pfn 1: RAM, but the first MiB is reserved at boot */
	EXPECT_BAD_PAGE(t, __free_pages(pfn_to_page(1), 0),
			texts ? "reason: freeing a reserved page" : "BUG: Bad page state");
	EXPECT_BAD_PAGE(t, __free_pages(pfn_to_page(0), 0),
			texts ? "reason: freeing a reserved page" : "BUG: Bad page state");
	EXPECT_BAD_PAGE(t, __free_pages(pfn_to_page(max_pfn + (1UL << 22)), 0),
			texts ? "reason: no such page frame" : "BUG: Bad page state");
	EXPECT_BAD_PAGE(t, free_pages(PAGE_OFFSET + 123, 0),
			texts ? "not the address of a direct-mapped page" : "BUG: Bad page state");
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_TRUE(t, PageReserved(pfn_to_page(1)));
}

static void test_page_alloc_bad_reserved_and_range(struct ktest *t)
{
	check_bad_reserved_and_range(t, false);
}

/* Its reports repeat the invariant case's, for their text. */
static void test_page_alloc_bad_reserved_and_range_text(struct ktest *t)
{
	check_bad_reserved_and_range(t, true);
}

static void test_page_alloc_bad_order(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p = alloc_pages(GFP_KERNEL, 2), *q;

	ASSERT_NOT_NULL(t, p);
	/* too small an order would leak 3 pages; mmos frees what was allocated */
	EXPECT_BAD_PAGE(t, __free_pages(p, 0), "freed with order 0, allocated with order 2");
	EXPECT_EQ(t, free_pages_now(), free0);
	q = alloc_pages(GFP_KERNEL, 1);
	ASSERT_NOT_NULL(t, q);
	/* too large an order would free a neighbour's pages */
	EXPECT_BAD_PAGE(t, __free_pages(q, 3), "freed with order 3, allocated with order 1");
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*
 * A tail page freed as if it were a block: mmos knows where each allocation
 * starts and refuses it (Linux frees the page); a design choice.
 */
static void test_page_alloc_bad_tail(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p = alloc_pages(GFP_KERNEL, 2);

	ASSERT_NOT_NULL(t, p);
	set_page_count(p + 1, 1);	/* pretend someone holds the second page */
	EXPECT_BAD_PAGE(t, __free_pages(p + 1, 0), "the page does not start an allocation");
	EXPECT_EQ(t, page_count(p + 1), 1);
	set_page_count(p + 1, 0);
	__free_pages(p, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
}

static void test_page_alloc_bad_tail_and_refcount(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p;

	if (!check_pages_enabled)
		ktest_skip(t, "check_pages=0: the pages after the first are not checked");
	p = alloc_pages(GFP_KERNEL, 2);
	ASSERT_NOT_NULL(t, p);
	set_page_count(p + 1, 1);	/* pretend someone holds the second page */
	EXPECT_BAD_PAGE(t, __free_pages(p, 2), "nonzero _refcount");
	EXPECT_EQ(t, page_count(p), 1);	/* nothing was freed: still allocated */
	EXPECT_FALSE(t, PageBuddy(p));
	set_page_count(p + 1, 0);
	__free_pages(p, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*
 * One damaged page anywhere in a block stops its free: each kind of damage
 * the whole-block check knows, at pages in its four-at-a-time loop and in
 * the remainder after it. A page_type with one bit cleared is caught only
 * by the check's AND of the count-and-type words, a _refcount of 1 only by
 * their OR. The reasons but "nonzero _refcount" are mmos's words (Linux
 * 6.12's page_bad_reason() says "nonzero mapcount" or "PAGE_FLAGS_CHECK_AT_FREE
 * flag(s) set"): the design case (texts) wants each at two of those pages
 * (fewer reports in the shared log); the invariant case any report.
 */
static void check_bad_page_in_block(struct ktest *t, bool texts)
{
	static const struct {
		const char *reason;
		unsigned int page_type;
		int refcount;
		enum pageflags flag;	/* __NR_PAGEFLAGS: none */
	} damage[] = {
		{ "nonzero _refcount", PAGE_TYPE_NONE, 1, __NR_PAGEFLAGS },
		{ "in use as another type", PAGE_TYPE_NONE & ~(1u << 20), 0, __NR_PAGEFLAGS },
		{ "already free", PGTY_buddy, 0, __NR_PAGEFLAGS },
		{ "reserved", PAGE_TYPE_NONE, 0, PG_reserved },
		{ "belongs to a compound page", PAGE_TYPE_NONE, 0, PG_tail },
	};
	static const unsigned int all_at[] = { 1, 2, 4, 5, 16, 28, 29, 31 }, text_at[] = { 1, 29 };
	const unsigned int *at = texts ? text_at : all_at;
	unsigned int nr_at = texts ? ARRAY_SIZE(text_at) : ARRAY_SIZE(all_at);
	unsigned long free0 = free_pages_now();

	if (!check_pages_enabled)
		ktest_skip(t, "check_pages=0: the pages of a block are not checked");

	for (unsigned int d = 0; d < ARRAY_SIZE(damage); d++) {
		for (unsigned int k = 0; k < nr_at; k++) {
			struct page *p = alloc_pages(GFP_KERNEL, 5), *bad;
			unsigned int saved_type;

			ASSERT_NOT_NULL(t, p);
			bad = p + at[k];
			saved_type = bad->page_type;
			bad->page_type = damage[d].page_type;
			set_page_count(bad, damage[d].refcount);
			if (damage[d].flag != __NR_PAGEFLAGS)
				set_page_flag(bad, damage[d].flag);
			EXPECT_BAD_PAGE(t, __free_pages(p, 5),
					texts ? damage[d].reason : "BUG: Bad page state");
			EXPECT_EQ(t, page_count(p), 1);	/* still allocated, nothing freed */
			EXPECT_EQ(t, free_pages_now(), free0 - 32);
			if (damage[d].flag != __NR_PAGEFLAGS)
				clear_page_flag(bad, damage[d].flag);
			set_page_count(bad, 0);
			bad->page_type = saved_type;
			__free_pages(p, 5);
			EXPECT_EQ(t, free_pages_now(), free0);
		}
	}
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static void test_page_alloc_bad_page_in_block(struct ktest *t)
{
	check_bad_page_in_block(t, false);
}

static void test_page_alloc_bad_page_in_block_text(struct ktest *t)
{
	check_bad_page_in_block(t, true);
}

/*
 * check_pages=0 on the boot line turns the per-page checks off, as Linux
 * runs them only with check_pages_enabled: a block with a page someone
 * still holds is then freed without a word; check_pages=1 turns them back
 * on, and the same free is reported and refused. Parsed as the boot parses
 * it, into the registered parameter; what the boot left is put back.
 */
static void test_page_alloc_check_pages_switch(struct ktest *t)
{
	bool was = check_pages_enabled;
	unsigned long free0 = free_pages_now(), bad0;
	struct page *p;
	char args[32];

	strlcpy(args, "check_pages=0", sizeof(args));
	EXPECT_EQ(t, parse_core_params("test", args, NULL, NULL), 0);
	EXPECT_FALSE(t, check_pages_enabled);
	p = alloc_pages(GFP_KERNEL, 2);
	ASSERT_NOT_NULL(t, p);
	set_page_count(p + 2, 1);	/* a holder the free does not look for */
	bad0 = bad_page_count();
	__free_pages(p, 2);
	set_page_count(p + 2, 0);	/* the page is free now: back to a free page's count */
	EXPECT_EQ(t, bad_page_count(), bad0);
	EXPECT_EQ(t, free_pages_now(), free0);

	strlcpy(args, "check_pages=1", sizeof(args));
	EXPECT_EQ(t, parse_core_params("test", args, NULL, NULL), 0);
	EXPECT_TRUE(t, check_pages_enabled);
	p = alloc_pages(GFP_KERNEL, 2);
	ASSERT_NOT_NULL(t, p);
	set_page_count(p + 2, 1);
	EXPECT_BAD_PAGE(t, __free_pages(p, 2), "nonzero _refcount");
	EXPECT_EQ(t, page_count(p), 1);	/* refused: still allocated */
	set_page_count(p + 2, 0);
	__free_pages(p, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
	check_pages_enabled = was;
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*
 * check_new_page(): a page on a per-CPU list that is not plainly free (here
 * its type says it is in use) is reported when it would be handed out, and
 * left out, as Linux's check_new_pages() leaves it; the next page is
 * handed out instead. The page is given back by hand afterwards.
 */
static void test_page_alloc_check_new_page(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p, *q = NULL;

	if (!check_pages_enabled)
		ktest_skip(t, "check_pages=0: new pages are not checked");
	p = alloc_page(GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	__free_pages(p, 0);		/* the hot page of its per-CPU list */
	p->page_type = PAGE_TYPE_NONE & ~(1u << 20);
	EXPECT_BAD_PAGE(t, q = alloc_page(GFP_KERNEL), "in use as another type");
	ASSERT_NOT_NULL(t, q);
	EXPECT_TRUE(t, q != p);
	EXPECT_EQ(t, free_pages_now(), free0 - 2);	/* q, and p, now on no list */
	p->page_type = PAGE_TYPE_NONE;
	set_page_count(p, 1);
	set_page_alloc_order(p, 0);
	__free_pages(p, 0);
	__free_pages(q, 0);
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static void test_page_alloc_shared_first_page(struct ktest *t)
{
	unsigned long free0 = free_pages_now();
	struct page *p = alloc_pages(GFP_KERNEL, 3);

	ASSERT_NOT_NULL(t, p);
	atomic_inc(&p->_refcount);	/* a second holder of the first page */
	__free_pages(p, 3);		/* frees pages 1..7, keeps page 0 */
	EXPECT_EQ(t, page_count(p), 1);
	EXPECT_EQ(t, free_pages_now(), free0 - 1);
	__free_pages(p, 0);		/* the other holder lets go */
	EXPECT_EQ(t, free_pages_now(), free0);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

/*** reports ***/

/* What the test counts itself, to hold the reports against. */
struct free_census {
	unsigned long blocks[MAX_NR_ZONES][NR_PAGE_ORDERS];
	unsigned long pages[MAX_NR_ZONES];
	unsigned long total, high, slab;
};

/* Walk every free list (the per-CPU lists are drained first): blocks per order, pages. */
static void count_free_lists(struct free_census *c)
{
	struct zone *z;

	memset(c, 0, sizeof(*c));
	drain_all_pages();
	for_each_zone(z) {
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			struct page *p;

			page_list_for_each(p, &z->free_area[o].free_list) {
				c->blocks[zone_idx(z)][o]++;
				c->pages[zone_idx(z)] += 1UL << o;
			}
		}
		c->total += c->pages[zone_idx(z)];
		if (is_highmem_idx(zone_idx(z)))
			c->high += c->pages[zone_idx(z)];
	}
}

/* Pages held by slab caches and large kmallocs, found by walking the memmap. */
static unsigned long count_slab_pages(void)
{
	unsigned long n = 0;

	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageSlab(page) ||
		    (PageHead(page) && compound_page_dtor_id(page) == KMALLOC_LARGE_DTOR)) {
			n += 1UL << compound_order(page);
			pfn += (1UL << compound_order(page)) - 1;
		}
	}
	return n;
}

/*
 * Linux's si_mem_available() written again: free pages less
 * totalreserve_pages (per zone, its largest lowmem_reserve plus its high
 * watermark, at most its managed pages: calculate_totalreserve_pages()),
 * plus the reclaimable parts. Those are zero in mmos: it has no page cache
 * (NR_ACTIVE_FILE, NR_INACTIVE_FILE), no reclaimable slab (all of Slab is
 * SUnreclaim) and no other reclaimable kernel memory.
 */
static unsigned long expect_mem_available(unsigned long free)
{
	u64 reserve = 0;
	struct zone *z;

	for_each_zone(z) {
		u64 max = 0;

		for (int j = zone_idx(z); j < MAX_NR_ZONES; j++)
			max = max(max, (u64)expect_lowmem_reserve(zone_idx(z), (enum zone_type)j));
		max += expect_wmark(z, WMARK_HIGH);
		reserve += min(max, (u64)z->managed_pages);
	}
	return free > reserve ? (unsigned long)(free - reserve) : 0;
}

static char report[16384];

/* The number after label on the report's first line starting with it; ~0 if none. */
static unsigned long long report_value(const char *text, const char *label)
{
	unsigned long long v;
	const char *s = report_line(text, label);

	return s && report_numbers(s, &v, 1) == 1 ? v : ~0ULL;
}

static void check_buddyinfo(struct ktest *t, const struct free_census *c)
{
	unsigned int lines = 0;
	struct zone *z;

	for_each_populated_zone(z) {
		char label[32];
		unsigned long long v[NR_PAGE_ORDERS + 1];
		const char *s;

		snprintf(label, sizeof(label), "Node 0, zone %8s ", z->name);
		s = report_line(report, label);
		if (!s) {
			ktest_info(t, "no buddyinfo line for %s", z->name);
			EXPECT_NOT_NULL(t, s);
			continue;
		}
		lines++;
		/* exactly NR_PAGE_ORDERS counts, each the blocks the free list holds */
		EXPECT_EQ(t, report_numbers(s, v, NR_PAGE_ORDERS + 1), NR_PAGE_ORDERS);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			EXPECT_EQ(t, v[o], c->blocks[zone_idx(z)][o]);
	}
	EXPECT_GT(t, lines, 0);
}

/*
 * zoneinfo, zone by zone: the free pages counted, the watermarks, reserves
 * and per-CPU sizes from the formulas (mm_checks.c), an empty per-CPU list.
 * spanned, present, managed and start_pfn are compared with the zone's own
 * fields, which mm_init_test.c checks against the e820 map.
 */
/*
 * Linux 6.12's calculate_normal_threshold() written again for one online
 * CPU: 2 * fls(1) * (1 + fls(managed >> (27 - PAGE_SHIFT))), at most 125.
 */
static u64 expect_stat_threshold(const struct zone *z)
{
	u64 mem = (u64)z->managed_pages >> (27 - PAGE_SHIFT), fls_mem = 0;

	for (u64 m = mem; m; m >>= 1)
		fls_mem++;
	return min((u64)125, 2 * 1 * (1 + fls_mem));
}

static void check_zoneinfo_zone(struct ktest *t, const struct zone *z, const char *s,
				const struct free_census *c)
{
	unsigned long long prot[MAX_NR_ZONES + 1];
	u64 expect_high_max = max((u64)z->managed_pages / 8, 4 * (u64)expect_pcp_batch(z));
	const char *p;

	EXPECT_EQ(t, report_value(s, "  pages free "), c->pages[zone_idx(z)]);
	EXPECT_EQ(t, report_value(s, "        boost "), 0);
	EXPECT_EQ(t, report_value(s, "        min "), expect_wmark(z, WMARK_MIN));
	EXPECT_EQ(t, report_value(s, "        low "), expect_wmark(z, WMARK_LOW));
	EXPECT_EQ(t, report_value(s, "        high "), expect_wmark(z, WMARK_HIGH));
	EXPECT_EQ(t, report_value(s, "        promo "), expect_wmark(z, WMARK_PROMO));
	EXPECT_EQ(t, report_value(s, "        spanned "), z->spanned_pages);
	EXPECT_EQ(t, report_value(s, "        present "), z->present_pages);
	EXPECT_EQ(t, report_value(s, "        managed "), z->managed_pages);
	p = report_line(s, "        protection: (");
	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, report_numbers(p, prot, MAX_NR_ZONES + 1), MAX_NR_ZONES);
	for (int j = 0; j < MAX_NR_ZONES; j++)
		EXPECT_EQ(t, prot[j], expect_lowmem_reserve(zone_idx(z), (enum zone_type)j));
	if (!z->present_pages) {
		/* Linux's zoneinfo_show_print() stops after protection: for an empty zone */
		EXPECT_NULL(t, report_line(p, "  pagesets"));
		EXPECT_NULL(t, report_line(p, "  node_unreclaimable:"));
		EXPECT_NULL(t, report_line(p, "  start_pfn:"));
		return;
	}
	EXPECT_EQ(t, report_value(s, "  node_unreclaimable: "), 0);
	EXPECT_EQ(t, report_value(s, "  start_pfn: "), z->zone_start_pfn);
	EXPECT_EQ(t, report_value(s, "      nr_free_pages "), c->pages[zone_idx(z)]);
	EXPECT_EQ(t, report_value(s, "              count:"), 0);	/* drained */
	EXPECT_EQ(t, report_value(s, "              high:"), expect_pcp_high(z));
	EXPECT_EQ(t, report_value(s, "              batch:"), expect_pcp_batch(z));
	/* zone_highsize() at fraction 0 (the low watermark) and 8 (managed / 8), one CPU */
	EXPECT_EQ(t, report_value(s, "              high_min:"), expect_pcp_high(z));
	EXPECT_EQ(t, report_value(s, "              high_max:"), expect_high_max);
	EXPECT_EQ(t, report_value(s, "  vm stats threshold:"), expect_stat_threshold(z));
}

static void check_zoneinfo(struct ktest *t, const struct free_census *c)
{
	static const char head[] = "Node 0, zone ";
	char *s = report;
	const char *stats = report_line(report, "  per-node stats\n");
	struct zone *z;

	/*
	 * Linux's node counters once, between the first populated zone's
	 * name and the next zone's; the slab pages as the page census counts
	 * them (no cache here is SLAB_RECLAIM_ACCOUNT: all are unreclaimable)
	 */
	ASSERT_NOT_NULL(t, stats);
	EXPECT_NULL(t, report_line(stats, "  per-node stats\n"));
	for_each_populated_zone(z) {
		char label[32];
		const char *zl, *next;

		snprintf(label, sizeof(label), "%s%8s\n", head, z->name);
		zl = report_line(report, label);
		ASSERT_NOT_NULL(t, zl);
		next = report_line(zl, head);
		EXPECT_TRUE(t, stats > zl && (!next || stats < next));
		break;
	}
	EXPECT_EQ(t, report_value(stats, "      nr_slab_reclaimable "), 0);
	EXPECT_EQ(t, report_value(stats, "      nr_slab_unreclaimable "), c->slab);

	for_each_zone(z) {
		char label[32], *end, saved = 0;

		snprintf(label, sizeof(label), "%s%8s\n", head, z->name);
		s = (char *)report_line(s, label);
		ASSERT_NOT_NULL(t, s);
		/* the zone's part ends where the next zone's begins */
		end = (char *)report_line(s, head);
		if (end) {
			end -= strlen(head);
			saved = *end;
			*end = '\0';
		}
		check_zoneinfo_zone(t, z, s, c);
		if (end)
			*end = saved;
	}
}

static void check_meminfo(struct ktest *t, const struct free_census *c)
{
	unsigned long managed = 0, high_managed = 0;
	struct zone *z;

	for_each_zone(z) {
		managed += z->managed_pages;
		if (is_highmem_idx(zone_idx(z)))
			high_managed += z->managed_pages;
	}
	EXPECT_EQ(t, report_value(report, "MemTotal: "), managed * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "MemFree: "), c->total * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "MemAvailable: "),
		  expect_mem_available(c->total) * (PAGE_SIZE / 1024));
#ifdef CONFIG_HIGHMEM
	EXPECT_EQ(t, report_value(report, "HighTotal: "), high_managed * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "HighFree: "), c->high * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "LowTotal: "),
		  (managed - high_managed) * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "LowFree: "), (c->total - c->high) * (PAGE_SIZE / 1024));
#else
	EXPECT_EQ(t, high_managed, 0);
	EXPECT_NULL(t, report_line(report, "HighTotal:"));
#endif
	EXPECT_EQ(t, report_value(report, "Slab: "), c->slab * (PAGE_SIZE / 1024));
	EXPECT_EQ(t, report_value(report, "SUnreclaim: "), c->slab * (PAGE_SIZE / 1024));
}

/*
 * buddyinfo, zoneinfo and meminfo, parsed back number by number and each
 * compared with what the test counted itself just before they printed (the
 * free lists walked, the slab pages found in the memmap) or computed from
 * Linux's formulas; nothing allocates in between.
 */
static void test_page_alloc_reports(struct ktest *t)
{
	static struct free_census c;

	count_free_lists(&c);
	c.slab = count_slab_pages();
	read_report(show_buddyinfo, report, sizeof(report));
	check_buddyinfo(t, &c);
	read_report(show_zoneinfo, report, sizeof(report));
	check_zoneinfo(t, &c);
	read_report(show_meminfo, report, sizeof(report));
	check_meminfo(t, &c);
}

/*
 * Linux's bad_page() rate limit (mm/page_alloc.c, 6.12: resume, nr_shown,
 * nr_unshown): a burst of 60 reports prints, the rest until resume =
 * jiffies + 60 * HZ (set by the burst's first report) are only counted,
 * and the first report after that is preceded by "BUG: Bad page state: N
 * messages suppressed". Every report is counted and taints, printed or not.
 * The case plays a window of its own (bad_page_ratelimit_swap()) inside
 * the fresh one every case gets (mm_checks.c) and puts that back as it
 * found it; the minute passing is played by moving the window's resume to
 * now.
 */
static void test_page_alloc_bad_page_ratelimit(struct ktest *t)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	struct bad_page_ratelimit_state rs = { 0 };
	unsigned long j0;
	struct ktest_count c;

	ASSERT_NOT_NULL(t, page);
	bad_page_ratelimit_swap(&rs);		/* rs: the case's fresh window, kept */
	c = ktest_count_begin(bad_page_count);
	j0 = jiffies;
	for (int i = 0; i < 70; i++)
		bad_page(page, "ratelimit test", _RET_IP_);
	ktest_count_end(t, &c, 70, &t->allowed_reports, __FILE__, __LINE__,
			"Bad page state reports", "70");
	EXPECT_EQ(t, printk_log_count(c.mark, "reason: ratelimit test\n"), 60);
	EXPECT_FALSE(t, printk_logged_since(c.mark, "messages suppressed"));

	/* the window: resume 60 * HZ after the burst's first report */
	bad_page_ratelimit_swap(&rs);		/* rs: this case's window */
	EXPECT_GE(t, rs.resume, j0 + 60UL * HZ);
	EXPECT_LE(t, rs.resume, jiffies + 60UL * HZ);
	EXPECT_EQ(t, rs.nr_shown, 60);
	EXPECT_EQ(t, rs.nr_unshown, 10);
	bad_page_ratelimit_swap(&rs);

	/* still inside the minute: held back too */
	c = ktest_count_begin(bad_page_count);
	bad_page(page, "inside the minute", _RET_IP_);
	ktest_count_end(t, &c, 1, &t->allowed_reports, __FILE__, __LINE__, "one more", "1");
	EXPECT_EQ(t, printk_log_count(c.mark, "reason: inside the minute\n"), 0);

	/* the minute over: the count of the held back, then the report */
	bad_page_ratelimit_swap(&rs);
	rs.resume = jiffies;
	bad_page_ratelimit_swap(&rs);
	c = ktest_count_begin(bad_page_count);
	bad_page(page, "after the minute", _RET_IP_);
	ktest_count_end(t, &c, 1, &t->allowed_reports, __FILE__, __LINE__, "the next report", "1");
	EXPECT_TRUE(t, printk_logged_since(c.mark, "BUG: Bad page state: 11 messages suppressed\n"));
	EXPECT_EQ(t, printk_log_count(c.mark, "reason: after the minute\n"), 1);

	/* a new burst, with nothing to summarise */
	c = ktest_count_begin(bad_page_count);
	bad_page(page, "in the new burst", _RET_IP_);
	ktest_count_end(t, &c, 1, &t->allowed_reports, __FILE__, __LINE__, "in the new burst", "1");
	EXPECT_EQ(t, printk_log_count(c.mark, "reason: in the new burst\n"), 1);
	EXPECT_FALSE(t, printk_logged_since(c.mark, "messages suppressed"));
	bad_page_ratelimit_swap(&rs);		/* the fresh window back */
	__free_pages(page, 0);
}

/*
 * Every Bad page state report goes through that one limit, whichever check
 * found it. In Linux each one is a bad_page() call (mm/page_alloc.c, 6.12),
 * so mmos's two reports that do not come from bad_page() itself, free_pages()
 * of an address that is no direct-mapped page and __free_pages() of a page
 * with no frame, are held back in a spent burst too: counted, not printed,
 * and summed up in the "N messages suppressed" line that the first report
 * after the minute brings, both at bad_page()'s pr_alert (KERN_ALERT, 1).
 * A window of the case's own: burst spent (nr_shown 60), resume a minute on.
 * Both reports are mmos's own (Linux 6.12's free_pages() has
 * VM_BUG_ON(!virt_addr_valid()) for the first and no check for the
 * second), so this is a design case, as bad_reserved_and_range_text.
 */
static void test_page_alloc_bad_page_ratelimit_every_report(struct ktest *t)
{
	struct page *no_frame = pfn_to_page(max_pfn + (1UL << 22));
	struct bad_page_ratelimit_state rs = { .nr_shown = 60 };
	unsigned long free0 = free_pages_now();
	struct ktest_count c;
	bool quiet;

	rs.resume = jiffies + 60UL * HZ;
	bad_page_ratelimit_swap(&rs);		/* rs: the case's fresh window, kept */
	quiet = printk_console_quiet(true);
	c = ktest_count_begin(bad_page_count);
	free_pages(PAGE_OFFSET + 123, 0);
	__free_pages(no_frame, 0);
	ktest_count_end(t, &c, 2, &t->allowed_reports, __FILE__, __LINE__,
			"Bad page state reports inside the minute", "2");
	EXPECT_FALSE(t, printk_logged_since(c.mark, "BUG: Bad page state"));
	bad_page_ratelimit_swap(&rs);		/* rs: this case's window */
	EXPECT_EQ(t, rs.nr_shown, 60);
	EXPECT_EQ(t, rs.nr_unshown, 2);

	rs.resume = jiffies;			/* the minute over */
	bad_page_ratelimit_swap(&rs);
	c = ktest_count_begin(bad_page_count);
	free_pages(PAGE_OFFSET + 123, 0);
	ktest_count_end(t, &c, 1, &t->allowed_reports, __FILE__, __LINE__,
			"the report after the minute", "1");
	printk_console_quiet(quiet);
	EXPECT_EQ(t, printk_log_level(c.mark, "BUG: Bad page state: 2 messages suppressed\n"), 1);
	EXPECT_EQ(t, printk_log_level(c.mark, "BUG: Bad page state in process swapper  addr:"), 1);
	EXPECT_EQ(t, printk_log_count(c.mark, "reason: not the address of a direct-mapped page\n"), 1);
	bad_page_ratelimit_swap(&rs);		/* the fresh window back */
	EXPECT_EQ(t, rs.nr_shown, 1);		/* a new burst, its first report */
	EXPECT_EQ(t, rs.nr_unshown, 0);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*
 * Each case starts in a fresh rate-limit window (the harness's
 * KTEST_CASE_STATE, tests/kernel/mm_checks.c): nothing shown, nothing held
 * back, whatever the cases before it reported (the one before this leaves
 * a burst begun). Without it, the boot's window would carry every earlier
 * case's reports, and a case that reads a report back would fail once
 * others had spent the burst of 60.
 */
static void test_page_alloc_bad_page_window_per_case(struct ktest *t)
{
	struct bad_page_ratelimit_state rs = { .nr_shown = 1234 };

	bad_page_ratelimit_swap(&rs);		/* rs: the case's window */
	EXPECT_EQ(t, rs.nr_shown, 0);
	EXPECT_EQ(t, rs.nr_unshown, 0);
	bad_page_ratelimit_swap(&rs);
}

/*
 * The changes to one zone's free lists a trace printed since mark
 * ("trace: ZONE free_area[O]: WAS -> NOW blocks"): delta[O] = NOW - WAS.
 * Returns the pages they add up to, sum of delta[O] << O.
 */
static long traced_list_changes(u64 mark, const struct zone *z, long delta[NR_PAGE_ORDERS])
{
	char head[48], text[96];
	long pages = 0;

	memset(delta, 0, sizeof(long) * NR_PAGE_ORDERS);
	snprintf(head, sizeof(head), "trace: %s free_area[", z->name);
	for (u64 at = mark; printk_log_find(&at, head); at++) {
		unsigned long o, was, now;
		char *q;

		printk_log_read(at, text, sizeof(text));	/* the line from head on */
		o = (unsigned long)memparse(text + strlen(head), &q);
		if (strncmp(q, "]: ", 3) || o >= NR_PAGE_ORDERS)
			continue;
		was = (unsigned long)memparse(q + 3, &q);
		if (strncmp(q, " -> ", 4))
			continue;
		now = (unsigned long)memparse(q + 4, NULL);
		delta[o] += (long)now - (long)was;
		pages += ((long)now - (long)was) * (1L << o);
	}
	return pages;
}

/*
 * The trace (mm_trace_set(), the shell's trace command) tells the path one
 * request took, checked here against the allocator's own state and first
 * principles: an order-5 block (no per-CPU list for it) is the page
 * returned, and the free-list changes the trace prints add up to 32 pages
 * fewer; its free adds up to 32 pages more, and takes the order-5 buddy
 * (pfn ^ 32) off its list exactly when that buddy was a free order-5
 * block, else puts one more block on order 5.
 */
static void test_page_alloc_trace(struct ktest *t)
{
	long delta[NR_PAGE_ORDERS];
	unsigned long pfn, buddy_pfn;
	char want[128];
	struct page *page, *buddy;
	bool quiet, buddy_free;
	u64 mark;

	drain_all_pages();
	quiet = printk_console_quiet(true);
	mark = printk_log_mark();
	mm_trace_set(true);
	page = alloc_pages(GFP_KERNEL, 5);
	mm_trace_set(false);
	printk_console_quiet(quiet);
	ASSERT_NOT_NULL(t, page);
	pfn = page_to_pfn(page);
	snprintf(want, sizeof(want), "trace: returned: pfn %#lx order 5 zone %s\n", pfn,
		 page_zone(page)->name);
	EXPECT_TRUE(t, printk_logged_since(mark, want));
	EXPECT_TRUE(t, printk_logged_since(mark, "trace: zone "));
	EXPECT_EQ(t, traced_list_changes(mark, page_zone(page), delta), -32);

	buddy_pfn = pfn ^ (1UL << 5);
	buddy = pfn_to_page(buddy_pfn);
	buddy_free = page_zone(buddy) == page_zone(page) && PageBuddy(buddy) &&
		     page_private(buddy) == 5;
	quiet = printk_console_quiet(true);
	mark = printk_log_mark();
	mm_trace_set(true);
	trace_free_pages(page, 5);
	trace_free_lists_begin();
	__free_pages(page, 5);
	trace_free_lists_end();
	mm_trace_set(false);
	printk_console_quiet(quiet);
	EXPECT_TRUE(t, printk_logged_since(mark, "trace: buddy: order 5 > 3 has no per-CPU list"));
	EXPECT_EQ(t, traced_list_changes(mark, page_zone(page), delta), 32);
	EXPECT_EQ(t, delta[5], buddy_free ? -1 : 1);
	/* off again: nothing is traced */
	mark = printk_log_mark();
	page = alloc_pages(GFP_KERNEL, 5);
	ASSERT_NOT_NULL(t, page);
	__free_pages(page, 5);
	EXPECT_FALSE(t, printk_logged_since(mark, "trace: "));
}

static struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(test_page_alloc_orders),
	KTEST_CASE(test_page_alloc_split_and_merge),
	KTEST_CASE(test_page_alloc_expand_keeps_lowest),
	KTEST_CASE_DESIGN(test_page_alloc_expand_takes_list_head),
	KTEST_CASE_DESIGN(test_page_alloc_pcp_lifo),
	KTEST_CASE(test_page_alloc_pcp_refill),
	KTEST_CASE_DESIGN(test_page_alloc_pcp_refill_batch),
	KTEST_CASE(test_page_alloc_private_cleared),
	KTEST_CASE(test_page_alloc_zeroing),
	KTEST_CASE(test_page_alloc_address_api),
	KTEST_CASE(test_page_alloc_fallback_order),
	KTEST_CASE(test_page_alloc_exhaustion_and_reserves),
	KTEST_CASE(test_page_alloc_dma_stops_at_reserve),
	KTEST_CASE(test_page_alloc_random_stress),
	KTEST_CASE(test_page_alloc_bad_double_free),
	KTEST_CASE_DESIGN(test_page_alloc_bad_double_free_text),
	KTEST_CASE(test_page_alloc_bad_reserved_and_range),
	KTEST_CASE_DESIGN(test_page_alloc_bad_reserved_and_range_text),
	KTEST_CASE_DESIGN(test_page_alloc_bad_order),
	KTEST_CASE_DESIGN(test_page_alloc_bad_tail),
	KTEST_CASE(test_page_alloc_bad_tail_and_refcount),
	KTEST_CASE(test_page_alloc_bad_page_in_block),
	KTEST_CASE_DESIGN(test_page_alloc_bad_page_in_block_text),
	KTEST_CASE(test_page_alloc_check_pages_switch),
	KTEST_CASE_DESIGN(test_page_alloc_check_new_page),
	KTEST_CASE(test_page_alloc_shared_first_page),
	KTEST_CASE(test_page_alloc_reports),
	KTEST_CASE(test_page_alloc_bad_page_ratelimit),
	KTEST_CASE_DESIGN(test_page_alloc_bad_page_ratelimit_every_report),
	KTEST_CASE(test_page_alloc_bad_page_window_per_case),
	KTEST_CASE_DESIGN(test_page_alloc_trace),
	{}
};

static struct ktest_suite page_alloc_suite = { .name = "page_alloc", .cases = page_alloc_cases };
KTEST_SUITE(page_alloc_suite);
