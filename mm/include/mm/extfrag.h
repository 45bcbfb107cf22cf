/* SPDX-License-Identifier: MIT */
/*
 * mm/extfrag.h - how fragmented a zone's free memory is, per order.
 *
 * Linux 6.12 keeps these in mm/vmstat.c and shows them in debugfs:
 * /sys/kernel/debug/extfrag/extfrag_index and .../unusable_index. Both
 * are read from the free-area counts alone (free_area[o].nr_free), so a
 * zone whose struct is filled by hand gives the same numbers as a live one.
 *
 *   unusable index (order o): the share of free pages sitting in blocks
 *     smaller than 2^o, in thousandths: 0 all usable, 1000 none.
 *   fragmentation index (order o): only when no free block of order o or
 *     more exists; then near 0 the request fails for lack of memory, near
 *     1000 because what is free is split up. -1000 when a block would be
 *     found, 0 when nothing at all is free.
 */
#ifndef MM_EXTFRAG_H
#define MM_EXTFRAG_H

#include <mm/mmzone.h>

/* Linux's struct contig_page_info: the free-area counts, seen from one order. */
struct contig_page_info {
	unsigned long free_pages;		/* all free pages in the buddy lists */
	unsigned long free_blocks_total;	/* free blocks of any order */
	unsigned long free_blocks_suitable;	/* blocks of 2^order pages the free blocks make */
};

void fill_contig_page_info(const struct zone *zone, unsigned int suitable_order,
			   struct contig_page_info *info);
/* In thousandths; orders above MAX_PAGE_ORDER warn once and give 0. */
int __fragmentation_index(unsigned int order, const struct contig_page_info *info);
int fragmentation_index(const struct zone *zone, unsigned int order);
int unusable_free_index(unsigned int order, const struct contig_page_info *info);

/*
 * One zone's line of either file, without the newline, into buf (160
 * bytes hold it); returns its length. The caller holds zone->lock or owns
 * the zone.
 */
int extfrag_zone_line(const struct zone *z, bool extfrag, char *buf, size_t size);

/* The two debugfs files, line for line (populated zones, zone->lock held per zone). */
void show_extfrag_index(void);
void show_unusable_index(void);

#endif
