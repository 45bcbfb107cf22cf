// SPDX-License-Identifier: MIT
/*
 * mm/mm_init.c - from memblock to a running page allocator.
 *
 * Owns: contig_page_data (the single node) and its zones' geometry, the
 * memmap initialisation, the hand-over of memblock's free memory to the
 * buddy allocator, and the boot reports in Linux's wording ("Zone ranges:",
 * "Early memory node ranges", "On node 0, zone X: N pages in unavailable
 * ranges", "Memory: ...K/...K available").
 * Must not touch: free lists directly (page_alloc.c owns them).
 * Tests: tests/kernel/mm_init_test.c (geometry recomputed from e820).
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include <mm/vmstat.h>
#include "internal.h"

pg_data_t contig_page_data;
unsigned long max_pfn, max_low_pfn, min_low_pfn;
void *high_memory;	/* the end of the direct map (arch/x86/mm/zones.c sets it) */
unsigned long totalram_pages, totalhigh_pages;

const char *const zone_names[MAX_NR_ZONES] = {
	"DMA",
#ifdef CONFIG_ZONE_DMA32
	"DMA32",
#endif
	"Normal",
#ifdef CONFIG_HIGHMEM
	"HighMem",
#endif
	"Movable",
};

struct pfn_span {
	unsigned long start, end;
	unsigned long count;
	unsigned long min;	/* lowest pfn seen */
};

static void span_count(unsigned long spfn, unsigned long epfn, void *arg)
{
	struct pfn_span *s = arg;
	unsigned long lo = max(spfn, s->start), hi = min(epfn, s->end);

	if (spfn < s->min)
		s->min = spfn;
	if (lo < hi)
		s->count += hi - lo;
}

/* Pages of RAM (memblock.memory) in [start, end). */
static unsigned long present_in(unsigned long start, unsigned long end, unsigned long *min_pfn)
{
	struct pfn_span s = { start, end, 0, ~0UL };

	memblock_for_each_mem_pfn_range(span_count, &s);
	if (min_pfn)
		*min_pfn = s.min;
	return s.count;
}

static void print_mem_range(const char *prefix, unsigned long spfn, unsigned long epfn)
{
	pr_info("%s[mem %#018Lx-%#018Lx]\n", prefix, (unsigned long long)PFN_PHYS(spfn),
		(unsigned long long)PFN_PHYS(epfn) - 1);
}

static void print_node_range(unsigned long spfn, unsigned long epfn, void *arg)
{
	(void)arg;
	print_mem_range("  node   0: ", spfn, epfn);
}

static void zone_init(struct zone *z, enum zone_type idx, unsigned long start, unsigned long end)
{
	z->zone_pgdat = &contig_page_data;
	z->idx = idx;
	z->name = zone_names[idx];
	/* as calculate_node_totalpages(): a zone that spans nothing starts at pfn 0 */
	z->zone_start_pfn = end > start ? start : 0;
	z->spanned_pages = end > start ? end - start : 0;
	z->present_pages = present_in(start, end, NULL);
	z->managed_pages = 0;
	spin_lock_init(&z->lock);
	z->lock.name = "zone->lock";
	for (int o = 0; o < NR_PAGE_ORDERS; o++) {
		page_list_init(&z->free_area[o].free_list);
		z->free_area[o].nr_free = 0;
	}
}

/* One struct page in its boot state: reserved, referenced, in zone idx. */
static void init_single_page(unsigned long pfn, enum zone_type idx)
{
	struct page *page = pfn_to_page(pfn);

	page->flags = (1UL << PG_reserved) | ((unsigned long)idx << ZONES_PGSHIFT);
	page->buddy_next = page->buddy_prev = PFN_NIL;
	page->private = 0;
	set_page_count(page, 1);
	page->page_type = PAGE_TYPE_NONE;
}

/* The zone whose span holds pfn, else fallback. */
static enum zone_type zone_spanning(unsigned long pfn, enum zone_type fallback)
{
	for (int i = 0; i < MAX_NR_ZONES; i++)
		if (zone_spans_pfn(&contig_page_data.node_zones[i], pfn))
			return (enum zone_type)i;
	return fallback;
}

/*
 * Holes inside the memmap: struct pages that describe no RAM. Linux files
 * the whole hole under the zone of the range after it (and says so in its
 * message, which mmos prints alike); mmos gives each page the zone that
 * spans it, so page_zone() never disagrees with the zone spans.
 */
static void init_unavailable_range(unsigned long spfn, unsigned long epfn, enum zone_type idx)
{
	unsigned long n = 0;

	for (unsigned long pfn = spfn; pfn < epfn; pfn++) {
		if (!pfn_valid(pfn))
			continue;
		init_single_page(pfn, zone_spanning(pfn, idx));
		n++;
	}
	if (n)
		pr_info("On node 0, zone %s: %lu pages in unavailable ranges\n", zone_names[idx], n);
}

struct memmap_walk {
	unsigned long hole;	/* first pfn not yet initialised */
	enum zone_type last_zone;
};

