// SPDX-License-Identifier: MIT
/*
 * tools/bench/alloc_bench.c - mmos's allocators next to real ones, in one process.
 *
 * mm/ is booted on a simulated 6 GiB machine (tests/host/shim.c) and its
 * kmalloc and alloc_pages are run through the same patterns as glibc
 * malloc, mimalloc and jemalloc (loaded with dlopen, so none of them
 * replaces the others' malloc; jemalloc's static TLS refuses dlopen, so it
 * runs in a second process with LD_PRELOAD and MMOS_BENCH_PRELOADED set)
 * and as three page-allocator baselines written here: a first-fit bitmap
 * allocator, a binary-tree buddy, and a textbook free-list buddy (the kind
 * the page targets were set against). mmos's buddy runs twice:
 * "buddy" with its per-page checks on, as it boots, and "buddy_nocheck"
 * with check_pages_enabled off, as the boot line check_pages=0 leaves it.
 *
 *   alloc_bench [--only PATTERN/CONTENDER] [--ops N] [--reps R]
 *
 * Prints "RESULT <pattern> <contender> <ns/op> <ops>", the median of R runs after
 * a warm-up. Each run is a function named run_<pattern>_<contender>, so
 * valgrind --tool=callgrind --toggle-collect=<that name> counts exactly its
 * instructions (tools/bench/run-bench does that).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef uint64_t u64;
typedef unsigned int gfp_t;
struct page;

bool host_boot(const char *name);
/* kmalloc() is an inline wrapper of __kmalloc() in mm/slab.h, as in Linux */
void *__kmalloc(size_t size, gfp_t gfp);
void kfree(const void *p);
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
extern int console_loglevel;
extern bool check_pages_enabled;

#define GFP_KERNEL	0xcc0u
#define noinline	__attribute__((noinline))
#define LIVE		10000
#define FILL_PAGES	262144		/* 1 GiB of 4 KiB pages */

static void *(*mi_malloc_fn)(size_t), (*mi_free_fn)(void *);
static void *(*je_malloc_fn)(size_t), (*je_free_fn)(void *);
static void *slots[1 << 20];
static unsigned int sizes[1 << 20];
static unsigned char orders[1 << 20];
static void *volatile sink;

/*** slab patterns ***/

#define SLAB_CONTENDER(NAME, ALLOC, FREE) \
static noinline void run_pair64_##NAME(long n) \
{ \
	for (long i = 0; i < n; i++) { \
		void *p = ALLOC(64); \
		sink = p; \
		FREE(p); \
	} \
} \
static noinline void run_batch_##NAME(long n) \
{ \
	for (long i = 0; i < n; i++) \
		slots[i] = ALLOC(64); \
	for (long i = 0; i < n; i++) \
		FREE(slots[i]); \
} \
static noinline void run_mixed_##NAME(long n) \
{ \
	for (long i = 0; i < LIVE; i++) \
		slots[i] = ALLOC(sizes[i]); \
	for (long i = 0; i < n; i++) { \
		long k = (long)(sizes[i] * 2654435761u % LIVE); \
		FREE(slots[k]); \
		slots[k] = ALLOC(sizes[i]); \
	} \
	for (long i = 0; i < LIVE; i++) \
		FREE(slots[i]); \
}

#define KMALLOC(s)	__kmalloc(s, GFP_KERNEL)
#define GLIBC(s)	malloc(s)
#define MIMALLOC(s)	mi_malloc_fn(s)
#define JEMALLOC(s)	je_malloc_fn(s)
SLAB_CONTENDER(kmalloc, KMALLOC, kfree)
SLAB_CONTENDER(glibc, GLIBC, free)
SLAB_CONTENDER(mimalloc, MIMALLOC, mi_free_fn)
SLAB_CONTENDER(jemalloc, JEMALLOC, je_free_fn)

/*** page allocator baselines ***/

