// SPDX-License-Identifier: MIT
/*
 * tests/kernel/pci_test.c - the PCI bus, BAR sizing, ioremap and iounmap.
 *
 * The expected devices are QEMU's pc machine (i440FX), from QEMU's sources,
 * not from what enumeration found: the host bridge at 00:00.0 is 8086:1237
 * class 0x060000 (hw/pci-host/i440fx.c: PCI_DEVICE_ID_INTEL_82441,
 * PCI_CLASS_BRIDGE_HOST); PIIX3 at slot 1 is multi-function, its ISA bridge
 * 00:01.0 8086:7000 class 0x0601 (hw/isa/piix3.c), its IDE 00:01.1 8086:7010
 * (hw/ide/piix.c) and its power management 00:01.3 8086:7113 (hw/acpi/
 * piix4.c). BAR sizes: edu's BAR 0 is 1 MiB of memory (hw/misc/edu.c,
 * "edu-mmio", 1 * MiB), std-vga's BAR 0 16 MiB prefetchable (hw/display/
 * vga-pci.c, vgamem_mb default 16), e1000's BAR 0 128 KiB and BAR 1 64
 * ports (hw/net/e1000.c: PNPMMIO_SIZE, IOPORT_SIZE). Cases about a device
 * the machine lacks skip. ioremap() is checked through the page tables and
 * vmallocinfo, iounmap()'s refusals through the WARN and the mapping that
 * stays.
 */
#include <asm/io.h>
#include <asm/pgtable.h>
#include <kernel/bug.h>
#include <kernel/edu.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/vmalloc.h>

static struct pci_dev *dev_or_skip(struct ktest *t, unsigned int vendor, unsigned int device)
{
	struct pci_dev *d = pci_get_device(vendor, device, NULL);

	if (!d)
		ktest_skip(t, "no %04x:%04x device on this machine", vendor, device);
	return d;
}

static void test_pci_host_bridge(struct ktest *t)
{
	struct pci_dev *d = pci_get_slot_nr(0, PCI_DEVFN(0, 0));

	ASSERT_NOT_NULL(t, d);
	EXPECT_EQ(t, d->vendor, 0x8086);
	EXPECT_EQ(t, d->device, 0x1237);
	EXPECT_EQ(t, d->class, 0x060000);
	EXPECT_EQ(t, d->hdr_type, PCI_HEADER_TYPE_NORMAL);
	EXPECT_STREQ(t, pci_name(d), "0000:00:00.0");
}

/* PIIX3's functions 0, 1 and 3: the multi-function bit is followed. */
static void test_pci_isa_bridge_functions(struct ktest *t)
{
	struct pci_dev *isa = pci_get_slot_nr(0, PCI_DEVFN(1, 0));
	struct pci_dev *ide = pci_get_slot_nr(0, PCI_DEVFN(1, 1));
	struct pci_dev *pm = pci_get_slot_nr(0, PCI_DEVFN(1, 3));
	u8 hdr;

	ASSERT_NOT_NULL(t, isa);
	EXPECT_EQ(t, isa->vendor, 0x8086);
	EXPECT_EQ(t, isa->device, 0x7000);
	EXPECT_EQ(t, isa->class >> 8, PCI_CLASS_BRIDGE_ISA);
	EXPECT_EQ(t, pci_read_config_byte(isa, PCI_HEADER_TYPE, &hdr), 0);
	EXPECT_TRUE(t, hdr & PCI_HEADER_TYPE_MFD);
	ASSERT_NOT_NULL(t, ide);
	EXPECT_EQ(t, ide->device, 0x7010);
	ASSERT_NOT_NULL(t, pm);
	EXPECT_EQ(t, pm->device, 0x7113);
	EXPECT_NULL(t, pci_get_slot_nr(0, PCI_DEVFN(1, 2)));	/* PIIX3 has no function 2 here */
}

