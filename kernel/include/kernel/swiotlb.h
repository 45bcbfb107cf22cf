/* SPDX-License-Identifier: MIT */
/*
 * kernel/swiotlb.h - the software IO TLB: a bounce pool for devices that
 * cannot reach a buffer, as Linux's include/linux/swiotlb.h.
 *
 * Owns: the slot geometry (IO_TLB_SHIFT, IO_TLB_SIZE, IO_TLB_SEGSIZE), the
 * pool (struct io_tlb_mem, one, set up at boot) and the calls dma-direct
 * makes: swiotlb_map() to bounce, swiotlb_tbl_unmap_single() and the two
 * syncs to copy back and release. See kernel/dma/swiotlb.c.
 */
#ifndef KERNEL_SWIOTLB_H
#define KERNEL_SWIOTLB_H

#include <kernel/dma-mapping.h>
#include <kernel/spinlock.h>

#define IO_TLB_SHIFT		11			/* a slot is 2 KiB */
#define IO_TLB_SIZE		(1 << IO_TLB_SHIFT)
#define IO_TLB_SEGSIZE		128			/* at most 256 KiB in one mapping */
/*
 * mmos's default pool: 512 slots, 1 MiB, taken from ZONE_DMA (Linux: 64
 * MiB below 4 GiB; see kernel/dma/swiotlb.c for why it differs).
 */
#define IO_TLB_DEFAULT_NSLABS	512UL
#define INVALID_PHYS_ADDR	(~(phys_addr_t)0)

struct io_tlb_slot {
	phys_addr_t orig_addr;		/* the byte this slot's first byte stands for */
	size_t alloc_size;		/* first slot of a mapping: its size; else 0 */
	unsigned int nr;		/* first slot of a mapping: how many slots it holds */
};

struct io_tlb_mem {
	phys_addr_t start, end;		/* the pool: [start, end) */
	void *vaddr;			/* its direct-map address */
	unsigned long nslabs;
	unsigned long used;		/* slots in use */
	unsigned long used_hiwater;
	unsigned long total_used;	/* mappings ever made (the bounce count) */
	unsigned long full;		/* mappings refused for want of slots */
	unsigned int index;		/* where the next search starts */
	bool force_bounce;		/* swiotlb=force: bounce every streaming mapping */
	struct io_tlb_slot *slots;
	spinlock_t lock;
};

extern struct io_tlb_mem io_tlb_default_mem;

/* Boot: reserve the pool if addressing_limit or swiotlb=force asks for it. */
void swiotlb_init(bool addressing_limit);

static inline bool is_swiotlb_active(struct device *dev)
{
	(void)dev;
	return io_tlb_default_mem.nslabs != 0;
}

static inline bool is_swiotlb_force_bounce(struct device *dev)
{
	(void)dev;
	return io_tlb_default_mem.force_bounce && io_tlb_default_mem.nslabs;
}

static inline bool is_swiotlb_buffer(struct device *dev, phys_addr_t paddr)
{
	(void)dev;
	return io_tlb_default_mem.nslabs && paddr >= io_tlb_default_mem.start &&
	       paddr < io_tlb_default_mem.end;
}

dma_addr_t swiotlb_map(struct device *dev, phys_addr_t phys, size_t size,
		       enum dma_data_direction dir, unsigned long attrs);
phys_addr_t swiotlb_tbl_map_single(struct device *dev, phys_addr_t orig_addr, size_t mapping_size,
				   enum dma_data_direction dir, unsigned long attrs);
void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr, size_t mapping_size,
			      enum dma_data_direction dir, unsigned long attrs);
void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr, size_t size,
				    enum dma_data_direction dir);
void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr, size_t size,
				 enum dma_data_direction dir);
/* The largest mapping the pool can take (Linux's swiotlb_max_mapping_size()). */
size_t swiotlb_max_mapping_size(struct device *dev);
/* Slots in use now (the ktest resource and the report read it). */
unsigned long swiotlb_used(void);
void swiotlb_print_info(void);

#endif
