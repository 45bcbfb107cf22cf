// SPDX-License-Identifier: MIT
/*
 * mm/page_alloc.c - the buddy allocator.
 *
 * Owns: the zones' free lists and free counters, the per-CPU lists (one per
 * order up to PAGE_ALLOC_COSTLY_ORDER), the allocation path (GFP ->
 * zonelist walk -> watermark check -> per-CPU list or buddy split) and the
 * free path (checks -> per-CPU list or buddy merge), and the "BUG: Bad page
 * state" reports.
 * The commonest calls take short inline paths: alloc_pages() of one page
 * that the first usable zone's per-CPU list has, and __free_pages() of a
 * block in the expected state (one test). Everything else, and every
 * report, is out of line.
 * Must not touch: page tables, memblock, slab objects.
 * Locking: zone->lock (IRQs off) for free_area[] and zone->nr_free; the
 * per-CPU lists with IRQs off on their CPU. Order: pcp (IRQs off) -> zone->lock.
 * Tests: tests/kernel/page_alloc_test.c, tests/kernel/gfp_test.c,
 * tests/kernel/watermark_test.c (how far each GFP class may go).
 */
#include <kernel/bug.h>
#include <kernel/log2.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include "internal.h"

/* Flags no page of a block being freed may have. */
#define PAGE_FLAGS_CHECK_AT_FREE	((1UL << PG_reserved) | (1UL << PG_head) | (1UL << PG_tail))

static DEFINE_PER_CPU(struct per_cpu_pages[MAX_NR_ZONES], pcp_lists);
static unsigned long nr_bad_pages;

static inline struct per_cpu_pages *pcp_of_idx(enum zone_type idx)
{
	return &(*this_cpu_ptr(&pcp_lists))[idx];
}

static inline struct per_cpu_pages *pcp_of(struct zone *zone)
{
	return pcp_of_idx(zone_idx(zone));
}

struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	return pcp_of(zone);
}

unsigned long bad_page_count(void)
{
	return nr_bad_pages;
}

/* One more "BUG: Bad page state" report: counted, and the kernel tainted B, as Linux. */
static void count_bad_page(void)
{
	nr_bad_pages++;
	add_taint(TAINT_BAD_PAGE);
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

static void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	page_list_del(&area->free_list, page);
	page->page_type = PAGE_TYPE_NONE;
	set_page_private(page, 0);
	area->nr_free--;
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
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order)
{
	bool tail = false;

	zone->nr_free += 1UL << order;	/* the merges below only regroup free pages */
	/*
	 * A buddy's struct page always exists: the memmap covers whole
	 * MAX_PAGE_ORDER blocks (mm/sparse.c). One in another zone or a hole
	 * is never PageBuddy with the right order and zone.
	 */
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;
		page = pfn_to_page(pfn);
		order++;
	}
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
static void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high, false);
	}
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

/*** Per-CPU lists (IRQs off) ***/

/*
 * Give about count pages' worth of blocks back to the buddy lists, the
 * coldest (the tail) of one list after another; each drain starts with the
 * next order, so no list is always the one emptied.
 */
static noinline void free_pcppages_bulk(struct zone *zone, struct per_cpu_pages *pcp, int count)
{
	unsigned int o = pcp->drain_order;

	spin_lock(&zone->lock);
	for (unsigned int tried = 0; count > 0 && tried < NR_PCP_ORDERS; tried++) {
		struct page_list *list = &pcp->lists[o];
		struct page *page;

		while (count > 0 && (page = page_list_pop_tail(list))) {
			pcp->count -= 1 << o;
			count -= 1 << o;
			__free_one_page(page, page_to_pfn(page), zone, o);
		}
		o = (o + 1) % NR_PCP_ORDERS;
	}
	pcp->drain_order = o;
	spin_unlock(&zone->lock);
}

