/* SPDX-License-Identifier: MIT */
/*
 * mm/slab.h - object caches and kmalloc.
 *
 * kmem_cache_create(name, size, align, flags, ctor) makes a cache of
 * equal-sized objects carved from slabs (page-allocator blocks from the
 * zone the flags require: SLAB_CACHE_DMA below 16 MiB, SLAB_CACHE_DMA32
 * below 4 GiB on every arch). A compatible existing cache may be returned
 * instead (merging, as Linux; see mm/slab_common.c). Objects are at least
 * 8-byte aligned. The name must stay valid while the cache exists.
 *
 * kmalloc(size, gfp) serves 8..8192 bytes from the kmalloc-<n> caches (n =
 * 8 16 32 64 96 128 192 256 512 1k 2k 4k 8k), GFP_DMA from dma-kmalloc-<n>,
 * larger sizes from the page allocator as compound pages (up to 4 MiB).
 * kmalloc(0) returns ZERO_SIZE_PTR, which kfree() accepts. __GFP_DMA32 and
 * __GFP_HIGHMEM are caller bugs in kmalloc: there are no such kmalloc
 * caches. mmos warns (every time, naming the caller), strips them and
 * serves from the normal caches; for memory below 4 GiB, create a
 * SLAB_CACHE_DMA32 cache. See docs/slab.md.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include <mm/gfp.h>

typedef unsigned int slab_flags_t;

/* Values as Linux had them fixed up to 6.8. */
#define SLAB_CONSISTENCY_CHECKS	0x00000100u	/* full checks on alloc and free */
#define SLAB_RED_ZONE		0x00000400u	/* guard bytes around each object */
#define SLAB_POISON		0x00000800u	/* fill free objects with 0x6b..0xa5 */
#define SLAB_KMALLOC		0x00001000u	/* a kmalloc cache */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to cache lines */
#define SLAB_CACHE_DMA		0x00004000u	/* slabs from ZONE_DMA */
#define SLAB_CACHE_DMA32	0x00008000u	/* slabs from below 4 GiB */
#define SLAB_STORE_USER		0x00010000u	/* record the last alloc and free callers */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u	/* counted as reclaimable */
#define SLAB_PANIC		0x00040000u	/* panic if creation fails */
#define SLAB_TRACE		0x00200000u	/* log every alloc and free */
#define SLAB_NO_MERGE		0x01000000u	/* never an alias */

#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER | SLAB_TRACE)

#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)	/* 8192 */
#define KMALLOC_MAX_SIZE	(1UL << (MAX_PAGE_ORDER + PAGE_SHIFT))	/* 4 MiB */

struct kmem_cache;

/*
 * NULL on failure: bad arguments, flags that are no slab flags (GFP_*
 * passed by mistake), no memory, or a slot larger than the largest slab;
 * each reported, then "kmem_cache_create(<name>) failed with error <err>"
 * and a stack dump (Linux 6.12: the same from __kmem_cache_create_args()).
 * With SLAB_PANIC, a panic instead.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/*
 * Drop one user of the cache. The last one frees it, unless objects are
 * still allocated: then they are reported (a slab report listing them,
 * and Linux's WARN "Slab cache still has objects") and the cache stays
 * alive. Returns 0, or -EBUSY in that case.
 */
int kmem_cache_destroy(struct kmem_cache *s);
/* Give empty slabs back to the page allocator; returns pages freed. */
unsigned long kmem_cache_shrink(struct kmem_cache *s);
/* Shrink every cache. */
unsigned long kmem_cache_shrink_all(void);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
const char *kmem_cache_name(const struct kmem_cache *s);
/* Bytes per object as the caller asked (object_size; Linux's kmem_cache_size()). */
unsigned int kmem_cache_size(const struct kmem_cache *s);
/* Bytes per object as laid out in a slab (s->size: alignment, red zones, free pointer). */
unsigned int kmem_cache_stride(const struct kmem_cache *s);
/* Whether more than one kmem_cache_create() shares s (merged, as Linux's slab merging). */
bool kmem_cache_merged(const struct kmem_cache *s);

/*
 * As Linux's include/linux/slab.h: kmalloc() and its relatives are inline
 * and call __kmalloc(), so the caller recorded for reports is theirs.
 * (Linux's kmalloc() also picks the cache at compile time for a constant
 * size; mmos's does not.)
 */
void *__kmalloc(size_t size, gfp_t gfp);

static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	return __kmalloc(size, gfp);
}

static __always_inline void *kzalloc(size_t size, gfp_t gfp)
{
	return __kmalloc(size, gfp | __GFP_ZERO);
}

/* n * size bytes; NULL if that overflows. */
static __always_inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return __kmalloc(n * size, gfp);
}

static __always_inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}
/* Resize keeping the contents; on failure NULL and p is untouched. */
void *krealloc(const void *p, size_t new_size, gfp_t gfp);
void kfree(const void *p);
/* Usable bytes at p (>= what was asked); 0 for NULL and ZERO_SIZE_PTR. */
size_t ksize(const void *p);
/*
 * The flags a slab allocation (kmalloc, kmem_cache_alloc) asked for with gfp
 * goes on with: kmalloc_fix_flags() WARNs and drops the bits a slab cannot
 * honour (__GFP_DMA32, __GFP_HIGHMEM, unknown bits), as Linux's.
 */
gfp_t slab_gfp_used(gfp_t gfp);
/* The kmalloc cache serving size bytes with gfp, or NULL (size 0 or too big). */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t gfp);

/* Reports: /proc/slabinfo, and one cache's attributes as /sys/kernel/slab shows them. */
void show_slabinfo(void);
int show_slab_attributes(const char *name);
/* Slab reports since boot (corruption, bad frees); tests read it. */
unsigned long slab_report_count(void);
/* Pages held by all slab caches (Slab: in meminfo). */
unsigned long slab_pages(void);
/* Of those, the pages of large kmallocs (beyond KMALLOC_MAX_CACHE_SIZE). */
unsigned long kmalloc_large_pages(void);

void kmem_cache_init(void);

#endif
