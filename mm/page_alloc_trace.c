// SPDX-License-Identifier: MIT
/*
 * mm/page_alloc_trace.c - what the shell's trace prints of the page
 * allocator's work, beside mm/page_alloc.c.
 *
 * Owns: the numbers of one zone's watermark test (trace_watermark()), the
 * free lists' counts before and after one request (trace_free_lists_begin()
 * and _end(): splits and merges seen from the lists, whoever wrote them),
 * and where a freed block goes (trace_free_pages()). The traced zone walk,
 * get_page_from_freelist_traced(), stays in page_alloc.c: it needs rmqueue()
 * inline. Linux tells such things through tracepoints
 * (include/trace/events/kmem.h).
 * Must not touch: free lists, per-CPU lists, page state (it only reads).
 * Locking: none taken; the counters are read as they stand, as a trace may.
 * Tests: tests/kernel/page_alloc_test.c (the trace's lines).
 */
#include <kernel/printk.h>
#include "internal.h"

/*
 * For the trace: the numbers __zone_watermark_ok() compares for this zone
 * (free pages after the block vs the mark, lowered by the flags, plus the
 * zone's lowmem_reserve against highest_zoneidx) and its verdict.
 */
noinline void trace_watermark(struct zone *z, unsigned int order, unsigned int alloc_flags,
			      enum zone_type highest_zoneidx)
{
	static const char *const names[] = { "min", "low", "high", "promo" };
	unsigned long mark = wmark_pages(z, alloc_flags & ALLOC_WMARK_MASK);
	long min = (long)mark;

	if (alloc_flags & ALLOC_NO_WATERMARKS) {
		trace_mm("zone %s: no watermarks (ALLOC_NO_WATERMARKS)", z->name);
		return;
	}
	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	trace_mm("zone %s: free %lu - %lu > %s %lu (as used: %ld) + lowmem_reserve[%s] %ld: %s",
		 z->name, z->nr_free, (1UL << order) - 1, names[alloc_flags & ALLOC_WMARK_MASK], mark,
		 min, zone_names[highest_zoneidx], z->lowmem_reserve[highest_zoneidx],
		 zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags) ? "ok" : "fails");
}

/*
 * The trace of splits and merges: the free lists' counts before and after
 * one request, compared. Whatever code splits and merges (a lab's stub or
 * a student's solution too), the trace says what it did to the lists, and
 * the list operations themselves carry no hook.
 */
static unsigned long trace_counts[MAX_NR_ZONES][NR_PAGE_ORDERS];

void trace_free_lists_begin(void)
{
	struct zone *z;

	for_each_zone(z)
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
			trace_counts[zone_idx(z)][o] = z->free_area[o].nr_free;
}

void trace_free_lists_end(void)
{
	struct zone *z;

	for_each_zone(z) {
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			unsigned long was = trace_counts[zone_idx(z)][o], now = z->free_area[o].nr_free;

			if (was != now)
				trace_mm("%s free_area[%u]: %lu -> %lu block%s (%s)", z->name, o, was,
					 now, now == 1 ? "" : "s", now > was ?
					 "a split's or a merge's piece put there" :
					 "taken, to split or hand out, or a buddy merged away");
		}
	}
}

void trace_free_pages(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);

	if (pcp_allowed_order(order)) {
		struct per_cpu_pages *pcp = this_cpu_pcp(zone);

		trace_mm("pcp: pfn %#lx order %u goes onto %s's order-%u list (count %d -> %d, high %d%s)",
			 page_to_pfn(page), order, zone->name, order, pcp->count,
			 pcp->count + (1 << order), pcp->high,
			 pcp->count + (1 << order) >= pcp->high ?
			 ": then a batch goes back to the buddy lists" : "");
		return;
	}
	trace_mm("buddy: order %u > %u has no per-CPU list: straight to the buddy lists", order,
		 PAGE_ALLOC_COSTLY_ORDER);
}
