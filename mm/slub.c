// SPDX-License-Identifier: MIT
/*
 * mm/slub.c - the slab allocator core, in the SLUB manner.
 *
 * Owns: slab pages (their struct page words, see mm/slab.h), the per-CPU
 * object arrays and CPU slabs, the partial and full lists, and object
 * layout. The debugging checks (poison, red zones, owner tracks, double and
 * invalid frees) are mm/slub_debug.c's; a debug cache's objects go through
 * them on the slow paths here.
 * Must not touch: page tables or zone free lists (slabs come from and go
 * back to alloc_pages/__free_pages).
 * Locking: a CPU's array_cache and kmem_cache_cpu with IRQs off; s->list_lock (IRQs off)
 * for the lists, the slabs' freelists and the counters. Order: IRQs off ->
 * list_lock -> zone->lock. New slabs are allocated and constructed with
 * neither (as Linux's new_slab()), then added under them.
 *
 * Two per-CPU levels, named for what they are: struct array_cache, the
 * old SLAB's per-CPU array (what Linux 6.18's SLUB sheaves bring back), and
 * struct kmem_cache_cpu, SLUB's CPU slab (its slab frozen, its freelist;
 * deactivate_slab() gives it back to the lists, as SLUB's).
 * The fast paths (inline, mm/slab_internal.h) pop and push this CPU's
 * array of free objects. An empty array takes a batch from the CPU slab's
 * freelist; a full one gives its oldest batch back to the objects' slabs,
 * slab by slab, under list_lock. When the CPU freelist runs dry its slab
 * goes to the full (or partial) list and a partial slab, or a new one,
 * becomes the CPU slab. A slab that empties beyond min_partial goes back to
 * the page allocator. Caches with debugging have no array: every object
 * goes through the checks and the CPU slab.
 * Tests: tests/kernel/slab_test.c, tests/kernel/kmalloc_test.c.
 */
#include <kernel/bug.h>
#include <kernel/cache.h>
#include <kernel/errno.h>
#include <kernel/log2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"
#include "slab_internal.h"

/*** Layout ***/

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

/* Linux's calc_slab_order/calculate_order, for one CPU and slub_max_order 3. */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects = 4 * (1 + 1);	/* 4 * (fls(nr_cpu_ids) + 1) */
	unsigned int max_objects = max(order_objects(PAGE_ALLOC_COSTLY_ORDER, size), 1u);
	unsigned int min_order;

	min_objects = min(min_objects, max_objects);
	min_order = get_order((size_t)min_objects * size);
	if (order_objects(min_order, size) > MAX_OBJS_PER_SLAB)
		return get_order((size_t)size * MAX_OBJS_PER_SLAB) - 1;
	for (unsigned int fraction = 16; fraction > 1; fraction /= 2) {
		for (unsigned int order = min_order; order <= PAGE_ALLOC_COSTLY_ORDER; order++) {
			unsigned int slab_size = (unsigned int)(PAGE_SIZE << order);

			if (slab_size % size <= slab_size / fraction)
				return order;
		}
	}
	return get_order(size);
}

unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;	/* cache_line_size() */

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)KMALLOC_MIN_SIZE);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

