// SPDX-License-Identifier: MIT
/*
 * kernel/proc.c - shell commands that print the /proc-style memory reports.
 *
 * Owns: only the command names; the reports themselves live with the code
 * whose state they show (mm/vmstat.c, mm/memblock.c,
 * mm/vmalloc.c, kernel/dma/).
 */
#include <kernel/cmdline.h>
#include <kernel/dma-mapping.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <mm/dmapool.h>
#include <mm/highmem.h>
#include <mm/mm.h>
#include <mm/memblock.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmstat.h>

SHELL_REPORT(meminfo, "memory totals, like /proc/meminfo", show_meminfo);
SHELL_REPORT(buddyinfo, "free blocks per order and zone, like /proc/buddyinfo", show_buddyinfo);
SHELL_REPORT(zoneinfo, "zone sizes, watermarks, protection, like /proc/zoneinfo", show_zoneinfo);
SHELL_REPORT(vmallocinfo, "vmalloc and vmap areas, like /proc/vmallocinfo", show_vmallocinfo);
SHELL_REPORT(memblock, "what the boot allocator reserved, by kind", memblock_report);

/*
 * The struct page of each pfn in a range; at most 4096 pages at once. A pfn
 * without a page frame is a fair question: its line says so.
 */
static int cmd_pageinfo(int argc, char **argv)
{
	unsigned long pfn, nr = 1;
	bool was;

	if (argc < 2 || argc > 3 || shell_parse_ulong(argv[1], &pfn) ||
	    shell_opt_arg(shell_parse_ulong, argc, argv, 2, &nr) || !nr || nr > 4096)
		return shell_usage(argv[0]);
	was = shell_report_begin();
	dump_page_range(pfn, nr);
	shell_report_end(was);
	return SHELL_OK;
}
SHELL_CMD(pageinfo, "PFN [COUNT]", "struct page state of COUNT (1..4096) pages from PFN",
	  cmd_pageinfo);

SHELL_REPORT(kmapinfo, "kmap() PKMAP slots in use/total and kmap_local depth", show_kmapinfo);
SHELL_REPORT(slabinfo, "slab caches, like /proc/slabinfo (version 2.1)", show_slabinfo);

static int cmd_slabattr(int argc, char **argv)
{
	bool was;
	int err;

	if (argc != 2)
		return shell_usage(argv[0]);
	was = shell_report_begin();
	err = show_slab_attributes(argv[1]);
	shell_report_end(was);
	if (err) {
		console_printf("slabattr: no cache '%s'\n", argv[1]);
		return SHELL_FAILED;
	}
	return SHELL_OK;
}
SHELL_CMD(slabattr, "CACHE", "one cache's attributes (or an alias's), like /sys/kernel/slab/CACHE/",
	  cmd_slabattr);

static void show_dma_report(void)
{
	show_dma();
	printk(KERN_INFO "dma pools (device, name, active, blocks, size, pages):\n");
	show_dma_pools();
}
SHELL_REPORT(dma, "DMA devices and masks, coherent buffers, mappings, swiotlb and dma_pool use",
	     show_dma_report);
