// SPDX-License-Identifier: MIT
/*
 * tests/kernel/vmalloc_test.c - vmalloc, vmap and the __GFP_HIGHMEM rule.
 *
 * Contents written through a vmalloc address are read back through a
 * kmap() of each page vmalloc_to_page() finds, and the other way round;
 * vzalloc memory is zero; the lookups agree with each other and with the
 * area's size (its pages plus the guard page). Which zones the pages come
 * from is checked page by page against Linux's zone limits, written here
 * (16 MiB, 4 GiB, the end of low memory), under the rule the boot
 * parameter vmalloc_highmem= selected: read from vmalloc_highmem_rule, the
 * parsed value. Under 2017-03 and 2017-08 the suite asserts each rule's
 * symptom (x86_64: the invalid-zone warning and a NULL vmalloc_32; i386
 * PAE with RAM above 4 GiB: vmalloc_32 pages in HighMem above 4 GiB, which
 * the saa7146-like check below reports); under the default, the correct
 * behaviour. Bad input (double vfree, a pointer inside an area, vunmap of
 * a vmalloc area, vfree from an interrupt, size 0 and sizes beyond RAM)
 * must warn naming the caller and free nothing twice; a write one byte
 * past an area faults in its guard page. meminfo's Vmalloc lines and the
 * vmallocinfo line of a fresh area are parsed back from the log.
 */
#include <asm/pgtable.h>
#include <asm/pgtable_areas.h>
#include <kernel/bug.h>
#include <kernel/hardirq.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include <mm/vmstat.h>
#include "mm_checks.h"
#ifndef CONFIG_HOSTED
#include <asm/extable.h>
#include <asm/irq.h>
#endif

/* Linux's zone boundaries on x86 (arch/x86/mm/init.c: MAX_DMA_PFN, MAX_DMA32_PFN) */
#define DMA_LIMIT_PFN		(16ULL << (20 - PAGE_SHIFT))	/* 16 MiB */
#define DMA32_LIMIT_PFN		(4ULL << (30 - PAGE_SHIFT))	/* 4 GiB */

static u32 pattern(u32 seed, unsigned long i)
{
	return (u32)(i * 2654435761u) ^ seed;
}

/* The RAM a request of size bytes would leave: skip sizes the machine cannot spare. */
static bool fits(unsigned long size)
{
	return (u64)PAGE_ALIGN(size) / PAGE_SIZE * 2 + 64 < free_pages_now();
}

/*
 * Write a pattern through the mapping, check every lookup against the
 * area, read each page back through a kmap() of vmalloc_to_page(), then
 * write through the kmap and read through the mapping.
 */
static void check_area(struct ktest *t, void *p, unsigned long size, u32 seed)
{
	unsigned long pages = PAGE_ALIGN(size) / PAGE_SIZE, bad = 0;
	struct vm_struct *area = find_vm_area(p);
	u8 *bytes = p;

	ASSERT_NOT_NULL(t, area);
	EXPECT_TRUE(t, is_vmalloc_addr(p));
	EXPECT_TRUE(t, is_vmalloc_addr(bytes + size - 1));
	EXPECT_PTR_EQ(t, area->addr, p);
	EXPECT_EQ(t, area->size, (pages + 1) * PAGE_SIZE);	/* the pages and the guard */
	EXPECT_EQ(t, get_vm_area_size(area), pages * PAGE_SIZE);
	EXPECT_EQ(t, area->nr_pages, pages);
	EXPECT_PTR_EQ(t, find_vm_area(bytes + size - 1), area);
	EXPECT_TRUE(t, area->flags & VM_ALLOC);
	EXPECT_FALSE(t, area->flags & VM_UNINITIALIZED);
	/* the guard page: nothing mapped */
	EXPECT_NULL(t, vmalloc_to_page(bytes + pages * PAGE_SIZE));

	for (unsigned long i = 0; i < size; i++)
		bytes[i] = (u8)pattern(seed, i);
	for (unsigned long pg = 0; pg < pages; pg++) {
		void *va = bytes + pg * PAGE_SIZE;
		struct page *page = vmalloc_to_page(va);
		unsigned long n = min(size - pg * PAGE_SIZE, PAGE_SIZE);
		u8 *k;

		if (page != area->pages[pg] || vmalloc_to_pfn(va) != page_to_pfn(page)) {
			if (!bad++)
				ktest_info(t, "page %lu: vmalloc_to_page %p, area's %p", pg, page,
					   area->pages[pg]);
			continue;
		}
		k = kmap(page);		/* the persistent kmap: a PKMAP slot for HighMem */
		if (!k) {
			if (!bad++)
				ktest_info(t, "page %lu: kmap() gave NULL", pg);
			continue;
		}
		for (unsigned long i = 0; i < n; i++) {
			if (k[i] != (u8)pattern(seed, pg * PAGE_SIZE + i) && !bad++)
				ktest_info(t, "page %lu byte %lu differs through kmap", pg, i);
			k[i] = (u8)pattern(~seed, pg * PAGE_SIZE + i);
		}
		kunmap(page);
	}
	for (unsigned long i = 0; i < size; i++)
		if (bytes[i] != (u8)pattern(~seed, i) && !bad++)
			ktest_info(t, "byte %lu written through kmap differs through vmalloc", i);
	EXPECT_EQ(t, bad, 0);
}

static void check_zero(struct ktest *t, const void *p, unsigned long size)
{
	const u8 *b = p;
	unsigned long nonzero = 0;

	/* the whole pages: __GFP_ZERO clears the tail of the last page too */
	for (unsigned long i = 0; i < PAGE_ALIGN(size); i++)
		nonzero += b[i] != 0;
	EXPECT_EQ(t, nonzero, 0);
}

static const unsigned long small_sizes[] = {
	1, 100, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE, 65536 + 5,
	512 * PAGE_SIZE, 513 * PAGE_SIZE, 1UL << 20,
};

static void test_vmalloc_small_sizes(struct ktest *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(small_sizes); i++) {
		unsigned long size = small_sizes[i];
		void *p = vmalloc(size), *z;

		ASSERT_NOT_NULL(t, p);
		check_area(t, p, size, (u32)i);
		vfree(p);
		z = vzalloc(size);
		ASSERT_NOT_NULL(t, z);
		check_zero(t, z, size);
		check_area(t, z, size, (u32)i + 100);
		vfree(z);
	}
}

