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
 *                For a compound page it is the compound order.
 *   bits 12..15  compound head: its destructor kind (enum compound_dtor_id)
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
	PG_slab,	/* first page of a slab (mm/slub.c owns the other words) */
	__NR_PAGEFLAGS
};

#define BITS_PER_LONG		(8 * (int)sizeof(long))
#define PAGE_ORDER_SHIFT	8
#define PAGE_ORDER_MASK		(0xfUL << PAGE_ORDER_SHIFT)
#define PAGE_DTOR_SHIFT		12
#define PAGE_DTOR_MASK		(0xfUL << PAGE_DTOR_SHIFT)
#define ZONES_SHIFT		2
#define ZONES_PGSHIFT		(BITS_PER_LONG - ZONES_SHIFT)

#define PAGE_TYPE_NONE		0xffffffffu
#define PGTY_buddy		0xf0000000u

/* Flags no page of a block being freed may have. */
#define PAGE_FLAGS_CHECK_AT_FREE	((1UL << PG_reserved) | (1UL << PG_head) | (1UL << PG_tail))
/* ... nor a page about to be handed out, which also carries no allocation order yet. */
#define PAGE_FLAGS_CHECK_AT_PREP	(PAGE_FLAGS_CHECK_AT_FREE | PAGE_ORDER_MASK)

extern struct page *mem_map;
extern unsigned long max_pfn, max_low_pfn, min_low_pfn;
extern void *high_memory;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/*
 * Does pfn have a struct page? (It may still be a hole: PG_reserved.)
 * Inline because every kfree and every free of a page asks it.
 */
#ifdef CONFIG_SPARSEMEM_VMEMMAP
#define PAGES_PER_SECTION	(1UL << (SECTION_SIZE_BITS - PAGE_SHIFT))
#define NR_MEM_SECTIONS		(1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
/* One bit per section that has a memmap (mm/sparse.c). */
extern unsigned long section_present[NR_MEM_SECTIONS / (8 * sizeof(unsigned long))];

/* For a pfn known to be below 2^(MAX_PHYSMEM_BITS - PAGE_SHIFT). */
static inline bool pfn_section_present(unsigned long pfn)
{
	unsigned long nr = pfn / PAGES_PER_SECTION, bits = 8 * sizeof(unsigned long);

	return (section_present[nr / bits] >> (nr % bits)) & 1;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn / PAGES_PER_SECTION < NR_MEM_SECTIONS && pfn_section_present(pfn);
}
#else
static inline bool pfn_section_present(unsigned long pfn)
{
	(void)pfn;
	return true;	/* one flat memmap: every pfn below max_pfn has its page */
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}
#endif

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
#define PageSlab(p)		test_page_flag(p, PG_slab)

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

/* This page's own reference count (a tail's is always 0). */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

/*** Compound pages (mm/compound.c) ***/

/* The head of the compound page page belongs to; page itself otherwise. */
static inline struct page *compound_head(const struct page *page)
{
	return PageTail(page) ? page->compound_head : (struct page *)page;
}

/* Order of a compound page (given its head); 0 for anything else. */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? (unsigned int)page_alloc_order(page) : 0;
}

static inline unsigned long compound_nr(const struct page *page)
{
	return 1UL << compound_order(page);
}

/* References to the page: for any page of a compound page, the head's count. */
static inline int page_count(const struct page *page)
{
	return page_ref_count(compound_head(page));
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

/* A low-memory page's place in the direct map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

#ifdef CONFIG_HIGHMEM
/* mm/highmem.c: a HighMem page's kmap() address, from page_address_htable. */
void *highmem_page_address(const struct page *page);
#endif

/*
 * Kernel virtual address of a page. HighMem pages are never in the direct
 * map: theirs is the PKMAP slot kmap() gave them while they hold one (even
 * with no users left, until the slot is recycled), else NULL. Linux's
 * page_address() with HASHED_PAGE_VIRTUAL; the lowmem case stays inline.
 */
static inline void *page_address(const struct page *page)
{
#ifdef CONFIG_HIGHMEM
	if (PageHighMem(page))
		return highmem_page_address(page);
#endif
	return lowmem_page_address(page);
}

/*
 * Is addr a kernel address in the direct map of RAM that has a struct page?
 * (Not a stack, image or vmalloc address; not highmem, which has no direct
 * mapping.) Only then may virt_to_page() be used on it.
 */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long pfn = PFN_DOWN(__pa(addr));

	/* max_low_pfn is within the arch's physical address bits (e820 clamps it) */
	return (unsigned long)addr >= PAGE_OFFSET && pfn < max_low_pfn && pfn_section_present(pfn);
}

/* The struct page of a direct-mapped kernel address. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

/* addr rounded up to a page boundary; is addr on one? */
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)

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

/*
 * What runs when the last reference to a compound page goes: the head
 * records a kind, and the kind's destructor frees the block (after any
 * bookkeeping of its owner: kmalloc's large objects, DMA buffers, ...).
 */
enum compound_dtor_id {
	COMPOUND_PAGE_DTOR,		/* give the block back to the buddy allocator */
	KMALLOC_LARGE_DTOR,		/* a kmalloc() beyond the largest size class */
	DMA_COHERENT_DTOR,		/* a dma_alloc_coherent() buffer */
	NR_COMPOUND_DTORS
};
typedef void (*compound_page_dtor)(struct page *head);

/* Make the 2^order block at page one compound page (done by __GFP_COMP). */
void prep_compound_page(struct page *page, unsigned int order);
void set_compound_page_dtor(struct page *head, enum compound_dtor_id id);
enum compound_dtor_id compound_page_dtor_id(const struct page *head);
/* Install the destructor for a kind (its owner does this at init). */
void register_compound_page_dtor(enum compound_dtor_id id, compound_page_dtor dtor);

/* Take a reference: on a compound page it is counted on the head. */
void get_page(struct page *page);
/* Drop a reference; the last one frees the page (a compound page whole). */
void put_page(struct page *page);
/* Add and drop one reference; true if that was the last one (no free). */
static inline bool put_page_testzero(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}
/*
 * Turn a non-compound 2^order allocation into 2^order order-0 pages, each
 * with one reference, each freed on its own. On a compound page: WARN, no-op.
 */
void split_page(struct page *page, unsigned int order);

/* Print everything known about one page (refcount, flags, zone, order, head). */
void dump_page(const struct page *page, const char *reason);
/* One line per page for [start_pfn, start_pfn + nr): a /proc/kpageflags-like dump. */
void dump_page_range(unsigned long start_pfn, unsigned long nr);

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
