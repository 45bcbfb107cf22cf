/* SPDX-License-Identifier: MIT */
/*
 * mm/mmconfig.h - which memory-model options each arch has, as Linux's Kconfig
 * would set them for x86: x86_64 has ZONE_DMA32 and a virtual memmap;
 * i386 (PAE) has HIGHMEM and a flat memmap.
 */
#ifndef MM_MMCONFIG_H
#define MM_MMCONFIG_H

#ifdef CONFIG_X86_64
#define CONFIG_ZONE_DMA32	1
#define CONFIG_SPARSEMEM_VMEMMAP 1
#define SECTION_SIZE_BITS	27		/* 128 MiB memory sections */
#define MAX_PHYSMEM_BITS	46
#else
#define CONFIG_HIGHMEM		1
#define CONFIG_FLATMEM		1
#define MAX_PHYSMEM_BITS	36		/* PAE */
#endif

#endif
