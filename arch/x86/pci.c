// SPDX-License-Identifier: MIT
/*
 * arch/x86/pci.c - the PCI bus through configuration mechanism #1.
 *
 * Owns: configuration-space access through ports 0xCF8 (address) and 0xCFC
 * (data), the list of devices found at boot, BAR sizing, the command
 * register's decode and bus-master bits, pci_iomap(), and the `pci` shell
 * report. Enumeration walks bus 0 slot by slot (every function of a
 * multi-function device), and the secondary bus behind any PCI-to-PCI
 * bridge it meets; each device is printed as Linux 6.12's pci_setup_device()
 * and __pci_read_base() print it:
 *     pci 0000:00:04.0: [1234:11e8] type 00 class 0x00ff00 conventional PCI endpoint
 *     pci 0000:00:04.0: BAR 0 [mem 0xfea00000-0xfeafffff]
 * Firmware (SeaBIOS under QEMU) has already placed the BARs and routed the
 * interrupt lines; mmos reads what it left and assigns nothing. Expansion
 * ROM BARs are not read. Locking: one irq-safe lock around each 0xCF8/0xCFC
 * pair, as Linux's pci_config_lock.
 */
#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define PCI_CONF1_ENABLE	0x80000000u

static DEFINE_SPINLOCK(pci_config_lock);
static struct pci_dev *pci_devices, **pci_devices_tail = &pci_devices;
static unsigned int nr_pci_devs;

static u32 conf1_address(unsigned int bus, unsigned int devfn, int where)
{
	return PCI_CONF1_ENABLE | (bus & 0xff) << 16 | (devfn & 0xff) << 8 | (where & 0xfc);
}

/* Raw access by bus/devfn, size 1, 2 or 4 bytes; where must be aligned to size. */
static u32 raw_read(unsigned int bus, unsigned int devfn, int where, int size)
{
	unsigned long flags;
	u32 v;

	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS, conf1_address(bus, devfn, where));
	if (size == 1)
		v = inb(PCI_CONF1_DATA + (where & 3));
	else if (size == 2)
		v = inw(PCI_CONF1_DATA + (where & 2));
	else
		v = inl(PCI_CONF1_DATA);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	return v;
}

static void raw_write(unsigned int bus, unsigned int devfn, int where, int size, u32 v)
{
	unsigned long flags;

	spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS, conf1_address(bus, devfn, where));
	if (size == 1)
		outb(PCI_CONF1_DATA + (where & 3), (u8)v);
	else if (size == 2)
		outw(PCI_CONF1_DATA + (where & 2), (u16)v);
	else
		outl(PCI_CONF1_DATA, v);
	spin_unlock_irqrestore(&pci_config_lock, flags);
}

/* The 256-byte header of a conventional device; aligned accesses only. */
static bool config_ok(const struct pci_dev *dev, int where, int size)
{
	return dev && where >= 0 && where + size <= 256 && !(where & (size - 1));
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	if (!config_ok(dev, where, 1)) {
		*val = (u8)~0u;	/* Linux's PCI_SET_ERROR_RESPONSE() */
		return -EINVAL;
	}
	*val = (u8)raw_read(dev->bus, dev->devfn, where, 1);
	return 0;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	if (!config_ok(dev, where, 2)) {
		*val = (u16)~0u;	/* Linux's PCI_SET_ERROR_RESPONSE() */
		return -EINVAL;
	}
	*val = (u16)raw_read(dev->bus, dev->devfn, where, 2);
	return 0;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	if (!config_ok(dev, where, 4)) {
		*val = (u32)~0u;	/* Linux's PCI_SET_ERROR_RESPONSE() */
		return -EINVAL;
	}
	*val = raw_read(dev->bus, dev->devfn, where, 4);
	return 0;
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	if (!config_ok(dev, where, 1))
		return -EINVAL;
	raw_write(dev->bus, dev->devfn, where, 1, val);
	return 0;
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	if (!config_ok(dev, where, 2))
		return -EINVAL;
	raw_write(dev->bus, dev->devfn, where, 2, val);
	return 0;
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	if (!config_ok(dev, where, 4))
		return -EINVAL;
	raw_write(dev->bus, dev->devfn, where, 4, val);
	return 0;
}

/*** lookup ***/

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from)
{
	for (struct pci_dev *d = from ? from->next : pci_devices; d; d = d->next)
		if ((vendor == PCI_ANY_ID || d->vendor == vendor) &&
		    (device == PCI_ANY_ID || d->device == device))
			return d;
	return NULL;
}

