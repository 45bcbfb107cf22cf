// SPDX-License-Identifier: MIT
/*
 * tests/kernel/dma_test.c - the DMA API (kernel/dma/, mm/dmapool.c) with
 * synthetic devices of 24-, 28-, 32- and 64-bit reach and the CPU standing
 * in for the device: it reads and writes the bus address (on x86 the
 * physical address) through the direct map.
 *
 * Expected values come from Linux 6.12 (the function is named) or from
 * first principles written again here: the zone a mask asks for
 * (reference §8.2), what fits a mask (last byte <= mask), whether a map
 * must bounce (not reachable, or swiotlb=force), which copies swiotlb
 * makes in each direction. The bounce pool's presence is read from
 * io_tlb_default_mem (RAM above 4 GiB or swiotlb=force); cases that need
 * it, or a buffer out of a device's reach, skip where there is none.
 */
#include <kernel/dma-debug.h>
#include <kernel/dma-direct.h>
#include <kernel/ktest.h>
#include <kernel/scatterlist.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>
#include <mm/dmapool.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/memblock.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include "mm_checks.h"

static u64 mask_storage[4];
static struct device test_devs[4] = {
	{ .init_name = "dma-test-24", .driver = "dma_test", .dma_mask = &mask_storage[0] },
	{ .init_name = "dma-test-28", .driver = "dma_test", .dma_mask = &mask_storage[1] },
	{ .init_name = "dma-test-32", .driver = "dma_test", .dma_mask = &mask_storage[2] },
	{ .init_name = "dma-test-64", .driver = "dma_test", .dma_mask = &mask_storage[3] },
};
static const unsigned int test_bits[4] = { 24, 28, 32, 64 };
#define dev24	(&test_devs[0])
#define dev28	(&test_devs[1])
#define dev32	(&test_devs[2])
#define dev64	(&test_devs[3])

/* Written again: DMA_BIT_MASK(n) with 64-bit arithmetic. */
static u64 bits_mask(unsigned int n)
{
	return n >= 64 ? ~0ULL : (1ULL << n) - 1;
}

static bool pool_active(void)
{
	return io_tlb_default_mem.nslabs != 0;
}

static bool pool_forced(void)
{
	return io_tlb_default_mem.nslabs && io_tlb_default_mem.force_bounce;
}

static bool in_pool(dma_addr_t a)
{
	return a >= io_tlb_default_mem.start && a < io_tlb_default_mem.end;
}

/*
 * The narrowest test device the pool serves: the 24-bit one when the pool
 * lies in ZONE_DMA, the 32-bit one when it had to go below 4 GiB.
 */
static struct device *bounce_dev(void)
{
	return io_tlb_default_mem.end - 1 <= bits_mask(24) ? &test_devs[0] : &test_devs[2];
}

static bool pool_serves(struct device *dev)
{
	return pool_active() && io_tlb_default_mem.end - 1 <= *dev->dma_mask;
}

/* The device's side of a bus address: x86 has no offset, and the pool is direct-mapped. */
static u8 *bus_to_cpu(dma_addr_t a)
{
	return __va((phys_addr_t)a);
}

static void fill(void *p, size_t n, u8 seed)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)p)[i] = (u8)(seed + i * 7);
}

static bool filled(const void *p, size_t n, u8 seed)
{
	for (size_t i = 0; i < n; i++)
		if (((const u8 *)p)[i] != (u8)(seed + i * 7))
			return false;
	return true;
}

static bool all_bytes(const void *p, size_t n, u8 v)
{
	for (size_t i = 0; i < n; i++)
		if (((const u8 *)p)[i] != v)
			return false;
	return true;
}

static int dma_suite_init(void)
{
	for (int i = 0; i < 4; i++)
		if (dma_set_mask_and_coherent(&test_devs[i], bits_mask(test_bits[i])))
			return -1;
	return 0;
}

static void dma_suite_exit(void)
{
	for (int i = 0; i < 4; i++)
		debug_dma_remove_device(&test_devs[i]);
}

static void test_dma_bit_mask(struct ktest *t)
{
	EXPECT_EQ(t, DMA_BIT_MASK(24), 0xffffffULL);
	EXPECT_EQ(t, DMA_BIT_MASK(28), 0xfffffffULL);
	EXPECT_EQ(t, DMA_BIT_MASK(32), 0xffffffffULL);
	EXPECT_TRUE(t, DMA_BIT_MASK(64) == ~0ULL);
	EXPECT_TRUE(t, DMA_MAPPING_ERROR == ~(dma_addr_t)0);
	EXPECT_EQ(t, dma_mapping_error(dev32, DMA_MAPPING_ERROR), -ENOMEM);
	EXPECT_EQ(t, dma_mapping_error(dev32, 0x1000), 0);
	for (int i = 0; i < 4; i++) {
		EXPECT_TRUE(t, *test_devs[i].dma_mask == bits_mask(test_bits[i]));
		EXPECT_TRUE(t, test_devs[i].coherent_dma_mask == bits_mask(test_bits[i]));
	}
}

/*
 * Linux 6.12's dma_direct_supported(): >= 32 bits always; narrower must be
 * >= min((max_pfn - 1) << PAGE_SHIFT, zone_dma_limit = 2^24 - 1).
 */
static void test_dma_set_mask_rule(struct ktest *t)
{
	static u64 m;
	struct device d = { .init_name = "dma-test-mask", .driver = "dma_test", .dma_mask = &m };
	u64 min_mask = (u64)(max_pfn - 1) << PAGE_SHIFT;
	char line[320];
	u64 mark;

	if (min_mask > 0xffffffULL)
		min_mask = 0xffffffULL;
	m = 0;
	EXPECT_EQ(t, dma_set_mask_and_coherent(&d, DMA_BIT_MASK(32)), 0);
	EXPECT_TRUE(t, m == 0xffffffffULL && d.coherent_dma_mask == 0xffffffffULL);
	EXPECT_EQ(t, dma_set_mask(&d, DMA_BIT_MASK(40)), 0);
	EXPECT_TRUE(t, m == DMA_BIT_MASK(40) && d.coherent_dma_mask == 0xffffffffULL);
	EXPECT_EQ(t, dma_set_mask_and_coherent(&d, DMA_BIT_MASK(24)), 0);
	EXPECT_TRUE(t, m == 0xffffffULL && d.coherent_dma_mask == 0xffffffULL);
	/* below the rule's minimum: -EIO, both masks kept, one line naming device and caller */
	mark = printk_log_mark();
	EXPECT_EQ(t, dma_set_mask_and_coherent(&d, min_mask >> 1), -EIO);
	EXPECT_TRUE(t, m == 0xffffffULL && d.coherent_dma_mask == 0xffffffULL);
	EXPECT_TRUE(t, logged_line(mark, "dma_test dma-test-mask: dma_set_mask: mask", line,
				   sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "refused") && strstr(line, "test_dma_set_mask_rule"));
	EXPECT_EQ(t, dma_set_coherent_mask(&d, DMA_BIT_MASK(12)), -EIO);
	EXPECT_TRUE(t, d.coherent_dma_mask == 0xffffffULL);
	/* exactly the minimum is served */
	EXPECT_EQ(t, dma_set_mask(&d, min_mask), 0);
	EXPECT_EQ(t, dma_set_mask(&d, min_mask - 1), -EIO);
	/* a device without a dma_mask cannot take a streaming mask */
	d.dma_mask = NULL;
	EXPECT_EQ(t, dma_set_mask(&d, DMA_BIT_MASK(32)), -EIO);
	debug_dma_remove_device(&d);
}

