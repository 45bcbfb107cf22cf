// SPDX-License-Identifier: MIT
/*
 * arch/x86/reboot.c - leaving the machine: QEMU's isa-debug-exit, ACPI off, halt.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <kernel/irqflags.h>
#include <kernel/reboot.h>

#define DEBUG_EXIT_PORT	0xf4
#define QEMU_PM1A_CNT	0x604	/* PIIX4 PM block as QEMU's i440fx sets it up */
#define SLP_EN		(1 << 13)

void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

void machine_exit(unsigned int code)
{
	outl(DEBUG_EXIT_PORT, code);
	machine_power_off();
}

void machine_power_off(void)
{
	outw(QEMU_PM1A_CNT, SLP_EN);
	machine_halt();
}
