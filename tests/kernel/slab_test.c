// SPDX-License-Identifier: MIT
/*
 * tests/kernel/slab_test.c - object caches: layout, zones, merging, debugging.
 *
 * Zone placement is checked by physical address for thousands of objects.
 * The debugging cases commit each bug on purpose (a write past the end, a
 * write after free, a double free, a free into the wrong cache, a bad
 * pointer) and check the one report it must produce, that the corrupt
 * object is never handed out again, and that the cache stays usable.
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include "../../mm/slab_internal.h"
#include "mm_checks.h"

#define DEBUG_FLAGS	(SLAB_POISON | SLAB_RED_ZONE | SLAB_STORE_USER)

/* Linux's SLAB_NEVER_MERGE (mm/slab_common.c, 6.12), the flags of it mmos has. */
#define LINUX_NEVER_MERGE	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE | \
				 SLAB_NO_MERGE)

/* Merging as the boot options left it (slab_nomerge, slab_merge: the last one given wins). */
static bool merging_on(void)
{
	return !slab_nomerge;
}

/*
 * Linux's merge rules (find_mergeable(), slab_unmergeable()) for a cache
 * requested as name with flags and ctor, where old exists with the same
 * size, alignment and zone flags: it must become an alias of old exactly
 * when merging is on, neither old's flags nor the requested ones, as
 * slab_debug= makes them (kmem_cache_create() applies slab_debug_flags()
 * before it looks for a cache to merge with), have a NEVER_MERGE flag,
 * neither has a constructor, and old is not a boot cache. The requested
 * flags, not the returned cache's: after a merge that is old itself.
 */
static bool must_merge(const struct kmem_cache *old, const char *name, slab_flags_t flags,
		       void (*ctor)(void *))
{
	slab_flags_t requested = slab_debug_flags(name, flags);

	return merging_on() && !((old->flags | requested) & LINUX_NEVER_MERGE) && !old->ctor &&
	       !ctor && old->refcount > 0;
}

/* Linux's unique_id() for an alias: ':', the flags that must match, '-', the slot size. */
static void linux_unique_id(char *buf, size_t size, slab_flags_t flags, unsigned int slot)
{
	snprintf(buf, size, ":%s%s%s%s%s%07u", flags & SLAB_CACHE_DMA ? "d" : "",
		 flags & SLAB_CACHE_DMA32 ? "D" : "", flags & SLAB_RECLAIM_ACCOUNT ? "a" : "",
		 flags & SLAB_CONSISTENCY_CHECKS ? "F" : "",
		 flags & (SLAB_CACHE_DMA | SLAB_CACHE_DMA32 | SLAB_RECLAIM_ACCOUNT |
			  SLAB_CONSISTENCY_CHECKS) ? "-" : "", slot);
}

static unsigned long ctor_calls;

static void count_ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0x42, 24);
}

static void test_slab_basic(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_basic", 40, 0, 0, NULL);
	void *objs[100];

	ASSERT_NOT_NULL(t, s);
	for (int i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		EXPECT_EQ(t, (unsigned long)objs[i] & 7, 0);
		memset(objs[i], i, 40);
	}
	EXPECT_EQ(t, kmem_cache_live_objects(s), 100);
	for (int i = 0; i < 100; i++) {
		EXPECT_EQ(t, ((u8 *)objs[i])[0], i);
		EXPECT_EQ(t, ((u8 *)objs[i])[39], i);	/* nobody overlapped it */
		kmem_cache_free(s, objs[i]);
	}
	EXPECT_EQ(t, kmem_cache_live_objects(s), 0);
	objs[0] = kmem_cache_zalloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, objs[0]);
	for (int i = 0; i < 40; i++)
		EXPECT_EQ(t, ((u8 *)objs[0])[i], 0);
	kmem_cache_free(s, objs[0]);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * A cache without debugging keeps a per-CPU array of free objects: a freed
 * object is the next one handed out, a full array gives its oldest batch
 * back to the slabs, and shrinking empties it. No object is handed out
 * twice on the way, and every slab goes back. The array itself (Linux 6.12
 * has SLUB's per-CPU slabs instead), its sizes and order (limit 120, batch
 * 60, the hot object first, none with slab_debug=) are mmos's design,
 * checked only by the design case; the rest any cache must keep.
 */
static void check_cpu_array(struct ktest *t, bool design)
{
	struct kmem_cache *s = kmem_cache_create("test_array", 64, 0, SLAB_NO_MERGE, NULL);
	struct array_cache *ac;
	static void *objs[3 * SLAB_ARRAY_LIMIT];
	unsigned int n;
	void *p, *q;
	bool array;

	ASSERT_NOT_NULL(t, s);
	ac = cpu_cache_get(s);
	array = !(s->flags & SLAB_DEBUG_FLAGS);
	if (!array && design) {	/* slab_debug= names this cache */
		EXPECT_EQ(t, ac->limit, 0);	/* every object goes through the checks */
		kmem_cache_destroy(s);
		ktest_skip(t, "slab_debug is on for this cache: no array");
	}
	if (design) {
		EXPECT_EQ(t, ac->limit, 120);	/* 64 bytes: Linux SLAB's limit */
		EXPECT_EQ(t, ac->batchcount, 60);	/* and its batchcount, (limit + 1) / 2 */
	}
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, q);
	if (design)
		EXPECT_PTR_EQ(t, q, p);	/* the hot object comes back first */
	kmem_cache_free(s, q);

	n = ARRAY_SIZE(objs);		/* more than one array's worth */
	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		*(unsigned int *)objs[i] = i;
	}
	for (unsigned int i = 0; i < n; i++)
		EXPECT_EQ(t, *(unsigned int *)objs[i], i);	/* all distinct */
	EXPECT_EQ(t, kmem_cache_live_objects(s), n);
	for (unsigned int i = 0; i < n; i++) {
		kmem_cache_free(s, objs[i]);
		if (design)
			EXPECT_LE(t, ac->avail, ac->limit);
	}
	EXPECT_EQ(t, kmem_cache_live_objects(s), 0);
	if (design)
		EXPECT_GT(t, ac->avail, 0);
	kmem_cache_shrink(s);
	if (design)
		EXPECT_EQ(t, ac->avail, 0);
	EXPECT_EQ(t, s->nr_partial + s->nr_full, 0);	/* every slab went back */
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

static void test_slab_cpu_array(struct ktest *t)
{
	check_cpu_array(t, false);
}

static void test_slab_cpu_array_order(struct ktest *t)
{
	check_cpu_array(t, true);
}

/*
 * A new cache's first objects come from one new slab, in address order:
 * its freelist is chained from the first object up, as Linux 6.12's
 * allocate_slab() chains it ("next = p + s->size") without
 * CONFIG_SLAB_FREELIST_RANDOM, and handed out in that order (the per-CPU
 * array is refilled so). Another order is as correct: a design case.
 */
static void test_slab_new_slab_address_order(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_order", 64, 0, SLAB_NO_MERGE, NULL);
	void *objs[8];

	ASSERT_NOT_NULL(t, s);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
	}
	for (unsigned int i = 1; i < ARRAY_SIZE(objs); i++) {
		EXPECT_PTR_EQ(t, virt_to_slab(objs[i]), virt_to_slab(objs[0]));
		EXPECT_EQ(t, (unsigned long)objs[i] - (unsigned long)objs[i - 1], s->size);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/* The one-multiplication slot test agrees with % at every offset of every cache. */
static void test_slab_object_boundaries(struct ktest *t)
{
	unsigned long checked = 0, wrong = 0;

	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		for (unsigned long off = 0; off < s->slab_bytes; off++)
			if (offset_is_slot(s, off) != !(off % s->size) && !wrong++)
				ktest_info(t, "%s: offset %lu, size %u", s->name, off, s->size);
		checked++;
	}
	EXPECT_GT(t, checked, 20);	/* every kmalloc cache at least */
	EXPECT_EQ(t, wrong, 0);
}

/*
 * Empty slabs a cache keeps on its partial list: Linux's set_min_partial(s,
 * ilog2(s->size) / 2) clamped to [MIN_PARTIAL, MAX_PARTIAL] = [5, 10]
 * (mm/slub.c), written again here: 5 up to 2 KiB slots, 6 for 4 KiB and
 * 8 KiB, 10 from 1 MiB.
 */
static unsigned long linux_min_partial(u64 size)
{
	unsigned long log = 0, want;

	while (size >>= 1)
		log++;
	want = log / 2;
	return want < 5 ? 5 : want > 10 ? 10 : want;
}

