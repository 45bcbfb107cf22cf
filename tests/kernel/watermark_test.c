// SPDX-License-Identifier: MIT
/*
 * tests/kernel/watermark_test.c - how far each kind of request may go below
 * the watermarks, in exact page counts.
 *
 * Each case fills the zones one kind of request may use, a page at a time,
 * draining the per-CPU lists after every request (a refill takes a whole
 * batch from the buddy lists; the drain gives back what was not used), so
 * every zone's free count is exact at every step. It records which zone
 * served each page and compares that, and where each zone stopped, with
 * Linux 6.12's rules written again here (mm/page_alloc.c: __alloc_pages(),
 * gfp_to_alloc_flags(), __zone_watermark_ok(), __alloc_pages_slowpath()),
 * on the marks and reserves of mm_checks.c (never mm/'s own fields):
 *
 *   pass 1 (fast path)  each zone, highest first, down to low + reserve
 *   pass 2 (slow path)  each zone down to m + reserve, where m is
 *         min                 for everything without __GFP_HIGH
 *         min - min/2         with __GFP_HIGH (ALLOC_MIN_RESERVE)
 *         that less 1/4 of it with __GFP_HIGH when the request cannot
 *                             block: no __GFP_DIRECT_RECLAIM and no
 *                             __GFP_NOMEMALLOC (ALLOC_NON_BLOCK; without
 *                             ALLOC_MIN_RESERVE it changes nothing)
 *   pass 3, a last resort for two kinds:
 *         __GFP_MEMALLOC (not cancelled by __GFP_NOMEMALLOC): each zone
 *                             down to 0, its reserve ignored
 *                             (ALLOC_NO_WATERMARKS, __gfp_pfmemalloc_flags())
 *         __GFP_NOFAIL that may reclaim: down to min - min/2 + reserve
 *                             (ALLOC_MIN_RESERVE, Linux's nopage: try; mmos
 *                             has no OOM killer, after which Linux would
 *                             grant a small NOFAIL request no watermarks)
 *
 * reserve is the zone's lowmem_reserve against the request's highest zone.
 * GFP_KERNEL on x86_64 with 512 MiB, DMA32 above DMA:
 *
 *   DMA32  start ---1---> low ---------3---------> min           then NULL
 *   DMA    start -----2-----> low + res ---4---> min + res
 */
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

/* Pages above a zone's fast-path stop left to be counted one by one. */
#define WM_SLACK	16
#define WM_PASSES	3
#define WM_MAX_RUNS	(WM_PASSES * MAX_NR_ZONES + 2)

static struct zone *zone_at(int i)
{
	return &contig_page_data.node_zones[i];
}

/* One page for gfp, then the per-CPU lists drained: the free counts are exact again. */
static noinline struct page *take_one(gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, 0);

	drain_all_pages();
	return page;
}

/*** the plan: Linux's rule for one kind of request ***/

struct wm_req {
	gfp_t gfp;
	enum zone_type high;	/* gfp_zone(gfp), from Linux's GFP_ZONE_TABLE */
};

struct wm_run {
	int zone;
	unsigned long pages;
};

struct wm_runs {
	unsigned int n;		/* may exceed WM_MAX_RUNS: only the first are kept */
	struct wm_run r[WM_MAX_RUNS];
};

struct wm_plan {
	unsigned int passes;
	unsigned long stop[WM_PASSES][MAX_NR_ZONES];	/* free pages where a pass leaves a zone */
	unsigned long end[MAX_NR_ZONES];		/* free pages after the last pass */
	unsigned long total;
	struct wm_runs runs;
};

static void runs_add(struct wm_runs *runs, int zone, unsigned long pages)
{
	if (runs->n && runs->n <= WM_MAX_RUNS && runs->r[runs->n - 1].zone == zone) {
		runs->r[runs->n - 1].pages += pages;
		return;
	}
	if (runs->n < WM_MAX_RUNS)
		runs->r[runs->n] = (struct wm_run){ zone, pages };
	runs->n++;
}

