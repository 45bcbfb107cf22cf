// SPDX-License-Identifier: MIT
/*
 * tests/kernel/mm_checks.c - checks shared by the memory test suites.
 *
 * Registers the memory resources every case and suite is held to (see
 * kernel/ktest.h): free pages per zone, once every slab cache has given
 * back its empty slabs, the per-CPU lists are drained and vmalloc's lazy
 * purge list is flushed (page-table pages counted as free); live objects
 * per slab cache, counted on the slabs once the per-CPU object arrays are
 * flushed; quarantined objects per cache; the users of each cache (a cache
 * left behind, or a merged alias not destroyed); large kmalloc pages;
 * kmap_local and kmap slots in use; vmalloc areas and the pages vmalloc
 * holds. Gives each case a bad_page() rate-limit window of its own
 * (KTEST_CASE_STATE).
 * check_free_lists() verifies the buddy invariants; zone_for_request()
 * predicts which zone serves a request; expect_*() are Linux's zone policy
 * formulas written again; report_line() and report_numbers() read the
 * /proc-style reports back from the log. Also the test_mem_mb= parameter
 * tests/run boots with.
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/dma-debug.h>
#include <kernel/swiotlb.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/dmapool.h>
#include <mm/highmem.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include <asm/pgtable.h>
#include "../../mm/internal.h"
#include "../../mm/slab_internal.h"
#include "mm_checks.h"

unsigned long test_mem_mb;
core_param_ulong(test_mem_mb, test_mem_mb);

/*
 * vmalloc's lazily freed areas go back (their vmap_area objects to the
 * slab, their range to the free tree) once the purge list is flushed, and
 * interrupt handlers' vfree()s happen once drained: neither is a leak, so
 * both are settled before sampling, as the per-CPU lists are drained.
 */
static void settle_vmalloc(void)
{
	vmalloc_drain_deferred();
	vm_unmap_aliases();
}

unsigned long free_pages_now(void)
{
	settle_vmalloc();
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

/*** leak-check resources ***/

/*
 * Per zone, once the slab caches gave back their empty slabs and the
 * per-CPU lists drained. Page-table pages count as free: a case that maps
 * a new part of the vmalloc range builds tables that stay for good, as in
 * Linux (asm/pgtable.h, pgtable_pages_in_zone()).
 */
static void sample_free_pages(struct ktest_sample *smp)
{
	struct zone *z;

	settle_vmalloc();
	kmem_cache_shrink_all();
	drain_all_pages();
	for_each_populated_zone(z) {
		char label[KTEST_LABEL_LEN];

		snprintf(label, sizeof(label), "zone %s", z->name);
		ktest_counter(smp, z, label,
			      READ_ONCE(z->nr_free) + pgtable_pages_in_zone((unsigned int)zone_idx(z)));
	}
}
KTEST_RESOURCE("free pages", sample_free_pages);

/* A per-cache counter: fn(s) for every cache, reported when not 0. */
static void sample_caches(struct ktest_sample *smp, unsigned long (*fn)(struct kmem_cache *s))
{
	unsigned long flags;

	spin_lock_irqsave(&slab_mutex, flags);
	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		unsigned long n = fn(s);

		if (n)
			ktest_counter(smp, s, s->name, n);
	}
	spin_unlock_irqrestore(&slab_mutex, flags);
}

/* Counted on the slabs, where the objects live, once the per-CPU arrays are flushed. */
static void sample_slab_objects(struct ktest_sample *smp)
{
	settle_vmalloc();
	kmem_cache_shrink_all();
	sample_caches(smp, kmem_cache_live_objects);
}
KTEST_RESOURCE("slab objects", sample_slab_objects);

/*
 * Objects slab debugging withholds because they were found corrupt: not
 * live (the case freed them), but never handed out again and held until
 * their cache is destroyed, so a case that leaves one in a cache it does not
 * destroy has left memory behind. The debugging tests corrupt objects of
 * caches of their own and destroy them.
 */
static unsigned long quarantined(struct kmem_cache *s)
{
	return s->quarantined;
}

