// SPDX-License-Identifier: MIT
/*
 * tests/kernel/highmem_test.c - kmap(), page_address(), kmap_local_page()
 * and kmap_atomic().
 *
 * The PKMAP rules checked here are Linux's (mm/highmem.c, reference §7.1),
 * restated from first principles, never read back from mm/: LAST_PKMAP is
 * 512 with PAE; a slot keeps its page mapped after the last kunmap until
 * the round-robin scan wraps past slot 0 and flushes every slot without
 * users; each kmap of a page adds one use and each kunmap drops one; a
 * page with a slot has that slot's address as page_address(). What the
 * cases watch: the addresses kmap() hands out (inside the area, reused for
 * other pages once it wraps), the data written through them, the number
 * of slots in use, and the wrap-around flush count.
 *
 *   slot:   0    1    2   ...  511
 *   kmap:   -   p0   p1   ...  p510  | wrap: flush the unused, then p511 -> slot 0 ...
 *
 * On x86_64 (no highmem) kmap() is page_address() for every page; the
 * cases that need HighMem skip there, and on i386 machines without it.
 */
#include <kernel/bug.h>
#include <kernel/hardirq.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include "mm_checks.h"

/* Linux's LAST_PKMAP with PAE (arch/x86/include/asm/pgtable_32_areas.h). */
#define PAE_LAST_PKMAP	512
/* Pages the wrap case maps one after the other: four times the area. */
#define NR_WRAP_PAGES	(4 * PAE_LAST_PKMAP)

static struct page *pages[NR_WRAP_PAGES + 1];
static unsigned long addrs[NR_WRAP_PAGES];

/* A word of page pfn's fill: differs between pages and within a page. */
static u32 pattern(unsigned long pfn, unsigned int k)
{
	return (u32)(pfn * 2654435761u) ^ (k * 0x9e3779b9u);
}

static void fill(u32 *va, struct page *page)
{
	for (unsigned int k = 0; k < PAGE_SIZE / 4; k++)
		va[k] = pattern(page_to_pfn(page), k);
}

/* Words of page that differ from its fill, read through kmap_local_page(). */
static unsigned long wrong_words(struct page *page)
{
	u32 *va = kmap_local_page(page);
	unsigned long bad = 0;

	for (unsigned int k = 0; k < PAGE_SIZE / 4; k++)
		bad += va[k] != pattern(page_to_pfn(page), k);
	kunmap_local(va);
	return bad;
}

static void free_held(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (pages[i])
			__free_page(pages[i]);
		pages[i] = NULL;
	}
}

/*
 * n HighMem pages into pages[], or skip: there is no HighMem (x86_64, or
 * an i386 machine whose RAM is all low memory), or it cannot spare n pages
 * above its high watermark.
 */
static void get_highmem_pages(struct ktest *t, unsigned int n)
{
#ifdef CONFIG_HIGHMEM
	struct zone *hm = &contig_page_data.node_zones[ZONE_HIGHMEM];

	if (!managed_zone(hm))
		ktest_skip(t, "no HighMem on this machine: all of its RAM is low memory");
	free_pages_now();	/* drained: nr_free is exact */
	if (hm->nr_free < expect_wmark(hm, WMARK_HIGH) + n)
		ktest_skip(t, "HighMem has %lu free pages, fewer than %u above its high watermark",
			   hm->nr_free, n);
	for (unsigned int i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		if (!pages[i] || !PageHighMem(pages[i])) {
			free_held(i + 1);
			ASSERT_TRUE(t, !"a GFP_HIGHUSER page from HighMem");
		}
	}
#else
	(void)n;
	ktest_skip(t, "x86_64 has no HighMem: every page is in the direct map");
#endif
}

/* Where the PKMAP area starts (x86_64 has none: the cases using it skip there). */
#ifdef CONFIG_HIGHMEM
#define PKMAP_START	PKMAP_ADDR(0)
#else
#define PKMAP_START	0UL
#endif

