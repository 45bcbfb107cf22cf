/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h - control registers, MSRs, CPUID and CPU feature bits.
 */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <kernel/types.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)
#define MSR_EFER	0xc0000080
#define EFER_NXE	(1ULL << 11)

#define DEFINE_CR(n) \
	static inline unsigned long read_cr##n(void) \
	{ unsigned long v; __asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
	static inline void write_cr##n(unsigned long v) \
	{ __asm__ __volatile__("mov %0, %%cr" #n :: "r"(v) : "memory"); }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" :: "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void invlpg(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" :: "r"(va) : "memory");
}

static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }
static inline void halt(void) { __asm__ __volatile__("hlt" ::: "memory"); }

/* What boot found out about the CPU (arch/x86/cpu.c). */
struct cpuinfo_x86 {
	char vendor[13];
	u32 family, model, stepping;
	bool has_pae, has_nx, has_pge, has_pse, has_tsc, has_gbpages;
	unsigned int phys_bits, virt_bits;
};
extern struct cpuinfo_x86 boot_cpu_data;

void cpu_init(void);

#endif
