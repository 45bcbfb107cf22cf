// SPDX-License-Identifier: MIT
/*
 * tests/kernel/edu_test.c - the edu driver against QEMU's device, for real.
 *
 * Expected values come from QEMU's hw/misc/edu.c (7.2) and
 * docs/specs/edu.rst, not from the driver: the identification register is
 * 0x010000ed (version 1.0), liveness reads back the bitwise inverse, the
 * factorial unit computes n! in 32-bit arithmetic (written again here in
 * 64 bits and truncated), the DMA engine copies between a bus address and
 * its 4 KiB buffer, and raises IRQ status 0x1 / 0x100 when asked. Buffers
 * are GFP_DMA pages, whose bus address is their physical address on x86.
 * Every case skips on a machine without the device; each DMA takes about
 * 100 ms of virtual time, so the transfers are few.
 */
#include <asm/irq.h>
#include <kernel/cmdline.h>
#include <kernel/edu.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/gfp.h>
#include <mm/mm.h>

static struct edu_device *edu_or_skip(struct ktest *t)
{
	struct edu_device *edu = edu_get();

	if (!edu)
		ktest_skip(t, "no edu device on this machine (QEMU -device edu)");
	return edu;
}

/* A GFP_DMA page the device reaches (edu.dma_bits may be below 24), or skip. */
static struct page *dma_page_or_skip(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL | GFP_DMA);

	ASSERT_NOT_NULL(t, page);
	if (page_to_phys(page) + PAGE_SIZE - 1 > DMA_BIT_MASK(edu_dma_bits)) {
		__free_page(page);
		ktest_skip(t, "no GFP_DMA page below the device's %u-bit reach", edu_dma_bits);
	}
	return page;
}

static void fill(u8 *p, size_t n, u32 seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		p[i] = (u8)(seed >> 16);
	}
}

static void test_edu_identification(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	u32 id = edu_read_id(edu);

	/* hw/misc/edu.c: "case 0x00: val = 0x010000edu" (RR=01, rr=00) */
	EXPECT_EQ(t, id, 0x010000ed);
	EXPECT_EQ(t, to_pci_dev(edu_dev(edu))->vendor, 0x1234);
	EXPECT_EQ(t, to_pci_dev(edu_dev(edu))->device, 0x11e8);
	EXPECT_STREQ(t, edu_dev(edu)->driver, "edu");
}

static void test_edu_liveness(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	static const u32 values[] = { 0, 0xffffffff, 0x12345678, 0x80000001 };

	for (unsigned int i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		EXPECT_EQ(t, edu_liveness(edu, values[i]), (u32)~values[i]);
}

/* n! as edu_fact_thread() computes it: uint32_t, wrapping; here in 64 bits. */
static u32 factorial32(u32 n)
{
	u64 r = 1;

	for (u64 k = 2; k <= n; k++)
		r = (r * k) & 0xffffffffULL;
	return (u32)r;
}

static void check_factorials(struct ktest *t, struct edu_device *edu, bool irq)
{
	/* 13! = 6227020800 wraps: the device's 32-bit arithmetic shows */
	static const u32 ns[] = { 0, 1, 5, 12, 13 };

	for (unsigned int i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		u32 r = 0;

		EXPECT_EQ(t, edu_factorial(edu, ns[i], irq, &r), 0);
		EXPECT_EQ(t, r, factorial32(ns[i]));
	}
}

static void test_edu_factorial_poll(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	unsigned long handled = edu_irqs_handled(edu);

	check_factorials(t, edu, false);
	EXPECT_EQ(t, edu_irqs_handled(edu), handled);	/* polling raised nothing */
}

static void test_edu_factorial_irq(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	unsigned long count, handled;

	if (!edu_irq(edu))
		ktest_skip(t, "the device has no interrupt line");
	count = irq_count(edu_irq(edu));
	handled = edu_irqs_handled(edu);
	check_factorials(t, edu, true);
	EXPECT_GE(t, irq_count(edu_irq(edu)) - count, 5);
	EXPECT_EQ(t, edu_irqs_handled(edu) - handled, 5);
}

/*
 * RAM -> device -> RAM: a pattern sent from one page comes back into
 * another, whole or in part (offsets inside the device's buffer too).
 */
static void dma_round_trip(struct ktest *t, bool irq)
{
	struct edu_device *edu = edu_or_skip(t);
	struct page *src = dma_page_or_skip(t), *dst;
	u8 *s, *d;

	dst = alloc_page(GFP_KERNEL | GFP_DMA);
	if (!dst) {
		__free_page(src);
		ASSERT_NOT_NULL(t, dst);
	}
	s = page_address(src);
	d = page_address(dst);
	fill(s, PAGE_SIZE, irq ? 17 : 4);
	memset(d, 0, PAGE_SIZE);
	/* all QEMU 7.2 lets through: 4095 bytes there and back (edu.h) */
	EXPECT_EQ(t, edu_dma_to_device(edu, page_to_phys(src), 0, 4095, irq), 0);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, page_to_phys(dst), 4095, irq), 0);
	EXPECT_EQ(t, memcmp(s, d, 4095), 0);
	EXPECT_EQ(t, d[4095], 0);	/* the page's last byte was not sent for */
	/* a piece: device offset 0x300, 0x123 bytes, into the page at 0x10 */
	memset(d, 0xcc, PAGE_SIZE);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0x300, page_to_phys(dst) + 0x10, 0x123, irq), 0);
	EXPECT_EQ(t, memcmp(d + 0x10, s + 0x300, 0x123), 0);
	EXPECT_EQ(t, d[0x0f], 0xcc);		/* nothing written around it */
	EXPECT_EQ(t, d[0x10 + 0x123], 0xcc);
	__free_page(dst);
	__free_page(src);
}

