// SPDX-License-Identifier: MIT
/*
 * mm/page_pcp.c - the per-CPU lists' traffic with the buddy lists: the
 * refill of an empty list and the drain of a full one, in Linux 6.12's
 * names (rmqueue_bulk(), free_pcppages_bulk(), drain_all_pages()), which
 * Linux keeps in mm/page_alloc.c.
 *
 * Owns: how many blocks a refill takes and which a drain gives back. The
 * lists themselves, and taking from and putting on them, are
 * mm/page_alloc.c's (rmqueue_pcplist(), free_unref_page()), which calls
 * here when a list is empty or over its high mark; their sizes (batch,
 * high) are mm/watermark.c's.
 * Locking: the caller has interrupts off on the list's CPU; zone->lock is
 * taken here, inside that (pcp -> zone->lock, as in page_alloc.c).
 * Tests: tests/kernel/page_alloc_test.c (refill and drain counts).
 */
#include <kernel/irqflags.h>
#include <kernel/log2.h>
#include "internal.h"

/*
 * Give about count pages' worth of blocks back to the buddy lists, the
 * coldest (the tail) of one list after another; each drain starts with the
 * next order, so no list is always the one emptied.
 */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
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
 * is above 1, else 1. Where Linux takes one block at a time through
 * __rmqueue(), mmos cuts a larger free block straight into blocks of the
 * list's order (after splitting off what is more than needed).
 */
void rmqueue_bulk(struct zone *zone, unsigned int order, struct per_cpu_pages *pcp)
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

/* This CPU's lists, which on mmos's one CPU is all of them (kernel/percpu.h). */
void drain_all_pages(void)
{
	struct zone *z;
	unsigned long flags;

	local_irq_save(flags);
	for_each_populated_zone(z) {
		struct per_cpu_pages *pcp = this_cpu_pcp(z);

		free_pcppages_bulk(z, pcp->count, pcp);
	}
	local_irq_restore(flags);
}
