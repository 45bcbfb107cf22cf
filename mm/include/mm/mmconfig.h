/* SPDX-License-Identifier: MIT */
/*
 * mm/mmconfig.h - the memory-model options Linux's Kconfig selects for each
 * x86 flavour: x86_64 has ZONE_DMA32 and a virtual memmap; i386 (PAE) has
 * HIGHMEM and a flat memmap. The arch's own numbers (physical address
 * bits, section size) are in asm/sparsemem.h.
 */
#ifndef MM_MMCONFIG_H
#define MM_MMCONFIG_H

#include <asm/sparsemem.h>

#ifdef CONFIG_X86_64
#define CONFIG_ZONE_DMA32	1
#define CONFIG_SPARSEMEM_VMEMMAP 1
#else
#define CONFIG_HIGHMEM		1
#define CONFIG_FLATMEM		1
#endif

#endif
