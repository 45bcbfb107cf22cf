/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/page.h - the hosted build's "physical memory".
 *
 * Physical address 0 is host_mem, a large anonymous mapping the shim makes
 * (reserved, not backed until touched), so __va/__pa stay arithmetic and
 * the direct map covers all simulated RAM, as on x86_64.
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <kernel/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)

extern char *host_mem;
#define PAGE_OFFSET	((unsigned long)host_mem)
#define KERNEL_VMA	PAGE_OFFSET

static inline phys_addr_t __pa(const volatile void *p)
{
	return (unsigned long)p - PAGE_OFFSET;
}

#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/* _etext, _edata, _end and __bss_start come from the host linker; the shim defines the rest. */
extern char _text[], _etext[], _erodata[], _edata[], __bss_start[], __bss_stop[], _end[];

#endif