/* 4, 16 and 64 MiB (and an odd size): the page array itself is vmalloc'ed. */
static void test_vmalloc_large_sizes(struct ktest *t)
{
	static const unsigned long sizes[] = { (4UL << 20) + 123, 16UL << 20, 64UL << 20 };
	unsigned int done = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p;

		if (!fits(sizes[i])) {
			ktest_info(t, "%lu bytes: the machine cannot spare them", sizes[i]);
			continue;
		}
		if (sizes[i] + 2 * PAGE_SIZE > vmap_largest_free(VMALLOC_START, VMALLOC_END)) {
			ktest_info(t, "%lu bytes: larger than the vmalloc range's largest gap", sizes[i]);
			continue;
		}
		p = vzalloc(sizes[i]);
		ASSERT_NOT_NULL(t, p);
		check_zero(t, p, sizes[i]);
		check_area(t, p, sizes[i], (u32)i);
		EXPECT_TRUE(t, is_vmalloc_addr(find_vm_area(p)->pages));
		vfree(p);
		done++;
	}
	if (!done)
		ktest_skip(t, "no size from 4 MiB up fits this machine");
}

static void test_vmalloc_user_flavours(struct ktest *t)
{
	void *u = vmalloc_user(3 * PAGE_SIZE), *u32;

	ASSERT_NOT_NULL(t, u);
	EXPECT_TRUE(t, find_vm_area(u)->flags & VM_USERMAP);
	check_zero(t, u, 3 * PAGE_SIZE);
	vfree(u);
#ifdef CONFIG_X86_64
	if (vmalloc_highmem_rule == VMALLOC_HIGHMEM_2017_03) {
		/* DMA32|HIGHMEM: test_vmalloc_highmem_rule_symptom says more */
		EXPECT_WARN(t, u32 = vmalloc_32_user(3 * PAGE_SIZE));
		EXPECT_NULL(t, u32);
		return;
	}
#endif
	u32 = vmalloc_32_user(3 * PAGE_SIZE);
	ASSERT_NOT_NULL(t, u32);
	EXPECT_TRUE(t, find_vm_area(u32)->flags & VM_USERMAP);
	check_zero(t, u32, 3 * PAGE_SIZE);
	vfree(u32);
}

/*** zones ***/

/* 16 MiB, or a quarter of what is free on a machine with less to spare. */
static unsigned long zone_test_size(void)
{
	unsigned long quarter = free_pages_now() / 4 * PAGE_SIZE;

	return min(16UL << 20, max(quarter, PAGE_SIZE));
}

struct zone_census {
	unsigned long pages, highmem, above_4g, below_16m, lowmem;
};

static struct zone_census census(const void *p)
{
	const struct vm_struct *area = find_vm_area(p);
	struct zone_census c = { 0 };

	for (unsigned int i = 0; area && i < area->nr_pages; i++) {
		unsigned long pfn = page_to_pfn(area->pages[i]);

		c.pages++;
		c.highmem += PageHighMem(area->pages[i]);
		c.above_4g += pfn >= DMA32_LIMIT_PFN;
		c.below_16m += pfn < DMA_LIMIT_PFN;
		c.lowmem += pfn < max_low_pfn;
	}
	return c;
}

/*
 * saa7146's vmalloc_to_sg() (drivers/media/common/saa7146/saa7146_core.c)
 * walked the pages of a vmalloc_32() buffer to build a DMA list and had
 * BUG_ON(PageHighMem(pg)) where it found each page: in 2018 that crashed
 * i386 machines (the rules in mm/vmalloc_highmem.c). The same walk, but the first
 * HighMem page is reported, in one line naming the caller, the page and
 * its zone, the walk goes on, and a last line counts them all. Returns the
 * number of HighMem pages found. It lives here, not in the kernel: it is a
 * model of a driver's assumption, which only a test should make.
 */
static unsigned long saa7146_like_vmalloc_to_sg(const void *virt, unsigned long nr_pages,
						const void *caller)
{
	unsigned long highmem = 0, above_4g = 0;

	for (unsigned long i = 0; i < nr_pages; i++) {
		struct page *pg = vmalloc_to_page((const u8 *)virt + i * PAGE_SIZE);

		if (!pg)
			return highmem;
		above_4g += page_to_pfn(pg) >= DMA32_LIMIT_PFN;
		if (PageHighMem(pg) && !highmem++)
			pr_err("saa7146-like check in %ps: vmalloc_32() page %lu (pfn %#lx) is in "
			       "zone %s: saa7146's BUG_ON(PageHighMem(pg)) would fire here\n", caller, i,
			       page_to_pfn(pg), page_zone(pg)->name);
	}
	if (highmem)
		pr_err("saa7146-like check in %ps: %lu of %lu vmalloc_32() pages are HighMem, "
		       "%lu above 4 GiB\n", caller, highmem, nr_pages, above_4g);
	return highmem;
}

#ifdef CONFIG_HIGHMEM
/* Does this machine have HighMem above 4 GiB (i386 PAE with more than 4 GiB)? */
static bool highmem_above_4g(void)
{
	return max_pfn > DMA32_LIMIT_PFN && max_low_pfn < max_pfn;
}

/*
 * Which free HighMem block the allocator hands out first depends on what
 * ran before (a fresh boot gives the top of RAM first; after the
 * page_alloc suite, anything). To show that a HighMem-capable request may
 * get RAM above 4 GiB, take every free HighMem block below 4 GiB first
 * (held, to be given back with block_free_all()): what HighMem has left
 * then lies above 4 GiB, but for the few pages below the zone's min
 * watermark, which no ordinary request may take. Only the struct pages are
 * touched (block_push), so this costs the host nothing in a large guest.
 */
static void hold_highmem_below_4g(struct block_list *held)
{
	struct block_list above = { 0 };

	free_pages_now();	/* nothing below 4 GiB left on a per-CPU list */
	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *pg;

		while ((pg = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, (unsigned int)order))) {
			if (!PageHighMem(pg)) {	/* HighMem has no more of this order */
				__free_pages(pg, (unsigned int)order);
				break;
			}
			block_push(page_to_pfn(pg) < DMA32_LIMIT_PFN ? held : &above, pg,
				   (unsigned int)order);
		}
	}
	block_free_all(&above);
}
#endif