static void test_pci_config_accessors(struct ktest *t)
{
	struct pci_dev *d = pci_get_slot_nr(0, PCI_DEVFN(0, 0));
	u32 dw;
	u16 w;
	u8 b, saved;

	ASSERT_NOT_NULL(t, d);
	EXPECT_EQ(t, pci_read_config_dword(d, PCI_VENDOR_ID, &dw), 0);
	EXPECT_EQ(t, dw, 0x12378086);
	EXPECT_EQ(t, pci_read_config_word(d, PCI_DEVICE_ID, &w), 0);
	EXPECT_EQ(t, w, 0x1237);
	EXPECT_EQ(t, pci_read_config_byte(d, 1, &b), 0);
	EXPECT_EQ(t, b, 0x80);
	EXPECT_EQ(t, pci_read_config_byte(d, 3, &b), 0);
	EXPECT_EQ(t, b, 0x12);
	/* refused: misaligned, past the 256-byte header, negative; the value reads all ones */
	EXPECT_EQ(t, pci_read_config_word(d, 1, &w), -EINVAL);
	EXPECT_EQ(t, w, 0xffff);
	EXPECT_EQ(t, pci_read_config_dword(d, 256, &dw), -EINVAL);
	EXPECT_EQ(t, dw, 0xffffffff);
	EXPECT_EQ(t, pci_read_config_byte(d, -1, &b), -EINVAL);
	EXPECT_EQ(t, pci_write_config_dword(d, 2, 0), -EINVAL);
	/* Interrupt Line is writable on every QEMU device (hw/pci/pci.c, pci_init_wmask) */
	ASSERT_EQ(t, pci_read_config_byte(d, PCI_INTERRUPT_LINE, &saved), 0);
	EXPECT_EQ(t, pci_write_config_byte(d, PCI_INTERRUPT_LINE, 0x5a), 0);
	EXPECT_EQ(t, pci_read_config_byte(d, PCI_INTERRUPT_LINE, &b), 0);
	EXPECT_EQ(t, b, 0x5a);
	pci_write_config_byte(d, PCI_INTERRUPT_LINE, saved);
	EXPECT_EQ(t, pci_read_config_byte(d, PCI_INTERRUPT_LINE, &b), 0);
	EXPECT_EQ(t, b, saved);
}

static void test_pci_get_device(struct ktest *t)
{
	struct pci_dev *d = NULL, *hb;
	unsigned int n = 0;

	while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)))
		n++;
	EXPECT_EQ(t, n, pci_dev_count());
	EXPECT_GE(t, n, 4);	/* host bridge and PIIX3's three functions at least */
	hb = pci_get_device(0x8086, 0x1237, NULL);
	EXPECT_PTR_EQ(t, hb, pci_get_slot_nr(0, 0));
	EXPECT_NULL(t, pci_get_device(0x8086, 0x1237, hb));
	EXPECT_NULL(t, pci_get_device(0xabcd, PCI_ANY_ID, NULL));
}

/*
 * Behind a PCI-to-PCI bridge: its secondary bus was scanned. QEMU's
 * pci-bridge (hw/pci-bridge/pci_bridge_dev.c) is 1b36:0001, class 0x0604,
 * its BAR 0 a 64-bit memory BAR (PCI_BASE_ADDRESS_MEM_TYPE_64); the
 * configuration that has one puts an edu behind it.
 */
static void test_pci_bridge_walked(struct ktest *t)
{
	struct pci_dev *br = dev_or_skip(t, 0x1b36, 0x0001), *d;
	unsigned int behind = 0;
	u8 sec;

	EXPECT_EQ(t, br->class >> 8, PCI_CLASS_BRIDGE_PCI);
	EXPECT_EQ(t, br->hdr_type, PCI_HEADER_TYPE_BRIDGE);
	EXPECT_EQ(t, pci_resource_flags(br, 0), IORESOURCE_MEM | IORESOURCE_MEM_64);
	EXPECT_GT(t, pci_resource_len(br, 0), 0);
	ASSERT_EQ(t, pci_read_config_byte(br, PCI_SECONDARY_BUS, &sec), 0);
	EXPECT_GT(t, sec, br->bus);
	for (d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL); d;
	     d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d))
		if (d->bus == sec)
			behind++;
	EXPECT_GE(t, behind, 1);
	d = pci_get_device(0x1234, 0x11e8, NULL);
	if (d)
		EXPECT_EQ(t, d->bus, sec);
}