/* §8.2, written again: the zone flag the mask asks for first. */
static gfp_t optimal_gfp(u64 mask)
{
	if (mask <= 0xffffffULL)
		return GFP_DMA;
	if (mask <= 0xffffffffULL)
		return GFP_DMA32;
	return 0;
}

static void check_coherent(struct ktest *t, struct device *dev, size_t size, gfp_t caller_gfp)
{
	u64 mask = dev->coherent_dma_mask;
	unsigned int order = get_order(size);
	int first = zone_for_request(contig_page_data.node_zonelist.zones,
				     GFP_KERNEL | optimal_gfp(mask), order);
	struct zone *fz = first >= 0 ? &contig_page_data.node_zones[first] : NULL;
	dma_addr_t handle = 0;
	struct page *page;
	void *cpu;
	int zone;

	cpu = dma_alloc_coherent(dev, size, &handle, caller_gfp);
	/*
	 * Without RAM below 16 MiB, NULL is right when the first choice may
	 * hand out a block beyond the mask (it is not wholly inside it): the
	 * last retry, ZONE_DMA, has nothing.
	 */
	if (!cpu && !zone_dma_usable() &&
	    !(fz && PFN_PHYS(fz->zone_start_pfn + fz->spanned_pages) - 1 <= mask)) {
		ktest_info(t, "%s: %zu bytes: none (no ZONE_DMA for the retry)", dev_name(dev), size);
		return;
	}
	ASSERT_NOT_NULL(t, cpu);
	page = virt_to_page(cpu);
	zone = page_zonenum(page);
	ktest_info(t, "%s: %zu bytes at bus %#llx, zone %s (first choice %s)", dev_name(dev), size,
		   (unsigned long long)handle, zone_names[zone], fz ? zone_names[first] : "none");
	/* the bus address is the physical one (x86), and the block fits the mask */
	EXPECT_TRUE(t, handle == page_to_phys(page));
	EXPECT_TRUE(t, handle + PAGE_ALIGN(size) - 1 <= mask);
	/* zeroed, even without __GFP_ZERO */
	EXPECT_TRUE(t, all_bytes(cpu, size, 0));
	/* Linux: no __GFP_COMP, no split_page(): a plain order-n block, not compound */
	EXPECT_FALSE(t, PageCompound(page));
	/* never above the first choice; the caller's zone flags are ignored */
	EXPECT_LE(t, zone, first < 0 ? (int)ZONE_DMA : first);
	if (mask <= 0xffffffULL)
		EXPECT_EQ(t, zone, (int)ZONE_DMA);
	/* the first choice lies wholly inside the mask: no retry can have happened */
	if (fz && PFN_PHYS(fz->zone_start_pfn + fz->spanned_pages) - 1 <= mask)
		EXPECT_EQ(t, zone, first);
	/* a retry goes to DMA32 (from no flag, x86_64) or DMA */
	if (first >= 0 && zone != first) {
#ifdef CONFIG_ZONE_DMA32
		EXPECT_TRUE(t, zone == ZONE_DMA || (zone == ZONE_DMA32 && optimal_gfp(mask) == 0));
#else
		EXPECT_EQ(t, zone, (int)ZONE_DMA);
#endif
	}
	memset(cpu, 0x5a, size);
	dma_free_coherent(dev, size, cpu, handle);
}

static void test_dma_coherent_zones(struct ktest *t)
{
	static const size_t sizes[] = { 100, PAGE_SIZE, 3 * PAGE_SIZE, 32 * 1024 };

	for (int i = 0; i < 4; i++)
		for (unsigned int s = 0; s < ARRAY_SIZE(sizes); s++)
			check_coherent(t, &test_devs[i], sizes[s], GFP_KERNEL);
	/* the caller's zone bits are stripped (§8.1 step 4) */
	check_coherent(t, dev64, PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM);
	check_coherent(t, dev64, PAGE_SIZE, GFP_KERNEL | GFP_DMA);
	check_coherent(t, dev32, PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM);
}

/* A 28-bit device: a mask between the zones, where the retry decides. */
static void test_dma_coherent_28bit_retry(struct ktest *t)
{
	dma_addr_t h[8];
	void *p[8];

	for (int i = 0; i < 8; i++) {
		p[i] = dma_alloc_coherent(dev28, 2 * PAGE_SIZE, &h[i], GFP_KERNEL);
		if (p[i])
			EXPECT_TRUE(t, h[i] + 2 * PAGE_SIZE - 1 <= 0xfffffffULL);
	}
	for (int i = 0; i < 8; i++)
		if (p[i])
			dma_free_coherent(dev28, 2 * PAGE_SIZE, p[i], h[i]);
	if (!p[0] && !zone_dma_usable())
		ktest_skip(t, "no RAM below 16 MiB for the retry of a block above 256 MiB");
	EXPECT_NOT_NULL(t, p[0]);
}