/*
 * Plain vmalloc's mask, GFP_KERNEL | __GFP_HIGHMEM, allows HighMem on i386
 * and Normal on x86_64 as its highest zone (Linux's GFP_ZONE_TABLE,
 * reference 1.3), and the allocator takes from the highest zone first.
 */
#ifdef CONFIG_HIGHMEM
#define PLAIN_TOP_ZONE	ZONE_HIGHMEM
#define PLAIN_TOP_NAME	"HighMem"
#else
#define PLAIN_TOP_ZONE	ZONE_NORMAL
#define PLAIN_TOP_NAME	"Normal"
#endif

/* Pages the top zone has above its high watermark (expect_wmark(): Linux's formula). */
static unsigned long top_zone_spare(void)
{
	struct zone *z = &contig_page_data.node_zones[PLAIN_TOP_ZONE];
	unsigned long free, mark;

	free_pages_now();
	if (!populated_zone(z))
		return 0;
	free = READ_ONCE(z->nr_free);
	mark = expect_wmark(z, WMARK_HIGH);
	return free > mark ? free - mark : 0;
}

/* Every page of a plain vmalloc from the top zone; 16 MiB, or half what the zone can spare. */
static void test_vmalloc_plain_uses_highest_zone(struct ktest *t)
{
	struct zone *top = &contig_page_data.node_zones[PLAIN_TOP_ZONE];
	unsigned long size = min(zone_test_size(), top_zone_spare() / 2 * PAGE_SIZE);
	struct zone_census c;
	void *p;

	if (!populated_zone(top))
		ktest_skip(t, "no " PLAIN_TOP_NAME " zone: plain vmalloc uses the zones below it");
	if (!size)
		ktest_skip(t, "zone %s has no pages above its high watermark", top->name);
	p = vmalloc(size);
	ASSERT_NOT_NULL(t, p);
	c = census(p);
	ktest_info(t, "%lu pages: %lu HighMem, %lu above 4 GiB, %lu lowmem", c.pages, c.highmem,
		   c.above_4g, c.lowmem);
	for (unsigned int i = 0; i < c.pages; i++)
		if (page_zonenum(find_vm_area(p)->pages[i]) != PLAIN_TOP_ZONE) {
			ktest_info(t, "page %u (pfn %#lx) is in zone %s", i,
				   page_to_pfn(find_vm_area(p)->pages[i]),
				   page_zone(find_vm_area(p)->pages[i])->name);
			EXPECT_EQ(t, page_zonenum(find_vm_area(p)->pages[i]), PLAIN_TOP_ZONE);
			break;
		}
#ifdef CONFIG_HIGHMEM
	EXPECT_EQ(t, c.highmem, c.pages);
	if (highmem_above_4g()) {
		struct block_list held = { 0 };

		vfree(p);
		hold_highmem_below_4g(&held);
		p = vmalloc(size);
		c = census(p);
		block_free_all(&held);
		ASSERT_NOT_NULL(t, p);
		ktest_info(t, "HighMem below 4 GiB held: %lu HighMem, %lu above 4 GiB",
			   c.highmem, c.above_4g);
		EXPECT_GT(t, c.above_4g, 0);
	}
#else
	/* x86_64: ZONE_NORMAL is RAM above 4 GiB */
	EXPECT_EQ(t, c.above_4g, c.pages);
#endif
	vfree(p);
}

/* vmalloc_32: every page below 4 GiB and in low memory, under the default rule. */
static void test_vmalloc_32_below_4g(struct ktest *t)
{
	const unsigned long size = zone_test_size();
	struct zone_census c;
	void *p;

	if (vmalloc_highmem_rule != VMALLOC_HIGHMEM_2018)
		ktest_skip(t, "vmalloc_highmem=%s: test_vmalloc_highmem_rule_symptom checks it",
			   vmalloc_highmem_rule_name(vmalloc_highmem_rule));
	/* every rule gives low pages below 4 GiB when there are no others */
	if (max_pfn <= max_low_pfn && max_pfn <= (1UL << (32 - PAGE_SHIFT)))
		ktest_skip(t, "all %lu MiB of RAM is low memory below 4 GiB: no rule can go wrong here",
			   max_pfn >> (20 - PAGE_SHIFT));
	p = vmalloc_32(size);
	ASSERT_NOT_NULL(t, p);
	c = census(p);
	EXPECT_EQ(t, c.pages, size / PAGE_SIZE);
	EXPECT_EQ(t, c.above_4g, 0);
	EXPECT_EQ(t, c.highmem, 0);
	EXPECT_EQ(t, c.lowmem, c.pages);
	EXPECT_EQ(t, saa7146_like_vmalloc_to_sg(p, size / PAGE_SIZE, test_vmalloc_32_below_4g), 0);
	vfree(p);
}

/* __vmalloc(GFP_KERNEL | __GFP_DMA): no __GFP_HIGHMEM, ZONE_DMA, below 16 MiB. */
static void test_vmalloc_gfp_dma_below_16m(struct ktest *t)
{
	const unsigned long size = 64 * PAGE_SIZE;
	struct zone_census c;
	void *p;

	if (vmalloc_highmem_rule == VMALLOC_HIGHMEM_2017_03) {
		/* 19809c2da28a added __GFP_HIGHMEM to this too: DMA|HIGHMEM, invalid */
		p = (void *)1;
		EXPECT_WARN(t, p = __vmalloc(size, GFP_KERNEL | __GFP_DMA));
		EXPECT_NULL(t, p);
		return;
	}
	if (!zone_dma_usable() || contig_page_data.node_zones[ZONE_DMA].nr_free < 2 * 64 + 64)
		ktest_skip(t, "ZONE_DMA cannot spare 64 pages");
	p = __vmalloc(size, GFP_KERNEL | __GFP_DMA);
	ASSERT_NOT_NULL(t, p);
	c = census(p);
	EXPECT_EQ(t, c.pages, 64);
	EXPECT_EQ(t, c.below_16m, 64);
	check_area(t, p, size, 7);
	vfree(p);
}

/*
 * The rule in force, and its symptom: read from the parsed parameter.
 *   2017-03 (19809c2da28a): __GFP_HIGHMEM on every request. 64-bit:
 *     vmalloc_32's GFP_DMA32 becomes DMA32|HIGHMEM, which gfp_zone() calls
 *     invalid (GFP_ZONE_BAD, reference 1.3): one warning, and NULL.
 *   2017-03 and 2017-08 (704b862f9efd) on 32-bit: GFP_VMALLOC32 is plain
 *     GFP_KERNEL, so vmalloc_32 gets HighMem pages, above 4 GiB with PAE.
 *   2018 (698d0831ba87): GFP_DMA32|GFP_KERNEL on 32-bit too: low memory.
 */
