// SPDX-License-Identifier: MIT
/*
 * kernel/dma/direct.c - dma-direct: DMA without an IOMMU, as Linux 6.12's
 * kernel/dma/direct.c and kernel/dma/direct.h on x86.
 *
 * Owns: which masks the platform can serve (dma_direct_supported()), the
 * zone a coherent buffer comes from (dma_direct_optimal_gfp_mask(),
 * dma_coherent_ok() and the retries of __dma_direct_alloc_pages()), and
 * streaming maps: the buffer's own physical address when the device
 * reaches it, else a swiotlb bounce slot (dma_direct_map_page()).
 *
 * What a coherent allocation hands back (seed 004's question, 2006: is
 * dma_alloc_coherent() memory backed by struct page, and compound?). In
 * 6.12 it is an order-get_order(size) block from the buddy allocator,
 * taken without __GFP_COMP and never split_page()d: struct pages exist
 * for it, but only the first page carries the allocation; it goes back
 * whole with __free_pages(page, order). dma_alloc_attrs() refuses
 * __GFP_COMP outright (6.2: "DMA allocations can never be turned back
 * into a page pointer"), so the compound pages that thread wanted never
 * come from here; a driver that must map the buffer to user space uses
 * dma_mmap_coherent() in Linux instead.
 */
#include <kernel/dma-direct.h>
#include <kernel/scatterlist.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>
#include <mm/highmem.h>
#include <mm/mmzone.h>

u64 zone_dma_limit = DMA_BIT_MASK(24);

/*
 * Linux 6.12's dma_direct_supported(), the rule dma_set_mask() applies:
 * a mask of 32 bits or more always works (ZONE_DMA32 or bouncing serves
 * it); a narrower one must cover at least ZONE_DMA (zone_dma_limit) or,
 * on a machine smaller than that, the start of its last page
 * ((max_pfn - 1) << PAGE_SHIFT): below either, no zone can give the
 * device memory it reaches, and the answer is -EIO.
 */
u64 dma_direct_min_mask(void)
{
	u64 min_mask = (u64)(max_pfn - 1) << PAGE_SHIFT;

	return min_mask < zone_dma_limit ? min_mask : zone_dma_limit;
}

bool dma_direct_supported(struct device *dev, u64 mask)
{
	(void)dev;
	if (mask >= DMA_BIT_MASK(32))
		return true;
	return mask >= phys_to_dma(dev, dma_direct_min_mask());
}

/*
 * The zone to try first for a coherent buffer: the one the device's limit
 * falls into (Linux's dma_direct_optimal_gfp_mask()). On i386 there is no
 * ZONE_DMA32: GFP_DMA32 falls back to Normal (OPT_ZONE_DMA32), which is
 * what Linux asks there (no flag: Normal, HIGHMEM having been stripped).
 */
static gfp_t dma_direct_optimal_gfp_mask(struct device *dev, u64 *phys_limit)
{
	u64 dma_limit = dma_min_not_zero(dev->coherent_dma_mask, dev->bus_dma_limit);

	*phys_limit = dma_to_phys(dev, dma_limit);	/* LAB 6 BEGIN optimal_gfp */
	if (*phys_limit <= zone_dma_limit)
		return GFP_DMA;
	if (*phys_limit <= DMA_BIT_MASK(32))
		return GFP_DMA32;
	return 0;	/* LAB 6 END optimal_gfp */
}

bool dma_coherent_ok(struct device *dev, phys_addr_t phys, size_t size)
{
	dma_addr_t dma_addr = phys_to_dma(dev, phys);

	if (dma_addr == DMA_MAPPING_ERROR)
		return false;
	return dma_addr + size - 1 <= dma_min_not_zero(dev->coherent_dma_mask, dev->bus_dma_limit);
}

/*
 * Try the optimal zone; if the block does not fit the mask (a 28-bit
 * device gets DMA32 memory above 256 MiB), free it and retry lower: DMA32
 * if the first try had no zone flag, then DMA. Linux 6.12's order.
 */
