/* SPDX-License-Identifier: MIT */
/*
 * tests/kernel/mm_checks.h - checks shared by the memory test suites.
 */
#ifndef TESTS_MM_CHECKS_H
#define TESTS_MM_CHECKS_H

#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <mm/gfp.h>

/*
 * Has the buddy allocator any RAM below 16 MiB? Not on every machine:
 * where it has none, every GFP_DMA allocation must fail.
 */
static inline bool zone_dma_usable(void)
{
	return managed_zone(&contig_page_data.node_zones[ZONE_DMA]);
}

/*
 * The zone GFP_HIGHUSER requests start from: gfp_zone(__GFP_HIGHMEM) by
 * Linux's GFP_ZONE_TABLE, HighMem where it exists (i386), else Normal.
 */
#ifdef CONFIG_HIGHMEM
#define HIGHUSER_ZONE	ZONE_HIGHMEM
#else
#define HIGHUSER_ZONE	ZONE_NORMAL
#endif

/* test_mem_mb=N: the RAM tests/run gave the machine, in MiB (0: not given). */
extern unsigned long test_mem_mb;

/*
 * Blocks a test holds, in a singly linked list threaded through the private
 * word of each block's first struct page (the owner's to use while the
 * block is allocated, as on Linux): the next block's pfn + 1 (0 ends the
 * list) above BLOCK_ORDER_BITS bits of this block's order. The blocks
 * themselves are never written: QEMU backs guest RAM with transparent huge
 * pages, so one word written in every 4 MiB block a fill takes makes the
 * host commit 2 MiB for it, half the guest's RAM (32 GiB for a 64 GiB
 * guest). Filling through struct page costs nothing: the memmap is written
 * at boot anyway. block_free_all() frees every block and empties the list.
 */
struct block_list {
	struct page *head;
	unsigned long blocks, pages;
};

void block_push(struct block_list *l, struct page *page, unsigned int order);
void block_free_all(struct block_list *l);

/* Drain the per-CPU lists, then count free pages. */
unsigned long free_pages_now(void);
/* Free blocks per zone and order (after draining). */
void snapshot_buddyinfo(unsigned long (*out)[NR_PAGE_ORDERS]);
/*
 * Problems found in the buddy free lists (0: all invariants hold: each
 * block is free, aligned, of its list's order, in its zone, and not beside
 * a free buddy of its order; the counts agree); the first is reported.
 * check_free_lists() drains the per-CPU lists first, check_buddy_lists()
 * leaves them alone (the invariants hold either way).
 */
unsigned long check_free_lists(struct ktest *t);
unsigned long check_buddy_lists(struct ktest *t);
/*
 * Where the allocator should take an order-`order` block for gfp, looking
 * down the zonelist from `from`: the first zone the flags allow that can
 * spare the block above its low watermark plus its reserve against such
 * requests; failing that, above min, lowered for __GFP_HIGH and atomic
 * requests (the slow path's turn). -1 if none can. The watermark test,
 * marks and reserves are written again in mm_checks.c (expect_* below),
 * never mm/'s.
 */
int zone_for_request(struct zone *const *from, gfp_t gfp, unsigned int order);
/*
 * The zone policy numbers as Linux 6.12 computes them, written again here
 * from the formulas (reference §2.4, §2.5; mm/page_alloc.c), in 64-bit
 * arithmetic, from the zones' managed pages only: never read back from
 * mm/'s own fields or helpers. Tests compare mm/ against these.
 *
 *   expect_min_free_kbytes(): clamp(int_sqrt(lowmem_kbytes * 16), 128, 262144),
 *       lowmem_kbytes = managed pages of the zones GFP_USER may use, in KiB
 *       (the first computation at boot: no watermark is set yet).
 *   expect_wmark(z, w): WMARK_MIN/LOW/HIGH/PROMO of __setup_per_zone_wmarks().
 *   expect_lowmem_reserve(i, j): zone i's reserve against requests whose
 *       highest zone is j (setup_per_zone_lowmem_reserve()).
 *   expect_pcp_batch(z), expect_pcp_high(z): zone_batchsize(), and
 *       zone_highsize() for one CPU with percpu_pagelist_high_fraction 0
 *       (Linux's pcp->high_min).
 *
 * They are Linux's numbers for a machine like mmos's, which Linux's differ
 * from when it has more: one CPU (zone_highsize() divides the low
 * watermark among the CPUs local to the zone, so pcp->high shrinks with
 * their number) and no transparent huge pages (with THP, x86_64 Linux's
 * khugepaged raises min_free_kbytes when it starts,
 * set_recommended_min_free_kbytes(), to keep whole pageblocks free, and
 * every watermark grows with it).
 */
