/* SPDX-License-Identifier: MIT */
/*
 * kernel/pci.h - PCI devices as drivers see them.
 *
 * Owns: struct pci_dev (a struct device inside, the ids and class read from
 * configuration space, the interrupt line, the BARs as resources), the
 * configuration-space accessors, the lookup of a device by its ids, and the
 * few pci_* calls a driver makes before it touches a device: enable its
 * decoders, let it master the bus, map a BAR. The bus itself (the 0xCF8/
 * 0xCFC mechanism, enumeration, BAR sizing, the `pci` report) lives in
 * arch/x86/pci.c. Names, register offsets and semantics are Linux 6.12's
 * (include/linux/pci.h, include/uapi/linux/pci_regs.h); the DMA masks start
 * at 32 bits as pci_setup_device() leaves them.
 */
#ifndef KERNEL_PCI_H
#define KERNEL_PCI_H

#include <kernel/device.h>
#include <kernel/types.h>

/* Linux's DMA_BIT_MASK(), also given by the DMA API's header. */
#ifndef DMA_BIT_MASK
#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
#endif

/* Configuration-space registers (pci_regs.h) */
#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1	/* respond to I/O space */
#define  PCI_COMMAND_MEMORY	0x2	/* respond to memory space */
#define  PCI_COMMAND_MASTER	0x4	/* may master the bus (DMA) */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06
#define PCI_CLASS_REVISION	0x08	/* class << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_DEVICE	0x0a
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define  PCI_HEADER_TYPE_MFD	0x80	/* multi-function device */
#define PCI_BASE_ADDRESS_0	0x10
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fU)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03U)
#define PCI_PRIMARY_BUS		0x18	/* type 1 headers */
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d

#define PCI_CLASS_BRIDGE_HOST	0x0600
#define PCI_CLASS_BRIDGE_ISA	0x0601
#define PCI_CLASS_BRIDGE_PCI	0x0604

#define PCI_STD_NUM_BARS	6

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/* struct resource flags, Linux's IORESOURCE_* values */
#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_MEM_64	0x00100000

/* One BAR: [start, end] in the CPU's physical address space (end inclusive). */
struct resource {
	u64 start, end;
	unsigned long flags;	/* IORESOURCE_*; 0: the BAR is not implemented */
};

struct pci_dev {
	struct device dev;	/* init_name is name[]; masks as Linux's pci_dev */
	u64 dma_mask;		/* dev.dma_mask points here */
	unsigned char bus;	/* bus number */
	unsigned int devfn;	/* slot << 3 | function */
	u16 vendor, device;
	u32 class;		/* base class << 16 | subclass << 8 | prog-if */
	u8 revision;
	u8 hdr_type;		/* without the multi-function bit */
	u8 pin;			/* 1 = INTA .. 4 = INTD; 0: none */
	unsigned int irq;	/* PCI_INTERRUPT_LINE as firmware routed it */
	bool enabled, is_busmaster;
	struct resource resource[PCI_STD_NUM_BARS];
	char name[16];		/* "0000:00:04.0" */
	struct pci_dev *next;	/* in the order enumeration found them */
};

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return pdev->name;
}

static inline struct pci_dev *to_pci_dev(struct device *dev)
{
	return (struct pci_dev *)((char *)dev - __builtin_offsetof(struct pci_dev, dev));
}

/* Configuration space; 0, or -EINVAL for an offset out of range or misaligned. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/*
 * The next device after from (NULL: the first) with these ids; PCI_ANY_ID
 * matches any. mmos never removes a device, so there is no reference to drop.
 */
#define PCI_ANY_ID	0xffff
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
/* The device at bus/devfn, or NULL. */
struct pci_dev *pci_get_slot_nr(unsigned int bus, unsigned int devfn);
/* Devices found at boot. */
unsigned int pci_dev_count(void);

/* Set the command register's I/O and memory decode bits for the BARs it has. */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
/* Set PCI_COMMAND_MASTER: the device may start DMA. */
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);

static inline u64 pci_resource_start(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].start;
}
static inline u64 pci_resource_len(const struct pci_dev *dev, int bar)
{
	const struct resource *r = &dev->resource[bar];

	return r->flags ? r->end - r->start + 1 : 0;
}
static inline unsigned long pci_resource_flags(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].flags;
}

/*
 * Map at most maxlen bytes of a memory BAR (0: all of it) uncached; NULL
 * for an I/O or absent BAR. pci_iounmap() undoes it.
 */
void *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void *addr);

/* Enumerate the bus and print each device as Linux does; once, at boot. */
void pci_subsys_init(void);
/* The `pci` report: one lspci-like block per device. */
void pci_show_devices(void);

#endif