/* First-fit bitmap: one bit per page, blocks naturally aligned. */
#define BM_PAGES	(FILL_PAGES * 2)
static uint64_t bm[BM_PAGES / 64];

static long bm_alloc(unsigned int order)
{
	unsigned long n = 1UL << order;

	for (unsigned long pfn = 0; pfn + n <= BM_PAGES; pfn += n) {
		unsigned long k = 0;

		while (k < n && !(bm[(pfn + k) / 64] >> ((pfn + k) % 64) & 1))
			k++;
		if (k == n) {
			for (k = 0; k < n; k++)
				bm[(pfn + k) / 64] |= 1ULL << ((pfn + k) % 64);
			return (long)pfn;
		}
	}
	return -1;
}

static void bm_free(long pfn, unsigned int order)
{
	for (unsigned long k = 0; k < (1UL << order); k++)
		bm[(pfn + k) / 64] &= ~(1ULL << ((pfn + k) % 64));
}

/* Binary-tree buddy: node i holds the largest free order below it (-1: none). */
#define TREE_ORDER	19		/* 2^19 pages */
static signed char tree[2 << TREE_ORDER];

static void tree_init(void)
{
	for (int lvl = 0; lvl <= TREE_ORDER; lvl++)
		for (long i = (1L << lvl); i < (2L << lvl); i++)
			tree[i] = (signed char)(TREE_ORDER - lvl);
}

static long tree_alloc(unsigned int order)
{
	long i = 1;
	int lvl_order = TREE_ORDER;

	if (tree[1] < (int)order)
		return -1;
	while (lvl_order > (int)order) {
		i = tree[2 * i] >= (int)order ? 2 * i : 2 * i + 1;
		lvl_order--;
	}
	tree[i] = -1;
	for (long p = i / 2; p; p /= 2) {
		signed char l = tree[2 * p], r = tree[2 * p + 1];
		int child = TREE_ORDER - (31 - __builtin_clz((unsigned)p)) - 1;

		tree[p] = (l == child && r == child) ? (signed char)(child + 1) : (l > r ? l : r);
	}
	return (i << order) - (1L << TREE_ORDER);
}

static void tree_free(long pfn, unsigned int order)
{
	long i = ((pfn + (1L << TREE_ORDER)) >> order);

	tree[i] = (signed char)order;
	for (long p = i / 2; p; p /= 2) {
		signed char l = tree[2 * p], r = tree[2 * p + 1];
		int child = TREE_ORDER - (31 - __builtin_clz((unsigned)p)) - 1;

		tree[p] = (l == child && r == child) ? (signed char)(child + 1) : (l > r ? l : r);
	}
}

/*
 * Textbook free-list buddy (Knuth's): a doubly linked free list per order
 * up to FL_MAX_ORDER, a free block's order kept at its first page, buddies
 * found by flipping one address bit. No per-CPU lists, zones, watermarks
 * or checks: the algorithm and nothing else.
 */
#define FL_MAX_ORDER	10
#define FL_PAGES	(1L << TREE_ORDER)
static int fl_next[FL_PAGES], fl_prev[FL_PAGES];	/* -1: none */
static signed char fl_order[FL_PAGES];			/* -1: not a free block's first page */
static int fl_head[FL_MAX_ORDER + 1];

static void fl_push(long pfn, unsigned int order)
{
	fl_order[pfn] = (signed char)order;
	fl_prev[pfn] = -1;
	fl_next[pfn] = fl_head[order];
	if (fl_head[order] >= 0)
		fl_prev[fl_head[order]] = (int)pfn;
	fl_head[order] = (int)pfn;
}

static void fl_unlink(long pfn, unsigned int order)
{
	fl_order[pfn] = -1;
	if (fl_prev[pfn] >= 0)
		fl_next[fl_prev[pfn]] = fl_next[pfn];
	else
		fl_head[order] = fl_next[pfn];
	if (fl_next[pfn] >= 0)
		fl_prev[fl_next[pfn]] = fl_prev[pfn];
}

