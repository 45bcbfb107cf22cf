// SPDX-License-Identifier: MIT
/*
 * mm/memmap_dump.c - the state of every page frame, as runs ("memmap").
 *
 * Owns: memmap_walk() and show_memmap(). How each state is known, in the
 * order the tests are made (the first that holds wins):
 *   hole      the pfn is in no memblock.memory range (pfn-rounded inward,
 *             as the zones' present_pages count them); its struct page, if
 *             any, is not read
 *   free      PageBuddy() (page_type PGTY_buddy) on the first page of a
 *             free block; page_private() is its order, and the block's
 *             2^order pages are free (Linux: PageBuddy + buddy_order())
 *   pcp       a page with no type and a zero refcount that heads a block on
 *             its zone's per-CPU list of some order (found by walking the
 *             lists: Linux marks such pages no more than mmos does); the
 *             block's 2^order pages
 *   reserved  PG_reserved (Linux: PageReserved)
 *   slab      PG_slab on the page or, for a tail page, on its compound
 *             head (Linux's PageSlab() asks the folio, i.e. the head)
 *   head/tail PG_head / PG_tail, a compound page that is not a slab
 *   vmalloc   the pfn is in the pages[] array of a busy vm_struct that owns
 *             its pages (VM_ALLOC, or vmap() with VM_MAP_PUT_PAGES): Linux
 *             6.12 marks no flag on vmalloc's pages, so, as its
 *             /proc/vmallocinfo does, they are found from the areas
 *   alloc     anything else in a zone's RAM: a page of an order-0 or
 *             plain higher-order allocation (its first page has the
 *             refcount and the allocation's order, the others 0 until
 *             split_page()). Checked after pcp, as pcp after vmalloc.
 * The walk allocates nothing: vmalloc's pfns go into a static sorted
 * array first, then each zone is walked with its lock held and interrupts
 * off, so its counters (nr_free, the per-CPU count, present, managed)
 * agree with its runs, and what it shows is the state before it ran.
 * Must not touch: allocator state; it reads.
 * Tests: tests/kernel/memmap_test.c; tools/memmap-plot draws the output and
 * tests/run's pictures configurations check its totals.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/memmap.h>
#include <mm/mm.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include "internal.h"

const char *const memmap_state_names[NR_MEMMAP_STATES] = {
	[MEMMAP_HOLE] = "hole",		[MEMMAP_RESERVED] = "reserved",
	[MEMMAP_FREE] = "free",		[MEMMAP_PCP] = "pcp",
	[MEMMAP_ALLOC] = "alloc",	[MEMMAP_SLAB] = "slab",
	[MEMMAP_VMALLOC] = "vmalloc",	[MEMMAP_HEAD] = "head",
	[MEMMAP_TAIL] = "tail",
};

/*
 * The pfns of vmalloc's pages, sorted: a static array, so that the walk
 * allocates nothing and the state it shows is the state before it ran.
 * 32768 pfns are 128 MiB of vmalloc'd pages; beyond that, the rest show as
 * alloc and the walk says so. Callers take turns (the shell, the tests).
 */
#define MEMMAP_VMALLOC_MAX	32768
static u32 vmalloc_pfns[MEMMAP_VMALLOC_MAX];

struct pfn_set {
	u32 *pfn;
	unsigned long nr, max, cursor;
	bool overflow;
};

static void set_add(struct pfn_set *s, u32 pfn)
{
	if (s->nr < s->max)
		s->pfn[s->nr++] = pfn;
	else
		s->overflow = true;
}

static void sift_down(u32 *a, unsigned long root, unsigned long n)
{
	for (;;) {
		unsigned long child = 2 * root + 1;
		u32 tmp;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[root] >= a[child])
			return;
		tmp = a[root];
		a[root] = a[child];
		a[child] = tmp;
		root = child;
	}
}

/* Heapsort: no recursion, no allocation. */
static void set_sort(struct pfn_set *s)
{
	u32 *a = s->pfn;

	for (unsigned long i = s->nr / 2; i-- > 0;)
		sift_down(a, i, s->nr);
	for (unsigned long end = s->nr; end > 1; end--) {
		u32 tmp = a[0];

		a[0] = a[end - 1];
		a[end - 1] = tmp;
		sift_down(a, 0, end - 1);
	}
	s->cursor = 0;
}

/* The walk asks in ascending pfn order: the cursor moves forward only. */
static bool set_has(struct pfn_set *s, unsigned long pfn)
{
	while (s->cursor < s->nr && s->pfn[s->cursor] < pfn)
		s->cursor++;
	return s->cursor < s->nr && s->pfn[s->cursor] == pfn;
}

