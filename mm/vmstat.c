// SPDX-License-Identifier: MIT
/*
 * mm/vmstat.c - /proc/buddyinfo, /proc/zoneinfo and /proc/meminfo.
 *
 * Owns: the report formats, field for field as Linux 6.12 prints them (see
 * the facts reference, section 10); a counter mmos does not keep prints the
 * 0 Linux prints when it has nothing to count (tools/gdb/mm.py's
 * mm-zoneinfo mirrors zoneinfo line for line). And nr_free_pages(), the
 * zones' NR_FREE_PAGES summed.
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

/*
 * Linux 6.12's enum node_stat_item, by vmstat_text[]'s names, for the
 * configuration meminfo describes (CONFIG_SWAP, IOMMU_SUPPORT on; no
 * SHADOW_CALL_STACK on x86; NUMA off, so no NUMA_BALANCING counters: mmos
 * has one node). NR_HUGETLB ("nr_hugetlb") came in 6.13 and nr_memmap_pages
 * left the node counters in 6.11, so neither is here. mmos counts three of
 * them (as meminfo's SReclaimable, SUnreclaim and PageTables do); the rest
 * count what it does not have (LRU lists, page cache, writeback, user
 * mappings, swap, thread stacks) and print the 0 Linux prints for that.
 */
enum { NODE_SLAB_RECLAIMABLE = 5, NODE_SLAB_UNRECLAIMABLE = 6, NODE_PAGE_TABLE_PAGES = 38 };
static const char *const node_stat_names[] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
	"nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon",
	"workingset_activate_file", "workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim", "nr_anon_pages", "nr_mapped", "nr_file_pages",
	"nr_dirty", "nr_writeback", "nr_writeback_temp", "nr_shmem",
	"nr_shmem_hugepages", "nr_shmem_pmdmapped", "nr_file_hugepages",
	"nr_file_pmdmapped", "nr_anon_transparent_hugepages", "nr_vmscan_write",
	"nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written", "nr_throttled_written",
	"nr_kernel_misc_reclaimable", "nr_foll_pin_acquired", "nr_foll_pin_released",
	"nr_kernel_stack", "nr_page_table_pages", "nr_sec_page_table_pages",
	"nr_iommu_pages", "nr_swapcached", "pgdemote_kswapd", "pgdemote_direct",
	"pgdemote_khugepaged",
};

/*
 * Linux 6.12's enum zone_stat_item after NR_FREE_PAGES (CONFIG_ZSMALLOC on
 * for zram and zswap; UNACCEPTED_MEMORY off, as meminfo has no Unaccepted
 * line): mmos counts free pages only, the others are 0 here.
 */
static const char *const zone_stat_names[] = {
	"nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
	"nr_zone_active_file", "nr_zone_unevictable", "nr_zone_write_pending",
	"nr_mlock", "nr_bounce", "nr_zspages", "nr_free_cma",
};

static unsigned long slab_reclaimable_pages(void);

static unsigned long pgtable_pages(void)
{
	unsigned long n = 0;
	struct zone *z;

	for_each_zone(z)
		n += pgtable_pages_in_zone((unsigned int)zone_idx(z));
	return n;
}

static unsigned long node_stat_value(unsigned int item)
{
	switch (item) {
	case NODE_SLAB_RECLAIMABLE:
		return slab_reclaimable_pages();
	case NODE_SLAB_UNRECLAIMABLE:
		return slab_pages() - slab_reclaimable_pages();
	case NODE_PAGE_TABLE_PAGES:
		return pgtable_pages();
	default:
		return 0;
	}
}

/*
 * Linux 6.12's calculate_normal_threshold() for one online CPU (mmos has
 * one): 2 * fls(cpus) * (1 + fls(managed pages per 128 MiB)), at most 125.
 */
static int zone_stat_threshold(const struct zone *z)
{
	unsigned long mem = z->managed_pages >> (27 - PAGE_SHIFT);
	int fls_mem = 0;

	while (mem >> fls_mem)
		fls_mem++;
	return min(125, 2 * 1 * (1 + fls_mem));
}

/* Linux 6.12's zoneinfo_show_print(), line for line, for node 0. */
static void zoneinfo_one(struct zone *z, bool first_populated)
{
	struct per_cpu_pages *pcp;
	char prot[96];
	int n = 0;

	printk(KERN_INFO "Node 0, zone %8s\n", z->name);
	if (first_populated) {
		printk(KERN_INFO "  per-node stats\n");
		for (unsigned int i = 0; i < ARRAY_SIZE(node_stat_names); i++)
			printk(KERN_INFO "      %-12s %lu\n", node_stat_names[i], node_stat_value(i));
	}
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
	for (unsigned int i = 0; i < ARRAY_SIZE(zone_stat_names); i++)
		printk(KERN_INFO "      %-12s %lu\n", zone_stat_names[i], 0UL);
	printk(KERN_INFO "  pagesets\n");
	printk(KERN_INFO "    cpu: %i\n", 0);
	printk(KERN_INFO "              count:    %i\n", pcp->count);
	printk(KERN_INFO "              high:     %i\n", pcp->high);
	printk(KERN_INFO "              batch:    %i\n", pcp->batch);
	printk(KERN_INFO "              high_min: %i\n", pcp->high_min);
	printk(KERN_INFO "              high_max: %i\n", pcp->high_max);
	printk(KERN_INFO "  vm stats threshold: %d\n", zone_stat_threshold(z));
	printk(KERN_INFO "  node_unreclaimable:  %u\n", 0U);
	printk(KERN_INFO "  start_pfn:           %lu\n", z->zone_start_pfn);
}

/* Every zone, populated or not, as Linux's zoneinfo_show(). */
void show_zoneinfo(void)
{
	bool seen_populated = false;
	struct zone *z;

	for_each_zone(z) {
		zoneinfo_one(z, !seen_populated && populated_zone(z));
		seen_populated |= populated_zone(z);
	}
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