static void test_dma_coherent_bad_input(struct ktest *t)
{
	dma_addr_t h = 0, h2 = 0;
	u64 errs = debug_dma_error_count();
	void *p, *q = NULL;
	char line[320];
	u64 mark;

	/* __GFP_COMP: WARN_ON_ONCE and NULL (Linux 6.2 on) */
	clear_warn_once();
	EXPECT_WARN(t, q = dma_alloc_coherent(dev32, 2 * PAGE_SIZE, &h, GFP_KERNEL | __GFP_COMP));
	EXPECT_NULL(t, q);
	p = dma_alloc_coherent(dev32, 3 * PAGE_SIZE, &h, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	/* a wrong size: reported, and the whole order-2 block goes back (free pages checked) */
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_free_coherent(dev32, PAGE_SIZE, p, h));
	EXPECT_TRUE(t, logged_line(mark, "DMA-API: dma_test dma-test-32: device driver frees DMA memory with different size",
				   line, sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "[map size=12288 bytes] [unmap size=4096 bytes]") != NULL);
	EXPECT_TRUE(t, strstr(line, "test_dma_coherent_bad_input") != NULL);
	/* twice: the second finds no record and frees nothing */
	EXPECT_WARN(t, dma_free_coherent(dev32, 3 * PAGE_SIZE, p, h));
	/* an address never allocated, and another device's buffer */
	EXPECT_WARN(t, dma_free_coherent(dev32, PAGE_SIZE, __va(0x200000), 0x200000));
	p = dma_alloc_coherent(dev64, PAGE_SIZE, &h2, GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	EXPECT_WARN(t, dma_free_coherent(dev32, PAGE_SIZE, p, h2));
	dma_free_coherent(dev64, PAGE_SIZE, p, h2);
	EXPECT_EQ(t, debug_dma_error_count() - errs, 4);
	/* size 0: refused with a line */
	EXPECT_NULL(t, dma_alloc_coherent(dev32, 0, &h, GFP_KERNEL));
}

/*
 * A buffer the device cannot reach: size bytes of pages whose physical
 * range lies above mask (NULL if the machine has none).
 */
static struct page *alloc_beyond(u64 mask, unsigned int order, gfp_t gfp)
{
	struct page *p = alloc_pages(gfp | __GFP_NOWARN, order);

	if (p && page_to_phys(p) + (PAGE_SIZE << order) - 1 <= mask) {
		__free_pages(p, order);
		return NULL;
	}
	return p;
}

/*
 * Bounce decisions (dma_direct_map_page()): reachable and not forced ->
 * the buffer's own address; else a pool slot if there is a pool, else
 * the overflow WARN and DMA_MAPPING_ERROR.
 */
static void test_dma_map_single_decisions(struct ktest *t)
{
	void *buf = kmalloc(512, GFP_KERNEL);

	ASSERT_NOT_NULL(t, buf);
	fill(buf, 512, 3);
	for (int i = 0; i < 4; i++) {
		struct device *dev = &test_devs[i];
		phys_addr_t phys = __pa(buf);
		bool reach = phys + 512 - 1 <= bits_mask(test_bits[i]);
		dma_addr_t a;

		if ((!reach || pool_forced()) && !pool_serves(dev)) {
			EXPECT_WARN(t, a = dma_map_single(dev, buf, 512, DMA_TO_DEVICE));
			EXPECT_TRUE(t, a == DMA_MAPPING_ERROR);
			continue;
		}
		a = dma_map_single(dev, buf, 512, DMA_TO_DEVICE);
		ASSERT_FALSE(t, dma_mapping_error(dev, a));
		if (reach && !pool_forced()) {
			EXPECT_TRUE(t, a == phys);
		} else {
			EXPECT_TRUE(t, in_pool(a));
			EXPECT_TRUE(t, filled(bus_to_cpu(a), 512, 3));
		}
		EXPECT_TRUE(t, a + 512 - 1 <= bits_mask(test_bits[i]));
		dma_unmap_single(dev, a, 512, DMA_TO_DEVICE);
	}
	kfree(buf);
}

/* The old way on the 24-bit device: kmalloc(GFP_DMA) is reachable, no bounce. */
static void test_dma_map_gfp_dma_kmalloc(struct ktest *t)
{
	void *buf;
	dma_addr_t a;

	if (!zone_dma_usable())
		ktest_skip(t, "no RAM below 16 MiB for GFP_DMA");
	if (pool_forced() && !pool_serves(dev24))
		ktest_skip(t, "swiotlb=force with the pool above 16 MiB: the 24-bit device cannot map");
	buf = kmalloc(256, GFP_KERNEL | GFP_DMA);
	ASSERT_NOT_NULL(t, buf);
	EXPECT_ULT(t, __pa(buf) + 255, 0x1000000ULL);
	a = dma_map_single(dev24, buf, 256, DMA_BIDIRECTIONAL);
	ASSERT_FALSE(t, dma_mapping_error(dev24, a));
	if (!pool_forced())
		EXPECT_TRUE(t, a == __pa(buf));
	dma_unmap_single(dev24, a, 256, DMA_BIDIRECTIONAL);
	kfree(buf);
}

/* Without a pool, an unreachable buffer: Linux's overflow WARN, DMA_MAPPING_ERROR. */
static void test_dma_map_overflow_without_pool(struct ktest *t)
{
	struct page *p;
	dma_addr_t a = 0;
	char line[320];
	u64 mark;

	if (pool_active())
		ktest_skip(t, "a bounce pool exists (RAM above 4 GiB or swiotlb=force)");
	p = alloc_beyond(0xffffffULL, 0, GFP_KERNEL);
	if (!p)
		ktest_skip(t, "no page above 16 MiB");
	/* twice, without clear_warn_once(): each bad call is reported (Linux: the first only) */
	for (int i = 0; i < 2; i++) {
		mark = printk_log_mark();
		EXPECT_WARN(t, a = dma_map_page(dev24, p, 16, 64, DMA_TO_DEVICE));
		EXPECT_TRUE(t, a == DMA_MAPPING_ERROR);
		EXPECT_TRUE(t, logged_line(mark, "dma_test dma-test-24: DMA addr", line, sizeof(line)));
		EXPECT_TRUE(t, strstr(line, "+64 overflow (mask ffffff, bus limit 0).") != NULL);
		EXPECT_TRUE(t, strstr(line, "[caller test_dma_map_overflow_without_pool") != NULL);
	}
	__free_page(p);
}

/*
 * One bounce in each direction, the CPU playing the device on the slot.
 * Linux 6.12: map copies in for every direction (the 2022 fix), unmap
 * copies out for FROM_DEVICE and BIDIRECTIONAL only.
 */
static void bounce_round_trip(struct ktest *t, struct page *pg, bool highmem)
{
	struct device *bdev = bounce_dev();
	static const enum dma_data_direction dirs[] = { DMA_TO_DEVICE, DMA_FROM_DEVICE,
							 DMA_BIDIRECTIONAL };
	const size_t off = 100, len = 3000;

	for (unsigned int d = 0; d < 3; d++) {
		enum dma_data_direction dir = dirs[d];
		unsigned long used0 = swiotlb_used();
		u8 *va = kmap_local_page(pg);
		dma_addr_t a;
		u8 *slot;

		fill(va + off, len, 10 + d);
		kunmap_local(va);
		a = dma_map_page(bdev, pg, off, len, dir);
		ASSERT_FALSE(t, dma_mapping_error(bdev, a));
		ASSERT_TRUE(t, in_pool(a));
		EXPECT_ULE(t, a + len - 1, *bdev->dma_mask);
		/* 3000 bytes: two 2 KiB slots */
		EXPECT_EQ(t, swiotlb_used() - used0, 2);
		slot = bus_to_cpu(a);
		/* copied in whatever the direction */
		EXPECT_TRUE(t, filled(slot, len, 10 + d));
		/* the device writes the first half only */
		fill(slot, len / 2, 50 + d);
		dma_unmap_page(bdev, a, len, dir);
		EXPECT_EQ(t, swiotlb_used(), used0);
		va = kmap_local_page(pg);
		if (dir == DMA_TO_DEVICE) {
			EXPECT_TRUE(t, filled(va + off, len, 10 + d));	/* nothing came back */
		} else {
			EXPECT_TRUE(t, filled(va + off, len / 2, 50 + d));
			/* the half it did not write is the CPU's data, not stale pool bytes */
			EXPECT_TRUE(t, filled(va + off + len / 2, len - len / 2,
					      (u8)(10 + d + (len / 2) * 7)));
		}
		kunmap_local(va);
	}
	(void)highmem;
}

static void test_dma_bounce_directions(struct ktest *t)
{
	struct device *bdev = bounce_dev();
	struct page *pg;

	if (!pool_active())
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	pg = pool_forced() ? alloc_page(GFP_KERNEL) : alloc_beyond(*bdev->dma_mask, 0, GFP_KERNEL);
	if (!pg)
		ktest_skip(t, "no page out of the bounce device's reach");
	bounce_round_trip(t, pg, false);
	__free_page(pg);
}

/* i386: a HighMem page has no kernel address; swiotlb copies through kmap_local_page(). */
static void test_dma_bounce_highmem(struct ktest *t)
{
#ifdef CONFIG_HIGHMEM
	struct device *bdev = bounce_dev();
	struct page *pg;
	unsigned long depth = kmap_local_depth();

	if (!pool_active())
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	pg = alloc_beyond(*bdev->dma_mask, 0, GFP_HIGHUSER);
	if (!pg || !PageHighMem(pg)) {
		if (pg)
			__free_page(pg);
		ktest_skip(t, "no HighMem page");
	}
	bounce_round_trip(t, pg, true);
	EXPECT_EQ(t, kmap_local_depth(), depth);
	__free_page(pg);
#else
	ktest_skip(t, "no HighMem on x86_64");
#endif
}

/*
 * Syncs (Linux 6.12 swiotlb): for_cpu copies slot -> buffer for FROM_DEVICE
 * and BIDIRECTIONAL; for_device buffer -> slot for TO_DEVICE and
 * BIDIRECTIONAL; otherwise nothing moves.
 */
static void test_dma_bounce_sync(struct ktest *t)
{
	struct device *bdev = bounce_dev();
	static const enum dma_data_direction dirs[] = { DMA_TO_DEVICE, DMA_FROM_DEVICE,
							 DMA_BIDIRECTIONAL };
	struct page *pg;
	u8 *buf;

	if (!pool_active())
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	pg = pool_forced() ? alloc_page(GFP_KERNEL) : alloc_beyond(*bdev->dma_mask, 0, GFP_KERNEL);
	if (!pg)
		ktest_skip(t, "no page out of the bounce device's reach");
	buf = page_address(pg);
	for (unsigned int d = 0; d < 3; d++) {
		enum dma_data_direction dir = dirs[d];
		bool to_cpu = dir != DMA_TO_DEVICE, to_dev = dir != DMA_FROM_DEVICE;
		dma_addr_t a;
		u8 *slot;

		fill(buf, 1024, 1);
		a = dma_map_single(bdev, buf, 1024, dir);
		ASSERT_FALSE(t, dma_mapping_error(bdev, a));
		ASSERT_TRUE(t, in_pool(a));
		slot = bus_to_cpu(a);
		fill(slot, 1024, 2);			/* the device writes */
		dma_sync_single_for_cpu(bdev, a, 1024, dir);
		EXPECT_TRUE(t, filled(buf, 1024, to_cpu ? 2 : 1));
		fill(buf, 1024, 3);			/* the CPU writes */
		dma_sync_single_for_device(bdev, a, 1024, dir);
		EXPECT_TRUE(t, filled(slot, 1024, to_dev ? 3 : 2));
		/* a partial sync: bytes 512..767 only */
		fill(slot, 1024, 4);
		fill(buf, 1024, 5);
		dma_sync_single_for_cpu(bdev, a + 512, 256, dir);
		if (to_cpu) {
			EXPECT_TRUE(t, filled(buf, 512, 5));
			EXPECT_TRUE(t, filled(buf + 512, 256, (u8)(4 + 512 * 7)));
			EXPECT_TRUE(t, filled(buf + 768, 256, (u8)(5 + 768 * 7)));
		} else {
			EXPECT_TRUE(t, filled(buf, 1024, 5));
		}
		dma_unmap_single(bdev, a, 1024, dir);
	}
	__free_page(pg);
}

/* More than the pool or a segment holds: "swiotlb buffer is full", nothing taken. */
static void test_dma_bounce_pool_full(struct ktest *t)
{
	struct device *bdev = bounce_dev();
	const size_t seg = (size_t)IO_TLB_SEGSIZE * IO_TLB_SIZE;	/* 256 KiB */
	unsigned long nseg, i, used0 = swiotlb_used();
	dma_addr_t a[64];
	struct page *pg;
	char line[320];
	u64 mark;

	if (!pool_active())
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	/* order 7: 512 KiB, so that one buffer serves a mapping larger than a segment */
	pg = pool_forced() ? alloc_pages(GFP_KERNEL, 7) : alloc_beyond(*bdev->dma_mask, 7, GFP_KERNEL);
	if (!pg)
		ktest_skip(t, "no 512 KiB block out of the bounce device's reach");
	/* one mapping larger than a segment can never bounce */
	mark = printk_log_mark();
	a[0] = dma_map_page(bdev, pg, 0, seg + 1, DMA_TO_DEVICE);
	EXPECT_TRUE(t, a[0] == DMA_MAPPING_ERROR);
	EXPECT_EQ(t, swiotlb_used(), used0);
	EXPECT_TRUE(t, logged_line(mark, "swiotlb buffer is full (sz: 262145 bytes)", line,
				   sizeof(line)));
	EXPECT_TRUE(t, strstr(line, dev_name(bdev)) != NULL);
	EXPECT_TRUE(t, strstr(line, "test_dma_bounce_pool_full") != NULL);
	/* fill the pool with whole segments, then one byte more does not fit */
	nseg = (io_tlb_default_mem.nslabs - used0) / IO_TLB_SEGSIZE;
	if (nseg > ARRAY_SIZE(a))
		nseg = ARRAY_SIZE(a);
	for (i = 0; i < nseg; i++) {
		a[i] = dma_map_page(bdev, pg, 0, seg, DMA_TO_DEVICE);
		EXPECT_FALSE(t, dma_mapping_error(bdev, a[i]));
	}
	if (nseg * IO_TLB_SEGSIZE == io_tlb_default_mem.nslabs - used0) {
		mark = printk_log_mark();
		EXPECT_TRUE(t, dma_map_page(bdev, pg, 0, 1, DMA_TO_DEVICE) == DMA_MAPPING_ERROR);
		EXPECT_TRUE(t, logged_line(mark, "swiotlb buffer is full (sz: 1 bytes)", line,
					   sizeof(line)));
	}
	for (i = 0; i < nseg; i++)
		if (!dma_mapping_error(bdev, a[i]))
			dma_unmap_page(bdev, a[i], seg, DMA_TO_DEVICE);
	EXPECT_EQ(t, swiotlb_used(), used0);
	__free_pages(pg, 7);
}

static void test_dma_map_vmalloc_rejected(struct ktest *t)
{
	unsigned long maps = debug_dma_mapping_count();
	void *v = vmalloc(PAGE_SIZE);
	dma_addr_t a = 0;
	char line[320];
	u64 mark;

	ASSERT_NOT_NULL(t, v);
	/* twice, without clear_warn_once(): each bad call is reported (Linux: the first only) */
	for (int i = 0; i < 2; i++) {
		mark = printk_log_mark();
		EXPECT_WARN(t, a = dma_map_single(dev64, v, 64 + i, DMA_TO_DEVICE));
		EXPECT_TRUE(t, a == DMA_MAPPING_ERROR);
		EXPECT_TRUE(t, logged_line(mark, "dma_test dma-test-64: rejecting DMA map of vmalloc memory",
					   line, sizeof(line)));
		EXPECT_TRUE(t, strstr(line, i ? "size 65 [caller test_dma_map_vmalloc_rejected" :
					       "size 64 [caller test_dma_map_vmalloc_rejected") != NULL);
	}
	EXPECT_EQ(t, debug_dma_mapping_count(), maps);
	vfree(v);
}

/* dma-debug: each bad unmap or sync is one WARN in Linux's words, and nothing is undone twice. */
static void test_dma_debug_unmap_checks(struct ktest *t)
{
	void *buf = kmalloc(2048, GFP_KERNEL);
	unsigned long slots0 = swiotlb_used();
	/* the 24-bit device where a pool can bounce what it does not reach */
	struct device *dev = pool_active() ? bounce_dev() : dev64;
	unsigned long maps;
	char line[320];
	dma_addr_t a;
	u64 mark;

	ASSERT_NOT_NULL(t, buf);
	/* never mapped */
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_unmap_single(dev32, 0x123000, 64, DMA_TO_DEVICE));
	EXPECT_TRUE(t, logged_line(mark, "DMA-API: dma_test dma-test-32: device driver tries to free DMA memory it has not allocated [device address=0x0000000000123000] [size=64 bytes]",
				   line, sizeof(line)));
	/* double unmap */
	a = dma_map_single(dev, buf, 2048, DMA_BIDIRECTIONAL);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	dma_unmap_single(dev, a, 2048, DMA_BIDIRECTIONAL);
	EXPECT_EQ(t, swiotlb_used(), slots0);
	EXPECT_WARN(t, dma_unmap_single(dev, a, 2048, DMA_BIDIRECTIONAL));
	EXPECT_EQ(t, swiotlb_used(), slots0);
	/* wrong size: reported; the recorded size is unmapped (slots, record both back) */
	a = dma_map_single(dev, buf, 2048, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_unmap_single(dev, a, 100, DMA_TO_DEVICE));
	EXPECT_TRUE(t, logged_line(mark, "device driver frees DMA memory with different size", line,
				   sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "[map size=2048 bytes] [unmap size=100 bytes]") != NULL);
	EXPECT_TRUE(t, strstr(line, dev_name(dev)) && strstr(line, "test_dma_debug_unmap_checks"));
	/* wrong direction */
	a = dma_map_single(dev, buf, 2048, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_unmap_single(dev, a, 2048, DMA_FROM_DEVICE));
	EXPECT_TRUE(t, logged_line(mark, "[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]",
				   line, sizeof(line)));
	/* wrong type: a page mapping unmapped as single is refused and kept */
	a = dma_map_page(dev, virt_to_page(buf), 0, 512, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	EXPECT_WARN(t, dma_unmap_single(dev, a, 512, DMA_TO_DEVICE));
	dma_unmap_page(dev, a, 512, DMA_TO_DEVICE);
	/* syncs: outside the mapping, never mapped, with another direction */
	a = dma_map_single(dev, buf, 1024, DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev, a));
	EXPECT_WARN(t, dma_sync_single_for_cpu(dev, a + 512, 1024, DMA_TO_DEVICE));
	EXPECT_WARN(t, dma_sync_single_for_device(dev, 0x345000, 16, DMA_TO_DEVICE));
	EXPECT_WARN(t, dma_sync_single_for_cpu(dev, a, 16, DMA_FROM_DEVICE));
	/* a bad direction value */
	EXPECT_WARN(t, dma_unmap_single(dev, a, 1024, (enum dma_data_direction)7));
	dma_unmap_single(dev, a, 1024, DMA_TO_DEVICE);
	EXPECT_EQ(t, swiotlb_used(), slots0);
	/*
	 * the map's result never checked with dma_mapping_error(): Linux's
	 * report at the unmap, which still goes on (record and slots back)
	 */
	maps = debug_dma_mapping_count();
	a = dma_map_single(dev, buf, 256, DMA_TO_DEVICE);
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_unmap_single(dev, a, 256, DMA_TO_DEVICE));
	EXPECT_TRUE(t, logged_line(mark, "device driver failed to check map error", line,
				   sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "[size=256 bytes] [mapped as single]") != NULL);
	EXPECT_EQ(t, debug_dma_mapping_count(), maps);
	EXPECT_EQ(t, swiotlb_used(), slots0);
	/* an unmap of DMA_MAPPING_ERROR itself: Linux's "invalid DMA memory address" */
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_unmap_single(dev, DMA_MAPPING_ERROR, 256, DMA_TO_DEVICE));
	EXPECT_TRUE(t, logged_line(mark, "device driver tries to free an invalid DMA memory address",
				   line, sizeof(line)));
	kfree(buf);
}

