// SPDX-License-Identifier: MIT
/*
 * tests/kernel/memmap_test.c - the memmap walk, the frag workload and the
 * two fragmentation indices.
 *
 * The indices are checked against Linux 6.12's definitions (mm/vmstat.c:
 * fill_contig_page_info(), __fragmentation_index(), unusable_free_index();
 * Documentation/admin-guide/sysctl/vm.rst, extfrag_threshold) written
 * again here in 64 bits, first on zones whose free areas are filled by
 * hand, then on the live zones' printed reports. The memmap walk is
 * checked against the zones' own counters (nr_free and each free_area's
 * block count, the per-CPU count, present and managed pages, the span) and
 * against pages the test allocates itself (compound, plain, slab, vmalloc).
 */
#include <kernel/bug.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/extfrag.h>
#include <mm/gfp.h>
#include <mm/memmap.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

/* The definitions again: free pages, blocks, blocks of 2^order pages they make. */
static void count_free(const unsigned long *nr_free, unsigned int order, u64 *pages, u64 *blocks,
		       u64 *suitable)
{
	*pages = *blocks = *suitable = 0;
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
		*pages += (u64)nr_free[o] << o;
		*blocks += nr_free[o];
		if (o >= order)
			*suitable += (u64)nr_free[o] << (o - order);
	}
}

/* 1 - (1 + free/2^order) / blocks when no suitable block exists, in thousandths. */
static long expect_extfrag(const unsigned long *nr_free, unsigned int order)
{
	u64 pages, blocks, suitable;

	count_free(nr_free, order, &pages, &blocks, &suitable);
	if (!blocks)
		return 0;
	if (suitable)
		return -1000;
	return 1000 - (long)((1000 + pages * 1000 / (1ULL << order)) / blocks);
}

/* (free - pages in suitable blocks) / free, in thousandths; 1000 when nothing is free. */
static long expect_unusable(const unsigned long *nr_free, unsigned int order)
{
	u64 pages, blocks, suitable;

	count_free(nr_free, order, &pages, &blocks, &suitable);
	if (!pages)
		return 1000;
	return (long)((pages - (suitable << order)) * 1000 / pages);
}

static void fill_zone(struct zone *z, const unsigned long *nr_free)
{
	memset(z, 0, sizeof(*z));
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		z->free_area[o].nr_free = nr_free[o];
}

/*
 * Hand-filled free areas. Worked examples, from the definitions:
 *   100 order-0 blocks, order 1: 1000 - (1000 + 100000/2)/100 = 490 (0.490),
 *     unusable 1000 (every free page is in a block too small)
 *   nothing free: extfrag 0, unusable 1000
 *   one order-10 block: extfrag -1000 at every order, unusable 0
 */
static void test_extfrag_formula(struct ktest *t)
{
	static const unsigned long cases[][NR_PAGE_ORDERS] = {
		{ 100 },
		{ 0 },
		{ [MAX_PAGE_ORDER] = 1 },
		{ 7, 3, 0, 2, 0, 0, 1 },
		{ 63989, 1, 0, 0, 1, 1, 1, 0, 0, 1, 124 },
		{ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 },
		{ 4000000, 0, 5 },
	};
	struct zone z;

	fill_zone(&z, cases[0]);
	EXPECT_EQ(t, fragmentation_index(&z, 1), 490);
	EXPECT_EQ(t, fragmentation_index(&z, 0), -1000);
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		fill_zone(&z, cases[i]);
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			struct contig_page_info info;

			fill_contig_page_info(&z, o, &info);
			EXPECT_EQ(t, (long)__fragmentation_index(o, &info), expect_extfrag(cases[i], o));
			EXPECT_EQ(t, (long)unusable_free_index(o, &info), expect_unusable(cases[i], o));
			EXPECT_EQ(t, (long)fragmentation_index(&z, o), expect_extfrag(cases[i], o));
		}
	}
	fill_zone(&z, cases[1]);
	EXPECT_EQ(t, unusable_free_index(3, &(struct contig_page_info){ 0, 0, 0 }), 1000);
	/* an order beyond the allocator's is a caller bug: WARN once, 0 */
	clear_warn_once();
	EXPECT_WARN(t, EXPECT_EQ(t, fragmentation_index(&z, MAX_PAGE_ORDER + 1), 0));
}

