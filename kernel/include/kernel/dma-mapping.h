/* SPDX-License-Identifier: MIT */
/*
 * kernel/dma-mapping.h - the DMA API drivers call, as Linux's
 * include/linux/dma-mapping.h.
 *
 * Owns: the masks (DMA_BIT_MASK, dma_set_mask() and relatives), the
 * directions, DMA_MAPPING_ERROR and dma_mapping_error(), coherent buffers
 * (dma_alloc_coherent()/dma_free_coherent()) and streaming mappings
 * (dma_map_single()/dma_map_page()/dma_map_sg(), their unmaps and syncs).
 * There is no IOMMU: every call goes to dma-direct (kernel/dma/direct.c),
 * which bounces through swiotlb (kernel/dma/swiotlb.c) what a device cannot
 * reach, and kernel/dma/debug.c records every live buffer and mapping.
 *
 * The exported functions note their caller (_RET_IP_), so that a report
 * about a bad unmap names the driver code that made it.
 */
#ifndef KERNEL_DMA_MAPPING_H
#define KERNEL_DMA_MAPPING_H

#include <kernel/bug.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/device.h>
#include <kernel/types.h>
#include <mm/gfp.h>
#include <mm/mm.h>

/* Linux's values (include/linux/dma-direction.h). */
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

static inline bool valid_dma_direction(enum dma_data_direction dir)
{
	return dir == DMA_BIDIRECTIONAL || dir == DMA_TO_DEVICE || dir == DMA_FROM_DEVICE;
}

/*
 * Linux's dev_WARN_ONCE(): a WARN whose message starts with the device's
 * driver and bus id, as dev_printk() does.
 */
#define dev_WARN_ONCE(dev, cond, fmt, ...) \
	WARN_ONCE(cond, "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_WARN(dev, fmt, ...) \
	WARN(1, "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)

/* n == 64 must not shift by 64 (undefined in C): Linux's form. */
#define DMA_BIT_MASK(n)		(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

/* What a failed map returns: an address no mapping can have (Linux 5.0 on). */
#define DMA_MAPPING_ERROR	(~(dma_addr_t)0)

/* attrs (Linux's bits; only these two mean something here) */
#define DMA_ATTR_SKIP_CPU_SYNC	(1UL << 5)
#define DMA_ATTR_NO_WARN	(1UL << 8)

static inline int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	(void)dev;
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

/*
 * Set the device's streaming mask / coherent mask. -EIO if the platform
 * cannot serve the mask (dma_direct_supported(): see kernel/dma/direct.c),
 * and a one-line warning naming the device and the caller; the old mask
 * stays. 0 and the mask set otherwise.
 */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
int dma_set_mask_and_coherent(struct device *dev, u64 mask);
bool dma_supported(struct device *dev, u64 mask);

static inline u64 dma_get_mask(struct device *dev)
{
	return dev->dma_mask && *dev->dma_mask ? *dev->dma_mask : DMA_BIT_MASK(32);
}

/*
 * Coherent buffers: zeroed, physically contiguous whole pages the device
 * reaches with its coherent mask; *dma_handle is the bus address. gfp's
 * zone bits are ignored (the mask picks the zone); __GFP_COMP is refused.
 */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
		      unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs);
void *__dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
			unsigned long attrs, unsigned long caller);
void __dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		      unsigned long attrs, unsigned long caller);

#define dma_alloc_coherent(dev, size, handle, gfp) \
	__dma_alloc_attrs(dev, size, handle, gfp, 0, _THIS_IP_)
#define dma_free_coherent(dev, size, cpu_addr, handle) \
	__dma_free_attrs(dev, size, cpu_addr, handle, 0, _THIS_IP_)

/*
 * Streaming mappings: the bus address of [page + offset, + size) for the
 * device, or of a swiotlb bounce slot holding a copy when the device cannot
 * reach it; DMA_MAPPING_ERROR on failure (check with dma_mapping_error()).
 */
dma_addr_t __dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
				enum dma_data_direction dir, unsigned long attrs, unsigned long caller);
void __dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs, unsigned long caller);
dma_addr_t __dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				  enum dma_data_direction dir, unsigned long attrs,
				  unsigned long caller);
void __dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			      enum dma_data_direction dir, unsigned long attrs, unsigned long caller);
void __dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			       enum dma_data_direction dir, unsigned long caller);
void __dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				  enum dma_data_direction dir, unsigned long caller);

#define dma_map_page_attrs(dev, page, off, size, dir, attrs) \
	__dma_map_page_attrs(dev, page, off, size, dir, attrs, _THIS_IP_)
#define dma_map_page(dev, page, off, size, dir) \
	__dma_map_page_attrs(dev, page, off, size, dir, 0, _THIS_IP_)
#define dma_unmap_page_attrs(dev, addr, size, dir, attrs) \
	__dma_unmap_page_attrs(dev, addr, size, dir, attrs, _THIS_IP_)
#define dma_unmap_page(dev, addr, size, dir) \
	__dma_unmap_page_attrs(dev, addr, size, dir, 0, _THIS_IP_)
#define dma_map_single_attrs(dev, ptr, size, dir, attrs) \
	__dma_map_single_attrs(dev, ptr, size, dir, attrs, _THIS_IP_)
#define dma_map_single(dev, ptr, size, dir) \
	__dma_map_single_attrs(dev, ptr, size, dir, 0, _THIS_IP_)
#define dma_unmap_single_attrs(dev, addr, size, dir, attrs) \
	__dma_unmap_single_attrs(dev, addr, size, dir, attrs, _THIS_IP_)
#define dma_unmap_single(dev, addr, size, dir) \
	__dma_unmap_single_attrs(dev, addr, size, dir, 0, _THIS_IP_)
#define dma_sync_single_for_cpu(dev, addr, size, dir) \
	__dma_sync_single_for_cpu(dev, addr, size, dir, _THIS_IP_)
#define dma_sync_single_for_device(dev, addr, size, dir) \
	__dma_sync_single_for_device(dev, addr, size, dir, _THIS_IP_)

/*
 * Scatter-gather: map nents entries; returns how many DMA segments the list
 * became (here: nents), or 0 on failure with nothing left mapped. Unmap
 * with the nents given to dma_map_sg(), not the count it returned.
 */
struct scatterlist;
struct sg_table;
int __dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
		       enum dma_data_direction dir, unsigned long attrs, unsigned long caller);
void __dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			  enum dma_data_direction dir, unsigned long attrs, unsigned long caller);
#define dma_map_sg_attrs(dev, sg, nents, dir, attrs) \
	__dma_map_sg_attrs(dev, sg, nents, dir, attrs, _THIS_IP_)
#define dma_map_sg(dev, sg, nents, dir)	__dma_map_sg_attrs(dev, sg, nents, dir, 0, _THIS_IP_)
#define dma_unmap_sg_attrs(dev, sg, nents, dir, attrs) \
	__dma_unmap_sg_attrs(dev, sg, nents, dir, attrs, _THIS_IP_)
#define dma_unmap_sg(dev, sg, nents, dir) __dma_unmap_sg_attrs(dev, sg, nents, dir, 0, _THIS_IP_)
/* The table forms: 0 or -errno (Linux's dma_map_sgtable()); nents set on success. */
int dma_map_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
		    unsigned long attrs);
void dma_unmap_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
		       unsigned long attrs);

/* The `dma` report: devices and masks, live buffers and mappings, the bounce pool. */
void show_dma(void);

#endif