/*
 * More live buffers than dma-debug's static entries (512; Linux starts
 * with 65536 and adds pages): every one is still recorded, and the checks
 * still refuse a wrong-size free after the others went back. 600 is more
 * than the static table, and 600 pages fit in ZONE_DMA32 on every machine
 * with one; a machine that cannot give them skips.
 */
static void test_dma_debug_many_records(struct ktest *t)
{
	const unsigned int n = 600;
	unsigned long coh0 = debug_dma_coherent_count();
	u64 errs = debug_dma_error_count();
	unsigned long bad0 = bad_page_count();
	dma_addr_t *h = kcalloc(n, sizeof(*h), GFP_KERNEL);
	void **p = kcalloc(n, sizeof(*p), GFP_KERNEL);
	unsigned int got = 0;
	char line[320];
	u64 mark;

	ASSERT_NOT_NULL(t, h);
	ASSERT_NOT_NULL(t, p);
	if (nr_free_pages() < 4 * n) {
		kfree(h);
		kfree(p);
		ktest_skip(t, "fewer than %u free pages (4 a buffer) for %u buffers and their records",
			   4 * n, n);
	}
	mark = printk_log_mark();
	while (got < n && (p[got] = dma_alloc_coherent(dev32, PAGE_SIZE, &h[got],
						       GFP_KERNEL | __GFP_NOWARN)))
		got++;
	if (got < n) {
		/* the records must not be what ran out */
		EXPECT_FALSE(t, logged_line(mark, "debugging out of memory", line, sizeof(line)));
		while (got)
			got--, dma_free_coherent(dev32, PAGE_SIZE, p[got], h[got]);
		kfree(h);
		kfree(p);
		ktest_skip(t, "the 32-bit device got fewer than %u pages", n);
	}
	EXPECT_EQ(t, debug_dma_coherent_count() - coh0, n);
	for (unsigned int i = 1; i < n; i++)
		dma_free_coherent(dev32, PAGE_SIZE, p[i], h[i]);
	EXPECT_EQ(t, debug_dma_coherent_count() - coh0, 1);
	EXPECT_EQ(t, debug_dma_error_count(), errs);
	/* the last one freed with the wrong size: refused as such, one page goes back */
	mark = printk_log_mark();
	EXPECT_WARN(t, dma_free_coherent(dev32, 4 * PAGE_SIZE, p[0], h[0]));
	EXPECT_TRUE(t, logged_line(mark, "device driver frees DMA memory with different size",
				   line, sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "[map size=4096 bytes] [unmap size=16384 bytes]") != NULL);
	EXPECT_EQ(t, debug_dma_coherent_count(), coh0);
	EXPECT_EQ(t, bad_page_count(), bad0);
	/* and once more: no record now, nothing freed */
	EXPECT_WARN(t, dma_free_coherent(dev32, PAGE_SIZE, p[0], h[0]));
	EXPECT_EQ(t, debug_dma_error_count() - errs, 2);
	EXPECT_EQ(t, bad_page_count(), bad0);
	kfree(h);
	kfree(p);
}

