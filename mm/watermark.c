// SPDX-License-Identifier: MIT
/*
 * mm/watermark.c - zonelists, watermarks, lowmem_reserve and pcp sizes,
 * the watermark test, and the allocation slow path that climbs the reserves.
 *
 * Owns: the watermark test (zone_watermark_ok(); page_alloc.c keeps the
 * inline order-0 shortcut, zone_watermark_fast()), __alloc_pages_slowpath()
 * with the ALLOC_* flags each request earns (mmos has no reclaim, so the
 * slow path is only the ladder of reserves: min, its reductions,
 * __GFP_MEMALLOC's none, the per-CPU lists drained, __GFP_NOFAIL's last
 * try), and the policy numbers, computed with Linux's formulas from managed
 * pages:
 *   min_free_kbytes = clamp(4 * sqrt(lowmem_kbytes), 128, 262144)
 *   min (per zone) = its share of min_free_kbytes by managed pages
 *                    (HighMem/Movable: managed/1024 clamped to [32, 128])
 *   low = min + delta, high = low + delta, promo = high + delta,
 *   delta = max(tmp / 4, managed * watermark_scale_factor / 10000)
 *   lowmem_reserve[j] of zone i = managed(i+1..j) / ratio[i]
 * Tests: tests/kernel/mm_init_test.c recomputes them independently;
 * tests/kernel/watermark_test.c fills zones down to them.
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include "internal.h"

int min_free_kbytes = 1024;
int watermark_scale_factor = 10;
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256,
#ifdef CONFIG_ZONE_DMA32
	[ZONE_DMA32] = 256,
#endif
	[ZONE_NORMAL] = 32,
#ifdef CONFIG_HIGHMEM
	[ZONE_HIGHMEM] = 0,
#endif
	[ZONE_MOVABLE] = 0,
};

void build_all_zonelists(void)
{
	pg_data_t *pgdat = &contig_page_data;
	int n = 0;

	for (int i = MAX_NR_ZONES - 1; i >= 0; i--)
		/*
		 * As Linux since 5.18 (build_zonerefs_node()): every zone with
		 * RAM, even one boot reserved in full; its empty free lists
		 * and zero watermarks make the walk step over it.
		 */
		if (populated_zone(&pgdat->node_zones[i]))
			pgdat->node_zonelist.zones[n++] = &pgdat->node_zones[i];
	pgdat->node_zonelist.zones[n] = NULL;
	pgdat->nr_zones = n;
}

unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (BITS_PER_LONG - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

unsigned long calculate_min_free_kbytes_for(unsigned long lowmem_kbytes)
{
	unsigned long v = int_sqrt(lowmem_kbytes * 16);

	return v < 128 ? 128 : v > 262144 ? 262144 : v;
}

/* Zones GFP_USER may use: all but HighMem and Movable. */
static bool zone_is_lowmem(enum zone_type idx)
{
	return !is_highmem_idx(idx) && idx != ZONE_MOVABLE;
}

static void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *z;

	for_each_zone(z)
		if (zone_is_lowmem(zone_idx(z)))
			lowmem_pages += z->managed_pages;
	for_each_zone(z) {
		unsigned long managed = z->managed_pages, delta;
		/*
		 * In 64 bits, as Linux: on i386 a HighMem zone of millions of pages
		 * times pages_min is past 2^32 (64 GiB: 717 * 16287714).
		 */
		unsigned long tmp = lowmem_pages ?
			(unsigned long)((u64)pages_min * managed / lowmem_pages) : 0;

		if (zone_is_lowmem(zone_idx(z))) {
			z->_watermark[WMARK_MIN] = tmp;
		} else {
			unsigned long m = managed / 1024;

			z->_watermark[WMARK_MIN] = m < 32 ? 32 : m > 128 ? 128 : m;
		}
		delta = max(tmp / 4, managed * (unsigned long)watermark_scale_factor / 10000);
		z->_watermark[WMARK_LOW] = z->_watermark[WMARK_MIN] + delta;
		z->_watermark[WMARK_HIGH] = z->_watermark[WMARK_LOW] + delta;
		z->_watermark[WMARK_PROMO] = z->_watermark[WMARK_HIGH] + delta;
		z->watermark_boost = 0;
	}
}

