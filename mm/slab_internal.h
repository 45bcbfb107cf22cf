/* SPDX-License-Identifier: MIT */
/*
 * mm/slab_internal.h - slab internals shared by mm/slub.c, mm/slab_common.c,
 * mm/kmalloc.c, mm/slub_debug.c and mm/slabinfo.c (Linux's mm/slab.h).
 *
 * A slab is a page-allocator block (compound when order > 0) cut into
 * `objects` equal slots. Its first struct page describes it:
 *
 *   flags         PG_slab (and PG_head for order > 0)
 *   buddy links   the cache's partial or full list (a cpu slab is on none)
 *   private       the kmem_cache; bit 0 (SLAB_MIN_ORDER) set for a slab of
 *                 the cache's minimum order, fewer objects (see alloc_slab_page())
 *   page_type     bits 31..16: index of the first free object (0xffff: none)
 *                 bits 15..0:  objects in use
 *
 * Free objects are chained through a pointer stored at s->offset in each
 * free object. Object layout (debug parts only with their flags):
 *
 *   [red_left_pad][object_size bytes][red zone to a word][free ptr][track x2][pad]
 *   ^slot start    ^what the caller gets
 *
 * The free pointer has a word of its own only with poison, red zones or a
 * constructor; otherwise it overlays the object's first word, and the
 * tracks start right after the in-use part (Linux's get_info_end()).
 */
#ifndef MM_SLAB_PRIV_H
#define MM_SLAB_PRIV_H

#include <kernel/percpu.h>
#include <kernel/spinlock.h>
#include <mm/slab.h>

/*
 * The flags kmem_cache_create() accepts (Linux's SLAB_FLAGS_PERMITTED: its
 * SLAB_CORE_FLAGS and SLAB_DEBUG_FLAGS, of those mmos has); any other bit
 * fails it with -EINVAL.
 */
#define SLAB_FLAGS_PERMITTED	(SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | \
				 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT | SLAB_KMALLOC | \
				 SLAB_NO_MERGE | SLAB_DEBUG_FLAGS)

#define SLAB_NAME_LEN		32
#define SLAB_MAX_ALIASES	8
#define FREE_IDX_NONE		0xffffu
#define MAX_OBJS_PER_SLAB	32767u

/* Poison and red-zone bytes, Linux's values. */
#define POISON_INUSE		0x5a
#define POISON_FREE		0x6b
#define POISON_END		0xa5
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc

struct track {
	unsigned long addr;	/* caller */
	unsigned long when;	/* jiffies */
};

#define SLAB_ARRAY_LIMIT	120	/* the largest per-CPU object array (Linux SLAB's) */

/*
 * A CPU's array of free objects: the old SLAB's struct array_cache (Linux
 * up to 6.7; 6.18's SLUB sheaves are the same idea), not a SLUB structure.
 * Free objects of any of the cache's slabs, most recently freed on top:
 * kmalloc/kfree of a cache without debugging only pop and push here. A
 * full array gives its batchcount oldest objects back to their slabs; an
 * empty one takes batchcount from the CPU slab. Unlike SLAB's entry[0..avail),
 * they are entry[1..avail] and entry[0] stays NULL, so "is obj on top?"
 * needs no test for an empty array. limit 0: no array (a debug cache).
 */
struct array_cache {
	unsigned int avail, limit, batchcount;
	void *entry[SLAB_ARRAY_LIMIT + 1];
};

/*
 * A CPU's slab, as SLUB's struct kmem_cache_cpu (without its tid and
 * per-CPU partial list): the slab is frozen while it is here (off the
 * lists, every object counted in use), its free objects on freelist.
 */
struct kmem_cache_cpu {
	void *freelist;		/* free objects of `slab`, taken without locks */
	struct page *slab;	/* the slab this CPU allocates from */
};

struct kmem_cache {
	char name[SLAB_NAME_LEN];
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* slot size: object and metadata, aligned */
	unsigned int align;
	unsigned int offset;		/* free pointer, from the slot start */
	unsigned int inuse;		/* end of object + right red zone, from slot start */
	unsigned int red_left_pad;
	unsigned int order, objects;	/* per slab */
	unsigned int min_order, min_objects;	/* a slab when order's block cannot be had */
	unsigned long slab_bytes;	/* objects * size: the part of a slab cut into slots */
	unsigned long slab_mask;	/* (PAGE_SIZE << order) - 1 */
	u32 reciprocal_size;		/* 2^32 / size, rounded up: offset -> index */
	u64 divisor_magic;		/* 2^64 / size, rounded up: is an offset a multiple? */
	slab_flags_t flags;
	gfp_t allocflags;		/* zone bits and __GFP_COMP for slab pages */
	void (*ctor)(void *);
	int refcount;			/* creators sharing it (merging) */
	unsigned int nr_aliases;
	char aliases[SLAB_MAX_ALIASES][SLAB_NAME_LEN];