/*
 * Refill the list of one order with about batch pages' worth of blocks,
 * lowest addresses first: Linux 6.12's nr_pcp_alloc() count (without its
 * alloc_factor scaling), batch >> order blocks but at least 2 when batch
 * is above 1, else 1. A larger free block is cut straight into blocks of
 * the order on the list (after splitting off what is more than needed)
 * instead of being split one block at a time.
 */
static noinline void rmqueue_bulk(struct zone *zone, struct per_cpu_pages *pcp, unsigned int order)
{
	struct page_list *list = &pcp->lists[order];
	unsigned long batch = (unsigned long)pcp->batch;
	unsigned long want = batch > 1 ? max(batch >> order, 2UL) : 1;

	spin_lock(&zone->lock);
	while (want) {
		/* the largest block worth cutting up whole: at most `want` pieces */
		unsigned int keep = min(order + ilog2(want), (unsigned int)MAX_PAGE_ORDER);
		struct page *page = NULL;
		unsigned int o;

		for (o = order; o < NR_PAGE_ORDERS && !page; o++)
			page = page_list_first(&zone->free_area[o].free_list);
		if (!page)
			break;
		o--;
		del_page_from_free_list(page, zone, o);
		if (o > keep) {
			expand(zone, page, keep, o);
			o = keep;
		}
		zone->nr_free -= 1UL << o;
		page_list_add_tail_run(list, page, 1UL << (o - order), 1UL << order);
		want -= 1UL << (o - order);
		pcp->count += 1 << o;
	}
	spin_unlock(&zone->lock);
}

/* Blocks of orders without a per-CPU list come straight from the buddy lists. */
static noinline struct page *rmqueue_buddy(struct zone *zone, unsigned int order)
{
	struct page *page;

	spin_lock(&zone->lock);
	page = __rmqueue_smallest(zone, order);
	spin_unlock(&zone->lock);
	return page;
}

static noinline void free_to_buddy(struct zone *zone, struct page *page, unsigned int order)
{
	spin_lock(&zone->lock);
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock(&zone->lock);
}

/* The hot block of a per-CPU list, or NULL (IRQs off). */
static __always_inline struct page *pcp_pop(struct per_cpu_pages *pcp, unsigned int order)
{
	struct page *page = page_list_pop(&pcp->lists[order]);

	if (likely(page))
		pcp->count -= 1 << order;
	return page;
}

static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	if (likely(order <= PAGE_ALLOC_COSTLY_ORDER)) {
		struct per_cpu_pages *pcp = pcp_of(zone);

		if (unlikely(page_list_empty(&pcp->lists[order])))
			rmqueue_bulk(zone, pcp, order);
		page = pcp_pop(pcp, order);
	} else {
		page = rmqueue_buddy(zone, order);
	}
	local_irq_restore(flags);
	return page;
}

/* This CPU's lists, which on mmos's one CPU is all of them (kernel/percpu.h). */
void drain_all_pages(void)
{
	struct zone *z;
	unsigned long flags;

	local_irq_save(flags);
	for_each_populated_zone(z) {
		struct per_cpu_pages *pcp = pcp_of(z);

		free_pcppages_bulk(z, pcp, pcp->count);
	}
	local_irq_restore(flags);
}

/*** Watermarks ***/

/*
 * The watermark test itself: with the block taken, more than min pages stay
 * free above the zone's reserve against highest_zoneidx's requests, and for
 * order > 0 a free block at least that large exists.
 */
static __always_inline bool watermark_passes(const struct zone *z, unsigned int order, long min,
					     enum zone_type highest_zoneidx)
{
	long free_pages = (long)z->nr_free - ((1L << order) - 1);

	if (free_pages <= min + (long)z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

noinline bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       enum zone_type highest_zoneidx, unsigned int alloc_flags)
{
	long min = (long)mark;

	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	return watermark_passes(z, order, min, highest_zoneidx);
}

/* Linux's zone_watermark_fast(): order 0 against the unreduced mark needs no more. */
static __always_inline bool zone_watermark_fast(struct zone *z, unsigned int order,
						unsigned long mark, enum zone_type highest_zoneidx,
						unsigned int alloc_flags)
{
	if (!order && watermark_passes(z, 0, (long)mark, highest_zoneidx))
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags);
}

