// SPDX-License-Identifier: MIT
/*
 * mm/page_alloc.c - the buddy allocator, in the shape of Linux's.
 *
 * Owns: the zones' free lists and free counters, the per-CPU lists (one per
 * order up to PAGE_ALLOC_COSTLY_ORDER), the page checks at free and at
 * allocation (check_pages_enabled), and the two paths, named as Linux 6.12:
 *   alloc_pages() -> __alloc_pages() -> get_page_from_freelist() -> rmqueue()
 *     -> rmqueue_pcplist() (per-CPU list, refilled by rmqueue_bulk())
 *      | rmqueue_buddy() -> __rmqueue_smallest() -> expand();
 *     failing that, __alloc_pages_slowpath().
 *   __free_pages() -> free_the_page() -> free_unref_page() (per-CPU list,
 *     drained by free_pcppages_bulk()) | __free_pages_ok() -> free_one_page()
 *     -> __free_one_page(); both through free_pages_prepare()'s checks.
 * Where mmos differs from Linux (it records each allocation's order and
 * checks what a caller frees against it), the function's comment says so.
 * The per-CPU lists' refill and drain (rmqueue_bulk(), free_pcppages_bulk(),
 * drain_all_pages()) are mm/page_pcp.c's; the watermark and reserve sizes
 * mm/watermark.c's; the reports' wording mm/debug.c's; the trace's report
 * of watermarks, free lists and per-CPU frees mm/page_alloc_trace.c's.
 * Must not touch: page tables, memblock, slab objects.
 * Locking: zone->lock (IRQs off) for free_area[] and zone->nr_free; the
 * per-CPU lists with IRQs off on their CPU. Order: pcp (IRQs off) -> zone->lock.
 * Tests: tests/kernel/page_alloc_test.c, tests/kernel/gfp_test.c,
 * tests/kernel/watermark_test.c (how far each GFP class may go).
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/log2.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include "internal.h"

static DEFINE_PER_CPU(struct per_cpu_pages[MAX_NR_ZONES], pcp_lists);

/*
 * Linux runs the per-page checks (every page of a block at free, the new
 * pages at allocation) only when check_pages_enabled is on: with
 * CONFIG_DEBUG_VM, or when debug_pagealloc or init_on_alloc/init_on_free
 * turn it on at boot. mmos turns it on by default and lets the boot line
 * turn it off: check_pages=0 (or n, off). A student learns more from a
 * caught bad free than from the instructions it costs.
 */
bool check_pages_enabled = true;
core_param_bool(check_pages, check_pages_enabled);

/* This CPU's lists for a zone (interrupts off). */
static inline struct per_cpu_pages *pcp_of(const struct zone *zone)
{
	return &(*this_cpu_ptr(&pcp_lists))[zone_idx(zone)];
}

struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	return pcp_of(zone);
}

/*** Page checks ***/

/*
 * Linux's page_expected_state(), for a run of pages at once: none has a
 * flag of check_flags, a reference or a page type. The fields are ORed (and
 * the types ANDed: PAGE_TYPE_NONE is all ones) over the run and tested once,
 * so the loop has no branch, and four pages a step (each field then costs
 * one instruction a page); the page at fault is looked for only when
 * something is wrong (page_bad_reason()). _refcount is read as a plain
 * int: the pages are the freeing caller's, and nobody else may change them.
 */
static __always_inline bool pages_expected_state(const struct page *page, unsigned long nr,
						 unsigned long check_flags)
{
	unsigned long flags = 0;
	unsigned int count = 0, type = PAGE_TYPE_NONE;

#pragma GCC unroll 4
	for (unsigned long i = 0; i < nr; i++) {
		flags |= page[i].flags;
		count |= (unsigned int)page[i]._refcount.counter;
		type &= page[i].page_type;
	}
	return !(flags & check_flags) && !count && type == PAGE_TYPE_NONE;
}

