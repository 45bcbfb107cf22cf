// SPDX-License-Identifier: MIT
/*
 * kernel/drivers/edu.c - the driver of QEMU's educational PCI device.
 *
 * Owns: the one edu device found at boot (vendor 0x1234, device 0x11e8),
 * its BAR 0 mapping, its interrupt handler, the boot option edu.dma_bits,
 * and the operations of kernel/edu.h. The device is QEMU's hw/misc/edu.c
 * (registers in docs/specs/edu.rst); what the driver must never let it see,
 * as QEMU 7.2 behaves:
 *   - a DMA range outside its buffer [0x40000, 0x41000), or one that
 *     reaches its last byte, or an empty one: edu_check_range() calls
 *     hw_error(), which aborts QEMU ("EDU: DMA range ... out of bounds";
 *     the last byte is 7.2's off-by-one, whose check later QEMU rewrote);
 *   - a bus address with bits above its dma_mask property (28 bits unless
 *     -device edu,dma_mask=...): edu_clamp_addr() drops them, prints "EDU:
 *     clamping DMA ..." on QEMU's stdout and the transfer lands somewhere
 *     else (tests/run fails a configuration on either message).
 * The device cannot tell the driver its mask, so the boot option does
 * (default 28, as a module parameter would be); both checks are made here,
 * with a report naming the caller, before a register is written.
 * Completion: the factorial unit clears STATUS_COMPUTING, the DMA engine
 * clears DMA_RUN (about 100 ms of virtual time after the command), and
 * either can raise INTx instead (IRQ status 0x1 / 0x100). INTx is level-
 * triggered: the handler acknowledges the device (IRQ_ACK) before the 8259
 * gets its EOI, or the line would fire again at once. Waits are bounded by
 * the TSC clock, which runs with interrupts off too.
 * Locking: one device, one caller at a time (tests and the shell); the
 * handler only adds to irq_seen.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <kernel/cmdline.h>
#include <kernel/dma-mapping.h>
#include <kernel/edu.h>
#include <kernel/errno.h>
#include <kernel/irqflags.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define EDU_FACT_TIMEOUT_NS	(1000ULL * 1000 * 1000)		/* the device's thread: microseconds */
#define EDU_DMA_TIMEOUT_NS	(2000ULL * 1000 * 1000)		/* 100 ms of virtual time, and slack */

struct edu_device {
	struct pci_dev *pdev;
	void __iomem *mmio;
	unsigned int irq;		/* 0: no usable line, polling only */
	volatile u32 irq_seen;		/* reasons the handler acknowledged, cleared by waiters */
	volatile unsigned long nr_irqs;	/* handler runs that found the device raised */
};

unsigned int edu_dma_bits = 28;
core_param_named_uint(edu_dma_bits, "edu.dma_bits", edu_dma_bits, 20, 64);

static struct edu_device edu_the_device;

/* edu.dma_bits, capped where the driver cannot program more (i386: 32). */
static unsigned int edu_dma_reach_bits(void)
{
#ifndef CONFIG_X86_64
	if (edu_dma_bits > 32)
		return 32;
#endif
	return edu_dma_bits;
}
static bool edu_probed;

struct edu_device *edu_get(void)
{
	return edu_probed ? &edu_the_device : NULL;
}

struct device *edu_dev(struct edu_device *edu)
{
	return &edu->pdev->dev;
}

unsigned int edu_irq(struct edu_device *edu)
{
	return edu->irq;
}

unsigned long edu_irqs_handled(struct edu_device *edu)
{
	return edu->nr_irqs;
}

u32 edu_read_id(struct edu_device *edu)
{
	return readl((char __iomem *)edu->mmio + EDU_REG_ID);
}

u32 edu_liveness(struct edu_device *edu, u32 v)
{
	writel(v, (char __iomem *)edu->mmio + EDU_REG_LIVENESS);
	return readl((char __iomem *)edu->mmio + EDU_REG_LIVENESS);
}

static u32 edu_rd(struct edu_device *edu, unsigned int reg)
{
	return readl((char __iomem *)edu->mmio + reg);
}

static void edu_wr(struct edu_device *edu, unsigned int reg, u32 v)
{
	writel(v, (char __iomem *)edu->mmio + reg);
}

/* The DMA registers take 8-byte accesses; a 4-byte write sets the low half and clears the rest. */
static void edu_wr64(struct edu_device *edu, unsigned int reg, u64 v)
{
#ifdef CONFIG_X86_64
	writeq(v, (char __iomem *)edu->mmio + reg);
#else
	writel((u32)v, (char __iomem *)edu->mmio + reg);	/* callers keep v below 4 GiB */
#endif
}

