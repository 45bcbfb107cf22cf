/* SPDX-License-Identifier: MIT */
/*
 * kernel/reboot.h - stopping the machine.
 *
 * Under QEMU with "-device isa-debug-exit,iobase=0xf4,iosize=0x04",
 * machine_exit(code) ends QEMU with exit status (code << 1) | 1; the codes
 * below are the contract with tests/run. Without that device (real hardware,
 * a plain `make run`), it falls back to an ACPI power-off and then halts.
 */
#ifndef KERNEL_REBOOT_H
#define KERNEL_REBOOT_H

#include <kernel/compiler.h>

#define EXIT_TESTS_PASSED	0x10	/* QEMU exit status 33 */
#define EXIT_TESTS_FAILED	0x11	/* 35 */
#define EXIT_PANIC		0x12	/* 37 */

__noreturn void machine_exit(unsigned int code);
__noreturn void machine_power_off(void);
__noreturn void machine_halt(void);

#endif
