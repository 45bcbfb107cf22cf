// SPDX-License-Identifier: MIT
/*
 * arch/x86/mm/init.c - the kernel's own page tables: direct map and image.
 *
 * Owns: the switch from the boot tables to the final ones, and the policy of
 * what they map:
 *  - the direct map of RAM at PAGE_OFFSET (x86_64: all e820 RAM; i386: RAM
 *    below the lowmem limit), read-write and no-execute, 2 MiB pages where
 *    alignment allows;
 *  - the kernel image with 4 KiB pages: text read-only and executable,
 *    rodata read-only, data and bss read-write no-execute; the guard page
 *    below every kernel stack left unmapped. On i386 the image lies inside
 *    the direct map, so that part of the direct map is the image mapping.
 * No page is both writable and executable; paging_init checks that.
 * Table pages come from a pool in .bss (like Linux's brk area) for the
 * direct map, then from memblock, then from the buddy allocator.
 * x86_64 also backs the vmemmap (the struct page array) here; i386 creates
 * the page tables of the fixmap and of the PKMAP area at boot.
 * Tests: tests/kernel/traps_test.c (W^X, guards, NX on the direct map).
 */
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/highmem.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <asm/pgtable_areas.h>
#include <mm/gfp.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/vmstat.h>

/*
 * The first page-table pages come from a small pool in .bss, as Linux's come
 * from its brk area (INIT_PGT_BUF_SIZE); when it runs out, from memblock,
 * as Linux's alloc_low_pages() does, so any amount of RAM can be mapped.
 * Until the switch to the new tables only what the boot tables map can be
 * written (boot/head.asm: the first 4 GiB at PAGE_OFFSET on x86_64, 1 GiB
 * on i386), so memblock must give a page below that.
 */
#define PGTABLE_POOL_PAGES	16
#ifdef CONFIG_X86_64
#define BOOT_DIRECT_MAP_END	(4ULL << 30)
#else
#define BOOT_DIRECT_MAP_END	(1ULL << 30)
#endif

static u8 pgtable_pool[PGTABLE_POOL_PAGES][PAGE_SIZE] __section(".bss.page_aligned");
static unsigned int pool_used;
static unsigned long early_memblock_tables;

static phys_addr_t pool_alloc(void)
{
	phys_addr_t pa;

	if (pool_used < PGTABLE_POOL_PAGES) {
		memset(pgtable_pool[pool_used], 0, PAGE_SIZE);
		return __pa(pgtable_pool[pool_used++]);
	}
	pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0,
				       min(BOOT_DIRECT_MAP_END, (u64)PFN_PHYS(max_low_pfn)),
				       MEMBLOCK_PGTABLE);
	if (!pa)
		panic("paging: no memory for page tables below %#llx",
		      (unsigned long long)BOOT_DIRECT_MAP_END);
	memset(__va(pa), 0, PAGE_SIZE);
	early_memblock_tables++;
	return pa;
}

static bool is_guard_page(unsigned long va)
{
	for (unsigned int i = 0; i < nr_kernel_stacks; i++)
		if (va == (unsigned long)kernel_stacks[i]->guard)
			return true;
	return false;
}

static void map_image_part(char *start, char *end, pteval_t prot)
{
	for (unsigned long va = (unsigned long)start; va < (unsigned long)end; va += PAGE_SIZE) {
		if (is_guard_page(va))
			continue;
		if (arch_map_page(va, __pa((void *)va), prot))
			panic("paging: cannot map the kernel image at %#lx", va);
	}
}

static void map_kernel_image(void)
{
	map_image_part(_text, _etext, PAGE_KERNEL_RX);
	map_image_part(_etext, _erodata, PAGE_KERNEL_RO);
	map_image_part(_erodata, _end, PAGE_KERNEL);
}