unsigned long expect_min_free_kbytes(void);
unsigned long expect_wmark(const struct zone *z, enum zone_watermarks w);
long expect_lowmem_reserve(enum zone_type i, enum zone_type j);
unsigned long expect_pcp_batch(const struct zone *z);
unsigned long expect_pcp_high(const struct zone *z);
/*
 * The mark the slow path holds zone z to for a request with gfp: min,
 * lowered as Linux 6.12's gfp_to_alloc_flags() and __zone_watermark_ok()
 * allow. __GFP_HIGH (ALLOC_MIN_RESERVE) takes half of it; a caller that
 * also cannot reclaim (ALLOC_NON_BLOCK: no __GFP_DIRECT_RECLAIM, not
 * cancelled by __GFP_NOMEMALLOC), such as GFP_ATOMIC, a quarter of the
 * rest. Without __GFP_HIGH, ALLOC_NON_BLOCK changes nothing.
 */
unsigned long expect_slowpath_min(const struct zone *z, gfp_t gfp);
/*
 * Linux's __zone_watermark_ok() written out again (reference §2.5) for a
 * mark from above: with the 2^order pages taken, more than mark +
 * expect_lowmem_reserve(z, highest) must stay free, and for order > 0 a
 * free block of at least that order must exist. Only the free counts are
 * read from the zone: they are state, not policy.
 */
bool expect_watermark_ok(const struct zone *z, unsigned int order, u64 mark,
			 enum zone_type highest);

/*
 * Reading the /proc-style reports back from the log (printk_log_read()):
 * report_line() finds the first line at or after text that starts with
 * prefix once its "[    s.us] " stamp is skipped, and returns what follows
 * the prefix (NULL if no line does). report_numbers() reads up to n
 * unsigned decimal numbers from there to the end of that line, skipping
 * spaces, commas and parentheses; returns how many it read.
 */
const char *report_line(const char *text, const char *prefix);
unsigned int report_numbers(const char *s, unsigned long long *out, unsigned int n);
/* What show() prints, console quiet, read back from the log into buf. */
void read_report(void (*show)(void), char *buf, size_t size);

/*
 * The first line logged since mark that contains needle, copied into line
 * (from mark on; its "[    s.us] " stamp left out, at most size - 1 bytes,
 * no newline); needle "" gives the first line from mark;
 * false, and line empty, if there is none.
 */
bool logged_line(u64 mark, const char *needle, char *line, size_t size);

/* How many free-list blocks contain pfn (after draining): 0 or 1 when sane. */
unsigned long pfn_listed(unsigned long pfn);

/*
 * stmt must make exactly one report of the kind count() counts (a function
 * returning those reports since boot: bad_page_count, slab_report_count),
 * and text must be in what it logged: EXPECT_WARN's design
 * (ktest_count_begin()/ktest_count_end()) for Bad page state and slab
 * reports. The console is quiet meanwhile; the report stays in the log and
 * is declared (t->allowed_reports), so ktest does not count it as
 * unexpected. markp, if not NULL, receives the log position before stmt,
 * for the caller's further checks of what stmt logged. EXPECT_BAD_PAGE
 * also wants the report's first line in Linux's form, at Linux's level (KERN_ALERT).
 */
#define EXPECT_ONE_REPORT(t, count, stmt, text, markp) do { \
	struct ktest_count __kr = ktest_count_begin(count); \
	stmt; \
	expect_one_report((t), &__kr, (text), (markp), false, __FILE__, __LINE__, #stmt); \
} while (0)
#define EXPECT_BAD_PAGE(t, stmt, text) do { \
	struct ktest_count __kr = ktest_count_begin(bad_page_count); \
	stmt; \
	expect_one_report((t), &__kr, (text), NULL, true, __FILE__, __LINE__, #stmt); \
} while (0)

/* The second half of the macros above. */
void expect_one_report(struct ktest *t, const struct ktest_count *c, const char *text, u64 *markp,
		       bool bad_page, const char *file, int line, const char *stmt);

#endif
