/* SPDX-License-Identifier: MIT */
/*
 * mm/mm_types.h - struct page: one per physical page frame.
 *
 * 32 bytes on x86_64 (Linux uses 64), 24 on i386. Who uses which word:
 *
 *   flags      PG_* bits, the allocation-order field and the zone (top bits)
 *   buddy_next/buddy_prev
 *              pfn links: free-list membership of a free block's first page
 *              (buddy) or a page on a per-CPU list
 *   compound_head
 *              tail page of a compound page (PG_tail): its head. Shares the
 *              word of the links, which a tail never needs.
 *   private    free block: its order. Allocated: free for the owner.
 *   _refcount  references; 0 when free. The first page of an allocation
 *              starts at 1; the other pages of a plain (non-compound)
 *              block stay at 0 until split_page().
 *   page_type  what the page is used as (PGTY_buddy for the first page of a
 *              free block); PAGE_TYPE_NONE (~0) otherwise.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include <kernel/atomic.h>
#include <kernel/types.h>

struct page {
	unsigned long flags;
	union {
		struct {
			u32 buddy_next, buddy_prev;
		};
		struct page *compound_head;
	};
	unsigned long private;
	atomic_t _refcount;
	unsigned int page_type;
};

#endif