/* Is va a page of the PKMAP area (and not of the direct map)? */
static bool in_pkmap_area(unsigned long va)
{
	return va - PKMAP_START < PAE_LAST_PKMAP * PAGE_SIZE && !(va & ~PAGE_MASK) &&
	       !virt_addr_valid((void *)va);
}

static unsigned long flushes(void)
{
#ifdef CONFIG_HIGHMEM
	return nr_pkmap_flushes();
#else
	return 0;
#endif
}

/*
 * 2048 HighMem pages kmapped one at a time, filled, kunmapped: every
 * address lies in the 512-page area, so addresses come back for other
 * pages (at most 512 distinct ones), round-robin, and the data survives
 * the recycling.
 * The scan moves one slot per new mapping and flushes when it passes slot
 * 0: the first pass maps at most 511 pages (slots 1..511 at best), each
 * later one at most 512, so 2048 mappings take at least 1 + ceil(1537 /
 * 512) = 5 passes, 4 wraps, each of which finds slots without users and
 * flushes. The first page's slot went in the first of those flushes:
 * page_address() of it is NULL again; the last page still has its slot.
 */
static void test_highmem_kmap_wrap_recycles(struct ktest *t)
{
	static u8 seen[PAE_LAST_PKMAP];
	unsigned long f0, distinct = 0, outside = 0, bad = 0, stale = 0, not_next = 0;

	get_highmem_pages(t, NR_WRAP_PAGES);
	f0 = flushes();
	for (unsigned int i = 0; i < NR_WRAP_PAGES; i++) {
		u32 *va = kmap(pages[i]);

		if (!va) {
			kunmap(pages[i]);
			free_held(NR_WRAP_PAGES);
			ASSERT_NOT_NULL(t, va);
		}
		addrs[i] = (unsigned long)va;
		fill(va, pages[i]);
		kunmap(pages[i]);
		/* unused, but still mapped there until a wrap */
		stale += page_address(pages[i]) != va;
	}
	EXPECT_EQ(t, stale, 0);
	memset(seen, 0, sizeof(seen));
	for (unsigned int i = 0; i < NR_WRAP_PAGES; i++) {
		unsigned long nr;

		if (!in_pkmap_area(addrs[i])) {
			outside++;
			continue;
		}
		nr = (addrs[i] - PKMAP_START) >> PAGE_SHIFT;
		distinct += !seen[nr];
		seen[nr] = 1;
	}
	EXPECT_EQ(t, outside, 0);
	EXPECT_LE(t, distinct, PAE_LAST_PKMAP);
	/*
	 * From the second pass on every slot is free after each wrap (no page
	 * keeps a user), so each new mapping takes the slot after the last,
	 * 511 wrapping to 0. Mapping 511 is in the second pass at the latest.
	 */
	for (unsigned int i = PAE_LAST_PKMAP; i < NR_WRAP_PAGES && !outside; i++)
		not_next += (addrs[i] - PKMAP_START) >> PAGE_SHIFT !=
			    (((addrs[i - 1] - PKMAP_START) >> PAGE_SHIFT) + 1) % PAE_LAST_PKMAP;
	EXPECT_EQ(t, not_next, 0);
	EXPECT_GE(t, NR_WRAP_PAGES - distinct, NR_WRAP_PAGES - PAE_LAST_PKMAP);
	EXPECT_GE(t, flushes() - f0, 4);
	EXPECT_NULL(t, page_address(pages[0]));
	EXPECT_PTR_EQ(t, page_address(pages[NR_WRAP_PAGES - 1]), addrs[NR_WRAP_PAGES - 1]);
	for (unsigned int i = 0; i < NR_WRAP_PAGES; i++)
		bad += wrong_words(pages[i]);
	EXPECT_EQ(t, bad, 0);
	free_held(NR_WRAP_PAGES);
}

/*
 * Two kmaps of a page: one address, two uses, two kunmaps. After the last
 * kunmap the page keeps the slot (page_address() still gives it, and the
 * next kmap finds it) until a wrap: mapping 512 other pages one at a time
 * moves the scan past slot 0 at least once, which takes the slot away;
 * kmap_flush_unused() takes it at once, but only while it has no user.
 */