static bool has_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned int off;

	strlcpy(s->name, name, sizeof(s->name));
	if (ctor)
		flags &= ~SLAB_POISON;	/* a constructed object must keep its state */
	s->flags = flags;
	s->ctor = ctor;
	s->object_size = size;
	s->align = calculate_alignment(flags, align, size);
	s->red_left_pad = (flags & SLAB_RED_ZONE) ? ALIGN((unsigned int)sizeof(void *), s->align) : 0;
	off = s->red_left_pad + ALIGN(max(size, (unsigned int)sizeof(void *)), (unsigned int)sizeof(void *));
	if ((flags & SLAB_RED_ZONE) && ALIGN(size, (unsigned int)sizeof(void *)) == size)
		off += sizeof(void *);	/* at least a word of right red zone */
	s->inuse = off;
	if (flags & (SLAB_POISON | SLAB_RED_ZONE) || ctor) {
		s->offset = off;	/* the free pointer cannot live in the object */
		off += sizeof(void *);
	} else {
		s->offset = s->red_left_pad;
	}
	if (flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track) + sizeof(unsigned long);	/* + kmalloc size */
	s->size = ALIGN(off, s->align);
	s->reciprocal_size = (u32)(((1ULL << 32) + s->size - 1) / s->size);
	s->divisor_magic = ~0ULL / s->size + 1;	/* ceil(2^64 / size), size >= 8 */
	s->order = calculate_order(s->size);
	if (s->order > MAX_PAGE_ORDER)
		return -EINVAL;	/* the slot (object, debug data) exceeds the largest block */
	s->objects = min(order_objects(s->order, s->size), MAX_OBJS_PER_SLAB);
	if (!s->objects)
		return -EINVAL;
	s->min_order = get_order(s->size);	/* Linux's s->min: one object */
	s->min_objects = min(order_objects(s->min_order, s->size), MAX_OBJS_PER_SLAB);
	s->slab_bytes = (unsigned long)s->objects * s->size;
	s->slab_mask = (PAGE_SIZE << s->order) - 1;
	s->allocflags = (s->order ? __GFP_COMP : 0) | ((flags & SLAB_CACHE_DMA) ? GFP_DMA : 0) |
			((flags & SLAB_CACHE_DMA32) ? GFP_DMA32 : 0);
	/* Linux's set_min_partial(s, ilog2(s->size) / 2): MIN_PARTIAL 5 .. MAX_PARTIAL 10 */
	s->min_partial = min(max(ilog2(s->size) / 2, 5u), 10u);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct array_cache *ac = &s->cpu_cache[cpu];

		/* Linux SLAB's enable_cpucache() sizes; debugging checks every object, so no array */
		ac->limit = has_debug(s) ? 0 : s->size > 131072 ? 1 : s->size > PAGE_SIZE ? 8 :
			    s->size > 1024 ? 24 : s->size > 256 ? 54 : SLAB_ARRAY_LIMIT;
		ac->batchcount = (ac->limit + 1) / 2;
	}
	s->refcount = 1;
	spin_lock_init(&s->list_lock);
	page_list_init(&s->partial);
	page_list_init(&s->full);
	return 0;
}

unsigned int slab_ksize(const struct kmem_cache *s)
{
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER))
		return s->object_size;
	return s->size - s->red_left_pad;
}

/*** Slabs ***/

/*
 * A block for a new slab, as Linux's allocate_slab(): the cache's order,
 * asked quietly and without retrying (__GFP_NORETRY | __GFP_NOWARN, no
 * __GFP_NOFAIL) when a smaller order would do; then the minimum order (one
 * object), asked as the caller asked. Such a slab is marked in
 * slab->private. Linux retries even when both orders are the same, to try
 * harder the second time; mmos has no reclaim, so a second try could only
 * fail again.
 */
static struct page *alloc_slab_page(struct kmem_cache *s, gfp_t flags, bool *min_order)
{
	gfp_t min_flags = (flags & ~__GFP_COMP) | (s->min_order ? __GFP_COMP : 0);
	struct page *slab;

	*min_order = false;
	if (s->order == s->min_order)
		return alloc_pages(flags, s->order);
	slab = alloc_pages((flags | __GFP_NORETRY | __GFP_NOWARN) & ~__GFP_NOFAIL, s->order);
	if (slab)
		return slab;
	*min_order = true;
	return alloc_pages(min_flags, s->min_order);
}

