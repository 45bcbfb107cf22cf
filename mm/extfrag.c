// SPDX-License-Identifier: MIT
/*
 * mm/extfrag.c - the fragmentation index and the unusable free space index.
 *
 * Owns: Linux 6.12's fill_contig_page_info(), __fragmentation_index(),
 * fragmentation_index() and unusable_free_index() (mm/vmstat.c there), and
 * the two reports /sys/kernel/debug/extfrag/{extfrag_index,unusable_index}
 * print, one line per populated zone, orders 0..MAX_PAGE_ORDER, in the
 * same formats ("%2d.%03d " and "%d.%03d "). The arithmetic is Linux's,
 * in 64 bits so no order or zone size overflows on i386.
 * Must not touch: allocator state; it only reads the free-area counts.
 * Tests: tests/kernel/memmap_test.c (a zone filled by hand, and the live zones).
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/extfrag.h>

void fill_contig_page_info(const struct zone *zone, unsigned int suitable_order,
			   struct contig_page_info *info)
{
	info->free_pages = 0;
	info->free_blocks_total = 0;
	info->free_blocks_suitable = 0;
	for (unsigned int order = 0; order < NR_PAGE_ORDERS; order++) {
		unsigned long blocks = READ_ONCE(zone->free_area[order].nr_free);

		info->free_blocks_total += blocks;
		info->free_pages += blocks << order;
		/* a free block of a higher order holds 2^(order - suitable) suitable ones */
		if (order >= suitable_order)
			info->free_blocks_suitable += blocks << (order - suitable_order);
	}
}

int __fragmentation_index(unsigned int order, const struct contig_page_info *info)
{
	u64 requested = 1ULL << (order > MAX_PAGE_ORDER ? 0 : order);

	if (WARN_ON_ONCE(order > MAX_PAGE_ORDER))
		return 0;
	if (!info->free_blocks_total)
		return 0;
	/* the index only means something when the request would fail */
	if (info->free_blocks_suitable)
		return -1000;
	/* 1 - (1 + free_pages / requested) / free_blocks_total, in thousandths */
	return 1000 - (int)((1000 + (u64)info->free_pages * 1000 / requested) /
			    info->free_blocks_total);
}

int fragmentation_index(const struct zone *zone, unsigned int order)
{
	struct contig_page_info info;

	fill_contig_page_info(zone, order, &info);
	return __fragmentation_index(order, &info);
}

int unusable_free_index(unsigned int order, const struct contig_page_info *info)
{
	/* nothing free: all of it (none) is unusable */
	if (!info->free_pages)
		return 1000;
	return (int)(((u64)info->free_pages - ((u64)info->free_blocks_suitable << order)) * 1000 /
		     info->free_pages);
}

int extfrag_zone_line(const struct zone *z, bool extfrag, char *buf, size_t size)
{
	int n = scnprintf(buf, size, "Node 0, zone %8s ", z->name);

	for (unsigned int order = 0; order < NR_PAGE_ORDERS; order++) {
		struct contig_page_info info;
		int index;

		fill_contig_page_info(z, order, &info);
		if (extfrag) {
			index = __fragmentation_index(order, &info);
			n += scnprintf(buf + n, size - (size_t)n, "%2d.%03d ", index / 1000,
				       index % 1000);
		} else {
			index = unusable_free_index(order, &info);
			n += scnprintf(buf + n, size - (size_t)n, "%d.%03d ", index / 1000,
				       index % 1000);
		}
	}
	return n;
}

/* One debugfs file: a line per populated zone, each under zone->lock. */
static void show_index(bool extfrag)
{
	struct zone *z;

	for_each_populated_zone(z) {
		char line[160];
		unsigned long flags;

		spin_lock_irqsave(&z->lock, flags);
		extfrag_zone_line(z, extfrag, line, sizeof(line));
		spin_unlock_irqrestore(&z->lock, flags);
		printk(KERN_INFO "%s\n", line);
	}
}

void show_extfrag_index(void)
{
	show_index(true);
}

void show_unusable_index(void)
{
	show_index(false);
}
