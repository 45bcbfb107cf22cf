/* SPDX-License-Identifier: MIT */
/*
 * kernel/dma-direct.h - the direct mapping: bus address = physical address,
 * as Linux's include/linux/dma-direct.h on x86 without an IOMMU.
 *
 * Owns: phys_to_dma()/dma_to_phys() (identities: x86 has no DMA offset),
 * dma_capable() (does a device reach [addr, addr + size)?), zone_dma_limit
 * and the dma_direct_*() entry points kernel/dma/mapping.c calls.
 */
#ifndef KERNEL_DMA_DIRECT_H
#define KERNEL_DMA_DIRECT_H

#include <kernel/dma-mapping.h>

/*
 * The highest address ZONE_DMA covers, 16 MiB - 1: Linux 6.12's u64
 * zone_dma_limit (before 6.12: zone_dma_bits = 24). x86 never changes it.
 */
extern u64 zone_dma_limit;

static inline dma_addr_t phys_to_dma(struct device *dev, phys_addr_t paddr)
{
	(void)dev;
	return (dma_addr_t)paddr;
}

static inline phys_addr_t dma_to_phys(struct device *dev, dma_addr_t dma_addr)
{
	(void)dev;
	return (phys_addr_t)dma_addr;
}

/* min_not_zero(a, b): the smaller of the two that are not 0 (Linux's macro). */
static inline u64 dma_min_not_zero(u64 a, u64 b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return a < b ? a : b;
}

/*
 * Linux 6.12's dma_capable(): the last byte must be within the streaming
 * mask and the bus limit. dma_addr_t is 64-bit on both arches (x86_64, and
 * i386 with PAE: CONFIG_ARCH_DMA_ADDR_T_64BIT), so the lowmem check Linux
 * makes for 32-bit dma_addr_t does not apply.
 */
static inline bool dma_capable(struct device *dev, dma_addr_t addr, size_t size, bool is_ram)
{
	dma_addr_t end = addr + size - 1;

	(void)is_ram;
	if (addr == DMA_MAPPING_ERROR || !dev->dma_mask)
		return false;
	if (end < addr)		/* wraps */
		return false;
	return end <= dma_min_not_zero(*dev->dma_mask, dev->bus_dma_limit);
}

bool dma_coherent_ok(struct device *dev, phys_addr_t phys, size_t size);
bool dma_direct_supported(struct device *dev, u64 mask);
/* The lowest mask dma_direct_supported() accepts below 32 bits. */
u64 dma_direct_min_mask(void);
void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
		       unsigned long attrs);
void *__dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
			 unsigned long attrs, unsigned long caller);
void dma_direct_free(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_addr,
		     unsigned long attrs);
dma_addr_t dma_direct_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			       enum dma_data_direction dir, unsigned long attrs);
void dma_direct_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, unsigned long attrs);
void dma_direct_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
				    enum dma_data_direction dir);
void dma_direct_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				       enum dma_data_direction dir);
int dma_direct_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      enum dma_data_direction dir, unsigned long attrs);
void dma_direct_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
			 enum dma_data_direction dir, unsigned long attrs);

#endif