/* The stop levels of each pass for r (gfp_to_alloc_flags() and __alloc_pages_slowpath()). */
static void wm_stops(struct wm_plan *p, const struct wm_req *r)
{
	bool memalloc = (r->gfp & __GFP_MEMALLOC) && !(r->gfp & __GFP_NOMEMALLOC);
	bool nofail = (r->gfp & __GFP_NOFAIL) && (r->gfp & __GFP_DIRECT_RECLAIM);

	p->passes = memalloc || nofail ? 3 : 2;
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long res = (unsigned long)expect_lowmem_reserve((enum zone_type)i, r->high);

		p->stop[0][i] = expect_wmark(zone_at(i), WMARK_LOW) + res;
		p->stop[1][i] = expect_slowpath_min(zone_at(i), r->gfp) + res;
		/*
		 * MEMALLOC: no watermark and no reserve, the zone's last page;
		 * NOFAIL: ALLOC_MIN_RESERVE alone, as deep as __GFP_HIGH that may block
		 */
		p->stop[2][i] = memalloc ? 0 :
			expect_slowpath_min(zone_at(i), GFP_KERNEL | __GFP_HIGH) + res;
	}
}

/* Which zones serve how many pages, in order, from the free counts in start. */
static void wm_plan(struct wm_plan *p, const struct wm_req *r, const unsigned long *start)
{
	memcpy(p->end, start, sizeof(p->end));
	p->total = 0;
	p->runs.n = 0;
	for (unsigned int pass = 0; pass < p->passes; pass++) {
		for (int i = (int)r->high; i >= 0; i--) {
			if (p->end[i] <= p->stop[pass][i])
				continue;
			runs_add(&p->runs, i, p->end[i] - p->stop[pass][i]);
			p->total += p->end[i] - p->stop[pass][i];
			p->end[i] = p->stop[pass][i];
		}
	}
}

/*** filling ***/

/* The zone modifier whose requests start at zone i (Linux's GFP_ZONE_TABLE), or -1. */
static int zone_modifier(int i)
{
	if (i == ZONE_DMA)
		return __GFP_DMA;
#ifdef CONFIG_ZONE_DMA32
	if (i == ZONE_DMA32)
		return __GFP_DMA32;
#endif
	if (i == ZONE_NORMAL)
		return 0;
#ifdef CONFIG_HIGHMEM
	if (i == ZONE_HIGHMEM)
		return __GFP_HIGHMEM;
#endif
	return -1;
}

/*
 * Bring zone i down to `to` free pages (or as near as its own requests can
 * go: half-way down its min), in large blocks while far above it. The
 * requests start at zone i; what lower zones serve meanwhile (the fast
 * path tries them all before the slow path digs into zone i) is borrowed
 * and given back at the end. Only a shortcut: the plan starts from the
 * counts found after it.
 */
static void shrink_zone(struct block_list *h, int i, unsigned long to)
{
	int mod = zone_modifier(i);
	unsigned int order = MAX_PAGE_ORDER;
	struct block_list borrowed = { 0 };

	drain_all_pages();
	while (mod >= 0 && zone_at(i)->nr_free > to) {
		unsigned long excess = zone_at(i)->nr_free - to;
		struct page *p;

		while (order && (1UL << order) > excess)
			order--;
		p = alloc_pages(GFP_KERNEL | __GFP_HIGH | __GFP_NOWARN | (gfp_t)mod, order);
		drain_all_pages();
		if (p) {
			block_push((int)page_zonenum(p) == i ? h : &borrowed, p, order);
			continue;
		}
		if (!order)
			break;
		order--;
	}
	block_free_all(&borrowed);
	drain_all_pages();
}

static void free_counts(unsigned long *out)
{
	drain_all_pages();
	for (int i = 0; i < MAX_NR_ZONES; i++)
		out[i] = zone_at(i)->nr_free;
}

static int runs_string(char *buf, size_t size, const struct wm_runs *runs)
{
	int n = scnprintf(buf, size, "%u run(s):", runs->n);

	for (unsigned int k = 0; k < runs->n && k < WM_MAX_RUNS; k++)
		n += scnprintf(buf + n, size - (size_t)n, " %s %lu", zone_names[runs->r[k].zone],
			       runs->r[k].pages);
	return n;
}