static void test_highmem_kmap_counts(struct ktest *t)
{
	unsigned int used0 = nr_pkmaps_in_use();
	struct page *p;
	u32 *a, *b, *c;

	get_highmem_pages(t, PAE_LAST_PKMAP + 1);
	p = pages[PAE_LAST_PKMAP];
	EXPECT_NULL(t, page_address(p));	/* a new page holds no slot */
	a = kmap(p);
	ASSERT_NOT_NULL(t, a);
	EXPECT_TRUE(t, in_pkmap_area((unsigned long)a));
	EXPECT_PTR_EQ(t, page_address(p), a);
	b = kmap(p);
	EXPECT_PTR_EQ(t, b, a);
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0 + 1);
	fill(a, p);
	kunmap(p);
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0 + 1);	/* one use left */
	EXPECT_EQ(t, b[7], pattern(page_to_pfn(p), 7));
	kunmap(p);
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0);
	EXPECT_PTR_EQ(t, page_address(p), a);	/* no users, still mapped */
	c = kmap(p);
	EXPECT_PTR_EQ(t, c, a);
	EXPECT_EQ(t, c[PAGE_SIZE / 4 - 1], pattern(page_to_pfn(p), PAGE_SIZE / 4 - 1));
	kunmap(p);
	for (unsigned int i = 0; i < PAE_LAST_PKMAP; i++) {
		void *v = kmap(pages[i]);

		EXPECT_PTR_NE(t, v, NULL);
		if (v)
			kunmap(pages[i]);
	}
	EXPECT_NULL(t, page_address(p));
	EXPECT_EQ(t, wrong_words(p), 0);
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0);
	/* kmap_flush_unused() takes the slot of a page without users at once... */
	a = kmap(p);
	kunmap(p);
	EXPECT_PTR_EQ(t, page_address(p), a);
	kmap_flush_unused();
	EXPECT_NULL(t, page_address(p));
	/* ...and leaves one with a user alone */
	b = kmap(p);
	kmap_flush_unused();
	EXPECT_PTR_EQ(t, page_address(p), b);
	kunmap(p);
	free_held(PAE_LAST_PKMAP + 1);
}

/*
 * All 512 slots held at once: the next kmap of another page finds none,
 * says so naming its caller and returns NULL (Linux would sleep); a page
 * that holds a slot can still be kmapped again. Once they are given back,
 * the same kmap succeeds.
 */
static void test_highmem_kmap_exhaustion(struct ktest *t)
{
	unsigned int used0 = nr_pkmaps_in_use();
	unsigned long held = 0, dup = 0;
	struct page *extra;
	char line[96];
	void *v, *again;
	u64 mark;

	ASSERT_EQ(t, used0, 0);
	get_highmem_pages(t, PAE_LAST_PKMAP + 1);
	extra = pages[PAE_LAST_PKMAP];
	for (unsigned int i = 0; i < PAE_LAST_PKMAP; i++) {
		addrs[i] = (unsigned long)kmap(pages[i]);
		held += addrs[i] != 0;
		for (unsigned int j = 0; j < i && addrs[i]; j++)
			dup += addrs[j] == addrs[i];
	}
	EXPECT_EQ(t, held, PAE_LAST_PKMAP);
	EXPECT_EQ(t, dup, 0);
	EXPECT_EQ(t, nr_pkmaps_in_use(), PAE_LAST_PKMAP);
	mark = printk_log_mark();
	EXPECT_WARN(t, v = kmap(extra));
	EXPECT_NULL(t, v);
	snprintf(line, sizeof(line), "kmap: no free PKMAP slot for page pfn %#lx (caller ",
		 page_to_pfn(extra));
	EXPECT_TRUE(t, printk_logged_since(mark, line));
	EXPECT_TRUE(t, printk_logged_since(mark, "(caller test_highmem_kmap_exhaustion+"));
	EXPECT_NULL(t, page_address(extra));
	again = kmap(pages[5]);
	EXPECT_PTR_EQ(t, again, addrs[5]);
	if (again)
		kunmap(pages[5]);
	EXPECT_EQ(t, nr_pkmaps_in_use(), PAE_LAST_PKMAP);
	for (unsigned int i = 0; i < PAE_LAST_PKMAP; i++)
		if (addrs[i])
			kunmap(pages[i]);
	EXPECT_EQ(t, nr_pkmaps_in_use(), 0);
	v = kmap(extra);
	EXPECT_TRUE(t, in_pkmap_area((unsigned long)v));
	if (v)
		kunmap(extra);
	free_held(PAE_LAST_PKMAP + 1);
}

