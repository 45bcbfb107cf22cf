// SPDX-License-Identifier: MIT
/*
 * kernel/dma/mapping.c - the DMA API's entry points, as Linux 6.12's
 * kernel/dma/mapping.c with only the direct mapping behind it.
 *
 * Owns: argument checks and the order of work around each call: the
 * dma_set_mask() family (dma_supported()), dma_alloc_attrs() and
 * dma_free_attrs() (the zone flags and __GFP_COMP rules), the map, unmap
 * and sync calls, and the debug records (kernel/dma/debug.c) kept around
 * them. dma-direct (kernel/dma/direct.c) does the work.
 *
 * Where mmos is stricter than Linux: a bad direction or a device without a
 * dma_mask BUG()s in Linux; here it is a WARN and a failed call. An unmap,
 * free or sync the debug records reject does nothing (see debug.c).
 */
#include <kernel/dma-debug.h>
#include <kernel/dma-direct.h>
#include <kernel/scatterlist.h>
#include <kernel/swiotlb.h>
#include <mm/vmalloc.h>

bool dma_supported(struct device *dev, u64 mask)
{
	return dma_direct_supported(dev, mask);
}

static void dma_mask_refused(struct device *dev, const char *what, u64 mask, unsigned long caller)
{
	dev_warn(dev, "%s: mask %#llx refused: the lowest this machine serves is %#llx [caller %pS]\n",
		 what, (unsigned long long)mask, (unsigned long long)dma_direct_min_mask(),
		 (void *)caller);
}

static int __dma_set_mask(struct device *dev, u64 mask, unsigned long caller)
{
	/* dma_addr_t is 64-bit on both arches: no truncation */
	if (!dev->dma_mask) {
		dev_warn(dev, "dma_set_mask: the device has no dma_mask [caller %pS]\n",
			 (void *)caller);
		return -EIO;
	}
	if (!dma_supported(dev, mask)) {
		dma_mask_refused(dev, "dma_set_mask", mask, caller);
		return -EIO;
	}
	*dev->dma_mask = mask;
	debug_dma_add_device(dev);
	return 0;
}

static int __dma_set_coherent_mask(struct device *dev, u64 mask, unsigned long caller)
{
	if (!dma_supported(dev, mask)) {
		dma_mask_refused(dev, "dma_set_coherent_mask", mask, caller);
		return -EIO;
	}
	dev->coherent_dma_mask = mask;
	debug_dma_add_device(dev);
	return 0;
}

int dma_set_mask(struct device *dev, u64 mask)
{
	return __dma_set_mask(dev, mask, _RET_IP_);
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	return __dma_set_coherent_mask(dev, mask, _RET_IP_);
}

/* Linux: the coherent mask is set only if the streaming one was accepted. */
int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int rc = __dma_set_mask(dev, mask, _RET_IP_);

	if (rc == 0)
		__dma_set_coherent_mask(dev, mask, _RET_IP_);
	return rc;
}

void *__dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
			unsigned long attrs, unsigned long caller)
{
	void *cpu_addr;

	if (WARN_ON_ONCE(!dev))
		return NULL;
	WARN_ON_ONCE(!dev->coherent_dma_mask);
	/*
	 * Linux 6.2 on: a DMA buffer can never be turned back into a page
	 * pointer, so compound pages make no sense (seed 004's wish of 2006).
	 */
	if (WARN_ON_ONCE(flag & __GFP_COMP))
		return NULL;
	if (!size) {
		dev_warn(dev, "dma_alloc_coherent: size 0 [caller %pS]\n", (void *)caller);
		return NULL;
	}
	/* the mask decides the zone, not the caller */
	flag &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM);
	dma_debug_current_caller = caller;
	cpu_addr = __dma_direct_alloc(dev, size, dma_handle, flag, attrs, caller);
	debug_dma_alloc_coherent(dev, size, cpu_addr ? *dma_handle : 0, cpu_addr, caller);
	return cpu_addr;
}

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp,
		      unsigned long attrs)
{
	return __dma_alloc_attrs(dev, size, dma_handle, gfp, attrs, _RET_IP_);
}

/*
 * The size freed is the one recorded at allocation: a wrong size is
 * reported (debug.c) and the whole block still goes back, no more.
 */
void __dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		      unsigned long attrs, unsigned long caller)
{
	WARN_ON(irqs_disabled());
	if (!cpu_addr)
		return;
	if (!debug_dma_free_coherent(dev, &size, cpu_addr, dma_handle, caller))
		return;
	dma_direct_free(dev, size, cpu_addr, dma_handle, attrs);
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs)
{
	__dma_free_attrs(dev, size, cpu_addr, dma_handle, attrs, _RET_IP_);
}

static bool dma_map_args_ok(struct device *dev, enum dma_data_direction dir, size_t size,
			    unsigned long caller)
{
	if (WARN(!dev || !dev->dma_mask, "DMA: map on a device without a dma_mask [caller %pS]\n",
		 (void *)caller))
		return false;
	if (WARN(!valid_dma_direction(dir), "DMA: %s %s: invalid direction %d [caller %pS]\n",
		 dev_driver_string(dev), dev_name(dev), (int)dir, (void *)caller))
		return false;
	if (WARN(!size, "DMA: %s %s: map of 0 bytes [caller %pS]\n", dev_driver_string(dev),
		 dev_name(dev), (void *)caller))
		return false;
	return true;
}

