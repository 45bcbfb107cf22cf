// SPDX-License-Identifier: MIT
/*
 * tests/kernel/mm_init_test.c - zone geometry, memmap state, watermarks.
 *
 * Everything expected here is recomputed from the e820 map with the x86
 * rules written out again in this file (not read back from mm/):
 *   x86_64: DMA [first RAM pfn, 16M)  DMA32 [16M, 4G)  Normal [4G, end)
 *   i386:   DMA [first RAM pfn, 16M)  Normal [16M, lowmem end)  HighMem [lowmem end, end)
 *           lowmem end = min(end, 0x377fe): Linux's default 3G/1G build
 * and, for the plain QEMU "pc" machine sizes tests/run boots, checked once
 * more against the numbers a Linux kernel reports there (golden values).
 */
#include <asm/e820.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

struct zone_expect {
	unsigned long start, end, present;
};

#ifdef CONFIG_X86_64
#define LINUX_LOWMEM_END_PFN	(~0UL)
#else
#define LINUX_LOWMEM_END_PFN	0x377feUL
#endif

static unsigned long ram_pages_in(unsigned long spfn, unsigned long epfn)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		unsigned long s = PFN_UP(e->addr), end = PFN_DOWN(e->addr + e->size);

		if (e->type != E820_TYPE_RAM)
			continue;
		s = max(s, spfn);
		end = min(end, epfn);
		if (s < end)
			n += end - s;
	}
	return n;
}

static unsigned long first_ram_pfn(void)
{
	unsigned long first = ~0UL;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++)
		if (e820_table.entries[i].type == E820_TYPE_RAM)
			first = min(first, (unsigned long)PFN_UP(e820_table.entries[i].addr));
	return first;
}

/* Fill exp[] for every zone but Movable; returns the end pfn of RAM. */
static unsigned long expected_zones(struct zone_expect *exp)
{
	unsigned long end = e820__end_ram_pfn(&e820_table, ~0UL);
	unsigned long low = min(end, LINUX_LOWMEM_END_PFN);
	unsigned long bounds[MAX_NR_ZONES];
	unsigned long start = first_ram_pfn();
	int z = 0;

	bounds[z++] = min(0x1000UL, low);		/* DMA: 16 MiB */
#ifdef CONFIG_ZONE_DMA32
	bounds[z++] = min(0x100000UL, low);		/* DMA32: 4 GiB */
#endif
	bounds[z++] = low;				/* Normal */
#ifdef CONFIG_HIGHMEM
	bounds[z++] = end;				/* HighMem */
#endif
	for (int i = 0; i < z; i++) {
		unsigned long e = max(start, bounds[i]);

		/* Linux (calculate_node_totalpages()): a zone spanning nothing starts at 0 */
		exp[i] = e > start ? (struct zone_expect){ start, e, ram_pages_in(start, e) }
				   : (struct zone_expect){ 0, 0, 0 };
		start = e;
	}
	return end;
}

static void test_mm_zone_geometry(struct ktest *t)
{
	struct zone_expect exp[MAX_NR_ZONES];
	unsigned long end = expected_zones(exp);

	EXPECT_EQ(t, max_pfn, end);
	for (int i = 0; i < MAX_NR_ZONES - 1; i++) {
		struct zone *z = &contig_page_data.node_zones[i];

		ktest_info(t, "%-7s start %#lx spanned %lu present %lu managed %lu", z->name,
			   z->zone_start_pfn, z->spanned_pages, z->present_pages, z->managed_pages);
		EXPECT_EQ(t, z->zone_start_pfn, exp[i].start);
		EXPECT_EQ(t, zone_end_pfn(z), exp[i].end);
		EXPECT_EQ(t, z->present_pages, exp[i].present);
		EXPECT_LE(t, z->managed_pages, z->present_pages);
	}
	EXPECT_EQ(t, contig_page_data.node_zones[ZONE_MOVABLE].present_pages, 0);
	EXPECT_EQ(t, contig_page_data.node_zones[ZONE_MOVABLE].spanned_pages, 0);
	EXPECT_EQ(t, contig_page_data.node_zones[ZONE_MOVABLE].zone_start_pfn, 0);
}

struct golden {
	unsigned long mem_mb;
	unsigned long spanned[3], present[3];
};

/* What Linux reports on QEMU's pc machine (DMA, DMA32|Normal, Normal|HighMem). */
static const struct golden golden[] = {
#ifdef CONFIG_X86_64
	{ 32, { 4095, 4064, 0 }, { 3998, 4064, 0 } },
	{ 512, { 4095, 126944, 0 }, { 3998, 126944, 0 } },
	{ 3072, { 4095, 782304, 0 }, { 3998, 782304, 0 } },
	{ 6144, { 4095, 1044480, 786432 }, { 3998, 782304, 786432 } },
#else
	{ 64, { 4095, 12256, 0 }, { 3998, 12256, 0 } },
	{ 1024, { 4095, 223230, 34786 }, { 3998, 223230, 34786 } },
	{ 2048, { 4095, 223230, 296930 }, { 3998, 223230, 296930 } },
	{ 6144, { 4095, 223230, 1607682 }, { 3998, 223230, 1345506 } },
#endif
};

