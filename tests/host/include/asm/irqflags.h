/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/irqflags.h - the interrupt flag as a variable: there are no
 * interrupts on the host, but save/restore nesting is kept and checkable.
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#define X86_EFLAGS_IF	(1UL << 9)

extern unsigned long host_eflags;

static inline unsigned long arch_local_save_flags(void) { return host_eflags; }
static inline void arch_local_irq_disable(void) { host_eflags &= ~X86_EFLAGS_IF; }
static inline void arch_local_irq_enable(void) { host_eflags |= X86_EFLAGS_IF; }

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_eflags;

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled(void) { return !(host_eflags & X86_EFLAGS_IF); }

#endif
