/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h - page size and the kernel's virtual address map.
 *
 * x86_64 (4-level paging, 48-bit virtual addresses):
 *   0xffff888000000000  PAGE_OFFSET: direct map of all physical RAM
 *   0xffffffff80000000  __START_KERNEL_map: kernel image (phys + this)
 * i386 (PAE, 3G/1G split):
 *   0xc0000000          PAGE_OFFSET: direct map of low memory, which holds
 *                       the kernel image too (linked at phys + PAGE_OFFSET)
 *   high_memory         end of the direct map (max_low_pfn); above it the
 *                       vmalloc, kmap and fixmap areas (asm/pgtable_areas.h)
 *
 * A physical address becomes a pointer only through __va() (direct-mapped
 * RAM) or kmap (highmem, later).
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <kernel/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)

#ifdef CONFIG_X86_64
#define PAGE_OFFSET		0xffff888000000000UL
#define __START_KERNEL_map	0xffffffff80000000UL
#define KERNEL_VMA		__START_KERNEL_map
static inline phys_addr_t __pa(const volatile void *p)
{
	unsigned long x = (unsigned long)p;

	return x >= __START_KERNEL_map ? x - __START_KERNEL_map : x - PAGE_OFFSET;
}
#else
#define PAGE_OFFSET		0xc0000000UL
#define KERNEL_VMA		PAGE_OFFSET
static inline phys_addr_t __pa(const volatile void *p)
{
	return (unsigned long)p - PAGE_OFFSET;
}
#endif

#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/* Linker-script symbols: the image, section by section. */
extern char _text[], _etext[], _erodata[], _edata[], __bss_start[], __bss_stop[], _end[];
extern char __boot_start[], __boot_end[];

#endif
