/* SPDX-License-Identifier: MIT */
/*
 * mm/internal.h - shared between mm/ files and their tests; not an interface.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <kernel/list.h>
#include <kernel/rbtree.h>
#include <mm/gfp.h>
#include <mm/mm.h>

/* alloc_flags: which watermark, and how deep into the reserves. */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
/*
 * Ignore the watermarks and lowmem_reserve: __GFP_MEMALLOC unless
 * __GFP_NOMEMALLOC (Linux also grants it to PF_MEMALLOC tasks, and to
 * __GFP_NOFAIL after the OOM killer; OOM victims get ALLOC_OOM instead:
 * __gfp_pfmemalloc_flags(), __alloc_pages_may_oom()).
 */
#define ALLOC_NO_WATERMARKS	0x04
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_MIN_RESERVE	0x20	/* __GFP_HIGH: half of min may be used */
#define ALLOC_NON_BLOCK		0x40	/* cannot sleep: a further quarter */

/*
 * The bits of a caller's mask that say how to reclaim, kept when an
 * allocator allocates its own bookkeeping for the caller (vmalloc's page
 * array and vm_struct); zone and mobility bits are dropped. Linux's
 * mm/internal.h (less __GFP_NOLOCKDEP, which mmos does not have).
 */
#define GFP_RECLAIM_MASK	(__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | \
				 __GFP_NOWARN | __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | \
				 __GFP_NORETRY | __GFP_MEMALLOC | __GFP_NOMEMALLOC)

extern int min_free_kbytes;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];
extern int watermark_scale_factor;

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       enum zone_type highest_zoneidx, unsigned int alloc_flags);

/* Free a block the boot code hands over (pages already in free state). */
void __free_pages_core(struct page *page, unsigned int order);
/* Recompute min_free_kbytes, watermarks, lowmem_reserve and pcp sizes. */
void init_per_zone_wmark_min(void);
void build_all_zonelists(void);
/* 4 * sqrt(lowmem_kbytes), clamped to [128, 262144]: Linux's formula. */
unsigned long calculate_min_free_kbytes_for(unsigned long lowmem_kbytes);
unsigned long int_sqrt(unsigned long x);

/*
 * Linux's check_pages_enabled: the per-page checks at free and allocation
 * (page_alloc.c). On unless the boot line says check_pages=0.
 */
extern bool check_pages_enabled;

/* The reports (debug.c): "BUG: Bad page state", and their count. */
void bad_page(const struct page *page, const char *reason, unsigned long caller);

/*
 * The path of one request, for the shell's trace command (mm/debug.c):
 * while mm_trace_enabled, the page allocator says which zones it tried and
 * why, per-CPU hits and refills, splits, merges and the block it returns,
 * one printk line each ("trace: ..."). Off, each hook is one test of a
 * global that is false.
 */
extern bool mm_trace_enabled;
__printf(1, 2) void mm_trace(const char *fmt, ...);
#define trace_mm(fmt, ...) do { \
	if (unlikely(mm_trace_enabled)) \
		mm_trace(fmt, ##__VA_ARGS__); \
} while (0)
/* One zone's watermark test, its numbers and verdict (page_alloc_trace.c). */
void trace_watermark(struct zone *z, unsigned int order, unsigned int alloc_flags,
		     enum zone_type highest_zoneidx);
void count_bad_page(void);
/* Linux's bad_page() rate limit, one window per boot: may this report print? */
bool bad_page_ratelimit(void);
struct bad_page_ratelimit_state {
	unsigned long resume;		/* jiffies when the quiet minute ends */
	unsigned long nr_shown;		/* printed in this burst */
	unsigned long nr_unshown;	/* counted, not printed, since the last print */
};
/* Tests only: exchange the limiter's state with *rs. */
void bad_page_ratelimit_swap(struct bad_page_ratelimit_state *rs);
/* Report each of the nr pages not in the state check_flags asks for; how many. */
unsigned long report_bad_pages(const struct page *page, unsigned long nr,
			       unsigned long check_flags, unsigned long caller);
/* __free_pages()'s arguments checked and reported: the order to free, or -1. */
int free_pages_check_caller(struct page *page, unsigned int order, unsigned long caller);

/* The allocation path's steps that live in different files. */
struct page *get_page_from_freelist(gfp_t gfp, unsigned int order, unsigned int alloc_flags,
				    enum zone_type highest_zoneidx);
struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order, unsigned long caller);
const struct page *compound_head_checked(const struct page *page);
/*
 * Linux's free_the_page() (page_alloc.c): a block whose last reference is
 * gone, checked and freed; caller names the freeing code in reports.
 */
void free_the_page(struct page *page, unsigned int order, unsigned long caller);
/* Undo a compound page and free its block (the default destructor). */
void free_compound_block(struct page *head, unsigned long caller);
void destroy_compound_page(struct page *head, unsigned long caller);

/* Per-CPU list of a zone on this CPU (interrupts must be off). */
struct per_cpu_pages *this_cpu_pcp(struct zone *zone);
/* Linux's pcp_allowed_order(): the orders the per-CPU lists keep. */
static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}
/*
 * The buddy lists' primitives (page_alloc.c, zone->lock held), for the
 * per-CPU lists' refill and drain (page_pcp.c, interrupts off). Linux's
 * are static inline in mm/page_alloc.c; del_page_from_free_list() is
 * inline here, so both files inline it as the one file did before.
 */
static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	page_list_del(&area->free_list, page);
	page->page_type = PAGE_TYPE_NONE;
	set_page_private(page, 0);
	area->nr_free--;
}
void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high);
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);
void rmqueue_bulk(struct zone *zone, unsigned int order, struct per_cpu_pages *pcp);
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp);
int zone_batchsize(const struct zone *zone);

/*
 * vmalloc's masks (vmalloc_highmem.c), for vmalloc.c: the data pages' mask
 * under the __GFP_HIGHMEM rule in force, and vmalloc_32()'s, which Linux's
 * mm/vmalloc.c defines as the constant GFP_VMALLOC32.
 */
gfp_t vmalloc_highmem_gfp(gfp_t gfp_mask);
gfp_t gfp_vmalloc32(void);
#define GFP_VMALLOC32	gfp_vmalloc32()

/*
 * mm/vmap_area.c's trees, for the tests' invariant checks, read under
 * vmap_area_lock: the busy areas, and the free blocks (augmented with
 * subtree_max_size) with their address-ordered list.
 */
extern struct rb_root vmap_area_root, free_vmap_area_root;
extern struct list_head free_vmap_area_list;
/* Under vmap_area_lock: the busy area containing addr (find_vmap_area() takes the lock). */
struct vmap_area *__find_vmap_area(unsigned long addr, struct rb_root *root);

#endif