	struct array_cache cpu_cache[NR_CPUS];	/* SLAB's cpu_cache */
	struct kmem_cache_cpu cpu_slab[NR_CPUS];	/* SLUB's cpu_slab */

	spinlock_t list_lock;		/* partial, full and the counters below */
	struct page_list partial, full;
	unsigned long nr_partial, nr_full, nr_slabs, total_objects, nr_pages;
	unsigned long min_partial;
	unsigned long quarantined;	/* objects withheld because they were corrupt; their
					 * memory returns to the page allocator only when the
					 * cache is destroyed */

	struct kmem_cache *next;	/* all caches, newest first */
};

extern struct kmem_cache *slab_caches;
extern spinlock_t slab_mutex;
/* Merging off: slab_nomerge, unless a later slab_merge on the command line (last wins). */
extern bool slab_nomerge;

static inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *s)
{
	return &s->cpu_slab[smp_processor_id()];
}

/* This CPU's object array (SLAB's cpu_cache_get()). */
static inline struct array_cache *cpu_cache_get(struct kmem_cache *s)
{
	return &s->cpu_cache[smp_processor_id()];
}

#define SLAB_MIN_ORDER		1UL	/* in slab->private: a slab of the minimum order */

static inline struct kmem_cache *slab_cache(const struct page *slab)
{
	return (struct kmem_cache *)(slab->private & ~SLAB_MIN_ORDER);
}

/* Is slab one of the cache's minimum order (allocated when its order could not be)? */
static inline bool slab_min_order(const struct page *slab)
{
	return slab->private & SLAB_MIN_ORDER;
}

static inline unsigned int slab_objects(const struct kmem_cache *s, const struct page *slab)
{
	return unlikely(slab_min_order(slab)) ? s->min_objects : s->objects;
}

static inline unsigned int slab_order(const struct kmem_cache *s, const struct page *slab)
{
	return unlikely(slab_min_order(slab)) ? s->min_order : s->order;
}

static inline unsigned int slab_inuse(const struct page *slab)
{
	return slab->page_type & 0xffff;
}

static inline void set_slab_inuse(struct page *slab, unsigned int n)
{
	slab->page_type = (slab->page_type & 0xffff0000u) | n;
}

/* Slab pages come from lowmem zones only (never __GFP_HIGHMEM): always in the direct map. */
static inline void *slab_base(const struct page *slab)
{
	return lowmem_page_address(slab);
}

/*
 * The object helpers the fast paths below need. The slot of an object
 * starts red_left_pad bytes before it; a free object keeps the next free
 * one at s->offset from its slot.
 */
static inline u8 *slot_of(const struct kmem_cache *s, const void *obj)
{
	return (u8 *)obj - s->red_left_pad;
}

/* Where a free object keeps the next free one, counted from the object. */
static inline long freepointer_offset(const struct kmem_cache *s)
{
	return (long)s->offset - (long)s->red_left_pad;
}

/* For loops over many objects: the offset computed once, kept in a register. */
static inline void set_freepointer_at(void *obj, long fp_offset, void *next)
{
	*(void **)((u8 *)obj + fp_offset) = next;	/* LAB 4 BEGIN set_freepointer */	/* LAB 4 END set_freepointer */
}

static inline void *get_freepointer_at(const void *obj, long fp_offset)
{
	return *(void *const *)((const u8 *)obj + fp_offset);	/* LAB 4 BEGIN get_freepointer */	/* LAB 4 END get_freepointer */
}

static inline void *get_freepointer(const struct kmem_cache *s, const void *obj)
{
	return get_freepointer_at(obj, freepointer_offset(s));
}

static inline void set_freepointer(const struct kmem_cache *s, void *obj, void *next)
{
	set_freepointer_at(obj, freepointer_offset(s), next);
}

/* offset / size by multiplication, exact for offsets below a slab's size (as Linux). */
static inline unsigned int offset_to_index(const struct kmem_cache *s, unsigned long offset)
{
	return (unsigned int)(((u64)offset * s->reciprocal_size) >> 32);
}

/*
 * Is offset (below 2^32) a multiple of the slot size? One multiplication
 * (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019).
 */
static inline bool offset_is_slot(const struct kmem_cache *s, unsigned long offset)
{
	return (u64)offset * s->divisor_magic < s->divisor_magic;
}

/*
 * Is obj, an address in slab, the start of an object slot's user part?
 * The one validity test of kfree(), kmem_cache_free() and ksize(), fast
 * path and reports alike (Linux checks this only with slab debugging, in
 * check_valid_pointer()). A slab is a naturally aligned buddy block, so an
 * address's offset in it is its physical address masked by the block size:
 * no need to compute the slab's address from its struct page.
 */