/*
 * A new slab, its objects constructed (and with debugging, poisoned), not
 * yet part of the cache (install_new_slab() adds it). As Linux's
 * new_slab(), it is called with no slab lock held and interrupts as the
 * caller has them, so a constructor may allocate, even from its own
 * cache. Zeroing objects a constructor made undoes it: Linux's new_slab()
 * warns once.
 */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t flags = (gfp & (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HIGH | __GFP_NOWARN |
			      __GFP_NOFAIL | __GFP_NORETRY | __GFP_RETRY_MAYFAIL)) | s->allocflags;
	unsigned int size = s->size, pad = s->red_left_pad, objects;
	long fp = freepointer_offset(s);
	bool min_order;
	struct page *slab = alloc_slab_page(s, flags, &min_order);
	void *prev = NULL;
	u8 *base, *p;

	WARN_ON_ONCE(s->ctor && (gfp & __GFP_ZERO));
	if (!slab)
		return NULL;
	set_page_flag(slab, PG_slab);
	slab->private = (unsigned long)s | (min_order ? SLAB_MIN_ORDER : 0);
	objects = slab_objects(s, slab);
	base = slab_base(slab);
	if (has_debug(s) || s->ctor) {
		if (has_debug(s))
			memset(base, POISON_INUSE, PAGE_SIZE << slab_order(s, slab));
		for (unsigned int i = 0; i < objects; i++) {
			void *obj = slot(s, slab, i) + pad;

			if (s->ctor)
				s->ctor(obj);
			if (has_debug(s))
				init_object(s, obj, SLUB_RED_INACTIVE);
		}
	}
	/* then the free pointers, chained in address order (after the above wrote the objects) */
	for (p = base + (unsigned long)objects * size; p != base; prev = p + pad) {	/* LAB 4 BEGIN new_slab_freelist */
		p -= size;
		set_freepointer_at(p + pad, fp, prev);
	}	/* LAB 4 END new_slab_freelist */
	slab->page_type = 0;
	set_slab_freelist(s, slab, prev);
	set_slab_inuse(slab, 0);
	return slab;
}

/* list_lock held */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	unsigned int order = slab_order(s, slab);

	slab_pad_check(s, slab);	/* as Linux's __free_slab() with consistency checks */
	s->nr_slabs--;
	s->nr_pages -= 1UL << order;
	s->total_objects -= slab_objects(s, slab);
	clear_page_flag(slab, PG_slab);
	slab->page_type = PAGE_TYPE_NONE;
	slab->private = 0;
	__free_pages(slab, order);
}

/* Put a slab that is not a CPU slab on the list its state calls for (list_lock held). */
static void file_slab(struct kmem_cache *s, struct page *slab)
{
	if (slab_inuse(slab) == slab_objects(s, slab)) {
		page_list_add(&s->full, slab);
		s->nr_full++;
	} else if (slab_inuse(slab) == 0 && s->nr_partial >= s->min_partial) {
		discard_slab(s, slab);
	} else {
		page_list_add(&s->partial, slab);
		s->nr_partial++;
	}
}

static void unfile_slab(struct kmem_cache *s, struct page *slab, bool was_full)
{
	if (was_full) {
		page_list_del(&s->full, slab);
		s->nr_full--;
	} else {
		page_list_del(&s->partial, slab);
		s->nr_partial--;
	}
}

/* Give the CPU slab back: its remaining free objects return to the slab (IRQs off). */
static void deactivate_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct page *slab = c->slab;
	unsigned int nfree = 0;
	void *last = NULL;

	if (!slab)
		return;
	for (void *p = c->freelist; p; p = get_freepointer(s, p)) {
		nfree++;
		last = p;
	}
	spin_lock(&s->list_lock);
	if (last) {
		set_freepointer(s, last, slab_freelist(s, slab));
		set_slab_freelist(s, slab, c->freelist);
	}
	set_slab_inuse(slab, slab_inuse(slab) - nfree);
	c->slab = NULL;
	c->freelist = NULL;
	file_slab(s, slab);
	spin_unlock(&s->list_lock);
}

static void set_cpu_slab(struct kmem_cache *s, struct kmem_cache_cpu *c, struct page *slab)
{
	c->slab = slab;
	c->freelist = slab_freelist(s, slab);
	set_slab_freelist(s, slab, NULL);
	set_slab_inuse(slab, slab_objects(s, slab));	/* frozen, as SLUB's: all counted as the CPU's */
}