static void test_slab_min_partial(struct ktest *t)
{
	static const unsigned int sizes[] = { 8, 1000, 1024, 2048, 4096, 8192, 65536, 1u << 20 };
	unsigned long wrong = 0, checked = 0;

	for (struct kmem_cache *s = slab_caches; s; s = s->next, checked++)
		if (s->min_partial != linux_min_partial(s->size) && !wrong++)
			ktest_info(t, "%s: size %u, min_partial %lu", s->name, s->size, s->min_partial);
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("test_min_partial", sizes[i], 0,
							 SLAB_NO_MERGE, NULL);

		ASSERT_NOT_NULL(t, s);
		if (s->min_partial != linux_min_partial(s->size) && !wrong++)
			ktest_info(t, "size %u: min_partial %lu", s->size, s->min_partial);
		checked++;
		EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	}
	EXPECT_GT(t, checked, 20);
	EXPECT_EQ(t, wrong, 0);
}

static void test_slab_hwcache_align_and_ctor(struct ktest *t)
{
	/* unmerged, or it would simply become kmalloc-32 (which is 32-aligned too) */
	struct kmem_cache *a = kmem_cache_create("test_align", 20, 0,
						 SLAB_HWCACHE_ALIGN | SLAB_NO_MERGE, NULL);
	struct kmem_cache *b = kmem_cache_create("test_ctor", 24, 16, 0, count_ctor);
	void *x, *y;

	ASSERT_NOT_NULL(t, a);
	ASSERT_NOT_NULL(t, b);
	EXPECT_EQ(t, a->align, 32);	/* 64-byte lines halved while size <= half: 32 */
	x = kmem_cache_alloc(a, GFP_KERNEL);
	EXPECT_EQ(t, (unsigned long)x & 31, 0);
	ctor_calls = 0;
	y = kmem_cache_alloc(b, GFP_KERNEL);
	ASSERT_NOT_NULL(t, y);
	EXPECT_EQ(t, (unsigned long)y & 15, 0);
	/*
	 * Every object of the new slab, constructed once. Linux's layout: a
	 * constructed object keeps the free pointer after it, 24 + 8 bytes
	 * aligned to 16 = 32; calculate_order() wants room for 8 objects,
	 * which an order-0 slab has, so 4096 / 32 = 128 of them. slab_debug=
	 * adds mmos's own metadata: then as many slots of that size as the
	 * slab page (its order from the page allocator) holds.
	 */
	if (b->flags & SLAB_DEBUG_FLAGS)
		EXPECT_EQ(t, ctor_calls,
			  (PAGE_SIZE << compound_order(compound_head(virt_to_page(y)))) / b->size);
	else
		EXPECT_EQ(t, ctor_calls, PAGE_SIZE / 32);
	EXPECT_EQ(t, ((u8 *)y)[23], 0x42);
	kmem_cache_free(a, x);
	kmem_cache_free(b, y);
	EXPECT_EQ(t, kmem_cache_destroy(a), 0);
	EXPECT_EQ(t, kmem_cache_destroy(b), 0);
}

static bool normal_above_4g(void)
{
#ifdef CONFIG_ZONE_DMA32
	return managed_zone(&contig_page_data.node_zones[ZONE_NORMAL]);
#else
	return false;
#endif
}

#define PLACEMENT_OBJS	4000

/* Allocate PLACEMENT_OBJS objects; count those ending above limit (physical). */
static unsigned long count_above(struct ktest *t, struct kmem_cache *s, phys_addr_t limit,
				 void **objs)
{
	unsigned long above = 0;

	for (int i = 0; i < PLACEMENT_OBJS; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i]) {
			ktest_info(t, "%s: allocation %d failed", kmem_cache_name(s), i);
			break;
		}
		above += __pa(objs[i]) + kmem_cache_size(s) > limit;
	}
	return above;
}

static void free_all(struct kmem_cache *s, void **objs)
{
	for (int i = 0; i < PLACEMENT_OBJS && objs[i]; i++)
		kmem_cache_free(s, objs[i]);
}

static void test_slab_zone_placement(struct ktest *t)
{
	static void *objs[PLACEMENT_OBJS];
	struct kmem_cache *d32 = kmem_cache_create("test_dma32", 256, 0, SLAB_CACHE_DMA32, NULL);
	struct kmem_cache *dma = kmem_cache_create("test_dma", 256, 0, SLAB_CACHE_DMA, NULL);
	struct kmem_cache *plain = kmem_cache_create("test_plain", 256, 0, SLAB_NO_MERGE, NULL);

	ASSERT_NOT_NULL(t, d32);
	ASSERT_NOT_NULL(t, dma);
	ASSERT_NOT_NULL(t, plain);
	EXPECT_EQ(t, count_above(t, d32, 1ULL << 32, objs), 0);
	EXPECT_NOT_NULL(t, objs[PLACEMENT_OBJS - 1]);
	free_all(d32, objs);
	memset(objs, 0, sizeof(objs));
	if (zone_dma_usable()) {
		EXPECT_EQ(t, count_above(t, dma, 16ULL << 20, objs), 0);
		EXPECT_NOT_NULL(t, objs[PLACEMENT_OBJS - 1]);
		free_all(dma, objs);
	} else {
		EXPECT_NULL(t, kmem_cache_alloc(dma, GFP_KERNEL | __GFP_NOWARN));
	}
	memset(objs, 0, sizeof(objs));
	if (normal_above_4g())	/* GFP_KERNEL slabs come from Normal first */
		EXPECT_GT(t, count_above(t, plain, 1ULL << 32, objs), PLACEMENT_OBJS / 2);
	else
		count_above(t, plain, 1ULL << 32, objs);
	free_all(plain, objs);
	EXPECT_EQ(t, kmem_cache_destroy(d32), 0);
	EXPECT_EQ(t, kmem_cache_destroy(dma), 0);
	EXPECT_EQ(t, kmem_cache_destroy(plain), 0);
}

static void test_slab_merging(struct ktest *t)
{
	struct kmem_cache *a, *b, *c, *d, *e;
	bool nomerge = slab_nomerge, merged;
	u64 mark = printk_log_mark();
	char id[32], line[96];

	a = kmem_cache_create("test_merge_a", 72, 0, 0, NULL);
	b = kmem_cache_create("test_merge_b", 72, 0, 0, NULL);
	c = kmem_cache_create("test_merge_dma32", 72, 0, SLAB_CACHE_DMA32, NULL);
	d = kmem_cache_create("test_merge_ctor", 72, 0, 0, count_ctor);
	e = kmem_cache_create("test_merge_debug", 72, 0, SLAB_RED_ZONE, NULL);
	ASSERT_NOT_NULL(t, a);
	ASSERT_NOT_NULL(t, b);
	EXPECT_STREQ(t, kmem_cache_name(a), "test_merge_a");	/* no 72-byte cache before it */
	/* compatible and allowed: one cache, two names; else two caches */
	merged = a == b;
	EXPECT_EQ(t, merged, must_merge(a, "test_merge_b", 0, NULL));
	if (merged) {
		EXPECT_EQ(t, a->refcount, 2);
		printk_console_quiet(true);
		EXPECT_EQ(t, show_slab_attributes("test_merge_b"), 0);
		printk_console_quiet(false);
		linux_unique_id(id, sizeof(id), a->flags, 72);	/* 72 bytes, 8-aligned */
		snprintf(line, sizeof(line), "  alias           test_merge_b -> %s\n", id);
		EXPECT_TRUE(t, printk_logged_since(mark, line));
	}
	EXPECT_PTR_NE(t, c, a);	/* DMA32 never merges with a plain cache */
	EXPECT_PTR_NE(t, d, a);	/* a constructor never merges */
	EXPECT_PTR_NE(t, e, a);	/* debug flags never merge */
	EXPECT_TRUE(t, c->flags & SLAB_CACHE_DMA32);
	/* switching merging off at run time, as slab_nomerge does at boot */
	slab_nomerge = true;
	{
		struct kmem_cache *f = kmem_cache_create("test_merge_f", 72, 0, 0, NULL);

		EXPECT_PTR_NE(t, f, a);
		EXPECT_EQ(t, kmem_cache_destroy(f), 0);
	}
	slab_nomerge = nomerge;
	EXPECT_EQ(t, kmem_cache_destroy(b), 0);
	EXPECT_EQ(t, kmem_cache_destroy(a), 0);
	EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	EXPECT_EQ(t, kmem_cache_destroy(d), 0);
	EXPECT_EQ(t, kmem_cache_destroy(e), 0);
}

/*
 * Of two compatible caches, a new one becomes an alias of the older, as
 * Linux's find_mergeable() walks slab_caches from its tail (the oldest
 * cache). The two are created with merging off, so they stay apart; the
 * third with it on. 88 bytes: no boot cache has slots of 88..95 bytes.
 */
