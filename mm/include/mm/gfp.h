/* SPDX-License-Identifier: MIT */
/*
 * mm/gfp.h - the page allocator's interface and the GFP -> zone rules.
 *
 * All sizes are orders: 2^order contiguous pages, 0 <= order <= 10.
 * Blocks are naturally aligned (pfn % 2^order == 0) and lie wholly in one
 * zone, the highest allowed by the flags that has room, else a lower one
 * (the zonelist). Allocation can fail (NULL / 0) unless __GFP_NOFAIL.
 * The caller frees with the same order (mmos checks and reports a mismatch).
 */
#ifndef MM_GFP_H
#define MM_GFP_H

#include <mm/gfp_types.h>
#include <mm/mm.h>

/*
 * gfp_zone(): the highest zone a request may use, looked up in a table of
 * 2-bit zone numbers indexed by the four zone bits (DMA, HIGHMEM, DMA32,
 * MOVABLE). OPT_ZONE_* name the zone to use when an arch lacks one:
 * i386 has no DMA32 zone (DMA32 means NORMAL), x86_64 no HIGHMEM (NORMAL).
 * Combinations of two or more of DMA/DMA32/HIGHMEM are invalid: their
 * entries are zero and GFP_ZONE_BAD flags them.
 */
#ifdef CONFIG_ZONE_DMA32
#define OPT_ZONE_DMA32		ZONE_DMA32
#else
#define OPT_ZONE_DMA32		ZONE_NORMAL
#endif
#ifdef CONFIG_HIGHMEM
#define OPT_ZONE_HIGHMEM	ZONE_HIGHMEM
#else
#define OPT_ZONE_HIGHMEM	ZONE_NORMAL
#endif
#define OPT_ZONE_DMA		ZONE_DMA
#define GFP_ZONES_SHIFT		2

#define GFP_ZONE_TABLE ( \
	(ZONE_NORMAL << 0 * GFP_ZONES_SHIFT) | \
	(OPT_ZONE_DMA << ___GFP_DMA * GFP_ZONES_SHIFT) | \
	(OPT_ZONE_HIGHMEM << ___GFP_HIGHMEM * GFP_ZONES_SHIFT) | \
	(OPT_ZONE_DMA32 << ___GFP_DMA32 * GFP_ZONES_SHIFT) | \
	(ZONE_NORMAL << ___GFP_MOVABLE * GFP_ZONES_SHIFT) | \
	(OPT_ZONE_DMA << (___GFP_MOVABLE | ___GFP_DMA) * GFP_ZONES_SHIFT) | \
	(ZONE_MOVABLE << (___GFP_MOVABLE | ___GFP_HIGHMEM) * GFP_ZONES_SHIFT) | \
	(OPT_ZONE_DMA32 << (___GFP_MOVABLE | ___GFP_DMA32) * GFP_ZONES_SHIFT))

#define GFP_ZONE_BAD ( \
	1 << (___GFP_DMA | ___GFP_HIGHMEM) | \
	1 << (___GFP_DMA | ___GFP_DMA32) | \
	1 << (___GFP_DMA32 | ___GFP_HIGHMEM) | \
	1 << (___GFP_DMA | ___GFP_DMA32 | ___GFP_HIGHMEM) | \
	1 << (___GFP_MOVABLE | ___GFP_HIGHMEM | ___GFP_DMA) | \
	1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA) | \
	1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_HIGHMEM) | \
	1 << (___GFP_MOVABLE | ___GFP_DMA32 | ___GFP_DMA | ___GFP_HIGHMEM))

static inline bool gfp_zone_bad(gfp_t flags)
{
	return (GFP_ZONE_BAD >> (flags & GFP_ZONEMASK)) & 1;
}

static inline enum zone_type gfp_zone(gfp_t flags)
{
	unsigned int bit = flags & GFP_ZONEMASK;

	return (enum zone_type)((GFP_ZONE_TABLE >> (bit * GFP_ZONES_SHIFT)) &
				((1 << GFP_ZONES_SHIFT) - 1));
}

/* Format flags as Linux v6.12's %pGg does: "GFP_KERNEL|__GFP_COMP|__GFP_ZERO". */
int format_gfp_flags(char *buf, size_t size, gfp_t gfp);
/*
 * Read flags written as in Linux's sources: names joined by '|', spaces
 * allowed around each ("GFP_KERNEL | __GFP_DMA32"). A name is any one
 * format_gfp_flags() prints: the composites GFP_KERNEL, GFP_ATOMIC, ...,
 * GFP_TRANSHUGE, the zone names GFP_DMA and GFP_DMA32, __GFP_RECLAIM and
 * every other __GFP_ bit; also __GFP_DMA and __GFP_DMA32, which v6.12's
 * %pGg prints as GFP_DMA and GFP_DMA32. A word may also be a number in C
 * notation (0xcc0) with no bit at or above __GFP_BITS_SHIFT; "none" alone
 * is 0. So parse_gfp_flags(format_gfp_flags(x)) gives x back. Returns 0
 * with *out set, or -EINVAL (an unknown name, an empty word, a stray
 * character) with *out untouched. The shell's FLAGS arguments and the tests use this one parser.
 */
int parse_gfp_flags(const char *s, gfp_t *out);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
/* alloc_pages() with the address to name in its reports (Linux's takes a node instead). */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, unsigned long caller);
#define alloc_page(gfp)		alloc_pages(gfp, 0)
/* Drop a reference; the last one frees the 2^order block. */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages(page, 0)
/* Direct-mapped address of a new block (never highmem), or 0. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
/* Free by address; 0 is ignored. */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)		free_pages(addr, 0)

/* Pages in the buddy free lists, all zones. */
unsigned long nr_free_pages(void);
/* Give every per-CPU list back to the buddy lists. */
void drain_all_pages(void);
/* "BUG: Bad page state" reports since boot. */
unsigned long bad_page_count(void);
/*
 * Trace the page allocator's path (the shell's trace command): on, every
 * zone tried with its watermark numbers, per-CPU hits and refills, splits,
 * merges and the block returned are printed, one "trace: " line each.
 * Returns the previous state. mm_trace_count(): lines printed since boot.
 */
bool mm_trace_set(bool on);
unsigned long mm_trace_count(void);
/*
 * For the trace of a free, said before the free itself (which, to cost the
 * untraced free nothing, says nothing): where __free_pages(page, order)
 * will put the block; trace_free_lists_begin()/_end() around the free then
 * show what it did to the buddy lists (its merges).
 */
void trace_free_pages(struct page *page, unsigned int order);
/* Note the buddy lists' counts; then print each one that changed since (under the trace). */
void trace_free_lists_begin(void);
void trace_free_lists_end(void);

#endif