static struct page *__dma_direct_alloc_pages(struct device *dev, size_t size, gfp_t gfp,
					     unsigned long caller)
{
	unsigned int order = get_order(size);
	struct page *page;
	u64 phys_limit;

	WARN_ON_ONCE(!PAGE_ALIGNED(size));
	gfp |= dma_direct_optimal_gfp_mask(dev, &phys_limit);
again:
	page = __alloc_pages(gfp, order, caller);
	if (page && !dma_coherent_ok(dev, page_to_phys(page), size)) {
		__free_pages(page, order);
		page = NULL;
#ifdef CONFIG_ZONE_DMA32	/* LAB 6 BEGIN retry */
		if (phys_limit < DMA_BIT_MASK(64) && !(gfp & (GFP_DMA32 | GFP_DMA))) {
			gfp |= GFP_DMA32;
			goto again;
		}
#endif
		if (!(gfp & GFP_DMA)) {
			gfp = (gfp & ~GFP_DMA32) | GFP_DMA;
			goto again;
		}	/* LAB 6 END retry */
	}
	return page;
}

/* dma_direct_alloc() with the caller the page allocator records (the driver's). */
void *__dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
			 unsigned long attrs, unsigned long caller)
{
	struct page *page;
	void *ret;

	size = PAGE_ALIGN(size);
	if (attrs & DMA_ATTR_NO_WARN)
		gfp |= __GFP_NOWARN;
	/* zeroed here, once, whatever the caller asked */
	page = __dma_direct_alloc_pages(dev, size, gfp & ~__GFP_ZERO, caller);
	if (!page)
		return NULL;
	/* HIGHMEM was stripped: the block is in the direct map */
	ret = page_address(page);
	memset(ret, 0, size);
	*dma_handle = phys_to_dma(dev, page_to_phys(page));
	return ret;
}

void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
		       unsigned long attrs)
{
	return __dma_direct_alloc(dev, size, dma_handle, gfp, attrs, _RET_IP_);
}

/* By the bus address, as Linux (dma_direct_to_page()): never trust cpu_addr alone. */
void dma_direct_free(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_addr,
		     unsigned long attrs)
{
	struct page *page = pfn_to_page(PFN_DOWN(dma_to_phys(dev, dma_addr)));

	(void)cpu_addr;
	(void)attrs;
	__free_pages(page, get_order(PAGE_ALIGN(size)));
}

dma_addr_t dma_direct_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			       enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t phys = page_to_phys(page) + offset;
	dma_addr_t dma_addr = phys_to_dma(dev, phys);

	if (is_swiotlb_force_bounce(dev))
		return swiotlb_map(dev, phys, size, dir, attrs);
	if (!dma_capable(dev, dma_addr, size, true)) {
		if (is_swiotlb_active(dev))
			return swiotlb_map(dev, phys, size, dir, attrs);
		dev_WARN_ONCE(dev, 1, "DMA addr %#llx+%zu overflow (mask %llx, bus limit %llx).\n",
			      (unsigned long long)dma_addr, size,
			      (unsigned long long)(dev->dma_mask ? *dev->dma_mask : 0),
			      (unsigned long long)dev->bus_dma_limit);
		return DMA_MAPPING_ERROR;
	}
	/* x86 DMA is cache-coherent: no arch_sync_dma_for_device() */
	return dma_addr;
}

void dma_direct_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
				    enum dma_data_direction dir)
{
	phys_addr_t paddr = dma_to_phys(dev, addr);

	if (is_swiotlb_buffer(dev, paddr))
		swiotlb_sync_single_for_cpu(dev, paddr, size, dir);
}

void dma_direct_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				       enum dma_data_direction dir)
{
	phys_addr_t paddr = dma_to_phys(dev, addr);

	if (is_swiotlb_buffer(dev, paddr))
		swiotlb_sync_single_for_device(dev, paddr, size, dir);
}

/* Copy back (sync for the CPU), then release the slots without a second copy. */
void dma_direct_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		dma_direct_sync_single_for_cpu(dev, addr, size, dir);
	if (is_swiotlb_buffer(dev, phys))
		swiotlb_tbl_unmap_single(dev, phys, size, dir, attrs | DMA_ATTR_SKIP_CPU_SYNC);
}

void dma_direct_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
			 enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i)
		dma_direct_unmap_page(dev, sg->dma_address, sg_dma_len(sg), dir, attrs);
}

/* Each entry mapped on its own; on a failure, those done are undone: -EIO. */
int dma_direct_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
		      enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nents, i) {
		sg->dma_address = dma_direct_map_page(dev, sg_page(sg), sg->offset, sg->length, dir,
						      attrs);
		if (sg->dma_address == DMA_MAPPING_ERROR) {
			dma_direct_unmap_sg(dev, sgl, i, dir, attrs | DMA_ATTR_SKIP_CPU_SYNC);
			return -EIO;
		}
		sg_dma_len(sg) = sg->length;
	}
	return nents;
}