static void test_vmalloc_highmem_rule_symptom(struct ktest *t)
{
	const unsigned long size = zone_test_size();
	enum vmalloc_highmem_rule rule = vmalloc_highmem_rule;
	struct zone_census c;
	void *p = NULL;

	ktest_info(t, "vmalloc_highmem=%s", vmalloc_highmem_rule_name(rule));
#ifdef CONFIG_X86_64
	if (rule == VMALLOC_HIGHMEM_2017_03) {
		u64 mark = printk_log_mark();
		char line[200], mode[24];

		EXPECT_WARN(t, p = vmalloc_32(PAGE_SIZE));
		EXPECT_NULL(t, p);
		EXPECT_TRUE(t, logged_line(mark, "invalid zone modifiers", line, sizeof(line)));
		ktest_info(t, "vmalloc_32() warned: %s", line);	/* the console was quiet */
		/* vmalloc_32's GFP_DMA32|GFP_KERNEL, the implicit HIGHMEM, vmalloc's NOWARN */
		snprintf(mode, sizeof(mode), "mode:%#x(",
			 GFP_KERNEL | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_NOWARN);
		EXPECT_NOT_NULL(t, strstr(line, mode));
		EXPECT_TRUE(t, logged_line(mark, "vmalloc error: size 0, failed to allocate pages",
					   line, sizeof(line)));
		ktest_info(t, "and returned NULL: %s", line);
		EXPECT_NOT_NULL(t, strstr(line, "test_vmalloc_highmem_rule_symptom"));
		vfree(p);
		return;
	}
#endif
#ifdef CONFIG_HIGHMEM
	if (rule != VMALLOC_HIGHMEM_2018 && highmem_above_4g()) {
		struct block_list held = { 0 };

		hold_highmem_below_4g(&held);	/* so that HighMem pages lie above 4 GiB */
		p = vmalloc_32(size);
		block_free_all(&held);
	} else {
		p = vmalloc_32(size);
	}
#else
	p = vmalloc_32(size);
#endif
	ASSERT_NOT_NULL(t, p);
	c = census(p);
	ktest_info(t, "vmalloc_32: %lu pages: %lu HighMem, %lu above 4 GiB, %lu lowmem", c.pages,
		   c.highmem, c.above_4g, c.lowmem);
	EXPECT_EQ(t, c.pages, size / PAGE_SIZE);
#ifdef CONFIG_HIGHMEM
	if (rule != VMALLOC_HIGHMEM_2018 && max_low_pfn < max_pfn) {
		u64 mark = printk_log_mark();
		unsigned long reported;
		char line[200];

		/* the regression of 2017-2018: vmalloc_32 handing out HighMem */
		EXPECT_GT(t, c.highmem, 0);
		if (highmem_above_4g())
			EXPECT_GT(t, c.above_4g, 0);
		reported = saa7146_like_vmalloc_to_sg(p, c.pages, test_vmalloc_highmem_rule_symptom);
		EXPECT_EQ(t, reported, c.highmem);
		EXPECT_TRUE(t, logged_line(mark, "saa7146's BUG_ON(PageHighMem(pg))", line,
					   sizeof(line)));
		EXPECT_NOT_NULL(t, strstr(line, "test_vmalloc_highmem_rule_symptom"));
		EXPECT_NOT_NULL(t, strstr(line, "HighMem"));
		vfree(p);
		if (!highmem_above_4g())
			ktest_skip(t, "HighMem pages, but no RAM above 4 GiB to land in");
		return;
	}
#endif
	EXPECT_EQ(t, c.highmem, 0);
	EXPECT_EQ(t, c.above_4g, 0);
	EXPECT_EQ(t, saa7146_like_vmalloc_to_sg(p, c.pages, test_vmalloc_highmem_rule_symptom), 0);
	vfree(p);
#ifdef CONFIG_HIGHMEM
	if (max_low_pfn >= max_pfn)
		ktest_skip(t, "no HighMem: every rule gives low memory here");
#endif
}

/*** bad input ***/

/* A write one byte past an area lands in its guard page and faults. */
static void test_vmalloc_guard_page_fault(struct ktest *t)
{
	const unsigned long size = 2 * PAGE_SIZE;
	u8 *p = vmalloc(size);
	char where[192], expect[96];

	ASSERT_NOT_NULL(t, p);
	EXPECT_FALSE(t, arch_query((unsigned long)p + size, NULL, NULL, NULL));
	EXPECT_NULL(t, vmalloc_to_page(p + size));
	ASSERT_TRUE(t, vmalloc_describe_addr((unsigned long)p + size, where, sizeof(where)));
	snprintf(expect, sizeof(expect), "in guard page of vmalloc area 0x%p-0x%p allocated by ",
		 p, p + size + PAGE_SIZE);
	EXPECT_NOT_NULL(t, strstr(where, expect));
	EXPECT_NOT_NULL(t, strstr(where, "by test_vmalloc_guard_page_fault+"));
	ASSERT_TRUE(t, vmalloc_describe_addr((unsigned long)p + size - 1, where, sizeof(where)));
	EXPECT_EQ(t, strncmp(where, "in vmalloc area 0x", 18), 0);	/* inside: not the guard */
#ifndef CONFIG_HOSTED
	{
		unsigned long before = last_fixup.count;

		EXPECT_EQ(t, probe_write_u8(p + size - 1, 0x5a), 0);	/* control */
		EXPECT_EQ(t, probe_write_u8(p + size, 0x5a), -EFAULT);
		EXPECT_EQ(t, last_fixup.count, before + 1);
		EXPECT_EQ(t, last_fixup.vector, 14);
		EXPECT_EQ(t, last_fixup.cr2, (unsigned long)p + size);
	}
#endif
	vfree(p);
}

