/* SPDX-License-Identifier: MIT */
/*
 * kernel/scatterlist.h - lists of (page, offset, length) pieces of one
 * buffer, as Linux's include/linux/scatterlist.h, for dma_map_sg().
 *
 * Owns: struct scatterlist and struct sg_table, the accessors Linux drivers
 * use (sg_set_page(), sg_page(), sg_phys(), for_each_sg(), sg_dma_address(),
 * sg_dma_len()) and the table builders in kernel/scatterlist.c. One array,
 * no chaining: the last entry carries SG_END, as in Linux's page_link.
 */
#ifndef KERNEL_SCATTERLIST_H
#define KERNEL_SCATTERLIST_H

#include <kernel/types.h>
#include <mm/gfp.h>
#include <mm/mm.h>

struct scatterlist {
	unsigned long page_link;	/* struct page *, SG_END in bit 1 */
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
};

struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;		/* mapped entries (after dma_map_sgtable()) */
	unsigned int orig_nents;	/* entries of the list */
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK	(SG_CHAIN | SG_END)

static inline struct page *sg_page(struct scatterlist *sg)
{
	return (struct page *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

static inline bool sg_is_last(struct scatterlist *sg)
{
	return sg->page_link & SG_END;
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->page_link |= SG_END;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
			       unsigned int offset)
{
	sg->page_link = (unsigned long)page | (sg->page_link & SG_END);
	sg->offset = offset;
	sg->length = len;
}

static inline phys_addr_t sg_phys(struct scatterlist *sg)
{
	return page_to_phys(sg_page(sg)) + sg->offset;
}

static inline struct scatterlist *sg_next(struct scatterlist *sg)
{
	return sg_is_last(sg) ? NULL : sg + 1;
}

#define for_each_sg(sglist, sg, nr, __i) \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
#define for_each_sgtable_sg(sgt, sg, i)		for_each_sg((sgt)->sgl, sg, (sgt)->orig_nents, i)
#define for_each_sgtable_dma_sg(sgt, sg, i)	for_each_sg((sgt)->sgl, sg, (sgt)->nents, i)

#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)

/* Zero nents entries and mark the last one. */
void sg_init_table(struct scatterlist *sgl, unsigned int nents);
/* A table of nents entries (kmalloc'ed): 0 or -ENOMEM / -EINVAL. */
int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp);
void sg_free_table(struct sg_table *table);
/*
 * A table for [offset, offset + size) of n_pages pages (e.g. a vmalloc
 * buffer's, from vmalloc_to_page()); physically consecutive pages share
 * one entry, as Linux's sg_alloc_table_from_pages() merges them.
 */
int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages, unsigned int n_pages,
			      unsigned int offset, unsigned long size, gfp_t gfp);

#endif
