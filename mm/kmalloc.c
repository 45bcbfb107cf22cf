// SPDX-License-Identifier: MIT
/*
 * mm/kmalloc.c - kmalloc() and kfree(): the size classes and their caches
 * (kmalloc-8 .. kmalloc-8k and their dma- twins), the large allocations
 * beyond them, ksize() and krealloc(). Linux spreads these over
 * mm/slab_common.c (kmalloc_caches, size_index, kmalloc_fix_flags(),
 * create_kmalloc_caches(), ksize(), krealloc()) and mm/slub.c (__kmalloc(),
 * __do_kmalloc_node(), kmalloc_large(), kfree()); the names are Linux's.
 *
 * Owns: the kmalloc cache arrays and the large-kmalloc page count. The
 * fast paths inline mm/slab_internal.h's array pop and push, so __kmalloc()
 * and kfree() stay one call each; everything else goes to mm/slub.c.
 * Locking: none of its own; large_kmalloc_pages with interrupts off.
 * Tests: tests/kernel/kmalloc_test.c.
 */
#include <kernel/bug.h>
#include <kernel/log2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"
#include "slab_internal.h"

static unsigned long large_kmalloc_pages;

/*
 * Linux's kmalloc_fix_flags(): the offending bits, then the request without
 * them, and a stack dump (here the WARN's, which also names the caller);
 * the bits are stripped. Called by __slab_alloc() and kmalloc_large(), on
 * every call with such bits (Linux: only when a new slab is made).
 */
gfp_t kmalloc_fix_flags(gfp_t gfp, unsigned long caller)
{
	gfp_t invalid = gfp & GFP_SLAB_BUG_MASK, fixed = gfp & ~GFP_SLAB_BUG_MASK;
	char was[128], now[128];

	format_gfp_flags(was, sizeof(was), invalid);
	format_gfp_flags(now, sizeof(now), fixed);
	WARN(1, "Unexpected gfp: %#x (%s). Fixing up to gfp: %#x (%s). Fix your code! Caller: %pS\n",
	     invalid, was, fixed, now, (void *)caller);
	return fixed;
}

gfp_t slab_gfp_used(gfp_t gfp)
{
	return gfp & ~GFP_SLAB_BUG_MASK;
}

enum kmalloc_cache_type { KMALLOC_NORMAL, KMALLOC_DMA, NR_KMALLOC_TYPES };

/* [size index][type]: the two types of a size side by side, one address computation */
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1][NR_KMALLOC_TYPES];

/* Index of the cache for sizes up to 192, by (size - 1) / 8 (Linux's table). */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/* 8 16 24 32 40 48 56 64 */
	1, 1, 1, 1, 7, 7, 7, 7,		/* 72..96 -> 96, 104..128 -> 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 136..192 -> 192 */
};

static inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	return fls_long(size - 1);
}

static unsigned int kmalloc_index_size(unsigned int idx)
{
	return idx == 1 ? 96 : idx == 2 ? 192 : 1u << idx;
}

/*
 * Linux's kmalloc_type(): which of a size's caches the gfp asks for. Linux
 * has more types (KMALLOC_RECLAIM, KMALLOC_CGROUP, random caches); mmos has
 * the normal and the dma- ones.
 */
static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t gfp)
{
	return (gfp & __GFP_DMA) ? KMALLOC_DMA : KMALLOC_NORMAL;
}

/*
 * Linux's kmalloc_slab(): the cache for size with gfp. Linux's is internal
 * and trusts its size; mmos's is also exported to the tests and returns
 * NULL for size 0 or beyond KMALLOC_MAX_CACHE_SIZE (tests the caller in
 * this file has already made, so the compiler drops them there).
 */
__always_inline struct kmem_cache *kmalloc_slab(size_t size, gfp_t gfp)
{
	if (!size || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	return kmalloc_caches[kmalloc_index(size)][kmalloc_type(gfp)];
}

/*
 * large_kmalloc_pages changes in any context (kfree() may run in an
 * interrupt): with one CPU, interrupts off make each update whole. More
 * CPUs would need a lock or an atomic (Linux counts these pages in the
 * per-CPU vmstat NR_SLAB_UNRECLAIMABLE_B, updated with interrupts off).
 */
static void mod_large_kmalloc_pages(long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	large_kmalloc_pages += (unsigned long)delta;
	local_irq_restore(flags);
}

void free_large_kmalloc_dtor(struct page *head)
{
	mod_large_kmalloc_pages(-(long)compound_nr(head));
	free_compound_block(head, _RET_IP_);
}

/*
 * Linux's __kmalloc_large_node(): beyond the size classes, a compound
 * block from the page allocator. mmos warns about bad gfp bits here too.
 */
static noinline void *kmalloc_large(size_t size, gfp_t gfp, unsigned long caller)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (unlikely(gfp & GFP_SLAB_BUG_MASK))
		gfp = kmalloc_fix_flags(gfp, caller);
	page = alloc_pages(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	if (order)
		set_compound_page_dtor(page, KMALLOC_LARGE_DTOR);
	mod_large_kmalloc_pages(1L << order);
	return page_address(page);
}

/*
 * Linux's __do_kmalloc_node() (without the node): the large path, size 0,
 * then the size class's cache and its fast path. caller is recorded for
 * the reports.
 */
static noinline void *__do_kmalloc_node(size_t size, gfp_t gfp, unsigned long caller)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, gfp, caller);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	return slab_alloc(kmalloc_slab(size, gfp), gfp, caller, size);
}