static void test_mm_zone_golden_linux(struct ktest *t)
{
	const struct golden *g = NULL;

	if (e820_userdef)
		ktest_skip(t, "mem= or memmap= edited the memory map");
	for (unsigned int i = 0; i < ARRAY_SIZE(golden); i++)
		if (golden[i].mem_mb == test_mem_mb)
			g = &golden[i];
	if (!g)
		ktest_skip(t, "no Linux reference for %lu MiB", test_mem_mb);
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(t, contig_page_data.node_zones[i].spanned_pages, g->spanned[i]);
		EXPECT_EQ(t, contig_page_data.node_zones[i].present_pages, g->present[i]);
	}
}

/* The boot log's "Zone ranges:" lines show the zones this file expects. */
static void test_mm_zone_ranges_logged(struct ktest *t)
{
	struct zone_expect exp[MAX_NR_ZONES];
	char line[96];

	expected_zones(exp);
	for (int i = 0; i < MAX_NR_ZONES - 1; i++) {
		const char *name = contig_page_data.node_zones[i].name;

		if (exp[i].start == exp[i].end)
			snprintf(line, sizeof(line), "  %-8s empty\n", name);
		else
			snprintf(line, sizeof(line), "  %-8s [mem %#018llx-%#018llx]\n", name,
				 (unsigned long long)PFN_PHYS(exp[i].start),
				 (unsigned long long)PFN_PHYS(exp[i].end) - 1);
		EXPECT_TRUE(t, printk_logged_since(0, line));
	}
	EXPECT_TRUE(t, printk_logged_since(0, "Zone ranges:\n"));
	EXPECT_TRUE(t, printk_logged_since(0, "Early memory node ranges\n"));
}

/*
 * Every page's memmap entry agrees with e820 and memblock. A machine of up
 * to MEMMAP_CHECK_ALL pages has each one checked; a larger one every
 * step-th, step odd (so heads and tails of blocks both come up) and at most
 * 61, so that a 6 GiB machine is still sampled more densely than every 61st
 * page and 64 GiB no more sparsely.
 */
#define MEMMAP_CHECK_ALL	65536UL

static void test_mm_memmap_state(struct ktest *t)
{
	unsigned long bad_zone = 0, bad_reserved = 0, ram_checked = 0, spanned = 0, step;
	unsigned long ram = ram_pages_in(first_ram_pfn(), e820__end_ram_pfn(&e820_table, ~0UL));

	for (int i = 0; i < MAX_NR_ZONES; i++)
		spanned += contig_page_data.node_zones[i].spanned_pages;
	step = min(spanned / MEMMAP_CHECK_ALL + 1, 61UL) | 1;
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *z = &contig_page_data.node_zones[i];

		for (unsigned long pfn = z->zone_start_pfn; pfn < zone_end_pfn(z); pfn += step) {
			struct page *page;
			bool ram_pfn;

			if (!pfn_valid(pfn))
				continue;
			page = pfn_to_page(pfn);
			ram_pfn = ram_pages_in(pfn, pfn + 1) == 1;
			ram_checked += ram_pfn;
			bad_zone += page_zonenum(page) != (enum zone_type)i;
			/* RAM not reserved at boot went to the buddy allocator */
			if (!ram_pfn || memblock_is_reserved(PFN_PHYS(pfn)))
				bad_reserved += !PageReserved(page);
			else
				bad_reserved += PageReserved(page);
		}
	}
	ktest_info(t, "one page in %lu: %lu of %lu RAM pages checked", step, ram_checked, ram);
	/*
	 * The zones cover all RAM, so every step-th page of each RAM range
	 * came up: a range of n pages gives at least n / step of them, so in
	 * all at most one fewer than ram / step per e820 entry. With step 1,
	 * every RAM page.
	 */
	if (step == 1)
		EXPECT_EQ(t, ram_checked, ram);
	else
		EXPECT_GE(t, ram_checked + e820_table.nr_entries, ram / step);
	EXPECT_EQ(t, bad_zone, 0);
	EXPECT_EQ(t, bad_reserved, 0);
}