/*
 * Two live mappings at one bus address: a buffer with dma_map_single()
 * and its page with dma_map_page(), both to the device (Linux allows
 * overlapping TO_DEVICE mappings). Each unmap finds its own record
 * (Linux's bucket_find_exact() scores size, type and direction), with no
 * report. Direct mappings only: a bounced one gets its own slot.
 */
static void test_dma_debug_shared_address(struct ktest *t)
{
	unsigned long maps = debug_dma_mapping_count();
	u64 errs = debug_dma_error_count();
	u8 *buf = kmalloc(256, GFP_KERNEL);
	dma_addr_t a, b;

	ASSERT_NOT_NULL(t, buf);
	if (pool_forced()) {
		kfree(buf);
		ktest_skip(t, "swiotlb=force: each mapping has its own slot");
	}
	a = dma_map_single(dev64, buf, 256, DMA_TO_DEVICE);
	b = dma_map_page(dev64, virt_to_page(buf), (unsigned long)buf & (PAGE_SIZE - 1), 128,
			 DMA_TO_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev64, a));
	ASSERT_FALSE(t, dma_mapping_error(dev64, b));
	/* x86 without an IOMMU: both are the buffer's physical address */
	EXPECT_TRUE(t, a == (dma_addr_t)__pa(buf));
	EXPECT_TRUE(t, a == b);
	EXPECT_EQ(t, debug_dma_mapping_count() - maps, 2);
	dma_unmap_page(dev64, b, 128, DMA_TO_DEVICE);
	EXPECT_EQ(t, debug_dma_mapping_count() - maps, 1);
	dma_unmap_single(dev64, a, 256, DMA_TO_DEVICE);
	EXPECT_EQ(t, debug_dma_mapping_count(), maps);
	EXPECT_EQ(t, debug_dma_error_count(), errs);
	kfree(buf);
}