/*
 * The lines of the two files for hand-filled zones, character for
 * character: Linux's extfrag_show_print() prints "%2d.%03d " per order
 * (so " 0.490" and "-1.000"), unusable_show_print() "%d.%03d ", both
 * after "Node %d, zone %8s " (mm/vmstat.c, 6.12).
 */
static void test_extfrag_lines(struct ktest *t)
{
	static const unsigned long nr_free[NR_PAGE_ORDERS] = { 100, 0, 0, 1 };
	char got[160], want[160];
	struct zone z;
	int n;

	fill_zone(&z, nr_free);
	z.name = "Normal";
	for (int e = 0; e <= 1; e++) {
		n = snprintf(want, sizeof(want), "Node %d, zone %8s ", 0, "Normal");
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			long v = e ? expect_extfrag(nr_free, o) : expect_unusable(nr_free, o);

			n += snprintf(want + n, sizeof(want) - (size_t)n, e ? "%2d.%03d " : "%d.%03d ",
				      (int)(v / 1000), (int)(v < 0 ? -v % 1000 : v % 1000));
		}
		EXPECT_EQ(t, extfrag_zone_line(&z, e, got, sizeof(got)), n);
		EXPECT_STREQ(t, got, want);
	}
	/*
	 * By hand: 108 free pages in 101 blocks, none of order 4 or more, so
	 * order k gives 1000 - (1000 + 108000 / 2^k) / 101: k = 4: 1000 -
	 * 7750/101 = 924; 5: 1000 - 4375/101 = 957; 6: 974; 7: 982; 8: 986;
	 * 9: 989; 10: 990.
	 */
	EXPECT_STREQ(t, got, "Node 0, zone   Normal -1.000 -1.000 -1.000 -1.000  0.924  0.957  0.974 "
		     " 0.982  0.986  0.989  0.990 ");
}

static char report[8192];

/* "-1.000", " 0.490", "1.000": thousandths; false if s does not start with one. */
static bool read_index(const char **s, long *v)
{
	const char *p = *s;
	long sign = 1, whole = 0, frac = 0;

	while (*p == ' ')
		p++;
	if (*p == '-') {
		sign = -1;
		p++;
	}
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		whole = whole * 10 + (*p++ - '0');
	if (*p++ != '.')
		return false;
	for (int i = 0; i < 3; i++, p++) {
		if (*p < '0' || *p > '9')
			return false;
		frac = frac * 10 + (*p - '0');
	}
	*v = sign * (whole * 1000 + frac);
	*s = p;
	return true;
}

/*
 * The live reports, read back: one line per populated zone, the label as
 * Linux prints it, NR_PAGE_ORDERS values each the definition applied to
 * the zone's free areas as they were just before printing (nothing
 * allocates in between), and the field widths of Linux's formats.
 */
static void check_index_report(struct ktest *t, bool extfrag)
{
	static unsigned long nr_free[MAX_NR_ZONES][NR_PAGE_ORDERS];
	unsigned int zones = 0;
	struct zone *z;

	for_each_populated_zone(z)
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			nr_free[zone_idx(z)][o] = z->free_area[o].nr_free;
	read_report(extfrag ? show_extfrag_index : show_unusable_index, report, sizeof(report));
	for_each_populated_zone(z) {
		char label[32];
		const char *s;
		long v;

		snprintf(label, sizeof(label), "Node 0, zone %8s ", z->name);
		s = report_line(report, label);
		ASSERT_NOT_NULL(t, s);
		zones++;
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			long want = extfrag ? expect_extfrag(nr_free[zone_idx(z)], o) :
					      expect_unusable(nr_free[zone_idx(z)], o);

			/* "%2d.%03d " pads 0.x to " 0.x" in extfrag_index; "%d.%03d " does not */
			if (extfrag && want >= 0)
				EXPECT_EQ(t, *s, ' ');
			ASSERT_TRUE(t, read_index(&s, &v));
			EXPECT_EQ(t, v, want);
			EXPECT_EQ(t, *s, ' ');
		}
		EXPECT_TRUE(t, s[1] == '\n' || s[1] == '\0');
	}
	EXPECT_GT(t, zones, 0);
}