/* Direct-map [start, end) of RAM, leaving out [hole_start, hole_end). */
static void map_direct(u64 start, u64 end, u64 hole_start, u64 hole_end)
{
	if (start < hole_start && end > hole_end) {
		map_direct(start, hole_start, 0, 0);
		map_direct(hole_end, end, 0, 0);
		return;
	}
	if (start < hole_end && end > hole_start) {
		if (start >= hole_start)
			start = hole_end;
		else
			end = hole_start;
	}
	if (start >= end)
		return;
	if (arch_map_range((unsigned long)__va(start), start, end - start, PAGE_KERNEL))
		panic("paging: cannot direct-map [%#llx-%#llx)", (unsigned long long)start,
		      (unsigned long long)end);
}

/* After paging_init: page tables come from memblock, in the direct map. */
static phys_addr_t memblock_pgtable_alloc(void)
{
	phys_addr_t pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, PFN_PHYS(max_low_pfn),
						   MEMBLOCK_PGTABLE);

	if (pa)
		memset(__va(pa), 0, PAGE_SIZE);
	return pa;
}

static unsigned long buddy_pgtable_pages[MAX_NR_ZONES];

/* Once the buddy allocator runs: zeroed low-memory pages from it. */
static phys_addr_t buddy_pgtable_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return 0;
	buddy_pgtable_pages[page_zonenum(page)]++;
	return page_to_phys(page);
}

unsigned long pgtable_pages_in_zone(unsigned int zone)
{
	return zone < MAX_NR_ZONES ? buddy_pgtable_pages[zone] : 0;
}

void arch_mm_late_init(void)
{
	pgtable_set_allocator(buddy_pgtable_alloc);
}

#ifdef CONFIG_X86_64
/* Back [start, end) of the vmemmap with 2 MiB pages (4 KiB if none is free). */
int arch_vmemmap_populate(unsigned long start, unsigned long end)
{
	for (unsigned long va = ALIGN_DOWN(start, PMD_SIZE); va < end; va += PMD_SIZE) {
		phys_addr_t pa;

		if (arch_query(va, NULL, NULL, NULL))
			continue;	/* a neighbouring section brought it in */
		pa = memblock_phys_alloc_range(PMD_SIZE, PMD_SIZE, 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_MEMMAP);
		if (pa) {
			if (arch_map_range(va, pa, PMD_SIZE, PAGE_KERNEL))
				return -1;
			continue;
		}
		for (unsigned long v = max(va, ALIGN_DOWN(start, PAGE_SIZE));
		     v < min(va + PMD_SIZE, end); v += PAGE_SIZE) {
			pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0,
						       MEMBLOCK_ALLOC_ANYWHERE, MEMBLOCK_MEMMAP);
			if (!pa || arch_map_page(v, pa, PAGE_KERNEL))
				return -1;
		}
	}
	return 0;
}
#else
pteval_t *pkmap_page_table;

/*
 * Create the PKMAP area's page table now, so kmap() never allocates, and
 * note where its entries are (Linux: permanent_kmaps_init(), init_32.c).
 */
static void permanent_kmaps_init(void)
{
	if (arch_map_page(PKMAP_ADDR(0), 0, PAGE_KERNEL))
		panic("paging: no page table for the PKMAP area");
	arch_unmap_page(PKMAP_ADDR(0));
	pkmap_page_table = arch_lookup_pte(PKMAP_ADDR(0));
	BUG_ON(!pkmap_page_table || arch_lookup_pte(PKMAP_ADDR(LAST_PKMAP - 1)) !=
				    pkmap_page_table + LAST_PKMAP - 1);
}

/* Create the fixmap's page table now, so kmap_local never allocates. */
static void fixmap_init(void)
{
	if (arch_map_page(FIXADDR_START, 0, PAGE_KERNEL))
		panic("paging: no page table for the fixmap");
	arch_unmap_page(FIXADDR_START);
}
#endif

