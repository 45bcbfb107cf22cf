// SPDX-License-Identifier: MIT
/*
 * arch/x86/setup.c - from the boot code's jump to a running arch.
 *
 * Owns: the C entry points the head code calls (one per arch) and
 * setup_arch(): the x86 bring-up order, one step per line.
 */
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>

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

void setup_arch(void)
{
	cpu_init();
	idt_init();
	e820__memory_setup();
	paging_init();
	irq_init();
	time_init();
}