static void test_extfrag_index_report(struct ktest *t)
{
	check_index_report(t, true);
}

static void test_unusable_index_report(struct ktest *t)
{
	check_index_report(t, false);
}

/* What a counting walk saw, zone by zone. */
struct census {
	unsigned long pages[MAX_NR_ZONES][NR_MEMMAP_STATES];
	unsigned long blocks[MAX_NR_ZONES][NR_PAGE_ORDERS];	/* free blocks per order */
	unsigned long area[MAX_NR_ZONES][NR_PAGE_ORDERS];	/* the zone's free_area counts */
	unsigned long nr_free[MAX_NR_ZONES], present[MAX_NR_ZONES], managed[MAX_NR_ZONES];
	int pcp[MAX_NR_ZONES];
	unsigned long next[MAX_NR_ZONES];	/* where the next run must start */
	bool seen[MAX_NR_ZONES], ended[MAX_NR_ZONES];
	unsigned int bad_runs;			/* out of order, empty, or outside the zone */
	/* a pfn to find: its state and order */
	unsigned long find_pfn;
	int find_state, find_order;
};

static void census_zone(const struct zone *z, int pcp_count, void *arg)
{
	struct census *c = arg;
	int i = zone_idx(z);

	c->seen[i] = true;
	c->nr_free[i] = z->nr_free;
	c->present[i] = z->present_pages;
	c->managed[i] = z->managed_pages;
	c->pcp[i] = pcp_count;
	c->next[i] = z->zone_start_pfn;
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		c->area[i][o] = z->free_area[o].nr_free;
}

static void census_run(const struct zone *z, const struct memmap_run *r, void *arg)
{
	struct census *c = arg;
	int i = zone_idx(z);

	if (!r->nr || r->pfn != c->next[i] || r->pfn + r->nr > zone_end_pfn(z) ||
	    r->state >= NR_MEMMAP_STATES)
		c->bad_runs++;
	c->next[i] = r->pfn + r->nr;
	c->pages[i][r->state] += r->nr;
	if (r->state == MEMMAP_FREE && r->order >= 0 && r->order < NR_PAGE_ORDERS)
		c->blocks[i][r->order] += r->nr >> r->order;
	if (c->find_pfn >= r->pfn && c->find_pfn < r->pfn + r->nr) {
		c->find_state = (int)r->state;
		c->find_order = r->order;
	}
}

static void census_end(const struct zone *z, void *arg)
{
	struct census *c = arg;

	c->ended[zone_idx(z)] = c->next[zone_idx(z)] == zone_end_pfn(z);
}

static struct census census;

static void take_census(struct ktest *t, unsigned long find_pfn)
{
	struct memmap_walker w = { census_zone, census_run, census_end, &census };

	memset(&census, 0, sizeof(census));
	census.find_pfn = find_pfn;
	census.find_state = census.find_order = -2;
	EXPECT_EQ(t, memmap_walk(&w), 0);
}

/*
 * Each zone's runs tile its span exactly, and add up to the zone's own
 * counters: free pages = nr_free (and the blocks per order = each
 * free_area's nr_free), pages on per-CPU lists = the list's count, pages
 * that are not holes = present, and reserved ones = present - managed
 * (present counts RAM; managed what boot handed to the buddy allocator).
 */
