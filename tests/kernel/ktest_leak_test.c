// SPDX-License-Identifier: MIT
/*
 * tests/kernel/ktest_leak_test.c - cases that leak, or report a bug, on
 * purpose, to prove that each check ktest makes after a case fires
 * (kernel/ktest.c: the resources in mm_checks.c, the undeclared WARN and
 * Bad page state reports).
 *
 * A manual suite: ktest=ktest_leak runs it, "*" never does, and its expected
 * result is failure. The first case gives everything back and must pass;
 * every other case leaks one thing or makes one report it does not declare,
 * and its comment names the check that must catch it (tests/run's
 * configuration for this suite lists them).
 * Only the kmap_local and kmap cases need HighMem (i386 with more than
 * 896 MiB); elsewhere they skip.
 * What the cases leak stays in `held` until suite_exit gives it back, after
 * every case has been checked, so the suite's own check sees only what
 * suite_init keeps on purpose: two pages of ZONE_DMA, lost for good (nothing
 * runs after that check to free them). Run it alone.
 */
#include <kernel/bug.h>
#include <kernel/dma-debug.h>
#include <kernel/dma-mapping.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include <mm/slab.h>
#include "../../mm/slab_internal.h"
#include "mm_checks.h"

#define NR_ANCHORS	4

static struct {
	struct page *lost;		/* suite_init's leak, never given back */
	struct page *dma_reserve;	/* 4 pages of ZONE_DMA from suite_init */
	struct page *high;		/* a HighMem page where there is HighMem */
	struct kmem_cache *objs, *debug;	/* the suite's caches, the second with red zones */
	void *objs_anchors[NR_ANCHORS], *debug_anchors[NR_ANCHORS];
	void *kmalloc_anchors[NR_ANCHORS];
	/* what the cases leak */
	struct page *dma_block, *moved, *skipped;
	void *kmalloc_64, *obj, *large, *kmap;
	bool kmapped;			/* held.high kmap()ed and not kunmapped */
	struct kmem_cache *cache, *alias;
	void *coherent;			/* a dma_alloc_coherent() buffer of leak_dev */
	dma_addr_t coherent_handle, mapped;	/* and a streaming mapping (0: none) */
} held;

/* A 64-bit DMA device: its coherent buffers come from GFP_KERNEL's zone. */
static u64 leak_dev_mask = DMA_BIT_MASK(64);
static struct device leak_dev = {
	.init_name = "ktest-leak-dev", .driver = "ktest_leak", .dma_mask = &leak_dev_mask,
	.coherent_dma_mask = DMA_BIT_MASK(64),
};

/*
 * Allocate from s until an object lies in a slab with room left once the
 * per-CPU array is flushed; the objects stay live until suite_exit. After
 * a shrink the cache keeps only slabs with live objects, so the next object
 * it hands out (from the first partial slab) then shares a slab with a live
 * one, and keeping it moves no page count.
 */
static bool take_anchors(struct kmem_cache *s, void **anchors)
{
	for (unsigned int i = 0; i < NR_ANCHORS; i++) {
		anchors[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!anchors[i])
			return false;
		kmem_cache_shrink(s);
		if (slab_inuse(virt_to_slab(anchors[i])) < s->objects)
			return true;
	}
	return false;
}

static void free_anchors(struct kmem_cache *s, void **anchors)
{
	for (unsigned int i = 0; i < NR_ANCHORS; i++) {
		kmem_cache_free(s, anchors[i]);
		anchors[i] = NULL;
	}
}

static void free_pages_held(struct page **page, unsigned int order)
{
	if (*page)
		__free_pages(*page, order);
	*page = NULL;
}

/* Give back everything but `lost`. */
static void ktest_leak_suite_exit(void)
{
	struct kmem_cache *kmalloc_64 = kmalloc_slab(64, GFP_KERNEL);

	if (held.kmap)
		kunmap_local(held.kmap);
	if (held.kmapped)
		kunmap(held.high);
	if (held.mapped)
		dma_unmap_page(&leak_dev, held.mapped, 64, DMA_TO_DEVICE);
	if (held.coherent)
		dma_free_coherent(&leak_dev, PAGE_SIZE, held.coherent, held.coherent_handle);
	debug_dma_remove_device(&leak_dev);
	free_pages_held(&held.high, 0);

	free_pages_held(&held.dma_reserve, 2);
	free_pages_held(&held.dma_block, 2);
	free_pages_held(&held.moved, 2);
	free_pages_held(&held.skipped, 0);
	kfree(held.kmalloc_64);
	kfree(held.large);
	free_anchors(kmalloc_64, held.kmalloc_anchors);
	if (held.objs) {
		kmem_cache_free(held.objs, held.obj);
		free_anchors(held.objs, held.objs_anchors);
	}
	if (held.debug)
		free_anchors(held.debug, held.debug_anchors);
	kmem_cache_destroy(held.alias);
	kmem_cache_destroy(held.cache);
	kmem_cache_destroy(held.objs);
	kmem_cache_destroy(held.debug);	/* its quarantined object goes with it */
	memset(&held, 0, sizeof(held));
}

