// SPDX-License-Identifier: MIT
/*
 * mm/sparse.c - where struct pages live: the memmap.
 *
 * Owns: mem_map and the section bitmap behind pfn_valid() (inline in
 * mm/mm.h). Two models, chosen per arch as Linux does:
 *  - SPARSEMEM_VMEMMAP (x86_64): physical memory is cut into 128 MiB
 *    sections; a section with any RAM gets its struct pages, mapped at
 *    VMEMMAP_START + pfn * sizeof(struct page). Holes between sections (the
 *    PCI hole below 4 GiB) cost nothing.
 *  - FLATMEM (i386): one array for [0, max_pfn), in low memory.
 * Either way mem_map[pfn] is the page, so pfn_to_page() is arithmetic.
 * Tests: tests/kernel/mm_init_test.c.
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <mm/memblock.h>
#include <mm/mm.h>

#ifdef CONFIG_SPARSEMEM_VMEMMAP
#include <asm/pgtable_areas.h>

#define BITS_PER_ULONG		(8 * sizeof(unsigned long))

struct page *mem_map;
unsigned long section_present[NR_MEM_SECTIONS / BITS_PER_ULONG];

static void mark_present(unsigned long spfn, unsigned long epfn, void *arg)
{
	(void)arg;
	for (unsigned long nr = spfn / PAGES_PER_SECTION; nr <= (epfn - 1) / PAGES_PER_SECTION; nr++)
		section_present[nr / BITS_PER_ULONG] |= 1UL << (nr % BITS_PER_ULONG);
}

void sparse_init(void)
{
	unsigned long sections = 0;

	/* a buddy is never in another section: see __free_one_page() */
	BUILD_BUG_ON(SECTION_SIZE_BITS - PAGE_SHIFT < MAX_PAGE_ORDER);
	mem_map = (struct page *)VMEMMAP_START;
	memblock_for_each_mem_pfn_range(mark_present, NULL);
	for (unsigned long nr = 0; nr < NR_MEM_SECTIONS; nr++) {
		unsigned long start = (unsigned long)pfn_to_page(nr * PAGES_PER_SECTION);

		if (!pfn_valid(nr * PAGES_PER_SECTION))
			continue;
		if (arch_vmemmap_populate(start, start + PAGES_PER_SECTION * sizeof(struct page)))
			panic("sparse: no memory for the memmap of section %lu", nr);
		sections++;
	}
	pr_info("sparse: %lu memory sections of %lu MiB, memmap at %p, %zu bytes per page\n",
		sections, PAGES_PER_SECTION >> (20 - PAGE_SHIFT), (void *)mem_map,
		sizeof(struct page));
}
#else
struct page *mem_map;

/*
 * Rounded up to whole MAX_PAGE_ORDER blocks, as Linux's alloc_node_mem_map():
 * the buddy allocator may look at the struct page of any buddy. The extra
 * ones are zeroed by memblock_alloc, so never PageBuddy.
 */
void sparse_init(void)
{
	phys_addr_t size = ALIGN((phys_addr_t)ALIGN(max_pfn, MAX_ORDER_NR_PAGES) * sizeof(struct page),
				 PAGE_SIZE);

	mem_map = memblock_alloc(size, PAGE_SIZE, MEMBLOCK_MEMMAP);
	if (!mem_map)
		panic("flatmem: no low memory for a %llu KiB memmap", (unsigned long long)(size >> 10));
	pr_info("flatmem: memmap of %lu pages at %p, %zu bytes per page\n", max_pfn,
		(void *)mem_map, sizeof(struct page));
}
#endif
