/* SPDX-License-Identifier: MIT */
/*
 * asm/tlbflush.h - dropping stale translations of kernel addresses.
 *
 * Kernel mappings carry _PAGE_GLOBAL (when the CPU has PGE), so reloading
 * CR3 does not drop them: a kernel range is flushed page by page with
 * invlpg, which drops global entries too, or, past Linux's ceiling of 33
 * pages (tlb_single_page_flush_ceiling, arch/x86/mm/tlb.c), all at once by
 * turning CR4.PGE off and on again (Linux's __flush_tlb_global()). One CPU
 * only: there is no other CPU to send a shootdown to.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <asm/page.h>
#include <asm/processor.h>

#define tlb_single_page_flush_ceiling	33UL

/* Everything, global entries included. */
static inline void __flush_tlb_global(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());	/* without PGE nothing is global */
	}
}

/* Drop the translations of [start, end), both page aligned. */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if ((end - start) >> PAGE_SHIFT > tlb_single_page_flush_ceiling) {
		__flush_tlb_global();
		return;
	}
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		invlpg(va);
}

#endif