/*
 * Leaks an order-1 block of ZONE_DMA and WARNs outside any case: the
 * suite-level checks must report "# ktest_leak: free pages in zone DMA not
 * back to baseline" (-2) and "# ktest_leak: 1 WARNING(s) and 0 Bad page
 * state or slab report(s) outside its cases".
 */
static int ktest_leak_suite_init(void)
{
	if (!zone_dma_usable()) {
		pr_info("ktest_leak: this machine has no ZONE_DMA to leak from\n");
		return -ENOMEM;
	}
	WARN(1, "ktest_leak: a WARNING outside any case, on purpose\n");
	held.lost = alloc_pages(GFP_KERNEL | GFP_DMA, 1);
	held.dma_reserve = alloc_pages(GFP_KERNEL | GFP_DMA, 2);
	held.high = alloc_page(GFP_HIGHUSER);
	held.objs = kmem_cache_create("ktest_leak_objs", 48, 0, SLAB_NO_MERGE, NULL);
	held.debug = kmem_cache_create("ktest_leak_debug", 48, 0, SLAB_RED_ZONE, NULL);
	if (held.lost && held.dma_reserve && held.high && held.objs && held.debug &&
	    take_anchors(held.objs, held.objs_anchors) &&
	    take_anchors(held.debug, held.debug_anchors) &&
	    take_anchors(kmalloc_slab(64, GFP_KERNEL), held.kmalloc_anchors))
		return 0;
	free_pages_held(&held.lost, 1);
	ktest_leak_suite_exit();
	return -ENOMEM;
}

/* Takes and gives back one of everything the other cases leak: must pass. */
static void test_ktest_leak_nothing(struct ktest *t)
{
	struct page *dma = alloc_pages(GFP_KERNEL | GFP_DMA, 2), *page = alloc_page(GFP_KERNEL);
	void *small = kmalloc(64, GFP_KERNEL), *large = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	void *obj = kmem_cache_alloc(held.objs, GFP_KERNEL);
	void *debug_obj = kmem_cache_alloc(held.debug, GFP_KERNEL);
	struct kmem_cache *cache, *alias;
	void *cache_obj, *map = kmap_local_page(held.high), *pkmap = kmap(held.high);

	dma_addr_t handle, mapped = dma_map_page(&leak_dev, held.high, 0, 64, DMA_TO_DEVICE);
	void *coherent = dma_alloc_coherent(&leak_dev, PAGE_SIZE, &handle, GFP_KERNEL);

	cache = kmem_cache_create("ktest_leak_none", 200, 0, SLAB_NO_MERGE, NULL);
	alias = kmem_cache_create("ktest_leak_none_alias", 64, 0, 0, NULL);
	cache_obj = cache ? kmem_cache_alloc(cache, GFP_KERNEL) : NULL;

	EXPECT_NOT_NULL(t, dma);
	EXPECT_NOT_NULL(t, page);
	EXPECT_NOT_NULL(t, small);
	EXPECT_NOT_NULL(t, large);
	EXPECT_NOT_NULL(t, obj);
	EXPECT_NOT_NULL(t, debug_obj);
	EXPECT_NOT_NULL(t, cache_obj);
	EXPECT_NOT_NULL(t, alias);
	EXPECT_NOT_NULL(t, pkmap);
	kunmap(held.high);
	kunmap_local(map);
	free_pages_held(&dma, 2);
	free_pages_held(&page, 0);
	kfree(small);
	kfree(large);
	kmem_cache_free(held.objs, obj);
	kmem_cache_free(held.debug, debug_obj);
	if (cache)
		kmem_cache_free(cache, cache_obj);
	EXPECT_EQ(t, kmem_cache_destroy(cache), 0);
	EXPECT_EQ(t, kmem_cache_destroy(alias), 0);
	EXPECT_FALSE(t, dma_mapping_error(&leak_dev, mapped));
	EXPECT_NOT_NULL(t, coherent);
	if (!dma_mapping_error(&leak_dev, mapped))
		dma_unmap_page(&leak_dev, mapped, 64, DMA_TO_DEVICE);
	if (coherent)
		dma_free_coherent(&leak_dev, PAGE_SIZE, coherent, handle);
}

