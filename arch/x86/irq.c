// SPDX-License-Identifier: MIT
/*
 * arch/x86/irq.c - the 8259 PIC pair: remap, mask, dispatch, EOI.
 *
 * Owns: the IRQ handler table and per-line counts, and the per-CPU nesting
 * count behind in_interrupt() (kernel/hardirq.h). The PICs are remapped to
 * vectors 32..47 (the CPU's exceptions own 0..31); every line starts masked
 * and request_irq() unmasks it. Spurious IRQ 7/15 (in-service bit clear) are
 * counted and not acknowledged, as the 8259 requires.
 * Locking: the table is written with interrupts off.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <kernel/hardirq.h>
#include <kernel/irqflags.h>
#include <kernel/printk.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b

static irq_handler_t handlers[NR_IRQS];
static unsigned long counts[NR_IRQS];
static unsigned long spurious;
DEFINE_PER_CPU(unsigned int, hardirq_nesting);
static u16 irq_mask = 0xffff & ~(1 << 2);	/* all masked but the cascade */

static void pic_write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void irq_init(void)
{
	outb(PIC1_CMD, 0x11);		/* ICW1: init, ICW4 follows */
	io_delay();
	outb(PIC2_CMD, 0x11);
	io_delay();
	outb(PIC1_DATA, IRQ_VECTOR_BASE);	/* ICW2: vector offsets */
	io_delay();
	outb(PIC2_DATA, IRQ_VECTOR_BASE + 8);
	io_delay();
	outb(PIC1_DATA, 4);		/* ICW3: slave on IRQ 2 */
	io_delay();
	outb(PIC2_DATA, 2);
	io_delay();
	outb(PIC1_DATA, 1);		/* ICW4: 8086 mode */
	io_delay();
	outb(PIC2_DATA, 1);
	io_delay();
	pic_write_mask();
}

void request_irq(unsigned int irq, irq_handler_t handler)
{
	unsigned long flags;

	if (irq >= NR_IRQS)
		return;
	local_irq_save(flags);
	handlers[irq] = handler;
	irq_mask &= (u16)~(1u << irq);
	pic_write_mask();
	local_irq_restore(flags);
}

void free_irq(unsigned int irq)
{
	unsigned long flags;

	if (irq >= NR_IRQS || irq == 2)
		return;
	local_irq_save(flags);
	irq_mask |= (u16)(1u << irq);
	pic_write_mask();
	handlers[irq] = NULL;
	local_irq_restore(flags);
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? counts[irq] : 0;
}

static bool is_spurious(unsigned int irq)
{
	u16 cmd = irq == 7 ? PIC1_CMD : PIC2_CMD;

	outb(cmd, PIC_READ_ISR);
	if (inb(cmd) & 0x80)
		return false;
	spurious++;
	if (irq == 15)
		outb(PIC1_CMD, PIC_EOI);	/* the master did see the cascade */
	return true;
}

void do_irq(unsigned int irq, struct pt_regs *regs)
{
	(void)regs;
	if ((irq == 7 || irq == 15) && is_spurious(irq))
		return;
	counts[irq]++;
	irq_enter();
	if (handlers[irq])
		handlers[irq](irq);
	irq_exit();
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