struct pci_dev *pci_get_slot_nr(unsigned int bus, unsigned int devfn)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		if (d->bus == bus && d->devfn == devfn)
			return d;
	return NULL;
}

unsigned int pci_dev_count(void)
{
	return nr_pci_devs;
}

/*** driver calls ***/

/* Linux's pci_enable_resources(): decode what the device's BARs need. */
int pci_enable_device(struct pci_dev *dev)
{
	u16 cmd, old;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	old = cmd;
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (dev->resource[i].flags & IORESOURCE_IO)
			cmd |= PCI_COMMAND_IO;
		if (dev->resource[i].flags & IORESOURCE_MEM)
			cmd |= PCI_COMMAND_MEMORY;
	}
	if (cmd != old) {
		dev_info(&dev->dev, "enabling device (%04x -> %04x)\n", old, cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	}
	dev->enabled = true;
	return 0;
}

/* Linux's do_pci_disable_device(): the device stops mastering the bus. */
void pci_disable_device(struct pci_dev *dev)
{
	pci_clear_master(dev);
	dev->enabled = false;
}

static void __pci_set_master(struct pci_dev *dev, bool enable)
{
	u16 old, cmd;

	pci_read_config_word(dev, PCI_COMMAND, &old);
	cmd = enable ? old | PCI_COMMAND_MASTER : old & (u16)~PCI_COMMAND_MASTER;
	if (cmd != old)
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	dev->is_busmaster = enable;
}

void pci_set_master(struct pci_dev *dev)
{
	__pci_set_master(dev, true);
}

void pci_clear_master(struct pci_dev *dev)
{
	__pci_set_master(dev, false);
}

void *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	u64 len;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !(dev->resource[bar].flags & IORESOURCE_MEM))
		return NULL;
	len = pci_resource_len(dev, bar);
	if (maxlen && len > maxlen)
		len = maxlen;
	if (len > ~0UL)
		return NULL;
	return ioremap(pci_resource_start(dev, bar), (unsigned long)len);
}

void pci_iounmap(struct pci_dev *dev, void *addr)
{
	(void)dev;
	iounmap(addr);
}

/*** enumeration ***/

/* Linux's pci_size(): the decode size from the bits that stuck (0: none). */
static u64 pci_size(u64 base, u64 maxbase, u64 mask)
{
	u64 size = mask & maxbase;

	if (!size)
		return 0;
	size = size & ~(size - 1);	/* the lowest writable address bit */
	if (base == maxbase && ((base | (size - 1)) & mask) != mask)
		return 0;
	return size;
}

/* "[mem 0xfea00000-0xfeafffff]", Linux's %pR of a BAR. */
static int resource_string(char *buf, size_t size, const struct resource *r)
{
	if (r->flags & IORESOURCE_IO)
		return scnprintf(buf, size, "[io  0x%04llx-0x%04llx]",
				 (unsigned long long)r->start, (unsigned long long)r->end);
	return scnprintf(buf, size, "[mem 0x%08llx-0x%08llx%s%s]",
			 (unsigned long long)r->start, (unsigned long long)r->end,
			 r->flags & IORESOURCE_MEM_64 ? " 64bit" : "",
			 r->flags & IORESOURCE_PREFETCH ? " pref" : "");
}

/*
 * Size one BAR as Linux's __pci_read_base(): with decoding off, write all
 * ones, read back which bits stick, put the old value back. Returns 1 if
 * the BAR is 64-bit (it takes the next slot too).
 */
