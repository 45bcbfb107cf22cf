// SPDX-License-Identifier: MIT
/*
 * tests/kernel/mm_checks.c - checks shared by the memory test suites.
 *
 * Registers the "free pages" resource every suite is held to: after every
 * slab cache is shrunk and the per-CPU lists are drained, the buddy free
 * count must be back where it was before each case. check_free_lists()
 * verifies the buddy invariants; zone_for_request() predicts which zone
 * serves a request.
 */
#include <kernel/ktest.h>
#include <mm/gfp.h>
#include <mm/slab.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

unsigned long free_pages_now(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

static const struct ktest_resource free_pages_resource = { "free pages", free_pages_now };
KTEST_RESOURCE(free_pages_resource);

/*** helpers ***/

void snapshot_buddyinfo(unsigned long (*out)[NR_PAGE_ORDERS])
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			out[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
}

unsigned long check_free_lists(struct ktest *t)
{
	drain_all_pages();
	return check_buddy_lists(t);
}

unsigned long check_buddy_lists(struct ktest *t)
{
	unsigned long problems = 0;
	struct zone *z;

	for_each_populated_zone(z) {
		unsigned long pages = 0;

		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			unsigned long blocks = 0;
			struct page *p;

			page_list_for_each(p, &z->free_area[o].free_list) {
				unsigned long pfn = page_to_pfn(p), buddy = pfn ^ (1UL << o);
				bool ok = PageBuddy(p) && page_private(p) == o && !(pfn & ((1UL << o) - 1)) &&
					  zone_spans_pfn(z, pfn) && page_zone(p) == z && !page_count(p);

				if (ok && o < MAX_PAGE_ORDER && zone_spans_pfn(z, buddy) &&
				    pfn_valid(buddy) && PageBuddy(pfn_to_page(buddy)) &&
				    page_private(pfn_to_page(buddy)) == o)
					ok = false;	/* two free buddies that did not merge */
				if (!ok && !problems++)
					ktest_info(t, "zone %s order %u: bad free block at pfn %#lx", z->name,
						   o, pfn);
				blocks++;
				if (blocks > z->managed_pages)
					break;	/* a cycle */
			}
			if (blocks != z->free_area[o].nr_free && !problems++)
				ktest_info(t, "zone %s order %u: %lu blocks listed, nr_free %lu", z->name,
					   o, blocks, z->free_area[o].nr_free);
			pages += blocks << o;
		}
		if (pages != z->nr_free && !problems++)
			ktest_info(t, "zone %s: %lu pages listed, nr_free %lu", z->name, pages,
				   z->nr_free);
	}
	return problems;
}

int zone_for_request(struct zone *const *from, gfp_t gfp, unsigned int order)
{
	enum zone_type high = gfp_zone(gfp);

	for (int pass = 0; pass < 2; pass++)
		for (struct zone *const *z = from; *z; z++) {
			unsigned long mark = pass ? min_wmark_pages(*z) : low_wmark_pages(*z);

			if (zone_idx(*z) <= high && zone_watermark_ok(*z, order, mark, high, 0))
				return (int)zone_idx(*z);
		}
	return -1;
}

unsigned long pfn_listed(unsigned long pfn)
{
	struct zone *z = page_zone(pfn_to_page(pfn));
	unsigned long n = 0;
	struct page *p;

	drain_all_pages();
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
		page_list_for_each(p, &z->free_area[o].free_list)
			n += pfn >= page_to_pfn(p) && pfn < page_to_pfn(p) + (1UL << o);
	return n;
}