/*
 * kmalloc(), kzalloc(), kmalloc_array() and kcalloc() (mm/slab.h) come
 * here, as Linux's. Not Linux's shape: the common case (a size class,
 * plain gfp, an object in the array) is tried here first, and everything
 * else has one exit, __do_kmalloc_node(), so that the caller's address is
 * read, and a stack frame made, only on that way out (gcc makes the frame
 * at entry as soon as two ways out need it). With kfree()'s like it, this
 * takes the kmalloc-64 pair from 113 to 101 instructions (make bench-count
 * P=pair64/kmalloc), 11% fewer.
 */
noinline void *__kmalloc(size_t size, gfp_t gfp)
{
	void *obj;

	/* size - 1 wraps for 0: one test for both ends */
	if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE) &&
	    likely(!(gfp & (__GFP_ZERO | GFP_SLAB_BUG_MASK))) &&
	    likely(obj = slab_alloc_from_array(kmalloc_slab(size, gfp))))
		return obj;
	return __do_kmalloc_node(size, gfp, _RET_IP_);
}

/* The large-kmalloc compound head for p, or NULL. */
static struct page *large_kmalloc_head(const void *p)
{
	struct page *page;

	if (!virt_addr_valid(p))
		return NULL;
	page = virt_to_page(p);
	if (PageTail(page) || page_address(page) != p || page_ref_count(page) <= 0)
		return NULL;
	if (PageHead(page) && compound_page_dtor_id(page) == KMALLOC_LARGE_DTOR)
		return page;
	return NULL;
}

static size_t __ksize(const void *p)
{
	struct page *slab, *large;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	slab = virt_to_slab(p);
	if (slab)
		return slab_object_valid(slab_cache(slab), slab, p) ? slab_ksize(slab_cache(slab)) : 0;
	large = large_kmalloc_head(p);
	return large ? PAGE_SIZE << compound_order(large) : 0;
}

size_t ksize(const void *p)
{
	struct page *slab = ZERO_OR_NULL_PTR(p) ? NULL : virt_to_slab(p);
	size_t n = __ksize(p);

	if (slab && n)	/* the caller may now use all of it: move the kmalloc red zone */
		kmalloc_set_orig_size(slab_cache(slab), (void *)p, n);
	return n;
}

/* kfree of what is not a slab object: a large kmalloc, or a bad pointer. */
static noinline void kfree_not_slab(const void *p, unsigned long caller)
{
	struct page *large = large_kmalloc_head(p);

	if (large)
		put_page(large);
	else
		report_bad_free("kfree", p, "not a slab object or large kmalloc", caller);
}

/*
 * Linux's kfree(): a slab object goes to its cache's slab_free(); anything
 * else is a large kmalloc (free_large_kmalloc()) or, in mmos, a bad pointer,
 * reported (Linux's virt_to_folio() would trust it). The fast path, the
 * array push, has already failed, so straight to __slab_free().
 */
static noinline void kfree_slow(const void *p, unsigned long caller)
{
	struct page *slab = virt_to_slab(p);

	if (slab)
		__slab_free(slab_cache(slab), slab, (void *)p, caller);
	else
		kfree_not_slab(p, caller);
}

/*
 * As __kmalloc(), not Linux's shape: slab_free()'s fast half is tried here,
 * and everything else has one exit, kfree_slow(), so that the caller's
 * address is read, and a frame made, only there.
 */
noinline void kfree(const void *p)
{
	struct page *slab;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	slab = virt_to_slab(p);
	if (likely(slab) && likely(slab_free_to_array(slab_cache(slab), slab, (void *)p)))
		return;
	kfree_slow(p, _RET_IP_);
}

noinline void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old = __ksize(p);
	void *q;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (old >= new_size) {
		struct page *slab = virt_to_slab(p);

		if (slab)
			kmalloc_set_orig_size(slab_cache(slab), (void *)p, new_size);
		return (void *)p;
	}
	q = __do_kmalloc_node(new_size, gfp, _RET_IP_);
	if (!q)
		return NULL;
	if (old)
		memcpy(q, p, old);
	kfree(p);
	return q;
}

void create_kmalloc_caches(void)
{
	static char names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1][SLAB_NAME_LEN];

	for (int type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (unsigned int idx = 1; idx <= KMALLOC_SHIFT_HIGH; idx++) {
			unsigned int size = kmalloc_index_size(idx);
			char *name = names[type][idx];

			if (size >= 1024)
				snprintf(name, SLAB_NAME_LEN, "%skmalloc-%uk", type ? "dma-" : "",
					 size >> 10);
			else
				snprintf(name, SLAB_NAME_LEN, "%skmalloc-%u", type ? "dma-" : "", size);
			/*
			 * Created directly: a kmalloc cache is never an alias of
			 * another. A power-of-two size is its own alignment, with
			 * debugging too, as Linux's create_boot_cache().
			 */
			if (create_cache(&kmalloc_caches[idx][type], name, size,
					 !(size & (size - 1)) ? size : 0,
					 slab_debug_flags(name, SLAB_KMALLOC | (type == KMALLOC_DMA ?
									SLAB_CACHE_DMA : 0)),
					 NULL, _THIS_IP_))
				panic("slab: cannot create %s", name);
		}
	}
}

unsigned long kmalloc_large_pages(void)
{
	return large_kmalloc_pages;
}
