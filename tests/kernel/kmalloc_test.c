// SPDX-License-Identifier: MIT
/*
 * tests/kernel/kmalloc_test.c - kmalloc, kfree, ksize, krealloc, kcalloc.
 *
 * Every size class and the odd sizes between them, alignment, the DMA
 * caches, the refused __GFP_DMA32, large allocations through compound pages,
 * bad frees, and a million random kmalloc/kfree operations whose contents
 * are checked; afterwards every cache is shrunk and the free page count
 * must be back at its baseline (the suite-wide check in mm_checks.c).
 */
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include "../../mm/slab_internal.h"
#include "mm_checks.h"

static const unsigned int classes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048,
					4096, 8192 };

static unsigned int class_for(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i])
			return classes[i];
	return 0;
}

static void test_kmalloc_size_classes(struct ktest *t)
{
	unsigned long bad_ksize = 0, bad_align = 0, bad_cache = 0;

	for (size_t size = 1; size <= 8192; size += (size < 256 ? 1 : size < 2048 ? 7 : 61)) {
		u8 *p = kmalloc(size, GFP_KERNEL);
		struct kmem_cache *s;
		unsigned int c = class_for(size);
		char name[24];

		ASSERT_NOT_NULL(t, p);
		s = virt_to_slab(p) ? slab_cache(virt_to_slab(p)) : NULL;
		if (c >= 1024)
			snprintf(name, sizeof(name), "kmalloc-%uk", c >> 10);
		else
			snprintf(name, sizeof(name), "kmalloc-%u", c);
		bad_cache += !s || strcmp(kmem_cache_name(s), name);
		/* Linux's slab_ksize() of a kmalloc cache is its class, debugging or not */
		bad_ksize += ksize(p) != c;
		bad_align += (unsigned long)p & 7;
		/*
		 * Power-of-two classes are naturally aligned, with slab_debug=
		 * too: Linux's create_boot_cache() aligns such kmalloc caches to
		 * their size whatever the debugging (since 5.4).
		 */
		if (!(c & (c - 1)))
			bad_align += ((unsigned long)p & (c - 1)) != 0;
		memset(p, 0x77, size);
		kfree(p);
	}
	EXPECT_EQ(t, bad_cache, 0);
	EXPECT_EQ(t, bad_ksize, 0);
	EXPECT_EQ(t, bad_align, 0);
}

