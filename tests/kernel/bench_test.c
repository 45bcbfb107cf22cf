// SPDX-License-Identifier: MIT
/*
 * tests/kernel/bench_test.c - the in-guest benchmark runs and gives back.
 *
 * Not a timing test: it prints each pattern's cycles per operation as a
 * KTAP diagnostic (under QEMU's TCG, emulation time: informational) and
 * checks nothing about them. It checks that the six patterns run, that
 * none of their allocations failed that the free memory could have served,
 * and (through the free-pages resource every suite is held to) that every
 * page and object it took came back. What memory could serve is measured
 * before each pattern and set against the most that pattern can hold,
 * computed here from what it does (kernel/bench.h); the live set of the
 * mixed and random patterns is sized to the machine, so every machine has
 * something to check.
 */
#include <kernel/bench.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "../../mm/internal.h"
#include "mm_checks.h"

#define NR_PATTERNS	6
#define BENCH_OPS	2000
#define FILL_PAGES	4096	/* "fill 16 MiB, then drain" */
#define BATCH_OBJS	4096	/* "4096 kmallocs, then frees", 64 bytes each */

/*
 * The slab pages a kmalloc pattern may hold beyond its objects: a partly
 * used slab in each of the 12 size classes up to 4 KiB (slabs of at most
 * order 3: 8 pages), and the free objects the per-CPU arrays keep (Linux
 * SLAB's limits: 120 objects up to 256 bytes, 54 up to 1 KiB, 24 up to
 * 4 KiB: 120 * 792 + 54 * 1536 + 24 * 6144 bytes, 82 pages), rounded up.
 */
#define SLAB_SLACK	(12 * 8 + 100)

/* What GFP_KERNEL could take at one moment. */
struct room {
	unsigned long pages;	/* above each zone's min watermark and reserve */
	unsigned long pages3;	/* of those, in free blocks of order >= 3 (any slab fits) */
	unsigned long blocks10;	/* whole free 4 MiB blocks among them */
};

struct bench_run {
	struct ktest *t;
	unsigned int reports, live;
	struct room room[NR_PATTERNS + 1];	/* before each pattern */
	unsigned long ops[NR_PATTERNS], failed[NR_PATTERNS];
};

static const char *const pattern_names[NR_PATTERNS] = {
	"kmalloc-64 + kfree", "4096 kmallocs, then frees", "mixed 8..4096, ",
	"order-0 page + free", "fill 16 MiB, then drain", "random orders 0..10, ",
};

/*
 * Linux's watermark rule for an order-0 GFP_KERNEL request (the slow
 * path's min, no reductions): in each zone it may use, the free pages
 * above expect_wmark(MIN) plus the reserve against Normal-class requests
 * can be taken. Per-CPU lists are drained first, so nr_free is all of it.
 */
static void measure_room(struct room *r)
{
	enum zone_type high = gfp_zone(GFP_KERNEL);

	memset(r, 0, sizeof(*r));
	drain_all_pages();
	for (int i = 0; i <= (int)high; i++) {
		struct zone *z = &contig_page_data.node_zones[i];
		u64 keep = expect_wmark(z, WMARK_MIN) + (u64)expect_lowmem_reserve(i, high);
		unsigned long spare, in3 = 0;

		if (z->nr_free <= keep)
			continue;
		spare = z->nr_free - (unsigned long)keep;
		for (unsigned int o = 3; o < NR_PAGE_ORDERS; o++)
			in3 += z->free_area[o].nr_free << o;
		r->pages += spare;
		r->pages3 += min(spare, in3);
		r->blocks10 += min(spare / MAX_ORDER_NR_PAGES, z->free_area[MAX_PAGE_ORDER].nr_free);
	}
}

static void report(void *arg, const char *what, unsigned long cycles_per_op, unsigned long ops,
		   unsigned long failed)
{
	struct bench_run *b = arg;
	unsigned int k = b->reports++;

	ktest_info(b->t, "%s: %lu cycles/op (%lu ops, %lu allocations failed)", what,
		   cycles_per_op, ops, failed);
	if (k >= NR_PATTERNS || strncmp(what, pattern_names[k], strlen(pattern_names[k]))) {
		ktest_info(b->t, "unexpected pattern %u: %s", k, what);
		b->reports = NR_PATTERNS + 1;	/* fails the count check */
		return;
	}
	b->ops[k] = ops;
	b->failed[k] = failed;
	measure_room(&b->room[k + 1]);	/* what the next pattern starts with */
}

/* A pattern that can hold at most `need` pages of what `have` counts must not fail. */
static void expect_no_failure(struct bench_run *b, unsigned int k, unsigned long have,
			      unsigned long need)
{
	if (have < need) {
		ktest_info(b->t, "%s: needs up to %lu pages, %lu free: failures allowed",
			   pattern_names[k], need, have);
		return;
	}
	if (b->failed[k])
		ktest_info(b->t, "%s: %lu failed, needing up to %lu pages of %lu free", pattern_names[k],
			   b->failed[k], need, have);
	EXPECT_EQ(b->t, b->failed[k], 0);
}

static void test_bench_gives_everything_back(struct ktest *t)
{
	static struct bench_run b;
	unsigned long failed, fill_room;

	memset(&b, 0, sizeof(b));
	b.t = t;
	measure_room(&b.room[0]);
	/*
	 * The random pattern holds up to `live` blocks of order up to 10, each
	 * inside one 4 MiB block: take half the whole 4 MiB blocks there are,
	 * leaving the rest for the slabs and per-CPU lists of the run.
	 */
	b.live = (unsigned int)min(max(b.room[0].blocks10 / 2, 1UL), 1000UL);
	ktest_info(t, "%lu pages to spare, %lu whole 4 MiB blocks: live set %u", b.room[0].pages,
		   b.room[0].blocks10, b.live);
	failed = alloc_bench(BENCH_OPS, b.live, report, &b);
	ASSERT_EQ(t, b.reports, NR_PATTERNS);
	for (unsigned int k = 0; k < NR_PATTERNS; k++)
		EXPECT_GT(t, b.ops[k], 0);
	/* one 64-byte object: one order-0 slab */
	expect_no_failure(&b, 0, b.room[0].pages, 1);
	/* 4096 objects of 64 bytes, 64 to an order-0 slab */
	expect_no_failure(&b, 1, b.room[1].pages, BATCH_OBJS * 64 / PAGE_SIZE + 1);
	/* live objects of at most 4 KiB in slabs of order <= 3, and the slack */
	expect_no_failure(&b, 2, b.room[2].pages3, b.live + SLAB_SLACK);
	/* one page */
	expect_no_failure(&b, 3, b.room[3].pages, 1);
	/* order 0 never fragments: every page to spare is one more success */
	fill_room = min(b.room[4].pages, (unsigned long)FILL_PAGES);
	EXPECT_LE(t, b.failed[4], FILL_PAGES - fill_room);
	/* live blocks of order <= 10: a whole 4 MiB block each, twice over */
	expect_no_failure(&b, 5, b.room[5].blocks10, 2UL * b.live);
	EXPECT_EQ(t, failed, b.failed[0] + b.failed[1] + b.failed[2] + b.failed[3] + b.failed[4] +
		  b.failed[5]);
}

static struct ktest_case bench_cases[] = {
	KTEST_CASE(test_bench_gives_everything_back),
	{}
};

static struct ktest_suite bench_suite = { .name = "bench", .cases = bench_cases };
KTEST_SUITE(bench_suite);
