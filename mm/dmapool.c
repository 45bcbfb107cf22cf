// SPDX-License-Identifier: MIT
/*
 * mm/dmapool.c - small coherent DMA blocks, as Linux 6.12's mm/dmapool.c
 * (the 2023 design: a free list of blocks threaded through the blocks).
 *
 * Owns: struct dma_pool and its pages. A page is `allocation` bytes
 * (at least PAGE_SIZE) from dma_alloc_coherent() on the pool's device; it
 * is cut into blocks of `size` bytes that never cross a `boundary`-aligned
 * bus address. Free blocks sit on one list per pool (struct dma_block,
 * kept inside the free block itself, with its bus address); pages are
 * given back only when the pool is destroyed, as Linux does. Freed blocks
 * are filled with POOL_POISON_FREED and allocated ones with
 * POOL_POISON_ALLOCATED (Linux's DMAPOOL_DEBUG values), and a free of an
 * address no page holds, or of a block already free, is reported with
 * Linux's messages and ignored.
 */
#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/dmapool.h>
#include <mm/slab.h>

#define POOL_POISON_FREED	0xa7
#define POOL_POISON_ALLOCATED	0xa9

struct dma_block {
	struct dma_block *next_block;
	dma_addr_t dma;
};

struct dma_pool {
	struct list_head page_list;
	spinlock_t lock;
	struct dma_block *next_block;
	size_t nr_blocks, nr_active, nr_pages;
	struct device *dev;
	unsigned int size, allocation, boundary;
	char name[32];
	struct list_head pools;
};

struct dma_page {
	struct list_head page_list;
	void *vaddr;
	dma_addr_t dma;
};

static LIST_HEAD(pool_list);
static DEFINE_SPINLOCK(pools_lock);
static unsigned long active_blocks;

unsigned long dma_pool_active_blocks(void)
{
	return active_blocks;
}

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				 size_t boundary)
{
	struct dma_pool *retval;
	size_t allocation;
	unsigned long flags;

	if (!align)
		align = 1;
	else if (align & (align - 1))
		return NULL;
	if (size == 0 || size > (1U << 30))
		return NULL;
	if (size < sizeof(struct dma_block))
		size = sizeof(struct dma_block);
	size = ALIGN(size, align);
	allocation = size > PAGE_SIZE ? size : PAGE_SIZE;
	if (!boundary)
		boundary = allocation;
	else if (boundary < size || (boundary & (boundary - 1)))
		return NULL;
	boundary = boundary < allocation ? boundary : allocation;
	retval = kzalloc(sizeof(*retval), GFP_KERNEL);
	if (!retval)
		return NULL;
	strlcpy(retval->name, name, sizeof(retval->name));
	retval->dev = dev;
	INIT_LIST_HEAD(&retval->page_list);
	spin_lock_init(&retval->lock);
	retval->size = (unsigned int)size;
	retval->boundary = (unsigned int)boundary;
	retval->allocation = (unsigned int)allocation;
	spin_lock_irqsave(&pools_lock, flags);
	list_add_tail(&retval->pools, &pool_list);
	spin_unlock_irqrestore(&pools_lock, flags);
	return retval;
}

/* Cut a new page into blocks, none crossing a boundary, onto the free list. */
static void pool_initialise_page(struct dma_pool *pool, struct dma_page *page)
{
	unsigned int next_boundary = pool->boundary, offset = 0;
	struct dma_block *block, *first = NULL, *last = NULL;

	memset(page->vaddr, POOL_POISON_FREED, pool->allocation);
	while (offset + pool->size <= pool->allocation) {
		if (offset + pool->size > next_boundary) {
			offset = next_boundary;
			next_boundary += pool->boundary;
			continue;
		}
		block = (struct dma_block *)((char *)page->vaddr + offset);
		block->dma = page->dma + offset;
		block->next_block = NULL;
		if (last)
			last->next_block = block;
		else
			first = block;
		last = block;
		offset += pool->size;
		pool->nr_blocks++;
	}
	last->next_block = pool->next_block;
	pool->next_block = first;
	list_add_tail(&page->page_list, &pool->page_list);
	pool->nr_pages++;
}

