// SPDX-License-Identifier: MIT
/*
 * tests/fuzz/fuzz_alloc.c - libFuzzer harness for the page and slab allocators.
 *
 * mm/ is booted once on a simulated machine: 512 MiB for the x86_64
 * flavour; for the i386 one "tight", which has little RAM in each zone and
 * HighMem above 4 GiB (PAE, reached through kmap), so allocations run out
 * and fall back; or the map $MMOS_HOST_MAP names (tests/host/shim.c).
 *
 * Each input is a program: every byte picks an operation (alloc_pages with
 * a GFP mix, __free_pages, split_page, get_page and put_page by other
 * holders, kmalloc, kzalloc, krealloc, kfree, kmem_cache_create/alloc/free/
 * destroy, or one of the caller bugs below) and the next bytes its
 * arguments. Checked as it goes: no two live blocks overlap (a bitmap
 * of pfns), every block and slab object lies in a zone its GFP flags or
 * cache allow, contents written at allocation are intact at free. After
 * every operation: every page is accounted for exactly once (buddy lists,
 * per-CPU lists, live blocks, slab pages add up to the total at boot), and
 * the buddy lists are sound and fully merged (check_buddy_lists()). At the
 * end everything is freed and the free page count and the buddy free lists
 * must be exactly as at the start.
 *
 * The caller bugs are those mmos promises to survive: a block freed twice
 * in a row, freed with the wrong order, or by one of its inner pages; kfree
 * of a pointer inside an object, of a page that is no slab object, or of an
 * object just freed. Each must make exactly one report (a Bad page state,
 * a slab BUG or a WARN), and the checks above must go on holding: nothing
 * lost, nothing handed out twice. (A double kfree with other frees between
 * is caught only by the debug caches' freelist walk, as on Linux, so the
 * harness does not make it on the others.)
 */
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/slab.h>
#include "../../mm/internal.h"
#include "../kernel/mm_checks.h"
#include "fuzz.h"

bool host_boot(const char *name);
const char *host_map_name(const char *dflt);

#define MAX_BLOCKS	64
#define MAX_OBJS	128
#define MAX_CACHES	4
#define LONG_BITS	(8 * sizeof(long))	/* 32 in the i386 flavour */

/* refs: the references held on it (get_page() adds one; a free or put_page() drops one) */
struct block { struct page *page; unsigned int order; gfp_t gfp; unsigned int refs; };
struct obj { u8 *p; u32 size; struct kmem_cache *cache; };

static struct block blocks[MAX_BLOCKS];
static struct obj objs[MAX_OBJS];
static struct kmem_cache *caches[MAX_CACHES];
static u64 cache_limit[MAX_CACHES];	/* where its objects must end: 4 GiB for SLAB_CACHE_DMA32 */
static unsigned int nblocks, nobjs;
static unsigned long *pfn_map, baseline;
static unsigned long live_pages, total_pages;

static const gfp_t gfps[8] = {
	GFP_KERNEL, GFP_KERNEL | __GFP_COMP, GFP_DMA, GFP_DMA32, GFP_HIGHUSER,
	GFP_KERNEL | __GFP_ZERO, GFP_ATOMIC, GFP_DMA32 | __GFP_COMP,
};

/* Mark n pages from page live (set) or free in the pfn bitmap; they must not be already. */
static void mark(struct page *page, unsigned long n, bool set)
{
	for (unsigned long pfn = page_to_pfn(page); pfn < page_to_pfn(page) + n; pfn++) {
		unsigned long bit = 1UL << (pfn % LONG_BITS), *w = &pfn_map[pfn / LONG_BITS];

		CHECK(set ? !(*w & bit) : (*w & bit));
		*w ^= bit;
	}
}

