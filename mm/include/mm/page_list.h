/* SPDX-License-Identifier: MIT */
/*
 * mm/page_list.h - doubly linked lists of struct pages, linked by pfn.
 *
 * The free lists and per-CPU lists thread through the pages themselves.
 * Links are 32-bit pfns rather than pointers: two of them take the room of
 * one pointer, which is what keeps struct page at 32 bytes on x86_64. The
 * list head records both ends; PFN_NIL ends the list. 32-bit pfns reach
 * 16 TiB of physical memory.
 */
#ifndef MM_PAGE_LIST_H
#define MM_PAGE_LIST_H

#include <kernel/types.h>

#define PFN_NIL		0xffffffffu

struct page_list {
	u32 first, last;
};

#define PAGE_LIST_INIT	{ PFN_NIL, PFN_NIL }

static inline void page_list_init(struct page_list *l)
{
	l->first = l->last = PFN_NIL;
}

static inline bool page_list_empty(const struct page_list *l)
{
	return l->first == PFN_NIL;
}

struct page;
void page_list_add(struct page_list *l, struct page *page);	/* at the head */
void page_list_add_tail(struct page_list *l, struct page *page);
void page_list_del(struct page_list *l, struct page *page);
/* Remove and return the first page, or NULL. */
struct page *page_list_pop(struct page_list *l);
struct page *page_list_first(const struct page_list *l);
/* The page after page on its list, or NULL. */
struct page *page_list_next(const struct page *page);

#define page_list_for_each(page, l) \
	for ((page) = page_list_first(l); (page); (page) = page_list_next(page))

#endif
