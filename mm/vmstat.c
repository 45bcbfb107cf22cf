// SPDX-License-Identifier: MIT
/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo.
 *
 * Owns: the report formats, field for field as Linux 6.12 prints them (see
 * the facts reference, section 10); in meminfo a counter mmos does not keep
 * prints the 0 Linux prints when it has nothing to count (zoneinfo still
 * prints only the counters mmos keeps: tools/gdb/mm.py mirrors it line for
 * line). And nr_free_pages(), the zones' NR_FREE_PAGES summed.
 * Must not touch: allocator state; it only reads (zone->lock for buddyinfo).
 * Tests: tests/kernel/page_alloc_test.c parses these reports.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmstat.h>
#include <asm/pgtable_areas.h>
#include <asm/pgtable.h>
#include "internal.h"
#include "slab_internal.h"

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

static void show_val_kb(const char *label, unsigned long pages)
{
	printk(KERN_INFO "%s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

/* Slab pages of the caches created with SLAB_RECLAIM_ACCOUNT (Linux's NR_SLAB_RECLAIMABLE_B). */
static unsigned long slab_reclaimable_pages(void)
{
	unsigned long n = 0;

	for (struct kmem_cache *s = slab_caches; s; s = s->next)
		if (s->flags & SLAB_RECLAIM_ACCOUNT)
			n += s->nr_pages;
	return n;
}

/* x86's DirectMap lines (arch/x86/mm/init.c); nothing on the host. */
void __weak arch_report_meminfo(void)
{
}

/*
 * /proc/meminfo as Linux 6.12's meminfo_proc_show() prints it, line for
 * line, for an x86 kernel built as distributions build it (CONFIG_ZSWAP,
 * MEMORY_FAILURE, TRANSPARENT_HUGEPAGE, CMA and HUGETLB_PAGE on; HIGHMEM on
 * i386). A counter mmos has no use for (no page cache, no user space, no
 * swap, no huge pages) prints the 0 Linux prints in that case; CommitLimit
 * is Linux's vm_commit_limit() with the default overcommit_ratio of 50 and
 * no swap; Hugepagesize is x86's 2 MiB. The label strings are Linux's:
 * 16 columns, the value in 8, " kB".
 */
void show_meminfo(void)
{
	unsigned long free = nr_free_pages(), high_free = 0, slab = slab_pages();
	unsigned long reclaimable = slab_reclaimable_pages(), pgtables = 0;
	struct zone *z;

	for_each_zone(z) {
		pgtables += pgtable_pages_in_zone((unsigned int)zone_idx(z));
		if (is_highmem_idx(zone_idx(z)))
			high_free += z->nr_free;
	}
	(void)high_free;
	show_val_kb("MemTotal:       ", totalram_pages);
	show_val_kb("MemFree:        ", free);
	show_val_kb("MemAvailable:   ", si_mem_available());
	show_val_kb("Buffers:        ", 0);
	show_val_kb("Cached:         ", 0);
	show_val_kb("SwapCached:     ", 0);
	show_val_kb("Active:         ", 0);
	show_val_kb("Inactive:       ", 0);
	show_val_kb("Active(anon):   ", 0);
	show_val_kb("Inactive(anon): ", 0);
	show_val_kb("Active(file):   ", 0);
	show_val_kb("Inactive(file): ", 0);
	show_val_kb("Unevictable:    ", 0);
	show_val_kb("Mlocked:        ", 0);
#ifdef CONFIG_HIGHMEM
	show_val_kb("HighTotal:      ", totalhigh_pages);
	show_val_kb("HighFree:       ", high_free);
	show_val_kb("LowTotal:       ", totalram_pages - totalhigh_pages);
	show_val_kb("LowFree:        ", free - high_free);
#endif
	show_val_kb("SwapTotal:      ", 0);
	show_val_kb("SwapFree:       ", 0);
	show_val_kb("Zswap:          ", 0);
	printk(KERN_INFO "Zswapped:       %8lu kB\n", 0UL);
	show_val_kb("Dirty:          ", 0);
	show_val_kb("Writeback:      ", 0);
	show_val_kb("AnonPages:      ", 0);
	show_val_kb("Mapped:         ", 0);
	show_val_kb("Shmem:          ", 0);
	show_val_kb("KReclaimable:   ", reclaimable);
	show_val_kb("Slab:           ", slab);
	show_val_kb("SReclaimable:   ", reclaimable);
	show_val_kb("SUnreclaim:     ", slab - reclaimable);
	printk(KERN_INFO "KernelStack:    %8lu kB\n", 0UL);
	show_val_kb("PageTables:     ", pgtables);
	show_val_kb("SecPageTables:  ", 0);
	show_val_kb("NFS_Unstable:   ", 0);
	show_val_kb("Bounce:         ", 0);
	show_val_kb("WritebackTmp:   ", 0);
	show_val_kb("CommitLimit:    ", totalram_pages * 50 / 100);
	show_val_kb("Committed_AS:   ", 0);
	printk(KERN_INFO "VmallocTotal:   %8lu kB\n", (unsigned long)(VMALLOC_TOTAL >> 10));
	show_val_kb("VmallocUsed:    ", vmalloc_nr_pages());
	show_val_kb("VmallocChunk:   ", 0);
	show_val_kb("Percpu:         ", 0);
	printk(KERN_INFO "HardwareCorrupted: %5lu kB\n", 0UL);
	show_val_kb("AnonHugePages:  ", 0);
	show_val_kb("ShmemHugePages: ", 0);
	show_val_kb("ShmemPmdMapped: ", 0);
	show_val_kb("FileHugePages:  ", 0);
	show_val_kb("FilePmdMapped:  ", 0);
	show_val_kb("CmaTotal:       ", 0);
	show_val_kb("CmaFree:        ", 0);
	printk(KERN_INFO "HugePages_Total:   %5lu\n", 0UL);
	printk(KERN_INFO "HugePages_Free:    %5lu\n", 0UL);
	printk(KERN_INFO "HugePages_Rsvd:    %5lu\n", 0UL);
	printk(KERN_INFO "HugePages_Surp:    %5lu\n", 0UL);
	printk(KERN_INFO "Hugepagesize:   %8lu kB\n", 2048UL);
	printk(KERN_INFO "Hugetlb:        %8lu kB\n", 0UL);
	arch_report_meminfo();
}
