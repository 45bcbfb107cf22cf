// SPDX-License-Identifier: MIT
/*
 * mm/watermark.c - zonelists, watermarks, lowmem_reserve and pcp sizes.
 *
 * Owns: the policy numbers, computed with Linux's formulas from managed
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
		z->pcp_high = pcp->high = high;
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