static void test_vmalloc_double_vfree(struct ktest *t)
{
	u8 *p = vmalloc(3 * PAGE_SIZE);
	unsigned long used;
	u64 mark;
	char line[200], expect[64];

	ASSERT_NOT_NULL(t, p);
	used = vmalloc_nr_pages();
	vfree(p);
	EXPECT_EQ(t, vmalloc_nr_pages(), used - 3);
	mark = printk_log_mark();
	EXPECT_WARN(t, vfree(p));
	EXPECT_EQ(t, vmalloc_nr_pages(), used - 3);	/* nothing freed twice */
	snprintf(expect, sizeof(expect), "nonexistent vm area (%p)", p);
	EXPECT_TRUE(t, logged_line(mark, expect, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "from test_vmalloc_double_vfree+"));
}

static void test_vmalloc_vfree_bad_pointer(struct ktest *t)
{
	u8 *p = vmalloc(3 * PAGE_SIZE);
	unsigned long used, areas;
	u64 mark;
	char line[200], expect[64];

	ASSERT_NOT_NULL(t, p);
	memset(p, 0x77, 3 * PAGE_SIZE);
	used = vmalloc_nr_pages();
	areas = vmalloc_nr_areas();
	mark = printk_log_mark();
	EXPECT_WARN(t, vfree(p + PAGE_SIZE));		/* inside, page aligned */
	snprintf(expect, sizeof(expect), "nonexistent vm area (%p)", p + PAGE_SIZE);
	EXPECT_TRUE(t, logged_line(mark, expect, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "from test_vmalloc_vfree_bad_pointer+"));
	/* not page aligned: Linux's remove_vm_area() and vfree() both warn */
	EXPECT_WARNS(t, vfree(p + 1), 2);
	/*
	 * Not a vmalloc address at all, and never page aligned (a stack
	 * address can be, under ASan's fake stacks: then only one warns).
	 */
	EXPECT_WARNS(t, vfree((u8 *)&used + 1), 2);
	EXPECT_EQ(t, vmalloc_nr_pages(), used);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	EXPECT_PTR_EQ(t, find_vm_area(p)->addr, p);
	EXPECT_EQ(t, p[0] + p[3 * PAGE_SIZE - 1], 2 * 0x77);	/* still mapped */
	vfree(p);
}

/* vunmap() is for vmap() areas: a vmalloc() area is refused, its pages kept. */
static void test_vmalloc_vunmap_of_vmalloc_area(struct ktest *t)
{
	u8 *p = vmalloc(2 * PAGE_SIZE);
	unsigned long used;
	u64 mark;
	char line[200], expect[48];

	ASSERT_NOT_NULL(t, p);
	p[PAGE_SIZE] = 0x42;
	used = vmalloc_nr_pages();
	mark = printk_log_mark();
	EXPECT_WARN(t, vunmap(p));
	snprintf(expect, sizeof(expect), "vunmap(%p)", p);
	EXPECT_TRUE(t, logged_line(mark, expect, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "from test_vmalloc_vunmap_of_vmalloc_area+"));
	EXPECT_EQ(t, vmalloc_nr_pages(), used);
	EXPECT_EQ(t, p[PAGE_SIZE], 0x42);
	EXPECT_WARN(t, vunmap(p + PAGE_SIZE));	/* not an area's start */
	vfree(p);
}

static void test_vmalloc_size_zero(struct ktest *t)
{
	void *p = (void *)1;

	clear_warn_once();
	EXPECT_WARN(t, p = vmalloc(0));
	EXPECT_NULL(t, p);
	p = (void *)1;
	clear_warn_once();
	EXPECT_WARN(t, p = vzalloc(0));
	EXPECT_NULL(t, p);
}

/* More than all of RAM: Linux's "exceeds total pages" line, unless __GFP_NOWARN. */
static void test_vmalloc_larger_than_ram(struct ktest *t)
{
	unsigned long size;
	u64 mark;
	char line[200], expect[80];

	if (totalram_pages >= (~0UL >> PAGE_SHIFT))
		ktest_skip(t, "RAM larger than an unsigned long can say in bytes");
	size = (totalram_pages + 1) << PAGE_SHIFT;
	mark = printk_log_mark();
	EXPECT_NULL(t, vmalloc(size));
	snprintf(expect, sizeof(expect), "vmalloc error: size %lu, exceeds total pages", size);
	EXPECT_TRUE(t, logged_line(mark, expect, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "test_vmalloc_larger_than_ram+"));
	mark = printk_log_mark();
	EXPECT_NULL(t, __vmalloc(size, GFP_KERNEL | __GFP_NOWARN));
	EXPECT_EQ(t, printk_log_count(mark, "vmalloc error"), 0);
}

/* vmap() pages the caller owns (HighMem too), with prot and NX; vunmap() leaves them. */
static void test_vmalloc_vmap_round_trip(struct ktest *t)
{
	struct page *pages[4];
	struct vm_struct *area;
	u8 *v;
	pteval_t flags;
	phys_addr_t pa;

	for (int i = 0; i < 4; i++) {
		u8 *k;

		pages[i] = alloc_page(GFP_HIGHUSER);
		ASSERT_NOT_NULL(t, pages[i]);
		k = kmap_local_page(pages[i]);
		memset(k, 0x10 + i, PAGE_SIZE);
		kunmap_local(k);
	}
	v = vmap(pages, 4, VM_MAP, PAGE_KERNEL);
	ASSERT_NOT_NULL(t, v);
	area = find_vm_area(v);
	ASSERT_NOT_NULL(t, area);
	EXPECT_EQ(t, area->size, 5 * PAGE_SIZE);
	EXPECT_TRUE(t, area->flags & VM_MAP);
	EXPECT_FALSE(t, area->flags & VM_ALLOC);
	for (int i = 0; i < 4; i++) {
		EXPECT_PTR_EQ(t, vmalloc_to_page(v + i * PAGE_SIZE), pages[i]);
		EXPECT_EQ(t, v[i * PAGE_SIZE + 17], 0x10 + i);
		v[i * PAGE_SIZE + 18] = (u8)(0x80 + i);
		ASSERT_TRUE(t, arch_query((unsigned long)v + i * PAGE_SIZE, &pa, &flags, NULL));
		EXPECT_EQ(t, pa, page_to_phys(pages[i]));
		EXPECT_TRUE(t, flags & _PAGE_RW);
		EXPECT_EQ(t, flags & _PAGE_NX, __supported_pte_mask & _PAGE_NX);	/* pgprot_nx */
	}
	EXPECT_FALSE(t, arch_query((unsigned long)v + 4 * PAGE_SIZE, NULL, NULL, NULL));
	vunmap(v);
	for (int i = 0; i < 4; i++) {
		u8 *k = kmap_local_page(pages[i]);

		EXPECT_FALSE(t, arch_query((unsigned long)v + i * PAGE_SIZE, NULL, NULL, NULL));
		EXPECT_EQ(t, page_count(pages[i]), 1);
		EXPECT_EQ(t, k[18], 0x80 + i);
		kunmap_local(k);
	}

	/* a read-only mapping */
	v = vmap(pages, 1, VM_MAP, PAGE_KERNEL_RO);
	ASSERT_NOT_NULL(t, v);
	ASSERT_TRUE(t, arch_query((unsigned long)v, NULL, &flags, NULL));
	EXPECT_FALSE(t, flags & _PAGE_RW);
	vunmap(v);

	/* VM_NO_GUARD is refused with a warning and the guard added back */
	clear_warn_once();
	EXPECT_WARN(t, v = vmap(pages, 2, VM_MAP | VM_NO_GUARD, PAGE_KERNEL));
	ASSERT_NOT_NULL(t, v);
	EXPECT_EQ(t, find_vm_area(v)->size, 3 * PAGE_SIZE);
	vunmap(v);
	clear_warn_once();
	EXPECT_WARN(t, v = vmap(pages, 2, VM_MAP | VM_FLUSH_RESET_PERMS, PAGE_KERNEL));
	EXPECT_NULL(t, v);
	EXPECT_NULL(t, vmap(pages, (unsigned int)totalram_pages + 1, VM_MAP, PAGE_KERNEL));
	for (int i = 0; i < 4; i++)
		__free_page(pages[i]);
}

