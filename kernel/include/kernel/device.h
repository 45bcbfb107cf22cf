/* SPDX-License-Identifier: MIT */
/*
 * kernel/device.h - the slice of Linux's struct device that DMA needs.
 *
 * Owns: struct device (a bus id for reports, the driver bound to it, the
 * streaming and coherent DMA masks, the bus limit), dev_name() and the
 * dev_err()/dev_warn()/dev_info() helpers, which print "<driver> <bus id>:
 * message" as Linux's dev_printk() does. A bus (arch/x86/pci.c) embeds one
 * in each device it finds; a test may declare its own to stand for a device
 * of a given reach. The DMA API (kernel/dma/) reads only the masks.
 */
#ifndef KERNEL_DEVICE_H
#define KERNEL_DEVICE_H

#include <kernel/printk.h>
#include <kernel/types.h>

struct device {
	const char *init_name;	/* bus id, e.g. "0000:00:04.0" */
	const char *driver;	/* bound driver ("edu"), else the bus ("pci") */
	u64 *dma_mask;		/* streaming reach; NULL: the device cannot DMA */
	u64 coherent_dma_mask;	/* reach of dma_alloc_coherent() buffers */
	u64 bus_dma_limit;	/* a bridge's limit on top of the masks; 0: none */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name ? dev->init_name : "(no name)";
}

static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->driver ? dev->driver : "";
}

#define dev_printk(level, dev, fmt, ...) \
	printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)

#endif