static void expect_runs(struct ktest *t, const struct wm_runs *want, const struct wm_runs *got)
{
	bool same = want->n == got->n && got->n <= WM_MAX_RUNS;
	char a[160], b[160];

	for (unsigned int k = 0; same && k < got->n; k++)
		same = want->r[k].zone == got->r[k].zone && want->r[k].pages == got->r[k].pages;
	if (same)
		return;
	runs_string(a, sizeof(a), want);
	runs_string(b, sizeof(b), got);
	ktest_info(t, "zones should have served %s", a);
	ktest_info(t, "they served %s", b);
	EXPECT_TRUE(t, same);
}

/*
 * Fill with r as far as Linux's rule lets it go (for __GFP_NOFAIL: until the
 * plan says the next request would find nothing), zones above their fast
 * stops first brought near them; then check the zones served in the planned
 * order and amounts and that each zone's free count is where the plan ends.
 */
static void fill_and_check(struct ktest *t, const struct wm_req *r, struct block_list *h)
{
	unsigned long start[MAX_NR_ZONES], now[MAX_NR_ZONES], taken = 0;
	struct wm_plan plan;
	struct wm_runs got = { 0 };

	wm_stops(&plan, r);
	for (int i = 0; i <= (int)r->high; i++)
		shrink_zone(h, i, plan.stop[0][i] + WM_SLACK);
	free_counts(start);
	wm_plan(&plan, r, start);
	for (; taken < plan.total; taken++) {
		struct page *p = take_one(r->gfp | __GFP_NOWARN);

		if (!p)
			break;
		runs_add(&got, (int)page_zonenum(p), 1);
		block_push(h, p, 0);
	}
	ktest_info(t, "mode %#x: %lu of %lu planned pages, from the highest zone %s down", r->gfp,
		   taken, plan.total, zone_names[r->high]);
	expect_runs(t, &plan.runs, &got);
	free_counts(now);
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		if (now[i] != plan.end[i])
			ktest_info(t, "%s: started with %lu free, ended with %lu, should have %lu",
				   zone_names[i], start[i], now[i], plan.end[i]);
		EXPECT_EQ(t, now[i], plan.end[i]);
	}
}

/*** the failure: report and counter ***/

/*
 * One request for gfp that must fail, now: NULL, one "page allocation
 * failure" report unless __GFP_NOWARN (mmos's warn_alloc():
 * "<caller>: page allocation failure: order:0, mode:<gfp>(<names>)"), and
 * nr_alloc_failed up by one in each zone the request may use, no other.
 */
static void expect_alloc_fails(struct ktest *t, gfp_t gfp, enum zone_type high,
			       struct block_list *h)
{
	unsigned long failed[MAX_NR_ZONES];
	char line[200], want[64];
	unsigned int reports;
	struct page *p;
	u64 mark;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		failed[i] = zone_at(i)->nr_alloc_failed;
	mark = printk_log_mark();
	printk_console_quiet(true);
	p = take_one(gfp);
	printk_console_quiet(false);
	EXPECT_NULL(t, p);
	if (p)
		block_push(h, p, 0);
	reports = printk_log_count(mark, "page allocation failure");
	EXPECT_EQ(t, reports, (gfp & __GFP_NOWARN) ? 0 : 1);
	if (reports == 1 && logged_line(mark, "page allocation failure", line, sizeof(line))) {
		snprintf(want, sizeof(want), ": page allocation failure: order:0, mode:%#x(", gfp);
		if (!strstr(line, want) || !strstr(line, "take_one"))
			ktest_info(t, "report: %s", line);
		EXPECT_TRUE(t, strstr(line, want) != NULL);
		EXPECT_TRUE(t, strstr(line, "take_one") != NULL);	/* the caller */
	}
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		bool used = i <= (int)high && zone_at(i)->present_pages;	/* in the zonelist */

		EXPECT_EQ(t, zone_at(i)->nr_alloc_failed - failed[i], used ? 1 : 0);
	}
}

/* Fill with gfp, then two requests of its kind that fail: with and without __GFP_NOWARN. */
static void check_class(struct ktest *t, gfp_t gfp, enum zone_type high)
{
	struct wm_req r = { gfp, high };
	struct block_list h = { 0 };

	fill_and_check(t, &r, &h);
	expect_alloc_fails(t, gfp, high, &h);
	expect_alloc_fails(t, gfp ^ __GFP_NOWARN, high, &h);
	block_free_all(&h);
}