/* Level-triggered INTx: acknowledge what is raised, then the 8259 gets EOI. */
static void edu_irq_handler(unsigned int irq)
{
	struct edu_device *edu = &edu_the_device;
	u32 status;

	(void)irq;
	status = edu_rd(edu, EDU_REG_IRQ_STATUS);
	if (!status)
		return;		/* the line is shared, and it was not us */
	edu_wr(edu, EDU_REG_IRQ_ACK, status);
	edu->irq_seen |= status;
	edu->nr_irqs++;
}

/* Forget a reason a timed-out wait left behind, before the operation that raises it again. */
static void edu_forget(struct edu_device *edu, u32 reason)
{
	unsigned long flags;

	local_irq_save(flags);
	edu->irq_seen &= ~reason;
	local_irq_restore(flags);
}

/* Bounded wait: for the interrupt reason bit, or for reg's busy bit to clear. */
static int edu_wait(struct edu_device *edu, bool irq, u32 reason, unsigned int reg, u32 busy,
		    u64 timeout_ns, const char *what)
{
	u64 start = local_clock_ns();

	for (;;) {
		if (irq ? (edu->irq_seen & reason) != 0 : !(edu_rd(edu, reg) & busy))
			break;
		if (local_clock_ns() - start > timeout_ns) {
			dev_err(edu_dev(edu), "%s: no completion %s after %llu ms\n", what,
				irq ? "interrupt" : "in the status",
				(unsigned long long)(timeout_ns / 1000000));
			return -ETIMEDOUT;
		}
		cpu_relax();
	}
	if (irq)
		edu_forget(edu, reason);
	barrier();	/* the device wrote RAM: read it only from here on */
	return 0;
}

static bool edu_irq_usable(struct edu_device *edu, const char *what, const void *caller)
{
	if (!edu->irq) {
		dev_warn(edu_dev(edu), "%s by interrupt from %pS: the device has no interrupt line\n",
			 what, caller);
		return false;
	}
	if (irqs_disabled()) {
		dev_warn(edu_dev(edu), "%s by interrupt from %pS with interrupts off\n", what, caller);
		return false;
	}
	return true;
}

int edu_factorial(struct edu_device *edu, u32 n, bool irq, u32 *result)
{
	const void *caller = __builtin_return_address(0);
	int err;

	if (irq && !edu_irq_usable(edu, "factorial", caller))
		return -EINVAL;
	/* a write of n while computing is ignored: let a previous one finish */
	err = edu_wait(edu, false, 0, EDU_REG_STATUS, EDU_STATUS_COMPUTING, EDU_FACT_TIMEOUT_NS,
		       "factorial");
	if (err)
		return err;
	edu_forget(edu, EDU_IRQ_FACT);
	edu_wr(edu, EDU_REG_STATUS, irq ? EDU_STATUS_IRQFACT : 0);
	edu_wr(edu, EDU_REG_FACT, n);
	err = edu_wait(edu, irq, EDU_IRQ_FACT, EDU_REG_STATUS, EDU_STATUS_COMPUTING,
		       EDU_FACT_TIMEOUT_NS, "factorial");
	edu_wr(edu, EDU_REG_STATUS, 0);
	if (!err)
		*result = edu_rd(edu, EDU_REG_FACT);
	return err;
}

/* The checks that keep QEMU from aborting or clamping; 0 or -EINVAL with a report. */
static int edu_dma_check(struct edu_device *edu, const char *dir, dma_addr_t addr, u32 dev_off,
			 u32 len, bool irq, const void *caller)
{
	u64 mask = DMA_BIT_MASK(edu_dma_bits);

#ifndef CONFIG_X86_64
	if (mask > DMA_BIT_MASK(32))
		mask = DMA_BIT_MASK(32);	/* 32-bit MMIO writes: see edu_wr64() */
#endif
	if (!len || dev_off >= EDU_DMA_MAX_LEN || len > EDU_DMA_MAX_LEN - dev_off) {
		dev_warn(edu_dev(edu), "DMA %s from %pS: device range %#x+%#x outside its buffer [0, %#x)\n",
			 dir, caller, dev_off, len, EDU_DMA_MAX_LEN);
		return -EINVAL;
	}
	if (addr > mask || len - 1 > mask - addr) {
		dev_warn(edu_dev(edu), "DMA %s from %pS: bus address %#llx+%#x beyond the device's mask %#llx (edu.dma_bits=%u)\n",
			 dir, caller, (unsigned long long)addr, len, (unsigned long long)mask,
			 edu_dma_bits);
		return -EINVAL;
	}
	if (irq && !edu_irq_usable(edu, "DMA", caller))
		return -EINVAL;
	return 0;
}