static void sample_quarantined(struct ktest_sample *smp)
{
	sample_caches(smp, quarantined);
}
KTEST_RESOURCE("quarantined slab objects", sample_quarantined);

/*
 * kmem_cache_create() calls not yet matched by kmem_cache_destroy(): a new
 * cache, or a merged alias, raises its cache's count. The boot cache of
 * struct kmem_cache (refcount -1: never merged, never destroyed) is left out.
 */
static unsigned long cache_users(struct kmem_cache *s)
{
	return s->refcount > 0 ? (unsigned long)s->refcount : 0;
}

static void sample_cache_users(struct ktest_sample *smp)
{
	sample_caches(smp, cache_users);
}
KTEST_RESOURCE("slab cache users", sample_cache_users);

static void sample_kmalloc_large(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", kmalloc_large_pages());
}
KTEST_RESOURCE("large kmalloc pages", sample_kmalloc_large);

/* kmap_local_page() slots not unmapped (HighMem pages only take one). */
static void sample_kmap_local(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", kmap_local_depth());
}
KTEST_RESOURCE("kmap_local slots", sample_kmap_local);

/*
 * kmap() slots with users (pkmap_count >= 2). A slot at count 1 keeps its
 * page mapped for the next kmap of it until the area wraps: a cache, not a
 * leak. Always 0 on x86_64, which maps no slot.
 */
static void sample_kmap(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", nr_pkmaps_in_use());
}
KTEST_RESOURCE("kmap slots", sample_kmap);

/* vm_structs not removed: areas of get_vm_area(), vmalloc() and vmap(). */
static void sample_vmalloc_areas(struct ktest_sample *smp)
{
	settle_vmalloc();
	ktest_counter(smp, NULL, "", vmalloc_nr_areas());
}
KTEST_RESOURCE("vmalloc areas", sample_vmalloc_areas);

/* Data pages vmalloc holds (meminfo's VmallocUsed). */
static void sample_vmalloc_pages(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", vmalloc_nr_pages());
}
KTEST_RESOURCE("vmalloc pages", sample_vmalloc_pages);

/* dma_alloc_coherent() buffers not freed (kernel/dma/debug.c's records). */
static void sample_dma_coherent(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", debug_dma_coherent_count());
}
KTEST_RESOURCE("DMA coherent allocations", sample_dma_coherent);

/* Streaming mappings (single, page, scatter-gather entries) not unmapped. */
static void sample_dma_mappings(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", debug_dma_mapping_count());
}
KTEST_RESOURCE("DMA streaming mappings", sample_dma_mappings);

/* swiotlb slots in use: a bounce not released (0 without a pool). */
static void sample_swiotlb_slots(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", swiotlb_used());
}
KTEST_RESOURCE("swiotlb slots", sample_swiotlb_slots);

/* dma_pool blocks allocated and not freed, over all pools. */
static void sample_dma_pool_blocks(struct ktest_sample *smp)
{
	ktest_counter(smp, NULL, "", dma_pool_active_blocks());
}
KTEST_RESOURCE("dma_pool blocks", sample_dma_pool_blocks);

/*** state each case starts afresh ***/

/*
 * bad_page()'s rate-limit window (mm/debug.c): a burst of 60 printed
 * reports per minute, one window for the boot as Linux's. Each case gets a
 * window of its own, so that the reports of the cases before it (or a
 * student's bug that adds some) cannot use up the burst and silence a
 * report the case reads back; the boot's window is kept aside meanwhile
 * and put back after. The rate-limit cases (page_alloc_test.c) still play
 * windows of their own inside this one.
 */
static struct bad_page_ratelimit_state run_bad_page_window;

static void fresh_bad_page_window(void)
{
	run_bad_page_window = (struct bad_page_ratelimit_state){ 0 };
	bad_page_ratelimit_swap(&run_bad_page_window);
}

static void run_bad_page_window_back(void)
{
	bad_page_ratelimit_swap(&run_bad_page_window);
}
KTEST_CASE_STATE("bad_page rate limit", fresh_bad_page_window, run_bad_page_window_back);

/*** helpers ***/