/*
 * Make a partial slab this CPU's slab, once its own has run dry (IRQs
 * off). False if there is none: then a new slab must be made, which
 * happens outside (see __slab_alloc()).
 */
static bool get_partial_cpu_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct page *slab;

	deactivate_slab(s, c);
	spin_lock(&s->list_lock);
	slab = page_list_first(&s->partial);
	if (slab)
		unfile_slab(s, slab, false);
	spin_unlock(&s->list_lock);
	if (!slab)
		return false;
	trace_mm("slab: %s: the CPU slab ran dry: partial slab pfn %#lx becomes it", s->name,
		 page_to_pfn(slab));
	set_cpu_slab(s, c, slab);
	return true;
}

/*
 * A slab from allocate_slab() joins the cache (IRQs off): it becomes this
 * CPU's slab if that has still run dry, else (an interrupt, or the
 * constructor, got one meanwhile) it goes on the partial list.
 */
static void install_new_slab(struct kmem_cache *s, struct kmem_cache_cpu *c, struct page *slab)
{
	bool for_cpu = !c->freelist;

	if (for_cpu)
		deactivate_slab(s, c);
	spin_lock(&s->list_lock);
	s->nr_slabs++;
	s->nr_pages += 1UL << slab_order(s, slab);
	s->total_objects += slab_objects(s, slab);
	if (!for_cpu) {
		page_list_add(&s->partial, slab);
		s->nr_partial++;
	}
	spin_unlock(&s->list_lock);
	if (for_cpu)
		set_cpu_slab(s, c, slab);
}

/* One object from the CPU slab, or a partial one when it has run dry (IRQs off). */
static void *cpu_slab_pop(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	void *obj = c->freelist;

	if (!obj) {
		if (!get_partial_cpu_slab(s, c))
			return NULL;
		obj = c->freelist;
	}
	c->freelist = get_freepointer(s, obj);
	return obj;
}

/*
 * Fill this CPU's empty object array with up to batchcount objects from the
 * CPU slab and the partial slabs (IRQs off), arranged so they are handed out
 * in address order. Fewer, or none, when they have no more. (SLAB's
 * cache_alloc_refill() took them from its slab lists.)
 */
static void refill_array(struct kmem_cache *s, struct array_cache *ac, struct kmem_cache_cpu *c)
{
	unsigned int batch = ac->batchcount, n = 0;
	long fp = freepointer_offset(s);

	while (n < batch) {
		void *obj = c->freelist;

		if (!obj) {
			if (!get_partial_cpu_slab(s, c))
				break;
			obj = c->freelist;
		}
		/*
		 * A run of the CPU freelist, from the top of the array down:
		 * the first object popped is the first handed out.
		 */
		do {
			ac->entry[batch - n++] = obj;
			obj = get_freepointer_at(obj, fp);
		} while (obj && n < batch);
		c->freelist = obj;
	}
	if (n < batch)	/* short of objects: close the gap at the bottom */
		memmove(ac->entry + 1, ac->entry + 1 + batch - n, n * sizeof(void *));
	ac->avail = n;
	trace_mm("slab: %s: this CPU's array was empty: refilled with %u of batchcount %u objects "
		 "from the CPU slab and partial slabs", s->name, n, batch);
}

/* An object this CPU's array, its slab or a partial slab has, or NULL (IRQs off). */
static void *get_free_object(struct kmem_cache *s, struct array_cache *ac,
			     struct kmem_cache_cpu *c)
{
	if (!ac->limit)
		return cpu_slab_pop(s, c);	/* a debug cache: no array */
	if (!ac->avail)
		refill_array(s, ac, c);
	return ac->avail ? ac->entry[ac->avail--] : NULL;
}

