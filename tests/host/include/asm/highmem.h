/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/highmem.h - the PKMAP area of an i386-like build: a window
 * of LAST_PKMAP pages the shim reserves at host_pkmap_base (the kernel's
 * PKMAP_BASE lies outside a host process). A slot is mapped as the
 * kmap_local slots are: the page's part of the RAM file at the slot's
 * address, and cleared to no access. That takes effect at once, so there
 * is no TLB to flush. x86_64-like builds have no highmem and none of this.
 */
#ifndef HOST_ASM_HIGHMEM_H
#define HOST_ASM_HIGHMEM_H

#ifndef CONFIG_X86_64
#include <asm/fixmap.h>
#include <asm/page.h>

#define LAST_PKMAP		512	/* the kernel's: PAE */
#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
extern unsigned long host_pkmap_base;
#define PKMAP_ADDR(nr)		(host_pkmap_base + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(virt)		(((unsigned long)(virt) - host_pkmap_base) >> PAGE_SHIFT)

static inline void arch_pkmap_set(unsigned long vaddr, phys_addr_t pa)
{
	arch_kmap_local_set(vaddr, pa);
}

static inline void arch_pkmap_clear(unsigned long vaddr)
{
	arch_kmap_local_clear(vaddr);
}

static inline void arch_pkmap_flush(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
}
#endif

#endif