/* Size BAR bar by hand, as the PCI spec says: decoding off, all ones, read, restore. */
static u32 bar_size_mask(struct pci_dev *d, int bar)
{
	int pos = PCI_BASE_ADDRESS_0 + 4 * bar;
	u32 old, sz;
	u16 cmd;

	pci_read_config_word(d, PCI_COMMAND, &cmd);
	pci_write_config_word(d, PCI_COMMAND, cmd & (u16)~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	pci_read_config_dword(d, pos, &old);
	pci_write_config_dword(d, pos, 0xffffffff);
	pci_read_config_dword(d, pos, &sz);
	pci_write_config_dword(d, pos, old);
	pci_write_config_word(d, PCI_COMMAND, cmd);
	return sz;
}

static void test_pci_edu_bar(struct ktest *t)
{
	struct pci_dev *d = dev_or_skip(t, 0x1234, 0x11e8);
	u32 bar;

	EXPECT_EQ(t, pci_resource_len(d, 0), 1 << 20);
	EXPECT_EQ(t, pci_resource_flags(d, 0), IORESOURCE_MEM);	/* 32-bit, not prefetchable */
	EXPECT_EQ(t, pci_resource_start(d, 0) & ((1 << 20) - 1), 0);	/* naturally aligned */
	for (int i = 1; i < PCI_STD_NUM_BARS; i++)
		EXPECT_EQ(t, pci_resource_len(d, i), 0);
	/* the sizing put the address back */
	EXPECT_EQ(t, pci_read_config_dword(d, PCI_BASE_ADDRESS_0, &bar), 0);
	EXPECT_EQ(t, bar & PCI_BASE_ADDRESS_MEM_MASK, pci_resource_start(d, 0));
	EXPECT_EQ(t, bar_size_mask(d, 0) & PCI_BASE_ADDRESS_MEM_MASK, 0xfff00000);
	EXPECT_EQ(t, d->pin, 1);	/* hw/misc/edu.c: pci_config_set_interrupt_pin(.., 1) */
}

static void test_pci_vga_and_nic_bars(struct ktest *t)
{
	struct pci_dev *vga = pci_get_device(0x1234, 0x1111, NULL);
	struct pci_dev *nic = pci_get_device(0x8086, 0x100e, NULL);

	if (!vga && !nic)
		ktest_skip(t, "neither std-vga nor e1000 on this machine");
	if (vga) {
		EXPECT_EQ(t, pci_resource_len(vga, 0), 16 << 20);
		EXPECT_EQ(t, pci_resource_flags(vga, 0), IORESOURCE_MEM | IORESOURCE_PREFETCH);
	}
	if (nic) {
		EXPECT_EQ(t, pci_resource_len(nic, 0), 128 << 10);
		EXPECT_EQ(t, pci_resource_flags(nic, 0), IORESOURCE_MEM);
		EXPECT_EQ(t, pci_resource_len(nic, 1), 64);
		EXPECT_EQ(t, pci_resource_flags(nic, 1), IORESOURCE_IO);
	}
}

/* Command register: bus mastering and memory decoding, seen through the device. */
static void test_pci_enable_and_master(struct ktest *t)
{
	struct edu_device *edu = edu_get();
	struct pci_dev *d;
	u16 cmd;

	if (!edu)
		ktest_skip(t, "no edu device on this machine (QEMU -device edu)");
	d = to_pci_dev(edu_dev(edu));
	pci_clear_master(d);
	pci_read_config_word(d, PCI_COMMAND, &cmd);
	EXPECT_FALSE(t, cmd & PCI_COMMAND_MASTER);
	EXPECT_FALSE(t, d->is_busmaster);
	pci_set_master(d);
	pci_read_config_word(d, PCI_COMMAND, &cmd);
	EXPECT_TRUE(t, cmd & PCI_COMMAND_MASTER);
	EXPECT_TRUE(t, d->is_busmaster);
	/* memory decoding off: the BAR no longer answers, and reads float high */
	pci_write_config_word(d, PCI_COMMAND, cmd & (u16)~PCI_COMMAND_MEMORY);
	EXPECT_NE(t, edu_read_id(edu), 0x010000ed);
	EXPECT_EQ(t, pci_enable_device(d), 0);
	pci_read_config_word(d, PCI_COMMAND, &cmd);
	EXPECT_TRUE(t, cmd & PCI_COMMAND_MEMORY);
	EXPECT_EQ(t, edu_read_id(edu), 0x010000ed);
}

/* A memory BAR to map: edu's, else any the machine has. */
static struct pci_dev *mmio_dev_or_skip(struct ktest *t, int *bar)
{
	struct pci_dev *d = pci_get_device(0x1234, 0x11e8, NULL);

	*bar = 0;
	if (d)
		return d;
	for (d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, NULL); d;
	     d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d))
		for (*bar = 0; *bar < PCI_STD_NUM_BARS; (*bar)++)
			if ((pci_resource_flags(d, *bar) & IORESOURCE_MEM) &&
			    pci_resource_len(d, *bar) >= 2 * PAGE_SIZE)
				return d;
	ktest_skip(t, "no memory BAR of two pages on this machine");
}

