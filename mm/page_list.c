// SPDX-License-Identifier: MIT
/*
 * mm/page_list.c - pfn-linked page lists (see mm/page_list.h).
 *
 * Owns: nothing but the link words of the pages on a list. The caller holds
 * whatever lock protects the list (zone->lock, or IRQs off for per-CPU lists).
 */
#include <mm/mm.h>
#include <mm/page_list.h>

static struct page *to_page(u32 pfn)
{
	return pfn == PFN_NIL ? NULL : pfn_to_page(pfn);
}

void page_list_add(struct page_list *l, struct page *page)
{
	u32 pfn = (u32)page_to_pfn(page);

	page->buddy_prev = PFN_NIL;
	page->buddy_next = l->first;
	if (l->first != PFN_NIL)
		pfn_to_page(l->first)->buddy_prev = pfn;
	else
		l->last = pfn;
	l->first = pfn;
}

void page_list_add_tail(struct page_list *l, struct page *page)
{
	u32 pfn = (u32)page_to_pfn(page);

	page->buddy_next = PFN_NIL;
	page->buddy_prev = l->last;
	if (l->last != PFN_NIL)
		pfn_to_page(l->last)->buddy_next = pfn;
	else
		l->first = pfn;
	l->last = pfn;
}

void page_list_del(struct page_list *l, struct page *page)
{
	if (page->buddy_prev != PFN_NIL)
		pfn_to_page(page->buddy_prev)->buddy_next = page->buddy_next;
	else
		l->first = page->buddy_next;
	if (page->buddy_next != PFN_NIL)
		pfn_to_page(page->buddy_next)->buddy_prev = page->buddy_prev;
	else
		l->last = page->buddy_prev;
	page->buddy_next = page->buddy_prev = PFN_NIL;
}

struct page *page_list_first(const struct page_list *l)
{
	return to_page(l->first);
}

struct page *page_list_next(const struct page *page)
{
	return to_page(page->buddy_next);
}

struct page *page_list_pop(struct page_list *l)
{
	struct page *page = to_page(l->first);

	if (page)
		page_list_del(l, page);
	return page;
}
