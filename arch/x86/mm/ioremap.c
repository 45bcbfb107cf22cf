// SPDX-License-Identifier: MIT
/*
 * arch/x86/mm/ioremap.c - device memory mapped into the kernel's virtual space.
 *
 * Owns: ioremap()/ioremap_uc()/iounmap() and the count of live ioremap
 * areas. A mapping is a VM_IOREMAP area of the vmalloc range (mm/vmalloc.c
 * hands it out and lists it in vmallocinfo with its phys=), whose pages are
 * mapped uncached (PCD|PWT, never executable) straight to the device's
 * physical addresses: there is no struct page behind them. As Linux's
 * __ioremap_caller(), the request is widened to whole pages and the pointer
 * returned keeps the offset of phys_addr in its page; RAM is refused (it is
 * already mapped cacheable, and two mappings with different cache types are
 * what x86 forbids). Must not touch: the vmalloc allocator's internals.
 */
#include <asm/e820.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <mm/vmalloc.h>

static unsigned long nr_ioremap_areas;

unsigned long ioremap_nr_areas(void)
{
	return nr_ioremap_areas;
}

/* Does [start, end] overlap RAM the kernel manages (Linux's __ioremap_check_ram)? */
static bool range_is_ram(phys_addr_t start, phys_addr_t end)
{
	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type != E820_TYPE_RAM || !e->size)
			continue;
		if (start <= e->addr + e->size - 1 && e->addr <= end)
			return true;
	}
	return false;
}

static void __iomem *__ioremap_caller(phys_addr_t phys_addr, unsigned long size,
				      pteval_t prot, const void *caller)
{
	phys_addr_t last_addr = phys_addr + size - 1;
	unsigned long offset, vaddr;
	struct vm_struct *area;

	if (!size || last_addr < phys_addr)
		return NULL;
	if (range_is_ram(phys_addr, last_addr)) {
		WARN_ONCE(1, "ioremap on RAM at 0x%016llx - 0x%016llx from %pS\n",
			  (unsigned long long)phys_addr, (unsigned long long)last_addr, caller);
		return NULL;
	}

	offset = (unsigned long)(phys_addr & ~PAGE_MASK);
	phys_addr &= PTE_PFN_MASK;
	size = (unsigned long)((last_addr | (PAGE_SIZE - 1)) + 1 - phys_addr);

	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	area->phys_addr = phys_addr;
	vaddr = (unsigned long)area->addr;
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		if (arch_map_page(vaddr + off, phys_addr + off, prot)) {
			free_vm_area(area);	/* clears what was mapped */
			return NULL;
		}
	}
	nr_ioremap_areas++;
	return (void __iomem *)(vaddr + offset);
}

void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, PAGE_KERNEL_NOCACHE,
				__builtin_return_address(0));
}

void __iomem *ioremap_uc(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, PAGE_KERNEL_NOCACHE,
				__builtin_return_address(0));
}

void iounmap(volatile void __iomem *addr)
{
	unsigned long page = (unsigned long)addr & PAGE_MASK;
	struct vm_struct *area;

	if (!addr)
		return;
	/*
	 * Linux masks the address to its page and frees the area starting
	 * there ("iounmap: bad address" when there is none). mmos also
	 * insists that the area be an ioremap one: a vmalloc() or vmap()
	 * area handed here would otherwise be torn down under its owner.
	 */
	area = find_vm_area((const void *)page);
	if (WARN(!area || area->addr != (void *)page || !(area->flags & VM_IOREMAP),
		 "iounmap: bad address %p (not from ioremap) from %pS\n", (void *)addr,
		 __builtin_return_address(0)))
		return;
	free_vm_area(area);
	nr_ioremap_areas--;
}
