/* SPDX-License-Identifier: MIT */
/*
 * kernel/dma-debug.h - the bookkeeping of every live DMA buffer and mapping,
 * in the manner of Linux's CONFIG_DMA_API_DEBUG (kernel/dma/debug.c).
 *
 * Owns: the debug_dma_*() hooks kernel/dma/mapping.c calls around each
 * operation, the counts the test harness samples, the devices seen (for
 * the `dma` report). A check that fails prints one WARN in Linux's words:
 *     DMA-API: <driver> <bus id>: device driver tries to free DMA memory it
 *     has not allocated [device address=0x...] [size=N bytes] [caller f+0x..]
 * An unmap, free or sync the records reject tells its caller so (false):
 * nothing is unmapped or freed on its word.
 */
#ifndef KERNEL_DMA_DEBUG_H
#define KERNEL_DMA_DEBUG_H

#include <kernel/dma-mapping.h>

enum dma_debug_type {
	dma_debug_single,
	dma_debug_sg,
	dma_debug_coherent,
	dma_debug_page,
};

/*
 * The caller of the DMA API call in progress (set by kernel/dma/mapping.c
 * on entry), for the reports made below it (swiotlb's "buffer is full").
 * One CPU: a map from an interrupt handler in between may only make such a
 * report name the wrong caller.
 */
extern unsigned long dma_debug_current_caller;

/* Register a device for the report (dma_set_mask() and every map do). */
void debug_dma_add_device(struct device *dev);
/* The device leaves the report; what it still holds is reported (a driver's unbind). */
void debug_dma_remove_device(struct device *dev);

void debug_dma_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			enum dma_data_direction dir, dma_addr_t dma_addr, bool bounced, int type,
			unsigned long caller);
/*
 * Check an unmap against the record of [addr, ...). true: a record matched
 * by device and address; *size and *dir are what it was mapped with (a
 * mismatch was reported); the record is gone. false: no record (reported):
 * unmap nothing.
 */
bool debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t *size,
			  enum dma_data_direction *dir, int type, unsigned long caller);
void debug_dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t dma_addr, void *virt,
			      unsigned long caller);
/* As debug_dma_unmap_page(), for a coherent buffer: *size is the allocated size. */
bool debug_dma_free_coherent(struct device *dev, size_t *size, void *virt, dma_addr_t addr,
			     unsigned long caller);
/* A sync of [addr, addr + size) must lie inside one live mapping, in a direction it allows. */
bool debug_dma_sync_single(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, bool for_cpu, unsigned long caller);

/* Live records (the ktest resources). */
unsigned long debug_dma_coherent_count(void);
unsigned long debug_dma_mapping_count(void);
/* Reports made since boot (tests read the count, as warn_count()). */
unsigned long debug_dma_error_count(void);
void debug_dma_show(void);

#endif
