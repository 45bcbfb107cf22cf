// SPDX-License-Identifier: MIT
/*
 * tests/kernel/dma_edu_test.c - the DMA API over a real device: QEMU's edu
 * (kernel/drivers/edu.c), whose DMA engine copies between a bus address
 * and its 4 KiB buffer. Run with -device edu (28-bit reach) or
 * -device edu,dma_mask=0xffffff (24-bit) and edu.dma_bits= saying so.
 *
 * Each case sends bytes to the device and brings them back through buffers
 * of one kind: coherent, kmalloc above the mask through dma_map_single()
 * (bounced), vmalloc pages through dma_map_sg(), dma_pool blocks,
 * kmalloc(GFP_DMA). A transfer takes about 100 ms of virtual time: a
 * dozen in all. What a bus address must satisfy is written again here:
 * its last byte within DMA_BIT_MASK(edu.dma_bits). The harness checks that
 * every buffer, mapping, bounce slot and pool block is given back.
 */
#include <kernel/dma-debug.h>
#include <kernel/dma-direct.h>
#include <kernel/edu.h>
#include <kernel/ktest.h>
#include <kernel/scatterlist.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>
#include <mm/dmapool.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include "mm_checks.h"

static struct edu_device *edu;

static u64 reach(void)
{
	unsigned int bits = edu_dma_bits;

#ifndef CONFIG_X86_64
	if (bits > 32)
		bits = 32;	/* the driver's cap on i386 (kernel/drivers/edu.c) */
#endif
	return bits >= 64 ? ~0ULL : (1ULL << bits) - 1;
}

static bool fits(dma_addr_t a, size_t len)
{
	return a != DMA_MAPPING_ERROR && a + len - 1 <= reach() && a + len - 1 >= a;
}

static bool in_pool(dma_addr_t a)
{
	return io_tlb_default_mem.nslabs && a >= io_tlb_default_mem.start &&
	       a < io_tlb_default_mem.end;
}

static void fill(void *p, size_t n, u8 seed)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)p)[i] = (u8)(seed ^ (i * 13));
}

static bool filled(const void *p, size_t n, u8 seed)
{
	for (size_t i = 0; i < n; i++)
		if (((const u8 *)p)[i] != (u8)(seed ^ (i * 13)))
			return false;
	return true;
}

/* Every case needs the device: without it, skip (configurations without -device edu). */
static void need_edu(struct ktest *t)
{
	edu = edu_get();
	if (!edu)
		ktest_skip(t, "no edu device (-device edu)");
}

/* The probe declared the reach: both masks are DMA_BIT_MASK(edu.dma_bits). */
static void test_dma_edu_masks(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);

	ASSERT_NOT_NULL(t, dev->dma_mask);
	EXPECT_TRUE(t, *dev->dma_mask == reach());
	EXPECT_TRUE(t, dev->coherent_dma_mask == reach());
}

/* Coherent buffers: RAM -> device (polled), device -> RAM (interrupt). */
static void test_dma_edu_coherent(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);
	const u32 len = 2048;
	dma_addr_t ha, hb;
	u8 *a, *b;

	a = dma_alloc_coherent(dev, PAGE_SIZE, &ha, GFP_KERNEL);
	b = dma_alloc_coherent(dev, PAGE_SIZE, &hb, GFP_KERNEL);
	if (!a || !b)
		goto out;
	EXPECT_TRUE(t, fits(ha, PAGE_SIZE));
	EXPECT_TRUE(t, fits(hb, PAGE_SIZE));
	ktest_info(t, "coherent buffers at bus %#llx and %#llx (mask %#llx)",
		   (unsigned long long)ha, (unsigned long long)hb, (unsigned long long)reach());
	fill(a, len, 0x31);
	EXPECT_EQ(t, edu_dma_to_device(edu, ha, 0, len, false), 0);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, hb, len, edu_irq(edu) != 0), 0);
	EXPECT_TRUE(t, filled(b, len, 0x31));
	/* the rest of the page was never written: still the zeroes it came with */
	for (u32 i = len; i < PAGE_SIZE; i++)
		if (b[i]) {
			EXPECT_EQ(t, b[i], 0);
			break;
		}
out:
	EXPECT_NOT_NULL(t, a);
	EXPECT_NOT_NULL(t, b);
	if (a)
		dma_free_coherent(dev, PAGE_SIZE, a, ha);
	if (b)
		dma_free_coherent(dev, PAGE_SIZE, b, hb);
}

