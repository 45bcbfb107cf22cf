/* SPDX-License-Identifier: MIT */
/*
 * mm/mm.h - page frames: pfn <-> struct page <-> address, flags, refcounts.
 *
 * The memmap is virtually contiguous: mem_map[pfn] is pfn's struct page for
 * every pfn_valid() pfn (x86_64 maps it at VMEMMAP_START section by section;
 * i386 allocates one flat array). So page_to_pfn and pfn_to_page are plain
 * pointer arithmetic.
 *
 * page->flags:
 *   bits 0..7    PG_* flags
 *   bits 8..11   1 + the order of the allocation this page heads (0: it heads
 *                none). mmos records it so a free with the wrong order is
 *                caught and corrected, where Linux can only trust the caller.
 *   top 2 bits   the zone
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <asm/page.h>
#include <kernel/compiler.h>
#include <mm/mm_types.h>
#include <mm/mmzone.h>

enum pageflags {
	PG_reserved,	/* not the buddy allocator's: a hole or a boot reservation */
	PG_head,	/* first page of a compound page */
	PG_tail,	/* any other page of a compound page */
	__NR_PAGEFLAGS
};

#define BITS_PER_LONG		(8 * (int)sizeof(long))
#define PAGE_ORDER_SHIFT	8
#define PAGE_ORDER_MASK		(0xfUL << PAGE_ORDER_SHIFT)
#define ZONES_SHIFT		2
#define ZONES_PGSHIFT		(BITS_PER_LONG - ZONES_SHIFT)

#define PAGE_TYPE_NONE		0xffffffffu
#define PGTY_buddy		0xf0000000u

extern struct page *mem_map;
extern unsigned long max_pfn, max_low_pfn, min_low_pfn;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/* Does pfn have a struct page? (It may still be a hole: PG_reserved.) */
bool pfn_valid(unsigned long pfn);

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline bool test_page_flag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

static inline void set_page_flag(struct page *page, enum pageflags f)
{
	page->flags |= 1UL << f;
}

static inline void clear_page_flag(struct page *page, enum pageflags f)
{
	page->flags &= ~(1UL << f);
}

#define PageReserved(p)		test_page_flag(p, PG_reserved)
#define SetPageReserved(p)	set_page_flag(p, PG_reserved)
#define ClearPageReserved(p)	clear_page_flag(p, PG_reserved)
#define PageHead(p)		test_page_flag(p, PG_head)
#define PageTail(p)		test_page_flag(p, PG_tail)
#define PageCompound(p)		(PageHead(p) || PageTail(p))

static inline bool PageBuddy(const struct page *page)
{
	return page->page_type == PGTY_buddy;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(((1UL << ZONES_SHIFT) - 1) << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/* The order of the allocation this page heads, or -1. */
static inline int page_alloc_order(const struct page *page)
{
	return (int)((page->flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT) - 1;
}

static inline void set_page_alloc_order(struct page *page, int order)
{
	page->flags = (page->flags & ~PAGE_ORDER_MASK) |
		      ((unsigned long)(order + 1) << PAGE_ORDER_SHIFT);
}

static inline unsigned long page_private(const struct page *page)
{
	return page->private;
}

static inline void set_page_private(struct page *page, unsigned long v)
{
	page->private = v;
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* Kernel virtual address of a page, or NULL for highmem (use kmap). */
static inline void *page_address(const struct page *page)
{
	if (PageHighMem(page))
		return NULL;
	return __va(page_to_phys(page));
}

/* The struct page of a direct-mapped kernel address. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

/* Smallest order whose block holds size bytes (size > 0). */
static inline unsigned int get_order(size_t size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* Print everything known about one page (refcount, flags, zone, order). */
void dump_page(const struct page *page, const char *reason);

/*** Boot: from memblock to the buddy allocator (mm/sparse.c, mm/mm_init.c) ***/

/* Create struct pages for every memblock memory range (memmap). */
void sparse_init(void);
/* Size zones from max_zone_pfn[] (exclusive end pfns), report, init the memmap. */
void free_area_init(const unsigned long *max_zone_pfn);
/* Hand memblock's free memory to the buddy allocator; watermarks, zonelists. */
void mm_core_init(void);
/* Arch: back the memmap range [start, end) (virtual) with memory. 0 or -ENOMEM. */
int arch_vmemmap_populate(unsigned long start, unsigned long end);

extern unsigned long totalram_pages, totalhigh_pages;

#endif
