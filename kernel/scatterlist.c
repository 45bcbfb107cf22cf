// SPDX-License-Identifier: MIT
/*
 * kernel/scatterlist.c - building scatter-gather tables, as Linux's
 * lib/scatterlist.c (without chained lists: one kmalloc'ed array).
 *
 * Owns: sg_init_table(), sg_alloc_table()/sg_free_table() and
 * sg_alloc_table_from_pages(), which turns the pages of a buffer that is
 * contiguous only virtually (vmalloc) into entries, one per physically
 * contiguous run. dma_map_sg() (kernel/dma/mapping.c) maps the result.
 */
#include <kernel/errno.h>
#include <kernel/scatterlist.h>
#include <kernel/string.h>
#include <mm/slab.h>

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	if (nents)
		sg_mark_end(&sgl[nents - 1]);
}

int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp)
{
	memset(table, 0, sizeof(*table));
	if (!nents)
		return -EINVAL;
	table->sgl = kmalloc(sizeof(struct scatterlist) * nents, gfp);
	if (!table->sgl)
		return -ENOMEM;
	sg_init_table(table->sgl, nents);
	table->nents = table->orig_nents = nents;
	return 0;
}

void sg_free_table(struct sg_table *table)
{
	kfree(table->sgl);
	memset(table, 0, sizeof(*table));
}

int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages, unsigned int n_pages,
			      unsigned int offset, unsigned long size, gfp_t gfp)
{
	unsigned int chunks = 0, i, cur;
	struct scatterlist *sg;
	int ret;

	if (!n_pages || !size || offset >= PAGE_SIZE ||
	    offset + size > (unsigned long)n_pages * PAGE_SIZE)
		return -EINVAL;
	/* pages past the end of the buffer take no entry */
	n_pages = (unsigned int)((offset + size + PAGE_SIZE - 1) / PAGE_SIZE);
	/* one entry per run of physically consecutive pages */
	for (i = 0; i < n_pages; i++)
		if (i == 0 || page_to_pfn(pages[i]) != page_to_pfn(pages[i - 1]) + 1)
			chunks++;
	ret = sg_alloc_table(sgt, chunks, gfp);
	if (ret)
		return ret;
	sg = sgt->sgl;
	for (i = 0, cur = 0; i < n_pages; cur++) {
		unsigned int j = i + 1;
		unsigned long len;

		while (j < n_pages && page_to_pfn(pages[j]) == page_to_pfn(pages[j - 1]) + 1)
			j++;
		len = (unsigned long)(j - i) * PAGE_SIZE - offset;
		if (len > size)
			len = size;
		sg_set_page(&sg[cur], pages[i], (unsigned int)len, offset);
		size -= len;
		offset = 0;
		i = j;
	}
	return 0;
}
