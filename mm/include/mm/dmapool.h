/* SPDX-License-Identifier: MIT */
/*
 * mm/dmapool.h - pools of small coherent DMA blocks, as Linux's
 * include/linux/dmapool.h.
 *
 * dma_pool_create(name, dev, size, align, boundary): blocks of size bytes
 * (rounded up to align, a power of two), carved from whole coherent pages
 * (dma_alloc_coherent(): the device reaches them); no block crosses a
 * boundary-aligned address (0: the allocation's size). dma_pool_alloc()
 * returns the CPU address and the bus address in *handle.
 */
#ifndef MM_DMAPOOL_H
#define MM_DMAPOOL_H

#include <kernel/dma-mapping.h>

struct dma_pool;

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				 size_t boundary);
/*
 * With blocks still allocated, Linux's "dma_pool_destroy <name> busy"
 * (dev_err) and, unlike Linux (which then leaks the pages, in case the
 * device still writes them), the pool is kept whole: the caller may free
 * its blocks and destroy it again.
 */
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma);

/* Blocks allocated from all pools (the ktest resource). */
unsigned long dma_pool_active_blocks(void);
/* One line per pool: name, device, block size, blocks in use/total, pages (the `dma` report). */
void show_dma_pools(void);

#endif
