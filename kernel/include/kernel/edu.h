/* SPDX-License-Identifier: MIT */
/*
 * kernel/edu.h - the driver of QEMU's educational PCI device (-device edu).
 *
 * Owns the driver's interface: the device found at boot (or NULL), its
 * registers' offsets as QEMU's docs/specs/edu.rst gives them, and the
 * operations the device offers: identification, the liveness check, the
 * factorial unit and the DMA engine, each completed by polling or by the
 * device's interrupt. The DMA engine moves bytes between a bus address and
 * the device's 4 KiB buffer; it takes bus addresses only (dma_addr_t), never
 * allocates or maps memory: that is the DMA API's business (kernel/dma/).
 */
#ifndef KERNEL_EDU_H
#define KERNEL_EDU_H

#include <kernel/device.h>
#include <kernel/types.h>

#define EDU_VENDOR_ID		0x1234
#define EDU_DEVICE_ID		0x11e8

/* BAR 0 registers (edu.rst) */
#define EDU_REG_ID		0x00	/* RO: 0xRRrr00ed, RR major, rr minor */
#define EDU_REG_LIVENESS	0x04	/* RW: reads back the inverse of what was written */
#define EDU_REG_FACT		0x08	/* RW: write n, read n! once computing clears */
#define EDU_REG_STATUS		0x20
#define  EDU_STATUS_COMPUTING	0x01	/* RO: factorial in progress */
#define  EDU_STATUS_IRQFACT	0x80	/* RW: raise FACT_IRQ when done */
#define EDU_REG_IRQ_STATUS	0x24	/* RO: raised interrupt reasons */
#define  EDU_IRQ_FACT		0x00000001
#define  EDU_IRQ_DMA		0x00000100
#define EDU_REG_IRQ_RAISE	0x60	/* WO: raise these reasons */
#define EDU_REG_IRQ_ACK		0x64	/* WO: clear these reasons (INTx drops at 0) */
#define EDU_REG_DMA_SRC		0x80	/* 64-bit registers */
#define EDU_REG_DMA_DST		0x88
#define EDU_REG_DMA_COUNT	0x90
#define EDU_REG_DMA_CMD		0x98
#define  EDU_DMA_RUN		0x1
#define  EDU_DMA_TO_RAM		0x2	/* direction: 0 = RAM -> device, 1 = device -> RAM */
#define  EDU_DMA_IRQ		0x4	/* raise EDU_IRQ_DMA when done */

#define EDU_DMA_BUF_OFFSET	0x40000	/* the device's buffer, in its DMA address space */
#define EDU_DMA_BUF_SIZE	4096
/*
 * The most one transfer may move, and where it may end: QEMU 7.2's
 * edu_check_range() wants the end of the range strictly inside the buffer
 * (within(end1, start, end2): end1 < end2), so the buffer's last byte is
 * out of reach and a range reaching it aborts QEMU. dev_off + len must be
 * at most EDU_DMA_MAX_LEN.
 */
#define EDU_DMA_MAX_LEN		(EDU_DMA_BUF_SIZE - 1)

struct edu_device;

/* Boot option edu.dma_bits=N (20..64, default 28): the reach the device has. */
extern unsigned int edu_dma_bits;

/* The probed device, or NULL when the machine has none (or the probe failed). */
struct edu_device *edu_get(void);
struct device *edu_dev(struct edu_device *edu);
/* The 8259 line the device interrupts on, 0 when it has none usable. */
unsigned int edu_irq(struct edu_device *edu);
/* Interrupts the handler found raised by this device since boot. */
unsigned long edu_irqs_handled(struct edu_device *edu);

u32 edu_read_id(struct edu_device *edu);
/* Write v to the liveness register and return what it reads back (~v on a live device). */
u32 edu_liveness(struct edu_device *edu, u32 v);
/*
 * n! as the device computes it (32-bit, wrapping), completed by polling the
 * status register or by the interrupt. 0, -ETIMEDOUT, or -EINVAL (irq asked
 * without a usable line, or with interrupts off).
 */
int edu_factorial(struct edu_device *edu, u32 n, bool irq, u32 *result);

/*
 * Copy len bytes between bus address src/dst and offset dev_off of the
 * device's buffer; wait for the engine by polling or by its interrupt.
 * 0 when done; -ETIMEDOUT (dev_err) if the device never finished; -EINVAL
 * (dev_warn naming the caller and the values, nothing started) for len 0,
 * a range past EDU_DMA_MAX_LEN in the buffer, a bus range beyond
 * DMA_BIT_MASK(edu_dma_bits) (or, on i386, beyond 4 GiB: its 32-bit MMIO
 * writes cannot set a register's upper half), or irq without a usable line.
 */
int edu_dma_to_device(struct edu_device *edu, dma_addr_t src, u32 dev_off, u32 len, bool irq);
int edu_dma_from_device(struct edu_device *edu, u32 dev_off, dma_addr_t dst, u32 len, bool irq);

/* Find and set up the device; at boot, after pci_subsys_init(). */
void edu_init(void);

#endif
