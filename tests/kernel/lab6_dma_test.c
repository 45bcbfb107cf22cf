// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lab6_dma_test.c - lab 6's graded cases: the zone a coherent
 * buffer comes from, chosen from the device's DMA mask.
 *
 * What the DMA API promises a driver (Linux's Documentation/core-api/
 * dma-api.rst, dma_alloc_coherent(): memory the device can address with
 * the mask it set; kernel/dma/direct.c's zone choice): a coherent buffer
 * lies wholly below the device's mask, is zeroed, keeps the bytes written
 * into it, and every page goes back when it is freed; a device that
 * reaches 4 GiB is not served from the 16 MiB ISA zone while DMA32 or
 * Normal can serve it (seed 001: that zone is for the devices that need
 * it); a mask no zone can serve is refused when it is set. The
 * synthetic devices are 24, 28, 30, 32 and 64 bits wide; the CPU reads the
 * buffer through its own address. Never which retry order an
 * implementation takes or which block of a zone it gets.
 */
#include <kernel/dma-debug.h>
#include <kernel/dma-mapping.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "mm_checks.h"

static u64 masks[5];
static struct device devs[5] = {
	{ .init_name = "lab6-24", .driver = "lab6", .dma_mask = &masks[0] },
	{ .init_name = "lab6-28", .driver = "lab6", .dma_mask = &masks[1] },
	{ .init_name = "lab6-30", .driver = "lab6", .dma_mask = &masks[2] },
	{ .init_name = "lab6-32", .driver = "lab6", .dma_mask = &masks[3] },
	{ .init_name = "lab6-64", .driver = "lab6", .dma_mask = &masks[4] },
};
static const unsigned int bits[5] = { 24, 28, 30, 32, 64 };

/* DMA_BIT_MASK(n) written again, 64-bit. */
static u64 mask_of(unsigned int n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

static int lab6_init(void)
{
	for (int i = 0; i < 5; i++)
		if (dma_set_mask_and_coherent(&devs[i], mask_of(bits[i])))
			return -1;
	return 0;
}

static void lab6_exit(void)
{
	for (int i = 0; i < 5; i++)
		debug_dma_remove_device(&devs[i]);
}

static unsigned long nonzero(const u8 *p, size_t n)
{
	unsigned long bad = 0;

	for (size_t i = 0; i < n; i++)
		bad += p[i] != 0;
	return bad;
}

/* Every device, three sizes: below the mask, zeroed, bytes kept, pages back. */
static void test_lab6_coherent_fits_mask(struct ktest *t)
{
	static const size_t sizes[] = { PAGE_SIZE, 3 * PAGE_SIZE, 32 * 1024 };
	unsigned long before = free_pages_now();

	if (!zone_dma_usable())
		ktest_skip(t, "no RAM below 16 MiB: a 24-bit device has nothing to get");
	for (int i = 0; i < 5; i++)
		for (unsigned int s = 0; s < ARRAY_SIZE(sizes); s++) {
			dma_addr_t h = 0;
			u8 *p = dma_alloc_coherent(&devs[i], sizes[s], &h, GFP_KERNEL);
			unsigned long wrong = 0;

			if (!p)
				ktest_info(t, "%d-bit device: no buffer of %zu bytes\n", bits[i], sizes[s]);
			EXPECT_NOT_NULL(t, p);
			if (!p)
				continue;
			EXPECT_TRUE(t, (u64)h + sizes[s] - 1 <= mask_of(bits[i]));
			EXPECT_EQ(t, (u64)h, (u64)__pa(p));	/* x86: bus address = physical */
			EXPECT_EQ(t, nonzero(p, sizes[s]), 0);
			for (size_t k = 0; k < sizes[s]; k++)
				p[k] = (u8)(k * 7 + i);
			for (size_t k = 0; k < sizes[s]; k++)
				wrong += p[k] != (u8)(k * 7 + i);
			EXPECT_EQ(t, wrong, 0);
			dma_free_coherent(&devs[i], sizes[s], p, h);
		}
	EXPECT_EQ(t, free_pages_now(), before);
}

/* A 28-bit device, many buffers at once: all below 256 MiB. */
static void test_lab6_coherent_retry_28bit(struct ktest *t)
{
	dma_addr_t h[16];
	void *p[16];
	unsigned int got = 0;

	if (!zone_dma_usable())
		ktest_skip(t, "no RAM below 16 MiB");
	for (int i = 0; i < 16; i++) {
		p[i] = dma_alloc_coherent(&devs[1], 2 * PAGE_SIZE, &h[i], GFP_KERNEL);
		if (p[i]) {
			got++;
			EXPECT_TRUE(t, (u64)h[i] + 2 * PAGE_SIZE - 1 <= mask_of(28));
		}
	}
	EXPECT_EQ(t, got, 16);
	for (int i = 0; i < 16; i++)
		if (p[i])
			dma_free_coherent(&devs[1], 2 * PAGE_SIZE, p[i], h[i]);
}

/*
 * A device that reaches 4 GiB or more takes its buffer from a zone above
 * ZONE_DMA whenever one can give it (zone_for_request() with GFP_DMA32,
 * the zone choice written again, says whether one can).
 */
static void test_lab6_coherent_spares_zone_dma(struct ktest *t)
{
	int can = zone_for_request(contig_page_data.node_zonelist.zones, GFP_KERNEL | GFP_DMA32, 2);

	if (can <= ZONE_DMA)
		ktest_skip(t, "no zone above DMA can give an order-2 block below 4 GiB here");
	for (int i = 3; i < 5; i++) {
		dma_addr_t h;
		void *p = dma_alloc_coherent(&devs[i], 4 * PAGE_SIZE, &h, GFP_KERNEL);

		ASSERT_NOT_NULL(t, p);
		EXPECT_NE(t, (int)page_zonenum(virt_to_page(p)), (int)ZONE_DMA);
		EXPECT_TRUE(t, (u64)h + 4 * PAGE_SIZE - 1 <= mask_of(bits[i]));
		dma_free_coherent(&devs[i], 4 * PAGE_SIZE, p, h);
	}
}

/* Linux's dma_direct_supported(): 24 bits and up can be served on x86, 20 cannot. */
static void test_lab6_mask_rule(struct ktest *t)
{
	u64 m = 0;
	struct device d = { .init_name = "lab6-mask", .driver = "lab6", .dma_mask = &m };

	EXPECT_EQ(t, dma_set_mask(&d, mask_of(20)), -EIO);
	EXPECT_EQ(t, dma_set_mask(&d, mask_of(32)), 0);
	debug_dma_remove_device(&d);
}

static struct ktest_case lab6_dma_cases[] = {
	KTEST_CASE(test_lab6_coherent_fits_mask),
	KTEST_CASE(test_lab6_coherent_retry_28bit),
	KTEST_CASE(test_lab6_coherent_spares_zone_dma),
	KTEST_CASE(test_lab6_mask_rule),
	{}
};
static struct ktest_suite lab6_dma_suite = {
	.name = "lab6_dma",
	.cases = lab6_dma_cases,
	.suite_init = lab6_init,
	.suite_exit = lab6_exit,
	.manual = true,	/* graded: make grade LAB=6 runs it by name (tools/grade) */
};
KTEST_SUITE(lab6_dma_suite);