static int pci_read_base(struct pci_dev *dev, int bar)
{
	struct resource *res = &dev->resource[bar];
	int pos = PCI_BASE_ADDRESS_0 + 4 * bar;
	u32 l, sz, lh = 0, szh = 0;
	u64 l64, sz64, mask64;
	u16 cmd;
	char buf[64];

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & (u16)~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	pci_read_config_dword(dev, pos, &l);
	pci_write_config_dword(dev, pos, ~0u);
	pci_read_config_dword(dev, pos, &sz);
	pci_write_config_dword(dev, pos, l);
	if (sz == 0xffffffff)
		sz = 0;
	res->flags = 0;
	if (l & PCI_BASE_ADDRESS_SPACE_IO) {
		res->flags = IORESOURCE_IO;
		l64 = l & PCI_BASE_ADDRESS_IO_MASK;
		sz64 = sz & PCI_BASE_ADDRESS_IO_MASK;
		mask64 = 0xffff & PCI_BASE_ADDRESS_IO_MASK;	/* x86 ports are 16-bit */
	} else {
		res->flags = IORESOURCE_MEM;
		if (l & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		if ((l & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
		    bar + 1 < PCI_STD_NUM_BARS)
			res->flags |= IORESOURCE_MEM_64;
		l64 = l & PCI_BASE_ADDRESS_MEM_MASK;
		sz64 = sz & PCI_BASE_ADDRESS_MEM_MASK;
		mask64 = (u32)PCI_BASE_ADDRESS_MEM_MASK;
	}
	if (res->flags & IORESOURCE_MEM_64) {
		pci_read_config_dword(dev, pos + 4, &lh);
		pci_write_config_dword(dev, pos + 4, ~0u);
		pci_read_config_dword(dev, pos + 4, &szh);
		pci_write_config_dword(dev, pos + 4, lh);
		l64 |= (u64)lh << 32;
		sz64 |= (u64)szh << 32;
		mask64 |= ~0ULL << 32;
	}
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd);

	sz64 = sz64 ? pci_size(l64, sz64, mask64) : 0;
	if (!sz64) {
		bool is64 = res->flags & IORESOURCE_MEM_64;

		res->flags = 0;
		return is64;
	}
	res->start = l64;
	res->end = l64 + sz64 - 1;
	resource_string(buf, sizeof(buf), res);
	dev_info(&dev->dev, "BAR %d %s\n", bar, buf);
	return (res->flags & IORESOURCE_MEM_64) ? 1 : 0;
}

static const char *pci_type_str(const struct pci_dev *dev)
{
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		return "conventional PCI endpoint";
	case PCI_HEADER_TYPE_BRIDGE:
		return "conventional PCI bridge";
	case PCI_HEADER_TYPE_CARDBUS:
		return "CardBus bridge";
	default:
		return "conventional PCI";
	}
}

static void pci_scan_bus(unsigned int bus, unsigned int depth);

static void pci_scan_function(unsigned int bus, unsigned int devfn, u8 hdr, unsigned int depth)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	u32 class;
	u16 id;
	u8 b;
	int nbars = 0;

	if (!dev) {
		pr_err("pci %04x:%02x:%02x.%d: no memory for the device\n", 0, bus,
		       PCI_SLOT(devfn), PCI_FUNC(devfn));
		return;
	}
	dev->bus = (unsigned char)bus;
	dev->devfn = devfn;
	snprintf(dev->name, sizeof(dev->name), "%04x:%02x:%02x.%d", 0, bus, PCI_SLOT(devfn),
		 PCI_FUNC(devfn));
	dev->dev.init_name = dev->name;
	dev->dev.driver = "pci";
	dev->dma_mask = DMA_BIT_MASK(32);	/* pci_setup_device()'s default */
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	pci_read_config_word(dev, PCI_VENDOR_ID, &id);
	dev->vendor = id;
	pci_read_config_word(dev, PCI_DEVICE_ID, &id);
	dev->device = id;
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	dev_info(&dev->dev, "[%04x:%04x] type %02x class 0x%06x %s\n", dev->vendor, dev->device,
		 dev->hdr_type, dev->class, pci_type_str(dev));

	if (dev->hdr_type == PCI_HEADER_TYPE_NORMAL)
		nbars = PCI_STD_NUM_BARS;
	else if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE)
		nbars = 2;
	if (dev->hdr_type != PCI_HEADER_TYPE_CARDBUS) {
		pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &b);
		dev->pin = b;
		if (b) {
			pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &b);
			dev->irq = b;
		}
	}
	for (int i = 0; i < nbars; i++)
		i += pci_read_base(dev, i);

	*pci_devices_tail = dev;
	pci_devices_tail = &dev->next;
	nr_pci_devs++;

	if (dev->hdr_type == PCI_HEADER_TYPE_BRIDGE) {
		u8 sec, sub;

		pci_read_config_byte(dev, PCI_SECONDARY_BUS, &sec);
		pci_read_config_byte(dev, PCI_SUBORDINATE_BUS, &sub);
		if (sec == sub)	/* Linux's %pR of the bus range: one number when it is one bus */
			dev_info(&dev->dev, "PCI bridge to [bus %02x]\n", sec);
		else
			dev_info(&dev->dev, "PCI bridge to [bus %02x-%02x]\n", sec, sub);
		/* a bridge firmware left unconfigured, or a loop: not followed */
		if (sec > bus && depth < 8)
			pci_scan_bus(sec, depth + 1);
	}
}