static void test_kmalloc_zero_and_null(struct ktest *t)
{
	EXPECT_PTR_EQ(t, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	EXPECT_EQ(t, ksize(ZERO_SIZE_PTR), 0);
	EXPECT_EQ(t, ksize(NULL), 0);
	kfree(ZERO_SIZE_PTR);	/* both are no-ops */
	kfree(NULL);
	EXPECT_TRUE(t, ZERO_OR_NULL_PTR(kmalloc(0, GFP_KERNEL)));
}

static void test_kmalloc_kzalloc_kcalloc(struct ktest *t)
{
	u8 *p = kmalloc(300, GFP_KERNEL);
	unsigned long nonzero = 0;
	size_t huge = (size_t)-1 / 4 + 1;

	ASSERT_NOT_NULL(t, p);
	memset(p, 0xee, 300);
	kfree(p);
	p = kzalloc(300, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	for (int i = 0; i < 300; i++)
		nonzero += p[i] != 0;
	kfree(p);
	p = kcalloc(25, 12, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	for (int i = 0; i < 300; i++)
		nonzero += p[i] != 0;
	kfree(p);
	EXPECT_EQ(t, nonzero, 0);
	EXPECT_NULL(t, kcalloc(huge, 4, GFP_KERNEL));	/* n * size overflows */
	EXPECT_NULL(t, kmalloc_array(4, huge, GFP_KERNEL));
	EXPECT_NULL(t, kcalloc((size_t)-1, (size_t)-1, GFP_KERNEL));
	p = kmalloc_array(10, 10, GFP_KERNEL);
	EXPECT_GE(t, ksize(p), 100);
	kfree(p);
}

static void test_kmalloc_krealloc(struct ktest *t)
{
	u8 *p = krealloc(NULL, 40, GFP_KERNEL), *q;
	unsigned long bad = 0;

	ASSERT_NOT_NULL(t, p);
	for (int i = 0; i < 40; i++)
		p[i] = (u8)i;
	q = krealloc(p, 3000, GFP_KERNEL);	/* grows into another cache */
	ASSERT_NOT_NULL(t, q);
	for (int i = 0; i < 40; i++)
		bad += q[i] != (u8)i;
	EXPECT_GE(t, ksize(q), 3000);
	p = krealloc(q, 20000, GFP_KERNEL);	/* into a large kmalloc */
	ASSERT_NOT_NULL(t, p);
	for (int i = 0; i < 40; i++)
		bad += p[i] != (u8)i;
	q = krealloc(p, 10, GFP_KERNEL);	/* shrinking keeps it in place */
	EXPECT_PTR_EQ(t, q, p);
	for (int i = 0; i < 10; i++)
		bad += q[i] != (u8)i;
	EXPECT_EQ(t, bad, 0);
	EXPECT_PTR_EQ(t, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);	/* frees */
}

static void test_kmalloc_dma(struct ktest *t)
{
	unsigned long above = 0;
	void *objs[256];

	if (!zone_dma_usable()) {
		EXPECT_NULL(t, kmalloc(64, GFP_KERNEL | GFP_DMA | __GFP_NOWARN));
		EXPECT_NULL(t, kmalloc(8192, GFP_KERNEL | GFP_DMA | __GFP_NOWARN));
		return;
	}
	for (int i = 0; i < 256; i++) {
		objs[i] = kmalloc(8UL << (i % 11), GFP_KERNEL | GFP_DMA);
		ASSERT_NOT_NULL(t, objs[i]);
		above += __pa(objs[i]) + (8UL << (i % 11)) > (16UL << 20);
	}
	EXPECT_EQ(t, above, 0);
	EXPECT_EQ(t, strncmp(kmem_cache_name(slab_cache(virt_to_slab(objs[3]))), "dma-kmalloc-", 12), 0);
	for (int i = 0; i < 256; i++)
		kfree(objs[i]);
}

/*
 * Linux's kmalloc_fix_flags() (mm/slab_common.c) prints the offending bits
 * (flags & GFP_SLAB_BUG_MASK) first, then the cleaned mask, as in
 * "Unexpected gfp: 0x4 (GFP_DMA32). Fixing up to gfp: 0xcc0 (GFP_KERNEL).
 * Fix your code!". GFP_SLAB_BUG_MASK (mm/internal.h) is __GFP_DMA32 |
 * __GFP_HIGHMEM | ~__GFP_BITS_MASK: a bit above the gfp bits is fixed up
 * the same way.
 */
static noinline void test_kmalloc_dma32_refused(struct ktest *t)
{
	const gfp_t above = (gfp_t)1 << __GFP_BITS_SHIFT;	/* the first bit past the mask */
	u64 mark = printk_log_mark();
	void *p = NULL;
	char line[48];

	EXPECT_WARN(t, p = kmalloc(64, GFP_KERNEL | __GFP_DMA32));
	ASSERT_NOT_NULL(t, p);
	memset(p, 1, 64);	/* usable */
	EXPECT_TRUE(t, printk_logged_since(mark, "Unexpected gfp: 0x4 (GFP_DMA32). "
					   "Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!"));
	EXPECT_TRUE(t, printk_logged_since(mark, "Caller: test_kmalloc_dma32_refused+0x"));
	/* served from the normal cache: there is no DMA32 kmalloc array */
	EXPECT_STREQ(t, kmem_cache_name(slab_cache(virt_to_slab(p))), "kmalloc-64");
	kfree(p);
	mark = printk_log_mark();
	EXPECT_WARN(t, p = kmalloc(64, GFP_KERNEL | __GFP_HIGHMEM));
	ASSERT_NOT_NULL(t, p);
	EXPECT_TRUE(t, printk_logged_since(mark, "Unexpected gfp: 0x2 ("));
	EXPECT_TRUE(t, printk_logged_since(mark, "Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!"));
	kfree(p);
	mark = printk_log_mark();
	EXPECT_WARN(t, p = kmalloc(64, GFP_KERNEL | above));
	ASSERT_NOT_NULL(t, p);
	snprintf(line, sizeof(line), "Unexpected gfp: %#x (", above);
	EXPECT_TRUE(t, printk_logged_since(mark, line));
	EXPECT_TRUE(t, printk_logged_since(mark, "Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!"));
	kfree(p);
}

static void test_kmalloc_large(struct ktest *t)
{
	static const size_t sizes[] = { 8193, 16384, 100000, 1UL << 20, KMALLOC_MAX_SIZE };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		struct page *page;

		ASSERT_NOT_NULL(t, p);
		page = virt_to_page(p);
		EXPECT_NULL(t, virt_to_slab(p));
		EXPECT_TRUE(t, PageHead(page));
		EXPECT_EQ(t, compound_order(page), get_order(sizes[i]));
		EXPECT_EQ(t, compound_page_dtor_id(page), KMALLOC_LARGE_DTOR);
		EXPECT_EQ(t, ksize(p), PAGE_SIZE << get_order(sizes[i]));
		p[0] = 1;
		p[sizes[i] - 1] = 2;
		kfree(p);
	}
	EXPECT_NULL(t, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
}

static noinline void test_kmalloc_bad_kfree(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u64 mark = printk_log_mark();
	int local = 0;

	ASSERT_NOT_NULL(t, page);
	EXPECT_WARN(t, kfree(page_address(page)));	/* a page, not a kmalloc */
	EXPECT_WARN(t, kfree(&local));			/* the stack */
	EXPECT_TRUE(t, printk_logged_since(mark, "not a slab object or large kmalloc, from test_kmalloc_bad_kfree+0x"));
	EXPECT_EQ(t, page_ref_count(page), 1);	/* untouched */
	__free_page(page);
}

/*** stress ***/

#define KSTRESS_OPS	1000000UL
#define KSTRESS_LIVE	2048

struct kobj {
	u8 *p;
	u32 size;
	u8 tag;
};

static u64 kstate = 0x2545f4914f6cdd1dULL;

static u32 krnd(void)
{
	kstate ^= kstate << 13;
	kstate ^= kstate >> 7;
	kstate ^= kstate << 17;
	return (u32)(kstate >> 16);
}

static u32 random_size(void)
{
	u32 r = krnd() % 100;

	if (r < 60)
		return 1 + krnd() % 256;
	if (r < 90)
		return 1 + krnd() % 2048;
	if (r < 99)
		return 1 + krnd() % 8192;
	return 8193 + krnd() % 24576;	/* large kmalloc */
}

/* The first and last 16 bytes carry the tag (and its complement). */
static void fill(struct kobj *o)
{
	u32 n = o->size < 16 ? o->size : 16;

	memset(o->p, o->tag, n);
	memset(o->p + o->size - n, 0xff ^ o->tag, n);
}

static unsigned long bad_fill(const struct kobj *o)
{
	u32 n = o->size < 16 ? o->size : 16;
	unsigned long bad = 0;
	u8 tail = 0xff ^ o->tag;

	for (u32 i = 0; i < n; i++)
		bad += o->p[o->size - n + i] != tail;
	for (u32 i = 0; i < n && o->size >= 32; i++)
		bad += o->p[i] != o->tag;
	return bad;
}

static void test_kmalloc_random_stress(struct ktest *t)
{
	static struct kobj live[KSTRESS_LIVE];
	unsigned long corrupt = 0, short_ksize = 0, fails = 0, allocs = 0;
	unsigned long reports = slab_report_count();
	unsigned int n = 0;

	for (unsigned long op = 0; op < KSTRESS_OPS; op++) {
		if (n == KSTRESS_LIVE || (n && krnd() % 2)) {
			unsigned int i = krnd() % n;

			corrupt += bad_fill(&live[i]);
			kfree(live[i].p);
			live[i] = live[--n];
			continue;
		}
		live[n].size = random_size();
		live[n].tag = (u8)op;
		live[n].p = kmalloc(live[n].size, (krnd() % 8 ? GFP_KERNEL : GFP_DMA) | __GFP_NOWARN);
		if (!live[n].p) {
			fails++;
			continue;
		}
		allocs++;
		short_ksize += ksize(live[n].p) < live[n].size;
		fill(&live[n++]);
	}
	while (n) {
		n--;
		corrupt += bad_fill(&live[n]);
		kfree(live[n].p);
	}
	ktest_info(t, "%lu operations, %lu allocations, %lu failed", KSTRESS_OPS, allocs, fails);
	EXPECT_EQ(t, corrupt, 0);
	EXPECT_EQ(t, short_ksize, 0);
	EXPECT_GT(t, allocs, KSTRESS_OPS / 3);
	EXPECT_EQ(t, slab_report_count(), reports);	/* no corruption was detected */
	kmem_cache_shrink_all();
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(test_kmalloc_size_classes),
	KTEST_CASE(test_kmalloc_zero_and_null),
	KTEST_CASE(test_kmalloc_kzalloc_kcalloc),
	KTEST_CASE(test_kmalloc_krealloc),
	KTEST_CASE(test_kmalloc_dma),
	KTEST_CASE(test_kmalloc_dma32_refused),
	KTEST_CASE(test_kmalloc_large),
	KTEST_CASE(test_kmalloc_bad_kfree),
	KTEST_CASE(test_kmalloc_random_stress),
	{}
};

static struct ktest_suite kmalloc_suite = { .name = "kmalloc", .cases = kmalloc_cases };
KTEST_SUITE(kmalloc_suite);
