// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lab3_split_test.c - lab 3's graded cases: split_page().
 *
 * What Linux's split_page() promises (mm/page_alloc.c: "split_page takes a
 * non-compound higher-order page, and splits it into n (1<<order)
 * sub-pages: page[0..n]. Each sub-page must be freed individually"): after
 * it, every page of the block holds one reference of its own, none is
 * compound, each can be freed with __free_page() in any order without a
 * bad-page report, and when all are freed the free page count is what it
 * was. How the block's own bookkeeping is undone is the student's choice.
 */
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

static u64 lab_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Split an order-`order` block from gfp, check each page, free them in a shuffled order. */
static void split_and_free(struct ktest *t, gfp_t gfp, unsigned int order, u64 seed)
{
	static unsigned int idx[1 << 6];
	unsigned long before = free_pages_now(), n = 1UL << order, bad = 0;
	struct page *p = alloc_pages(gfp | __GFP_NOWARN, order);

	ASSERT_NOT_NULL(t, p);
	split_page(p, order);
	for (unsigned long i = 0; i < n; i++) {
		bad += page_ref_count(p + i) != 1 || PageCompound(p + i);
		idx[i] = i;
	}
	if (bad)
		ktest_info(t, "order %u: %lu pages without a reference of their own\n", order, bad);
	EXPECT_EQ(t, bad, 0);
	for (unsigned long i = n; i > 1; i--) {	/* Fisher-Yates */
		unsigned long j = lab_rand(&seed) % i;
		unsigned int tmp = idx[i - 1];

		idx[i - 1] = idx[j];
		idx[j] = tmp;
	}
	for (unsigned long i = 0; i < n; i++) {
		__free_page(p + idx[i]);
		if (i == 0)	/* one page went back, the others are still the caller's */
			EXPECT_EQ(t, free_pages_now(), before - n + 1);
	}
	EXPECT_EQ(t, free_pages_now(), before);
	EXPECT_EQ(t, check_free_lists(t), 0);
}

static void test_lab3_split_order2(struct ktest *t)
{
	split_and_free(t, GFP_KERNEL, 2, 0x5b117ULL);
}

static void test_lab3_split_orders_1_to_6(struct ktest *t)
{
	for (unsigned int order = 1; order <= 6; order++)
		split_and_free(t, GFP_KERNEL, order, 0x5b117ULL + order);
}

/* A page of a split block lives on its own: get_page/put_page on it never touch its neighbours. */
static void test_lab3_split_page_references_are_per_page(struct ktest *t)
{
	unsigned long before = free_pages_now();
	struct page *p = alloc_pages(GFP_KERNEL, 3);

	ASSERT_NOT_NULL(t, p);
	split_page(p, 3);
	get_page(p + 5);
	EXPECT_EQ(t, page_ref_count(p + 5), 2);
	EXPECT_EQ(t, page_ref_count(p), 1);
	put_page(p + 5);
	for (unsigned int i = 0; i < 8; i++)
		put_page(p + i);	/* the last reference of each page frees it */
	EXPECT_EQ(t, free_pages_now(), before);
}

/* The bytes of a split page stay the caller's until that page alone is freed. */
static void test_lab3_split_bytes_round_trip(struct ktest *t)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	unsigned long wrong = 0;

	ASSERT_NOT_NULL(t, p);
	split_page(p, 2);
	for (unsigned int i = 0; i < 4; i++)
		memset(page_address(p + i), 0x30 + i, PAGE_SIZE);
	__free_page(p + 1);
	for (unsigned int i = 0; i < 4; i++) {
		const u8 *b = page_address(p + i);

		if (i == 1)
			continue;
		for (unsigned long k = 0; k < PAGE_SIZE; k++)
			wrong += b[k] != 0x30 + i;
	}
	EXPECT_EQ(t, wrong, 0);
	__free_page(p);
	__free_page(p + 2);
	__free_page(p + 3);
}

/* The same in HighMem (i386 with more than 896 MiB; elsewhere the highest zone GFP_HIGHUSER reaches). */
static void test_lab3_split_highuser(struct ktest *t)
{
	split_and_free(t, GFP_HIGHUSER, 4, 0x416ULL);
}

static struct ktest_case lab3_split_cases[] = {
	KTEST_CASE(test_lab3_split_order2),
	KTEST_CASE(test_lab3_split_orders_1_to_6),
	KTEST_CASE(test_lab3_split_page_references_are_per_page),
	KTEST_CASE(test_lab3_split_bytes_round_trip),
	KTEST_CASE(test_lab3_split_highuser),
	{}
};
static struct ktest_suite lab3_split_suite = {
	.name = "lab3_split",
	.cases = lab3_split_cases,
	.manual = true,	/* graded: make grade LAB=3 runs it by name (tools/grade) */
};
KTEST_SUITE(lab3_split_suite);