static inline bool slab_object_valid(const struct kmem_cache *s, const struct page *slab,
				     const void *obj)
{
	/* an object at the start of the slab with a red zone before it wraps to the top */
	unsigned long off = (unsigned long)(__pa(obj) - s->red_left_pad);
	unsigned long bytes = s->slab_bytes;

	if (likely(!slab_min_order(slab))) {
		off &= s->slab_mask;
	} else {
		off &= (PAGE_SIZE << s->min_order) - 1;
		bytes = (unsigned long)s->min_objects * s->size;
	}
	return off < bytes && offset_is_slot(s, off);
}

/* The slab an address lies in, or NULL if it is not in a slab. */
static inline struct page *virt_to_slab(const void *addr)
{
	struct page *page;

	if (!virt_addr_valid(addr))
		return NULL;
	page = compound_head(virt_to_page(addr));
	return PageSlab(page) ? page : NULL;
}

/* Warn about GFP_SLAB_BUG_MASK bits in gfp (mm/kmalloc.c) and return gfp without them. */
gfp_t kmalloc_fix_flags(gfp_t gfp, unsigned long caller);
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller, size_t orig_size);
void __slab_free(struct kmem_cache *s, struct page *slab, void *obj, unsigned long caller);

/*
 * The fast paths, as Linux's slab_alloc_node() and slab_free(): inline, so
 * kmalloc(), kfree() and kmem_cache_alloc/free() are each one function in
 * the common case. A cache without debugging pops from or pushes onto this
 * CPU's object array (mmos: SLAB's array_cache, where SLUB has its CPU
 * slab's lockless freelist) with interrupts off. Anything else (an empty or
 * full array, __GFP_ZERO, bad gfp bits, debug checks, a pointer that is
 * not an object) goes to __slab_alloc() or __slab_free(), which do every
 * check and report.
 */

/* Linux's (mm/internal.h): no kmalloc cache has such memory, and bits beyond the gfp bits */
#define __GFP_BITS_MASK		(((gfp_t)1 << __GFP_BITS_SHIFT) - 1)
#define GFP_SLAB_BUG_MASK	(__GFP_DMA32 | __GFP_HIGHMEM | ~__GFP_BITS_MASK)

/* The top of this CPU's object array, or NULL if it is empty (a debug cache's always is). */
static __always_inline void *slab_alloc_from_array(struct kmem_cache *s)
{
	struct array_cache *ac;
	unsigned long flags;
	void *obj = NULL;

	local_irq_save(flags);
	ac = cpu_cache_get(s);
	if (likely(ac->avail))
		obj = ac->entry[ac->avail--];
	local_irq_restore(flags);
	return obj;
}

/*
 * orig_size: what a kmalloc caller asked for (its red zone starts there).
 * mmos warns about GFP_SLAB_BUG_MASK bits on every call (Linux only when a
 * new slab is needed), so they too send the call to __slab_alloc(), which
 * fixes them up (kmalloc_fix_flags()) and warns.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
					size_t orig_size)
{
	void *obj;

	if (likely(!(gfp & (__GFP_ZERO | GFP_SLAB_BUG_MASK))) && likely(obj = slab_alloc_from_array(s)))
		return obj;
	return __slab_alloc(s, gfp, caller, orig_size);
}

/*
 * Push obj, of slab, onto this CPU's object array if it is an object of
 * slab and there is room; false if it must take the slow path. A debug
 * cache has no array (limit 0), so its objects always do.
 */
static __always_inline bool slab_free_to_array(struct kmem_cache *s, const struct page *slab,
					       void *obj)
{
	struct array_cache *ac;
	unsigned long flags;
	unsigned int n;
	bool done = false;

	if (unlikely(!slab_object_valid(s, slab, obj)))
		return false;
	local_irq_save(flags);
	ac = cpu_cache_get(s);
	n = ac->avail;
	/* room left, and obj not on top already (the cheap double-free check) */
	if (likely(n < ac->limit) && likely(ac->entry[n] != obj)) {
		ac->entry[n + 1] = obj;
		ac->avail = n + 1;
		done = true;
	}
	local_irq_restore(flags);
	return done;
}

static __always_inline void slab_free(struct kmem_cache *s, struct page *slab, void *obj,
				      unsigned long caller)
{
	if (likely(slab_free_to_array(s, slab, obj)))
		return;
	__slab_free(s, slab, obj, caller);
}

