/* SPDX-License-Identifier: MIT */
/*
 * kernel/percpu.h - per-CPU variables.
 *
 * DEFINE_PER_CPU puts the variable in .data..percpu; that section is CPU 0's
 * copy. Each CPU reaches its copy through __per_cpu_offset[cpu], so code
 * written with this_cpu_ptr() needs no change when more CPUs come up: SMP
 * bring-up allocates a copy of the section per CPU and fills in the offsets.
 * A this_cpu_* access is only stable with interrupts (later: preemption)
 * off; the allocators take it inside their irqsave sections.
 */
#ifndef KERNEL_PERCPU_H
#define KERNEL_PERCPU_H

#include <kernel/compiler.h>

#define NR_CPUS		1

extern unsigned long __per_cpu_offset[NR_CPUS];
extern char __per_cpu_start[], __per_cpu_end[];

#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

static inline unsigned int smp_processor_id(void)
{
	return 0;	/* one CPU until SMP bring-up */
}

#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))
#define this_cpu_ptr(ptr)	per_cpu_ptr((ptr), smp_processor_id())
#define this_cpu_read(var)	(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v)	(*this_cpu_ptr(&(var)) = (v))
#define this_cpu_inc(var)	((*this_cpu_ptr(&(var)))++)

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)

#endif
