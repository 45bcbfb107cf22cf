/* SPDX-License-Identifier: MIT */
/*
 * mm/page_list.h - doubly linked lists of struct pages, linked by pfn.
 *
 * The free lists and per-CPU lists thread through the pages themselves.
 * Links are 32-bit pfns rather than pointers: two of them take the room of
 * one pointer, which is what keeps struct page at 32 bytes on x86_64. The
 * list head records both ends; PFN_NIL ends the list. 32-bit pfns reach
 * 16 TiB of physical memory.
 *
 * Owns nothing but the link words of the pages on a list; the caller holds
 * whatever lock protects the list (zone->lock, or IRQs off for per-CPU
 * lists). Inline: every allocation and free of a page goes through here.
 */
#ifndef MM_PAGE_LIST_H
#define MM_PAGE_LIST_H

#include <kernel/types.h>
#include <mm/mm_types.h>

#define PFN_NIL		0xffffffffu
/* The highest pfn a link can name (RAM is clamped below it: e820__phys_limit()). */
#define PAGE_LIST_MAX_PFN	(PFN_NIL - 1)

struct page_list {
	u32 first, last;
};

#define PAGE_LIST_INIT	{ PFN_NIL, PFN_NIL }

extern struct page *mem_map;	/* mm/mm.h: mem_map[pfn] is pfn's page */

static inline struct page *page_list_page(u32 pfn)
{
	return pfn == PFN_NIL ? NULL : mem_map + pfn;
}

static inline void page_list_init(struct page_list *l)
{
	l->first = l->last = PFN_NIL;
}

static inline bool page_list_empty(const struct page_list *l)
{
	return l->first == PFN_NIL;
}

/* Add at the head. */
static inline void page_list_add(struct page_list *l, struct page *page)
{
	u32 pfn = (u32)(page - mem_map);

	page->buddy_prev = PFN_NIL;
	page->buddy_next = l->first;
	if (l->first != PFN_NIL)
		mem_map[l->first].buddy_prev = pfn;
	else
		l->last = pfn;
	l->first = pfn;
}

static inline void page_list_add_tail(struct page_list *l, struct page *page)
{
	u32 pfn = (u32)(page - mem_map);

	page->buddy_next = PFN_NIL;
	page->buddy_prev = l->last;
	if (l->last != PFN_NIL)
		mem_map[l->last].buddy_next = pfn;
	else
		l->first = pfn;
	l->last = pfn;
}

static inline void page_list_del(struct page_list *l, struct page *page)
{
	u32 next = page->buddy_next, prev = page->buddy_prev;

	if (prev != PFN_NIL)
		mem_map[prev].buddy_next = next;
	else
		l->first = next;
	if (next != PFN_NIL)
		mem_map[next].buddy_prev = prev;
	else
		l->last = prev;
	page->buddy_next = page->buddy_prev = PFN_NIL;
}

static inline struct page *page_list_first(const struct page_list *l)
{
	return page_list_page(l->first);
}

static inline struct page *page_list_last(const struct page_list *l)
{
	return page_list_page(l->last);
}

/* The page after page on its list, or NULL. */
static inline struct page *page_list_next(const struct page *page)
{
	return page_list_page(page->buddy_next);
}

/* Remove and return the first page, or NULL. */
static inline struct page *page_list_pop(struct page_list *l)
{
	struct page *page = page_list_first(l);

	if (page) {
		l->first = page->buddy_next;	/* it has no predecessor */
		if (l->first != PFN_NIL)
			mem_map[l->first].buddy_prev = PFN_NIL;
		else
			l->last = PFN_NIL;
		page->buddy_next = page->buddy_prev = PFN_NIL;
	}
	return page;
}

/* Remove and return the last page, or NULL. */
static inline struct page *page_list_pop_tail(struct page_list *l)
{
	struct page *page = page_list_last(l);

	if (page) {
		l->last = page->buddy_prev;	/* it has no successor */
		if (l->last != PFN_NIL)
			mem_map[l->last].buddy_next = PFN_NIL;
		else
			l->first = PFN_NIL;
		page->buddy_next = page->buddy_prev = PFN_NIL;
	}
	return page;
}

/*
 * Append n pages (n > 0) that are step pfns apart, starting with page, in
 * that order: the pieces of a block being cut up, linked in one pass.
 */
static inline void page_list_add_tail_run(struct page_list *l, struct page *page,
					  unsigned long n, unsigned long step)
{
	u32 first = (u32)(page - mem_map), pfn = first;

	for (unsigned long i = 0; i < n; i++, page += step, pfn += (u32)step) {
		page->buddy_prev = i ? pfn - (u32)step : l->last;
		page->buddy_next = i + 1 < n ? pfn + (u32)step : PFN_NIL;
	}
	if (l->last != PFN_NIL)
		mem_map[l->last].buddy_next = first;
	else
		l->first = first;
	l->last = pfn - (u32)step;
}

#define page_list_for_each(page, l) \
	for ((page) = page_list_first(l); (page); (page) = page_list_next(page))

#endif