/*** cases: each kind of request from its natural highest zone ***/

static void test_watermark_gfp_kernel(struct ktest *t)
{
	check_class(t, GFP_KERNEL, ZONE_NORMAL);	/* min */
}

static void test_watermark_gfp_nowait(struct ktest *t)
{
	check_class(t, GFP_NOWAIT, ZONE_NORMAL);	/* ALLOC_NON_BLOCK alone: min */
}

static void test_watermark_gfp_atomic(struct ktest *t)
{
	check_class(t, GFP_ATOMIC, ZONE_NORMAL);	/* min/2, then a quarter less */
}

static void test_watermark_gfp_high_alone(struct ktest *t)
{
	check_class(t, __GFP_HIGH, ZONE_NORMAL);	/* no reclaim either: as GFP_ATOMIC */
}

static void test_watermark_gfp_kernel_high(struct ktest *t)
{
	check_class(t, GFP_KERNEL | __GFP_HIGH, ZONE_NORMAL);	/* may block: min/2 only */
}

static void test_watermark_atomic_nomemalloc(struct ktest *t)
{
	check_class(t, GFP_ATOMIC | __GFP_NOMEMALLOC, ZONE_NORMAL);	/* min/2 only */
}

static void test_watermark_highuser(struct ktest *t)
{
	check_class(t, GFP_HIGHUSER, HIGHUSER_ZONE);	/* HighMem's own min on i386 */
}

/* Every kind in ZONE_DMA alone: it cannot fall back, and no reserve hides its levels. */
static void test_watermark_dma_levels(struct ktest *t)
{
	static const gfp_t kinds[] = {
		GFP_KERNEL, GFP_NOWAIT, GFP_ATOMIC, __GFP_HIGH, GFP_KERNEL | __GFP_HIGH,
		GFP_ATOMIC | __GFP_NOMEMALLOC,
	};

	if (!zone_dma_usable())
		ktest_skip(t, "the buddy allocator has no ZONE_DMA pages on this machine");
	for (unsigned int k = 0; k < ARRAY_SIZE(kinds); k++)
		check_class(t, kinds[k] | __GFP_DMA, ZONE_DMA);
}

/*** __GFP_MEMALLOC ***/

/*
 * __GFP_MEMALLOC: after the normal tries (low, then min), below min and
 * through every lower zone's lowmem_reserve, each zone the request may use
 * down to its last free page (ALLOC_NO_WATERMARKS); then it fails like any
 * request.
 */
static void test_watermark_memalloc(struct ktest *t)
{
	check_class(t, GFP_KERNEL | __GFP_MEMALLOC, ZONE_NORMAL);
}

/* __GFP_NOMEMALLOC cancels __GFP_MEMALLOC: the request stops where GFP_KERNEL does. */
static void test_watermark_memalloc_cancelled(struct ktest *t)
{
	check_class(t, GFP_KERNEL | __GFP_MEMALLOC | __GFP_NOMEMALLOC, ZONE_NORMAL);
}

/*** __GFP_NOFAIL ***/

/*
 * After the planned pages, zones stand where ALLOC_MIN_RESERVE stops: a
 * request of that depth that may fail (GFP_KERNEL | __GFP_HIGH) fails.
 */
static void check_nofail(struct ktest *t, gfp_t zone_bits, enum zone_type high)
{
	struct wm_req r = { GFP_KERNEL | __GFP_NOFAIL | zone_bits, high };
	struct block_list h = { 0 };

	fill_and_check(t, &r, &h);
	expect_alloc_fails(t, GFP_KERNEL | __GFP_HIGH | zone_bits, high, &h);
	block_free_all(&h);
}

static void test_watermark_nofail(struct ktest *t)
{
	check_nofail(t, 0, ZONE_NORMAL);
	if (zone_dma_usable())
		check_nofail(t, __GFP_DMA, ZONE_DMA);
}