static void fl_init(void)
{
	memset(fl_order, -1, sizeof(fl_order));
	for (unsigned int o = 0; o <= FL_MAX_ORDER; o++)
		fl_head[o] = -1;
	for (long pfn = FL_PAGES - (1L << FL_MAX_ORDER); pfn >= 0; pfn -= 1L << FL_MAX_ORDER)
		fl_push(pfn, FL_MAX_ORDER);	/* lowest address first on the list */
}

static long fl_alloc(unsigned int order)
{
	unsigned int o = order;
	long pfn;

	while (o <= FL_MAX_ORDER && fl_head[o] < 0)
		o++;
	if (o > FL_MAX_ORDER)
		return -1;
	pfn = fl_head[o];
	fl_unlink(pfn, o);
	while (o > order) {	/* split: the upper halves go back on their lists */
		o--;
		fl_push(pfn + (1L << o), o);
	}
	return pfn;
}

static void fl_free(long pfn, unsigned int order)
{
	while (order < FL_MAX_ORDER) {	/* merge while the buddy is a free block of this order */
		long buddy = pfn ^ (1L << order);

		if (fl_order[buddy] != (signed char)order)
			break;
		fl_unlink(buddy, order);
		pfn &= ~(1L << order);
		order++;
	}
	fl_push(pfn, order);
}

#define PAGE_CONTENDER(NAME, ALLOC, FREE, TYPE, NONE) \
static noinline void run_page_pair_##NAME(long n) \
{ \
	for (long i = 0; i < n; i++) { \
		TYPE p = ALLOC(0); \
		FREE(p, 0); \
	} \
} \
static noinline void run_fill_drain_##NAME(long n) \
{ \
	for (long i = 0; i < n; i++) \
		slots[i] = (void *)(intptr_t)ALLOC(0); \
	for (long i = 0; i < n; i++) \
		FREE((TYPE)(intptr_t)slots[i], 0); \
} \
static noinline void run_random_orders_##NAME(long n) \
{ \
	for (long i = 0; i < 1000; i++) \
		slots[i] = (void *)(intptr_t)ALLOC(orders[i]); \
	for (long i = 0; i < n; i++) { \
		long k = (long)(i * 2654435761u % 1000); \
		if ((TYPE)(intptr_t)slots[k] != (NONE)) \
			FREE((TYPE)(intptr_t)slots[k], orders[k]); \
		slots[k] = (void *)(intptr_t)ALLOC(orders[k]); \
	} \
	for (long i = 0; i < 1000; i++) \
		if ((TYPE)(intptr_t)slots[i] != (NONE)) \
			FREE((TYPE)(intptr_t)slots[i], orders[i]); \
}

#define MMOS_ALLOC(o)	alloc_pages(GFP_KERNEL, o)
PAGE_CONTENDER(buddy, MMOS_ALLOC, __free_pages, struct page *, NULL)
PAGE_CONTENDER(buddy_nocheck, MMOS_ALLOC, __free_pages, struct page *, NULL)
PAGE_CONTENDER(bitmap, bm_alloc, bm_free, long, -1)
PAGE_CONTENDER(tree, tree_alloc, tree_free, long, -1)
PAGE_CONTENDER(freelist, fl_alloc, fl_free, long, -1)

/*** driver ***/

struct bench { const char *pattern, *contender; void (*fn)(long); long ops; };

