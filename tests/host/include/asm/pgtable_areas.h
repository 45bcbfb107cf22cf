/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/pgtable_areas.h - x86_64-like: the vmemmap lives in a
 * reserved host mapping made by the shim. i386-like: the real layout, so
 * MAXMEM (the lowmem limit) is computed exactly as in the kernel. Both: the
 * vmalloc area is a window the shim reserves (mmap PROT_NONE) at boot,
 * 1 GiB x86_64-like, 128 MiB i386-like: host_vmalloc_base, host_vmalloc_size.
 */
#ifndef HOST_ASM_PGTABLE_AREAS_H
#define HOST_ASM_PGTABLE_AREAS_H

extern unsigned long host_vmalloc_base, host_vmalloc_size;

#ifdef CONFIG_X86_64
extern unsigned long host_vmemmap;
extern void *high_memory;
#define VMEMMAP_START	host_vmemmap
#else
#include_next <asm/pgtable_areas.h>
/*
 * The layout is the kernel's, but measured from its PAGE_OFFSET, not
 * host_mem, and from the kernel's VMALLOC_END (PKMAP_BASE - 2 pages), not
 * the window's.
 */
#undef MAXMEM
#define MAXMEM	(PKMAP_BASE - 2 * PAGE_SIZE - 0xc0000000UL - __VMALLOC_RESERVE)
#undef VMALLOC_START
#undef VMALLOC_END
#undef VMALLOC_TOTAL
#endif

#define VMALLOC_START	host_vmalloc_base
#define VMALLOC_END	(host_vmalloc_base + host_vmalloc_size)
#define VMALLOC_TOTAL	(VMALLOC_END - VMALLOC_START)

#endif