static void test_slab_merge_oldest_first(struct ktest *t)
{
	bool nomerge = slab_nomerge, must;
	struct kmem_cache *older, *newer, *s;

	slab_nomerge = true;
	older = kmem_cache_create("test_older", 88, 0, 0, NULL);
	newer = kmem_cache_create("test_newer", 88, 0, 0, NULL);
	slab_nomerge = false;
	s = kmem_cache_create("test_third", 88, 0, 0, NULL);
	must = older && must_merge(older, "test_third", 0, NULL);
	slab_nomerge = nomerge;
	ASSERT_NOT_NULL(t, older);
	ASSERT_NOT_NULL(t, newer);
	ASSERT_NOT_NULL(t, s);
	EXPECT_PTR_NE(t, older, newer);
	EXPECT_PTR_NE(t, s, newer);
	EXPECT_EQ(t, s == older, must);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	EXPECT_EQ(t, kmem_cache_destroy(newer), 0);
	EXPECT_EQ(t, kmem_cache_destroy(older), 0);
}

/*
 * slab_nomerge and slab_merge (and the old names slub_nomerge, slub_merge)
 * on one command line: the last one wins, as each of Linux's __setup()
 * handlers sets slab_nomerge. Parsed as the boot parses them, into the
 * registered parameters; what the boot left is put back.
 */
static void test_slab_merge_options_last_wins(struct ktest *t)
{
	static const struct { const char *line; bool nomerge; } cases[] = {
		{ "slab_nomerge slab_merge", false }, { "slab_merge slab_nomerge", true },
		{ "slub_nomerge slab_merge slub_nomerge", true }, { "slab_nomerge slub_merge", false },
		{ "slab_nomerge=0", true },	/* a value is ignored, as Linux ignores it */
	};
	bool nomerge = slab_nomerge;
	char args[64];

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		slab_nomerge = !cases[i].nomerge;
		strlcpy(args, cases[i].line, sizeof(args));
		EXPECT_EQ(t, parse_core_params("test", args, NULL, NULL), 0);
		if (slab_nomerge != cases[i].nomerge)
			ktest_info(t, "\"%s\": merging %s", cases[i].line, slab_nomerge ? "off" : "on");
		EXPECT_EQ(t, slab_nomerge, cases[i].nomerge);
	}
	slab_nomerge = nomerge;
}

#define FZPU	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/*
 * slab_debug= as Linux 6.12 reads it (setup_slub_debug(),
 * parse_slub_debug_flags() and kmem_cache_flags() in mm/slub.c):
 * - no value, or an empty one: FZPU (DEBUG_DEFAULT_FLAGS) for every cache;
 * - a block with no letters but a cache list (",<caches>"): FZPU for them;
 * - '-' clears the letters before it in its block;
 * - a cache named by a block gets that block's flags alone, from the
 *   first block naming it; any other cache the flags of the last block
 *   without a list, or none if every block has a list;
 * - a list entry ending in '*' matches by prefix; letters in either case.
 * Parsed as the boot parses them; what the boot left is put back.
 */
static void test_slab_debug_option_syntax(struct ktest *t)
{
	static const struct {
		const char *line, *name;
		slab_flags_t flags;
	} cases[] = {
		{ "slab_debug", "test_a", FZPU },
		{ "slab_debug=", "test_a", FZPU },
		{ "slab_debug=,test_a", "test_a", FZPU },
		{ "slab_debug=,test_a", "test_b", 0 },
		{ "slub_debug=,test_a,test_b", "test_b", FZPU },
		{ "slab_debug=-", "test_a", 0 },
		{ "slab_debug=-,test_a", "test_a", 0 },
		{ "slab_debug=FZ;-,test_a", "test_a", 0 },
		{ "slab_debug=FZ;-,test_a", "test_b", SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE },
		{ "slab_debug=ZU-P,test_a", "test_a", SLAB_POISON },
		{ "slab_debug=-U", "test_b", SLAB_STORE_USER },
		{ "slab_debug=P;Z,test_a*", "test_abc", SLAB_RED_ZONE },
		{ "slab_debug=P;Z,test_a*", "test_b", SLAB_POISON },
		{ "slab_debug=F,test_a;Z,test_a", "test_a", SLAB_CONSISTENCY_CHECKS },
		{ "slab_debug=F,test_a;Z,test_b", "test_b", SLAB_RED_ZONE },
		{ "slab_debug=zp", "test_b", SLAB_RED_ZONE | SLAB_POISON },
		{ "slab_debug=Z,test_a", "test_b", 0 },
	};
	char opts[sizeof(slab_debug_opts)], args[64];
	bool given = slab_debug_given;
	unsigned long wrong = 0;

	strlcpy(opts, slab_debug_opts, sizeof(opts));
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		slab_flags_t got;

		strlcpy(args, cases[i].line, sizeof(args));
		EXPECT_EQ(t, parse_core_params("test", args, NULL, NULL), 0);
		got = slab_debug_flags(cases[i].name, SLAB_NO_MERGE);
		if (got != (cases[i].flags | SLAB_NO_MERGE) && ++wrong)
			ktest_info(t, "\"%s\": %s gets %#x, not %#x", cases[i].line, cases[i].name,
				   got & ~SLAB_NO_MERGE, cases[i].flags);
	}
	strlcpy(slab_debug_opts, opts, sizeof(slab_debug_opts));
	slab_debug_given = given;
	EXPECT_EQ(t, wrong, 0);
}

/*
 * A plain 96-byte cache is kmalloc-96's size exactly: under Linux's rules
 * it must become an alias of it whenever merging is on and neither cache
 * has debugging that forbids it (slab_debug= may name either one). That is
 * Linux without CONFIG_MEMCG: with it, 6.12 creates the KMALLOC_NORMAL
 * caches with SLAB_NO_MERGE, and no cache joins kmalloc-96 (mmos has no
 * memory cgroups).
 */
static void test_slab_merge_with_kmalloc(struct ktest *t)
{
	struct kmem_cache *k = kmalloc_slab(96, GFP_KERNEL);
	struct kmem_cache *s = kmem_cache_create("test_like_kmalloc_96", 96, 0, 0, NULL);
	u64 mark = printk_log_mark();
	char id[32], line[96];
	bool merged;

	ASSERT_NOT_NULL(t, k);
	ASSERT_NOT_NULL(t, s);
	merged = s == k;
	EXPECT_EQ(t, merged, must_merge(k, "test_like_kmalloc_96", 0, NULL));
	printk_console_quiet(true);
	EXPECT_EQ(t, show_slab_attributes("kmalloc-96"), 0);
	printk_console_quiet(false);
	if (merged) {
		linux_unique_id(id, sizeof(id), k->flags, 96);	/* no debug metadata: 96 */
		snprintf(line, sizeof(line), "/sys/kernel/slab/kmalloc-96 -> %s\n", id);
		EXPECT_TRUE(t, printk_logged_since(mark, line));
		snprintf(line, sizeof(line), "  alias           test_like_kmalloc_96 -> %s\n", id);
		EXPECT_TRUE(t, printk_logged_since(mark, line));
	} else {
		EXPECT_FALSE(t, printk_logged_since(mark, "alias           test_like_kmalloc_96"));
	}
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	EXPECT_PTR_NE(t, kmalloc_slab(96, GFP_KERNEL), NULL);	/* kmalloc-96 lives on */
}

/*
 * The "aliases" attribute is Linux's aliases_show(): refcount - 1, and 0
 * for a boot cache (refcount -1). Destroying one user of a shared cache
 * drops a reference and nothing else: Linux's kmem_cache_destroy() cannot
 * tell which creator calls it (each got the same pointer) and leaves the
 * sysfs alias links alone, so every alias stays findable while the cache
 * lives. SLAB_RECLAIM_ACCOUNT keeps the three apart from the boot caches.
 */
