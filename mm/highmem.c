// SPDX-License-Identifier: MIT
/*
 * mm/highmem.c - kmap_local_page(): a stack of per-CPU mapping slots.
 *
 * Owns: the per-CPU slot depth. Lowmem pages need no slot. A highmem page
 * gets slot FIX_KMAP_BEGIN + depth + KM_MAX_IDX * cpu in the fixmap, mapped
 * through the arch (arch_kmap_local_set / arch_kmap_local_clear).
 * Locking: interrupts are off while the depth changes; an interrupt handler
 * may map and unmap inside a mapping of the code it interrupted.
 * Tests: tests/kernel/page_alloc_test.c (patterns written into highmem),
 * tests/kernel/compound_test.c (HighMem compound pages, split_page).
 */
#include <kernel/bug.h>
#include <kernel/irqflags.h>
#include <kernel/percpu.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include <asm/fixmap.h>

static DEFINE_PER_CPU(int, kmap_depth);

void *kmap_local_page(struct page *page)
{
	unsigned long flags, vaddr;
	int idx;

	if (!PageHighMem(page))
		return page_address(page);
	local_irq_save(flags);
	idx = this_cpu_read(kmap_depth);
	BUG_ON(idx >= KM_MAX_IDX);
	this_cpu_write(kmap_depth, idx + 1);
	vaddr = kmap_local_slot_vaddr(idx + KM_MAX_IDX * (int)smp_processor_id());
	arch_kmap_local_set(vaddr, page_to_phys(page));
	local_irq_restore(flags);
	return (void *)vaddr;
}

void kunmap_local(void *addr)
{
	unsigned long flags, vaddr = (unsigned long)addr & PAGE_MASK;
	int idx;

	if (!kmap_local_is_slot(vaddr))
		return;	/* a lowmem page: nothing was mapped */
	local_irq_save(flags);
	idx = this_cpu_read(kmap_depth) - 1;
	if (WARN(idx < 0 || vaddr != kmap_local_slot_vaddr(idx + KM_MAX_IDX *
							    (int)smp_processor_id()),
		 "kunmap_local(%p): not the most recent mapping\n", addr)) {
		local_irq_restore(flags);
		return;
	}
	arch_kmap_local_clear(vaddr);
	this_cpu_write(kmap_depth, idx);
	local_irq_restore(flags);
}

unsigned int kmap_local_depth(void)
{
	return (unsigned int)this_cpu_read(kmap_depth);
}

void clear_highpage(struct page *page)
{
	void *p = kmap_local_page(page);

	memset(p, 0, PAGE_SIZE);
	kunmap_local(p);
}