/*
 * mmos's __GFP_NOFAIL last resort (Linux's nopage: try, ALLOC_MIN_RESERVE)
 * takes a zone down to half its min plus its lowmem_reserve against the
 * request, no further: never a zone's last pages (ALLOC_NO_WATERMARKS,
 * which Linux grants only after its OOM killer), never a lower zone's
 * reserve. L is the highest zone below the request's highest that has a
 * reserve against it and pages above its NOFAIL level. Every zone above L
 * is brought to exactly its NOFAIL level, L to WM_SLACK pages above its
 * own: a NOFAIL fill must take those pages from L, down to its level and
 * reserve, and none from the zones above (a last resort without watermarks
 * takes theirs first). Where a zone below L can serve, the plan sends the
 * fill on to it, so L's reserve is held as well: on i386 with HighMem
 * (L = Normal, DMA below it; e.g. 1 GiB). Where none can (x86_64, where L
 * is DMA; i386 without HighMem), the next NOFAIL request would panic, so
 * the fill ends at L's level, and the case proves only that the zones
 * above L are left alone and L goes no lower than its level.
 */
static int nofail_reserved_zone(const struct wm_plan *p, enum zone_type high)
{
	for (int i = (int)high - 1; i >= 0; i--)
		if (expect_lowmem_reserve((enum zone_type)i, high) && zone_modifier(i) >= 0 &&
		    zone_at(i)->nr_free > p->stop[2][i] + WM_SLACK)
			return i;
	return -1;
}

static void test_watermark_nofail_keeps_lower_reserves(struct ktest *t)
{
	static const enum zone_type highs[] = { HIGHUSER_ZONE, ZONE_NORMAL };
	struct block_list h = { 0 };

	drain_all_pages();
	for (unsigned int k = 0; k < ARRAY_SIZE(highs); k++) {
		gfp_t zone_bits = (gfp_t)zone_modifier(highs[k]);
		struct wm_req r = { GFP_KERNEL | __GFP_NOFAIL | zone_bits, highs[k] };
		struct wm_plan p;
		int l;

		wm_stops(&p, &r);
		l = nofail_reserved_zone(&p, highs[k]);
		if (l < 0)
			continue;
		ktest_info(t, "highest %s: %s has a reserve of %ld pages against it",
			   zone_names[highs[k]], zone_names[l],
			   expect_lowmem_reserve((enum zone_type)l, highs[k]));
		for (int i = (int)highs[k]; i > l; i--) {
			if (zone_at(i)->nr_free <= p.stop[2][i])
				continue;
			shrink_zone(&h, i, p.stop[2][i]);
			EXPECT_EQ(t, zone_at(i)->nr_free, p.stop[2][i]);
		}
		shrink_zone(&h, l, p.stop[2][l] + WM_SLACK);
		EXPECT_EQ(t, zone_at(l)->nr_free, p.stop[2][l] + WM_SLACK);
		fill_and_check(t, &r, &h);
		EXPECT_EQ(t, zone_at(l)->nr_free, p.stop[2][l]);
		expect_alloc_fails(t, GFP_KERNEL | __GFP_HIGH | zone_bits, highs[k], &h);
		block_free_all(&h);
		return;
	}
	ktest_skip(t, "no zone below the highest has a lowmem_reserve and pages above it");
}

/*
 * __GFP_NOFAIL that cannot reclaim: Linux 6.12 warns once and lets it fail
 * like the same request without NOFAIL (it gets no last resort).
 */
static void test_watermark_nofail_needs_reclaim(struct ktest *t)
{
	clear_warn_once();	/* whatever asked so before, the next one warns */
	EXPECT_WARN(t, check_class(t, GFP_ATOMIC | __GFP_NOFAIL, ZONE_NORMAL));
}

/*
 * A zone up to high whose free pages pass Linux's watermark test for order
 * against low (the fast path), or against __GFP_NOFAIL's last-resort level.
 */
static bool zone_can_serve(enum zone_type high, unsigned int order, bool fast)
{
	drain_all_pages();
	for (int i = (int)high; i >= 0; i--) {
		const struct zone *z = zone_at(i);
		u64 mark = fast ? expect_wmark(z, WMARK_LOW) :
				  expect_slowpath_min(z, GFP_KERNEL | __GFP_HIGH);

		if (z->managed_pages && expect_watermark_ok(z, order, mark, high))
			return true;
	}
	return false;
}