/* VM_MAP_PUT_PAGES: vfree() frees the pages and the array (the leak check sees to it). */
static void test_vmalloc_vmap_put_pages(struct ktest *t)
{
	struct page **pages = kmalloc(3 * sizeof(*pages), GFP_KERNEL);
	u8 *v;

	ASSERT_NOT_NULL(t, pages);
	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		ASSERT_NOT_NULL(t, pages[i]);
	}
	v = vmap(pages, 3, VM_MAP | VM_MAP_PUT_PAGES, PAGE_KERNEL);
	ASSERT_NOT_NULL(t, v);
	EXPECT_EQ(t, find_vm_area(v)->nr_pages, 3);
	EXPECT_EQ(t, v[2 * PAGE_SIZE + 5], 0);
	vfree(v);
}

/* What the next "interrupt" does: vfree(irq_arg), or vmalloc(irq_arg bytes) into irq_result. */
static bool irq_saw_interrupt, irq_does_vmalloc;
static void *irq_arg, *irq_result;

static void irq_work(void)
{
	irq_saw_interrupt = in_interrupt();
	if (irq_does_vmalloc)
		irq_result = vmalloc((unsigned long)irq_arg);
	else
		vfree(irq_arg);
}

#ifndef CONFIG_HOSTED
/* IRQ 3 (COM2) is free in mmos: a software interrupt on its vector runs do_irq(3). */
#define TEST_IRQ	3

static void test_irq_handler(unsigned int irq)
{
	(void)irq;
	irq_work();
}

static void run_in_interrupt(bool does_vmalloc, void *arg)
{
	irq_does_vmalloc = does_vmalloc;
	irq_arg = arg;
	request_irq(TEST_IRQ, test_irq_handler);
	__asm__ __volatile__("int %0" : : "i"(IRQ_VECTOR_BASE + TEST_IRQ) : "memory");
	free_irq(TEST_IRQ);
}
#else
/* The hosted build has no interrupts: the same count brackets the call. */
static void run_in_interrupt(bool does_vmalloc, void *arg)
{
	irq_does_vmalloc = does_vmalloc;
	irq_arg = arg;
	irq_enter();
	irq_work();
	irq_exit();
}
#endif

/*
 * From an interrupt handler vfree() is deferred: the area lives until the
 * next vfree(). vmalloc() there is refused with a warning (Linux: BUG).
 */
static void test_vmalloc_vfree_in_interrupt(struct ktest *t)
{
	void *p = vmalloc(5 * PAGE_SIZE);
	unsigned long used, areas;
	u64 mark;

	ASSERT_NOT_NULL(t, p);
	used = vmalloc_nr_pages();
	areas = vmalloc_nr_areas();
	irq_saw_interrupt = false;
	run_in_interrupt(false, p);
	EXPECT_TRUE(t, irq_saw_interrupt);
	EXPECT_FALSE(t, in_interrupt());
	EXPECT_EQ(t, vmalloc_nr_pages(), used);	/* deferred */
	EXPECT_PTR_EQ(t, find_vm_area(p)->addr, p);
	/* a second vfree() before the drain: reported, queued once, freed once */
	mark = printk_log_mark();
	EXPECT_WARN(t, run_in_interrupt(false, p));
	EXPECT_TRUE(t, printk_logged_since(mark, "already freed, waiting for the deferred free"));
	vfree(NULL);				/* the next vfree() drains the list */
	EXPECT_EQ(t, vmalloc_nr_pages(), used - 5);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas - 1);
	EXPECT_NULL(t, find_vm_area(p));
	/* a bad pointer is reported at once, nothing queued */
	EXPECT_WARN(t, run_in_interrupt(false, &used));
	vfree(NULL);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas - 1);
	/* a vmap() area keeps its caller's pages: not queued (the node would be written there) */
	{
		struct page *pg = alloc_page(GFP_KERNEL);
		void *v;

		ASSERT_NOT_NULL(t, pg);
		v = vmap(&pg, 1, VM_MAP, PAGE_KERNEL);
		ASSERT_NOT_NULL(t, v);
		EXPECT_WARN(t, run_in_interrupt(false, v));
		vfree(NULL);
		EXPECT_PTR_EQ(t, find_vm_area(v)->addr, v);	/* still there */
		vunmap(v);
		__free_page(pg);
	}
	/* vmalloc() in an interrupt handler: refused */
	irq_result = (void *)1;
	EXPECT_WARN(t, run_in_interrupt(true, (void *)PAGE_SIZE));
	EXPECT_NULL(t, irq_result);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas - 1);
}

/*** reports ***/

/* A meminfo line's value in kB, from the log. */
static unsigned long long meminfo_kb(struct ktest *t, const char *label)
{
	u64 mark = printk_log_mark();
	unsigned long long v = ~0ULL;
	char line[120];

	show_meminfo();
	if (!logged_line(mark, label, line, sizeof(line)) ||
	    report_numbers(line + strlen(label), &v, 1) != 1)
		ktest_info(t, "no meminfo line %s", label);
	return v;
}