/*
 * When no slab has a free object, a new one is made with interrupts as the
 * caller has them and no lock held, as Linux's ___slab_alloc() calls
 * new_slab(), then joins the cache, and the search starts again. A failed
 * allocation asks the page allocator for one slab, once.
 */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller, size_t orig_size)
{
	unsigned long flags;
	struct page *slab;
	void *obj;

	if (unlikely(gfp & GFP_SLAB_BUG_MASK))
		gfp = kmalloc_fix_flags(gfp, caller);
	for (;;) {
		local_irq_save(flags);
		obj = get_free_object(s, cpu_cache_get(s), this_cpu_slab(s));
		local_irq_restore(flags);
		if (!obj) {
			trace_mm("slab: %s: no free object anywhere: a new slab of order %u from the "
				 "page allocator", s->name, s->order);
			slab = allocate_slab(s, gfp);
			if (!slab)
				return NULL;
			local_irq_save(flags);
			install_new_slab(s, this_cpu_slab(s), slab);
			local_irq_restore(flags);
			continue;
		}
		if (!has_debug(s) || alloc_debug_processing(s, obj, caller))
			break;
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	kmalloc_set_orig_size(s, obj, orig_size);
	return obj;
}

/*
 * Give back the valid (and, with debugging, checked) objects at the start of
 * objs[0..n) that belong to slab, and return how many that was: objects
 * freed together often share a slab, which is an aligned block, so one
 * pass both finds the run and chains it. They go onto the CPU freelist if
 * slab is the CPU slab, else onto the slab's own freelist, which then
 * changes lists only if it stops being full or empties. An object already
 * first on that freelist is a double free: it is reported and skipped (the
 * cheap check). IRQs off, list_lock held.
 */
static unsigned int free_to_slab(struct kmem_cache *s, struct kmem_cache_cpu *c,
				 struct page *slab, void *const *objs, unsigned int n,
				 unsigned long caller)
{
	unsigned int block_shift = PAGE_SHIFT + slab_order(s, slab);
	phys_addr_t block = page_to_phys(slab) >> block_shift;
	bool cpu = slab == c->slab;
	void *head = cpu ? c->freelist : slab_freelist(s, slab);
	long fp = freepointer_offset(s);
	unsigned int i, freed = 0;
	bool was_full;

	for (i = 0; i < n && __pa(objs[i]) >> block_shift == block; i++) {
		if (unlikely(objs[i] == head)) {
			report_double_free(s, slab, objs[i], caller);
			continue;
		}
		set_freepointer_at(objs[i], fp, head);
		head = objs[i];
		freed++;
	}
	if (cpu) {
		c->freelist = head;
		return i;
	}
	was_full = slab_inuse(slab) == slab_objects(s, slab);
	set_slab_freelist(s, slab, head);
	set_slab_inuse(slab, slab_inuse(slab) - freed);
	if (was_full && freed) {
		unfile_slab(s, slab, true);
		file_slab(s, slab);
	} else if (!slab_inuse(slab) && s->nr_partial > s->min_partial) {
		unfile_slab(s, slab, false);
		discard_slab(s, slab);
	}
	return i;
}

/*
 * Give the n oldest objects of this CPU's array back to their slabs (IRQs
 * off; SLAB's cache_flusharray() with n = batchcount, and its free_block()).
 */
static void flush_array(struct kmem_cache *s, struct array_cache *ac, struct kmem_cache_cpu *c,
			unsigned int n, unsigned long caller)
{
	spin_lock(&s->list_lock);
	for (unsigned int i = 1; i <= n;)
		i += free_to_slab(s, c, virt_to_slab(ac->entry[i]), &ac->entry[i], n + 1 - i,
				  caller);
	spin_unlock(&s->list_lock);
	memmove(ac->entry + 1, ac->entry + 1 + n, (ac->avail - n) * sizeof(void *));
	ac->avail -= n;
}

void __slab_free(struct kmem_cache *s, struct page *slab, void *obj, unsigned long caller)
{
	struct array_cache *ac;
	unsigned long flags;
	bool freed;

	if (!slab_object_valid(s, slab, obj)) {
		slab_report(s, "Invalid object pointer 0x%p", obj);
		pr_err("INFO: slab 0x%p objects=%u size=%u caller:%pS\n", slab_base(slab),
		       slab_objects(s, slab),
		       s->size, (void *)caller);
		return;
	}
	if (has_debug(s) && !free_debug_processing(s, slab, obj, caller))
		return;
	local_irq_save(flags);
	ac = cpu_cache_get(s);
	if (ac->limit) {
		/* the array's top is the cheap double-free check */
		freed = ac->entry[ac->avail] != obj;
		if (freed) {
			if (ac->avail == ac->limit) {
				trace_mm("slab: %s: this CPU's array is full (%u): %u objects go back "
					 "to their slabs", s->name, ac->limit, ac->batchcount);
				flush_array(s, ac, this_cpu_slab(s), ac->batchcount, caller);
			}
			ac->entry[++ac->avail] = obj;
		}
		local_irq_restore(flags);
		if (!freed)
			report_double_free(s, slab, obj, caller);
		return;
	}
	spin_lock(&s->list_lock);
	free_to_slab(s, this_cpu_slab(s), slab, &obj, 1, caller);
	spin_unlock(&s->list_lock);
	local_irq_restore(flags);
}

void kmalloc_set_orig_size(struct kmem_cache *s, void *obj, size_t size)
{
	if ((s->flags & (SLAB_KMALLOC | SLAB_STORE_USER | SLAB_RED_ZONE)) !=
	    (SLAB_KMALLOC | SLAB_STORE_USER | SLAB_RED_ZONE))
		return;
	*orig_size_of(s, obj) = size;
	memset((u8 *)obj + size, SLUB_RED_ACTIVE, s->object_size - size);
}

/*** Shrinking and inspection ***/

unsigned long __kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags, freed = 0;
	struct array_cache *ac;
	struct kmem_cache_cpu *c;
	struct page *slab, *next;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	ac = cpu_cache_get(s);
	flush_array(s, ac, c, ac->avail, _RET_IP_);
	deactivate_slab(s, c);
	spin_lock(&s->list_lock);
	for (slab = page_list_first(&s->partial); slab; slab = next) {
		next = page_list_next(slab);
		if (slab_inuse(slab))
			continue;
		unfile_slab(s, slab, false);
		discard_slab(s, slab);
		freed += 1UL << slab_order(s, slab);
	}
	spin_unlock(&s->list_lock);
	local_irq_restore(flags);
	return freed;
}

