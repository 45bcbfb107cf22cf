/* SPDX-License-Identifier: MIT */
/*
 * kernel/percpu.h - per-CPU variables.
 *
 * DEFINE_PER_CPU puts the variable in .data..percpu; that section is CPU 0's
 * copy, and each CPU would reach its own through __per_cpu_offset[cpu].
 * A this_cpu_* access is only stable with interrupts (later: preemption)
 * off; the allocators take it inside their irqsave sections.
 *
 * mmos runs on one CPU (NR_CPUS is 1). The accessors are SMP-shaped, but
 * more CPUs would need more than copies of the section and their offsets:
 *  - the per-CPU page lists' sizes are computed for one CPU (mm/watermark.c);
 *  - drain_all_pages() drains this CPU's lists only (Linux queues a drain on
 *    every CPU that has pages);
 *  - zoneinfo prints the pageset of "cpu: 0" only;
 *  - a zero-filled copy is not a valid empty state: an empty page list holds
 *    PFN_NIL (all ones), so a new CPU's lists must be initialised.
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
