/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/pgtable_areas.h - x86_64-like: the vmemmap lives in a
 * reserved host mapping made by the shim. i386-like: the real layout, so
 * MAXMEM (the lowmem limit) is computed exactly as in the kernel.
 */
#ifndef HOST_ASM_PGTABLE_AREAS_H
#define HOST_ASM_PGTABLE_AREAS_H

#ifdef CONFIG_X86_64
extern unsigned long host_vmemmap;
#define VMEMMAP_START	host_vmemmap
#else
#include_next <asm/pgtable_areas.h>
/* The layout is the kernel's, but measured from its PAGE_OFFSET, not host_mem. */
#undef MAXMEM
#define MAXMEM	(VMALLOC_END - 0xc0000000UL - __VMALLOC_RESERVE)
#endif

#endif