static void test_edu_dma_poll(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	unsigned long handled = edu_irqs_handled(edu);

	dma_round_trip(t, false);
	EXPECT_EQ(t, edu_irqs_handled(edu), handled);
}

static void test_edu_dma_irq(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	unsigned long count, handled;

	if (!edu_irq(edu))
		ktest_skip(t, "the device has no interrupt line");
	count = irq_count(edu_irq(edu));
	handled = edu_irqs_handled(edu);
	dma_round_trip(t, true);
	EXPECT_GE(t, irq_count(edu_irq(edu)) - count, 3);
	EXPECT_EQ(t, edu_irqs_handled(edu) - handled, 3);
}

/*
 * Ranges QEMU 7.2's edu_check_range() rejects with hw_error(), aborting:
 * outside [0x40000, 0x41000), empty, or ending on the last byte (its
 * within(end1, start, end2) wants end1 < 0x41000).
 */
static void test_edu_dma_refuses_outside_buffer(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	struct page *page = dma_page_or_skip(t);
	dma_addr_t bus = page_to_phys(page);

	EXPECT_EQ(t, edu_dma_to_device(edu, bus, 4096, 1, false), -EINVAL);
	EXPECT_EQ(t, edu_dma_to_device(edu, bus, 4000, 97, false), -EINVAL);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, bus, 4096, false), -EINVAL);
	EXPECT_EQ(t, edu_dma_from_device(edu, 4095, bus, 1, false), -EINVAL);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0xffffffff, bus, 2, false), -EINVAL);	/* wraps */
	EXPECT_EQ(t, edu_dma_to_device(edu, bus, 0, 0, false), -EINVAL);
	/* the last range QEMU accepts: offset 4094, one byte */
	EXPECT_EQ(t, edu_dma_to_device(edu, bus, 4094, 1, false), 0);
	__free_page(page);
}

/* Bus addresses past DMA_BIT_MASK(edu.dma_bits): QEMU would clamp them. */
static void test_edu_dma_refuses_above_mask(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	u64 mask = DMA_BIT_MASK(edu_dma_bits);
	struct page *page;
	dma_addr_t bus;

	/* a range that starts inside the reach and ends past it */
	EXPECT_EQ(t, edu_dma_to_device(edu, mask - 0x3ff, 0, 0x800, false), -EINVAL);
	page = alloc_page(GFP_HIGHUSER);	/* the highest zone: past 2^N if RAM goes there */
	ASSERT_NOT_NULL(t, page);
	bus = page_to_phys(page);
	if (bus <= mask) {
		__free_page(page);
		ktest_skip(t, "no RAM page above the device's %u-bit reach (got %#llx)", edu_dma_bits,
			   (unsigned long long)bus);
	}
	EXPECT_EQ(t, edu_dma_to_device(edu, bus, 0, 64, false), -EINVAL);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, bus, 64, true), -EINVAL);
	__free_page(page);
}

/*
 * Bus mastering is what lets the device reach RAM: with PCI_COMMAND_MASTER
 * clear, QEMU's pci_dma_rw() goes to a disabled address space and the
 * transfer completes without touching the page (PCI spec: a device may not
 * initiate transactions without it).
 */