/*
 * kunmap() of a HighMem page that holds no slot, or one more time than it
 * was kmapped: Linux BUGs; mmos reports the page and its caller and
 * changes nothing. kunmap() of a lowmem page does nothing at all.
 */
static void test_highmem_bad_kunmap(struct ktest *t)
{
	unsigned int used0 = nr_pkmaps_in_use();
	struct page *low = alloc_page(GFP_KERNEL);
	char line[80];
	void *a;
	u64 mark;

	ASSERT_NOT_NULL(t, low);
	EXPECT_WARNS(t, kunmap(low), 0);
	__free_page(low);
	get_highmem_pages(t, 2);
	mark = printk_log_mark();
	EXPECT_WARN(t, kunmap(pages[0]));
	snprintf(line, sizeof(line), "kunmap: page pfn %#lx is not kmapped", page_to_pfn(pages[0]));
	EXPECT_TRUE(t, printk_logged_since(mark, line));
	EXPECT_TRUE(t, printk_logged_since(mark, "caller test_highmem_bad_kunmap+"));
	EXPECT_NULL(t, page_address(pages[0]));
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0);

	a = kmap(pages[1]);
	ASSERT_NOT_NULL(t, a);
	kunmap(pages[1]);
	EXPECT_WARN(t, kunmap(pages[1]));	/* one too many */
	EXPECT_PTR_EQ(t, page_address(pages[1]), a);	/* the slot is kept */
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0);
	EXPECT_PTR_EQ(t, kmap(pages[1]), a);	/* and still works */
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0 + 1);
	kunmap(pages[1]);
	free_held(2);
}

/*
 * Every page outside HighMem: page_address() and kmap() are its direct-map
 * address, __va(pfn << PAGE_SHIFT), and kmap takes no slot. On x86_64 that
 * is every page there is.
 */
static void test_highmem_lowmem_is_direct_map(struct ktest *t)
{
	unsigned int used0 = nr_pkmaps_in_use();
	unsigned long pages_seen = 0, bad = 0;
	struct zone *z;

	for_each_populated_zone(z) {
		if (is_highmem_idx(zone_idx(z)))
			continue;
		for (unsigned long pfn = z->zone_start_pfn; pfn < zone_end_pfn(z); pfn++) {
			struct page *page;
			void *want = __va((phys_addr_t)pfn << PAGE_SHIFT);

			if (!pfn_valid(pfn))
				continue;
			page = pfn_to_page(pfn);
			pages_seen++;
			bad += page_address(page) != want;
			bad += kmap(page) != want;
			kunmap(page);
			bad += kmap_local_page(page) != want;
			kunmap_local(want);
		}
	}
	EXPECT_GT(t, pages_seen, 0);
	EXPECT_EQ(t, bad, 0);
	EXPECT_EQ(t, nr_pkmaps_in_use(), used0);
	EXPECT_EQ(t, kmap_local_depth(), 0);
}

/*
 * kmap_local slots are a stack: unmapping the older of two mappings warns
 * and changes nothing; both mappings keep their pages until unmapped in
 * the right order.
 */