static void test_slab_alias_attributes(struct ktest *t)
{
	struct kmem_cache *a, *b, *c;
	u64 mark = printk_log_mark();

	printk_console_quiet(true);
	EXPECT_EQ(t, show_slab_attributes("kmem_cache"), 0);
	printk_console_quiet(false);
	EXPECT_TRUE(t, printk_logged_since(mark, "  aliases         0\n"));
	a = kmem_cache_create("test_alias_a", 112, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	b = kmem_cache_create("test_alias_b", 112, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	c = kmem_cache_create("test_alias_c", 112, 0, SLAB_RECLAIM_ACCOUNT, NULL);
	ASSERT_NOT_NULL(t, a);
	ASSERT_NOT_NULL(t, b);
	ASSERT_NOT_NULL(t, c);
	if (a == b && a == c) {	/* merged (see test_slab_merging for when) */
		mark = printk_log_mark();
		printk_console_quiet(true);
		EXPECT_EQ(t, show_slab_attributes("test_alias_a"), 0);
		printk_console_quiet(false);
		EXPECT_TRUE(t, printk_logged_since(mark, "  aliases         2\n"));
		EXPECT_EQ(t, kmem_cache_destroy(b), 0);
		mark = printk_log_mark();
		printk_console_quiet(true);
		EXPECT_EQ(t, show_slab_attributes("test_alias_c"), 0);	/* c's creator still uses it */
		printk_console_quiet(false);
		EXPECT_TRUE(t, printk_logged_since(mark, "  aliases         1\n"));
		EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	} else {
		EXPECT_EQ(t, kmem_cache_destroy(b), 0);
		EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	}
	EXPECT_EQ(t, kmem_cache_destroy(a), 0);
	EXPECT_EQ(t, show_slab_attributes("test_alias_c"), -ENOENT);	/* gone with the cache */
}

/* The distinct slab pages (compound heads) objs[0..n) lie in, added to heads[0..*nr). */
static void note_slabs(void *const *objs, int n, struct page **heads, unsigned int *nr)
{
	for (int i = 0; i < n; i++) {
		struct page *head = compound_head(virt_to_page(objs[i]));
		unsigned int k = 0;

		while (k < *nr && heads[k] != head)
			k++;
		if (k == *nr)
			heads[(*nr)++] = head;
	}
}

static void test_slab_shrink_and_destroy_busy(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_busy", 128, 0, SLAB_STORE_USER, NULL);
	struct page *heads[65];
	unsigned long pages = 0, free0;
	unsigned int nr = 0;
	void *objs[64];
	int err = 0;
	u64 mark;

	ASSERT_NOT_NULL(t, s);
	for (int i = 0; i < 64; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
	}
	/* with debugging, no per-CPU array: these are all the cache's slabs */
	note_slabs(objs, 64, heads, &nr);
	for (int i = 1; i < 64; i++)
		kmem_cache_free(s, objs[i]);
	/* the slab report lists the objects; then Linux 6.12's WARN in kmem_cache_destroy() */
	EXPECT_ONE_REPORT(t, slab_report_count, EXPECT_WARN(t, err = kmem_cache_destroy(s)),
			  "BUG test_busy: Objects remaining in test_busy on __kmem_cache_shutdown()", &mark);
	EXPECT_EQ(t, err, -EBUSY);	/* objs[0] is still out */
	EXPECT_TRUE(t, printk_logged_since(mark, "kmem_cache_destroy test_busy: Slab cache still "
					   "has objects when called from test_slab_shrink_and_destroy_busy+0x"));
	EXPECT_TRUE(t, printk_logged_since(mark, "INFO: Allocated in test_slab_shrink_and_destroy_busy+0x"));
	/* the cache is alive and usable */
	objs[1] = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, objs[1]);
	note_slabs(objs + 1, 1, heads, &nr);
	kmem_cache_free(s, objs[1]);
	kmem_cache_free(s, objs[0]);
	/*
	 * Every object is free: shrinking must give back every slab page the
	 * cache still holds, counted from the page allocator's view (a slab
	 * emptied on the way may have gone back already), and they must be
	 * on the free lists afterwards.
	 */
	for (unsigned int i = 0; i < nr; i++)
		if (PageSlab(heads[i]) && slab_cache(heads[i]) == s)
			pages += 1UL << compound_order(heads[i]);
	EXPECT_GT(t, pages, 0);
	drain_all_pages();
	free0 = nr_free_pages();
	EXPECT_EQ(t, kmem_cache_shrink(s), pages);
	drain_all_pages();
	EXPECT_EQ(t, nr_free_pages() - free0, pages);
	for (unsigned int i = 0; i < nr; i++) {
		EXPECT_FALSE(t, PageSlab(heads[i]));
		EXPECT_EQ(t, pfn_listed(page_to_pfn(heads[i])), 1);
	}
	EXPECT_EQ(t, s->nr_slabs, 0);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * A cache destroyed while it still has objects stays listed (its owner may
 * free them and destroy it again), but a later compatible cache must not
 * become its alias: Linux 6.12 unlinks and leaks such a cache, so nothing
 * can merge into it.
 */
static void test_slab_busy_destroyed_takes_no_alias(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_busy_plain", 200, 0, 0, NULL), *twin;
	void *obj;
	int err = 0;

	ASSERT_NOT_NULL(t, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, obj);
	EXPECT_ONE_REPORT(t, slab_report_count, EXPECT_WARN(t, err = kmem_cache_destroy(s)),
			  "BUG test_busy_plain: Objects remaining in test_busy_plain", NULL);
	EXPECT_EQ(t, err, -EBUSY);
	twin = kmem_cache_create("test_busy_twin", 200, 0, 0, NULL);
	ASSERT_NOT_NULL(t, twin);
	EXPECT_PTR_NE(t, twin, s);
	EXPECT_EQ(t, kmem_cache_destroy(twin), 0);
	kmem_cache_free(s, obj);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * One kmem_cache_alloc() that finds no memory asks the page allocator for
 * one slab, once: with ZONE_DMA emptied, a DMA cache's allocation fails,
 * the zone's nr_alloc_failed grows by one and one failure report is
 * printed. 256-byte objects: an order-0 slab (8 objects fit in a page)
 * with or without slab_debug's metadata, so there is no smaller order to
 * fall back to.
 */
static void test_slab_alloc_fails_once(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_dma_empty", 256, 0,
						 SLAB_CACHE_DMA | SLAB_NO_MERGE, NULL);
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct block_list held = { 0 };
	unsigned long failed;
	struct page *page;
	void *obj;
	u64 mark;
	bool quiet;

	ASSERT_NOT_NULL(t, s);
	if (!zone_dma_usable()) {
		kmem_cache_destroy(s);
		ktest_skip(t, "no RAM below 16 MiB: nothing to exhaust");
	}
	EXPECT_EQ(t, s->order, 0);
	while ((page = alloc_pages(GFP_KERNEL | GFP_DMA | __GFP_NOWARN, 0)))
		block_push(&held, page, 0);
	failed = dma->nr_alloc_failed;
	mark = printk_log_mark();
	quiet = printk_console_quiet(true);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	printk_console_quiet(quiet);
	EXPECT_NULL(t, obj);
	EXPECT_EQ(t, dma->nr_alloc_failed - failed, 1);
	EXPECT_EQ(t, printk_log_count(mark, "page allocation failure: order:0"), 1);
	block_free_all(&held);
	if (obj)
		kmem_cache_free(s, obj);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/* The smallest order whose block holds size bytes: Linux's get_order(), again. */
static unsigned int order_for(u64 size)
{
	unsigned int order = 0;

	while ((u64)PAGE_SIZE << order < size)
		order++;
	return order;
}

/*
 * When no block of the cache's order can be had, a slab of the smallest
 * order that holds one object will do: Linux's allocate_slab() tries
 * s->oo with __GFP_NORETRY | __GFP_NOWARN, then s->min, whose order is
 * get_order(size). ZONE_DMA is emptied down to its min watermark, then a
 * block of the minimum order taken before is given back: the cache's order
 * cannot pass the watermark, the minimum order can. 8 KiB objects: order-3
 * slabs (calculate_order() wants 4 objects), minimum order 1.
 */
static void check_fallback_to_min_order(struct ktest *t, unsigned int size)
{
	struct kmem_cache *s = kmem_cache_create("test_fallback", size, 0,
						 SLAB_CACHE_DMA | SLAB_NO_MERGE, NULL);
	const gfp_t gfp = GFP_KERNEL | GFP_DMA | __GFP_NOWARN;
	struct block_list held = { 0 };
	struct page *page, *spare;
	unsigned int min_order;
	void *obj, *more;
	u64 mark;

	ASSERT_NOT_NULL(t, s);
	min_order = order_for(s->size);
	if (!zone_dma_usable() || min_order == s->order) {
		kmem_cache_destroy(s);
		ktest_skip(t, zone_dma_usable() ? "no smaller order to fall back to" :
			   "no RAM below 16 MiB: nothing to fragment");
	}
	/*
	 * The spare block not at the start of a block of the cache's order, so
	 * that an offset taken with the cache's own slab size would be wrong.
	 */
	while ((spare = alloc_pages(gfp, min_order)) &&
	       !(page_to_pfn(spare) & ((1UL << s->order) - 1)))
		block_push(&held, spare, min_order);
	EXPECT_NOT_NULL(t, spare);
	if (!spare) {
		block_free_all(&held);
		kmem_cache_destroy(s);
		return;
	}
	for (unsigned int order = s->order + 1; order-- > 0;)
		while ((page = alloc_pages(gfp, order)))
			block_push(&held, page, order);
	__free_pages(spare, min_order);
	page = alloc_pages(gfp, s->order);	/* what the cache would ask for first */
	EXPECT_NULL(t, page);
	if (page)
		block_push(&held, page, s->order);
	mark = printk_log_mark();
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	EXPECT_NOT_NULL(t, obj);
	if (obj) {
		EXPECT_EQ(t, compound_order(compound_head(virt_to_page(obj))), min_order);
		memset(obj, 0x3c, size);
		more = kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN);	/* nothing left */
		EXPECT_NULL(t, more);
		if (more)
			kmem_cache_free(s, more);
		kmem_cache_free(s, obj);
	}
	/* the first try asks quietly (__GFP_NOWARN): a fallback that works reports nothing */
	EXPECT_EQ(t, printk_log_count(mark, "page allocation failure"), 0);
	block_free_all(&held);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

static void test_slab_fallback_to_min_order(struct ktest *t)
{
	check_fallback_to_min_order(t, 8192);
}

/*
 * The same with 3000-byte objects: a slot size that does not divide the
 * minimum-order block (order 0, one object). The free's object test must
 * take the offset within that block: masked by the cache's own (larger)
 * slab order, a block that is not at the start of such a larger block (the
 * test takes one that is not) has the object at a multiple of 4096 that is
 * no multiple of 3000, and the free would be refused as an invalid pointer.
 */
static void test_slab_fallback_to_min_order_odd_size(struct ktest *t)
{
	check_fallback_to_min_order(t, 3000);
}

static void marking_ctor(void *obj)
{
	memset(obj, 0x42, 24);
}

/* Zeroed objects from s until two new slabs were made; frees them. */
static void zalloc_two_slabs(struct kmem_cache *s, unsigned int *slabs)
{
	static void *objs[64];
	struct page *heads[64];
	unsigned int n = 0;

	*slabs = 0;
	while (n < ARRAY_SIZE(objs) && *slabs < 2) {
		objs[n] = kmem_cache_zalloc(s, GFP_KERNEL);
		if (!objs[n])
			break;
		note_slabs(&objs[n++], 1, heads, slabs);
	}
	while (n)
		kmem_cache_free(s, objs[--n]);
}

/*
 * __GFP_ZERO on a cache with a constructor zeroes what the constructor
 * made: Linux's new_slab() has WARN_ON_ONCE(s->ctor && (flags &
 * __GFP_ZERO)), one warning however many slabs such calls make (here two;
 * the once-flags are cleared first, as Linux's clear_warn_once does).
 */
static void test_slab_zero_with_ctor_warns_once(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_zero_ctor", 1024, 0, 0, marking_ctor);
	unsigned int slabs = 0;

	ASSERT_NOT_NULL(t, s);
	clear_warn_once();
	EXPECT_WARN(t, zalloc_two_slabs(s, &slabs));
	EXPECT_EQ(t, slabs, 2);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * The tail of a slab page beyond its last slot is filled with POISON_INUSE
 * (0x5a) under debugging; with consistency checks (F) a write there is
 * found on the next allocation or free in that slab ("Padding
 * overwritten", Linux's slab_pad_check()) and the bytes are restored.
 * Linux poisons, and so checks, the tail only with P as well; mmos fills
 * it for every debug flag. 1000-byte slots: an order-1 slab of 8 leaves
 * 192 bytes.
 */
static void test_slab_debug_padding_overwritten(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_padding", 1000, 0,
						 SLAB_CONSISTENCY_CHECKS | SLAB_NO_MERGE, NULL);
	unsigned long slab_size;
	u8 *p, *last;
	u64 mark;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	slab_size = PAGE_SIZE << compound_order(compound_head(virt_to_page(p)));
	if (!(slab_size % s->size)) {
		kmem_cache_free(s, p);
		kmem_cache_destroy(s);
		ktest_skip(t, "slab_debug= left no padding at the end of the slab");
	}
	last = (u8 *)page_address(compound_head(virt_to_page(p))) + slab_size - 1;
	EXPECT_EQ(t, *last, 0x5a);
	*last = 0;
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p),
			  "BUG test_padding: Padding overwritten.", &mark);
	EXPECT_TRUE(t, printk_logged_since(mark, "FIX test_padding: Restoring slab padding"));
	EXPECT_EQ(t, *last, 0x5a);
	EXPECT_EQ(t, s->quarantined, 0);	/* the object itself was fine */
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

static struct kmem_cache *ctor_cache;
static unsigned long ctor_irqs_off, ctor_locked, ctor_nested;

/* Notes the state a new slab is built in; the first call allocates from its own cache. */
static void observing_ctor(void *obj)
{
	ctor_irqs_off += irqs_disabled();
	ctor_locked += spin_is_locked(&ctor_cache->list_lock);
	memset(obj, 0x42, 24);
	if (!ctor_nested++) {
		void *other = kmem_cache_alloc(ctor_cache, GFP_KERNEL);

		if (other)
			kmem_cache_free(ctor_cache, other);
	}
}

/*
 * A new slab is allocated, cleared and constructed with no slab lock held
 * and interrupts as the caller had them, as Linux's new_slab(), which its
 * ___slab_alloc() calls outside the list lock and the per-CPU lock. A
 * constructor may then allocate from its own cache: the first call here
 * does (its own new slab has no such call), and the outer allocation
 * must go on and find every object constructed.
 */
static void test_slab_new_slab_outside_locks(struct ktest *t)
{
	void *objs[8];

	if (irqs_disabled())
		ktest_skip(t, "the test runs with interrupts off");
	ctor_irqs_off = ctor_locked = ctor_nested = 0;
	ctor_cache = kmem_cache_create("test_ctor_state", 256, 0, SLAB_NO_MERGE, observing_ctor);
	ASSERT_NOT_NULL(t, ctor_cache);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(ctor_cache, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		EXPECT_EQ(t, ((u8 *)objs[i])[23], 0x42);
	}
	EXPECT_GT(t, ctor_nested, 1);	/* the nested call made a slab of its own */
	EXPECT_EQ(t, ctor_irqs_off, 0);
	EXPECT_EQ(t, ctor_locked, 0);
	EXPECT_EQ(t, kmem_cache_live_objects(ctor_cache), ARRAY_SIZE(objs));
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(ctor_cache, objs[i]);
	EXPECT_EQ(t, kmem_cache_destroy(ctor_cache), 0);
	ctor_cache = NULL;
}

/*** debugging ***/

/* The next n allocations must all avoid bad; returns true if so. */
static bool never_handed_out(struct kmem_cache *s, const void *bad, int n)
{
	void *objs[64];
	bool ok = true;

	for (int i = 0; i < n && i < 64; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ok &= objs[i] && objs[i] != bad;
	}
	for (int i = 0; i < n && i < 64; i++)
		kmem_cache_free(s, objs[i]);
	return ok;
}

static noinline void test_slab_debug_write_past_end(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_redzone", 50, 0, DEBUG_FLAGS, NULL);
	u64 mark;
	u8 *p;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	p[50] = 'X';	/* one byte past the end */
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p),
			  "BUG test_redzone: Right Redzone overwritten", &mark);
	EXPECT_TRUE(t, printk_logged_since(mark, "First byte 0x58 instead of 0xcc"));
	EXPECT_TRUE(t, printk_logged_since(mark, "caller:test_slab_debug_write_past_end+0x"));
	EXPECT_EQ(t, s->quarantined, 1);
	EXPECT_TRUE(t, never_handed_out(s, p, 64));
	p = kmem_cache_alloc(s, GFP_KERNEL);	/* left red zone too */
	p[-1] = 0;
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p),
			  "BUG test_redzone: Left Redzone overwritten", NULL);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);	/* quarantined objects do not block it */
}