unsigned long kmem_cache_live_objects(struct kmem_cache *s)
{
	unsigned long flags, live = 0;
	struct kmem_cache_cpu *c;
	struct page *slab;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	if (c->slab) {
		live += slab_objects(s, c->slab);
		for (void *p = c->freelist; p; p = get_freepointer(s, p))
			live--;
	}
	spin_lock(&s->list_lock);
	page_list_for_each(slab, &s->partial)
		live += slab_inuse(slab);
	page_list_for_each(slab, &s->full)
		live += slab_objects(s, slab);
	live -= cpu_cache_get(s)->avail;	/* free, in this CPU's array */
	live -= s->quarantined;	/* corrupt objects are nobody's */
	spin_unlock(&s->list_lock);
	local_irq_restore(flags);
	return live;
}

void __kmem_cache_release(struct kmem_cache *s)
{
	struct array_cache *ac;
	struct kmem_cache_cpu *c;
	unsigned long flags;
	struct page *slab;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	ac = cpu_cache_get(s);
	flush_array(s, ac, c, ac->avail, _RET_IP_);
	deactivate_slab(s, c);
	spin_lock(&s->list_lock);
	while ((slab = page_list_first(&s->partial))) {
		unfile_slab(s, slab, false);
		discard_slab(s, slab);
	}
	while ((slab = page_list_first(&s->full))) {
		unfile_slab(s, slab, true);
		discard_slab(s, slab);
	}
	s->quarantined = 0;
	spin_unlock(&s->list_lock);
	local_irq_restore(flags);
}
