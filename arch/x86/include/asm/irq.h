/* SPDX-License-Identifier: MIT */
/*
 * asm/irq.h - hardware interrupts through the two 8259 PICs.
 *
 * IRQ n arrives on vector 32 + n. request_irq() installs the handler and
 * unmasks the line; handlers run with interrupts off and the PIC is sent
 * EOI after the handler returns.
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#define IRQ_VECTOR_BASE	32
#define NR_IRQS		16

typedef void (*irq_handler_t)(unsigned int irq);

void irq_init(void);
void request_irq(unsigned int irq, irq_handler_t handler);
void free_irq(unsigned int irq);
/* Interrupts handled per line since boot. */
unsigned long irq_count(unsigned int irq);

struct pt_regs;
void do_irq(unsigned int irq, struct pt_regs *regs);

#endif