static void setup_per_zone_lowmem_reserve(void)
{
	struct zone *zones = contig_page_data.node_zones;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long managed = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++)
			zones[i].lowmem_reserve[j] = 0;
		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zones[j].managed_pages;
			if (sysctl_lowmem_reserve_ratio[i] && zones[i].managed_pages)
				zones[i].lowmem_reserve[j] =
					(long)(managed / (unsigned long)sysctl_lowmem_reserve_ratio[i]);
		}
	}
}

int zone_batchsize(const struct zone *zone)
{
	unsigned long b = min(zone->managed_pages / 1024, (1UL << 20) / PAGE_SIZE) / 4;
	unsigned long p = 1;

	if (b < 1)
		b = 1;
	b += b / 2;
	while (p * 2 <= b)
		p *= 2;
	return (int)(p - 1) ?: 1;
}

static void setup_pcp_sizes(void)
{
	struct zone *z;

	for_each_zone(z) {
		struct per_cpu_pages *pcp = this_cpu_pcp(z);
		int batch = zone_batchsize(z), high = (int)low_wmark_pages(z);	/* one CPU */

		if (high < 4 * batch)
			high = 4 * batch;
		z->pcp_batch = pcp->batch = batch;
		z->pcp_high = pcp->high = pcp->high_min = high;
		/*
		 * Linux 6.12's zone_set_pageset_high_and_batch(): high_max is
		 * zone_highsize() at MIN_PERCPU_PAGELIST_HIGH_FRACTION (8): an
		 * eighth of the managed pages per CPU, at least 4 batches.
		 */
		pcp->high_max = (int)max(z->managed_pages / 8, 4UL * (unsigned long)batch);
		if (!pcp->count)
			for (unsigned int o = 0; o < NR_PCP_ORDERS; o++)
				page_list_init(&pcp->lists[o]);
	}
}

void init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = 0;
	struct zone *z;

	for_each_zone(z)
		if (zone_is_lowmem(zone_idx(z)) && z->managed_pages > high_wmark_pages(z))
			lowmem_kbytes += (z->managed_pages - high_wmark_pages(z)) << (PAGE_SHIFT - 10);
	min_free_kbytes = (int)calculate_min_free_kbytes_for(lowmem_kbytes);
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	setup_pcp_sizes();
}

/*** The watermark test and the slow path ***/

/*
 * Linux's __zone_watermark_ok(): with the block taken, more than mark pages
 * (lowered by the ALLOC_* flags) stay free above the zone's reserve against
 * highest_zoneidx's requests, and for order > 0 a free block at least that
 * large exists.
 */
noinline bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
				enum zone_type highest_zoneidx, unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)z->nr_free - ((1L << order) - 1);

	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	if (free_pages <= min + (long)z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

/*
 * Linux's __gfp_pfmemalloc_flags(): __GFP_MEMALLOC may ignore the
 * watermarks, unless __GFP_NOMEMALLOC says otherwise. Linux grants the
 * same to a PF_MEMALLOC task (one that is reclaiming) and ALLOC_OOM to an
 * OOM victim; mmos has neither.
 */
static unsigned int gfp_pfmemalloc_flags(gfp_t gfp)
{
	if (gfp & __GFP_NOMEMALLOC)
		return 0;
	if (gfp & __GFP_MEMALLOC)
		return ALLOC_NO_WATERMARKS;
	return 0;
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		flags |= ALLOC_MIN_RESERVE;
	if (!(gfp & __GFP_DIRECT_RECLAIM) && !(gfp & __GFP_NOMEMALLOC))
		flags |= ALLOC_NON_BLOCK;
	return flags;
}

/*
 * Linux's warn_alloc() for the page allocator: "page allocation failure",
 * with the caller, the order and the flags by name (mm/vmalloc.c has its
 * own, for vmalloc's failures).
 */
static void warn_alloc(gfp_t gfp, unsigned int order, unsigned long caller)
{
	char names[160];

	format_gfp_flags(names, sizeof(names), gfp);
	pr_warn("%pS: page allocation failure: order:%u, mode:%#x(%s)\n", (void *)caller, order,
		gfp, names);
}

/*
 * __GFP_NOFAIL when every other try failed. Linux 6.12's
 * __alloc_pages_slowpath() first loops reclaiming, and for the requests the
 * OOM killer is tried for (order <= PAGE_ALLOC_COSTLY_ORDER, highest zone
 * ZONE_NORMAL or above, neither __GFP_RETRY_MAYFAIL nor __GFP_THISNODE),
 * __alloc_pages_may_oom() grants NOFAIL ALLOC_NO_WATERMARKS
 * (__alloc_pages_cpuset_fallback(gfp, order, ALLOC_NO_WATERMARKS, ac))
 * once out_of_memory() made progress or failed with a WARN. Other requests
 * reach nopage:, whose last try is __alloc_pages_cpuset_fallback(gfp, order,
 * ALLOC_MIN_RESERVE, ac): the half of min that __GFP_HIGH may use, on top
 * of each zone's lowmem_reserve as always. mmos has no reclaim and no OOM
 * path, so every request takes the nopage: try; with an OOM killer, Linux
 * would give the requests above no watermarks at all. A request that may
 * not reclaim gets nothing (Linux fails it at nopage: too). Where Linux
 * would then loop until memory comes back, mmos has nothing that could
 * free a page, so waiting would hang: it reports the failure and panics.
 */
static struct page *alloc_pages_nofail(gfp_t gfp, unsigned int order, enum zone_type high,
				       unsigned long caller)
{
	struct page *page;

	if (!(gfp & __GFP_DIRECT_RECLAIM))
		return NULL;
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_MIN | ALLOC_MIN_RESERVE, high);
	if (!page) {
		warn_alloc(gfp, order, caller);
		panic("Out of memory: __GFP_NOFAIL order-%u allocation from %pS: no zone it may use "
		      "has a page above half its min watermark and its lowmem_reserve", order,
		      (void *)caller);
	}
	return page;
}

