// SPDX-License-Identifier: MIT
/*
 * kernel/main.c - start_kernel(): the boot order, one call per line.
 *
 * Owns: the order in which subsystems come up, and what runs after boot:
 * the self-tests when ktest= is given (then QEMU exits), else the shell.
 */
#include <asm/bootinfo.h>
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/edu.h>
#include <kernel/init.h>
#include <kernel/irqflags.h>
#include <kernel/ktest.h>
#include <kernel/lkdtm.h>
#include <kernel/pci.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <mm/mm.h>

#ifdef CONFIG_X86_64
#define UTS_MACHINE "x86_64"
#else
#define UTS_MACHINE "i386"
#endif

const char mmos_banner[] = "mmos version " MMOS_VERSION " (" UTS_MACHINE ") (gcc " __VERSION__ ")";

unsigned long __per_cpu_offset[NR_CPUS];

void start_kernel(void)
{
	pr_notice("%s\n", mmos_banner);
	pr_info("Boot protocol: Multiboot%s from %s\n", boot_info.protocol == 2 ? "2" : "",
		boot_info.loader_name[0] ? boot_info.loader_name : "an unnamed loader");
	pr_notice("Command line: %s\n", boot_command_line);
	parse_boot_params();
	setup_arch();
	mm_core_init();
	arch_mm_late_init();
	local_irq_enable();
	serial_enable_rx_irq();
	pci_subsys_init();
	edu_init();
	pr_info("mmos: boot complete\n");
	if (lkdtm_requested())
		lkdtm_boot_crash();
	if (ktest_requested())
		ktest_run_and_exit();
	shell_run();
}