static void block_add(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long *word;

	CHECK(page_zonenum(page) <= gfp_zone(gfp));
	CHECK(!(page_to_pfn(page) & ((1UL << order) - 1)));
	mark(page, 1UL << order, true);
	live_pages += 1UL << order;
	word = kmap_local_page(page);	/* HighMem pages too (the i386 flavour) */
	*word = page_to_pfn(page) ^ 0x5a5a;
	kunmap_local(word);
	blocks[nblocks++] = (struct block){ page, order, gfp, 1 };
}

/* Block i is about to go: check its contents, mark its pages free, forget it. */
static struct block block_forget(unsigned int i)
{
	struct block b = blocks[i];
	unsigned long *word = kmap_local_page(b.page);

	CHECK(*word == (page_to_pfn(b.page) ^ 0x5a5a));
	kunmap_local(word);
	mark(b.page, 1UL << b.order, false);
	live_pages -= 1UL << b.order;
	blocks[i] = blocks[--nblocks];
	return b;
}

/* Free block i, held once, telling __free_pages() order (its own, unless testing a bad free). */
static void block_free_as(unsigned int i, unsigned int order)
{
	CHECK(blocks[i].refs == 1);
	__free_pages(block_forget(i).page, order);
}

/* The page a reference goes through: any page of a compound block, the first of a plain one. */
static struct page *ref_page(const struct block *b, u8 k)
{
	return PageCompound(b->page) ? b->page + k % (1u << b->order) : b->page;
}

/*
 * Drop one of block i's references, by __free_pages() or by put_page() on
 * ref_page(). The last one frees the block. Before that, __free_pages() of
 * a plain block frees all but its first page, which the other holders keep
 * (Linux's rule); a put_page(), or a free of a compound block, frees nothing.
 */
static void block_drop(unsigned int i, bool put, u8 k)
{
	struct block *b = &blocks[i];
	struct page *p = ref_page(b, k);

	if (put) {
		if (b->refs-- == 1)
			block_forget(i);	/* b is gone: p is all that is needed */
		put_page(p);
	} else if (b->refs == 1) {
		block_free_as(i, b->order);
	} else {
		b->refs--;
		__free_pages(b->page, b->order);
		if (!PageCompound(b->page) && b->order) {
			mark(b->page + 1, (1UL << b->order) - 1, false);
			live_pages -= (1UL << b->order) - 1;
			b->order = 0;
		}
	}
}

static void block_free(unsigned int i)
{
	block_drop(i, false, 0);
}