/* A kmalloc buffer whose physical range lies beyond the device's reach, or NULL. */
static void *kmalloc_beyond(size_t size)
{
	void *held[32], *found = NULL;
	int n = 0;

	while (n < 32) {
		void *p = kmalloc(size, GFP_KERNEL);

		if (!p)
			break;
		if (__pa(p) + size - 1 > reach()) {
			found = p;
			break;
		}
		held[n++] = p;
	}
	while (n)
		kfree(held[--n]);
	return found;
}

/*
 * dma_map_single() of memory above the mask: bounced through swiotlb (in
 * ZONE_DMA, within even a 24-bit reach), visible in its counters and the
 * dma report, and the bytes arrive intact both ways.
 */
static void test_dma_edu_bounce_kmalloc(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);
	const size_t len = 1500;
	unsigned long bounced0 = io_tlb_default_mem.total_used;
	char line[320], want[80];
	u8 *src, *dst;
	dma_addr_t a;
	u64 mark;

	if (!io_tlb_default_mem.nslabs)
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	src = kmalloc_beyond(len);
	dst = kmalloc_beyond(len);
	if (!src || !dst) {
		kfree(src);
		kfree(dst);
		ktest_skip(t, "no kmalloc memory above the device's reach");
	}
	fill(src, len, 0x5c);
	a = dma_map_single(dev, src, len, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	EXPECT_TRUE(t, in_pool(a));
	EXPECT_TRUE(t, fits(a, len));
	EXPECT_EQ(t, io_tlb_default_mem.total_used - bounced0, 1);
	EXPECT_GE(t, swiotlb_used(), 1);
	mark = printk_log_mark();
	show_dma();
	snprintf(want, sizeof(want), "edu %s: dma %#llx size %zu single DMA_TO_DEVICE",
		 dev_name(dev), (unsigned long long)a, len);
	EXPECT_TRUE(t, logged_line(mark, want, line, sizeof(line)));
	EXPECT_TRUE(t, strstr(line, " bounced ") != NULL);
	EXPECT_EQ(t, edu_dma_to_device(edu, a, 512, (u32)len, false), 0);
	dma_unmap_single(dev, a, len, DMA_TO_DEVICE);

	memset(dst, 0xee, len);
	a = dma_map_single(dev, dst, len, DMA_FROM_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	EXPECT_TRUE(t, in_pool(a));
	EXPECT_EQ(t, edu_dma_from_device(edu, 512, a, (u32)len, false), 0);
	/* in the bounce slot only, until the unmap copies it back */
	EXPECT_TRUE(t, dst[0] == 0xee && dst[len - 1] == 0xee);
	dma_unmap_single(dev, a, len, DMA_FROM_DEVICE);
	EXPECT_TRUE(t, filled(dst, len, 0x5c));
	EXPECT_EQ(t, io_tlb_default_mem.total_used - bounced0, 2);
	kfree(src);
	kfree(dst);
}

/* vmalloc pages, physically scattered, through dma_map_sg(): two pieces to the device. */
static void test_dma_edu_sg_vmalloc(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);
	const unsigned int npages = 3;
	struct page *pages[3];
	struct sg_table sgt;
	struct scatterlist *first, *last, *sg;
	dma_addr_t hb;
	u8 *v, *b;
	unsigned int i;

	v = vmalloc(npages * PAGE_SIZE);
	ASSERT_NOT_NULL(t, v);
	fill(v, npages * PAGE_SIZE, 0x77);
	for (i = 0; i < npages; i++)
		pages[i] = vmalloc_to_page(v + i * PAGE_SIZE);
	if (sg_alloc_table_from_pages(&sgt, pages, npages, 0, npages * PAGE_SIZE, GFP_KERNEL)) {
		vfree(v);
		ASSERT_TRUE(t, false);
	}
	b = dma_alloc_coherent(dev, PAGE_SIZE, &hb, GFP_KERNEL);
	EXPECT_NOT_NULL(t, b);
	if (!b)
		goto out;
	i = (unsigned int)dma_map_sgtable(dev, &sgt, DMA_TO_DEVICE, 0);
	EXPECT_EQ(t, (int)i, 0);
	if (i)
		goto out;
	first = sgt.sgl;
	last = first;
	for_each_sgtable_dma_sg(&sgt, sg, i) {
		EXPECT_TRUE(t, fits(sg_dma_address(sg), sg_dma_len(sg)));
		last = sg;
	}
	/* the first 1024 bytes of the buffer and the first 1024 of its last piece */
	EXPECT_EQ(t, edu_dma_to_device(edu, sg_dma_address(first), 0, 1024, false), 0);
	EXPECT_EQ(t, edu_dma_to_device(edu, sg_dma_address(last), 1024, 1024, false), 0);
	EXPECT_EQ(t, edu_dma_from_device(edu, 0, hb, 2048, false), 0);
	EXPECT_TRUE(t, memcmp(b, v, 1024) == 0);
	{
		unsigned long last_off = 0;

		for_each_sgtable_sg(&sgt, sg, i) {
			if (sg == last)
				break;
			last_off += sg->length;
		}
		EXPECT_TRUE(t, memcmp(b + 1024, v + last_off, 1024) == 0);
	}
	dma_unmap_sgtable(dev, &sgt, DMA_TO_DEVICE, 0);
out:
	if (b)
		dma_free_coherent(dev, PAGE_SIZE, b, hb);
	sg_free_table(&sgt);
	vfree(v);
}

