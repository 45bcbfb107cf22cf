/* SPDX-License-Identifier: MIT */
/*
 * mm/highmem.h - kernel mappings of any page, highmem included.
 *
 * kmap(page) / kunmap(page): a mapping that lasts until kunmap and is the
 * same for every user of the page: the direct-map address for lowmem, else
 * a slot of the PKMAP area (i386). Not from interrupt context (it WARNs
 * once). Where Linux would sleep for a free slot, mmos reports and returns
 * NULL. Prefer kmap_local_page().
 *
 * kmap_local_page(page) / kunmap_local(addr): the direct-map address for
 * lowmem, else a per-CPU fixmap slot (i386). Slots form a stack: unmap in
 * the reverse order of mapping, on the same CPU; at most KM_MAX_IDX at
 * once. Usable from any context. kmap_atomic() / kunmap_atomic() are the
 * same mappings.
 *
 * x86_64 has no highmem: every page is in the direct map, and all of these
 * return page_address() and map nothing.
 */
#ifndef MM_HIGHMEM_H
#define MM_HIGHMEM_H

#include <kernel/bug.h>
#include <kernel/hardirq.h>
#include <mm/mm.h>
#include <asm/highmem.h>

#define KM_MAX_IDX	16

void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);
/* Slots this CPU has mapped and not unmapped yet (0 when nothing is mapped). */
unsigned int kmap_local_depth(void);

/*
 * Linux's kmap_atomic() also disables preemption and page faults
 * (pagefault_disable(), so a fault on a user address fails at once instead
 * of sleeping). mmos has neither preemption nor user addresses to fault
 * on, so the mapping is all there is to it.
 */
static inline void *kmap_atomic(struct page *page)
{
	return kmap_local_page(page);
}

static inline void kunmap_atomic(void *addr)
{
	kunmap_local(addr);
}

#ifdef CONFIG_HIGHMEM
/*
 * The PKMAP slot of a HighMem page, taking one more use of it: an existing
 * mapping if the page has one, else a new slot. NULL, with a report naming
 * the caller, when all LAST_PKMAP slots have users.
 */
void *kmap_high(struct page *page);
/* Drop one use of a HighMem page's slot; a page not kmapped is reported. */
void kunmap_high(struct page *page);
/* PKMAP slots with users (pkmap_count >= 2), and wrap-around flushes so far. */
unsigned int nr_pkmaps_in_use(void);
unsigned long nr_pkmap_flushes(void);

/* Inline so that kmap_high()'s caller, which it reports, is kmap()'s. */
static __always_inline void *kmap(struct page *page)
{
	WARN_ON_ONCE(in_interrupt());
	if (!PageHighMem(page))
		return page_address(page);
	return kmap_high(page);
}

static __always_inline void kunmap(struct page *page)
{
	WARN_ON_ONCE(in_interrupt());
	if (!PageHighMem(page))
		return;
	kunmap_high(page);
}
#else
static inline unsigned int nr_pkmaps_in_use(void) { return 0; }

static inline void *kmap(struct page *page)
{
	WARN_ON_ONCE(in_interrupt());
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
	(void)page;
	WARN_ON_ONCE(in_interrupt());
}
#endif

/* Fill a page (any zone) with zeroes. */
void clear_highpage(struct page *page);

/*
 * Take their slots from the pages kmapped earlier that have no users left
 * (flush_all_zero_pkmaps() now rather than at the next wrap), so that
 * page_address() of each is NULL again. Linux's kmap_flush_unused().
 */
void kmap_flush_unused(void);

/* The kmapinfo shell command: PKMAP slots in use and cached, flushes, local depth. */
void show_kmapinfo(void);

/* mm/highmem.c: the hash behind page_address() (mm_core_init() calls it). */
void page_address_init(void);

#endif