/*** Allocation ***/

/*
 * Linux 6.12's %pGg table (include/trace/events/mmflags.h): composite names,
 * most bits first, then the zone bits under their GFP_ names, __GFP_RECLAIM,
 * and every __GFP_ bit in bit order. An entry prints when all its bits are
 * still set, and takes them.
 */
#define GFP_TRANSHUGE_LIGHT	((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | \
				  __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE		(GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)
#define GFP_NAME(f)		{ f, #f }

static const struct { gfp_t mask; const char *name; } gfp_names[] = {
	GFP_NAME(GFP_TRANSHUGE), GFP_NAME(GFP_TRANSHUGE_LIGHT), GFP_NAME(GFP_HIGHUSER_MOVABLE),
	GFP_NAME(GFP_HIGHUSER), GFP_NAME(GFP_USER), GFP_NAME(GFP_KERNEL_ACCOUNT),
	GFP_NAME(GFP_KERNEL), GFP_NAME(GFP_NOFS), GFP_NAME(GFP_ATOMIC), GFP_NAME(GFP_NOIO),
	GFP_NAME(GFP_NOWAIT), GFP_NAME(GFP_DMA), GFP_NAME(GFP_DMA32), GFP_NAME(__GFP_RECLAIM),
	/* bit order */
	GFP_NAME(__GFP_DMA), GFP_NAME(__GFP_HIGHMEM), GFP_NAME(__GFP_DMA32),
	GFP_NAME(__GFP_MOVABLE), GFP_NAME(__GFP_RECLAIMABLE), GFP_NAME(__GFP_HIGH),
	GFP_NAME(__GFP_IO), GFP_NAME(__GFP_FS), GFP_NAME(__GFP_ZERO),
	GFP_NAME(__GFP_DIRECT_RECLAIM), GFP_NAME(__GFP_KSWAPD_RECLAIM), GFP_NAME(__GFP_WRITE),
	GFP_NAME(__GFP_NOWARN), GFP_NAME(__GFP_RETRY_MAYFAIL), GFP_NAME(__GFP_NOFAIL),
	GFP_NAME(__GFP_NORETRY), GFP_NAME(__GFP_MEMALLOC), GFP_NAME(__GFP_COMP),
	GFP_NAME(__GFP_NOMEMALLOC), GFP_NAME(__GFP_HARDWALL), GFP_NAME(__GFP_THISNODE),
	GFP_NAME(__GFP_ACCOUNT), GFP_NAME(__GFP_ZEROTAGS),
};

int format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	size_t n = 0;
	gfp_t left = gfp;

	buf[0] = '\0';
	if (!gfp)
		return scnprintf(buf, size, "none");
	for (size_t i = 0; i < ARRAY_SIZE(gfp_names) && left; i++) {
		if ((left & gfp_names[i].mask) != gfp_names[i].mask)
			continue;
		n += (size_t)scnprintf(buf + n, size - n, "%s%s", n ? "|" : "", gfp_names[i].name);
		left &= ~gfp_names[i].mask;
	}
	if (left)
		n += (size_t)scnprintf(buf + n, size - n, "%s%#x", n ? "|" : "", left);
	return (int)n;
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

static __always_inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	set_page_private(page, 0);	/* as post_alloc_hook(): nothing of the last owner's */
	set_page_count(page, 1);
	set_page_alloc_order(page, (int)order);
	if (unlikely(gfp & __GFP_ZERO))
		for (unsigned long i = 0; i < (1UL << order); i++)
			clear_highpage(page + i);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
}