static void test_vmalloc_meminfo(struct ktest *t)
{
	unsigned long long total = meminfo_kb(t, "VmallocTotal:"), used, expect;
	void *p;

#ifdef CONFIG_HOSTED
	expect = (u64)host_vmalloc_size >> 10;	/* the shim's window */
#elif defined(CONFIG_X86_64)
	/* Linux: 32 TiB from 0xffffc90000000000, VMALLOC_END the last byte */
	expect = ((32ULL << 40) - 1) >> 10;
	EXPECT_EQ(t, expect, 34359738367ULL);
#else
	/*
	 * Linux i386, 3G/1G: high_memory + 8 MiB .. VMALLOC_END, with
	 * VMALLOC_END = 0xc0000000 + MAXMEM (0x377fe000) + 128 MiB: 120 MiB
	 * (122880 kB) when low memory is all MAXMEM, more when RAM is smaller.
	 */
	expect = 122880 + (((u64)0x377fe000 >> PAGE_SHIFT) - max_low_pfn) * (PAGE_SIZE >> 10);
#endif
	EXPECT_EQ(t, total, expect);
	EXPECT_EQ(t, meminfo_kb(t, "VmallocChunk:"), 0);

	used = meminfo_kb(t, "VmallocUsed:");
	p = vmalloc(6 * PAGE_SIZE - 100);
	ASSERT_NOT_NULL(t, p);
	EXPECT_EQ(t, meminfo_kb(t, "VmallocUsed:"), used + 6 * (PAGE_SIZE >> 10));
	vfree(p);
	EXPECT_EQ(t, meminfo_kb(t, "VmallocUsed:"), used);
}

/* The line of an area: "0x<start>-0x<end> <size> <caller> pages=N vmalloc", size with the guard. */
static void test_vmalloc_vmallocinfo_line(struct ktest *t)
{
	char line[200], head[64], tail[48];
	void *p, *big, *user, *v;
	struct page *pg;
	u64 mark;

	vm_unmap_aliases();	/* an empty purge list */
	p = vmalloc(3 * PAGE_SIZE + 1);
	big = vmalloc(1025 * PAGE_SIZE);	/* its page array does not fit a page */
	user = vmalloc_user(PAGE_SIZE);
	pg = alloc_page(GFP_KERNEL);
	ASSERT_NOT_NULL(t, p);
	ASSERT_NOT_NULL(t, big);
	ASSERT_NOT_NULL(t, user);
	ASSERT_NOT_NULL(t, pg);
	v = vmap(&pg, 1, VM_MAP, PAGE_KERNEL);
	ASSERT_NOT_NULL(t, v);

	mark = printk_log_mark();
	show_vmallocinfo();
	snprintf(head, sizeof(head), "0x%p-0x%p ", p, (u8 *)p + 5 * PAGE_SIZE);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	ktest_info(t, "%s", line);
	EXPECT_EQ(t, strncmp(line, head, strlen(head)), 0);
	EXPECT_NOT_NULL(t, strstr(line, "   20480 test_vmalloc_vmallocinfo_line+0x"));
	EXPECT_NOT_NULL(t, strstr(line, " pages=4 vmalloc"));
	EXPECT_STREQ(t, line + strlen(line) - strlen(" pages=4 vmalloc"), " pages=4 vmalloc");

	snprintf(head, sizeof(head), "0x%p-", big);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, " 4202496 test_vmalloc_vmallocinfo_line+0x"));
	EXPECT_NOT_NULL(t, strstr(line, " pages=1025 vmalloc vpages"));
	/* the nested array area: 1025 pointers, its caller the same (Linux passes area->caller) */
	snprintf(head, sizeof(head), "0x%p-", find_vm_area(big)->pages);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	snprintf(tail, sizeof(tail), " pages=%lu vmalloc",
		 PAGE_ALIGN(1025 * sizeof(struct page *)) / PAGE_SIZE);
	EXPECT_NOT_NULL(t, strstr(line, tail));

	snprintf(head, sizeof(head), "0x%p-", user);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "    8192 test_vmalloc_vmallocinfo_line+0x"));
	EXPECT_NOT_NULL(t, strstr(line, " pages=1 vmalloc user"));
	snprintf(head, sizeof(head), "0x%p-", v);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "    8192 test_vmalloc_vmallocinfo_line+0x"));
	EXPECT_STREQ(t, line + strlen(line) - strlen(" vmap"), " vmap");
	EXPECT_NULL(t, strstr(line, "pages="));

	/* freed: unmapped at once, listed as unpurged until the purge */
	vfree(p);
	mark = printk_log_mark();
	show_vmallocinfo();
	snprintf(head, sizeof(head), "0x%p-0x%p ", p, (u8 *)p + 5 * PAGE_SIZE);
	ASSERT_TRUE(t, logged_line(mark, head, line, sizeof(line)));
	EXPECT_NOT_NULL(t, strstr(line, "   20480 unpurged vm_area"));
	EXPECT_FALSE(t, arch_query((unsigned long)p, NULL, NULL, NULL));
	vm_unmap_aliases();
	mark = printk_log_mark();
	show_vmallocinfo();
	EXPECT_FALSE(t, logged_line(mark, head, line, sizeof(line)));

	vunmap(v);
	__free_page(pg);
	vfree(user);
	vfree(big);
}

/*
 * The area API without vmalloc: get_vm_area() reserves, guard included,
 * and maps nothing; free_vm_area() gives it back. is_vmalloc_addr() is the
 * range [VMALLOC_START, VMALLOC_END). vmap() of more pages than the range
 * holds fails before count << PAGE_SHIFT could wrap (i386). vmallocinfo
 * lists busy areas in address order.
 */
