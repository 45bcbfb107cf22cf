/* SPDX-License-Identifier: MIT */
/*
 * asm/dma.h - where x86's DMA zones end, as Linux's arch/x86/include/asm/dma.h.
 *
 * Owns: the pfn limits that arch/x86/mm/zones.c gives free_area_init():
 *   ZONE_DMA      [0, 16 MiB): ISA devices drive only 24 address lines.
 *   ZONE_DMA32    [16 MiB, 4 GiB), x86_64 only: devices with 32-bit DMA.
 *   ZONE_NORMAL   x86_64: everything above 4 GiB. i386: [16 MiB,
 *                 max_low_pfn), the low memory the kernel maps for good.
 *   ZONE_HIGHMEM  i386 only: [max_low_pfn, end), reached through kmap.
 * mm/ never reads these: it sees only the zone limits it is handed.
 */
#ifndef ASM_DMA_H
#define ASM_DMA_H

#include <asm/page.h>

#define MAX_DMA_PFN	((16UL << 20) >> PAGE_SHIFT)
#define MAX_DMA32_PFN	(1UL << (32 - PAGE_SHIFT))

#endif
