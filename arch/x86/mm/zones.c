// SPDX-License-Identifier: MIT
/*
 * arch/x86/mm/zones.c - the x86 memory limits: max_pfn, max_low_pfn, zones.
 *
 * Owns: the i386 lowmem/highmem split (MAXMEM, as Linux computes it), the
 * x86 zone limits (16 MiB, 4 GiB, max_low_pfn), and the reservation of the
 * first MiB. Shared with the hosted build (tests/host), which "boots" mm/
 * on a synthetic e820 map through the same three calls.
 */
#include <asm/dma.h>
#include <asm/e820.h>
#include <asm/pgtable_areas.h>
#include <asm/setup.h>
#include <kernel/printk.h>
#include <mm/memblock.h>
#include <mm/mm.h>

#ifdef CONFIG_X86_64
#define MAX_ARCH_PFN	(1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT))
#else
#define MAX_ARCH_PFN	(1UL << (36 - PAGE_SHIFT))
unsigned long __VMALLOC_RESERVE = 128UL << 20;
#endif

/*
 * max_low_pfn: the end of the memory the kernel maps permanently, and
 * high_memory, its virtual end (i386: where the vmalloc area starts from).
 */
static void find_low_pfn_range(void)
{
#ifdef CONFIG_X86_64
	max_low_pfn = max_pfn;	/* the direct map covers all RAM */
#else
	max_low_pfn = max_pfn <= MAXMEM_PFN ? max_pfn : MAXMEM_PFN;
	if (max_pfn > max_low_pfn)
		pr_notice("%luMB HIGHMEM available.\n", (max_pfn - max_low_pfn) >> (20 - PAGE_SHIFT));
	pr_notice("%luMB LOWMEM available.\n", max_low_pfn >> (20 - PAGE_SHIFT));
#endif
	high_memory = __va(PFN_PHYS(max_low_pfn));
}

void x86_zone_sizes_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = { 0 };

	max_zone_pfns[ZONE_DMA] = min(MAX_DMA_PFN, max_low_pfn);
#ifdef CONFIG_ZONE_DMA32
	max_zone_pfns[ZONE_DMA32] = min(MAX_DMA32_PFN, max_low_pfn);
#endif
	max_zone_pfns[ZONE_NORMAL] = max_low_pfn;
#ifdef CONFIG_HIGHMEM
	max_zone_pfns[ZONE_HIGHMEM] = max_pfn;
#endif
	free_area_init(max_zone_pfns);
}

void x86_memory_limits(void)
{
	max_pfn = e820__end_ram_pfn(&e820_table, MAX_ARCH_PFN);
	pr_info("e820: last_pfn = %#lx max_arch_pfn = %#lx\n", max_pfn, MAX_ARCH_PFN);
	find_low_pfn_range();
}

void x86_reserve_low_memory(void)
{
	e820__memblock_setup();
	memblock_reserve_kind(0, PAGE_SIZE, MEMBLOCK_PAGE0);
	/* as Linux since 5.13: the whole first MiB (BDA, EBDA, BIOS, option ROMs) */
	memblock_reserve_kind(PAGE_SIZE, 0x100000 - PAGE_SIZE, MEMBLOCK_BIOS);
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));
}