static bool bytes_are(const u8 *p, u8 v, u32 n)
{
	for (u32 i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

#define NO_LIMIT	(~0ULL)
#define DMA_LIMIT	(16ULL << 20)	/* dma-kmalloc */
#define DMA32_LIMIT	(4ULL << 30)	/* SLAB_CACHE_DMA32 */

/* A new object of size bytes, from cache s (NULL: kmalloc), that must end below limit. */
static void obj_add(u8 *p, u32 size, struct kmem_cache *s, u64 limit)
{
	CHECK(ksize(p) >= size);
	CHECK((u64)__pa(p) + size <= limit);
	memset(p, (u8)size, size);
	objs[nobjs++] = (struct obj){ p, size, s };
}

static void obj_free(unsigned int i)
{
	struct obj o = objs[i];

	CHECK(o.p[0] == (u8)o.size && o.p[o.size - 1] == (u8)o.size);
	if (o.cache)
		kmem_cache_free(o.cache, o.p);
	else
		kfree(o.p);
	objs[i] = objs[--nobjs];
}

/* Reports of every kind so far: Bad page state, slab BUG, WARN. */
static unsigned long reports(void)
{
	return bad_page_count() + slab_report_count() + warn_count();
}

/* stmt, a caller bug, must be reported exactly once. */
#define ONE_REPORT(stmt) do { \
	unsigned long __r0 = reports(); \
	stmt; \
	CHECK(reports() == __r0 + 1); \
} while (0)

/* The caller bugs (op 8 and up); a and b pick the victim and the variant. */
static void caller_bug(u8 op, u8 a, u8 b)
{
	unsigned int i;

	switch (op) {
	case 8:	/* free a block twice in a row */
		if (nblocks && blocks[a % nblocks].refs == 1) {
			struct block bl = blocks[a % nblocks];

			block_free(a % nblocks);
			ONE_REPORT(__free_pages(bl.page, bl.order));
		}
		break;
	case 9:	/* free with the wrong order: reported, and freed with the right one */
		if (nblocks && blocks[a % nblocks].refs == 1) {
			i = a % nblocks;
			ONE_REPORT(block_free_as(i, (blocks[i].order + 1 + b % 10) % 11));
		}
		break;
	case 10: /* free an inner page of a block: reported, the block stays */
		if (nblocks && blocks[a % nblocks].order) {
			struct block bl = blocks[a % nblocks];

			ONE_REPORT(__free_pages(bl.page + 1 + b % ((1u << bl.order) - 1), 0));
		}
		break;
	default: /* bad kfrees */
		if (b % 3 == 0 && nobjs && !objs[a % nobjs].cache && objs[a % nobjs].size >= 16) {
			ONE_REPORT(kfree(objs[a % nobjs].p + 8));	/* inside an object */
		} else if (b % 3 == 1 && nblocks && !PageHighMem(blocks[a % nblocks].page)) {
			ONE_REPORT(kfree(page_address(blocks[a % nblocks].page)));
		} else if (b % 3 == 2 && nobjs) {	/* the object just freed */
			struct obj o = objs[a % nobjs];

			obj_free(a % nobjs);
			if (o.cache)
				ONE_REPORT(kmem_cache_free(o.cache, o.p));
			else
				ONE_REPORT(kfree(o.p));
		}
		break;
	}
}

static void cache_destroy(unsigned int c)
{
	for (unsigned int i = 0; i < nobjs;)
		if (objs[i].cache == caches[c])
			obj_free(i);
		else
			i++;
	CHECK(kmem_cache_destroy(caches[c]) == 0);
	caches[c] = NULL;
}

/* Pages free (buddy and per-CPU lists), in live blocks, or holding slab objects. */
static unsigned long accounted_pages(void)
{
	unsigned long n = nr_free_pages() + live_pages + slab_pages();
	struct zone *z;

	for_each_populated_zone(z)
		n += (unsigned long)this_cpu_pcp(z)->count;
	return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static struct ktest t = { .name = "fuzz" };

	(void)argc;
	(void)argv;
	console_loglevel = 0;
	CHECK(host_boot(host_map_name(sizeof(long) == 4 ? "tight" : "qemu-512M")));
	pfn_map = kzalloc(max_pfn / 8 + 8, GFP_KERNEL);
	CHECK(pfn_map);
	baseline = free_pages_now();
	CHECK(!check_free_lists(&t));
	total_pages = accounted_pages();
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *d, size_t n)
{
	static struct ktest t = { .name = "fuzz" };
	unsigned long slab_seen = slab_pages();
	size_t i = 0;

	while (i + 3 <= n) {
		u8 op = d[i], a = d[i + 1], b = d[i + 2];
		struct page *page;
		u8 *p;

		i += 3;
		switch (op % 16) {
		case 0:
			if (nblocks == MAX_BLOCKS)
				break;
			page = alloc_pages(gfps[b & 7] | __GFP_NOWARN, a % 11);
			if (page)
				block_add(page, a % 11, gfps[b & 7]);
			break;
		case 1:
			if (nblocks)
				block_free(a % nblocks);
			break;
		case 2:	/* split a plain block and give its pages back one by one */
			if (nblocks && blocks[a % nblocks].order && blocks[a % nblocks].refs == 1 &&
			    !PageCompound(blocks[a % nblocks].page)) {
				struct block bl = blocks[a % nblocks];

				block_free(a % nblocks);	/* verify, then take it again split */
				page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, bl.order);
				if (!page)
					break;
				split_page(page, bl.order);
				for (unsigned long k = 0; k < (1UL << bl.order); k++)
					__free_page(page + ((k * 7 + b) % (1UL << bl.order)));
			}
			break;
		case 3:
			if (nobjs == MAX_OBJS)
				break;
			p = kmalloc((size_t)a * 64 + b + 1, ((b & 3) == 3 ? GFP_DMA : GFP_KERNEL) | __GFP_NOWARN);
			if (p)
				obj_add(p, (u32)a * 64 + b + 1, NULL,
					(b & 3) == 3 ? DMA_LIMIT : NO_LIMIT);
			break;
		case 4:
			if (nobjs)
				obj_free(a % nobjs);
			break;
		case 5:
			if (!caches[a % MAX_CACHES]) {
				caches[a % MAX_CACHES] = kmem_cache_create("fuzz", (unsigned int)b * 8 + 8, 0,
					(a & 0x10 ? SLAB_CACHE_DMA32 : 0) | (a & 0x20 ? SLAB_HWCACHE_ALIGN : 0) |
					(a & 0x40 ? SLAB_POISON | SLAB_RED_ZONE : 0), NULL);
				cache_limit[a % MAX_CACHES] = a & 0x10 ? DMA32_LIMIT : NO_LIMIT;
			}
			break;
		case 6:
			if (caches[a % MAX_CACHES] && nobjs < MAX_OBJS) {
				struct kmem_cache *s = caches[a % MAX_CACHES];

				p = kmem_cache_alloc(s, GFP_KERNEL);
				if (p) {
					if (kmem_cache_size(s) > 0)
						obj_add(p, kmem_cache_size(s), s,
							cache_limit[a % MAX_CACHES]);
				}
			}
			break;
		case 7:
			if (caches[a % MAX_CACHES])
				cache_destroy(a % MAX_CACHES);
			break;
		case 12:	/* another holder: get_page() */
			if (nblocks && blocks[a % nblocks].refs < 8) {
				get_page(ref_page(&blocks[a % nblocks], b));
				blocks[a % nblocks].refs++;
			}
			break;
		case 13:	/* a holder lets go: put_page() */
			if (nblocks)
				block_drop(a % nblocks, true, b);
			break;
		case 14:	/* grow or shrink a kmalloc object: its bytes come along */
			if (nobjs && !objs[a % nobjs].cache) {
				unsigned int k = a % nobjs;
				u32 size = (u32)b * 64 + a + 1, old = objs[k].size;

				p = krealloc(objs[k].p, size, GFP_KERNEL | __GFP_NOWARN);
				if (p) {
					CHECK(bytes_are(p, (u8)old, min(size, old)));
					objs[k] = objs[--nobjs];
					obj_add(p, size, NULL, NO_LIMIT);
				}
			}
			break;
		case 15:	/* kzalloc: zeroed, whatever the memory held before */
			if (nobjs < MAX_OBJS) {
				u32 size = (u32)a * 32 + b + 1;

				p = kzalloc(size, GFP_KERNEL | __GFP_NOWARN);
				if (p) {
					CHECK(bytes_are(p, 0, size));
					obj_add(p, size, NULL, NO_LIMIT);
				}
			}
			break;
		default:
			caller_bug(op % 16, a, b);
			break;
		}
		CHECK(accounted_pages() == total_pages);
		/* the buddy lists changed only if a page operation ran or slab pages came or went */
		if (op % 16 <= 2 || op % 16 >= 8 || slab_pages() != slab_seen) {
			CHECK(!check_buddy_lists(&t));
			slab_seen = slab_pages();
		}
	}
	while (nobjs)
		obj_free(0);
	while (nblocks)
		block_free(0);
	for (unsigned int c = 0; c < MAX_CACHES; c++)
		if (caches[c])
			cache_destroy(c);
	CHECK(free_pages_now() == baseline);
	CHECK(!check_free_lists(&t));
	return 0;
}
