/* SPDX-License-Identifier: MIT */
/*
 * kernel/hardirq.h - are we in an interrupt handler? Linux's in_interrupt().
 *
 * Linux keeps the answer in preempt_count's HARDIRQ/SOFTIRQ/NMI bits.
 * mmos has no preemption and no softirqs, so one per-CPU nesting count of
 * hardware interrupt handlers is all of it: do_irq() (arch/x86/irq.c)
 * brackets each handler with irq_enter()/irq_exit(). CPU exceptions (page
 * faults, traps) do not count, as in Linux. The count is defined in
 * arch/x86/irq.c (the hosted build's shim defines it too, always 0 there
 * unless a test enters a pretend interrupt).
 */
#ifndef KERNEL_HARDIRQ_H
#define KERNEL_HARDIRQ_H

#include <kernel/percpu.h>

DECLARE_PER_CPU(unsigned int, hardirq_nesting);

static inline void irq_enter(void)
{
	this_cpu_write(hardirq_nesting, this_cpu_read(hardirq_nesting) + 1);
}

static inline void irq_exit(void)
{
	this_cpu_write(hardirq_nesting, this_cpu_read(hardirq_nesting) - 1);
}

/* In a hardware interrupt handler (Linux: also softirq and NMI context). */
static inline bool in_interrupt(void)
{
	return this_cpu_read(hardirq_nesting) != 0;
}

#endif
