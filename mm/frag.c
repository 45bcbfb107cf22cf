// SPDX-License-Identifier: MIT
/*
 * mm/frag.c - a workload that fragments a zone, to measure and to draw.
 *
 * Owns: the pages it holds (an array of struct page pointers it vmallocs,
 * so its own pages show in the memmap as vmalloc) and frag_run() /
 * frag_release(). It takes order-0 pages with GFP_KERNEL from the zone
 * such requests are served from first (the highest populated zone up to
 * ZONE_NORMAL), stopping when the allocator falls back to a lower zone,
 * then frees every page at an odd pfn. Each freed page's buddy (the even
 * pfn beside it) stays allocated, so none of them can merge: the zone's
 * free memory gains order-0 blocks and its higher orders lose what was
 * taken, which extfrag_index, unusable_index, buddyinfo and the memmap
 * picture all show. The per-CPU lists are drained after each step so the
 * free lists are exact. Nothing else keeps a reference to the pages.
 * Tests: tests/kernel/memmap_test.c.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <mm/gfp.h>
#include <mm/memmap.h>
#include <mm/mm.h>
#include <mm/vmalloc.h>

static struct page **frag_pages;
static unsigned long frag_nr;

unsigned long frag_held(void)
{
	return frag_nr;
}

/* The zone a GFP_KERNEL order-0 request tries first: the highest managed one it may use. */
struct zone *frag_zone(void)
{
	struct zone *zones = contig_page_data.node_zones;

	for (int i = (int)gfp_zone(GFP_KERNEL); i >= 0; i--)
		if (managed_zone(&zones[i]))
			return &zones[i];
	return NULL;
}

long frag_run(unsigned int pct)
{
	struct zone *z = frag_zone();
	unsigned long want, got = 0, kept = 0;
	struct page **pages;

	if (frag_pages)
		return -EBUSY;
	if (pct < 1 || pct > 100 || !z)
		return -EINVAL;
	drain_all_pages();
	want = (unsigned long)((u64)READ_ONCE(z->nr_free) * pct / 100);
	if (!want)
		return 0;
	pages = vzalloc(want * sizeof(*pages));
	if (!pages)
		return -ENOMEM;
	while (got < want) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY);

		if (!page)
			break;
		if (page_zone(page) != z) {	/* the zone is at its watermark: stop here */
			__free_page(page);
			break;
		}
		pages[got++] = page;
	}
	for (unsigned long i = 0; i < got; i++) {
		if (page_to_pfn(pages[i]) & 1)
			__free_page(pages[i]);
		else
			pages[kept++] = pages[i];
	}
	drain_all_pages();
	if (!kept) {
		vfree(pages);
		return 0;
	}
	frag_pages = pages;
	frag_nr = kept;
	pr_info("frag: zone %s: took %lu pages, gave back the %lu at odd pfns, holding %lu\n",
		z->name, got, got - kept, kept);
	return (long)kept;
}

struct page *frag_page(unsigned long i)
{
	return i < frag_nr ? frag_pages[i] : NULL;
}

unsigned long frag_release(void)
{
	unsigned long n = frag_nr;

	for (unsigned long i = 0; i < frag_nr; i++)
		__free_page(frag_pages[i]);
	vfree(frag_pages);
	frag_pages = NULL;
	frag_nr = 0;
	drain_all_pages();
	return n;
}
