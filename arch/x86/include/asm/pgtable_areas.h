/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable_areas.h - where the kernel's virtual areas lie.
 *
 * x86_64:
 *   0xffff888000000000  direct map of all RAM (PAGE_OFFSET)
 *   0xffffc90000000000  vmalloc area, 32 TiB: VMALLOC_START .. VMALLOC_END
 *   0xffffea0000000000  vmemmap: the struct page array (VMEMMAP_START)
 *   0xffffffff80000000  kernel image
 *
 * i386 (3G/1G), from the top down, each area computed from the one above
 * as Linux computes it:
 *   FIXADDR_TOP 0xfffff000   fixmap (kmap_local slots), growing down
 *   CPU_ENTRY_AREA_BASE      room Linux gives its cpu_entry_area (2 MiB here;
 *                            mmos keeps it so the lowmem limit is Linux's)
 *   LDT_BASE_ADDR            room of Linux's LDT remap
 *   PKMAP_BASE               persistent kmap area, one page table (2 MiB)
 *   VMALLOC_END              = PKMAP_BASE - 2 pages
 *   VMALLOC_START            = high_memory + VMALLOC_OFFSET (8 MiB): the gap
 *                            catches overruns of the direct map
 *   PAGE_OFFSET 0xc0000000   direct map of low memory, up to max_low_pfn
 * MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (128 MiB): the most
 * low memory there can be; with the default split it is 0x377fe000.
 *
 * Both: the area allocator (mm/vmap_area.c) hands out [VMALLOC_START,
 * VMALLOC_END). Linux's VMALLOC_END is inclusive on x86_64 (the last byte,
 * ...ffff) and exclusive on i386; VMALLOC_TOTAL = END - START is Linux's
 * meminfo VmallocTotal either way (x86_64: 34359738367 kB). high_memory is
 * Linux's variable: the end of the direct map, __va(max_low_pfn << PAGE_SHIFT),
 * set by find_low_pfn_range() (arch/x86/mm/zones.c).
 */
#ifndef ASM_PGTABLE_AREAS_H
#define ASM_PGTABLE_AREAS_H

#include <asm/page.h>

extern void *high_memory;

#ifdef CONFIG_X86_64
#define VMEMMAP_START		0xffffea0000000000UL
#define VMALLOC_START		0xffffc90000000000UL	/* Linux's __VMALLOC_BASE_L4 */
#define VMALLOC_SIZE_TB		32UL
#define VMALLOC_END		(VMALLOC_START + (VMALLOC_SIZE_TB << 40) - 1)
#else
#define PMD_MASK		(~(PMD_SIZE - 1))
#define FIXADDR_TOP		0xfffff000UL
#define KM_SLOTS		(16 * 1)	/* KM_MAX_IDX x NR_CPUS */
enum fixed_addresses {
	FIX_HOLE,
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_SLOTS - 1,
	__end_of_fixed_addresses
};
#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))
#define FIXADDR_SIZE		((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START		(FIXADDR_TOP - FIXADDR_SIZE)
#define CPU_ENTRY_AREA_SIZE	(2UL << 20)
#define CPU_ENTRY_AREA_BASE	((FIXADDR_START - CPU_ENTRY_AREA_SIZE) & PMD_MASK)
#define LDT_BASE_ADDR		((CPU_ENTRY_AREA_BASE - PAGE_SIZE) & PMD_MASK)
#define PKMAP_BASE		((LDT_BASE_ADDR - PAGE_SIZE) & PMD_MASK)
#define VMALLOC_OFFSET		(8UL << 20)
#define VMALLOC_START		((unsigned long)high_memory + VMALLOC_OFFSET)
#define VMALLOC_END		(PKMAP_BASE - 2 * PAGE_SIZE)
extern unsigned long __VMALLOC_RESERVE;
#define MAXMEM			(VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE)
#define MAXMEM_PFN		PFN_DOWN(MAXMEM)
#endif
#define VMALLOC_TOTAL		(VMALLOC_END - VMALLOC_START)

#endif
