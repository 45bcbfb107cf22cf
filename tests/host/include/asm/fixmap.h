/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/fixmap.h - the host build is x86_64-like: all simulated RAM
 * is direct-mapped, so kmap_local_page never needs a slot.
 */
#ifndef ASM_FIXMAP_H
#define ASM_FIXMAP_H

#include <kernel/types.h>

static inline unsigned long kmap_local_slot_vaddr(int slot) { (void)slot; return 0; }
static inline bool kmap_local_is_slot(unsigned long vaddr) { (void)vaddr; return false; }
static inline void arch_kmap_local_set(unsigned long v, phys_addr_t pa) { (void)v; (void)pa; }
static inline void arch_kmap_local_clear(unsigned long v) { (void)v; }

#endif
