// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lab4_slab_test.c - lab 4's graded cases: a slab's free list.
 *
 * What any slab allocator keeps, however it threads its free objects
 * (Bonwick, "The Slab Allocator", USENIX 1994; Linux's mm/slub.c):
 *  - a free pointer written into a free object reads back, and writing it
 *    touches only its own word of the object;
 *  - objects handed out are distinct, inside a slab of their cache, aligned
 *    as the cache promises, never overlapping, and keep the bytes written
 *    into them until freed;
 *  - a new slab's objects are all handed out before many more slabs are
 *    made: allocating k slabs' worth of objects takes about k slabs;
 *  - freeing everything and destroying the cache gives every page back;
 *  - a SLAB_CACHE_DMA32 cache's objects lie below 4 GiB (seed 003) and a
 *    dma-kmalloc object in ZONE_DMA (seed 001).
 * Never the order objects come out in, the per-CPU arrays' sizes or LIFO.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/slab.h>
#include "../../mm/slab_internal.h"
#include "mm_checks.h"

/* The free pointer of an object: set, read back, and nothing else written. */
static void test_lab4_freepointer_round_trip(struct ktest *t)
{
	static union {
		u8 b[128];
		void *align;
	} obj;
	void *targets[] = { &obj, NULL, (void *)0x1234000UL, obj.b + 64 };
	unsigned long wrong = 0;

	for (long off = 0; off + (long)sizeof(void *) <= 128; off += sizeof(void *)) {
		for (unsigned int i = 0; i < ARRAY_SIZE(targets); i++) {
			memset(obj.b, 0xa5, sizeof(obj.b));
			set_freepointer_at(obj.b, off, targets[i]);
			wrong += get_freepointer_at(obj.b, off) != targets[i];
			for (long k = 0; k < (long)sizeof(obj.b); k++)
				if (k < off || k >= off + (long)sizeof(void *))
					wrong += obj.b[k] != 0xa5;
		}
	}
	EXPECT_EQ(t, wrong, 0);
}

/* Distinct, aligned, in a slab of s, disjoint; returns problems found. */
static unsigned long check_objects(struct ktest *t, struct kmem_cache *s, void **objs,
				   unsigned int n, unsigned int size, unsigned int align)
{
	unsigned long bad = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct page *slab = virt_to_slab(objs[i]);

		bad += !slab || slab_cache(slab) != s;
		bad += align && ((unsigned long)objs[i] & (align - 1));
		for (unsigned int j = 0; j < i; j++) {
			unsigned long a = (unsigned long)objs[i], b = (unsigned long)objs[j];

			bad += a < b + size && b < a + size;
		}
	}
	if (bad)
		ktest_info(t, "%u objects of %u bytes: %lu problems\n", n, size, bad);
	return bad;
}

static void fill(void *obj, unsigned int size, unsigned int tag)
{
	u8 *b = obj;

	for (unsigned int k = 0; k < size; k++)
		b[k] = (u8)(tag * 31 + k);
}

static unsigned long wrong_bytes(const void *obj, unsigned int size, unsigned int tag)
{
	const u8 *b = obj;
	unsigned long wrong = 0;

	for (unsigned int k = 0; k < size; k++)
		wrong += b[k] != (u8)(tag * 31 + k);
	return wrong;
}

/*
 * Four slabs' worth of 96-byte objects from a new cache: all good, their
 * bytes intact, spread over at most 4 + 2 slabs (a partly used slab at
 * each end), and every page back once they are freed and the cache gone.
 */
static void test_lab4_new_slabs_hand_out_every_object(struct ktest *t)
{
	static void *objs[512];
	static struct page *slabs[512];
	unsigned long before = free_pages_now(), wrong = 0;
	unsigned int n, nslabs = 0;
	struct kmem_cache *s = kmem_cache_create("lab4-96", 96, 32, 0, NULL);

	ASSERT_NOT_NULL(t, s);
	n = 4 * s->objects;	/* the cache's own objects per slab */
	if (n > ARRAY_SIZE(objs))
		n = ARRAY_SIZE(objs);
	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i]) {
			n = i;
			break;
		}
		fill(objs[i], 96, i);
	}
	EXPECT_EQ(t, check_objects(t, s, objs, n, 96, 32), 0);
	for (unsigned int i = 0; i < n; i++) {
		struct page *slab = virt_to_slab(objs[i]);
		unsigned int j = 0;

		wrong += wrong_bytes(objs[i], 96, i);
		while (j < nslabs && slabs[j] != slab)
			j++;
		if (j == nslabs)
			slabs[nslabs++] = slab;
	}
	EXPECT_EQ(t, wrong, 0);
	EXPECT_LE(t, nslabs, (n + s->objects - 1) / s->objects + 2);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	EXPECT_EQ(t, free_pages_now(), before);
}

static u64 lab_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* kmalloc of random sizes (fixed seed), freed half way and refilled: the bytes survive. */
static void test_lab4_kmalloc_bytes_round_trip(struct ktest *t)
{
	static void *objs[300];
	static unsigned int sizes[300];
	u64 seed = 0x5eab4ULL;
	unsigned long wrong = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++) {
		sizes[i] = 1 + lab_rand(&seed) % 2048;
		objs[i] = kmalloc(sizes[i], GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		fill(objs[i], sizes[i], i);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i += 2) {
		kfree(objs[i]);
		sizes[i] = 1 + lab_rand(&seed) % 512;
		objs[i] = kmalloc(sizes[i], GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		fill(objs[i], sizes[i], i + 1000);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		wrong += wrong_bytes(objs[i], sizes[i], i % 2 ? i : i + 1000);
	EXPECT_EQ(t, wrong, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		for (unsigned int j = 0; j < i; j++) {
			unsigned long a = (unsigned long)objs[i], b = (unsigned long)objs[j];

			wrong += a < b + sizes[j] && b < a + sizes[i];
		}
	EXPECT_EQ(t, wrong, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kfree(objs[i]);
}

/* Seeds 001 and 003: where the zone caches' objects lie. */
static void test_lab4_zone_caches(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("lab4-dma32", 1024, 1024, SLAB_CACHE_DMA32, NULL);
	void *objs[8];

	ASSERT_NOT_NULL(t, s);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ASSERT_NOT_NULL(t, objs[i]);
		EXPECT_ULT(t, (u64)__pa(objs[i]) + 1024, 1ULL << 32);
	}
	EXPECT_EQ(t, check_objects(t, s, objs, ARRAY_SIZE(objs), 1024, 1024), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	EXPECT_EQ(t, kmem_cache_destroy(s), 0);
	if (zone_dma_usable()) {
		void *p = kmalloc(200, GFP_DMA);

		ASSERT_NOT_NULL(t, p);
		EXPECT_ULT(t, (u64)__pa(p) + 200, 16ULL << 20);
		kfree(p);
	}
}

static struct ktest_case lab4_slab_cases[] = {
	KTEST_CASE(test_lab4_freepointer_round_trip),
	KTEST_CASE(test_lab4_new_slabs_hand_out_every_object),
	KTEST_CASE(test_lab4_kmalloc_bytes_round_trip),
	KTEST_CASE(test_lab4_zone_caches),
	{}
};
static struct ktest_suite lab4_slab_suite = {
	.name = "lab4_slab",
	.cases = lab4_slab_cases,
	.manual = true,	/* graded: make grade LAB=4 runs it by name (tools/grade) */
};
KTEST_SUITE(lab4_slab_suite);