/* Linux's free_page_is_bad(), for the nr pages of a block: reported, true if any. */
static __always_inline bool free_page_is_bad(const struct page *page, unsigned long nr,
					     unsigned long caller)
{
	if (likely(pages_expected_state(page, nr, PAGE_FLAGS_CHECK_AT_FREE)))
		return false;
	return report_bad_pages(page, nr, PAGE_FLAGS_CHECK_AT_FREE, caller) != 0;
}

/*
 * Linux's check_new_page(): a page about to be handed out must be free and
 * clean; if not, it is reported and left out (Linux leaks it too, rather
 * than hand out a page someone may still use). Linux's check_new_pages()
 * looks at every page of the block; mmos looks at the first, because
 * free_pages_prepare() checked every page of the block when it was freed
 * and a free block's other pages are written by nobody.
 */
static __always_inline bool check_new_page(struct page *page)
{
	if (likely(pages_expected_state(page, 1, PAGE_FLAGS_CHECK_AT_PREP)))
		return false;
	return report_bad_pages(page, 1, PAGE_FLAGS_CHECK_AT_PREP, 0) != 0;
}

static __always_inline bool check_new_pages(struct page *page)
{
	return check_pages_enabled && check_new_page(page);
}

/*** Free lists (zone->lock held) ***/

static void set_buddy_order(struct page *page, unsigned int order)
{
	set_page_private(page, order);
	page->page_type = PGTY_buddy;
}

/*
 * The free lists of one order. zone->nr_free is left to the callers: a
 * merge or a split moves pages between orders without changing it, so
 * each of them adds or subtracts once, what it freed or took.
 */
static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order, bool tail)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	if (tail)
		page_list_add_tail(&area->free_list, page);
	else
		page_list_add(&area->free_list, page);
	area->nr_free++;
}

/* Is buddy the first page of a free block of exactly this order, in page's zone? */
static bool page_is_buddy(const struct page *page, const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && page_private(buddy) == order &&
	       page_zonenum(buddy) == page_zonenum(page);
}

/*
 * Freeing: the buddy system's merge.
 *
 * A free block of order o starting at pfn has exactly one buddy: the block
 * of the same order it was split from, at pfn ^ (1 << o). If that buddy is
 * free too (on the order-o list, in the same zone), the two are taken off
 * and become one block of order o + 1 starting at pfn & ~(1 << o); repeat
 * until the buddy is busy or the order is MAX_PAGE_ORDER:
 *
 *   order 0:  [A][b]            A freed, buddy b free  -> merge
 *   order 1:  [A  b][c  d]      buddy (c d) free       -> merge
 *   order 2:  [A  b  c  d][e f g h]   ...
 *
 * The final block goes on its list; at the tail when its own buddy one order
 * up is free (a merge there is likely soon, so keep it out of the way).
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order)
{
	bool tail = false;

	zone->nr_free += 1UL << order;	/* the merges below only regroup free pages */
	/*
	 * A buddy's struct page always exists: the memmap covers whole
	 * MAX_PAGE_ORDER blocks (mm/sparse.c). One in another zone or a hole
	 * is never PageBuddy with the right order and zone.
	 */
	while (order < MAX_PAGE_ORDER) {	/* LAB 2 BEGIN merge */
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;
		page = pfn_to_page(pfn);
		order++;
	}	/* LAB 2 END merge */
	if (order < MAX_PAGE_ORDER - 1) {
		unsigned long higher = (pfn & ~((2UL << order) - 1)) ^ (2UL << order);

		tail = page_is_buddy(page, pfn_to_page(higher), order + 1);
	}
	add_to_free_list(page, zone, order, tail);
}

/*
 * Split a block of order high down to order low, keeping the lowest piece
 * and putting each upper half back on the free list of its order.
 */
void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {	/* LAB 2 BEGIN split */
		high--;
		add_to_free_list(page + (1UL << high), zone, high, false);
	}	/* LAB 2 END split */
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++) {
		struct page *page = page_list_first(&zone->free_area[o].free_list);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		zone->nr_free -= 1UL << order;	/* what was taken; expand() kept the rest free */
		return page;
	}
	return NULL;
}