static void test_slab_debug_use_after_free(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_poison", 64, 0, DEBUG_FLAGS, NULL);
	u64 mark;
	u8 *p, *q;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, p[0], 0x6b);	/* uninitialised memory reads as poison */
	EXPECT_EQ(t, p[63], 0xa5);
	kmem_cache_free(s, p);
	EXPECT_EQ(t, p[10], 0x6b);
	p[10] = 0;	/* write after free */
	/* the object is the next one out: the allocator finds the damage */
	EXPECT_ONE_REPORT(t, slab_report_count, q = kmem_cache_alloc(s, GFP_KERNEL),
			  "BUG test_poison: Poison overwritten", &mark);
	EXPECT_TRUE(t, printk_logged_since(mark, "First byte 0x0 instead of 0x6b"));
	EXPECT_PTR_NE(t, q, p);	/* quarantined, another one handed out */
	EXPECT_TRUE(t, never_handed_out(s, p, 64));
	kmem_cache_free(s, q);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * A free that finds a red zone overwritten quarantines the object. Freeing
 * it again is a double free: one "Object already free" report, and the
 * object is counted once (a second quarantine would count it twice, make
 * the live count wrap and keep the cache from ever being destroyed).
 */
static void test_slab_debug_free_quarantined_twice(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_quarantine2", 40, 0,
						 SLAB_RED_ZONE | SLAB_NO_MERGE, NULL);
	u8 *p;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	p[40] = 'X';	/* one byte past the end */
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p),
			  "BUG test_quarantine2: Right Redzone overwritten", NULL);
	EXPECT_EQ(t, s->quarantined, 1);
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p),
			  "BUG test_quarantine2: Object already free", NULL);
	EXPECT_EQ(t, s->quarantined, 1);
	EXPECT_EQ(t, kmem_cache_live_objects(s), 0);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/*
 * Owner tracking alone (no poison, red zone or constructor): the free
 * pointer overlays the object's first word, and the tracks lie after the
 * object's in-use part (Linux's get_info_end(): s->inuse when the free
 * pointer is inside the object), never in it. An owner who fills every
 * byte of the object must find them all as written, and the report that
 * lists live objects names the allocating function.
 */