/* Pages of a vmalloc buffer through sg_alloc_table_from_pages() and dma_map_sgtable(). */
static void test_dma_map_sg_vmalloc(struct ktest *t)
{
	const unsigned int npages = 6, off = 300;
	const unsigned long size = npages * PAGE_SIZE - off - 200;
	struct page *pages[6];
	struct sg_table sgt;
	struct scatterlist *sg;
	unsigned int runs = 0, i;
	unsigned long done = 0;
	u8 *v = vmalloc(npages * PAGE_SIZE);

	ASSERT_NOT_NULL(t, v);
	for (i = 0; i < npages; i++) {
		pages[i] = vmalloc_to_page(v + i * PAGE_SIZE);
		if (i == 0 || page_to_pfn(pages[i]) != page_to_pfn(pages[i - 1]) + 1)
			runs++;
	}
	fill(v, npages * PAGE_SIZE, 9);
	ASSERT_EQ(t, sg_alloc_table_from_pages(&sgt, pages, npages, off, size, GFP_KERNEL), 0);
	EXPECT_EQ(t, sgt.orig_nents, runs);
	for (int d = 0; d < 2; d++) {
		struct device *dev = d ? bounce_dev() : dev64;
		u64 mask = *dev->dma_mask;

		if (d && !pool_active()) {
			ktest_info(t, "no bounce pool: the 24-bit half is left out");
			break;
		}
		if (dma_map_sgtable(dev, &sgt, DMA_TO_DEVICE, 0)) {
			/* only a 24-bit device without a pool may fail, and then maps nothing */
			EXPECT_TRUE(t, d == 1);
			continue;
		}
		EXPECT_EQ(t, sgt.nents, sgt.orig_nents);
		done = 0;
		for_each_sgtable_dma_sg(&sgt, sg, i) {
			bool reach = sg_phys(sg) + sg->length - 1 <= mask;

			EXPECT_EQ(t, sg_dma_len(sg), sg->length);
			EXPECT_ULE(t, sg_dma_address(sg) + sg_dma_len(sg) - 1, mask);
			if (reach && !pool_forced())
				EXPECT_TRUE(t, sg_dma_address(sg) == sg_phys(sg));
			else
				EXPECT_TRUE(t, in_pool(sg_dma_address(sg)));
			/* a bounced entry: the device reads the buffer's bytes at its place */
			if (in_pool(sg_dma_address(sg)))
				EXPECT_TRUE(t, memcmp(bus_to_cpu(sg_dma_address(sg)), v + off + done,
						      sg_dma_len(sg)) == 0);
			done += sg->length;
		}
		EXPECT_EQ(t, done, size);
		dma_unmap_sgtable(dev, &sgt, DMA_TO_DEVICE, 0);
	}
	sg_free_table(&sgt);
	/* bad input */
	EXPECT_EQ(t, sg_alloc_table_from_pages(&sgt, pages, npages, PAGE_SIZE, 10, GFP_KERNEL),
		  -EINVAL);
	EXPECT_EQ(t, sg_alloc_table_from_pages(&sgt, pages, 1, 0, PAGE_SIZE + 1, GFP_KERNEL),
		  -EINVAL);
	vfree(v);
}

