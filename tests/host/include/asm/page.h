/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/page.h - the hosted build's "physical memory".
 *
 * Physical address 0 is host_mem, where the shim maps a sparse memory file
 * (backed only where touched), so __va/__pa stay arithmetic. In
 * a 64-bit build the direct map covers all simulated RAM, as on x86_64; in
 * an i386-like one, low memory, as on i386 (tests/host/shim.c).
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <kernel/types.h>

/* The hosted build: no CPU exceptions or interrupts (tests that need them check this). */
#define CONFIG_HOSTED	1

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)

extern char *host_mem;
#define PAGE_OFFSET	((unsigned long)host_mem)
#define KERNEL_VMA	PAGE_OFFSET

/*
 * Computed in 64 bits: a host address below host_mem (the program's own
 * data, say) comes out huge and never aliases simulated RAM, even in an
 * i386-like build whose RAM reaches above 4 GiB.
 */
static inline phys_addr_t __pa(const volatile void *p)
{
	return (phys_addr_t)((long long)(unsigned long)p - (long long)PAGE_OFFSET);
}

#define __va(pa)	((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/* From the host linker: _etext, _edata, __bss_start, and the rest as --defsym (Makefile). */
extern char _text[], _etext[], _erodata[], _edata[], __bss_start[], __bss_stop[], _end[];

#endif