#define BLOCK_ORDER_BITS	4

void block_push(struct block_list *l, struct page *page, unsigned int order)
{
	unsigned long next = l->head ? page_to_pfn(l->head) + 1 : 0;

	BUILD_BUG_ON(MAX_PAGE_ORDER >= (1 << BLOCK_ORDER_BITS));
	set_page_private(page, next << BLOCK_ORDER_BITS | order);
	l->head = page;
	l->blocks++;
	l->pages += 1UL << order;
}

void block_free_all(struct block_list *l)
{
	while (l->head) {
		struct page *page = l->head;
		unsigned long v = page_private(page), next = v >> BLOCK_ORDER_BITS;

		l->head = next ? pfn_to_page(next - 1) : NULL;
		set_page_private(page, 0);
		__free_pages(page, (unsigned int)(v & ((1UL << BLOCK_ORDER_BITS) - 1)));
	}
	l->blocks = l->pages = 0;
}

void snapshot_buddyinfo(unsigned long (*out)[NR_PAGE_ORDERS])
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			out[z][o] = contig_page_data.node_zones[z].free_area[o].nr_free;
}

unsigned long check_free_lists(struct ktest *t)
{
	drain_all_pages();
	return check_buddy_lists(t);
}

unsigned long check_buddy_lists(struct ktest *t)
{
	unsigned long problems = 0;
	struct zone *z;

	for_each_populated_zone(z) {
		unsigned long pages = 0;

		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			unsigned long blocks = 0;
			struct page *p;

			page_list_for_each(p, &z->free_area[o].free_list) {
				unsigned long pfn = page_to_pfn(p), buddy = pfn ^ (1UL << o);
				bool ok = PageBuddy(p) && page_private(p) == o && !(pfn & ((1UL << o) - 1)) &&
					  zone_spans_pfn(z, pfn) && page_zone(p) == z && !page_count(p);

				if (ok && o < MAX_PAGE_ORDER && zone_spans_pfn(z, buddy) &&
				    pfn_valid(buddy) && PageBuddy(pfn_to_page(buddy)) &&
				    page_private(pfn_to_page(buddy)) == o)
					ok = false;	/* two free buddies that did not merge */
				if (!ok && !problems++)
					ktest_info(t, "zone %s order %u: bad free block at pfn %#lx", z->name,
						   o, pfn);
				blocks++;
				if (blocks > z->managed_pages)
					break;	/* a cycle */
			}
			if (blocks != z->free_area[o].nr_free && !problems++)
				ktest_info(t, "zone %s order %u: %lu blocks listed, nr_free %lu", z->name,
					   o, blocks, z->free_area[o].nr_free);
			pages += blocks << o;
		}
		if (pages != z->nr_free && !problems++)
			ktest_info(t, "zone %s: %lu pages listed, nr_free %lu", z->name, pages,
				   z->nr_free);
	}
	return problems;
}

void expect_one_report(struct ktest *t, const struct ktest_count *c, const char *text, u64 *markp,
		       bool bad_page, const char *file, int line, const char *stmt)
{
	static const char *const heads[] = {	/* bad_page()'s first lines: by pfn, page, address */
		"BUG: Bad page state in process swapper  pfn:",
		"BUG: Bad page state in process swapper  page:",
		"BUG: Bad page state in process swapper  addr:",
	};
	char what[160];
	bool head = false;

	snprintf(what, sizeof(what), "reports from %s", stmt);
	ktest_count_end(t, c, 1, &t->allowed_reports, file, line, what, "1");
	if (markp)
		*markp = c->mark;
	if (!printk_logged_since(c->mark, text)) {
		snprintf(what, sizeof(what), "\"%s\" in what %s logged", text, stmt);
		ktest_fail_msg(t, false, file, line, what);
	}
	for (unsigned int i = 0; bad_page && i < ARRAY_SIZE(heads); i++) {
		int level = printk_log_level(c->mark, heads[i]);

		if (level < 0)
			continue;
		head = true;
		/* Linux's bad_page() (mm/page_alloc.c, 6.12) prints with pr_alert: KERN_ALERT, 1 */
		if (level != 1) {
			snprintf(what, sizeof(what), "the report %s logged at KERN_ALERT (1) (level %d)",
				 stmt, level);
			ktest_fail_msg(t, false, file, line, what);
		}
	}
	if (bad_page && !head) {
		snprintf(what, sizeof(what), "a Bad page state report in what %s logged", stmt);
		ktest_fail_msg(t, false, file, line, what);
	}
}