/* Two dma_pool blocks: one to the device, the other back from it. */
static void test_dma_edu_pool(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);
	struct dma_pool *pool = dma_pool_create("edu-test", dev, 256, 64, 0);
	dma_addr_t h1, h2;
	u8 *b1, *b2;

	ASSERT_NOT_NULL(t, pool);
	b1 = dma_pool_alloc(pool, GFP_KERNEL, &h1);
	b2 = dma_pool_zalloc(pool, GFP_KERNEL, &h2);
	if (b1 && b2) {
		EXPECT_TRUE(t, fits(h1, 256) && fits(h2, 256));
		EXPECT_EQ(t, h1 % 64, 0);
		fill(b1, 256, 0x1d);
		EXPECT_EQ(t, edu_dma_to_device(edu, h1, 2048, 256, false), 0);
		EXPECT_EQ(t, edu_dma_from_device(edu, 2048, h2, 256, false), 0);
		EXPECT_TRUE(t, filled(b2, 256, 0x1d));
	}
	EXPECT_NOT_NULL(t, b1);
	EXPECT_NOT_NULL(t, b2);
	if (b1)
		dma_pool_free(pool, b1, h1);
	if (b2)
		dma_pool_free(pool, b2, h2);
	dma_pool_destroy(pool);
}

/*
 * The old way (seed 001): kmalloc(GFP_DMA) is below 16 MiB, which a 24-
 * or 28-bit device reaches, so dma_map_single() hands back its own address.
 */
static void test_dma_edu_gfp_dma_kmalloc(struct ktest *t)
{
	need_edu(t);
	struct device *dev = edu_dev(edu);
	const size_t len = 700;
	u8 *src = kmalloc(len, GFP_KERNEL | GFP_DMA), *dst = kmalloc(len, GFP_KERNEL | GFP_DMA);
	dma_addr_t a, b;

	if (!src || !dst)
		goto out;
	EXPECT_ULE(t, __pa(src) + len - 1, 0xffffffULL);
	fill(src, len, 0x42);
	memset(dst, 0, len);
	a = dma_map_single(dev, src, len, DMA_TO_DEVICE);
	b = dma_map_single(dev, dst, len, DMA_FROM_DEVICE);
	if (!dma_mapping_error(dev, a) && !dma_mapping_error(dev, b)) {
		if (!io_tlb_default_mem.force_bounce) {
			EXPECT_TRUE(t, a == __pa(src));
			EXPECT_TRUE(t, b == __pa(dst));
		}
		EXPECT_EQ(t, edu_dma_to_device(edu, a, 3000, (u32)len, false), 0);
		EXPECT_EQ(t, edu_dma_from_device(edu, 3000, b, (u32)len, false), 0);
	}
	EXPECT_FALSE(t, dma_mapping_error(dev, a));
	EXPECT_FALSE(t, dma_mapping_error(dev, b));
	if (!dma_mapping_error(dev, a))
		dma_unmap_single(dev, a, len, DMA_TO_DEVICE);
	if (!dma_mapping_error(dev, b))
		dma_unmap_single(dev, b, len, DMA_FROM_DEVICE);
	EXPECT_TRUE(t, filled(dst, len, 0x42));
out:
	EXPECT_NOT_NULL(t, src);
	EXPECT_NOT_NULL(t, dst);
	kfree(src);
	kfree(dst);
}

static struct ktest_case dma_edu_cases[] = {
	KTEST_CASE(test_dma_edu_masks),
	KTEST_CASE(test_dma_edu_coherent),
	KTEST_CASE(test_dma_edu_bounce_kmalloc),
	KTEST_CASE(test_dma_edu_sg_vmalloc),
	KTEST_CASE(test_dma_edu_pool),
	KTEST_CASE(test_dma_edu_gfp_dma_kmalloc),
	{}
};

static struct ktest_suite dma_edu_suite = {
	.name = "dma_edu",
	.cases = dma_edu_cases,
};
KTEST_SUITE(dma_edu_suite);