/*
 * Everything but the first try: bad requests (reported), then the deeper
 * reserves (mmos has no reclaim, so that is all a slow path can do): min as
 * the flags lower it, then no watermarks for __GFP_MEMALLOC (Linux's
 * reserve_flags), then the same after draining the per-CPU lists; then
 * __GFP_NOFAIL's last resort, then the failure report.
 */
noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order, unsigned long caller)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp), reserve_flags;
	enum zone_type high;
	struct page *page;
	char names[160];

	if (gfp_zone_bad(gfp)) {
		format_gfp_flags(names, sizeof(names), gfp);
		WARN(1, "alloc_pages: invalid zone modifiers in mode:%#x(%s) from %pS\n", gfp, names,
		     (void *)caller);
		return NULL;
	}
	if (order > MAX_PAGE_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	/*
	 * Linux 6.12 warns at the slow path's entry of the __GFP_NOFAIL it does
	 * not want: above order 1, or unable to reclaim (not supported: it
	 * could only spin). A fast-path success does not warn.
	 */
	if (gfp & __GFP_NOFAIL) {
		WARN_ON_ONCE(order > 1);
		WARN_ON_ONCE(!(gfp & __GFP_DIRECT_RECLAIM));
	}
	high = gfp_zone(gfp);
	trace_mm("slow path: alloc_flags %#x (min watermark%s%s)", alloc_flags,
		 alloc_flags & ALLOC_MIN_RESERVE ? ", __GFP_HIGH: half of it" : "",
		 alloc_flags & ALLOC_NON_BLOCK ? ", cannot block: a quarter less" : "");
	page = get_page_from_freelist(gfp, order, alloc_flags, high);
	reserve_flags = gfp_pfmemalloc_flags(gfp);
	if (!page && reserve_flags) {
		alloc_flags = reserve_flags;
		page = get_page_from_freelist(gfp, order, alloc_flags, high);
	}
	if (!page) {
		/*
		 * The per-CPU lists may hold what is missing: pages the watermarks
		 * do not count, or the buddies of a larger block. Linux drains them
		 * when reclaim comes back empty; mmos has no reclaim, so now.
		 */
		trace_mm("slow path: drain the per-CPU lists and try again");
		drain_all_pages();
		page = get_page_from_freelist(gfp, order, alloc_flags, high);
	}
	if (!page && (gfp & __GFP_NOFAIL))
		page = alloc_pages_nofail(gfp, order, high, caller);
	if (!page) {
		for (struct zone **zp = contig_page_data.node_zonelist.zones; *zp; zp++)
			if (zone_idx(*zp) <= high)
				(*zp)->nr_alloc_failed++;
		if (!(gfp & __GFP_NOWARN))
			warn_alloc(gfp, order, caller);
	}
	return page;
}