/*** Taking a block ***/

/* The hot block of one order from a per-CPU list, refilled when empty (IRQs off). */
static __always_inline struct page *__rmqueue_pcplist(struct zone *zone, unsigned int order,
						      struct per_cpu_pages *pcp)
{
	struct page *page;

	do {
		if (unlikely(page_list_empty(&pcp->lists[order]))) {
			rmqueue_bulk(zone, order, pcp);
			if (page_list_empty(&pcp->lists[order]))
				return NULL;
			trace_mm("pcp: %s refilled, count %d", zone->name, pcp->count);
		}
		page = page_list_pop(&pcp->lists[order]);
		pcp->count -= 1 << order;
	} while (unlikely(check_new_pages(page)));
	return page;
}

static __always_inline struct page *rmqueue_pcplist(struct zone *zone, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	page = __rmqueue_pcplist(zone, order, pcp_of(zone));
	local_irq_restore(flags);
	return page;
}

/* Blocks of orders without a per-CPU list come straight from the buddy lists. */
static noinline struct page *rmqueue_buddy(struct zone *zone, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	do {
		spin_lock_irqsave(&zone->lock, flags);
		page = __rmqueue_smallest(zone, order);
		spin_unlock_irqrestore(&zone->lock, flags);
	} while (page && unlikely(check_new_pages(page)));
	return page;
}

static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order)
{
	if (likely(pcp_allowed_order(order)))
		return rmqueue_pcplist(zone, order);
	return rmqueue_buddy(zone, order);
}

/*** Allocation ***/

/*
 * Linux's zone_watermark_fast(): an order-0 request that leaves more than
 * the mark free above the zone's reserve needs no more; anything else goes
 * to zone_watermark_ok() (mm/watermark.c), with the flags' reductions and
 * the look for a large enough block.
 */
static __always_inline bool zone_watermark_fast(struct zone *z, unsigned int order,
						unsigned long mark, enum zone_type highest_zoneidx,
						unsigned int alloc_flags)
{
	if (!order && (long)z->nr_free > (long)mark + z->lowmem_reserve[highest_zoneidx])
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags);
}

/*
 * Linux's post_alloc_hook() and prep_new_page(): nothing of the last
 * owner's private word, one reference, zeroed if asked, a compound page if
 * asked. mmos also records the order in the first page (Linux does not),
 * so that a free with another order can be caught and reported.
 */
static __always_inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_private(page, 0);
	set_page_count(page, 1);
	set_page_alloc_order(page, (int)order);
	if (unlikely(gfp & __GFP_ZERO))
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_highpage(page + i);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}

/*
 * get_page_from_freelist()'s walk, saying what it does (the trace): out of
 * line, so that the untraced allocation pays one test of mm_trace_enabled
 * and nothing more.
 */
static noinline struct page *get_page_from_freelist_traced(gfp_t gfp, unsigned int order,
		unsigned int alloc_flags, enum zone_type highest_zoneidx)
{
	for (struct zone **zp = contig_page_data.node_zonelist.zones; *zp; zp++) {
		struct zone *z = *zp;
		struct page *page;

		if (zone_idx(z) > highest_zoneidx)
			continue;
		trace_watermark(z, order, alloc_flags, highest_zoneidx);
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_fast(z, order, wmark_pages(z, alloc_flags & ALLOC_WMARK_MASK),
				       highest_zoneidx, alloc_flags))
			continue;
		if (pcp_allowed_order(order)) {
			struct per_cpu_pages *pcp = pcp_of(z);

			trace_mm("pcp: %s order-%u list %s (count %d, batch %d)", z->name, order,
				 page_list_empty(&pcp->lists[order]) ?
				 "empty: refill with rmqueue_bulk()" : "hit", pcp->count, pcp->batch);
		}
		trace_free_lists_begin();
		page = rmqueue(z, order);
		trace_free_lists_end();
		if (page) {
			prep_new_page(page, order, gfp);
			trace_mm("returned: pfn %#lx order %u zone %s", page_to_pfn(page), order, z->name);
			return page;
		}
		trace_mm("zone %s: watermark passed, but no block of order %u", z->name, order);
	}
	return NULL;
}