static void test_highmem_kmap_local_order(struct ktest *t)
{
	unsigned int depth0 = kmap_local_depth();
	u32 *a, *b;

	get_highmem_pages(t, 2);
	a = kmap_local_page(pages[0]);
	fill(a, pages[0]);
	b = kmap_local_page(pages[1]);
	fill(b, pages[1]);
	EXPECT_PTR_NE(t, a, b);
	EXPECT_EQ(t, kmap_local_depth(), depth0 + 2);
	EXPECT_WARN(t, kunmap_local(a));
	EXPECT_EQ(t, kmap_local_depth(), depth0 + 2);
	EXPECT_EQ(t, a[3], pattern(page_to_pfn(pages[0]), 3));
	EXPECT_EQ(t, b[3], pattern(page_to_pfn(pages[1]), 3));
	kunmap_local(b);
	EXPECT_EQ(t, kmap_local_depth(), depth0 + 1);
	kunmap_local(a);
	EXPECT_EQ(t, kmap_local_depth(), depth0);
	EXPECT_EQ(t, wrong_words(pages[0]) + wrong_words(pages[1]), 0);
	free_held(2);
}

/*
 * kmap_atomic() round trip: written through it, read back through kmap(),
 * on a HighMem page where there is one, else a lowmem page, whose atomic
 * mapping is its direct-map address.
 */
static void test_highmem_kmap_atomic(struct ktest *t)
{
	struct page *page = alloc_page(GFP_HIGHUSER);
	unsigned int depth0 = kmap_local_depth();
	unsigned long bad = 0;
	u32 *va, *back;

	ASSERT_NOT_NULL(t, page);
	va = kmap_atomic(page);
	EXPECT_EQ(t, kmap_local_depth(), depth0 + PageHighMem(page));
	if (!PageHighMem(page))
		EXPECT_PTR_EQ(t, va, __va(page_to_phys(page)));
	fill(va, page);
	kunmap_atomic(va);
	EXPECT_EQ(t, kmap_local_depth(), depth0);
	back = kmap(page);
	ASSERT_NOT_NULL(t, back);
	for (unsigned int k = 0; k < PAGE_SIZE / 4; k++)
		bad += back[k] != pattern(page_to_pfn(page), k);
	kunmap(page);
	EXPECT_EQ(t, bad, 0);
	__free_page(page);
}

/* kmap() from an interrupt handler is a bug: it WARNs, once. */
static void test_highmem_kmap_in_interrupt(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *a = NULL, *b = NULL;

	ASSERT_NOT_NULL(t, page);
	EXPECT_FALSE(t, in_interrupt());
	clear_warn_once();
	irq_enter();
	EXPECT_TRUE(t, in_interrupt());
	EXPECT_WARN(t, a = kmap(page));
	EXPECT_WARNS(t, b = kmap(page), 0);
	irq_exit();
	EXPECT_FALSE(t, in_interrupt());
	EXPECT_PTR_EQ(t, a, page_address(page));
	EXPECT_PTR_EQ(t, b, page_address(page));
	kunmap(page);
	kunmap(page);
	__free_page(page);
}

static struct ktest_case highmem_cases[] = {
	KTEST_CASE(test_highmem_kmap_wrap_recycles),
	KTEST_CASE(test_highmem_kmap_counts),
	KTEST_CASE_DESIGN(test_highmem_kmap_exhaustion),
	KTEST_CASE_DESIGN(test_highmem_bad_kunmap),
	KTEST_CASE(test_highmem_lowmem_is_direct_map),
	KTEST_CASE(test_highmem_kmap_local_order),
	KTEST_CASE(test_highmem_kmap_atomic),
	KTEST_CASE(test_highmem_kmap_in_interrupt),
	{}
};

/*
 * A case that failed half-way gives its pages back (its mappings it
 * cannot). Every case leaves its freed pages without a PKMAP slot, so the
 * next owner of one finds page_address() NULL until it kmaps it.
 */
static void highmem_case_exit(struct ktest *t)
{
	(void)t;
	free_held(ARRAY_SIZE(pages));
	kmap_flush_unused();
}

static struct ktest_suite highmem_suite = {
	.name = "highmem",
	.cases = highmem_cases,
	.exit = highmem_case_exit,
};
KTEST_SUITE(highmem_suite);