static void pci_scan_bus(unsigned int bus, unsigned int depth)
{
	for (unsigned int slot = 0; slot < 32; slot++) {
		unsigned int nfn = 1;

		for (unsigned int fn = 0; fn < nfn; fn++) {
			unsigned int devfn = PCI_DEVFN(slot, fn);
			u8 hdr;

			if ((raw_read(bus, devfn, PCI_VENDOR_ID, 2) & 0xffff) == 0xffff)
				continue;
			hdr = (u8)raw_read(bus, devfn, PCI_HEADER_TYPE, 1);
			if (fn == 0 && (hdr & PCI_HEADER_TYPE_MFD))
				nfn = 8;
			pci_scan_function(bus, devfn, hdr, depth);
		}
	}
}

void pci_subsys_init(void)
{
	u32 saved;

	/* Linux's pci_check_type1(): the address register reads back what was written */
	outl(PCI_CONF1_ADDRESS, PCI_CONF1_ENABLE);
	saved = inl(PCI_CONF1_ADDRESS);
	outl(PCI_CONF1_ADDRESS, 0);
	if (saved != PCI_CONF1_ENABLE) {
		pr_info("PCI: No PCI bus detected\n");
		return;
	}
	pr_info("PCI: Using configuration type 1 for base access\n");
	pci_scan_bus(0, 0);
}

/*** the `pci` report ***/

static const char *class_name(u32 class)
{
	static const struct { u16 id; const char *name; } names[] = {
		{ 0x0100, "SCSI storage controller" }, { 0x0101, "IDE interface" },
		{ 0x0106, "SATA controller" }, { 0x0200, "Ethernet controller" },
		{ 0x0300, "VGA compatible controller" }, { 0x0600, "Host bridge" },
		{ 0x0601, "ISA bridge" }, { 0x0604, "PCI bridge" }, { 0x0680, "Bridge" },
		{ 0x0c03, "USB controller" }, { 0x0c05, "SMBus" },
		{ 0x00ff, "Unclassified device" },
	};

	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].id == class >> 8)
			return names[i].name;
	return "Class";
}

/* "size=1M" as lspci prints it. */
static void size_string(char *buf, size_t size, u64 len)
{
	static const char units[] = " KMGT";
	unsigned int u = 0;

	while (u < 4 && len >= 1024 && !(len & 1023)) {
		len >>= 10;
		u++;
	}
	if (u)
		snprintf(buf, size, "%llu%c", (unsigned long long)len, units[u]);
	else
		snprintf(buf, size, "%llu", (unsigned long long)len);
}

/* lspci -nn -v, the lines mmos knows: ids, class, command bits, IRQ, BARs, driver. */
void pci_show_devices(void)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next) {
		u16 cmd;
		char sz[16];

		pci_read_config_word(d, PCI_COMMAND, &cmd);
		printk(KERN_INFO "%02x:%02x.%d %s [%04x]: Device [%04x:%04x] (rev %02x)\n", d->bus,
		       PCI_SLOT(d->devfn), PCI_FUNC(d->devfn), class_name(d->class), d->class >> 8,
		       d->vendor, d->device, d->revision);
		printk(KERN_INFO "\tControl: I/O%c Mem%c BusMaster%c", cmd & PCI_COMMAND_IO ? '+' : '-',
		       cmd & PCI_COMMAND_MEMORY ? '+' : '-', cmd & PCI_COMMAND_MASTER ? '+' : '-');
		if (d->pin)
			printk(KERN_CONT ", IRQ %u (INT%c)", d->irq, 'A' + d->pin - 1);
		printk(KERN_CONT "\n");
		for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
			const struct resource *r = &d->resource[i];

			if (!r->flags)
				continue;
			size_string(sz, sizeof(sz), pci_resource_len(d, i));
			if (r->flags & IORESOURCE_IO)
				printk(KERN_INFO "\tRegion %d: I/O ports at %04llx [size=%s]\n", i,
				       (unsigned long long)r->start, sz);
			else
				printk(KERN_INFO "\tRegion %d: Memory at %llx (%s, %sprefetchable) [size=%s]\n",
				       i, (unsigned long long)r->start,
				       r->flags & IORESOURCE_MEM_64 ? "64-bit" : "32-bit",
				       r->flags & IORESOURCE_PREFETCH ? "" : "non-", sz);
		}
		if (d->dev.driver && strcmp(d->dev.driver, "pci"))
			printk(KERN_INFO "\tKernel driver in use: %s\n", d->dev.driver);
	}
}
SHELL_REPORT(pci, "PCI devices, like lspci -nn -v", pci_show_devices);