#define B(p, c, ops, per_op) { #p, #c, run_##p##_##c, ops }
static struct bench benches[] = {
	B(pair64, kmalloc, 1000000, 1), B(pair64, glibc, 1000000, 1),
	B(pair64, mimalloc, 1000000, 1), B(pair64, jemalloc, 1000000, 1),
	B(batch, kmalloc, 1000000, 1), B(batch, glibc, 1000000, 1),
	B(batch, mimalloc, 1000000, 1), B(batch, jemalloc, 1000000, 1),
	B(mixed, kmalloc, 1000000, 1), B(mixed, glibc, 1000000, 1),
	B(mixed, mimalloc, 1000000, 1), B(mixed, jemalloc, 1000000, 1),
	B(page_pair, buddy, 1000000, 1), B(page_pair, buddy_nocheck, 1000000, 1),
	B(page_pair, bitmap, 100000, 1),
	B(page_pair, tree, 1000000, 1), B(page_pair, freelist, 1000000, 1),
	B(fill_drain, buddy, FILL_PAGES, 1), B(fill_drain, buddy_nocheck, FILL_PAGES, 1),
	B(fill_drain, bitmap, 8192, 1),
	B(fill_drain, tree, FILL_PAGES, 1), B(fill_drain, freelist, FILL_PAGES, 1),
	B(random_orders, buddy, 200000, 1), B(random_orders, buddy_nocheck, 200000, 1),
	B(random_orders, bitmap, 2000, 1),
	B(random_orders, tree, 200000, 1), B(random_orders, freelist, 200000, 1),
};

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void load_peer(const char *lib, const char *m, const char *f, void *(**mf)(size_t),
		      void (**ff)(void *))
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);

	if (!h && getenv("MMOS_BENCH_PRELOADED") && !strcmp(getenv("MMOS_BENCH_PRELOADED"), lib)) {
		*mf = malloc;	/* LD_PRELOADed: this process's malloc is that library's */
		*ff = free;
		return;
	}
	if (!h) {
		fprintf(stderr, "alloc_bench: cannot load %s (%s): skipping it\n", lib, dlerror());
		return;
	}
	*mf = (void *(*)(size_t))dlsym(h, m);
	*ff = (void (*)(void *))dlsym(h, f);
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	long ops_override = 0;
	int reps = 5;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
		else if (!strcmp(argv[i], "--ops") && i + 1 < argc)
			ops_override = atol(argv[++i]);
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]);
	}
	console_loglevel = 1;
	if (!host_boot("qemu-6G"))
		return 1;
	load_peer("libmimalloc.so.2", "mi_malloc", "mi_free", &mi_malloc_fn, &mi_free_fn);
	load_peer("libjemalloc.so.2", "malloc", "free", &je_malloc_fn, &je_free_fn);
	srand(42);
	for (long i = 0; i < (1 << 20); i++) {
		sizes[i] = 8 + (unsigned)(rand() % 4089);
		orders[i] = (unsigned char)(rand() % 4 ? rand() % 3 : rand() % 11);
	}
	tree_init();
	fl_init();
	for (size_t b = 0; b < sizeof(benches) / sizeof(benches[0]); b++) {
		struct bench *x = &benches[b];
		char name[64];
		double t[16];
		long ops = ops_override ? (ops_override < x->ops ? ops_override : x->ops) : x->ops;

		snprintf(name, sizeof(name), "%s/%s", x->pattern, x->contender);
		if (only && strcmp(only, name))
			continue;
		if ((!strcmp(x->contender, "mimalloc") && !mi_malloc_fn) ||
		    (!strcmp(x->contender, "jemalloc") && !je_malloc_fn))
			continue;
		/* what check_pages=0 on the boot line would set */
		check_pages_enabled = strcmp(x->contender, "buddy_nocheck") != 0;
		if (!only)
			x->fn(ops / 10 + 1);	/* warm-up */
		for (int r = 0; r < reps && r < 16; r++) {
			double t0 = now_ns();

			x->fn(ops);
			t[r] = (now_ns() - t0) / (double)ops;
		}
		qsort(t, (size_t)(reps < 16 ? reps : 16), sizeof(double), cmp_double);
		printf("RESULT %s %s %.1f %ld\n", x->pattern, x->contender, t[reps / 2], ops);
		fflush(stdout);
	}
	return 0;
}