/* Core operations (mm/slub.c). */
int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, slab_flags_t flags, void (*ctor)(void *));
/* Frees empty slabs; returns pages freed. With live objects left, reports them. */
unsigned long __kmem_cache_shrink(struct kmem_cache *s);
/* Free every slab, used or not (destroy, once no object is live). */
void __kmem_cache_release(struct kmem_cache *s);
/* Objects still allocated (walks every slab), not counting quarantined ones. */
unsigned long kmem_cache_live_objects(struct kmem_cache *s);
/* Print the live objects (and their allocators with SLAB_STORE_USER; slub_debug.c). */
void kmem_cache_report_live(struct kmem_cache *s);
/* "BUG <cache>: ..." and its banner, counted (slub_debug.c, Linux's slab_err()). */
void slab_report(struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);
/* Object alignment for a cache: the request, SLAB_HWCACHE_ALIGN's rule, at least 8. */
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size);
/* Bytes a caller may use at an object. */
unsigned int slab_ksize(const struct kmem_cache *s);
/* kmalloc with red zones and owner tracking: guard [size, object_size) too. */
void kmalloc_set_orig_size(struct kmem_cache *s, void *obj, size_t size);
/* slab_debug= (or slub_debug=) as given, and whether it was (slub_debug.c). */
extern char slab_debug_opts[128];
extern bool slab_debug_given;
/* Apply slab_debug= to a new cache's flags. */
slab_flags_t slab_debug_flags(const char *name, slab_flags_t flags);


/*
 * An object's slot and metadata, and a slab's freelist head (page_type's
 * upper half), for mm/slub.c and mm/slub_debug.c.
 */
static inline u8 *slot(const struct kmem_cache *s, const struct page *slab, unsigned int i)
{
	return (u8 *)slab_base(slab) + (unsigned long)i * s->size;
}

static inline unsigned int obj_index(const struct kmem_cache *s, const struct page *slab, const void *obj)
{
	return offset_to_index(s, (unsigned long)(slot_of(s, obj) - (u8 *)slab_base(slab)));
}

/* Does the free pointer lie after the object, where its user cannot write? */
static inline bool freeptr_outside_object(const struct kmem_cache *s)
{
	return s->offset >= s->inuse;
}

/*
 * Linux's get_info_end(): where the metadata after the object's in-use
 * part begins, from the slot start: after the free pointer when that lies
 * outside the object, else right at the end of the in-use part.
 */
static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	return freeptr_outside_object(s) ? s->inuse + (unsigned int)sizeof(void *) : s->inuse;
}

/* The alloc (0) and free (1) tracks, then the kmalloc size (2), after the in-use part. */
static inline struct track *get_track(const struct kmem_cache *s, const void *obj, int which)
{
	return (struct track *)(slot_of(s, obj) + get_info_end(s)) + which;
}

static inline unsigned long *orig_size_of(const struct kmem_cache *s, const void *obj)
{
	return (unsigned long *)(get_track(s, obj, 2));
}

static inline void *slab_freelist(const struct kmem_cache *s, const struct page *slab)
{
	unsigned int idx = slab->page_type >> 16;

	return idx == FREE_IDX_NONE ? NULL : slot((struct kmem_cache *)s, slab, idx) + s->red_left_pad;
}

static inline void set_slab_freelist(const struct kmem_cache *s, struct page *slab, void *obj)
{
	unsigned int idx = obj ? obj_index(s, slab, obj) : FREE_IDX_NONE;

	slab->page_type = (idx << 16) | slab_inuse(slab);
}

/* slab_common.c, for kmalloc.c: a new cache, linked in (0 or the error). */
int create_cache(struct kmem_cache **sp, const char *name, unsigned int size,
		 unsigned int align, slab_flags_t flags, void (*ctor)(void *),
		 unsigned long caller);
/* "<fn>(0x...): <why>, from <caller>", a WARN (slab_common.c). */
void report_bad_free(const char *fn, const void *p, const char *why, unsigned long caller);
/* kmalloc.c, for kmem_cache_init(): the kmalloc caches, and the large ones' destructor. */
void create_kmalloc_caches(void);
void free_large_kmalloc_dtor(struct page *head);

/* Can other caches merge into s (slab_common.c; the attributes report says so too)? */
bool cache_mergeable(const struct kmem_cache *s);

/* mm/slub_debug.c: the checks of a debug cache's objects, and the reports. */
bool alloc_debug_processing(struct kmem_cache *s, void *obj, unsigned long caller);
bool free_debug_processing(struct kmem_cache *s, struct page *slab, void *obj,
			   unsigned long caller);
void init_object(struct kmem_cache *s, void *obj, u8 red);
void slab_pad_check(struct kmem_cache *s, struct page *slab);
void report_double_free(struct kmem_cache *s, struct page *slab, void *obj,
			unsigned long caller);

#endif