static void test_edu_dma_needs_bus_master(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	struct pci_dev *pdev = to_pci_dev(edu_dev(edu));
	struct page *src = dma_page_or_skip(t), *dst;
	u8 *s, *d;

	dst = alloc_page(GFP_KERNEL | GFP_DMA);
	if (!dst) {
		__free_page(src);
		ASSERT_NOT_NULL(t, dst);
	}
	s = page_address(src);
	d = page_address(dst);
	memset(s, 0x3c, 256);
	memset(d, 0xa5, 256);
	EXPECT_EQ(t, edu_dma_to_device(edu, page_to_phys(src), 0, 256, false), 0);
	pci_clear_master(pdev);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, page_to_phys(dst), 256, false), 0);
	pci_set_master(pdev);
	EXPECT_EQ(t, d[0], 0xa5);
	EXPECT_EQ(t, d[255], 0xa5);
	__free_page(dst);
	__free_page(src);
}

/*
 * An interrupt that never comes: with PCI_COMMAND_INTX_DISABLE set the
 * device may not assert INTx (PCI 2.3; QEMU's pci_irq_disabled()), so the
 * transfer finishes but the wait for its interrupt gives up after about
 * 2 s, reports it and returns -ETIMEDOUT. Once INTx is allowed again the
 * raised status arrives late; the next transfer is not fooled by it.
 */
static void test_edu_dma_irq_timeout(struct ktest *t)
{
	struct edu_device *edu = edu_or_skip(t);
	struct pci_dev *pdev = to_pci_dev(edu_dev(edu));
	struct page *page;
	unsigned long handled;
	u64 mark;
	u16 cmd;

	if (!edu_irq(edu))
		ktest_skip(t, "the device has no interrupt line");
	page = dma_page_or_skip(t);
	mark = printk_log_mark();
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	pci_write_config_word(pdev, PCI_COMMAND, cmd | PCI_COMMAND_INTX_DISABLE);
	handled = edu_irqs_handled(edu);
	EXPECT_EQ(t, edu_dma_to_device(edu, page_to_phys(page), 0, 64, true), -ETIMEDOUT);
	EXPECT_EQ(t, edu_irqs_handled(edu), handled);
	EXPECT_TRUE(t, printk_logged_since(mark, "DMA: no completion interrupt after 2000 ms"));
	pci_write_config_word(pdev, PCI_COMMAND, cmd);
	mdelay(10);
	EXPECT_EQ(t, edu_irqs_handled(edu), handled + 1);	/* the late one */
	EXPECT_EQ(t, edu_dma_to_device(edu, page_to_phys(page), 0, 64, true), 0);
	EXPECT_EQ(t, edu_irqs_handled(edu), handled + 2);
	__free_page(page);
}

/* edu.dma_bits= goes through the parameter table: 20..64, others refused. */
static void test_edu_dma_bits_param(struct ktest *t)
{
	unsigned int saved = edu_dma_bits;
	char a[] = "edu.dma_bits=24", b[] = "edu.dma-bits=19", c[] = "edu.dma_bits=65";

	EXPECT_EQ(t, parse_core_params("test", a, NULL, NULL), 0);
	EXPECT_EQ(t, edu_dma_bits, 24);
	EXPECT_EQ(t, parse_core_params("test", b, NULL, NULL), 1);
	EXPECT_EQ(t, edu_dma_bits, 24);
	EXPECT_EQ(t, parse_core_params("test", c, NULL, NULL), 1);
	EXPECT_EQ(t, edu_dma_bits, 24);
	edu_dma_bits = saved;
}

static struct ktest_case edu_cases[] = {
	KTEST_CASE(test_edu_identification),
	KTEST_CASE(test_edu_liveness),
	KTEST_CASE(test_edu_factorial_poll),
	KTEST_CASE(test_edu_factorial_irq),
	KTEST_CASE(test_edu_dma_poll),
	KTEST_CASE(test_edu_dma_irq),
	KTEST_CASE(test_edu_dma_refuses_outside_buffer),
	KTEST_CASE(test_edu_dma_refuses_above_mask),
	KTEST_CASE(test_edu_dma_needs_bus_master),
	KTEST_CASE(test_edu_dma_irq_timeout),
	KTEST_CASE(test_edu_dma_bits_param),
	{}
};
static struct ktest_suite edu_suite = { .name = "edu", .cases = edu_cases };
KTEST_SUITE(edu_suite);
