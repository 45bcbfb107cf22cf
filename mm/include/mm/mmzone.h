/* SPDX-License-Identifier: MIT */
/*
 * mm/mmzone.h - zones, free areas, the node, zonelists and watermarks.
 *
 * The zones, lowest first. Where each one ends is the arch's to say (on x86,
 * asm/dma.h and arch/x86/mm/zones.c); mm/ takes the limits it is handed.
 * ZONE_MOVABLE is always empty in mmos (Linux fills it with kernelcore=).
 *
 * Locking: zone->lock protects free_area[] and the zone's free counters;
 * the per-CPU lists are protected by disabling interrupts on their CPU.
 */
#ifndef MM_MMZONE_H
#define MM_MMZONE_H

#include <kernel/cache.h>
#include <kernel/spinlock.h>
#include <mm/mmconfig.h>
#include <mm/page_list.h>

#define MAX_PAGE_ORDER		10	/* inclusive: orders 0..10 */
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES	(1UL << MAX_PAGE_ORDER)
#define PAGE_ALLOC_COSTLY_ORDER	3
#define pageblock_order		9

enum zone_type {
	ZONE_DMA,
#ifdef CONFIG_ZONE_DMA32
	ZONE_DMA32,
#endif
	ZONE_NORMAL,
#ifdef CONFIG_HIGHMEM
	ZONE_HIGHMEM,
#endif
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	WMARK_PROMO,
	NR_WMARK
};

struct free_area {
	struct page_list free_list;	/* first pages of free blocks of this order */
	unsigned long nr_free;		/* blocks, not pages */
};

/*
 * Per-CPU cache of free blocks of orders 0..PAGE_ALLOC_COSTLY_ORDER (one
 * list per order, as Linux), refilled from and drained to the buddy lists
 * in batches. count, high and batch are in pages.
 */
#define NR_PCP_ORDERS		(PAGE_ALLOC_COSTLY_ORDER + 1)

/* A cache line each, as Linux's: a power-of-two size, so finding a zone's is one shift. */
struct per_cpu_pages {
	int count;		/* pages on the lists */
	int high;		/* at this count, batch pages go back to the buddy lists */
	int batch;
	int high_min;		/* Linux's bounds for its auto-tuned high; mmos keeps */
	int high_max;		/* high at high_min (zoneinfo prints all three) */
	unsigned int drain_order;	/* the list the next drain starts with */
	struct page_list lists[NR_PCP_ORDERS];
} ____cacheline_aligned;

struct pglist_data;

struct zone {
	unsigned long _watermark[NR_WMARK];
	unsigned long watermark_boost;
	/* pages to keep free here for requests that could have used zone j */
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	unsigned int idx;		/* zone_idx(): its place in node_zones[] */
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end - start, holes included */
	unsigned long present_pages;	/* pfns with RAM */
	unsigned long managed_pages;	/* pages the buddy allocator owns */
	int pcp_batch, pcp_high;

	spinlock_t lock;
	unsigned long nr_free;		/* NR_FREE_PAGES: pages in free_area[] */
	struct free_area free_area[NR_PAGE_ORDERS];
	unsigned long nr_alloc_failed;
};

struct zonelist {
	struct zone *zones[MAX_NR_ZONES + 1];	/* populated zones, highest first, NULL-ended */
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelist;
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
} pg_data_t;

extern pg_data_t contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

extern const char *const zone_names[MAX_NR_ZONES];

static inline unsigned long zone_end_pfn(const struct zone *z)
{
	return z->zone_start_pfn + z->spanned_pages;
}

static inline bool populated_zone(const struct zone *z)
{
	return z->present_pages != 0;
}

/* Does the buddy allocator have any of the zone's pages? (Boot may have reserved them all.) */
static inline bool managed_zone(const struct zone *z)
{
	return z->managed_pages != 0;
}

/* The zone's index in node_zones[] (cached: the allocator asks on every call). */
static inline enum zone_type zone_idx(const struct zone *z)
{
	return (enum zone_type)z->idx;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
#ifdef CONFIG_HIGHMEM
	return idx == ZONE_HIGHMEM;
#else
	(void)idx;
	return false;
#endif
}

static inline bool zone_spans_pfn(const struct zone *z, unsigned long pfn)
{
	return pfn >= z->zone_start_pfn && pfn < zone_end_pfn(z);
}

static inline unsigned long wmark_pages(const struct zone *z, enum zone_watermarks w)
{
	return z->_watermark[w] + z->watermark_boost;
}
#define min_wmark_pages(z)	wmark_pages(z, WMARK_MIN)
#define low_wmark_pages(z)	wmark_pages(z, WMARK_LOW)
#define high_wmark_pages(z)	wmark_pages(z, WMARK_HIGH)

#define for_each_zone(z) \
	for ((z) = contig_page_data.node_zones; \
	     (z) < contig_page_data.node_zones + MAX_NR_ZONES; (z)++)
#define for_each_populated_zone(z) \
	for_each_zone(z) if (!populated_zone(z)) ; else

#endif