static int edu_dma(struct edu_device *edu, u64 src, u64 dst, u32 len, u32 cmd, bool irq)
{
	int err;

	/* the registers ignore writes while a transfer runs */
	err = edu_wait(edu, false, 0, EDU_REG_DMA_CMD, EDU_DMA_RUN, EDU_DMA_TIMEOUT_NS, "DMA");
	if (err)
		return err;
	edu_forget(edu, EDU_IRQ_DMA);
	barrier();	/* the caller's writes to the buffer come before the command */
	edu_wr64(edu, EDU_REG_DMA_SRC, src);
	edu_wr64(edu, EDU_REG_DMA_DST, dst);
	edu_wr64(edu, EDU_REG_DMA_COUNT, len);
	edu_wr64(edu, EDU_REG_DMA_CMD, cmd | EDU_DMA_RUN | (irq ? EDU_DMA_IRQ : 0));
	return edu_wait(edu, irq, EDU_IRQ_DMA, EDU_REG_DMA_CMD, EDU_DMA_RUN, EDU_DMA_TIMEOUT_NS,
			"DMA");
}

int edu_dma_to_device(struct edu_device *edu, dma_addr_t src, u32 dev_off, u32 len, bool irq)
{
	int err = edu_dma_check(edu, "to device", src, dev_off, len, irq,
				__builtin_return_address(0));

	if (err)
		return err;
	return edu_dma(edu, src, EDU_DMA_BUF_OFFSET + dev_off, len, 0, irq);
}

int edu_dma_from_device(struct edu_device *edu, u32 dev_off, dma_addr_t dst, u32 len, bool irq)
{
	int err = edu_dma_check(edu, "from device", dst, dev_off, len, irq,
				__builtin_return_address(0));

	if (err)
		return err;
	return edu_dma(edu, EDU_DMA_BUF_OFFSET + dev_off, dst, len, EDU_DMA_TO_RAM, irq);
}

void edu_init(void)
{
	struct edu_device *edu = &edu_the_device;
	struct pci_dev *pdev = pci_get_device(EDU_VENDOR_ID, EDU_DEVICE_ID, NULL);
	u32 id, live;

	if (!pdev)
		return;		/* no device: nothing to say */
	edu->pdev = pdev;
	pdev->dev.driver = "edu";
	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM)) {
		dev_err(&pdev->dev, "BAR 0 is not a memory BAR\n");
		goto fail;
	}
	pci_enable_device(pdev);
	pci_set_master(pdev);
	edu->mmio = pci_iomap(pdev, 0, 0);
	if (!edu->mmio) {
		dev_err(&pdev->dev, "cannot map BAR 0\n");
		goto fail;
	}
	/*
	 * The reach the driver declares for both its streaming and its
	 * coherent buffers (Linux drivers' dma_set_mask_and_coherent()): the
	 * DMA API then picks zones and bounces by it. On i386 the engine's
	 * 64-bit registers are written in 32-bit halves and the upper one
	 * cannot be set (edu_wr64()): 32 bits at most there.
	 */
	if (dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(edu_dma_reach_bits()))) {
		dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
		goto unmap;
	}
	id = edu_read_id(edu);
	if ((id & 0xffff) != 0x00ed) {
		dev_err(&pdev->dev, "identification %#010x is not edu's (0xRRrr00ed)\n", id);
		goto unmap;
	}
	live = edu_liveness(edu, 0x5a5aa5a5);
	if (live != ~0x5a5aa5a5u) {
		dev_err(&pdev->dev, "liveness: wrote 0x5a5aa5a5, read back %#010x\n", live);
		goto unmap;
	}
	/* acknowledge anything left raised before the line is unmasked */
	edu_wr(edu, EDU_REG_IRQ_ACK, edu_rd(edu, EDU_REG_IRQ_STATUS));
	if (pdev->pin && pdev->irq > 0 && pdev->irq < NR_IRQS && pdev->irq != 2) {
		edu->irq = pdev->irq;
		request_irq(edu->irq, edu_irq_handler);
	} else {
		dev_warn(&pdev->dev, "no usable interrupt line (pin %u, line %u): polling only\n",
			 pdev->pin, pdev->irq);
	}
	edu_probed = true;
	dev_info(&pdev->dev, "version %u.%u, irq %u, DMA reach %u bits (edu.dma_bits)\n", id >> 24,
		 (id >> 16) & 0xff, edu->irq, edu_dma_bits);
	return;
unmap:
	pci_iounmap(pdev, edu->mmio);
	edu->mmio = NULL;
fail:
	pci_clear_master(pdev);
	pdev->dev.driver = "pci";
}
