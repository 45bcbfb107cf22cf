// SPDX-License-Identifier: MIT
/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo.
 *
 * Owns: the report formats, field for field as Linux 6.12 prints them (see
 * the facts reference, section 10), limited to the counters mmos keeps,
 * and nr_free_pages(), the zones' NR_FREE_PAGES summed.
 * Must not touch: allocator state; it only reads (zone->lock for buddyinfo).
 * Tests: tests/kernel/page_alloc_test.c parses these reports.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmstat.h>
#include <asm/pgtable_areas.h>
#include "internal.h"

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;
	struct zone *z;

	for_each_zone(z)
		n += READ_ONCE(z->nr_free);
	return n;
}

void show_buddyinfo(void)
{
	struct zone *z;

	for_each_populated_zone(z) {
		char line[160];
		int n = scnprintf(line, sizeof(line), "Node 0, zone %8s ", z->name);
		unsigned long flags;

		spin_lock_irqsave(&z->lock, flags);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%6lu ",
				       z->free_area[o].nr_free);
		spin_unlock_irqrestore(&z->lock, flags);
		printk(KERN_INFO "%s\n", line);
	}
}

static void zoneinfo_one(struct zone *z)
{
	struct per_cpu_pages *pcp;
	char prot[96];
	int n = 0;

	printk(KERN_INFO "Node 0, zone %8s\n", z->name);
	printk(KERN_INFO "  pages free     %lu\n", z->nr_free);
	printk(KERN_INFO "        boost    %lu\n", z->watermark_boost);
	printk(KERN_INFO "        min      %lu\n", min_wmark_pages(z));
	printk(KERN_INFO "        low      %lu\n", low_wmark_pages(z));
	printk(KERN_INFO "        high     %lu\n", high_wmark_pages(z));
	printk(KERN_INFO "        promo    %lu\n", wmark_pages(z, WMARK_PROMO));
	printk(KERN_INFO "        spanned  %lu\n", z->spanned_pages);
	printk(KERN_INFO "        present  %lu\n", z->present_pages);
	printk(KERN_INFO "        managed  %lu\n", z->managed_pages);
	printk(KERN_INFO "        cma      0\n");
	for (int j = 0; j < MAX_NR_ZONES; j++)
		n += scnprintf(prot + n, sizeof(prot) - (size_t)n, "%s%ld", j ? ", " : "",
			       z->lowmem_reserve[j]);
	printk(KERN_INFO "        protection: (%s)\n", prot);
	if (!populated_zone(z))
		return;		/* as Linux's zoneinfo_show_print(): nothing more to say */
	pcp = this_cpu_pcp(z);
	printk(KERN_INFO "      %-12s %lu\n", "nr_free_pages", z->nr_free);
	printk(KERN_INFO "      %-12s %lu\n", "nr_alloc_fail", z->nr_alloc_failed);
	printk(KERN_INFO "  pagesets\n");
	printk(KERN_INFO "    cpu: %i\n", 0);
	printk(KERN_INFO "              count: %i\n", pcp->count);
	printk(KERN_INFO "              high:  %i\n", pcp->high);
	printk(KERN_INFO "              batch: %i\n", pcp->batch);
	printk(KERN_INFO "  node_unreclaimable:  0\n");
	printk(KERN_INFO "  start_pfn:           %lu\n", z->zone_start_pfn);
}

void show_zoneinfo(void)
{
	struct zone *z;

	for_each_zone(z)
		zoneinfo_one(z);
}

unsigned long si_mem_available(void)
{
	unsigned long reserve = 0, free = nr_free_pages();
	struct zone *z;

	for_each_zone(z) {
		long max_reserve = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++)
			if (z->lowmem_reserve[j] > max_reserve)
				max_reserve = z->lowmem_reserve[j];
		reserve += min((unsigned long)max_reserve + high_wmark_pages(z), z->managed_pages);
	}
	return free > reserve ? free - reserve : 0;
}

static void show_val_kb(const char *name, unsigned long pages)
{
	char label[20];

	snprintf(label, sizeof(label), "%s:", name);
	printk(KERN_INFO "%-16s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

void show_meminfo(void)
{
	unsigned long free = nr_free_pages();

	show_val_kb("MemTotal", totalram_pages);
	show_val_kb("MemFree", free);
	show_val_kb("MemAvailable", si_mem_available());
#ifdef CONFIG_HIGHMEM
	unsigned long high_free = 0;
	struct zone *z;

	for_each_zone(z)
		if (is_highmem_idx(zone_idx(z)))
			high_free += z->nr_free;
	show_val_kb("HighTotal", totalhigh_pages);
	show_val_kb("HighFree", high_free);
	show_val_kb("LowTotal", totalram_pages - totalhigh_pages);
	show_val_kb("LowFree", free - high_free);
#endif
	show_val_kb("Slab", slab_pages());
	show_val_kb("SUnreclaim", slab_pages());
	/* Linux's order: these follow Committed_AS, which mmos does not keep */
	printk(KERN_INFO "%-16s%8lu kB\n", "VmallocTotal:", (unsigned long)(VMALLOC_TOTAL >> 10));
	show_val_kb("VmallocUsed", vmalloc_nr_pages());
	show_val_kb("VmallocChunk", 0);
}
