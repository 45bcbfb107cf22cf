// SPDX-License-Identifier: MIT
/*
 * mm/slab_common.c - caches as their users see them: create, merge, destroy,
 * kmem_cache_alloc() and kmem_cache_free().
 *
 * Owns: the list of caches, the merge policy and the boot options
 * slab_nomerge/slab_merge. Object-level work is mm/slub.c's; kmalloc and
 * its cache arrays are mm/kmalloc.c's; slab_debug= (slub_debug) is
 * mm/slub_debug.c's, the /proc/slabinfo-style reports mm/slabinfo.c's.
 * Locking: slab_mutex (a spinlock: mmos has no sleeping) around the cache
 * list; each cache's own locks inside it.
 * Tests: tests/kernel/slab_test.c, tests/kernel/kmalloc_test.c.
 */
#include <kernel/bug.h>
#include <kernel/cache.h>
#include <kernel/errno.h>
#include <kernel/cmdline.h>
#include <kernel/log2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"
#include "slab_internal.h"

struct kmem_cache *slab_caches;
DEFINE_SPINLOCK(slab_mutex);
bool slab_nomerge;

/*
 * slab_nomerge and slab_merge (and their old names slub_nomerge and
 * slub_merge) turn merging off and on, as Linux's __setup() handlers do:
 * each sets slab_nomerge, so the last one on the command line wins. Like
 * Linux, they ignore a value.
 */
static int set_slab_nomerge(const char *val, const struct kernel_param *kp)
{
	(void)val;
	(void)kp;
	slab_nomerge = true;
	return 0;
}

static int set_slab_merge(const char *val, const struct kernel_param *kp)
{
	(void)val;
	(void)kp;
	slab_nomerge = false;
	return 0;
}

static int get_slab_merging(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return scnprintf(buf, size, "merging %s", slab_nomerge ? "off" : "on");
}

static const struct kernel_param_ops slab_nomerge_ops = {
	set_slab_nomerge, get_slab_merging, "flag"
};
static const struct kernel_param_ops slab_merge_ops = { set_slab_merge, get_slab_merging, "flag" };
core_param_cb(slab_nomerge, slab_nomerge_ops);
core_param_cb(slub_nomerge, slab_nomerge_ops);
core_param_cb(slab_merge, slab_merge_ops);
core_param_cb(slub_merge, slab_merge_ops);

/*** Merging ***/

/*
 * Linux 6.12's sets, of the flags mmos has (SLAB_TYPESAFE_BY_RCU,
 * SLAB_NOLEAKTRACE, SLAB_FAILSLAB and SLAB_ACCOUNT it has not).
 * SLAB_CONSISTENCY_CHECKS (slab_debug=F) does not stop a merge.
 */
#define SLAB_NEVER_MERGE	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE | \
				 SLAB_NO_MERGE)
#define SLAB_MERGE_SAME		(SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA | SLAB_CACHE_DMA32)

bool cache_mergeable(const struct kmem_cache *s)
{
	return !(s->flags & SLAB_NEVER_MERGE) && !s->ctor && s->refcount > 0;
}

/*
 * Linux's find_mergeable(): the oldest compatible cache. Linux adds a new
 * cache at the head of slab_caches and walks the list from its tail; the
 * list here is singly linked, newest first as well, so the walk goes
 * through all of it and keeps the last match.
 */
static struct kmem_cache *find_mergeable(unsigned int size, unsigned int align,
					 slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *found = NULL;

	if (slab_nomerge || ctor || (flags & SLAB_NEVER_MERGE))
		return NULL;
	size = ALIGN(size, (unsigned int)sizeof(void *));
	align = calculate_alignment(flags, align, size);
	size = ALIGN(size, align);
	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		if (!cache_mergeable(s) || size > s->size)
			continue;
		if ((flags & SLAB_MERGE_SAME) != (s->flags & SLAB_MERGE_SAME))
			continue;
		if (s->size & (align - 1))
			continue;
		if (s->size - size >= sizeof(void *))
			continue;
		found = s;
	}
	return found;
}

/*** Creation and destruction ***/

static struct kmem_cache kmem_cache_boot;	/* the cache of struct kmem_cache */
static struct kmem_cache *kmem_cache;

static void link_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_mutex, flags);
	s->next = slab_caches;
	slab_caches = s;
	spin_unlock_irqrestore(&slab_mutex, flags);
}

static void unlink_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_mutex, flags);
	for (struct kmem_cache **pp = &slab_caches; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	spin_unlock_irqrestore(&slab_mutex, flags);
}

/*
 * A cache of these arguments (already checked) into *sp, linked in: 0, or
 * the error (reported in a line that names the caller), as Linux's
 * create_cache() returns it.
 */
