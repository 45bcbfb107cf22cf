/* SPDX-License-Identifier: MIT */
/*
 * asm/fixmap.h - the arch side of kmap_local_page(): fixmap slots (i386).
 *
 * x86_64 maps all RAM permanently, so it has no slots and these are never
 * reached.
 */
#ifndef ASM_FIXMAP_H
#define ASM_FIXMAP_H

#include <asm/pgtable.h>
#include <asm/pgtable_areas.h>

#ifdef CONFIG_X86_64
static inline unsigned long kmap_local_slot_vaddr(int slot) { (void)slot; return 0; }
static inline bool kmap_local_is_slot(unsigned long vaddr) { (void)vaddr; return false; }
static inline void arch_kmap_local_set(unsigned long v, phys_addr_t pa) { (void)v; (void)pa; }
static inline void arch_kmap_local_clear(unsigned long v) { (void)v; }
#else
static inline unsigned long kmap_local_slot_vaddr(int slot)
{
	return __fix_to_virt(FIX_KMAP_BEGIN + slot);
}

static inline bool kmap_local_is_slot(unsigned long vaddr)
{
	return vaddr >= __fix_to_virt(FIX_KMAP_END) && vaddr <= __fix_to_virt(FIX_KMAP_BEGIN);
}

static inline void arch_kmap_local_set(unsigned long vaddr, phys_addr_t pa)
{
	arch_map_page(vaddr, pa, PAGE_KERNEL);	/* its page table exists since boot */
}

static inline void arch_kmap_local_clear(unsigned long vaddr)
{
	arch_unmap_page(vaddr);
}
#endif

#endif
