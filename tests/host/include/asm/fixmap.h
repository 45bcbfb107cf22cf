/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/fixmap.h - kmap_local_page's slots. x86_64-like builds map
 * all simulated RAM permanently and never need one. i386-like builds get
 * real slots: the shim maps the page's part of the RAM file at the slot's
 * address, so a highmem page is reachable only while it is mapped.
 */
#ifndef HOST_ASM_FIXMAP_H
#define HOST_ASM_FIXMAP_H

#include <kernel/types.h>

#ifdef CONFIG_X86_64
#include_next <asm/fixmap.h>	/* the kernel's: no slots */
#else
extern unsigned long host_kmap_base;	/* 16 slots, one page each */
void arch_kmap_local_set(unsigned long vaddr, phys_addr_t pa);
void arch_kmap_local_clear(unsigned long vaddr);

static inline unsigned long kmap_local_slot_vaddr(int slot)
{
	return host_kmap_base + ((unsigned long)slot << 12);
}

static inline bool kmap_local_is_slot(unsigned long vaddr)
{
	return vaddr >= host_kmap_base && vaddr < host_kmap_base + (16UL << 12);
}
#endif

#endif