static void test_memmap_totals(struct ktest *t)
{
	struct page *p4[4];
	struct zone *z;

	/* four order-0 pages through a per-CPU list, so that state is seen too */
	for (int i = 0; i < 4; i++)
		p4[i] = alloc_page(GFP_KERNEL);
	for (int i = 0; i < 4; i++)
		if (p4[i])
			__free_page(p4[i]);
	ASSERT_NOT_NULL(t, p4[3]);
	EXPECT_GT(t, this_cpu_pcp(page_zone(p4[3]))->count, 0);
	take_census(t, page_to_pfn(p4[3]));
	EXPECT_EQ(t, census.find_state, MEMMAP_PCP);
	EXPECT_EQ(t, census.find_order, 0);
	EXPECT_EQ(t, census.bad_runs, 0);
	for_each_zone(z) {
		int i = zone_idx(z);
		unsigned long *p = census.pages[i], all = 0;

		if (!z->spanned_pages) {
			EXPECT_FALSE(t, census.seen[i]);
			continue;
		}
		ASSERT_TRUE(t, census.seen[i]);
		EXPECT_TRUE(t, census.ended[i]);
		for (int s = 0; s < NR_MEMMAP_STATES; s++)
			all += p[s];
		EXPECT_EQ(t, all, z->spanned_pages);
		EXPECT_EQ(t, p[MEMMAP_FREE], census.nr_free[i]);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			EXPECT_EQ(t, census.blocks[i][o], census.area[i][o]);
		EXPECT_EQ(t, p[MEMMAP_PCP], (unsigned long)census.pcp[i]);
		EXPECT_EQ(t, all - p[MEMMAP_HOLE], census.present[i]);
		EXPECT_EQ(t, p[MEMMAP_RESERVED], census.present[i] - census.managed[i]);
	}
}

/* Pages the test allocates are seen as what they are, then as free again. */
static void test_memmap_sees_allocations(struct ktest *t)
{
	struct page *comp = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	struct page *plain = alloc_pages(GFP_KERNEL, 1);
	void *obj = kmalloc(64, GFP_KERNEL);
	void *v = vmalloc(3 * PAGE_SIZE);
	unsigned long pfn;

	if (!comp || !plain || !obj || !v) {
		if (comp)
			__free_pages(comp, 2);
		if (plain)
			__free_pages(plain, 1);
		kfree(obj);
		vfree(v);
		ktest_skip(t, "no memory for the test's allocations");
	}
	drain_all_pages();
	take_census(t, page_to_pfn(comp));
	EXPECT_EQ(t, census.find_state, MEMMAP_HEAD);
	EXPECT_EQ(t, census.find_order, 2);
	take_census(t, page_to_pfn(comp) + 3);
	EXPECT_EQ(t, census.find_state, MEMMAP_TAIL);
	take_census(t, page_to_pfn(plain) + 1);
	EXPECT_EQ(t, census.find_state, MEMMAP_ALLOC);
	take_census(t, page_to_pfn(virt_to_page(obj)));
	EXPECT_EQ(t, census.find_state, MEMMAP_SLAB);
	take_census(t, vmalloc_to_pfn((char *)v + PAGE_SIZE));
	EXPECT_EQ(t, census.find_state, MEMMAP_VMALLOC);
	pfn = page_to_pfn(plain);
	__free_pages(comp, 2);
	__free_pages(plain, 1);
	kfree(obj);
	vfree(v);
	drain_all_pages();
	/* the walk's own kmalloc may have refilled a per-CPU list with it */
	take_census(t, pfn);
	EXPECT_TRUE(t, census.find_state == MEMMAP_FREE || census.find_state == MEMMAP_PCP);
	EXPECT_EQ(t, census.bad_runs, 0);
}

/* The printed dump: a header per spanning zone with its counters, runs that tile it. */
static char dump[65536];

/* The decimal after label on the header line s; ~0 if it is not there. */
static unsigned long long header_field(struct ktest *t, const char *s, const char *label)
{
	const char *eol = strchr(s, '\n'), *p = strstr(s, label);
	unsigned long long v;

	if (!p || (eol && p > eol) || report_numbers(p + strlen(label), &v, 1) != 1) {
		ktest_info(t, "no '%s' in the header", label);
		return ~0ULL;
	}
	return v;
}

/* A number in C notation (0x... or decimal) at *s; advances past it. */
static bool read_ulong(const char **s, unsigned long *v)
{
	const char *p = *s;
	unsigned int base = 10;
	unsigned long n = 0;
	int digits = 0;

	if (p[0] == '0' && p[1] == 'x') {
		base = 16;
		p += 2;
	}
	for (;; p++, digits++) {
		int d = *p >= '0' && *p <= '9' ? *p - '0' :
			*p >= 'a' && *p <= 'f' && base == 16 ? *p - 'a' + 10 : -1;

		if (d < 0)
			break;
		n = n * base + (unsigned long)d;
	}
	*s = p;
	*v = n;
	return digits > 0;
}

