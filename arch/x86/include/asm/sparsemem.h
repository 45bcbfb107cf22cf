/* SPDX-License-Identifier: MIT */
/*
 * asm/sparsemem.h - how much physical memory x86 can describe, as Linux's
 * arch/x86/include/asm/sparsemem.h.
 *
 * Owns: MAX_PHYSMEM_BITS (the widest physical address the page tables and
 * the memmap must handle) and, where the memmap is sparse, SECTION_SIZE_BITS
 * (the size of one memory section, the unit mm/sparse.c marks present).
 *   x86_64 (4-level paging): 46 address bits, 128 MiB sections. Linux says
 *          52 with 5-level paging; mmos has only 4 levels.
 *   i386 (PAE): 36 address bits. Linux's PAE sparsemem uses 512 MiB
 *          sections; mmos's i386 memmap is flat (CONFIG_FLATMEM), so it has
 *          no sections to size.
 * Shared with the hosted build, which takes the same facts for its flavour.
 */
#ifndef ASM_SPARSEMEM_H
#define ASM_SPARSEMEM_H

#ifdef CONFIG_X86_64
#define SECTION_SIZE_BITS	27
#define MAX_PHYSMEM_BITS	46
#else
#define MAX_PHYSMEM_BITS	36
#endif

#endif