static dma_addr_t map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			   enum dma_data_direction dir, unsigned long attrs, int type,
			   unsigned long caller)
{
	dma_addr_t addr;

	if (!dma_map_args_ok(dev, dir, size, caller))
		return DMA_MAPPING_ERROR;
	dma_debug_current_caller = caller;
	addr = dma_direct_map_page(dev, page, offset, size, dir, attrs);
	debug_dma_map_page(dev, page, offset, size, dir, addr,
			   is_swiotlb_buffer(dev, dma_to_phys(dev, addr)), type, caller);
	return addr;
}

dma_addr_t __dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
				enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	return map_page(dev, page, offset, size, dir, attrs, dma_debug_page, caller);
}

/* Linux's dma_map_single_attrs(): a vmalloc address has no single page behind it. */
dma_addr_t __dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				  enum dma_data_direction dir, unsigned long attrs,
				  unsigned long caller)
{
	if (dev_WARN_ONCE(dev, is_vmalloc_addr(ptr),
			  "rejecting DMA map of vmalloc memory [caller %pS]\n", (void *)caller))
		return DMA_MAPPING_ERROR;
	if (dev_WARN_ONCE(dev, !virt_addr_valid(ptr),
			  "DMA map of %p: not in the direct map [caller %pS]\n", ptr,
			  (void *)caller))
		return DMA_MAPPING_ERROR;
	return map_page(dev, virt_to_page(ptr), (unsigned long)ptr & (PAGE_SIZE - 1), size, dir, attrs,
			dma_debug_single, caller);
}

static void unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		       enum dma_data_direction dir, unsigned long attrs, int type,
		       unsigned long caller)
{
	if (!dma_map_args_ok(dev, dir, size, caller))
		return;
	if (!debug_dma_unmap_page(dev, addr, &size, &dir, type, caller))
		return;
	dma_direct_unmap_page(dev, addr, size, dir, attrs);
}

void __dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	unmap_page(dev, addr, size, dir, attrs, dma_debug_page, caller);
}

void __dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			      enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	unmap_page(dev, addr, size, dir, attrs, dma_debug_single, caller);
}

void __dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			       enum dma_data_direction dir, unsigned long caller)
{
	if (!dma_map_args_ok(dev, dir, size, caller))
		return;
	if (!debug_dma_sync_single(dev, addr, size, dir, true, caller))
		return;
	dma_direct_sync_single_for_cpu(dev, addr, size, dir);
}

void __dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				  enum dma_data_direction dir, unsigned long caller)
{
	if (!dma_map_args_ok(dev, dir, size, caller))
		return;
	if (!debug_dma_sync_single(dev, addr, size, dir, false, caller))
		return;
	dma_direct_sync_single_for_device(dev, addr, size, dir);
}

/* Linux's __dma_map_sg_attrs(): the count of DMA segments, or -errno. */
static int __dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	struct scatterlist *sg;
	int ents, i;

	if (nents <= 0 || !sgl) {
		WARN(1, "DMA: map_sg of %d entries [caller %pS]\n", nents, (void *)caller);
		return -EINVAL;
	}
	if (!dma_map_args_ok(dev, dir, 1, caller))
		return -EINVAL;
	dma_debug_current_caller = caller;
	ents = dma_direct_map_sg(dev, sgl, nents, dir, attrs);
	if (ents > 0)
		for_each_sg(sgl, sg, ents, i)
			debug_dma_map_page(dev, sg_page(sg), sg->offset, sg->length, dir,
					   sg->dma_address,
					   is_swiotlb_buffer(dev, dma_to_phys(dev, sg->dma_address)),
					   dma_debug_sg, caller);
	return ents;
}

int __dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
		       enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	int ents = __dma_map_sg(dev, sg, nents, dir, attrs, caller);

	return ents < 0 ? 0 : ents;
}

void __dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
			  enum dma_data_direction dir, unsigned long attrs, unsigned long caller)
{
	struct scatterlist *sg;
	int i;

	if (!dma_map_args_ok(dev, dir, 1, caller) || nents <= 0)
		return;
	for_each_sg(sgl, sg, nents, i) {
		size_t size = sg_dma_len(sg);
		enum dma_data_direction d = dir;

		if (debug_dma_unmap_page(dev, sg->dma_address, &size, &d, dma_debug_sg, caller))
			dma_direct_unmap_page(dev, sg->dma_address, size, d, attrs);
	}
}

int dma_map_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
		    unsigned long attrs)
{
	int nents = __dma_map_sg(dev, sgt->sgl, (int)sgt->orig_nents, dir, attrs, _RET_IP_);

	if (nents < 0)
		return nents;
	sgt->nents = (unsigned int)nents;
	return 0;
}

void dma_unmap_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
		       unsigned long attrs)
{
	__dma_unmap_sg_attrs(dev, sgt->sgl, (int)sgt->orig_nents, dir, attrs, _RET_IP_);
}

void show_dma(void)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;

	debug_dma_show();
	if (!mem->nslabs) {
		printk(KERN_INFO "swiotlb: off\n");
		return;
	}
	printk(KERN_INFO "swiotlb: [mem %#llx-%#llx] %lu slots of %u bytes, %lu used (high %lu), %lu bounced mappings, %lu refused as full%s\n",
	       (unsigned long long)mem->start, (unsigned long long)mem->end - 1, mem->nslabs,
	       IO_TLB_SIZE, mem->used, mem->used_hiwater, mem->total_used, mem->full,
	       mem->force_bounce ? ", force" : "");
}