static noinline void test_slab_store_user_outside_object(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_owner", 64, 0,
						 SLAB_STORE_USER | SLAB_NO_MERGE, NULL);
	unsigned long changed = 0;
	int err = 0;
	u64 mark;
	u8 *p;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	memset(p, 0xab, 64);
	EXPECT_ONE_REPORT(t, slab_report_count, EXPECT_WARN(t, err = kmem_cache_destroy(s)),
			  "BUG test_owner: Objects remaining in test_owner", &mark);
	EXPECT_EQ(t, err, -EBUSY);
	EXPECT_TRUE(t, printk_logged_since(mark,
			"INFO: Allocated in test_slab_store_user_outside_object+0x"));
	EXPECT_FALSE(t, printk_logged_since(mark, "in 0xabababab"));
	for (int i = 0; i < 64; i++)
		changed += p[i] != 0xab;
	EXPECT_EQ(t, changed, 0);
	kmem_cache_free(s, p);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/* Free one object twice: one report, and the object is still handed out only once. */
static void double_free_case(struct ktest *t, const char *name, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(name, 32, 0, flags, NULL);
	char expect[64];
	void *p, *a, *b;

	ASSERT_NOT_NULL(t, s);
	snprintf(expect, sizeof(expect), "BUG %s: Object already free", name);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p), expect, NULL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	EXPECT_PTR_NE(t, a, b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

static void test_slab_debug_double_free(struct ktest *t)
{
	double_free_case(t, "test_double", DEBUG_FLAGS);	/* the freelists are searched */
}

static void test_slab_double_free_without_debug(struct ktest *t)
{
	double_free_case(t, "test_double_nd", SLAB_NO_MERGE);	/* the freelist head check */
}

static noinline void test_slab_debug_wrong_cache(struct ktest *t)
{
	struct kmem_cache *x = kmem_cache_create("test_wrong_x", 48, 0, SLAB_NO_MERGE, NULL);
	struct kmem_cache *y = kmem_cache_create("test_wrong_y", 48, 0, SLAB_NO_MERGE, NULL);
	u64 mark;
	void *p;

	ASSERT_NOT_NULL(t, x);
	ASSERT_NOT_NULL(t, y);
	p = kmem_cache_alloc(x, GFP_KERNEL);
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(y, p),
			  "BUG test_wrong_y: Wrong slab cache. test_wrong_y but object is from test_wrong_x",
			  &mark);
	EXPECT_TRUE(t, printk_logged_since(mark, "caller:test_slab_debug_wrong_cache+0x"));
	EXPECT_EQ(t, kmem_cache_live_objects(x), 0);	/* freed where it belongs */
	EXPECT_EQ(t, kmem_cache_destroy(x), 0);
	EXPECT_EQ(t, kmem_cache_destroy(y), 0);
}

static void test_slab_debug_invalid_pointer(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_invalid", 64, 0, SLAB_NO_MERGE, NULL);
	u8 *p;

	ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(s, p + 8),
			  "BUG test_invalid: Invalid object pointer 0x", NULL);
	EXPECT_EQ(t, kmem_cache_live_objects(s), 1);	/* nothing was freed */
	kmem_cache_free(s, p);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

/* kmem_cache_free() of NULL does nothing; of what is no slab object, one WARN and nothing freed. */
static noinline void test_slab_free_not_slab(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("test_not_slab", 64, 0, SLAB_NO_MERGE, NULL);
	struct page *page = alloc_page(GFP_KERNEL);
	u64 mark = printk_log_mark();
	int local = 0;
	void *p;

	ASSERT_NOT_NULL(t, s);
	ASSERT_NOT_NULL(t, page);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	kmem_cache_free(s, NULL);
	EXPECT_WARN(t, kmem_cache_free(s, page_address(page)));
	EXPECT_WARN(t, kmem_cache_free(s, &local));
	EXPECT_TRUE(t, printk_logged_since(mark, "not a slab object, from test_slab_free_not_slab+0x"));
	EXPECT_EQ(t, page_ref_count(page), 1);	/* untouched */
	EXPECT_EQ(t, kmem_cache_live_objects(s), 1);
	kmem_cache_free(s, p);
	EXPECT_EQ(t, kmem_cache_live_objects(s), 0);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	__free_page(page);
}

#define REPORT_OBJS	20

static char report[16384];

/*
 * What slabinfo's tunables must say of a cache with slot size `size` and
 * `flags`, written again: the old SLAB's enable_cpucache() (mm/slab.c,
 * Linux 2.6.x to 6.7) sized the per-CPU array_cache by the slot: limit 1
 * above 128 KiB, 8 above a page, 24 above 1 KiB, 54 above 256 bytes, 120
 * otherwise; batchcount (limit + 1) / 2; sharedfactor 8 only with more
 * than one possible CPU, so 0 here. mmos's own rule (docs/slab.md): a
 * cache with any debug flag has no array, so limit and batch are 0.
 */
static void expected_tunables(u64 size, slab_flags_t flags, unsigned long long tun[3])
{
	const slab_flags_t debug = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON |
				   SLAB_STORE_USER | SLAB_TRACE;
	u64 limit = size > 131072 ? 1 : size > 4096 ? 8 : size > 1024 ? 24 : size > 256 ? 54 : 120;

	if (flags & debug)
		limit = 0;
	tun[0] = limit;
	tun[1] = (limit + 1) / 2;
	tun[2] = 0;
}

/* Read a slabinfo line's objsize and tunables (s: after the name). */
static bool slabinfo_tunables(const char *s, unsigned long long *objsize,
			      unsigned long long tun[3])
{
	unsigned long long v[5];
	const char *p = strstr(s, ": tunables ");

	if (report_numbers(s, v, 5) != 5 || !p || report_numbers(p + 11, tun, 3) != 3)
		return false;
	*objsize = v[2];
	return true;
}

/*
 * The slabinfo line of a 1024-byte, 1024-aligned DMA32 cache holding
 * REPORT_OBJS objects, parsed field by field and held to what the test
 * knows: the objects it allocated, the slab pages it saw them in (their
 * order from the page allocator), and Linux's layout from first principles
 * when no debugging adds metadata: a 1024-byte slot, and (one CPU:
 * calculate_order()'s 4 * (fls(1) + 1) = 8 objects at least) an order-1
 * slab of 8 objects. Per-CPU arrays are flushed first (shrink), so every
 * slab left holds one of the test's objects.
 */
static void check_slabinfo_line(struct ktest *t, void *const *objs, slab_flags_t flags)
{
	struct page *heads[REPORT_OBJS];
	unsigned long long v[5], tun[3], sd[3];
	unsigned int nr = 0, order;
	const char *s, *p;

	note_slabs(objs, REPORT_OBJS, heads, &nr);
	order = compound_order(heads[0]);
	for (unsigned int i = 1; i < nr; i++)
		EXPECT_EQ(t, compound_order(heads[i]), order);
	s = report_line(report, "test_dma32_tables ");
	ASSERT_NOT_NULL(t, s);
	ASSERT_EQ(t, report_numbers(s, v, 5), 5);
	EXPECT_EQ(t, v[0], REPORT_OBJS);			/* active_objs */
	EXPECT_EQ(t, v[4], 1ULL << order);			/* pagesperslab */
	EXPECT_EQ(t, v[3], (PAGE_SIZE << order) / v[2]);	/* objperslab: all that fit */
	EXPECT_EQ(t, v[1], nr * v[3]);				/* num_objs */
	EXPECT_EQ(t, v[2] % 1024, 0);				/* objsize: 1024-aligned slots */
	if (!(flags & (SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER))) {
		EXPECT_EQ(t, v[2], 1024);
		EXPECT_EQ(t, v[3], 8);
		EXPECT_EQ(t, v[4], 2);
	}
	p = strstr(s, ": tunables ");
	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, report_numbers(p + 11, tun, 3), 3);
	{
		unsigned long long want[3];

		expected_tunables(v[2], flags, want);	/* the per-CPU array's sizes */
		EXPECT_EQ(t, tun[0], want[0]);
		EXPECT_EQ(t, tun[1], want[1]);
		EXPECT_EQ(t, tun[2], want[2]);
	}
	p = strstr(s, ": slabdata ");
	ASSERT_NOT_NULL(t, p);
	ASSERT_EQ(t, report_numbers(p + 11, sd, 3), 3);
	EXPECT_EQ(t, sd[0], nr);				/* active_slabs */
	EXPECT_EQ(t, sd[1], nr);				/* num_slabs */
	EXPECT_EQ(t, sd[2], 0);					/* sharedavail */
}