void read_report(void (*show)(void), char *buf, size_t size)
{
	u64 mark = printk_log_mark();
	bool quiet = printk_console_quiet(true);

	show();
	printk_console_quiet(quiet);
	printk_log_read(mark, buf, size);
}

const char *report_line(const char *text, const char *prefix)
{
	size_t len = strlen(prefix);

	while (text && *text) {
		const char *p = text, *nl = strchr(text, '\n');

		if (*p == '[' && (p = strchr(p, ']')) && p[1] == ' ')
			p += 2;
		else
			p = text;
		if (!strncmp(p, prefix, len))
			return p + len;
		text = nl ? nl + 1 : NULL;
	}
	return NULL;
}

bool logged_line(u64 mark, const char *needle, char *line, size_t size)
{
	char stamp[24];
	char *b, *e;
	u64 at = mark;

	line[0] = '\0';
	if (*needle && !printk_log_find(&at, needle))	/* "": the first line from mark */
		return false;
	at = printk_log_line_start(at);
	if (at < mark)
		at = mark;	/* nothing from before mark */
	printk_log_read(at, stamp, sizeof(stamp));
	b = strchr(stamp, ']');
	e = strchr(stamp, '\n');
	if (stamp[0] == '[' && b && (!e || b < e) && b[1] == ' ')
		at += (u64)(b + 2 - stamp);	/* the stamp */
	printk_log_read(at, line, size);
	e = strchr(line, '\n');
	if (e)
		*e = '\0';
	return true;
}

unsigned int report_numbers(const char *s, unsigned long long *out, unsigned int n)
{
	unsigned int k = 0;

	while (k < n) {
		unsigned long long v = 0;

		while (*s == ' ' || *s == ',' || *s == '(' || *s == ')')
			s++;
		if (*s < '0' || *s > '9')
			break;
		while (*s >= '0' && *s <= '9')
			v = v * 10 + (unsigned long long)(*s++ - '0');
		out[k++] = v;
	}
	return k;
}

bool expect_watermark_ok(const struct zone *z, unsigned int order, u64 mark,
			 enum zone_type highest)
{
	s64 free = (s64)z->nr_free - (s64)((1ULL << order) - 1);

