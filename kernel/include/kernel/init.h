/* SPDX-License-Identifier: MIT */
/*
 * kernel/init.h - the boot sequence's contract between arch and kernel.
 */
#ifndef KERNEL_INIT_H
#define KERNEL_INIT_H

#include <kernel/compiler.h>

/* Arch-neutral boot, called by the arch entry once the console works. */
__noreturn void start_kernel(void);
/* Arch bring-up: CPU tables, memory map, paging, interrupts, timer. */
void setup_arch(void);

/* Arch: once the page allocator runs (page tables come from it from now on). */
void arch_mm_late_init(void);

extern const char mmos_banner[];

#endif
