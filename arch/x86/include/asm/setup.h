/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h - the x86 memory set-up steps (arch/x86/mm/zones.c), in order:
 * limits from the e820 map, low-memory reservations, then (after the
 * memmap exists) the zones.
 */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

/* max_pfn from e820 RAM; max_low_pfn (i386: at most MAXMEM_PFN). */
void x86_memory_limits(void);
/* e820 RAM into memblock; page 0 and the first MiB reserved; memblock's limit. */
void x86_reserve_low_memory(void);
/* Zone limits (DMA 16 MiB, DMA32 4 GiB, Normal, HighMem) into free_area_init(). */
void x86_zone_sizes_init(void);

#endif