int create_cache(struct kmem_cache **sp, const char *name, unsigned int size,
		 unsigned int align, slab_flags_t flags, void (*ctor)(void *),
		 unsigned long caller)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	int err;

	*sp = NULL;
	if (!s) {
		pr_warn("kmem_cache_create(%s): no memory for the struct kmem_cache, from %pS\n",
			name, (void *)caller);
		return -ENOMEM;
	}
	err = kmem_cache_open(s, name, size, align, flags, ctor);
	if (err) {
		pr_warn("kmem_cache_create(%s): %u-byte objects (align %u, flags %#x) with their "
			"metadata do not fit an order-%d slab, from %pS\n", name, size, align, flags,
			MAX_PAGE_ORDER, (void *)caller);
		kmem_cache_free(kmem_cache, s);
		return err;
	}
	link_cache(s);
	*sp = s;
	return 0;
}

/*
 * Note name as an alias of s (Linux's sysfs_slab_alias() link), once: a
 * name created again while the cache lives is listed already.
 */
static void add_alias(struct kmem_cache *s, const char *name)
{
	for (unsigned int i = 0; i < s->nr_aliases; i++)
		if (!strcmp(s->aliases[i], name))
			return;
	if (s->nr_aliases < SLAB_MAX_ALIASES)
		strlcpy(s->aliases[s->nr_aliases++], name, SLAB_NAME_LEN);
}

/*
 * The longest cache name: a cache keeps its own copy of its name, and of
 * each alias's, in SLAB_NAME_LEN bytes (for /proc/slabinfo and the
 * sysfs-style report). Linux keeps the caller's pointer and sets no limit
 * (sysfs would refuse a name beyond NAME_MAX, 255); mmos refuses a longer
 * name rather than cut it and let two caches show the same one.
 */
#define SLAB_NAME_MAX	(SLAB_NAME_LEN - 1)

/*
 * What is wrong with kmem_cache_create()'s arguments, or NULL. Linux's
 * kmem_cache_sanity_check() refuses no name and sizes above
 * KMALLOC_MAX_SIZE (the largest object a slab can hold: one per order
 * MAX_PAGE_ORDER block), and only with CONFIG_DEBUG_VM (without it, it
 * checks nothing). mmos always checks, and also refuses an empty or too
 * long name, size 0, and an alignment that is not a power of two (ALIGN()
 * would garble it) or is larger than any slab.
 */
static const char *cache_args_bad(const char *name, unsigned int size, unsigned int align)
{
	if (!name)
		return "no name";
	if (!*name)
		return "empty name";
	if (strnlen(name, SLAB_NAME_MAX + 1) > SLAB_NAME_MAX)
		return "name longer than 31 characters";
	if (!size)
		return "object size 0";
	if (size > KMALLOC_MAX_SIZE)
		return "object size above KMALLOC_MAX_SIZE (4 MiB)";
	if (align & (align - 1))
		return "alignment not a power of two";
	if (align > KMALLOC_MAX_SIZE)
		return "alignment above 4 MiB (no slab is aligned beyond its size)";
	return NULL;
}

/*
 * Linux's __kmem_cache_create_args() in its order: the arguments (the
 * integrity check), then the flags (outside SLAB_FLAGS_PERMITTED: -EINVAL;
 * GFP_KERNEL passed as flags is the classic case), then slab_debug= and a
 * cache to merge with, then a new cache. Each refusal says why in a line
 * naming the caller; then "kmem_cache_create(<name>) failed with error
 * <err>" and a stack dump, or with SLAB_PANIC a panic carrying the same
 * error: Linux 6.12 prints the same line and stack from inside
 * __kmem_cache_create_args() (so its line starts with that name), which
 * kmem_cache_create() wraps there.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	const char *bad = cache_args_bad(name, size, align);
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	BUILD_BUG_ON(SLAB_NAME_MAX != 31);	/* the number in cache_args_bad()'s message */
	if (bad) {
		pr_err("kmem_cache_create(%.*s%s) integrity check failed: %s (size %u, align %u), "
		       "from %pS\n", SLAB_NAME_MAX, name ? name : "(null)",
		       name && strnlen(name, SLAB_NAME_MAX + 1) > SLAB_NAME_MAX ? "..." : "", bad,
		       size, align, (void *)_RET_IP_);
	} else if (flags & ~SLAB_FLAGS_PERMITTED) {
		pr_err("kmem_cache_create(%s): flags %#x are no slab flags (of %#x), from %pS\n",
		       name, flags & ~SLAB_FLAGS_PERMITTED, flags, (void *)_RET_IP_);
	} else {
		/* a slab_debug= cache pattern needs the name: only now is it known good */
		flags = slab_debug_flags(name, flags);
		s = find_mergeable(size, align, flags, ctor);
		if (s) {
			s->refcount++;
			s->object_size = max(s->object_size, size);
			add_alias(s, name);
			return s;
		}
		err = create_cache(&s, name, size, align, flags, ctor, _RET_IP_);
		if (!err)
			return s;
	}
	if (flags & SLAB_PANIC)
		panic("%s: Failed to create slab '%s'. Error %d", __func__, name ? name : "(null)",
		      err);
	pr_warn("%s(%s) failed with error %d\n", __func__, name ? name : "(null)", err);
	dump_stack();
	return NULL;
}

