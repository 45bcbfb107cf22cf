/* SPDX-License-Identifier: MIT */
/*
 * mm/vmap_area.h - kernel virtual areas: who owns which part of
 * [VMALLOC_START, VMALLOC_END) (asm/pgtable_areas.h). Linux's names and
 * semantics (mm/vmalloc.c); the page tables are vmalloc's (mm/vmalloc.c).
 *
 * An area is [va_start, va_end), page aligned. It is in one of three places:
 * the busy tree (allocated; find_vmap_area() finds it), the purge list (freed,
 * its TLB entries perhaps stale, its range not reusable yet), or merged into
 * the free tree. Implementation and the choice of tree: mm/vmap_area.c.
 */
#ifndef MM_VMAP_AREA_H
#define MM_VMAP_AREA_H

#include <kernel/list.h>
#include <kernel/rbtree.h>
#include <kernel/spinlock.h>
#include <mm/gfp_types.h>

struct vm_struct;			/* mm/include/mm/vmalloc.h */

struct vmap_area {
	unsigned long va_start;		/* first byte */
	unsigned long va_end;		/* one past the last byte */
	struct rb_node rb_node;		/* in the busy or the free tree, keyed by address */
	struct list_head list;		/* address-ordered list of that tree, or the purge list */
	union {
		unsigned long subtree_max_size;	/* free tree: largest free size in this subtree */
		struct vm_struct *vm;		/* busy tree: its owner (NULL until set) */
	};
};

/* After kmem_cache_init(): the "vmap_area" cache and one free area [VMALLOC_START, VMALLOC_END). */
void vmap_init(void);

/*
 * The lowest-address fit of size bytes (a multiple of PAGE_SIZE, not 0)
 * aligned to align (a power of two, at least PAGE_SIZE in practice) inside
 * [vstart, vend): a busy area (vm == NULL). No space: purge the lazy list
 * and retry once; still none: print Linux's "vmap allocation for size %lu
 * failed: use vmalloc=<size> to increase size" unless __GFP_NOWARN and
 * return ERR_PTR(-EBUSY). No memory for a node: ERR_PTR(-ENOMEM). Bad
 * arguments: a warning naming the caller, ERR_PTR(-EINVAL).
 */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend, gfp_t gfp_mask);

/* The busy area containing addr, or NULL. O(log n). */
struct vmap_area *find_vmap_area(unsigned long addr);
/* The busy area STARTING at addr, unlinked from the busy tree; NULL (nothing changed) if none. */
struct vmap_area *find_unlink_vmap_area(unsigned long addr);

/*
 * An unlinked area whose page-table entries are already cleared but whose TLB
 * entries may be stale: goes on the purge list; its range is reused only
 * after the next purge. Purges by itself when the lazily freed pages exceed
 * lazy_max_pages().
 */
void free_vmap_area_noflush(struct vmap_area *va);
/* An unlinked area that was never mapped (or is flushed): straight back to the free tree. */
void free_vmap_area(struct vmap_area *va);
/*
 * Flush the TLB once for the combined range of the purge list, then return
 * its areas to the free tree.
 */
void purge_vmap_area_lazy(void);
void vm_unmap_aliases(void);		/* a forced purge, Linux's name */
unsigned long lazy_max_pages(void);	/* fls(num_online_cpus()) * (32 MiB / PAGE_SIZE) */

/* For reports and tests, protected by vmap_area_lock (a spinlock, irqsave): */
extern spinlock_t vmap_area_lock;
extern struct list_head vmap_area_list;		/* busy areas, address order */
extern struct list_head purge_vmap_area_list;	/* lazily freed, waiting for a purge */
unsigned long vmap_nr_busy(void);		/* number of busy areas */
unsigned long vmap_nr_lazy(void);		/* number of areas on the purge list */
/* The largest free gap inside [vstart, vend) (for tests: "the window is whole again"). */
unsigned long vmap_largest_free(unsigned long vstart, unsigned long vend);

#endif