/* The state named at *s ("free:3", "alloc"), advanced past it and its order; or -1. */
static int read_state(const char **s)
{
	for (int i = 0; i < NR_MEMMAP_STATES; i++) {
		size_t n = strlen(memmap_state_names[i]);
		const char *p = *s + n;
		unsigned long order;

		if (strncmp(*s, memmap_state_names[i], n))
			continue;
		if (*p == ':' && (p++, !read_ulong(&p, &order)))
			return -1;
		if (*p != '*' && *p != '+' && *p != '\n' && *p != '\0')
			continue;
		*s = p;
		return i;
	}
	return -1;
}

/*
 * One run line's states into pages[]: "STATE" (nr pages), or the folded
 * pattern "A*a+B*b" (nr / (a + b) repeats of a pages of A, b of B).
 */
static bool read_states(const char *p, unsigned long nr, unsigned long *pages)
{
	unsigned long a, b;
	int sa = read_state(&p), sb;

	if (sa < 0)
		return false;
	if (*p != '*') {
		pages[sa] += nr;
		return true;
	}
	p++;
	if (!read_ulong(&p, &a) || *p++ != '+' || (sb = read_state(&p)) < 0 || *p++ != '*' ||
	    !read_ulong(&p, &b) || !a || !b || nr % (a + b))
		return false;
	pages[sa] += nr / (a + b) * a;
	pages[sb] += nr / (a + b) * b;
	return true;
}

/*
 * The printed dump, read back as tools/memmap-plot reads it: a header per
 * spanning zone with the zone's counters, then "PFN NR STATE[:ORDER]"
 * lines (or folded patterns "PFN NR A*a+B*b") that tile the zone, whose sums per state equal those counters
 * (the walk allocates nothing, so the zones are as they were printed).
 */
