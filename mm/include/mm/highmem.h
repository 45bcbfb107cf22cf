/* SPDX-License-Identifier: MIT */
/*
 * mm/highmem.h - temporary kernel mappings of any page, highmem included.
 *
 * kmap_local_page(page) returns an address for the page's contents: its
 * direct-map address for lowmem, else a per-CPU fixmap slot (i386). Slots
 * form a stack: unmap in the reverse order of mapping, on the same CPU;
 * at most KM_MAX_IDX at once. Usable from any context.
 */
#ifndef MM_HIGHMEM_H
#define MM_HIGHMEM_H

#include <mm/mm.h>

#define KM_MAX_IDX	16

void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);
/* Slots this CPU has mapped and not unmapped yet (0 when nothing is mapped). */
unsigned int kmap_local_depth(void);

/* Fill a page (any zone) with zeroes. */
void clear_highpage(struct page *page);

#endif
