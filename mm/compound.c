// SPDX-License-Identifier: MIT
/*
 * mm/compound.c - compound pages, page references, split_page.
 *
 * Owns: the compound-page layout, get_page/put_page, the destructor table
 * and split_page(), plus the page dumps. A higher-order block is either
 * one object (compound: every reference is counted on the head, the last
 * put frees all of it) or, after split_page(), 2^order independent pages.
 * Must not touch: free lists (the free itself goes through page_alloc.c).
 * Tests: tests/kernel/compound_test.c.
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include "internal.h"

/*
 * The layout. __GFP_COMP on an order-2 allocation gives:
 *
 *   page[0]  PG_head   _refcount = n   order, dtor kind (in flags)
 *   page[1]  PG_tail   compound_head ──┐ _refcount = 0
 *   page[2]  PG_tail   compound_head ──┤ _refcount = 0
 *   page[3]  PG_tail   compound_head ──┘ _refcount = 0
 *                                      └──> page[0]
 *
 * A tail is found by its PG_tail flag (as Linux 2.6.22 - 4.3 did; Linux
 * now encodes it in bit 0 of the head pointer, which mmos's pfn-linked
 * lists cannot spare). get_page/put_page on any page act on the head.
 */
void prep_compound_page(struct page *page, unsigned int order)
{
	set_page_flag(page, PG_head);
	set_compound_page_dtor(page, COMPOUND_PAGE_DTOR);
	for (unsigned long i = 1; i < (1UL << order); i++) {
		struct page *p = page + i;

		set_page_flag(p, PG_tail);
		p->compound_head = page;
		set_page_private(p, 0);
	}
}

void set_compound_page_dtor(struct page *head, enum compound_dtor_id id)
{
	head->flags = (head->flags & ~PAGE_DTOR_MASK) | ((unsigned long)id << PAGE_DTOR_SHIFT);
}

enum compound_dtor_id compound_page_dtor_id(const struct page *head)
{
	return (enum compound_dtor_id)((head->flags & PAGE_DTOR_MASK) >> PAGE_DTOR_SHIFT);
}

static compound_page_dtor dtors[NR_COMPOUND_DTORS];

void register_compound_page_dtor(enum compound_dtor_id id, compound_page_dtor dtor)
{
	if (!WARN_ON(id >= NR_COMPOUND_DTORS))
		dtors[id] = dtor;
}

/* The last reference to a compound page is gone: run its kind's destructor. */
void destroy_compound_page(struct page *head, unsigned long caller)
{
	enum compound_dtor_id id = compound_page_dtor_id(head);

	if (id != COMPOUND_PAGE_DTOR && id < NR_COMPOUND_DTORS && dtors[id])
		dtors[id](head);
	else
		free_compound_block(head, caller);
}

/*
 * The default destructor: undo the compound layout (each tail must still
 * name its head) and free the block. A corrupted tail is reported and the
 * page kept, with its reference back.
 */
void free_compound_block(struct page *head, unsigned long caller)
{
	unsigned int order = compound_order(head);

	for (unsigned long i = 1; i < (1UL << order); i++) {
		struct page *p = head + i;

		if (!PageTail(p) || p->compound_head != head) {
			bad_page(p, "corrupted compound page: tail does not point to its head", caller);
			set_page_count(head, 1);
			return;
		}
		clear_page_flag(p, PG_tail);
		p->buddy_next = p->buddy_prev = PFN_NIL;
	}
	clear_page_flag(head, PG_head);
	head->flags &= ~PAGE_DTOR_MASK;
	free_the_page(head, order, caller);
}

void get_page(struct page *page)
{
	struct page *head = compound_head(page);

	if (WARN(page_ref_count(head) <= 0, "get_page: pfn %#lx (head %#lx) is free, from %pS\n",
		 page_to_pfn(page), page_to_pfn(head), (void *)_RET_IP_))
		return;
	atomic_inc(&head->_refcount);
}

noinline void put_page(struct page *page)
{
	struct page *head = compound_head(page);

	if (page_ref_count(head) <= 0) {
		bad_page(page, "put_page would drop the reference count below zero", _RET_IP_);
		return;
	}
	if (!put_page_testzero(head))
		return;
	if (PageHead(head)) {
		destroy_compound_page(head, _RET_IP_);
	} else {
		int order = max(page_alloc_order(head), 0);

		/*
		 * Linux sees an order-0 folio here: it frees this one page and
		 * the rest of the block leaks. mmos knows the order, frees the
		 * whole block, and reports the caller's mistake.
		 */
		if (order > 0) {
			char why[112];

			snprintf(why, sizeof(why), "put_page frees a non-compound order-%d block; "
				 "Linux would free order 0 and leak %lu pages", order,
				 (1UL << order) - 1);
			bad_page(head, why, _RET_IP_);
		}
		free_the_page(head, (unsigned int)order, _RET_IP_);
	}
}