/*
 * Try each zone the request may use, highest first, against the watermark
 * alloc_flags names (unless ALLOC_NO_WATERMARKS); take the block from the
 * first that passes and has one.
 */
struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					       unsigned int alloc_flags, enum zone_type highest_zoneidx)
{
	if (unlikely(mm_trace_enabled))
		return get_page_from_freelist_traced(gfp, order, alloc_flags, highest_zoneidx);
	for (struct zone **zp = contig_page_data.node_zonelist.zones; *zp; zp++) {
		struct zone *z = *zp;
		struct page *page;

		if (zone_idx(z) > highest_zoneidx)
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_fast(z, order, wmark_pages(z, alloc_flags & ALLOC_WMARK_MASK),
				       highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(z, order);
		if (page) {
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

/*
 * The first try, every zone the request may use against its low watermark,
 * then the slow path. Linux's takes a preferred node and a nodemask; mmos
 * has one node, and takes instead the caller's address for the reports.
 * A bad request (zone modifiers, order) goes to the slow path, which says
 * what is wrong with it. flatten: get_page_from_freelist() and what it
 * calls in this file are compiled into this function (the slow path calls
 * its own copy), so the common allocation makes one call, not three.
 */
noinline __attribute__((flatten)) struct page *__alloc_pages(gfp_t gfp, unsigned int order,
							 unsigned long caller)
{
	if (likely(!gfp_zone_bad(gfp) && order <= MAX_PAGE_ORDER)) {
		struct page *page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW,
							   gfp_zone(gfp));

		if (likely(page))
			return page;
	}
	return __alloc_pages_slowpath(gfp, order, caller);
}

noinline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, _RET_IP_);
}

noinline unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = __alloc_pages(gfp & ~__GFP_HIGHMEM, order, _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

noinline unsigned long get_zeroed_page(gfp_t gfp)
{
	struct page *page = __alloc_pages((gfp | __GFP_ZERO) & ~__GFP_HIGHMEM, 0, _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

/*** Freeing ***/

/*
 * Linux's free_pages_prepare(): with check_pages_enabled, every page of the
 * block must be unused (no reference, no type, no PAGE_FLAGS_CHECK_AT_FREE
 * flag), the pages after the first looked at only for a block of more than
 * one page; then the first page's allocation order (mmos's) is cleared.
 * Linux leaks a block that fails; mmos reports each bad page and gives the
 * block its reference back, so it stays allocated as it was, and nothing in
 * it can be handed out twice.
 */
static __always_inline bool free_pages_prepare(struct page *page, unsigned int order,
					       unsigned long caller)
{
	if (check_pages_enabled) {
		bool bad = false;

		if (unlikely(order))
			bad = free_page_is_bad(page + 1, (1UL << order) - 1, caller);
		bad |= free_page_is_bad(page, 1, caller);
		if (unlikely(bad)) {
			set_page_count(page, 1);
			return false;
		}
	}
	page->flags &= ~PAGE_ORDER_MASK;
	return true;
}

/* Linux's free_one_page(): the buddy merge under the zone lock. */
static noinline void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
				   unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, pfn, zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* Linux's __free_pages_ok(): a block too large for the per-CPU lists. */
static noinline void __free_pages_ok(struct page *page, unsigned int order, unsigned long caller)
{
	if (free_pages_prepare(page, order, caller))
		free_one_page(page_zone(page), page, page_to_pfn(page), order);
}

/*
 * Linux's free_unref_page(): onto this CPU's list of the block's order in
 * its zone; over the list's high mark, a batch goes back to the buddy lists.
 */
static __always_inline void free_unref_page(struct page *page, unsigned int order,
					    unsigned long caller)
{
	struct zone *zone;
	struct per_cpu_pages *pcp;
	unsigned long flags;

	if (unlikely(!free_pages_prepare(page, order, caller)))
		return;
	zone = page_zone(page);
	local_irq_save(flags);
	pcp = pcp_of(zone);
	page_list_add(&pcp->lists[order], page);
	pcp->count += 1 << order;
	if (unlikely(pcp->count >= pcp->high))
		free_pcppages_bulk(zone, pcp->batch, pcp);
	local_irq_restore(flags);
}

/*
 * Linux's free_the_page(): a block whose last reference is gone. The
 * caller's address is mmos's, for the reports.
 */
static __always_inline void __free_the_page(struct page *page, unsigned int order,
					    unsigned long caller)
{
	if (likely(pcp_allowed_order(order)))
		free_unref_page(page, order, caller);
	else
		__free_pages_ok(page, order, caller);
}

void free_the_page(struct page *page, unsigned int order, unsigned long caller)
{
	__free_the_page(page, order, caller);
}

/*
 * mmos's own check of what a caller hands __free_pages(), before the
 * reference is dropped: a page frame that exists, is held, starts an
 * allocation, of this order. The common case is one test of the flags
 * (order field, no head or tail) and of the type.
 */
static __always_inline bool free_pages_expected(const struct page *page, unsigned int order)
{
	return pfn_valid(page_to_pfn(page)) &&
	       (page->flags & (PAGE_FLAGS_CHECK_AT_FREE | PAGE_ORDER_MASK)) ==
		       (unsigned long)(order + 1) << PAGE_ORDER_SHIFT &&
	       page->page_type == PAGE_TYPE_NONE && page_ref_count(page) > 0;
}

/*
 * A reference was dropped but not the last one. Linux's __free_pages():
 * a compound page lives on while anyone holds it; of a plain block, the
 * holder keeps the first page and the rest is freed, in the blocks it was
 * split from.
 */
static noinline void free_pages_still_held(struct page *page, unsigned int order,
					   unsigned long caller)
{
	if (PageHead(page))
		return;
	set_page_alloc_order(page, 0);
	while (order-- > 0)
		free_the_page(page + (1UL << order), order, caller);
}

/* Linux's ___free_pages(): drop the caller's reference; the last one frees the block. */
static __always_inline void ___free_pages(struct page *page, unsigned int order,
					  unsigned long caller)
{
	if (!put_page_testzero(page))
		free_pages_still_held(page, order, caller);
	else if (unlikely(PageHead(page)))
		destroy_compound_page(page, caller);
	else
		__free_the_page(page, order, caller);
}

/*
 * What free_pages_expected() did not expect, reported by
 * free_pages_check_caller(), then freed with the order recorded at
 * allocation, or not at all. Out of line, so that the common free keeps no
 * value across a call there (one register fewer to save and restore).
 */
static noinline void free_pages_unexpected(struct page *page, unsigned int order,
					   unsigned long caller)
{
	int checked = free_pages_check_caller(page, order, caller);

	if (checked >= 0)
		___free_pages(page, (unsigned int)checked, caller);
}

noinline void __free_pages(struct page *page, unsigned int order)
{
	if (unlikely(!free_pages_expected(page, order)))
		free_pages_unexpected(page, order, _RET_IP_);
	else
		___free_pages(page, order, _RET_IP_);
}

noinline void free_pages(unsigned long addr, unsigned int order)
{
	struct page *page;

	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK)) {
		count_bad_page();
		if (bad_page_ratelimit())
			pr_alert("BUG: Bad page state in process swapper  addr:%#lx caller:%pS "
				 "reason: not the address of a direct-mapped page\n", addr,
				 (void *)_RET_IP_);
		return;
	}
	page = virt_to_page((void *)addr);
	if (unlikely(!free_pages_expected(page, order)))
		free_pages_unexpected(page, order, _RET_IP_);
	else
		___free_pages(page, order, _RET_IP_);
}

/* Hand a block the boot code owned to the buddy lists (Linux's __free_pages_core()). */
void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < (1UL << order); i++) {
		ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += 1UL << order;
	free_one_page(zone, page, page_to_pfn(page), order);
}
