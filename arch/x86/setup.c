// SPDX-License-Identifier: MIT
/*
 * arch/x86/setup.c - from the boot code's jump to a running arch.
 *
 * Owns: the C entry points the head code calls (one per arch), setup_arch()
 * (the x86 bring-up order, one step per line), the x86 memory limits
 * (max_pfn, max_low_pfn: the i386 lowmem/highmem split as Linux computes
 * it), the early memblock reservations and the zone limits.
 */
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/pgtable_areas.h>
#include <asm/processor.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <mm/memblock.h>
#include <mm/mm.h>

#define MAX_DMA_PFN	(16UL << (20 - PAGE_SHIFT))
#define MAX_DMA32_PFN	(1UL << (32 - PAGE_SHIFT))
#ifdef CONFIG_X86_64
#define MAX_ARCH_PFN	(1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT))
#else
#define MAX_ARCH_PFN	(1UL << (36 - PAGE_SHIFT))
unsigned long __VMALLOC_RESERVE = 128UL << 20;
#endif

static __noreturn void x86_start_kernel(u32 magic, unsigned long info_phys)
{
	serial_init();
	multiboot_parse(magic, info_phys);
	start_kernel();
}

#ifdef CONFIG_X86_64
__noreturn void x86_64_start_kernel(u32 magic, u32 info_phys)
{
	x86_start_kernel(magic, info_phys);
}
#else
__noreturn void i386_start_kernel(u32 magic, u32 info_phys)
{
	x86_start_kernel(magic, info_phys);
}
#endif

/* max_low_pfn: the end of the memory the kernel maps permanently. */
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
}

static void reserve_boot_memory(void)
{
	e820__memblock_setup();
	memblock_reserve_kind(0, PAGE_SIZE, MEMBLOCK_PAGE0);
	/* as Linux since 5.13: the whole first MiB (BDA, EBDA, BIOS, option ROMs) */
	memblock_reserve_kind(PAGE_SIZE, 0x100000 - PAGE_SIZE, MEMBLOCK_BIOS);
	/* __boot_start is linked at its physical address; _end is a kernel address */
	memblock_reserve_kind((unsigned long)__boot_start, __pa(_end) - (unsigned long)__boot_start,
			      MEMBLOCK_KERNEL);
	memblock_reserve_kind(ALIGN_DOWN(boot_info.info_start, PAGE_SIZE),
			      ALIGN(boot_info.info_end, PAGE_SIZE) -
			      ALIGN_DOWN(boot_info.info_start, PAGE_SIZE), MEMBLOCK_BOOTINFO);
	for (unsigned int i = 0; i < boot_info.nr_mods; i++)
		memblock_reserve_kind(ALIGN_DOWN(boot_info.mods[i].start, PAGE_SIZE),
				      ALIGN(boot_info.mods[i].end, PAGE_SIZE) -
				      ALIGN_DOWN(boot_info.mods[i].start, PAGE_SIZE), MEMBLOCK_MODULES);
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));
}

static void zone_sizes_init(void)
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

void setup_arch(void)
{
	cpu_init();
	idt_init();
	e820__memory_setup();
	max_pfn = e820__end_ram_pfn(&e820_table, MAX_ARCH_PFN);
	pr_info("e820: last_pfn = %#lx max_arch_pfn = %#lx\n", max_pfn, MAX_ARCH_PFN);
	find_low_pfn_range();
	reserve_boot_memory();
	paging_init();
	sparse_init();
	zone_sizes_init();
	irq_init();
	time_init();
}