static void test_dma_pool_blocks(struct ktest *t)
{
	/* 96-byte blocks, 32-aligned, never across 256: 2 per 256 bytes (first principles) */
	const size_t size = 96, align = 32, boundary = 256;
	const unsigned int per_page = (boundary / size) * (PAGE_SIZE / boundary);
	struct dma_pool *pool = dma_pool_create("dma_test-96", dev32, size, align, boundary);
	dma_addr_t h[40];
	void *b[40];
	unsigned int same_page = 0;

	ASSERT_NOT_NULL(t, pool);
	ASSERT_LE(t, per_page + 1, ARRAY_SIZE(b));
	for (unsigned int i = 0; i <= per_page; i++) {
		b[i] = i ? dma_pool_alloc(pool, GFP_KERNEL, &h[i]) : dma_pool_zalloc(pool, GFP_KERNEL, &h[i]);
		ASSERT_NOT_NULL(t, b[i]);
		EXPECT_EQ(t, h[i] % align, 0);
		EXPECT_EQ(t, h[i] / boundary, (h[i] + size - 1) / boundary);
		EXPECT_ULE(t, h[i] + size - 1, 0xffffffffULL);
		EXPECT_TRUE(t, b[i] == bus_to_cpu(h[i]));
		EXPECT_TRUE(t, i ? all_bytes(b[i], size, 0xa9) : all_bytes(b[i], size, 0));
		for (unsigned int j = 0; j < i; j++)
			EXPECT_TRUE(t, h[j] != h[i]);
		if (i < per_page && (h[i] & PAGE_MASK) == (h[0] & PAGE_MASK))
			same_page++;
	}
	/* the first page held exactly per_page blocks; the next one took a new page */
	EXPECT_EQ(t, same_page, per_page);
	EXPECT_TRUE(t, (h[per_page] & PAGE_MASK) != (h[0] & PAGE_MASK));
	EXPECT_EQ(t, dma_pool_active_blocks(), per_page + 1);
	/* a block goes back poisoned and is handed out again */
	dma_pool_free(pool, b[5], h[5]);
	/*
	 * past its first 16 bytes, where the free block keeps its struct
	 * dma_block (next pointer, bus address: Linux's layout, 16 bytes on
	 * both arches)
	 */
	EXPECT_TRUE(t, all_bytes((u8 *)b[5] + 16, size - 16, 0xa7));
	b[5] = dma_pool_alloc(pool, GFP_KERNEL, &h[5]);
	EXPECT_NOT_NULL(t, b[5]);
	for (unsigned int i = 0; i <= per_page; i++)
		dma_pool_free(pool, b[i], h[i]);
	dma_pool_destroy(pool);
}

static void test_dma_pool_bad_input(struct ktest *t)
{
	struct dma_pool *pool, *other;
	dma_addr_t h, hc, hd;
	char line[320];
	void *b, *c, *d;
	u64 mark;

	EXPECT_NULL(t, dma_pool_create("bad", dev32, 64, 3, 0));	/* align not a power of 2 */
	EXPECT_NULL(t, dma_pool_create("bad", dev32, 0, 8, 0));
	EXPECT_NULL(t, dma_pool_create("bad", dev32, 128, 8, 64));	/* boundary < size */
	EXPECT_NULL(t, dma_pool_create("bad", dev32, 64, 8, 96));	/* boundary not a power of 2 */
	pool = dma_pool_create("dma_test-busy", dev32, 64, 8, 0);
	ASSERT_NOT_NULL(t, pool);
	b = dma_pool_alloc(pool, GFP_KERNEL, &h);
	ASSERT_NOT_NULL(t, b);
	EXPECT_ULE(t, h + 63, 0xffffffffULL);
	/* busy: Linux's line; the pool stays whole */
	mark = printk_log_mark();
	dma_pool_destroy(pool);
	EXPECT_TRUE(t, logged_line(mark, "dma_test dma-test-32: dma_pool_destroy dma_test-busy busy",
				   line, sizeof(line)));
	/* a CPU address that does not go with the bus address */
	mark = printk_log_mark();
	dma_pool_free(pool, (char *)b + 8, h + 16);
	EXPECT_TRUE(t, logged_line(mark, "(bad dma)", line, sizeof(line)));
	/* inside the block, consistently: refused, the block stays allocated */
	mark = printk_log_mark();
	dma_pool_free(pool, (char *)b + 16, h + 16);
	EXPECT_TRUE(t, logged_line(mark, "(not a block start", line, sizeof(line)));
	EXPECT_EQ(t, dma_pool_active_blocks(), 1);
	/* into another pool of the same device: no page of it holds the block */
	other = dma_pool_create("dma_test-other", dev32, 64, 8, 0);
	ASSERT_NOT_NULL(t, other);
	c = dma_pool_alloc(other, GFP_KERNEL, &hc);
	ASSERT_NOT_NULL(t, c);
	mark = printk_log_mark();
	dma_pool_free(other, b, h);
	EXPECT_TRUE(t, logged_line(mark, "dma_pool_free dma_test-other", line, sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "(bad dma)") != NULL);
	EXPECT_EQ(t, dma_pool_active_blocks(), 2);
	/* the next block handed out is a whole one, not inside b */
	d = dma_pool_alloc(pool, GFP_KERNEL, &hd);
	ASSERT_NOT_NULL(t, d);
	EXPECT_TRUE(t, hd + 64 <= h || hd >= h + 64);
	dma_pool_free(pool, d, hd);
	dma_pool_free(other, c, hc);
	dma_pool_destroy(other);
	/* a double free is reported and ignored */
	dma_pool_free(pool, b, h);
	mark = printk_log_mark();
	dma_pool_free(pool, b, h);
	EXPECT_TRUE(t, logged_line(mark, "already free", line, sizeof(line)));
	EXPECT_EQ(t, dma_pool_active_blocks(), 0);
	dma_pool_destroy(pool);
}

/*
 * Addresses in a pool's page that start no block (first principles, from
 * dma_pool_create()'s layout): with 96-byte blocks never across 256, the
 * blocks of each 256 bytes are at 0 and 96, so 192 is a gap; with
 * 1000-byte blocks in a 4096-byte page, 4000 is the tail.
 */