static __always_inline struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
							   unsigned int alloc_flags,
							   enum zone_type highest_zoneidx)
{
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
static noinline struct page *alloc_pages_slowpath(gfp_t gfp, unsigned int order,
						  unsigned long caller)
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

/*
 * The commonest requests of all: a block of an order the per-CPU lists
 * keep (0..PAGE_ALLOC_COSTLY_ORDER), not zeroed, that the list of the first
 * zone the request may use has, when that zone passes the low watermark
 * (zone_watermark_ok()'s test, with no ALLOC_* flags). The steps of
 * get_page_from_freelist()'s first zone, less the refill, so that nothing
 * is called on the way. NULL: take the full path (which starts over, so
 * nothing here changes what is allocated).
 */
static __always_inline struct page *alloc_page_pcp_hit(gfp_t gfp, unsigned int order)
{
	enum zone_type high = gfp_zone(gfp);
	struct zone **zp = contig_page_data.node_zonelist.zones;
	unsigned long flags;
	struct page *page;

	if (order > PAGE_ALLOC_COSTLY_ORDER || gfp_zone_bad(gfp) || (gfp & __GFP_ZERO))
		return NULL;
	while (*zp && zone_idx(*zp) > high)
		zp++;
	if (!*zp || !watermark_passes(*zp, order, (long)low_wmark_pages(*zp), high))
		return NULL;
	local_irq_save(flags);
	page = pcp_pop(pcp_of(*zp), order);
	local_irq_restore(flags);
	if (page)
		prep_new_page(page, order, gfp);
	return page;
}

/*
 * The per-CPU hit path for orders 1..3, then every zone the request may use
 * against its low watermark, then the slow path.
 */
static noinline struct page *alloc_pages_caller(gfp_t gfp, unsigned int order,
						unsigned long caller)
{
	if (order) {	/* alloc_pages() tried order 0 already */
		struct page *page = alloc_page_pcp_hit(gfp, order);

		if (likely(page))
			return page;
	}
	if (likely(!gfp_zone_bad(gfp) && order <= MAX_PAGE_ORDER)) {
		struct page *page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW,
							   gfp_zone(gfp));

		if (likely(page))
			return page;
	}
	return alloc_pages_slowpath(gfp, order, caller);
}

/* Order 0 is tried here, with no call on the way; orders 1..3 in alloc_pages_caller(). */
noinline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = likely(!order) ? alloc_page_pcp_hit(gfp, 0) : NULL;

	if (likely(page))
		return page;
	return alloc_pages_caller(gfp, order, _RET_IP_);
}