static void collect_vmalloc(struct pfn_set *s)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry(va, &vmap_area_list, list) {
		const struct vm_struct *vm = va->vm;

		if (!vm || !vm->pages || !(vm->flags & (VM_ALLOC | VM_MAP_PUT_PAGES)))
			continue;
		for (unsigned int i = 0; i < vm->nr_pages; i++)
			if (vm->pages[i])
				set_add(s, (u32)page_to_pfn(vm->pages[i]));
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

/* Is page the first page of a block on zone's per-CPU lists? Its order, or -1. */
static int pcp_order(const struct zone *z, const struct page *page)
{
	struct per_cpu_pages *pcp = this_cpu_pcp((struct zone *)z);
	u32 want = (u32)page_to_pfn(page);

	for (unsigned int o = 0; o < NR_PCP_ORDERS; o++)
		for (u32 pfn = pcp->lists[o].first; pfn != PFN_NIL; pfn = mem_map[pfn].buddy_next)
			if (pfn == want)
				return (int)o;
	return -1;
}

struct walk_state {
	const struct memmap_walker *w;
	const struct zone *z;
	struct pfn_set *vmalloc;
	struct memmap_run run;		/* the run being gathered (nr 0: none) */
	unsigned long next;		/* the first pfn not yet classified */
	unsigned long block_end;	/* a free/pcp block or compound page goes on to here */
	enum memmap_state block_state;
	int block_order;
};

static void emit(struct walk_state *ws, unsigned long pfn, unsigned long nr,
		 enum memmap_state state, int order)
{
	struct memmap_run *r = &ws->run;

	if (r->nr && r->state == state && r->order == order && r->pfn + r->nr == pfn) {
		r->nr += nr;
		return;
	}
	if (r->nr)
		ws->w->run(ws->z, r, ws->w->arg);
	r->pfn = pfn;
	r->nr = nr;
	r->state = state;
	r->order = order;
}

static unsigned long start_block(struct walk_state *ws, unsigned long pfn, unsigned long end,
				 enum memmap_state state, int order)
{
	unsigned long n = 1UL << order;

	ws->block_state = state;
	ws->block_order = order;
	ws->block_end = pfn + n;
	n = min(n, end - pfn);
	emit(ws, pfn, n, state, state == MEMMAP_ALLOC ? -1 : order);
	return n;
}

/* One page of RAM that is not inside a block already seen; returns the pages it covers. */
static unsigned long classify(struct walk_state *ws, unsigned long pfn, unsigned long end)
{
	const struct page *page = pfn_to_page(pfn);
	const struct page *head;
	int order;

	if (PageBuddy(page))
		return start_block(ws, pfn, end, MEMMAP_FREE, (int)page_private(page));
	if (PageReserved(page)) {
		emit(ws, pfn, 1, MEMMAP_RESERVED, -1);
		return 1;
	}
	head = compound_head(page);
	if (PageSlab(head)) {
		emit(ws, pfn, 1, MEMMAP_SLAB, -1);
		return 1;
	}
	if (PageHead(page)) {
		emit(ws, pfn, 1, MEMMAP_HEAD, (int)compound_order(page));
		return 1;
	}
	if (PageTail(page)) {
		emit(ws, pfn, 1, MEMMAP_TAIL, -1);
		return 1;
	}
	if (set_has(ws->vmalloc, pfn)) {
		emit(ws, pfn, 1, MEMMAP_VMALLOC, -1);
		return 1;
	}
	/* a block on a per-CPU list: free, no type, refcount 0 (only its first page is listed) */
	if (!page_ref_count(page) && (order = pcp_order(ws->z, page)) >= 0)
		return start_block(ws, pfn, end, MEMMAP_PCP, order);
	/* a plain block of 2^order pages: the first has the count, the others none */
	order = page_alloc_order(page);
	if (page_ref_count(page) && order > 0)
		return start_block(ws, pfn, end, MEMMAP_ALLOC, order);
	emit(ws, pfn, 1, MEMMAP_ALLOC, -1);
	return 1;
}

/* memblock_for_each_mem_pfn_range()'s callback: one RAM range, clipped to the zone. */
static void walk_range(unsigned long spfn, unsigned long epfn, void *arg)
{
	struct walk_state *ws = arg;
	unsigned long start = max(spfn, ws->z->zone_start_pfn), end = min(epfn, zone_end_pfn(ws->z));

	if (start >= end || end <= ws->next)
		return;
	start = max(start, ws->next);
	if (start > ws->next)
		emit(ws, ws->next, start - ws->next, MEMMAP_HOLE, -1);
	for (unsigned long pfn = start; pfn < end;) {
		if (pfn < ws->block_end) {	/* the rest of a block that began before a hole */
			unsigned long n = min(ws->block_end, end) - pfn;

			emit(ws, pfn, n, ws->block_state,
			     ws->block_state == MEMMAP_ALLOC ? -1 : ws->block_order);
			pfn += n;
			continue;
		}
		pfn += classify(ws, pfn, end);
	}
	ws->next = end;
}

static void walk_zone(struct walk_state *ws, const struct zone *z)
{
	ws->z = z;
	ws->run.nr = 0;
	ws->next = z->zone_start_pfn;
	ws->block_end = 0;
	memblock_for_each_mem_pfn_range(walk_range, ws);
	if (ws->next < zone_end_pfn(z))
		emit(ws, ws->next, zone_end_pfn(z) - ws->next, MEMMAP_HOLE, -1);
	if (ws->run.nr)
		ws->w->run(z, &ws->run, ws->w->arg);
}

int memmap_walk(const struct memmap_walker *w)
{
	struct pfn_set vmalloc = { .pfn = vmalloc_pfns, .max = MEMMAP_VMALLOC_MAX };
	struct walk_state ws = { .w = w, .vmalloc = &vmalloc };
	unsigned long flags;
	struct zone *z;

	collect_vmalloc(&vmalloc);
	set_sort(&vmalloc);
	local_irq_save(flags);
	for_each_zone(z) {
		int count = populated_zone(z) ? this_cpu_pcp(z)->count : 0;

		if (!z->spanned_pages)
			continue;
		spin_lock(&z->lock);
		w->zone(z, count, w->arg);
		walk_zone(&ws, z);
		if (w->zone_end)
			w->zone_end(z, w->arg);
		spin_unlock(&z->lock);
	}
	local_irq_restore(flags);
	return vmalloc.overflow ? -ENOMEM : 0;
}

/*
 * The printer folds a pattern of two runs repeated (alloc 1, free:0 1,
 * alloc 1, ... as frag leaves a zone) into one line: "PFN NR A*a+B*b",
 * NR = the repeats times (a + b). pat[0..1] are the two runs, reps the
 * whole periods seen, half whether pat[0]'s shape came once more after them.
 */
static struct {
	struct memmap_run pat[2];
	unsigned long reps;
	int have;	/* runs in pat[] */
	bool half;
} printer;

static void print_state(char *buf, size_t size, const struct memmap_run *r)
{
	if (r->order >= 0)
		snprintf(buf, size, "%s:%d", memmap_state_names[r->state], r->order);
	else
		snprintf(buf, size, "%s", memmap_state_names[r->state]);
}

static void print_one(const struct memmap_run *r)
{
	char st[24];

	print_state(st, sizeof(st), r);
	printk(KERN_INFO "%#lx %lu %s\n", r->pfn, r->nr, st);
}

static bool same_shape(const struct memmap_run *a, const struct memmap_run *b)
{
	return a->state == b->state && a->order == b->order && a->nr == b->nr;
}

static void printer_feed(const struct memmap_run *r);

static void printer_flush(void)
{
	struct memmap_run *a = &printer.pat[0], *b = &printer.pat[1], dangling;
	bool half = printer.half;

	if (printer.have == 2 && printer.reps >= 2) {
		char sa[24], sb[24];

		print_state(sa, sizeof(sa), a);
		print_state(sb, sizeof(sb), b);
		printk(KERN_INFO "%#lx %lu %s*%lu+%s*%lu\n", a->pfn, printer.reps * (a->nr + b->nr),
		       sa, a->nr, sb, b->nr);
	} else {
		for (int i = 0; i < printer.have; i++)
			print_one(&printer.pat[i]);
	}
	dangling = *a;
	dangling.pfn = a->pfn + printer.reps * (a->nr + b->nr);
	printer.have = 0;
	printer.reps = 0;
	printer.half = false;
	if (half)
		printer_feed(&dangling);
}

static void printer_feed(const struct memmap_run *r)
{
	if (printer.have < 2) {
		printer.pat[printer.have++] = *r;
		printer.reps = printer.have == 2;
		return;
	}
	if (!printer.half && same_shape(r, &printer.pat[0])) {
		printer.half = true;
		return;
	}
	if (printer.half && same_shape(r, &printer.pat[1])) {
		printer.half = false;
		printer.reps++;
		return;
	}
	printer_flush();
	printer_feed(r);
}

static void print_zone(const struct zone *z, int pcp_count, void *arg)
{
	(void)arg;
	printer.have = 0;
	printer.reps = 0;
	printer.half = false;
	printk(KERN_INFO "memmap: zone %s start_pfn %#lx end_pfn %#lx spanned %lu present %lu "
	       "managed %lu free %lu pcp %d\n", z->name, z->zone_start_pfn, zone_end_pfn(z),
	       z->spanned_pages, z->present_pages, z->managed_pages, z->nr_free, pcp_count);
}

static void print_run(const struct zone *z, const struct memmap_run *r, void *arg)
{
	(void)z;
	(void)arg;
	printer_feed(r);
}

static void print_zone_end(const struct zone *z, void *arg)
{
	(void)z;
	(void)arg;
	while (printer.have)	/* a flush may leave the half period it cut off */
		printer_flush();
}

void show_memmap(void)
{
	static const struct memmap_walker w = {
		.zone = print_zone, .run = print_run, .zone_end = print_zone_end,
	};

	if (memmap_walk(&w))
		printk(KERN_INFO "memmap: more than %u vmalloc pages: the rest are shown as alloc\n",
		       MEMMAP_VMALLOC_MAX);
	printk(KERN_INFO "memmap: end\n");
}
