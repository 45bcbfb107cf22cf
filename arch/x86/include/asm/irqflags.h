/* SPDX-License-Identifier: MIT */
/*
 * asm/irqflags.h - the interrupt flag: save, disable, restore.
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#define X86_EFLAGS_IF	(1UL << 9)

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushf; pop %0" : "=rm"(flags) :: "memory");
	return flags;
}

static inline void arch_local_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }
static inline void arch_local_irq_enable(void) { __asm__ __volatile__("sti" ::: "memory"); }

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

#endif
