/* SPDX-License-Identifier: MIT */
/*
 * kernel/hardirq.h - are we in an interrupt handler?
 *
 * Linux keeps this in preempt_count; mmos, which has no preemption, keeps
 * only the hardirq nesting depth per CPU. irq_enter()/irq_exit() bracket
 * every interrupt handler (arch/x86/irq.c); in_interrupt() is true between
 * them. Code that must not run in an interrupt (vmalloc) asks it, and
 * vfree() defers its work when it is true.
 */
#ifndef KERNEL_HARDIRQ_H
#define KERNEL_HARDIRQ_H

#include <kernel/percpu.h>

DECLARE_PER_CPU(unsigned int, hardirq_count);

static inline void irq_enter(void)
{
	this_cpu_inc(hardirq_count);
}

static inline void irq_exit(void)
{
	this_cpu_write(hardirq_count, this_cpu_read(hardirq_count) - 1);
}

static inline bool in_interrupt(void)
{
	return this_cpu_read(hardirq_count) != 0;
}

#endif
