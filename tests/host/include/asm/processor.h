/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/processor.h - the CPU facts mm/ and e820.c read.
 */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <kernel/types.h>

struct cpuinfo_x86 {
	char vendor[13];
	u32 family, model, stepping;
	bool has_pae, has_nx, has_pge, has_pse, has_tsc;
	unsigned int phys_bits, virt_bits;
};
extern struct cpuinfo_x86 boot_cpu_data;

static inline void cpu_relax(void) { __builtin_ia32_pause(); }
static inline u64 rdtsc(void) { return __builtin_ia32_rdtsc(); }
static inline void invlpg(unsigned long va) { (void)va; }

#endif
