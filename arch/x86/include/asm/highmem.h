/* SPDX-License-Identifier: MIT */
/*
 * asm/highmem.h - the arch side of kmap(): the PKMAP area (i386).
 *
 * The area is LAST_PKMAP pages at PKMAP_BASE (asm/pgtable_areas.h), one
 * page table: 512 entries with PAE, as Linux's LAST_PKMAP (1024 without
 * PAE, which mmos does not build). Its page table is created at boot
 * (permanent_kmaps_init(), arch/x86/mm/init.c) and pkmap_page_table points
 * at its entries, so mapping a slot is one store and never allocates.
 * mm/highmem.c decides when the TLB is flushed: arch_pkmap_set() and
 * arch_pkmap_clear() do not flush, arch_pkmap_flush() does.
 * x86_64 has no highmem and none of this.
 */
#ifndef ASM_HIGHMEM_H
#define ASM_HIGHMEM_H

#ifndef CONFIG_X86_64
#include <asm/pgtable.h>
#include <asm/pgtable_areas.h>
#include <asm/tlbflush.h>

#define LAST_PKMAP		512
#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(virt)		(((unsigned long)(virt) - PKMAP_BASE) >> PAGE_SHIFT)

extern pteval_t *pkmap_page_table;

/* Map slot vaddr to pa. The slot is TLB-clean (count 0), so no flush. */
static inline void arch_pkmap_set(unsigned long vaddr, phys_addr_t pa)
{
	pkmap_page_table[PKMAP_NR(vaddr)] = (pa & PTE_PFN_MASK) | (PAGE_KERNEL & __supported_pte_mask);
}

/* Clear slot vaddr's entry; its TLB entry may stay until arch_pkmap_flush(). */
static inline void arch_pkmap_clear(unsigned long vaddr)
{
	pkmap_page_table[PKMAP_NR(vaddr)] = 0;
}

static inline void arch_pkmap_flush(unsigned long start, unsigned long end)
{
	flush_tlb_kernel_range(start, end);
}
#endif

#endif
