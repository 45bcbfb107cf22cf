// SPDX-License-Identifier: MIT
/*
 * arch/x86/setup.c - from the boot code's jump to a running arch.
 *
 * Owns: the C entry points the head code calls (one per arch), setup_arch()
 * (the x86 bring-up order, one step per line) and the reservations of what
 * the boot left in memory (kernel image, Multiboot data).
 */
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/iommu.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/pgtable_areas.h>
#include <asm/processor.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <asm/setup.h>
#include <mm/memblock.h>
#include <mm/mm.h>


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

static void reserve_boot_memory(void)
{
	x86_reserve_low_memory();
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
}

void setup_arch(void)
{
	cpu_init();
	idt_init();
	e820__memory_setup();
	x86_memory_limits();
	reserve_boot_memory();
	paging_init();
	sparse_init();
	x86_zone_sizes_init();
	pci_iommu_alloc();
	irq_init();
	time_init();
}