void paging_init(void)
{
	u64 limit = PFN_PHYS(max_low_pfn), mapped = 0;
	/* On i386 the image is part of the direct map; keep it for map_kernel_image. */
	u64 hole_start = KERNEL_VMA == PAGE_OFFSET ? __pa(_text) : 0;
	u64 hole_end = KERNEL_VMA == PAGE_OFFSET ? __pa(_end) : 0;
	unsigned long wx;

	if (!boot_cpu_data.has_nx)
		__supported_pte_mask &= ~_PAGE_NX;
	if (boot_cpu_data.has_pge)
		write_cr4(read_cr4() | X86_CR4_PGE);
	else
		__supported_pte_mask &= ~_PAGE_GLOBAL;

	pgtable_set_allocator(pool_alloc);
	kernel_pgd_phys = pool_alloc();
	if (PGTABLE_LEVELS == 3) {
		/* PAE loads the PDPTEs at CR3 load: the kernel's PD must exist now */
		((pteval_t *)__va(kernel_pgd_phys))[3] = pool_alloc() | _PAGE_PRESENT;
	}

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN(e->addr, PAGE_SIZE);
		u64 end = ALIGN_DOWN(e->addr + e->size, PAGE_SIZE);

		if (e->type != E820_TYPE_RAM)
			continue;
		if (end > limit)
			end = limit;
		if (start >= end)
			continue;
		map_direct(start, end, hole_start, hole_end);
		mapped += end - start;
	}
	map_kernel_image();
	write_cr3(kernel_pgd_phys);
#ifndef CONFIG_X86_64
	set_double_fault_cr3(kernel_pgd_phys);
	fixmap_init();
	permanent_kmaps_init();
#endif
	pgtable_set_allocator(memblock_pgtable_alloc);
	pr_info("paging: %s, direct map of %llu MiB at %#lx%s, %lu page-table pages "
		"(%u from the boot pool, %lu from memblock)\n",
		PGTABLE_LEVELS == 4 ? "4-level" : "PAE 3-level", (unsigned long long)(mapped >> 20),
		PAGE_OFFSET, PGTABLE_LEVELS == 4 && boot_cpu_data.has_gbpages ? " with 1 GiB pages" : "",
		(unsigned long)pool_used + early_memblock_tables, pool_used, early_memblock_tables);
	wx = ptdump_count_wx();
	if (wx)
		pr_warn("x86/mm: Checked W+X mappings: FAILED, %lu W+X pages found.\n", wx);
	else
		pr_info("x86/mm: Checked W+X mappings: passed, no W+X pages found.\n");
}

/*
 * meminfo's DirectMap lines, as Linux's arch_report_meminfo() prints them
 * from its direct_pages_count[]: the direct map's kilobytes by the size of
 * the page that maps them, found here by walking the live tables over
 * every e820 RAM range the direct map covers. 1G only where the CPU has
 * 1 GiB pages (Linux: X86_FEATURE_GBPAGES); i386 PAE has 4k and 2M.
 */
void arch_report_meminfo(void)
{
	u64 limit = (u64)max_low_pfn << PAGE_SHIFT;	/* x86_64: all RAM */
	unsigned long kb[3] = { 0 }, last = 0;

#ifdef CONFIG_X86_64
	limit = (u64)max_pfn << PAGE_SHIFT;
#endif
	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = (e->addr + PAGE_SIZE - 1) & ~(u64)(PAGE_SIZE - 1);
		u64 end = min(e->addr + e->size, limit) & ~(u64)(PAGE_SIZE - 1);

		if (e->type != E820_TYPE_RAM)
			continue;
		while (start < end) {
			unsigned long va = (unsigned long)__va(start), size = PAGE_SIZE;

			if (arch_query(va, NULL, NULL, &size) && (va & ~(size - 1)) != last) {
				last = va & ~(size - 1);
				kb[size == PAGE_SIZE ? 0 : size == (1UL << 21) ? 1 : 2] += size >> 10;
			}
			start = ((start & ~((u64)size - 1)) + size);
		}
	}
	printk(KERN_INFO "DirectMap4k:    %8lu kB\n", kb[0]);
	printk(KERN_INFO "DirectMap2M:    %8lu kB\n", kb[1]);
	if (PGTABLE_LEVELS == 4 && boot_cpu_data.has_gbpages)
		printk(KERN_INFO "DirectMap1G:    %8lu kB\n", kb[2]);
}
