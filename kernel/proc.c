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

static int cmd_pageinfo(int argc, char **argv)
{
	unsigned long pfn, nr = 1;
	char *end;

	if (argc < 2) {
		console_printf("usage: pageinfo <pfn> [count]   (numbers in C notation)\n");
		return 1;
	}
	pfn = (unsigned long)memparse(argv[1], &end);
	if (argc > 2)
		nr = (unsigned long)memparse(argv[2], &end);
	dump_page_range(pfn, nr > 4096 ? 4096 : nr);
	return 0;
}
SHELL_COMMAND(pageinfo, "struct page state of a pfn range: pageinfo <pfn> [count]", cmd_pageinfo);

SHELL_REPORT(kmapinfo, "kmap() PKMAP slots in use/total and kmap_local depth", show_kmapinfo);
SHELL_REPORT(slabinfo, "slab caches, like /proc/slabinfo (version 2.1)", show_slabinfo);

static int cmd_slabattr(int argc, char **argv)
{
	if (argc != 2) {
		console_printf("usage: slabattr <cache or alias name>\n");
		return 1;
	}
	if (show_slab_attributes(argv[1])) {
		console_printf("slabattr: no cache '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
SHELL_COMMAND(slabattr, "one cache's attributes, like /sys/kernel/slab/<cache>/", cmd_slabattr);

static void show_dma_report(void)
{
	show_dma();
	printk(KERN_INFO "dma pools (device, name, active, blocks, size, pages):\n");
	show_dma_pools();
}
SHELL_REPORT(dma, "DMA devices and masks, coherent buffers, mappings, swiotlb and dma_pool use",
	     show_dma_report);