void split_page(struct page *page, unsigned int order)
{
	if (WARN(PageCompound(page),
		 "split_page: pfn %#lx is part of a compound page (head %#lx, order %u), from %pS\n",
		 page_to_pfn(page), page_to_pfn(compound_head(page)),
		 compound_order(compound_head(page)), (void *)_RET_IP_))
		return;
	if (WARN(page_ref_count(page) <= 0 || page_alloc_order(page) != (int)order,
		 "split_page: pfn %#lx is not an allocated order-%u block (refcount %d, order %d), from %pS\n",
		 page_to_pfn(page), order, page_ref_count(page), page_alloc_order(page),
		 (void *)_RET_IP_))
		return;
	for (unsigned long i = 1; i < (1UL << order); i++) {	/* LAB 3 BEGIN split_page */
		set_page_count(page + i, 1);
		set_page_alloc_order(page + i, 0);
	}
	set_page_alloc_order(page, 0);	/* LAB 3 END split_page */
}

/*
 * page->flags as Linux 6.12's %pGp prints them: the value, then in
 * parentheses the names of the flags set ("reserved", "head", and "tail"
 * for mmos's PG_tail, the name Linux's PG_tail had until 4.4), "|"
 * between, then the fields the word holds ("zone=N"; Linux's node and
 * lastcpupid have no bits here, and a field of width 0 is not printed).
 * PG_slab is left out: in 6.12 a slab is a page type (page_type_name()).
 */
static int page_flags_string(const struct page *page, char *buf, size_t size)
{
	static const char *const names[] = { [PG_reserved] = "reserved", [PG_head] = "head",
					     [PG_tail] = "tail" };
	int n = scnprintf(buf, size, "%#lx(", page->flags);

	for (unsigned int f = 0; f < ARRAY_SIZE(names); f++)
		if (page->flags & (1UL << f))
			n += scnprintf(buf + n, size - n, "%s|", names[f]);
	return n + scnprintf(buf + n, size - n, "zone=%d)", page_zonenum(page));
}

/*
 * The page type Linux 6.12's dump_page() names after the flags, "" if
 * none: the folio's, so a slab's tail pages show "slab" too. page_type >>
 * 24 in Linux: PGTY_buddy 0xf0, PGTY_slab 0xf5 (mmos keeps the slab's
 * freelist in page_type, so its type is read from PG_slab).
 */
static const char *page_type_name(const struct page *page, unsigned int *type)
{
	const struct page *head = compound_head_checked(page);

	if (PageBuddy(page)) {
		*type = PGTY_buddy >> 24;
		return "buddy";
	}
	if (head && PageSlab(head)) {
		*type = 0xf5;
		return "slab";
	}
	return NULL;
}

/*
 * compound_head() for reports, which are about pages in a bad state: the
 * head a page marked PG_tail names only if it is a struct page that exists
 * and is PageHead, else NULL. Any other page is its own head.
 */
const struct page *compound_head_checked(const struct page *page)
{
	unsigned long off = (unsigned long)page->compound_head - (unsigned long)mem_map;

	if (!PageTail(page))
		return page;
	if (off % sizeof(struct page) || off / sizeof(struct page) >= max_pfn ||
	    !pfn_valid(off / sizeof(struct page)) || !PageHead(page->compound_head))
		return NULL;
	return page->compound_head;
}

void dump_page(const struct page *page, const char *reason)
{
	const struct page *head = compound_head_checked(page);
	unsigned int type = 0;
	const char *type_name = page_type_name(page, &type);
	char flags[80];

	page_flags_string(page, flags, sizeof(flags));
	if (PageCompound(page) && !head)
		pr_emerg("page: refcount:%d pfn:%#lx head:none (compound_head %p is not a compound "
			 "page's head)\n", page_ref_count(page), page_to_pfn(page),
			 (void *)page->compound_head);
	else if (PageCompound(page))
		pr_emerg("page: refcount:%d pfn:%#lx head:%#lx order:%u compound_nr:%lu\n",
			 page_count(page), page_to_pfn(page), page_to_pfn(head), compound_order(head),
			 compound_nr(head));
	else
		pr_emerg("page: refcount:%d pfn:%#lx order:%d private:%#lx\n", page_ref_count(page),
			 page_to_pfn(page), PageBuddy(page) ? (int)page_private(page) :
							      page_alloc_order(page),
			 page_private(page));
	pr_emerg("flags: %s\n", flags);
	if (type_name)
		pr_emerg("page_type: %x(%s)\n", type, type_name);
	if (reason)
		pr_emerg("page dumped because: %s\n", reason);
}

void dump_page_range(unsigned long start_pfn, unsigned long nr)
{
	for (unsigned long pfn = start_pfn; pfn < start_pfn + nr; pfn++) {
		const struct page *page;
		const char *type_name;
		unsigned int type = 0;
		char flags[80], typed[32] = "";

		if (!pfn_valid(pfn)) {
			pr_info("pfn:%#lx no page frame\n", pfn);
			continue;
		}
		page = pfn_to_page(pfn);
		page_flags_string(page, flags, sizeof(flags));
		type_name = page_type_name(page, &type);
		if (type_name)
			scnprintf(typed, sizeof(typed), " page_type:%x(%s)", type, type_name);
		if (PageTail(page))
			pr_info("pfn:%#lx refcount:%d zone:%s flags:%s%s head:%#lx\n", pfn,
				page_ref_count(page), zone_names[page_zonenum(page)], flags, typed,
				page_to_pfn(compound_head(page)));
		else
			pr_info("pfn:%#lx refcount:%d zone:%s flags:%s%s order:%d\n", pfn,
				page_ref_count(page), zone_names[page_zonenum(page)], flags, typed,
				PageBuddy(page) ? (int)page_private(page) : page_alloc_order(page));
	}
}