	if (free <= (s64)mark + expect_lowmem_reserve(zone_idx(z), highest))
		return false;
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

unsigned long expect_slowpath_min(const struct zone *z, gfp_t gfp)
{
	u64 min = expect_wmark(z, WMARK_MIN);

	if (gfp & __GFP_HIGH) {					/* ALLOC_MIN_RESERVE */
		min -= min / 2;
		if (!(gfp & (__GFP_DIRECT_RECLAIM | __GFP_NOMEMALLOC)))	/* ALLOC_NON_BLOCK */
			min -= min / 4;
	}
	return (unsigned long)min;
}

int zone_for_request(struct zone *const *from, gfp_t gfp, unsigned int order)
{
	/* gfp_zone() is checked against Linux's table in gfp_test.c */
	enum zone_type high = gfp_zone(gfp);

	for (int pass = 0; pass < 2; pass++)
		for (struct zone *const *z = from; *z; z++) {
			u64 mark = pass ? expect_slowpath_min(*z, gfp) : expect_wmark(*z, WMARK_LOW);

			if (zone_idx(*z) <= high && expect_watermark_ok(*z, order, mark, high))
				return (int)zone_idx(*z);
		}
	return -1;
}

/*** the policy numbers from first principles ***/

/* int_sqrt() by bisection: a different method from mm/'s bit-by-bit root. */
static u64 isqrt64(u64 x)
{
	u64 lo = 0, hi = x < 2 ? x : (x < (1ULL << 32) ? x / 2 + 1 : 0xffffffffULL);

	while (lo < hi) {
		u64 mid = lo + (hi - lo + 1) / 2;

		if (mid <= x / mid)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The zones gfp_zone(GFP_USER) allows: all but HighMem and Movable. */
static bool user_zone(enum zone_type idx)
{
#ifdef CONFIG_HIGHMEM
	if (idx == ZONE_HIGHMEM)
		return false;
#endif
	return idx != ZONE_MOVABLE;
}

static u64 lowmem_managed(void)
{
	u64 n = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++)
		if (user_zone((enum zone_type)i))
			n += contig_page_data.node_zones[i].managed_pages;
	return n;
}

unsigned long expect_min_free_kbytes(void)
{
	u64 kb = isqrt64(lowmem_managed() * (PAGE_SIZE / 1024) * 16);

	return (unsigned long)(kb < 128 ? 128 : kb > 262144 ? 262144 : kb);
}

unsigned long expect_wmark(const struct zone *z, enum zone_watermarks w)
{
	u64 pages_min = expect_min_free_kbytes() / (PAGE_SIZE / 1024);
	u64 lowmem = lowmem_managed(), managed = z->managed_pages;
	u64 share = lowmem ? pages_min * managed / lowmem : 0;	/* 64-bit, as Linux */
	u64 min = share, delta;

	if (!user_zone(zone_idx(z))) {	/* HighMem, Movable: a small fixed pool */
		min = managed / 1024;
		min = min < 32 ? 32 : min > 128 ? 128 : min;	/* SWAP_CLUSTER_MAX .. 128 */
	}
	/* watermark_scale_factor 10: 0.1% of the zone */
	delta = share / 4 > managed * 10 / 10000 ? share / 4 : managed * 10 / 10000;
	return (unsigned long)(min + delta * (u64)w);	/* MIN 0, LOW 1, HIGH 2, PROMO 3 */
}

long expect_lowmem_reserve(enum zone_type i, enum zone_type j)
{
	/* sysctl_lowmem_reserve_ratio: DMA 256, DMA32 256, Normal 32, HighMem 0, Movable 0 */
	static const unsigned long ratio[MAX_NR_ZONES] = {
		[ZONE_DMA] = 256,
#ifdef CONFIG_ZONE_DMA32
		[ZONE_DMA32] = 256,
#endif
		[ZONE_NORMAL] = 32,
	};
	const struct zone *zones = contig_page_data.node_zones;
	u64 above = 0;

	if (j <= i || !ratio[i] || !zones[i].managed_pages)
		return 0;
	for (int k = (int)i + 1; k <= (int)j; k++)
		above += zones[k].managed_pages;
	return (long)(above / ratio[i]);
}

unsigned long expect_pcp_batch(const struct zone *z)
{
	/* ~0.1% of the zone or 1 MiB, a quarter of it, then 2^n - 1 below 1.5 times that */
	u64 batch = z->managed_pages / 1024, p = 1;

	if (batch > (1 << 20) / PAGE_SIZE)
		batch = (1 << 20) / PAGE_SIZE;
	batch /= 4;
	if (batch < 1)
		batch = 1;
	batch += batch / 2;
	while (p * 2 <= batch)
		p *= 2;
	return p - 1 ? (unsigned long)(p - 1) : 1;	/* zone_set_pageset_high_and_batch: max(1, ..) */
}

unsigned long expect_pcp_high(const struct zone *z)
{
	unsigned long high = expect_wmark(z, WMARK_LOW) / 1;	/* one CPU shares the zone */

	return high > 4 * expect_pcp_batch(z) ? high : 4 * expect_pcp_batch(z);
}

unsigned long pfn_listed(unsigned long pfn)
{
	struct zone *z = page_zone(pfn_to_page(pfn));
	unsigned long n = 0;
	struct page *p;

	drain_all_pages();
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
		page_list_for_each(p, &z->free_area[o].free_list)
			n += pfn >= page_to_pfn(p) && pfn < page_to_pfn(p) + (1UL << o);
	return n;
}

