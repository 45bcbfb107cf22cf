/* SPDX-License-Identifier: MIT */
/*
 * kernel/irqflags.h - local interrupt control, Linux's names over the arch's.
 */
#ifndef KERNEL_IRQFLAGS_H
#define KERNEL_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define irqs_disabled()		arch_irqs_disabled()

#endif