static struct dma_page *pool_alloc_page(struct dma_pool *pool, gfp_t mem_flags)
{
	struct dma_page *page = kmalloc(sizeof(*page), mem_flags);

	if (!page)
		return NULL;
	page->vaddr = dma_alloc_coherent(pool->dev, pool->allocation, &page->dma, mem_flags);
	if (!page->vaddr) {
		kfree(page);
		return NULL;
	}
	return page;
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_block *block;
	struct dma_page *page;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	if (!pool->next_block) {
		/* Linux drops the lock to allocate; one CPU here, same outcome */
		spin_unlock_irqrestore(&pool->lock, flags);
		page = pool_alloc_page(pool, mem_flags & ~__GFP_ZERO);
		if (!page)
			return NULL;
		spin_lock_irqsave(&pool->lock, flags);
		pool_initialise_page(pool, page);
	}
	block = pool->next_block;
	pool->next_block = block->next_block;
	pool->nr_active++;
	active_blocks++;
	spin_unlock_irqrestore(&pool->lock, flags);
	*handle = block->dma;
	if (mem_flags & __GFP_ZERO)
		memset(block, 0, pool->size);
	else
		memset(block, POOL_POISON_ALLOCATED, pool->size);
	return block;
}

void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | __GFP_ZERO, handle);
}

static struct dma_page *pool_find_page(struct dma_pool *pool, dma_addr_t dma)
{
	struct dma_page *page;

	list_for_each_entry(page, &pool->page_list, page_list)
		if (dma >= page->dma && dma < page->dma + pool->allocation)
			return page;
	return NULL;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	struct dma_block *block = vaddr, *b;
	struct dma_page *page;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	page = pool_find_page(pool, dma);
	if (!page || (char *)vaddr - (char *)page->vaddr != (long)(dma - page->dma)) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev, "dma_pool_free %s, %p/%#llx (bad dma) [caller %pS]\n", pool->name,
			vaddr, (unsigned long long)dma, (void *)_RET_IP_);
		return;
	}
	for (b = pool->next_block; b; b = b->next_block)
		if (b == block) {
			spin_unlock_irqrestore(&pool->lock, flags);
			dev_err(pool->dev, "dma_pool_free %s, dma %#llx already free [caller %pS]\n",
				pool->name, (unsigned long long)dma, (void *)_RET_IP_);
			return;
		}
	memset(vaddr, POOL_POISON_FREED, pool->size);
	block->dma = dma;
	block->next_block = pool->next_block;
	pool->next_block = block;
	pool->nr_active--;
	active_blocks--;
	spin_unlock_irqrestore(&pool->lock, flags);
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *page, *tmp;
	unsigned long flags;

	if (!pool)
		return;
	if (pool->nr_active) {
		dev_err(pool->dev, "dma_pool_destroy %s busy [caller %pS]\n", pool->name,
			(void *)_RET_IP_);
		return;
	}
	spin_lock_irqsave(&pools_lock, flags);
	list_del(&pool->pools);
	spin_unlock_irqrestore(&pools_lock, flags);
	list_for_each_entry_safe(page, tmp, &pool->page_list, page_list) {
		dma_free_coherent(pool->dev, pool->allocation, page->vaddr, page->dma);
		list_del(&page->page_list);
		kfree(page);
	}
	kfree(pool);
}

void show_dma_pools(void)
{
	struct dma_pool *pool;
	unsigned long flags;

	spin_lock_irqsave(&pools_lock, flags);
	list_for_each_entry(pool, &pool_list, pools)
		printk(KERN_INFO "  %s %s: pool %-16s %4zu %4zu %4u %2zu\n",
		       dev_driver_string(pool->dev), dev_name(pool->dev), pool->name,
		       pool->nr_active, pool->nr_blocks, pool->size, pool->nr_pages);
	spin_unlock_irqrestore(&pools_lock, flags);
}