/*
 * Linux 6.12 warns once of a __GFP_NOFAIL request above order 1 at the slow
 * path's entry (__alloc_pages_slowpath(): WARN_ON_ONCE(order > 1)), whether
 * or not it then succeeds; a request the fast path serves never gets
 * there. With the zones filled to min, the slow path serves order 1 and
 * order 2 from NOFAIL's last resort: only order 2 warns.
 */
static void test_watermark_nofail_order_above_1(struct ktest *t)
{
	struct wm_req r = { GFP_KERNEL, ZONE_NORMAL };
	struct block_list h = { 0 };
	struct page *p;

	if (!zone_can_serve(ZONE_NORMAL, 2, true))
		ktest_skip(t, "no zone has an order-2 block above its low watermark");
	clear_warn_once();
	EXPECT_WARNS(t, p = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 2), 0);	/* the fast path */
	ASSERT_NOT_NULL(t, p);
	__free_pages(p, 2);
	fill_and_check(t, &r, &h);	/* no zone passes min: every request takes the slow path */
	for (unsigned int order = 1; order <= 2; order++) {
		if (!zone_can_serve(ZONE_NORMAL, order, false)) {
			block_free_all(&h);
			ktest_skip(t, "at min, no zone has an order-%u block for NOFAIL", order);
		}
		EXPECT_WARNS(t, p = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, order), order > 1);
		ASSERT_NOT_NULL(t, p);
		block_push(&h, p, order);
	}
	block_free_all(&h);
}

/*
 * An order above MAX_PAGE_ORDER: NULL at once, and nothing else changes
 * (no failure report, no counter). Linux 6.12 (WARN_ON_ONCE_GFP in
 * __alloc_pages()) warns the first time without __GFP_NOWARN, never with
 * it: after clear_warn_once(), exactly once for the three orders.
 */
static void ask_above_max(struct ktest *t, gfp_t gfp)
{
	static const unsigned int orders[] = { MAX_PAGE_ORDER + 1, MAX_PAGE_ORDER + 2, 31 };

	for (unsigned int k = 0; k < ARRAY_SIZE(orders); k++)
		EXPECT_NULL(t, alloc_pages(gfp, orders[k]));
}

static void test_watermark_order_above_max(struct ktest *t)
{
	unsigned long failed[MAX_NR_ZONES], free0 = free_pages_now();
	u64 mark;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		failed[i] = zone_at(i)->nr_alloc_failed;
	mark = printk_log_mark();
	clear_warn_once();
	EXPECT_WARNS(t, ask_above_max(t, GFP_KERNEL | __GFP_NOWARN), 0);
	EXPECT_WARN(t, ask_above_max(t, GFP_KERNEL));	/* once, whatever the order */
	EXPECT_EQ(t, printk_log_count(mark, "page allocation failure"), 0);
	EXPECT_EQ(t, free_pages_now(), free0);
	for (int i = 0; i < MAX_NR_ZONES; i++)
		EXPECT_EQ(t, zone_at(i)->nr_alloc_failed, failed[i]);
}

static struct ktest_case watermark_cases[] = {
	KTEST_CASE(test_watermark_gfp_kernel),
	KTEST_CASE(test_watermark_gfp_nowait),
	KTEST_CASE(test_watermark_gfp_atomic),
	KTEST_CASE(test_watermark_gfp_high_alone),
	KTEST_CASE(test_watermark_gfp_kernel_high),
	KTEST_CASE(test_watermark_atomic_nomemalloc),
	KTEST_CASE(test_watermark_highuser),
	KTEST_CASE(test_watermark_dma_levels),
	KTEST_CASE(test_watermark_nofail),
	KTEST_CASE(test_watermark_nofail_keeps_lower_reserves),
	KTEST_CASE(test_watermark_nofail_needs_reclaim),
	KTEST_CASE(test_watermark_nofail_order_above_1),
	KTEST_CASE(test_watermark_memalloc),
	KTEST_CASE(test_watermark_memalloc_cancelled),
	KTEST_CASE(test_watermark_order_above_max),
	{}
};

static struct ktest_suite watermark_suite = { .name = "watermark", .cases = watermark_cases };
KTEST_SUITE(watermark_suite);