static void test_memmap_report(struct ktest *t)
{
	u64 mark;
	bool quiet, folded;
	struct zone *z;
	long held = frag_run(1);

	/* frag 1 leaves an alloc/free:0 pattern, which the dump folds */
	mark = printk_log_mark();
	quiet = printk_console_quiet(true);
	show_memmap();
	printk_console_quiet(quiet);
	if (printk_log_read(mark, dump, sizeof(dump)) >= sizeof(dump) - 1) {
		frag_release();
		ktest_skip(t, "the dump is larger than the test's buffer (%zu bytes)", sizeof(dump));
	}
	EXPECT_NOT_NULL(t, report_line(dump, "memmap: end"));
	folded = strstr(dump, "alloc*1+free:0*1") || strstr(dump, "free:0*1+alloc*1");
	if (held > 8)
		EXPECT_TRUE(t, folded);
	for_each_zone(z) {
		unsigned long pages[NR_MEMMAP_STATES] = { 0 }, next = z->zone_start_pfn, all = 0;
		char label[48];
		const char *s, *line;
		unsigned int bad = 0;

		if (!z->spanned_pages)
			continue;
		snprintf(label, sizeof(label), "memmap: zone %s start_pfn ", z->name);
		s = report_line(dump, label);
		EXPECT_NOT_NULL(t, s);
		if (!s)
			continue;
		EXPECT_EQ(t, header_field(t, s, " spanned "), z->spanned_pages);
		EXPECT_EQ(t, header_field(t, s, " present "), z->present_pages);
		EXPECT_EQ(t, header_field(t, s, " managed "), z->managed_pages);
		EXPECT_EQ(t, header_field(t, s, " free "), z->nr_free);
		EXPECT_EQ(t, header_field(t, s, " pcp "), (unsigned long long)this_cpu_pcp(z)->count);
		/* the runs: each line after the header, its "[ s.us] " stamp skipped */
		for (line = strchr(s, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
			const char *p = strchr(line + 1, ']');
			unsigned long pfn, nr;

			p = p ? p + 2 : line + 1;
			if (!strncmp(p, "memmap:", 7))
				break;
			if (!read_ulong(&p, &pfn) || *p++ != ' ' || !read_ulong(&p, &nr) ||
			    *p++ != ' ' || pfn != next || !nr || !read_states(p, nr, pages)) {
				bad++;
				break;
			}
			next = pfn + nr;
			all += nr;
		}
		EXPECT_EQ(t, bad, 0);
		EXPECT_EQ(t, next, zone_end_pfn(z));
		EXPECT_EQ(t, all, z->spanned_pages);
		EXPECT_EQ(t, pages[MEMMAP_FREE], z->nr_free);
		EXPECT_EQ(t, pages[MEMMAP_PCP], (unsigned long)this_cpu_pcp(z)->count);
		EXPECT_EQ(t, all - pages[MEMMAP_HOLE], z->present_pages);
		EXPECT_EQ(t, pages[MEMMAP_RESERVED], z->present_pages - z->managed_pages);
	}
	frag_release();
}

/*
 * frag: refuses bad arguments and a second run, fragments its zone (every
 * page it holds keeps its odd buddy out of reach, so the unusable index at
 * order 1 rises and order-0 blocks appear), and gives everything back (the
 * harness checks the free counts are at their baseline after the case).
 */
static void test_frag(struct ktest *t)
{
	struct contig_page_info after;
	struct zone *z;
	unsigned long isolated = 0;
	long held;

	EXPECT_EQ(t, frag_run(0), -EINVAL);
	EXPECT_EQ(t, frag_run(101), -EINVAL);
	EXPECT_EQ(t, frag_held(), 0);
	EXPECT_NULL(t, frag_page(0));
	z = frag_zone();
	ASSERT_NOT_NULL(t, z);
	held = frag_run(2);
	if (held <= 0)
		ktest_skip(t, "frag took no pages (%ld): too little free memory", held);
	EXPECT_EQ(t, frag_run(2), -EBUSY);
	EXPECT_EQ(t, frag_held(), (unsigned long)held);
	EXPECT_NULL(t, frag_page((unsigned long)held));
	fill_contig_page_info(z, 1, &after);
	for (unsigned long i = 0; i < (unsigned long)held; i++) {
		struct page *p = frag_page(i);
		struct page *buddy = pfn_to_page(page_to_pfn(p) ^ 1);

		EXPECT_EQ(t, page_to_pfn(p) & 1, 0);
		EXPECT_PTR_EQ(t, page_zone(p), z);
		if (PageBuddy(buddy) && page_private(buddy) == 0)
			isolated++;
	}
	/* consecutive order-0 allocations: most held pages took their buddy too */
	EXPECT_GT(t, isolated, (unsigned long)held / 2);
	EXPECT_GE(t, z->free_area[0].nr_free, isolated);
	/*
	 * Every isolated page is free memory an order-1 request cannot use, so
	 * the unusable index is at least their share (on all but the smallest
	 * zones that is more than the whole index before frag; a tiny zone
	 * whose pages frag took from its few order-0 blocks may not rise).
	 */
	EXPECT_GE(t, (long)unusable_free_index(1, &after), (long)(isolated * 1000 / after.free_pages));
	EXPECT_EQ(t, frag_release(), (unsigned long)held);
	EXPECT_EQ(t, frag_held(), 0);
	EXPECT_EQ(t, frag_release(), 0);
}

static struct ktest_case memmap_cases[] = {
	KTEST_CASE(test_extfrag_formula),
	KTEST_CASE(test_extfrag_lines),
	KTEST_CASE(test_extfrag_index_report),
	KTEST_CASE(test_unusable_index_report),
	KTEST_CASE(test_memmap_totals),
	KTEST_CASE(test_memmap_sees_allocations),
	KTEST_CASE_DESIGN(test_memmap_report),
	KTEST_CASE_DESIGN(test_frag),
	{}
};

static struct ktest_suite memmap_suite = { .name = "memmap", .cases = memmap_cases };
KTEST_SUITE(memmap_suite);