static void test_ioremap_round_trip(struct ktest *t)
{
	int bar;
	struct pci_dev *d = mmio_dev_or_skip(t, &bar);
	phys_addr_t start = pci_resource_start(d, bar), pa;
	unsigned long areas = vmalloc_nr_areas(), ioareas = ioremap_nr_areas(), size;
	struct vm_struct *vm;
	pteval_t flags;
	char want[48];
	u64 mark;
	void __iomem *p;
	unsigned long page;

	/* 16 bytes across a page boundary: two pages mapped, the offset kept */
	p = ioremap(start + PAGE_SIZE - 8, 16);
	ASSERT_NOT_NULL(t, p);
	page = (unsigned long)p & PAGE_MASK;
	EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, PAGE_SIZE - 8);
	EXPECT_TRUE(t, is_vmalloc_addr(p));
	EXPECT_EQ(t, vmalloc_nr_areas(), areas + 1);
	EXPECT_EQ(t, ioremap_nr_areas(), ioareas + 1);
	vm = find_vm_area((void *)page);
	ASSERT_NOT_NULL(t, vm);
	EXPECT_TRUE(t, vm->flags & VM_IOREMAP);
	EXPECT_EQ(t, vm->phys_addr, start);
	EXPECT_EQ(t, get_vm_area_size(vm), 2 * PAGE_SIZE);
	for (int i = 0; i < 2; i++) {
		EXPECT_TRUE(t, arch_query(page + i * PAGE_SIZE, &pa, &flags, &size));
		EXPECT_EQ(t, pa, start + i * PAGE_SIZE);
		EXPECT_EQ(t, flags & (_PAGE_PCD | _PAGE_PWT | _PAGE_RW), _PAGE_PCD | _PAGE_PWT | _PAGE_RW);
		EXPECT_EQ(t, size, PAGE_SIZE);
	}
	EXPECT_FALSE(t, arch_query(page + 2 * PAGE_SIZE, NULL, NULL, NULL));	/* the guard */
	/* vmallocinfo: Linux's " phys=0x... ioremap" */
	snprintf(want, sizeof(want), " phys=0x%016llx ioremap", (unsigned long long)start);
	mark = printk_log_mark();
	show_vmallocinfo();
	EXPECT_TRUE(t, printk_logged_since(mark, want));
	iounmap(p);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	EXPECT_EQ(t, ioremap_nr_areas(), ioareas);
	EXPECT_FALSE(t, arch_query(page, NULL, NULL, NULL));
}

/*
 * A physical address above 4 GiB keeps all its bits: phys_addr_t is 64-bit
 * on i386 PAE too, where a BAR may sit that high. 512 GiB + 4 KiB is below
 * QEMU's 40 physical address bits and above any RAM the matrix gives; the
 * mapping is only looked at, never accessed.
 */
static void test_ioremap_above_4g(struct ktest *t)
{
	const phys_addr_t phys = 0x8000001000ULL;
	unsigned long areas = vmalloc_nr_areas();
	void __iomem *p = ioremap(phys + 0x10, 8);
	phys_addr_t pa;
	pteval_t flags;
	char want[48];
	u64 mark;

	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, 0x10);
	EXPECT_TRUE(t, arch_query((unsigned long)p & PAGE_MASK, &pa, &flags, NULL));
	EXPECT_EQ(t, pa, phys);
	EXPECT_EQ(t, flags & (_PAGE_PCD | _PAGE_PWT), _PAGE_PCD | _PAGE_PWT);
	snprintf(want, sizeof(want), " phys=0x%016llx ioremap", (unsigned long long)phys);
	mark = printk_log_mark();
	show_vmallocinfo();
	EXPECT_TRUE(t, printk_logged_since(mark, want));
	iounmap(p);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
}