/* The reports show DMA and DMA32 caches with their flags and their aliases. */
static void test_slab_reports_dma_caches(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("test_dma32_tables", 1024, 1024, SLAB_CACHE_DMA32, NULL);
	struct kmem_cache *b = kmem_cache_create("test_dma32_tables2", 1024, 1024, SLAB_CACHE_DMA32, NULL);
	void *objs[REPORT_OBJS];
	char id[32], line[96];
	bool merged;
	u64 mark;

	ASSERT_NOT_NULL(t, a);
	ASSERT_NOT_NULL(t, b);
	EXPECT_STREQ(t, kmem_cache_name(a), "test_dma32_tables");	/* a new cache */
	for (int i = 0; i < REPORT_OBJS; i++) {
		objs[i] = kmem_cache_alloc(a, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
	}
	kmem_cache_shrink(a);
	mark = printk_log_mark();
	printk_console_quiet(true);
	show_slabinfo();
	EXPECT_EQ(t, show_slab_attributes("test_dma32_tables2"), 0);
	EXPECT_EQ(t, show_slab_attributes("dma-kmalloc-64"), 0);
	printk_console_quiet(false);
	printk_log_read(mark, report, sizeof(report));
	EXPECT_NOT_NULL(t, report_line(report, "slabinfo - version: 2.1\n"));
	check_slabinfo_line(t, objs, a->flags);
	EXPECT_NOT_NULL(t, report_line(report, "dma-kmalloc-64 "));
	EXPECT_TRUE(t, printk_logged_since(mark, "  cache_dma       1\n"));
#ifdef CONFIG_ZONE_DMA32
	/* mmos's cache_dma32 (the 2018 proposal Linux never merged), marked as such */
	EXPECT_TRUE(t, printk_logged_since(mark, "  cache_dma32     1     # not in Linux: "));
	EXPECT_TRUE(t, printk_logged_since(mark, "  cache_dma32     0     # not in Linux: "));
#else
	/* no ZONE_DMA32 (i386): no cache_dma32 attribute at all */
	EXPECT_FALSE(t, printk_logged_since(mark, "cache_dma32"));
#endif
	/* two DMA32 caches of one size and alignment: aliases whenever Linux's rules allow */
	merged = a == b;
	EXPECT_EQ(t, merged, must_merge(a, "test_dma32_tables2", SLAB_CACHE_DMA32, NULL));
	linux_unique_id(id, sizeof(id), a->flags, 1024);
	snprintf(line, sizeof(line), "  alias           test_dma32_tables2 -> %s\n", id);
	EXPECT_EQ(t, printk_logged_since(mark, line), merged);
	for (int i = 0; i < REPORT_OBJS; i++)
		kmem_cache_free(a, objs[i]);
	EXPECT_EQ(t, kmem_cache_destroy(b), 0);
	EXPECT_EQ(t, kmem_cache_destroy(a), 0);
}

/*
 * slabinfo's tunables are the per-CPU arrays' limit and batch count, for
 * every cache in the list, held to expected_tunables() by the slot size
 * the same line shows and the cache's flags. Caches whose slots lie just
 * past each of SLAB's size steps are created for the occasion (they may be
 * aliases of others, whose lines are then checked all the same).
 */
static void test_slabinfo_tunables(struct ktest *t)
{
	static const unsigned int sizes[] = { 257, 1032, 4104, 131072, 131080 };
	struct kmem_cache *made[ARRAY_SIZE(sizes)];
	unsigned long long objsize, tun[3], want[3];
	unsigned int lines = 0, with_array = 0;
	char name[40];
	u64 mark;

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		snprintf(name, sizeof(name), "test_tunables_%u", sizes[i]);
		made[i] = kmem_cache_create(name, sizes[i], 8, 0, NULL);
		ASSERT_NOT_NULL(t, made[i]);
	}
	mark = printk_log_mark();
	printk_console_quiet(true);
	show_slabinfo();
	printk_console_quiet(false);
	printk_log_read(mark, report, sizeof(report));
	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		const char *line;

		snprintf(name, sizeof(name), "%s ", s->name);
		line = report_line(report, name);
		if (!line) {
			ktest_info(t, "no slabinfo line for %s", s->name);
			EXPECT_NOT_NULL(t, line);
			continue;
		}
		lines++;
		if (!slabinfo_tunables(line, &objsize, tun)) {
			ktest_info(t, "unreadable slabinfo line for %s", s->name);
			EXPECT_TRUE(t, false);
			continue;
		}
		expected_tunables(objsize, s->flags, want);
		if (tun[0] != want[0] || tun[1] != want[1] || tun[2] != want[2])
			ktest_info(t, "%s: objsize %llu flags %#x: tunables %llu %llu %llu, want %llu %llu %llu",
				   s->name, objsize, s->flags, tun[0], tun[1], tun[2],
				   want[0], want[1], want[2]);
		EXPECT_EQ(t, tun[0], want[0]);
		EXPECT_EQ(t, tun[1], want[1]);
		EXPECT_EQ(t, tun[2], want[2]);
		with_array += want[0] != 0;
	}
	EXPECT_TRUE(t, lines >= ARRAY_SIZE(sizes));
	ktest_info(t, "%u caches, %u with a per-CPU array", lines, with_array);
	for (unsigned int i = ARRAY_SIZE(sizes); i-- > 0;)
		EXPECT_EQ(t, kmem_cache_destroy(made[i]), 0);
}

/*** kmem_cache_create() with bad arguments ***/

static unsigned int nr_caches(void)
{
	unsigned int n = 0;

	for (struct kmem_cache *s = slab_caches; s; s = s->next)
		n++;
	return n;
}

/* Live objects of the cache that holds every struct kmem_cache. */
static unsigned long cache_structs(void)
{
	for (struct kmem_cache *s = slab_caches; s; s = s->next)
		if (!strcmp(s->name, "kmem_cache"))
			return kmem_cache_live_objects(s);
	return ~0UL;
}

/* The caller the reports must name (the empty asm keeps the call from being a tail jump). */
static noinline struct kmem_cache *create_bad(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(name, size, align, flags, NULL);

	__asm__ volatile("" : : "r"(s) : "memory");
	return s;
}

/*
 * kmem_cache_create() must refuse: NULL, no WARN, no cache, kmem_cache
 * object or page left behind, and these lines, in this order:
 *
 *   kmem_cache_create(<shown>)<reason>, from create_bad+0x...
 *   kmem_cache_create(<name>) failed with error -22      (Linux's pr_warn, which
 *                                                         names __kmem_cache_create_args)
 *   CPU: 0 PID: 0 Comm: swapper                          (dump_stack())
 *   Call Trace:
 *
 * shown is the name as far as the first line keeps it; reason is exact.
 * This whether or not a slab_debug= pattern names the cache (a pattern is
 * matched against the name: with none, it must not be looked at).
 */