noinline unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages_caller(gfp & ~__GFP_HIGHMEM, order, _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

noinline unsigned long get_zeroed_page(gfp_t gfp)
{
	struct page *page = alloc_pages_caller((gfp | __GFP_ZERO) & ~__GFP_HIGHMEM, 0, _RET_IP_);

	return page ? (unsigned long)page_address(page) : 0;
}

/*** Freeing ***/

void bad_page(const struct page *page, const char *reason, unsigned long caller)
{
	const struct page *head = compound_head_checked(page);

	count_bad_page();
	if (PageCompound(page) && head)
		pr_err("BUG: Bad page state in process swapper  pfn:%05lx head:%05lx order:%u "
		       "refcount:%d flags:%#lx zone:%s caller:%pS reason: %s\n", page_to_pfn(page),
		       page_to_pfn(head), compound_order(head), page_ref_count(head), page->flags,
		       zone_names[page_zonenum(page)], (void *)caller, reason);
	else if (PageCompound(page))
		pr_err("BUG: Bad page state in process swapper  pfn:%05lx head:none (compound_head "
		       "%p is not a compound page's head) refcount:%d flags:%#lx zone:%s "
		       "caller:%pS reason: %s\n", page_to_pfn(page), (void *)page->compound_head,
		       page_ref_count(page), page->flags, zone_names[page_zonenum(page)],
		       (void *)caller, reason);
	else
		pr_err("BUG: Bad page state in process swapper  pfn:%05lx refcount:%d flags:%#lx "
		       "zone:%s order:%d caller:%pS reason: %s\n", page_to_pfn(page),
		       page_ref_count(page), page->flags, zone_names[page_zonenum(page)],
		       page_alloc_order(page), (void *)caller, reason);
}

/* Why a page of a block being freed may not be freed, or NULL if it may. */
static const char *page_bad_reason(const struct page *p)
{
	if (PageBuddy(p))
		return "page in the block is already free";
	if (PageReserved(p))
		return "page in the block is reserved";
	if (PageCompound(p))
		return "page in the block belongs to a compound page";
	if (page_ref_count(p))
		return "nonzero _refcount";
	if (p->page_type != PAGE_TYPE_NONE)
		return "page in the block is in use as another type";
	return NULL;
}

/*
 * _refcount (must be 0) and page_type (must be PAGE_TYPE_NONE) are adjacent,
 * so they are read as one 64-bit word, and XORed with its unused value:
 * zero if and only if the page is unused on both counts.
 */
#define PAGE_UNUSED_COUNT_TYPE	((u64)PAGE_TYPE_NONE << 32)	/* little-endian x86 */

static __always_inline u64 page_count_type_diff(const struct page *p)
{
	u64 count_and_type;

	BUILD_BUG_ON(offsetof(struct page, page_type) != offsetof(struct page, _refcount) + 4);
	__builtin_memcpy(&count_and_type, &p->_refcount, sizeof(count_and_type));
	return count_and_type ^ PAGE_UNUSED_COUNT_TYPE;
}

/*
 * Every page of the block from the first unchecked one on must be unused
 * now: then nothing in it can be handed out twice. Linux checks the pages
 * after the first only under CONFIG_DEBUG_VM; mmos always does, so the
 * loop is one pass that only accumulates, eight pages a step (the step
 * then costs less than a page): the flags ORed together, and the
 * count-and-type differences ORed together, which stay zero only if every
 * page is unused. The first offender is looked for (and reported) only
 * when something is wrong (block_pages_unused()). True if pages [from, n)
 * of the block are all unused.
 */
static __always_inline bool pages_look_unused(const struct page *page, unsigned long from,
					      unsigned long n)
{
	u64 flags = 0, diff = 0;
	unsigned long i = from;

	for (; i + 8 <= n; i += 8) {
		const struct page *p = page + i;

		flags |= p[0].flags | p[1].flags | p[2].flags | p[3].flags |
			 p[4].flags | p[5].flags | p[6].flags | p[7].flags;
		diff |= page_count_type_diff(p) | page_count_type_diff(p + 1) |
			page_count_type_diff(p + 2) | page_count_type_diff(p + 3) |
			page_count_type_diff(p + 4) | page_count_type_diff(p + 5) |
			page_count_type_diff(p + 6) | page_count_type_diff(p + 7);
	}
	for (; i < n; i++) {
		flags |= page[i].flags;
		diff |= page_count_type_diff(page + i);
	}
	return !(flags & PAGE_FLAGS_CHECK_AT_FREE) && !diff;
}

/* pages_look_unused(); when it says no, the first page in use is reported and false returned. */
static noinline bool block_pages_unused(struct page *page, unsigned long from, unsigned long n,
					unsigned long caller)
{
	if (likely(pages_look_unused(page, from, n)))
		return true;
	for (unsigned long i = from; i < n; i++) {
		const char *why = page_bad_reason(page + i);

		if (why) {
			bad_page(page + i, why, caller);
			return false;
		}
	}
	return true;
}

static __always_inline bool free_pages_prepare(struct page *page, unsigned int order,
					       unsigned long unchecked, unsigned long caller)
{
	if ((1UL << order) > unchecked &&
	    !block_pages_unused(page, unchecked, 1UL << order, caller))
		return false;
	page->flags &= ~PAGE_ORDER_MASK;
	return true;
}

/*
 * A per-CPU list went over its high mark: give a batch back, then put the
 * interrupt flag back. Out of line, and last, so the free fast path below
 * needs no stack frame of its own.
 */
static noinline void pcp_overflow(struct per_cpu_pages *pcp, unsigned long flags)
{
	enum zone_type zid = (enum zone_type)(pcp - pcp_of_idx(0));

	free_pcppages_bulk(&contig_page_data.node_zones[zid], pcp, pcp->batch);
	local_irq_restore(flags);
}

/* Give one block to a per-CPU list (order <= PAGE_ALLOC_COSTLY_ORDER) or the buddy lists. */
static __always_inline void free_one_block(struct page *page, unsigned int order)
{
	enum zone_type zid = page_zonenum(page);
	unsigned long flags;

	local_irq_save(flags);
	if (likely(order <= PAGE_ALLOC_COSTLY_ORDER)) {
		struct per_cpu_pages *pcp = pcp_of_idx(zid);

		page_list_add(&pcp->lists[order], page);
		pcp->count += 1 << order;
		if (unlikely(pcp->count >= pcp->high)) {
			pcp_overflow(pcp, flags);
			return;
		}
	} else {
		free_to_buddy(&contig_page_data.node_zones[zid], page, order);
	}
	local_irq_restore(flags);
}

static __always_inline void __free_unreferenced_block(struct page *page, unsigned int order,
						      unsigned long unchecked, unsigned long caller)
{
	if (likely(free_pages_prepare(page, order, unchecked, caller)))
		free_one_block(page, order);
	else
		set_page_count(page, 1);	/* keep it allocated, as it was */
}

void free_unreferenced_block(struct page *page, unsigned int order, unsigned long caller)
{
	__free_unreferenced_block(page, order, 0, caller);
}

/*
 * A block whose first page was checked (and let go): the rest of it, then
 * the free. The blocks the per-CPU lists take are checked inline, as long
 * as nothing is wrong.
 */
static noinline void free_block_after_first(struct page *page, unsigned int order,
					    unsigned long caller)
{
	if (likely(order <= PAGE_ALLOC_COSTLY_ORDER && pages_look_unused(page, 1, 1UL << order)))
		__free_unreferenced_block(page, order, 1UL << order, caller);
	else
		__free_unreferenced_block(page, order, 1, caller);
}

void free_compound_block(struct page *head, unsigned long caller)
{
	unsigned int order = compound_order(head);

	for (unsigned long i = 1; i < (1UL << order); i++) {
		struct page *p = head + i;

		if (!PageTail(p) || p->compound_head != head) {
			bad_page(p, "corrupted compound page: tail does not point to its head", caller);
			set_page_count(head, 1);
			return;
		}
		clear_page_flag(p, PG_tail);
		p->buddy_next = p->buddy_prev = PFN_NIL;
	}
	clear_page_flag(head, PG_head);
	head->flags &= ~PAGE_DTOR_MASK;
	free_unreferenced_block(head, order, caller);
}

/* Checks on the page handed to __free_pages; false: reported, not freed. */
static bool free_pages_check_head(struct page *page, unsigned int *order, unsigned long caller)
{
	int alloc_order;
	char why[96];

	if (!pfn_valid(page_to_pfn(page))) {
		count_bad_page();
		pr_err("BUG: Bad page state in process swapper  page:%p caller:%pS reason: "
		       "no such page frame\n", (void *)page, (void *)caller);
		return false;
	}
	if (PageTail(page)) {
		bad_page(page, "freeing a tail page of a compound page", caller);
		return false;
	}
	if (PageBuddy(page)) {
		bad_page(page, "double free: the page is already free", caller);
		return false;
	}
	if (PageReserved(page)) {
		bad_page(page, "freeing a reserved page", caller);
		return false;
	}
	if (page_ref_count(page) <= 0) {
		bad_page(page, "freeing a page nobody holds (refcount 0)", caller);
		return false;
	}
	alloc_order = page_alloc_order(page);
	if (alloc_order < 0) {
		bad_page(page, "the page does not start an allocation", caller);
		return false;
	}
	if ((unsigned int)alloc_order != *order) {
		snprintf(why, sizeof(why), "freed with order %u, allocated %swith order %d: using %d",
			 *order, PageHead(page) ? "as a compound page " : "", alloc_order, alloc_order);
		bad_page(page, why, caller);
		*order = (unsigned int)alloc_order;
	}
	return true;
}

/*
 * The common case, in a few instructions: the first page of a plain block,
 * freed with the order it was allocated with. The callers add "held once",
 * each its own way. Anything else goes through free_pages_check_head(),
 * which says what is wrong.
 */
static __always_inline bool free_pages_expected(const struct page *page, unsigned int order)
{
	return pfn_valid(page_to_pfn(page)) &&
	       (page->flags & (PAGE_FLAGS_CHECK_AT_FREE | PAGE_ORDER_MASK)) ==
		       (unsigned long)(order + 1) << PAGE_ORDER_SHIFT &&
	       page->page_type == PAGE_TYPE_NONE;
}

/* A reference was dropped but not the last one. */
static noinline void free_pages_still_held(struct page *page, unsigned int order,
					   unsigned long caller)
{
	if (PageHead(page))
		return;	/* a compound page lives on while anyone holds it */
	/* someone else still holds the first page: free the rest (as Linux does) */
	set_page_alloc_order(page, 0);
	while (order-- > 0)
		free_unreferenced_block(page + (1UL << order), order, caller);
}

/* Everything but the common case: compound pages, and whatever must be reported. */
static noinline void free_pages_checked(struct page *page, unsigned int order,
					unsigned long caller)
{
	if (!free_pages_check_head(page, &order, caller))
		return;
	if (!put_page_testzero(page))
		free_pages_still_held(page, order, caller);
	else if (PageHead(page))
		destroy_compound_page(page, caller);
	else
		free_unreferenced_block(page, order, caller);
}

static __always_inline void free_pages_caller(struct page *page, unsigned int order,
					      unsigned long caller)
{
	if (likely(free_pages_expected(page, order) && page_ref_count(page) == 1)) {
		/* the first page is fine (and has no other holder unless one races us) */
		if (unlikely(!put_page_testzero(page)))
			free_pages_still_held(page, order, caller);
		else if (likely(!order))	/* nothing else to check: the short way */
			__free_unreferenced_block(page, 0, 1, caller);
		else
			free_block_after_first(page, order, caller);
		return;
	}
	free_pages_checked(page, order, caller);
}

/* __free_pages() but its short way: every check, and the reports. */
static noinline void free_pages_slow(struct page *page, unsigned int order, unsigned long caller)
{
	free_pages_caller(page, order, caller);
}

/*
 * The short way is an order-0 page in the expected state whose only
 * reference this is (taken from 1 to 0 in one step, so nothing changes if
 * it is not); anything else takes the one slow exit, so the caller's
 * address is read, and a stack frame made, only there.
 */
noinline void __free_pages(struct page *page, unsigned int order)
{
	if (likely(!order && free_pages_expected(page, 0) &&
		   atomic_cmpxchg(&page->_refcount, 1, 0) == 1)) {
		/* no page is left to check, so there is no report to name a caller in */
		__free_unreferenced_block(page, 0, 1, 0);
		return;
	}
	free_pages_slow(page, order, _RET_IP_);
}

noinline void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK)) {
		count_bad_page();
		pr_err("BUG: Bad page state in process swapper  addr:%#lx caller:%pS reason: "
		       "not the address of a direct-mapped page\n", addr, (void *)_RET_IP_);
		return;
	}
	free_pages_caller(virt_to_page((void *)addr), order, _RET_IP_);
}

void __free_pages_core(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++) {
		ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += 1UL << order;
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;
	struct zone *z;

	for_each_zone(z)
		n += READ_ONCE(z->nr_free);
	return n;
}