/* Keeps an order-2 block of ZONE_DMA. Must fire: free pages in zone DMA, -4. */
static void test_ktest_leak_pages_dma(struct ktest *t)
{
	held.dma_block = alloc_pages(GFP_KERNEL | GFP_DMA, 2);
	ASSERT_NOT_NULL(t, held.dma_block);
	EXPECT_EQ(t, page_zonenum(held.dma_block), ZONE_DMA);
}

/*
 * Frees suite_init's 4 pages of ZONE_DMA and keeps 4 from GFP_KERNEL's
 * zone (DMA32 on x86_64, Normal on i386). Must fire: free pages in zone
 * DMA, +4, and in that zone, -4. The total does not move (checked here),
 * so a check of the total alone would pass this case.
 */
static void test_ktest_leak_pages_moved_between_zones(struct ktest *t)
{
	unsigned long free0 = free_pages_now();

	ASSERT_NOT_NULL(t, held.dma_reserve);
	held.moved = alloc_pages(GFP_KERNEL, 2);
	ASSERT_NOT_NULL(t, held.moved);
	EXPECT_NE(t, page_zonenum(held.moved), ZONE_DMA);
	free_pages_held(&held.dma_reserve, 2);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*
 * Issue 13's case: kmalloc(64) kept while other kmalloc-64 objects are live
 * in its slab (suite_init's anchors make sure of such a slab). Must fire:
 * slab objects in kmalloc-64, +1. No page count moves (checked here).
 */
static void test_ktest_leak_kmalloc_64(struct ktest *t)
{
	unsigned long free0 = free_pages_now();

	held.kmalloc_64 = kmalloc(64, GFP_KERNEL);
	ASSERT_NOT_NULL(t, held.kmalloc_64);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*
 * Keeps an object of the suite's cache, beside its anchor. Must fire: slab
 * objects in ktest_leak_objs, +1. No page count moves (checked here).
 */
static void test_ktest_leak_cache_object(struct ktest *t)
{
	unsigned long free0 = free_pages_now();

	held.obj = kmem_cache_alloc(held.objs, GFP_KERNEL);
	ASSERT_NOT_NULL(t, held.obj);
	EXPECT_EQ(t, free_pages_now(), free0);
}

/*
 * Writes past the end of an object of the suite's red-zoned cache and frees
 * it: slab debugging withholds it for good. Must fire: quarantined slab
 * objects in ktest_leak_debug, +1. The object is no longer live, and no page
 * count moves (its slab holds the anchors).
 */
static void test_ktest_leak_quarantined(struct ktest *t)
{
	unsigned long reports = slab_report_count();
	u8 *p = kmem_cache_alloc(held.debug, GFP_KERNEL);

	ASSERT_NOT_NULL(t, p);
	p[kmem_cache_size(held.debug)] = 'X';	/* one byte into the right red zone */
	/* the report is declared: only the quarantine check may fail the case */
	EXPECT_ONE_REPORT(t, slab_report_count, kmem_cache_free(held.debug, p),
			  "Right Redzone overwritten", NULL);
	EXPECT_EQ(t, slab_report_count(), reports + 1);
}

/*
 * Creates a cache and never destroys it. Must fire: slab cache users in
 * ktest_leak_cache, 0 before, 1 after, and slab objects in kmem_cache, +1
 * (its struct kmem_cache). Free pages may move as well, if that object
 * needed a new slab.
 */
static void test_ktest_leak_cache_not_destroyed(struct ktest *t)
{
	held.cache = kmem_cache_create("ktest_leak_cache", 200, 0, SLAB_NO_MERGE, NULL);
	ASSERT_NOT_NULL(t, held.cache);
}

/*
 * Creates a cache that merges into kmalloc-64 and never destroys it. Must
 * fire: slab cache users in kmalloc-64, 1 before, 2 after. Where the boot
 * allows no merging there is nothing to show: it gives the cache back and
 * skips.
 */
static void test_ktest_leak_cache_alias(struct ktest *t)
{
	held.alias = kmem_cache_create("ktest_leak_alias", 64, 0, 0, NULL);
	ASSERT_NOT_NULL(t, held.alias);
	if (held.alias != kmalloc_slab(64, GFP_KERNEL)) {
		kmem_cache_destroy(held.alias);
		held.alias = NULL;
		ktest_skip(t, "kmalloc-64 takes no aliases on this boot");
	}
}

/*
 * Keeps a 16 KiB kmalloc (an order-2 compound page). Must fire: large
 * kmalloc pages, +4, and free pages in GFP_KERNEL's zone, -4.
 */
static void test_ktest_leak_kmalloc_large(struct ktest *t)
{
	held.large = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	ASSERT_NOT_NULL(t, held.large);
}

/*
 * Keeps a page-sized coherent buffer of a 64-bit device. Must fire: DMA
 * coherent allocations, +1, and free pages in GFP_KERNEL's zone, -1.
 */
static void test_ktest_leak_dma_coherent(struct ktest *t)
{
	held.coherent = dma_alloc_coherent(&leak_dev, PAGE_SIZE, &held.coherent_handle, GFP_KERNEL);
	ASSERT_NOT_NULL(t, held.coherent);
}

/*
 * Maps 64 bytes of the suite's page for the device and never unmaps them.
 * Must fire: DMA streaming mappings, +1.
 */
static void test_ktest_leak_dma_mapping(struct ktest *t)
{
	held.mapped = dma_map_page(&leak_dev, held.high, 0, 64, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(&leak_dev, held.mapped));
}

/*
 * Maps a HighMem page with kmap_local_page() and never unmaps it. Must
 * fire: kmap_local slots, +1. Skips (nothing leaked) where there is no
 * HighMem: a lowmem page takes no slot.
 */
static void test_ktest_leak_kmap_local(struct ktest *t)
{
	if (!PageHighMem(held.high))
		ktest_skip(t, "no HighMem: kmap_local_page() needs no slot");
	held.kmap = kmap_local_page(held.high);
	ASSERT_NOT_NULL(t, held.kmap);
}

/*
 * kmap()s a HighMem page and never kunmaps it. Must fire: kmap slots, +1
 * (a slot with a user; the slot a kunmapped page keeps until the PKMAP
 * area wraps has none and is no leak). Skips where there is no HighMem.
 */
static void test_ktest_leak_kmap(struct ktest *t)
{
	if (!PageHighMem(held.high))
		ktest_skip(t, "no HighMem: kmap() maps nothing");
	held.kmapped = kmap(held.high) != NULL;
	ASSERT_TRUE(t, held.kmapped);
}

/*
 * Keeps a page of ZONE_DMA, then skips. Must fire: free pages in zone DMA,
 * -1; the case is "not ok", not skipped: a skip does not excuse a leak.
 */
static void test_ktest_leak_then_skip(struct ktest *t)
{
	held.skipped = alloc_page(GFP_KERNEL | GFP_DMA);
	ASSERT_NOT_NULL(t, held.skipped);
	ktest_skip(t, "skips after taking a page");
}

/* WARNs without EXPECT_WARN. Must fire: "1 unexpected WARNING(s)". */
static void test_ktest_leak_unexpected_warn(struct ktest *t)
{
	(void)t;
	WARN(1, "ktest_leak: an undeclared WARNING, on purpose\n");
}

/*
 * Frees a page twice, without EXPECT_BAD_PAGE. Must fire: "1 unexpected
 * Bad page state or slab report(s)"; nothing leaks (the second free is
 * refused, and the page is on the free lists once).
 */
static void test_ktest_leak_unexpected_bad_page(struct ktest *t)
{
	struct page *p = alloc_page(GFP_KERNEL);

	ASSERT_NOT_NULL(t, p);
	__free_page(p);
	__free_page(p);
}

static struct ktest_case ktest_leak_cases[] = {
	KTEST_CASE(test_ktest_leak_nothing),
	KTEST_CASE(test_ktest_leak_pages_dma),
	KTEST_CASE(test_ktest_leak_pages_moved_between_zones),
	KTEST_CASE(test_ktest_leak_kmalloc_64),
	KTEST_CASE(test_ktest_leak_cache_object),
	KTEST_CASE(test_ktest_leak_quarantined),
	KTEST_CASE(test_ktest_leak_cache_not_destroyed),
	KTEST_CASE(test_ktest_leak_cache_alias),
	KTEST_CASE(test_ktest_leak_kmalloc_large),
	KTEST_CASE(test_ktest_leak_dma_coherent),
	KTEST_CASE(test_ktest_leak_dma_mapping),
	KTEST_CASE(test_ktest_leak_kmap_local),
	KTEST_CASE(test_ktest_leak_kmap),
	KTEST_CASE(test_ktest_leak_then_skip),
	KTEST_CASE(test_ktest_leak_unexpected_warn),
	KTEST_CASE(test_ktest_leak_unexpected_bad_page),
	{}
};

static struct ktest_suite ktest_leak_suite = {
	.name = "ktest_leak",
	.cases = ktest_leak_cases,
	.suite_init = ktest_leak_suite_init,
	.suite_exit = ktest_leak_suite_exit,
	.manual = true,
};
KTEST_SUITE(ktest_leak_suite);