static void test_mm_managed_accounting(struct ktest *t)
{
	unsigned long managed = 0, present = 0, reserved_ram = 0;
	phys_addr_t memmap;
	struct zone *z;

	for_each_zone(z) {
		managed += z->managed_pages;
		present += z->present_pages;
	}
	EXPECT_EQ(t, managed, totalram_pages);
	for (unsigned int i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		reserved_ram += ram_pages_in(PFN_DOWN(r->base), PFN_UP(r->base + r->size));
	}
	/* what boot reserved inside RAM is exactly what the buddy allocator lacks */
	EXPECT_EQ(t, present - managed, reserved_ram);
	/*
	 * The memmap describes at most every page frame below max_pfn, holes
	 * included (flatmem does; vmemmap only present sections, in 2 MiB
	 * pieces); everything else boot keeps is small.
	 */
	memmap = memblock_reserved_kind_size(MEMBLOCK_MEMMAP);
	EXPECT_ULE(t, memmap, ALIGN((u64)ALIGN(max_pfn, MAX_ORDER_NR_PAGES) * sizeof(struct page),
				   2ULL << 20));
	if (present >= (4UL << (30 - PAGE_SHIFT))) {
		ktest_info(t, "managed %lu of %lu present pages, memmap %llu KiB", managed, present,
			   (unsigned long long)(memmap >> 10));
		EXPECT_GE(t, (managed + PFN_UP(memmap)) * 100, present * 99);
	}
	EXPECT_LE(t, sizeof(struct page), sizeof(long) == 8 ? 32 : 24);
}

/*
 * min_free_kbytes, each zone's watermarks and lowmem_reserve, and the
 * per-CPU list sizes, against Linux's formulas written again in 64-bit in
 * mm_checks.c (expect_*): a 32-bit overflow in mm/ (i386 HighMem on 64 GiB)
 * shows here.
 */
static void test_mm_watermarks(struct ktest *t)
{
	struct zone *z;

	EXPECT_EQ(t, (unsigned long)min_free_kbytes, expect_min_free_kbytes());
	for_each_zone(z) {
		ktest_info(t, "%-7s min %lu low %lu high %lu (expected %lu %lu %lu)", z->name,
			   min_wmark_pages(z), low_wmark_pages(z), high_wmark_pages(z),
			   expect_wmark(z, WMARK_MIN), expect_wmark(z, WMARK_LOW),
			   expect_wmark(z, WMARK_HIGH));
		EXPECT_EQ(t, z->watermark_boost, 0);
		EXPECT_EQ(t, min_wmark_pages(z), expect_wmark(z, WMARK_MIN));
		EXPECT_EQ(t, low_wmark_pages(z), expect_wmark(z, WMARK_LOW));
		EXPECT_EQ(t, high_wmark_pages(z), expect_wmark(z, WMARK_HIGH));
		EXPECT_EQ(t, wmark_pages(z, WMARK_PROMO), expect_wmark(z, WMARK_PROMO));
		EXPECT_EQ(t, (unsigned long)z->pcp_batch, expect_pcp_batch(z));
		EXPECT_EQ(t, (unsigned long)z->pcp_high, expect_pcp_high(z));
		EXPECT_EQ(t, (unsigned long)this_cpu_pcp(z)->batch, expect_pcp_batch(z));
		EXPECT_EQ(t, (unsigned long)this_cpu_pcp(z)->high, expect_pcp_high(z));
	}
}

static void test_mm_lowmem_reserve(struct ktest *t)
{
	struct zone *zones = contig_page_data.node_zones;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		for (int j = 0; j < MAX_NR_ZONES; j++)
			EXPECT_EQ(t, zones[i].lowmem_reserve[j],
				  expect_lowmem_reserve((enum zone_type)i, (enum zone_type)j));
}

/*
 * Linux 5.18 and later (build_zonerefs_node()) list every zone with RAM,
 * populated_zone(), even one whose pages boot reserved in full: memory can
 * come back to it later. Before 5.18 it was managed_zone().
 */
static void test_mm_zonelist_order(struct ktest *t)
{
	struct zone **zp = contig_page_data.node_zonelist.zones;
	int last = MAX_NR_ZONES, n = 0;

	for (; *zp; zp++, n++) {
		EXPECT_LT(t, zone_idx(*zp), last);	/* strictly highest first */
		EXPECT_NE(t, (*zp)->present_pages, 0UL);
		last = zone_idx(*zp);
	}
	for (int i = 0; i < MAX_NR_ZONES; i++)
		n -= contig_page_data.node_zones[i].present_pages != 0;
	EXPECT_EQ(t, n, 0);	/* every zone with RAM is listed */
}

static struct ktest_case mm_init_cases[] = {
	KTEST_CASE(test_mm_zone_geometry),
	KTEST_CASE(test_mm_zone_golden_linux),
	KTEST_CASE(test_mm_zone_ranges_logged),
	KTEST_CASE(test_mm_memmap_state),
	KTEST_CASE(test_mm_managed_accounting),
	KTEST_CASE(test_mm_watermarks),
	KTEST_CASE(test_mm_lowmem_reserve),
	KTEST_CASE(test_mm_zonelist_order),
	{}
};

static struct ktest_suite mm_init_suite = {
	.name = "mm_init", .cases = mm_init_cases,
};
KTEST_SUITE(mm_init_suite);