static void test_vmalloc_area_api(struct ktest *t)
{
	unsigned long areas = vmalloc_nr_areas();
	struct vm_struct *a, *b, *c;
	static char text[4096];
	const char *pa, *pb, *pc;
	char head[48];
	void *k;
	u64 mark;

	a = get_vm_area(3 * PAGE_SIZE, VM_IOREMAP);
	ASSERT_NOT_NULL(t, a);
	EXPECT_EQ(t, a->size, 4 * PAGE_SIZE);			/* the guard page counts */
	EXPECT_EQ(t, get_vm_area_size(a), 3 * PAGE_SIZE);
	EXPECT_TRUE(t, is_vmalloc_addr(a->addr));
	EXPECT_PTR_EQ(t, find_vm_area((u8 *)a->addr + 2 * PAGE_SIZE), a);
	EXPECT_FALSE(t, arch_query((unsigned long)a->addr, NULL, NULL, NULL));	/* nothing mapped */
	EXPECT_EQ(t, vmalloc_nr_areas(), areas + 1);

	b = get_vm_area(PAGE_SIZE, VM_IOREMAP);
	c = get_vm_area(2 * PAGE_SIZE, VM_IOREMAP);
	ASSERT_NOT_NULL(t, b);
	ASSERT_NOT_NULL(t, c);
	mark = printk_log_mark();
	show_vmallocinfo();
	printk_log_read(mark, text, sizeof(text));
	snprintf(head, sizeof(head), "0x%p-", a->addr);
	pa = strstr(text, head);
	snprintf(head, sizeof(head), "0x%p-", b->addr);
	pb = strstr(text, head);
	snprintf(head, sizeof(head), "0x%p-", c->addr);
	pc = strstr(text, head);
	ASSERT_TRUE(t, pa && pb && pc);
	/* the lines come in the order of the addresses */
	EXPECT_EQ(t, (pa < pb) == (a->addr < b->addr), 1);
	EXPECT_EQ(t, (pb < pc) == (b->addr < c->addr), 1);
	EXPECT_EQ(t, (pa < pc) == (a->addr < c->addr), 1);
	EXPECT_NOT_NULL(t, strstr(pa, "   16384 test_vmalloc_area_api+0x"));
	free_vm_area(c);
	free_vm_area(b);
	free_vm_area(a);
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);

	EXPECT_TRUE(t, is_vmalloc_addr((void *)VMALLOC_START));
	EXPECT_TRUE(t, is_vmalloc_addr((void *)(VMALLOC_END - 1)));
	EXPECT_FALSE(t, is_vmalloc_addr((void *)(VMALLOC_START - 1)));
	EXPECT_FALSE(t, is_vmalloc_addr((void *)VMALLOC_END));
	k = kmalloc(64, GFP_KERNEL);
	ASSERT_NOT_NULL(t, k);
	EXPECT_FALSE(t, is_vmalloc_addr(k));
	kfree(k);

	/* never read: vmap() refuses the count first */
	EXPECT_NULL(t, vmap((struct page **)text, (unsigned int)(VMALLOC_TOTAL >> PAGE_SHIFT) + 1,
			    VM_MAP, PAGE_KERNEL));
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	/* no room for the guard page after the largest size: NULL, quietly */
	EXPECT_NULL(t, get_vm_area(~0UL & PAGE_MASK, VM_IOREMAP));
}

/*
 * Pages run out part-way: Linux's "vmalloc error: size %lu, failed to
 * allocate pages" names what was allocated, and everything (pages, array,
 * area) goes back; the leak check after the case sees the rest.
 */
static void test_vmalloc_pages_run_out(struct ktest *t)
{
	/* every free page: GFP_KERNEL stops at the zones' min watermarks before that */
	unsigned long want = nr_free_pages(), areas = vmalloc_nr_areas();
	u64 mark;
	void *p;

	if (want > (512UL << (20 - PAGE_SHIFT)))
		ktest_skip(t, "%lu MiB free: too slow to exhaust here (the small machines do)",
			   nr_free_pages() >> (20 - PAGE_SHIFT));
	/* i386: more than the whole range (120 MiB or so) cannot get an area at all */
	if (want >= VMALLOC_TOTAL >> PAGE_SHIFT) {
		mark = printk_log_mark();
		p = vmalloc(want << PAGE_SHIFT);
		EXPECT_NULL(t, p);
		EXPECT_TRUE(t, printk_logged_since(mark, ", vm_struct allocation failed"));
		/* and with what the range can hold, the pages run out as well? */
		ktest_skip(t, "%lu MiB free, more than the %lu MiB vmalloc range: only the area "
			   "failure is reachable", want >> (20 - PAGE_SHIFT),
			   (unsigned long)(VMALLOC_TOTAL >> 20));
	}
	if (want >= (VMALLOC_TOTAL >> PAGE_SHIFT) / 2)
		ktest_skip(t, "%lu MiB free, close to the %lu MiB vmalloc range: which fails first "
			   "depends on the range's use", want >> (20 - PAGE_SHIFT),
			   (unsigned long)(VMALLOC_TOTAL >> 20));
	mark = printk_log_mark();
	p = vmalloc(want << PAGE_SHIFT);
	EXPECT_NULL(t, p);
	EXPECT_TRUE(t, printk_logged_since(mark, ", failed to allocate pages"));
	EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	if (p)
		vfree(p);
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(test_vmalloc_small_sizes),
	KTEST_CASE(test_vmalloc_large_sizes),
	KTEST_CASE(test_vmalloc_user_flavours),
	KTEST_CASE(test_vmalloc_plain_uses_highest_zone),
	KTEST_CASE(test_vmalloc_32_below_4g),
	KTEST_CASE(test_vmalloc_gfp_dma_below_16m),
	KTEST_CASE(test_vmalloc_highmem_rule_symptom),
	KTEST_CASE(test_vmalloc_guard_page_fault),
	KTEST_CASE(test_vmalloc_double_vfree),
	KTEST_CASE(test_vmalloc_vfree_bad_pointer),
	KTEST_CASE(test_vmalloc_vunmap_of_vmalloc_area),
	KTEST_CASE(test_vmalloc_size_zero),
	KTEST_CASE(test_vmalloc_larger_than_ram),
	KTEST_CASE(test_vmalloc_vmap_round_trip),
	KTEST_CASE(test_vmalloc_vmap_put_pages),
	KTEST_CASE(test_vmalloc_vfree_in_interrupt),
	KTEST_CASE(test_vmalloc_meminfo),
	KTEST_CASE(test_vmalloc_vmallocinfo_line),
	KTEST_CASE(test_vmalloc_area_api),
	KTEST_CASE(test_vmalloc_pages_run_out),
	{}
};
static struct ktest_suite vmalloc_suite = { .name = "vmalloc", .cases = vmalloc_cases };
KTEST_SUITE(vmalloc_suite);
