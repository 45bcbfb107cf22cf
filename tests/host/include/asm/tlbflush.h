/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/tlbflush.h - no TLB to flush: the shim's mappings
 * (mmap/munmap) take effect at once, so both flushes do nothing.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

static inline void flush_tlb_all(void)
{
}

static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
}

#endif