static void test_dma_pool_free_gaps(struct ktest *t)
{
	static const struct { size_t size, boundary, bad; } c[] = {
		{ 96, 256, 192 }, { 96, 256, 256 + 192 }, { 1000, 0, 4000 }, { 1000, 0, 500 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(c); i++) {
		struct dma_pool *pool = dma_pool_create("dma_test-gaps", dev32, c[i].size, 8,
							c[i].boundary);
		dma_addr_t h, page_dma;
		char line[320];
		u8 *b, *page;
		u64 mark;

		ASSERT_NOT_NULL(t, pool);
		b = dma_pool_alloc(pool, GFP_KERNEL, &h);
		ASSERT_NOT_NULL(t, b);
		/* the pool's page is one coherent page: its start is the page of h */
		page_dma = h & ~(dma_addr_t)(PAGE_SIZE - 1);
		page = b - (h - page_dma);
		mark = printk_log_mark();
		dma_pool_free(pool, page + c[i].bad, page_dma + c[i].bad);
		EXPECT_TRUE(t, logged_line(mark, "(not a block start", line, sizeof(line)));
		EXPECT_EQ(t, dma_pool_active_blocks(), 1);
		dma_pool_free(pool, b, h);
		EXPECT_EQ(t, dma_pool_active_blocks(), 0);
		dma_pool_destroy(pool);
	}
}

/* The `dma` report lists the devices with their masks, live buffers and mappings. */
static void test_dma_report(struct ktest *t)
{
	void *buf = kmalloc(128, GFP_KERNEL);
	dma_addr_t a, h;
	void *c;
	char line[320], want[64];
	u64 mark;

	ASSERT_NOT_NULL(t, buf);
	c = dma_alloc_coherent(dev32, PAGE_SIZE, &h, GFP_KERNEL);
	ASSERT_NOT_NULL(t, c);
	a = dma_map_single(dev64, buf, 128, DMA_FROM_DEVICE);
	ASSERT_FALSE(t, dma_mapping_error(dev64, a));
	mark = printk_log_mark();
	show_dma();
	EXPECT_TRUE(t, logged_line(mark, "dma_test dma-test-28: dma_mask 0xfffffff coherent_dma_mask 0xfffffff",
				   line, sizeof(line)));
	EXPECT_TRUE(t, logged_line(mark, "coherent allocations: 1", line, sizeof(line)));
	snprintf(want, sizeof(want), "dma-test-32: dma %#llx size 4096", (unsigned long long)h);
	EXPECT_TRUE(t, logged_line(mark, want, line, sizeof(line)));
	snprintf(want, sizeof(want), "dma-test-64: dma %#llx size 128 single DMA_FROM_DEVICE",
		 (unsigned long long)a);
	EXPECT_TRUE(t, logged_line(mark, want, line, sizeof(line)));
	EXPECT_TRUE(t, strstr(line, "test_dma_report") != NULL);
	EXPECT_TRUE(t, logged_line(mark, pool_active() ? "swiotlb: [mem" : "swiotlb: off", line,
				   sizeof(line)));
	dma_unmap_single(dev64, a, 128, DMA_FROM_DEVICE);
	dma_free_coherent(dev32, PAGE_SIZE, c, h);
	kfree(buf);
}

/*
 * The pool: whole segments, and there exactly when x86 Linux would have
 * one; in ZONE_DMA, or below 4 GiB (in the direct map) when ZONE_DMA had
 * no room for one segment in a quarter of its memory; its pages reserved,
 * never the buddy allocator's.
 */
static void test_dma_swiotlb_pool(struct ktest *t)
{
	const u64 seg = (u64)IO_TLB_SEGSIZE * 2048;	/* Linux: 128 slots of 2 KiB */
	struct zone *dma = &contig_page_data.node_zones[ZONE_DMA];
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long not_reserved = 0;
	struct page *pg;
	dma_addr_t a;

	/* pci_swiotlb_detect(): RAM above 4 GiB (max_pfn > 2^20 pages) */
	if (max_pfn > (1UL << (32 - PAGE_SHIFT)))
		EXPECT_TRUE(t, pool_active());
	if (!pool_active())
		ktest_skip(t, "no bounce pool (RAM below 4 GiB, no swiotlb=force)");
	EXPECT_EQ(t, mem->nslabs % IO_TLB_SEGSIZE, 0);
	EXPECT_EQ(t, mem->end - mem->start, (u64)mem->nslabs * 2048);
	EXPECT_EQ(t, mem->start % PAGE_SIZE, 0);
	if (mem->end - 1 <= 0xffffffULL) {
		EXPECT_EQ(t, page_zonenum(pfn_to_page(PFN_DOWN(mem->start))), (int)ZONE_DMA);
	} else {
		ktest_info(t, "pool at %#llx: ZONE_DMA has %lu managed pages",
			   (unsigned long long)mem->start, dma->managed_pages);
		EXPECT_ULT(t, (u64)dma->managed_pages * PAGE_SIZE / 4, seg);
		EXPECT_ULE(t, mem->end - 1, 0xffffffffULL);
		EXPECT_FALSE(t, PageHighMem(pfn_to_page(PFN_DOWN(mem->end - 1))));
		/* so the 24-bit device cannot bounce: Linux's overflow WARN, every time */
		pg = pool_forced() ? alloc_page(GFP_KERNEL) : alloc_beyond(bits_mask(24), 0, GFP_KERNEL);
		if (pg) {
			unsigned long used0 = swiotlb_used();

			EXPECT_WARN(t, a = dma_map_page(dev24, pg, 0, 64, DMA_TO_DEVICE));
			EXPECT_TRUE(t, a == DMA_MAPPING_ERROR);
			EXPECT_EQ(t, swiotlb_used(), used0);
			__free_page(pg);
		}
	}
	for (unsigned long pfn = PFN_DOWN(mem->start); pfn < PFN_DOWN(mem->end); pfn++)
		if (!PageReserved(pfn_to_page(pfn)))
			not_reserved++;
	EXPECT_EQ(t, not_reserved, 0);
	EXPECT_EQ(t, swiotlb_max_mapping_size(bounce_dev()), seg);
}

static struct ktest_case dma_cases[] = {
	KTEST_CASE(test_dma_bit_mask),
	KTEST_CASE(test_dma_set_mask_rule),
	KTEST_CASE(test_dma_coherent_zones),
	KTEST_CASE(test_dma_coherent_28bit_retry),
	KTEST_CASE(test_dma_coherent_bad_input),
	KTEST_CASE(test_dma_map_single_decisions),
	KTEST_CASE(test_dma_map_gfp_dma_kmalloc),
	KTEST_CASE(test_dma_map_overflow_without_pool),
	KTEST_CASE(test_dma_bounce_directions),
	KTEST_CASE(test_dma_bounce_highmem),
	KTEST_CASE(test_dma_bounce_sync),
	KTEST_CASE(test_dma_bounce_pool_full),
	KTEST_CASE(test_dma_map_vmalloc_rejected),
	KTEST_CASE(test_dma_debug_unmap_checks),
	KTEST_CASE(test_dma_debug_many_records),
	KTEST_CASE(test_dma_debug_shared_address),
	KTEST_CASE(test_dma_map_sg_vmalloc),
	KTEST_CASE(test_dma_pool_blocks),
	KTEST_CASE(test_dma_pool_bad_input),
	KTEST_CASE(test_dma_pool_free_gaps),
	KTEST_CASE_DESIGN(test_dma_report),
	KTEST_CASE(test_dma_swiotlb_pool),
	{}
};

static struct ktest_suite dma_suite = {
	.name = "dma",
	.cases = dma_cases,
	.suite_init = dma_suite_init,
	.suite_exit = dma_suite_exit,
};
KTEST_SUITE(dma_suite);
