/* SPDX-License-Identifier: MIT */
/*
 * mm/memmap.h - every page frame's state, zone by zone, as runs.
 *
 * memmap_walk() classifies each pfn of each zone's span from the page's
 * own flags and type, as Linux defines them, and hands out runs of pages
 * in the same state (mm/memmap_dump.c says how each state is known).
 * show_memmap() prints them ("memmap" in the shell), and
 * tools/memmap-plot draws what it printed. The frag workload
 * (mm/frag.c) fragments one zone so there is something to see.
 */
#ifndef MM_MEMMAP_H
#define MM_MEMMAP_H

#include <mm/mmzone.h>

enum memmap_state {
	MEMMAP_HOLE,		/* no RAM: outside memblock.memory (no struct page needed) */
	MEMMAP_RESERVED,	/* PG_reserved: boot reservations, never the buddy allocator's */
	MEMMAP_FREE,		/* in a free block on the buddy lists (PageBuddy head + order) */
	MEMMAP_PCP,		/* in a block on a per-CPU list: free, but not in buddyinfo */
	MEMMAP_ALLOC,		/* allocated, none of the below */
	MEMMAP_SLAB,		/* a slab's page (PG_slab on the slab's first page) */
	MEMMAP_VMALLOC,		/* a data page of a vmalloc area (its vm_struct's pages[]) */
	MEMMAP_HEAD,		/* first page of a compound page, not a slab (PG_head) */
	MEMMAP_TAIL,		/* any other page of one (PG_tail) */
	NR_MEMMAP_STATES
};

/* The names show_memmap() prints: hole reserved free pcp alloc slab vmalloc head tail. */
extern const char *const memmap_state_names[NR_MEMMAP_STATES];

/*
 * Pages [pfn, pfn + nr) of one zone, all in state. order: for free and pcp
 * the order of the blocks the run is made of, for head the compound
 * order; -1 for the other states.
 */
struct memmap_run {
	unsigned long pfn, nr;
	enum memmap_state state;
	int order;
};

/*
 * What memmap_walk() calls: zone() once per zone that spans pages, before
 * its runs, with the zone's lock held and interrupts off (so the zone's
 * counters it reads agree with the runs); run() for each run, ascending,
 * holes included; zone_end() after the last run. Neither may allocate.
 */
struct memmap_walker {
	void (*zone)(const struct zone *z, int pcp_count, void *arg);
	void (*run)(const struct zone *z, const struct memmap_run *run, void *arg);
	void (*zone_end)(const struct zone *z, void *arg);
	void *arg;
};

/*
 * Walk every zone's span, allocating nothing. Returns 0, or -ENOMEM when
 * there were more vmalloc pages than its static list holds (the walk
 * still happens; the rest of them show as alloc). Not reentrant.
 */
int memmap_walk(const struct memmap_walker *w);

/*
 * Print the walk: per zone a "memmap: zone NAME ..." line with the zone's
 * own counters, then "PFN NR STATE[:ORDER]" lines; "memmap: end" last.
 * Two runs repeated (as frag leaves a zone: one page free, one held) fold
 * into one line, "PFN NR A*a+B*b": NR / (a + b) times a pages in state A
 * then b in state B.
 */
void show_memmap(void);

/*
 * The frag workload: take pct percent (1..100) of the free pages of the
 * zone GFP_KERNEL is served from, an order-0 page at a time, then give
 * back the pages at odd pfns, holding the even ones (their buddies), and
 * drain the per-CPU lists so what was freed lands in the buddy lists as
 * order-0 blocks that cannot merge. Holds the pages itself until
 * frag_release(). Returns the pages held, or a negative errno: -EBUSY
 * while pages are held, -EINVAL for pct out of range, -ENOMEM.
 */
long frag_run(unsigned int pct);
/* Give back what frag_run() holds; returns the number of pages freed. */
unsigned long frag_release(void);
/* Pages frag_run() holds now; the i-th of them (even pfns), NULL past the end. */
unsigned long frag_held(void);
struct page *frag_page(unsigned long i);
/* The zone frag_run() takes from: the first a GFP_KERNEL order-0 request tries. */
struct zone *frag_zone(void);

#endif