unsigned long kmem_cache_shrink(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);
}

unsigned long kmem_cache_shrink_all(void)
{
	unsigned long freed = 0;

	for (struct kmem_cache *s = slab_caches; s; s = s->next)
		freed += __kmem_cache_shrink(s);
	return freed;
}

int kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return 0;
	/*
	 * One user fewer. Every creator holds the same pointer, so which
	 * name this user created is not known: as Linux leaves the sysfs
	 * alias links, every name stays listed while the cache lives.
	 */
	if (--s->refcount > 0)
		return 0;
	__kmem_cache_shrink(s);
	if (kmem_cache_live_objects(s)) {
		kmem_cache_report_live(s);
		/*
		 * Linux 6.12 WARNs and unlinks the cache whatever the error,
		 * leaking it: nothing can merge into it or find it again.
		 * mmos keeps it listed, so its owner can free the objects and
		 * destroy it again, but no new cache may become its alias.
		 */
		s->refcount = 1;
		s->flags |= SLAB_NO_MERGE;
		WARN(1, "%s %s: Slab cache still has objects when called from %pS\n", __func__,
		     s->name, (void *)_RET_IP_);
		return -EBUSY;
	}
	__kmem_cache_release(s);	/* slabs that still hold quarantined objects */
	unlink_cache(s);
	if (s != &kmem_cache_boot)
		kmem_cache_free(kmem_cache, s);
	return 0;
}

/*** Allocation entry points ***/

/* Linux's kmem_cache_alloc() -> slab_alloc_node() (no node here). */
noinline void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, _RET_IP_, s->object_size);
}

noinline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp | __GFP_ZERO, _RET_IP_, s->object_size);
}

void report_bad_free(const char *fn, const void *p, const char *why, unsigned long caller)
{
	WARN(1, "%s(0x%p): %s, from %pS\n", fn, p, why, (void *)caller);
}

/* A free into the wrong cache: reported, then freed into the object's own. */
static noinline void kmem_cache_free_bad(struct kmem_cache *s, struct page *slab, void *obj,
					 unsigned long caller)
{
	if (!slab) {
		report_bad_free("kmem_cache_free", obj, "not a slab object", caller);
		return;
	}
	slab_report(s, "Wrong slab cache. %s but object is from %s", s->name,
		    slab_cache(slab)->name);
	pr_err("INFO: Object 0x%p caller:%pS; freed into %s instead\n", obj,
	       (void *)caller, slab_cache(slab)->name);
	slab_free(slab_cache(slab), slab, obj, caller);
}

/*
 * Linux's kmem_cache_free() -> cache_from_obj() -> slab_free(); Linux
 * checks the cache only with debugging or memcg, mmos always.
 */
noinline void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	struct page *slab;

	if (unlikely(!obj))
		return;
	slab = virt_to_slab(obj);
	if (unlikely(!slab || slab_cache(slab) != s)) {
		kmem_cache_free_bad(s, slab, obj, _RET_IP_);
		return;
	}
	slab_free(s, slab, obj, _RET_IP_);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

unsigned int kmem_cache_size(const struct kmem_cache *s)
{
	return s->object_size;
}

unsigned int kmem_cache_stride(const struct kmem_cache *s)
{
	return s->size;
}

bool kmem_cache_merged(const struct kmem_cache *s)
{
	return s->refcount > 1;
}

/*** Boot ***/

void kmem_cache_init(void)
{
	if (kmem_cache_open(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache), 0,
			    slab_debug_flags("kmem_cache", SLAB_HWCACHE_ALIGN), NULL))
		panic("slab: cannot set up the kmem_cache cache");
	kmem_cache_boot.refcount = -1;	/* a boot cache: never a merge target (as Linux) */
	kmem_cache = &kmem_cache_boot;
	link_cache(kmem_cache);
	register_compound_page_dtor(KMALLOC_LARGE_DTOR, free_large_kmalloc_dtor);
	create_kmalloc_caches();
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=0, CPUs=%d, Nodes=1\n",
		L1_CACHE_BYTES, PAGE_ALLOC_COSTLY_ORDER, NR_CPUS);
}

/*** Reports ***/

unsigned long slab_pages(void)
{
	unsigned long n = kmalloc_large_pages();

	for (struct kmem_cache *s = slab_caches; s; s = s->next)
		n += s->nr_pages;
	return n;
}