static void expect_refused(struct ktest *t, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, const char *shown,
			   const char *reason)
{
	static const char *const stack[] = { "CPU: 0 PID: 0 Comm: swapper", "Call Trace:" };
	unsigned int caches = nr_caches();
	unsigned long structs = cache_structs(), free0 = free_pages_now(), w0 = warn_count();
	u64 mark = printk_log_mark();
	char first[200], want[200], line[208];
	static char log[4096];
	struct kmem_cache *s;
	bool quiet;

	quiet = printk_console_quiet(true);
	s = create_bad(name, size, align, flags);
	printk_console_quiet(quiet);
	EXPECT_NULL(t, s);
	if (s)
		kmem_cache_destroy(s);
	EXPECT_EQ(t, warn_count(), w0);
	/* the first line logged: the reason and the caller */
	logged_line(mark, "", first, sizeof(first));
	snprintf(want, sizeof(want), "kmem_cache_create(%s)%s, from create_bad+0x", shown, reason);
	if (strncmp(first, want, strlen(want)))
		ktest_info(t, "first line: %s", first);
	EXPECT_EQ(t, strncmp(first, want, strlen(want)), 0);
	/* then each of the others once, whole, in order */
	snprintf(want, sizeof(want), "kmem_cache_create(%s) failed with error %d",
		 name ? name : "(null)", -EINVAL);
	printk_log_read(mark, log, sizeof(log));
	for (unsigned int k = 0, at = 0; k < 1 + ARRAY_SIZE(stack); k++) {
		const char *w = k ? stack[k - 1] : want, *p;

		snprintf(line, sizeof(line), "] %s\n", w);
		EXPECT_EQ(t, printk_log_count(mark, line), 1);
		p = strstr(log + at, line);
		if (!p)
			ktest_info(t, "not logged after line %u: %s", k + 1, w);
		EXPECT_NOT_NULL(t, p);
		at = p ? (unsigned int)(p - log) + 1 : at;
	}
	EXPECT_EQ(t, nr_caches(), caches);
	EXPECT_EQ(t, cache_structs(), structs);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/* A name kmem_cache_create() accepts: the cache shows it whole. */
static void expect_created(struct ktest *t, const char *name, unsigned int size, unsigned int align)
{
	struct kmem_cache *s = kmem_cache_create(name, size, align, SLAB_NO_MERGE, NULL);
	void *obj;

	ASSERT_NOT_NULL(t, s);
	EXPECT_STREQ(t, kmem_cache_name(s), name);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	EXPECT_NOT_NULL(t, obj);
	if (align)
		EXPECT_EQ(t, (unsigned long)obj & (align - 1), 0);
	kmem_cache_free(s, obj);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
}

static void test_slab_create_bad_name(struct ktest *t)
{
	/* 31 characters: the longest name a cache keeps (SLAB_NAME_LEN - 1) */
	static const char longest[] = "test_name_of_31_characters_abcd";
	static const char too_long[] = "test_name_of_32_characters_abcde";

	BUILD_BUG_ON(sizeof(longest) != 32 || sizeof(too_long) != 33);
	ktest_info(t, "slab_debug flags for test_* caches: %#x", slab_debug_flags("test_x", 0));
	expect_refused(t, NULL, 64, 0, 0, "(null)",
		       " integrity check failed: no name (size 64, align 0)");
	expect_refused(t, "", 64, 0, 0, "", " integrity check failed: empty name (size 64, align 0)");
	expect_refused(t, too_long, 64, 0, 0, "test_name_of_32_characters_abcd...",
		       " integrity check failed: name longer than 31 characters (size 64, align 0)");
	expect_created(t, longest, 64, 0);
}

static void test_slab_create_bad_size(struct ktest *t)
{
	char reason[120];

	expect_refused(t, "test_size_0", 0, 0, 0, "test_size_0",
		       " integrity check failed: object size 0 (size 0, align 0)");
	/* KMALLOC_MAX_SIZE: one object per MAX_PAGE_ORDER block, 4 MiB (Linux's x86 value) */
	expect_refused(t, "test_size_4m1", (4u << 20) + 1, 0, 0, "test_size_4m1",
		       " integrity check failed: object size above KMALLOC_MAX_SIZE (4 MiB) "
		       "(size 4194305, align 0)");
	expect_refused(t, "test_size_max", ~0u, 0, 0, "test_size_max",
		       " integrity check failed: object size above KMALLOC_MAX_SIZE (4 MiB) "
		       "(size 4294967295, align 0)");
	/* 4 MiB and a red zone: the slot is larger than an order-10 block (flags: slab_debug=) */
	snprintf(reason, sizeof(reason), ": 4194304-byte objects (align 0, flags %#x) with their "
		 "metadata do not fit an order-10 slab",
		 slab_debug_flags("test_size_4m_rz", SLAB_RED_ZONE));
	expect_refused(t, "test_size_4m_rz", 4u << 20, 0, SLAB_RED_ZONE, "test_size_4m_rz", reason);
}

static void test_slab_create_bad_align(struct ktest *t)
{
	expect_refused(t, "test_align_24", 64, 24, 0, "test_align_24",
		       " integrity check failed: alignment not a power of two (size 64, align 24)");
	expect_refused(t, "test_align_3", 64, 3, 0, "test_align_3",
		       " integrity check failed: alignment not a power of two (size 64, align 3)");
	expect_refused(t, "test_align_8m", 64, 8u << 20, 0, "test_align_8m",
		       " integrity check failed: alignment above 4 MiB (no slab is aligned beyond "
		       "its size) (size 64, align 8388608)");
	expect_refused(t, "test_align_2g", 64, 1u << 31, SLAB_RED_ZONE, "test_align_2g",
		       " integrity check failed: alignment above 4 MiB (no slab is aligned beyond "
		       "its size) (size 64, align 2147483648)");
	expect_created(t, "test_align_4k", 64, 4096);	/* a power of two within a slab */
}

/*
 * Flags outside Linux's SLAB_FLAGS_PERMITTED fail kmem_cache_create() with
 * -EINVAL, as in Linux: GFP_KERNEL passed as the flags (the classic
 * mistake: 0xcc0 has __GFP_IO and __GFP_FS, 0xc0, which are no slab flags)
 * and an unknown high bit. Every flag Linux permits and mmos has is
 * accepted.
 */
static void test_slab_create_bad_flags(struct ktest *t)
{
	static const slab_flags_t permitted[] = {
		SLAB_CONSISTENCY_CHECKS, SLAB_RED_ZONE, SLAB_POISON, SLAB_KMALLOC,
		SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_CACHE_DMA32, SLAB_STORE_USER,
		SLAB_RECLAIM_ACCOUNT, SLAB_PANIC, SLAB_TRACE, SLAB_NO_MERGE,
	};

	BUILD_BUG_ON(GFP_KERNEL != 0xcc0);
	expect_refused(t, "test_gfp_flags", 64, 0, GFP_KERNEL, "test_gfp_flags",
		       ": flags 0xc0 are no slab flags (of 0xcc0)");
	expect_refused(t, "test_high_flag", 64, 0, SLAB_NO_MERGE | 0x80000000u, "test_high_flag",
		       ": flags 0x80000000 are no slab flags (of 0x81000000)");
	for (unsigned int i = 0; i < ARRAY_SIZE(permitted); i++) {
		struct kmem_cache *s;

		if ((permitted[i] & SLAB_CACHE_DMA) && !zone_dma_usable())
			continue;	/* a DMA cache is made, but its slabs could not be */
		s = kmem_cache_create("test_permitted", 64, 0, permitted[i] | SLAB_NO_MERGE, NULL);
		if (!s)
			ktest_info(t, "flag %#x refused", permitted[i]);
		EXPECT_NOT_NULL(t, s);
		if (s)
			EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	}
}

static struct ktest_case slab_cases[] = {
	KTEST_CASE(test_slab_reports_dma_caches),
	KTEST_CASE_DESIGN(test_slabinfo_tunables),
	KTEST_CASE(test_slab_basic),
	KTEST_CASE(test_slab_cpu_array),
	KTEST_CASE_DESIGN(test_slab_cpu_array_order),
	KTEST_CASE_DESIGN(test_slab_new_slab_address_order),
	KTEST_CASE(test_slab_object_boundaries),
	KTEST_CASE(test_slab_min_partial),
	KTEST_CASE(test_slab_hwcache_align_and_ctor),
	KTEST_CASE(test_slab_zone_placement),
	KTEST_CASE(test_slab_merging),
	KTEST_CASE(test_slab_merge_oldest_first),
	KTEST_CASE(test_slab_merge_options_last_wins),
	KTEST_CASE(test_slab_debug_option_syntax),
	KTEST_CASE(test_slab_merge_with_kmalloc),
	KTEST_CASE(test_slab_alias_attributes),
	KTEST_CASE(test_slab_shrink_and_destroy_busy),
	KTEST_CASE(test_slab_busy_destroyed_takes_no_alias),
	KTEST_CASE(test_slab_alloc_fails_once),
	KTEST_CASE(test_slab_fallback_to_min_order),
	KTEST_CASE(test_slab_fallback_to_min_order_odd_size),
	KTEST_CASE(test_slab_zero_with_ctor_warns_once),
	KTEST_CASE(test_slab_debug_padding_overwritten),
	KTEST_CASE(test_slab_new_slab_outside_locks),
	KTEST_CASE(test_slab_debug_write_past_end),
	KTEST_CASE(test_slab_debug_use_after_free),
	KTEST_CASE(test_slab_debug_double_free),
	KTEST_CASE(test_slab_debug_free_quarantined_twice),
	KTEST_CASE(test_slab_store_user_outside_object),
	KTEST_CASE(test_slab_double_free_without_debug),
	KTEST_CASE(test_slab_debug_wrong_cache),
	KTEST_CASE(test_slab_debug_invalid_pointer),
	KTEST_CASE(test_slab_free_not_slab),
	KTEST_CASE(test_slab_create_bad_name),
	KTEST_CASE(test_slab_create_bad_size),
	KTEST_CASE(test_slab_create_bad_align),
	KTEST_CASE(test_slab_create_bad_flags),
	{}
};

static struct ktest_suite slab_suite = { .name = "slab", .cases = slab_cases };
KTEST_SUITE(slab_suite);
