/* SPDX-License-Identifier: MIT */
/*
 * asm/tlbflush.h - dropping stale kernel TLB entries (Linux's names).
 *
 * Kernel mappings are GLOBAL (_PAGE_GLOBAL, when the CPU has PGE), so a CR3
 * reload keeps them: flush_tlb_all() toggles CR4.PGE, which drops every entry,
 * global ones included. flush_tlb_kernel_range() invalidates page by page up
 * to tlb_single_page_flush_ceiling pages (33, Linux's default) and flushes
 * everything beyond that. One CPU: no shootdown IPIs.
 * The hosted build has its own no-op version (tests/host/include/asm).
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <asm/page.h>
#include <asm/processor.h>
#include <kernel/irqflags.h>

#define tlb_single_page_flush_ceiling	33UL

static inline void flush_tlb_all(void)
{
	unsigned long flags, cr4;

	local_irq_save(flags);
	cr4 = read_cr4();
	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);	/* clearing PGE flushes global entries too */
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
	local_irq_restore(flags);
}

/* Every page of [start, end), end exclusive. */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	if (end <= start)
		return;
	if ((end - start) >> PAGE_SHIFT > tlb_single_page_flush_ceiling) {
		flush_tlb_all();
		return;
	}
	for (va = start & PAGE_MASK; va < end; va += PAGE_SIZE)
		invlpg(va);
}

#endif