/* Through a second mapping of edu's BAR, the registers answer. */
static void test_ioremap_edu_registers(struct ktest *t)
{
	struct pci_dev *d = dev_or_skip(t, 0x1234, 0x11e8);
	void __iomem *p = ioremap(pci_resource_start(d, 0) + EDU_REG_LIVENESS, 4);

	ASSERT_NOT_NULL(t, p);
	writel(0x0f0f1234, p);
	EXPECT_EQ(t, readl(p), 0xf0f0edcb);
	EXPECT_EQ(t, readl((char __iomem *)p - EDU_REG_LIVENESS), 0x010000ed);
	iounmap(p);
}

static void test_ioremap_refuses(struct ktest *t)
{
	unsigned long areas = vmalloc_nr_areas();

	EXPECT_NULL(t, ioremap(0xfe000000, 0));
	EXPECT_NULL(t, ioremap(~0ULL - 10, 100));	/* wraps */
	clear_warn_once();
	EXPECT_WARN(t, EXPECT_NULL(t, ioremap(0x100000, PAGE_SIZE)));	/* RAM at 1 MiB */
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
}

static void test_iounmap_bad_address(struct ktest *t)
{
	int bar;
	struct pci_dev *d = mmio_dev_or_skip(t, &bar);
	unsigned long areas = vmalloc_nr_areas();
	void __iomem *p = ioremap(pci_resource_start(d, bar), 2 * PAGE_SIZE);
	char *v;
	int local;

	ASSERT_NOT_NULL(t, p);
	/* the second page of an ioremap area: not where it starts */
	EXPECT_WARN(t, iounmap((char __iomem *)p + PAGE_SIZE));
	EXPECT_TRUE(t, arch_query((unsigned long)p + PAGE_SIZE, NULL, NULL, NULL));
	EXPECT_EQ(t, vmalloc_nr_areas(), areas + 1);
	iounmap(p);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	/* a vmalloc() area: not an ioremap one; it stays its owner's */
	v = vmalloc(PAGE_SIZE);
	ASSERT_NOT_NULL(t, v);
	EXPECT_WARN(t, iounmap(v));
	v[0] = 1;	/* still mapped */
	EXPECT_PTR_NE(t, find_vm_area(v), NULL);
	vfree(v);
	/* no area at all */
	EXPECT_WARN(t, iounmap(&local));
	EXPECT_WARNS(t, iounmap(NULL), 0);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
}

static void test_pci_report(struct ktest *t)
{
	struct pci_dev *edu = pci_get_device(0x1234, 0x11e8, NULL);
	u64 mark = printk_log_mark();
	char want[96];

	pci_show_devices();
	EXPECT_TRUE(t, printk_logged_since(mark, "00:00.0 Host bridge [0600]: Device [8086:1237]"));
	EXPECT_TRUE(t, printk_logged_since(mark, "00:01.0 ISA bridge [0601]: Device [8086:7000]"));
	if (!edu)
		return;
	snprintf(want, sizeof(want), "\tRegion 0: Memory at %llx (32-bit, non-prefetchable) [size=1M]",
		 (unsigned long long)pci_resource_start(edu, 0));
	EXPECT_TRUE(t, printk_logged_since(mark, want));
	EXPECT_TRUE(t, printk_logged_since(mark, "Kernel driver in use: edu"));
}

static struct ktest_case pci_cases[] = {
	KTEST_CASE(test_pci_host_bridge),
	KTEST_CASE(test_pci_isa_bridge_functions),
	KTEST_CASE(test_pci_config_accessors),
	KTEST_CASE(test_pci_get_device),
	KTEST_CASE(test_pci_edu_bar),
	KTEST_CASE(test_pci_vga_and_nic_bars),
	KTEST_CASE(test_pci_bridge_walked),
	KTEST_CASE(test_pci_enable_and_master),
	KTEST_CASE(test_ioremap_round_trip),
	KTEST_CASE(test_ioremap_above_4g),
	KTEST_CASE(test_ioremap_edu_registers),
	KTEST_CASE(test_ioremap_refuses),
	KTEST_CASE(test_iounmap_bad_address),
	KTEST_CASE(test_pci_report),
	{}
};
static struct ktest_suite pci_suite = { .name = "pci", .cases = pci_cases };
KTEST_SUITE(pci_suite);