static void memmap_init_range(unsigned long spfn, unsigned long epfn, void *arg)
{
	struct memmap_walk *w = arg;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *z = &contig_page_data.node_zones[i];
		unsigned long s = max(spfn, z->zone_start_pfn), e = min(epfn, zone_end_pfn(z));

		if (!populated_zone(z) || s >= e)
			continue;
		for (unsigned long pfn = s; pfn < e; pfn++)
			init_single_page(pfn, (enum zone_type)i);
		if (w->hole < s)
			init_unavailable_range(w->hole, s, (enum zone_type)i);
		w->hole = e;
		w->last_zone = (enum zone_type)i;
	}
}

static void memmap_init(void)
{
	struct memmap_walk w = { 0, ZONE_DMA };
	unsigned long end = w.hole;

	memblock_for_each_mem_pfn_range(memmap_init_range, &w);
#ifdef CONFIG_SPARSEMEM_VMEMMAP
	/* the last section's tail: its struct pages exist, its RAM does not */
	end = ALIGN(w.hole, 1UL << (SECTION_SIZE_BITS - PAGE_SHIFT));
#endif
	if (w.hole < end)
		init_unavailable_range(w.hole, end, w.last_zone);
}

void free_area_init(const unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = &contig_page_data;
	unsigned long start, lowest;

	present_in(0, ~0UL, &lowest);
	start = lowest;
	pr_info("Zone ranges:\n");
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long end = i == ZONE_MOVABLE ? start : max(start, max_zone_pfn[i]);
		char prefix[16];

		zone_init(&pgdat->node_zones[i], (enum zone_type)i, start, end);
		if (i == ZONE_MOVABLE)
			continue;	/* Linux lists Movable separately */
		snprintf(prefix, sizeof(prefix), "  %-8s ", zone_names[i]);
		if (start == end)
			pr_info("%sempty\n", prefix);
		else
			print_mem_range(prefix, start, end);
		start = end;
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	memblock_for_each_mem_pfn_range(print_node_range, NULL);
	pgdat->node_start_pfn = lowest;
	pgdat->node_spanned_pages = start - lowest;
	pgdat->node_present_pages = present_in(0, ~0UL, NULL);
	print_mem_range("Initmem setup node 0 ", lowest, start);
	memmap_init();
}

/*** Hand-over to the buddy allocator ***/

static int free_range_to_buddy(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long spfn = PFN_UP(start), epfn = PFN_DOWN(end);

	(void)arg;
	while (spfn < epfn) {
		struct zone *z = page_zone(pfn_to_page(spfn));
		unsigned long limit = min(epfn, zone_end_pfn(z));
		unsigned int order = MAX_PAGE_ORDER;

		/* the largest naturally aligned block that fits before limit */
		while (order && ((spfn & ((1UL << order) - 1)) || spfn + (1UL << order) > limit))
			order--;
		__free_pages_core(pfn_to_page(spfn), order);
		spfn += 1UL << order;
	}
	return 0;
}

static void memblock_free_all(void)
{
	memblock_for_each_free_range(free_range_to_buddy, NULL);
	memblock.retired = true;
}

static void mem_init_print_info(void)
{
	unsigned long present = contig_page_data.node_present_pages;
	unsigned long text = (unsigned long)(_etext - _text), ro = (unsigned long)(_erodata - _etext);
	unsigned long rw = (unsigned long)(_edata - _erodata);
	unsigned long bss = (unsigned long)(__bss_stop - __bss_start);

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK bss, %luK reserved, %luK highmem)\n",
		totalram_pages << (PAGE_SHIFT - 10), present << (PAGE_SHIFT - 10), text >> 10,
		rw >> 10, ro >> 10, bss >> 10, (present - totalram_pages) << (PAGE_SHIFT - 10),
		totalhigh_pages << (PAGE_SHIFT - 10));
}

void mm_core_init(void)
{
	struct zone *z;

	page_address_init();
	memblock_report();
	memblock_free_all();
	totalram_pages = totalhigh_pages = 0;
	for_each_zone(z) {
		totalram_pages += z->managed_pages;
		if (is_highmem_idx(zone_idx(z)))
			totalhigh_pages += z->managed_pages;
	}
	build_all_zonelists();
	init_per_zone_wmark_min();
	for_each_zone(z)
		if (populated_zone(z))
			pr_info("  %s zone: %lu pages spanned, %lu present, %lu managed\n", z->name,
				z->spanned_pages, z->present_pages, z->managed_pages);
	pr_info("Built 1 zonelists, mobility grouping off.  Total pages: %lu\n", totalram_pages);
	pr_info("mem_map: struct page is %zu bytes; memmap takes %llu KiB (%lu.%02lu%% of RAM)\n",
		sizeof(struct page),
		(unsigned long long)(memblock_reserved_kind_size(MEMBLOCK_MEMMAP) >> 10),
		(unsigned long)(memblock_reserved_kind_size(MEMBLOCK_MEMMAP) * 100 /
				PFN_PHYS(contig_page_data.node_present_pages)),
		(unsigned long)(memblock_reserved_kind_size(MEMBLOCK_MEMMAP) * 10000 /
				PFN_PHYS(contig_page_data.node_present_pages) % 100));
	mem_init_print_info();
	show_buddyinfo();
	kmem_cache_init();
	vmap_init();
	vmalloc_init();
}
