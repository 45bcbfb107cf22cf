// SPDX-License-Identifier: MIT
/*
 * mm/vmap_area.c - the kernel virtual-area allocator (Linux's mm/vmalloc.c,
 * its vmap_area half).
 *
 * Owns: every vmap_area and the three places one can be (mm/vmap_area.h):
 * the busy tree, the purge list, the free tree. Must not touch: page tables
 * (vmalloc's) and the pages behind an area. Locking: vmap_area_lock, irqsave,
 * around every tree and list; nodes are allocated before it is taken.
 * Tests: tests/kernel/vmap_area_test.c.
 *
 * Free space is a red-black tree of free blocks keyed by address, augmented
 * with subtree_max_size, the largest free block in each subtree (Linux's
 * "free vmap area" tree). The lowest block that can hold a request is found
 * by one walk from the root that skips every subtree too small to hold it,
 * O(log n) (find_vmap_lowest_match() says where alignment makes it more);
 * a freed range merges with its neighbours (merge_or_add_vmap_area()), so
 * the free blocks are never adjacent. Busy areas are a plain red-black tree
 * for address lookup, O(log n).
 *
 * Stale TLB entries: an area freed with free_vmap_area_noflush() has its
 * page-table entries cleared but may still be cached in the TLB until the
 * next purge_vmap_area_lazy() flushes [lowest start, highest end) of the
 * purge list once. Until then its range stays on the purge list and is
 * never handed out again, so a stale entry can only be hit by a use after
 * free of that very area, never by its next owner.
 */
#include <asm/pgtable_areas.h>
#include <asm/tlbflush.h>
#include <kernel/bug.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/log2.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/rbtree_augmented.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmap_area.h>
#include "internal.h"

DEFINE_SPINLOCK(vmap_area_lock);
LIST_HEAD(vmap_area_list);
LIST_HEAD(purge_vmap_area_list);

/* Not static only so that the tests can check them (mm/internal.h). */
struct rb_root vmap_area_root = RB_ROOT;		/* busy */
struct rb_root free_vmap_area_root = RB_ROOT;
LIST_HEAD(free_vmap_area_list);
static struct kmem_cache *vmap_area_cachep;
static unsigned long vmap_lazy_nr;	/* pages on the purge list */
static unsigned long nr_busy, nr_lazy;

/* What the node allocations keep of the caller's mask: reclaim and warning bits, no zone. */
#define VMAP_NODE_GFP_MASK	(GFP_KERNEL | __GFP_HIGH | __GFP_NOWARN | __GFP_NOFAIL)

static inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static inline unsigned long get_subtree_max_size(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

static unsigned long compute_subtree_max_size(const struct vmap_area *va)
{
	return max(va_size(va), max(get_subtree_max_size(va->rb_node.rb_left),
				    get_subtree_max_size(va->rb_node.rb_right)));
}

/*
 * The augment callbacks of the free tree (kernel/rbtree_augmented.h). The
 * walk up stops at the first node whose value comes out unchanged: every
 * value above it was computed from that same value.
 */
static void free_va_propagate(struct rb_node *node, struct rb_node *stop)
{
	while (node != stop) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node);
		unsigned long new_max = compute_subtree_max_size(va);

		if (va->subtree_max_size == new_max)
			break;
		va->subtree_max_size = new_max;
		node = rb_parent(node);
	}
}

static void free_va_copy(struct rb_node *old, struct rb_node *new)
{
	rb_entry(new, struct vmap_area, rb_node)->subtree_max_size =
		rb_entry(old, struct vmap_area, rb_node)->subtree_max_size;
}

static void free_va_rotate(struct rb_node *old, struct rb_node *new)
{
	struct vmap_area *o = rb_entry(old, struct vmap_area, rb_node);

	free_va_copy(old, new);
	o->subtree_max_size = compute_subtree_max_size(o);
}

static const struct rb_augment_callbacks free_vmap_area_rb_augment_cb = {
	free_va_propagate, free_va_copy, free_va_rotate,
};

/* va's own block changed size (or it was just linked): fix the values up to the root. */
static void augment_tree_propagate_from(struct vmap_area *va)
{
	free_va_propagate(&va->rb_node, NULL);
}

/*
 * Where va would be linked in root: the empty link and its parent. NULL if
 * va overlaps an area already there (a double free, or a bug): reported.
 */
static struct rb_node **find_va_links(const struct vmap_area *va, struct rb_root *root,
				      struct rb_node **parent)
{
	struct rb_node **link = &root->rb_node;

	*parent = NULL;
	while (*link) {
		struct vmap_area *tmp = rb_entry(*link, struct vmap_area, rb_node);

		*parent = *link;
		if (va->va_end <= tmp->va_start) {
			link = &(*link)->rb_left;
		} else if (va->va_start >= tmp->va_end) {
			link = &(*link)->rb_right;
		} else {
			WARN(1, "vmap_area: [%#lx, %#lx) overlaps [%#lx, %#lx) in the %s tree\n",
			     va->va_start, va->va_end, tmp->va_start, tmp->va_end,
			     root == &vmap_area_root ? "busy" : "free");
			return NULL;
		}
	}
	return link;
}

/* The list position after which va goes: a left child precedes its parent, a right one follows. */
static struct list_head *get_va_prev_sibling(struct rb_node *parent, struct rb_node **link,
					     struct list_head *head)
{
	struct vmap_area *p;

	if (!parent)
		return head;	/* an empty tree */
	p = rb_entry(parent, struct vmap_area, rb_node);
	return link == &parent->rb_left ? p->list.prev : &p->list;
}

static void link_va(struct vmap_area *va, struct rb_root *root, struct rb_node *parent,
		    struct rb_node **link, struct list_head *head, bool augment)
{
	rb_link_node(&va->rb_node, parent, link);
	list_add(&va->list, get_va_prev_sibling(parent, link, head));
	if (augment) {
		/* a leaf: its own size, then its ancestors', before any rotation */
		va->subtree_max_size = 0;
		augment_tree_propagate_from(va);
		rb_insert_augmented(&va->rb_node, root, &free_vmap_area_rb_augment_cb);
	} else {
		rb_insert_color(&va->rb_node, root);
	}
}

static void unlink_va(struct vmap_area *va, struct rb_root *root, bool augment)
{
	if (augment)
		rb_erase_augmented(&va->rb_node, root, &free_vmap_area_rb_augment_cb);
	else
		rb_erase(&va->rb_node, root);
	list_del_init(&va->list);
	RB_CLEAR_NODE(&va->rb_node);
}

/* Into the busy tree. false (reported) if it overlaps a busy area. */
static bool insert_vmap_area(struct vmap_area *va, struct rb_root *root, struct list_head *head)
{
	struct rb_node *parent, **link = find_va_links(va, root, &parent);

	if (link)
		link_va(va, root, parent, link, head, false);
	return link != NULL;
}

/*
 * Give [va_start, va_end) back to the free tree, joined with the free block
 * that ends where it starts and the one that starts where it ends, if any:
 * free blocks are never adjacent, so these are its list neighbours at the
 * place the search finds. A node absorbed by a neighbour is freed. Returns
 * the free block that now holds the range, or NULL if the range overlapped a
 * free block (reported; nothing changed, va is not freed).
 */
static struct vmap_area *merge_or_add_vmap_area(struct vmap_area *va, struct rb_root *root,
						struct list_head *head)
{
	struct rb_node *parent, **link = find_va_links(va, root, &parent);
	struct list_head *prev_pos, *next_pos;
	struct vmap_area *sibling;
	bool merged = false;

	if (!link)
		return NULL;
	prev_pos = get_va_prev_sibling(parent, link, head);
	next_pos = prev_pos->next;
	if (next_pos != head) {
		sibling = list_entry(next_pos, struct vmap_area, list);
		if (sibling->va_start == va->va_end) {
			/* the next block grows down over va; its place in the tree holds */
			sibling->va_start = va->va_start;
			kmem_cache_free(vmap_area_cachep, va);
			va = sibling;
			merged = true;
		}
	}
	if (prev_pos != head) {
		sibling = list_entry(prev_pos, struct vmap_area, list);
		if (sibling->va_end == va->va_start) {
			/* the previous block grows up over va (and the next block, if joined) */
			if (merged)
				unlink_va(va, root, true);
			sibling->va_end = va->va_end;
			kmem_cache_free(vmap_area_cachep, va);
			va = sibling;
			merged = true;
		}
	}
	if (merged)
		augment_tree_propagate_from(va);
	else
		link_va(va, root, parent, link, head, true);
	return va;
}

/*
 * Can the free block va hold size bytes aligned to align inside
 * [vstart, vend)? The candidate address is the first aligned one in the
 * block's part of the range; it fits if size bytes from there end by the
 * block's (or the range's) end.
 */
static bool is_within_this_va(const struct vmap_area *va, unsigned long size, unsigned long align,
			      unsigned long vstart, unsigned long vend)
{
	unsigned long start = max(va->va_start, vstart), end = min(va->va_end, vend);
	unsigned long nva_start = ALIGN(start, align);

	if (nva_start < start || nva_start >= end)	/* wrapped, or past the end */
		return false;
	return end - nva_start >= size;
}

/*
 * The lowest free block that holds size bytes aligned to align inside
 * [vstart, vend), or NULL.
 *
 * An in-order walk that skips what cannot hold the request: a left subtree
 * whose largest block is smaller than size, or that lies wholly below vstart
 * (everything left of a block starting at or below vstart ends there too),
 * and a right subtree whose largest block is smaller than size. The first
 * block that fits is the lowest fit, since blocks are disjoint and in
 * address order; a block starting at or above vend ends the search.
 *
 * Alignment. Linux prunes with size + align - 1 instead of size: a block
 * that large holds the request wherever it starts, so the first block the
 * pruned walk reaches fits and the walk is one descent, O(log n) always. But
 * it misses a smaller block that happens to be well aligned, so a request
 * can fail, or land higher, though a fitting gap exists. mmos prunes with
 * size, which misses nothing: the result is the lowest fit exactly (the
 * tests predict every address with a bitmap model). The price: a block at
 * least size long but too small once aligned is visited and passed, so the
 * walk is O(log n) plus O(log n) per such block lower than the answer. With
 * align <= PAGE_SIZE (vmalloc's usual case) no block is ever passed.
 */
static struct vmap_area *find_vmap_lowest_match(struct rb_root *root, unsigned long size,
						unsigned long align, unsigned long vstart,
						unsigned long vend)
{
	struct rb_node *node = root->rb_node, *parent;
	struct vmap_area *va;

	while (node) {
		va = rb_entry(node, struct vmap_area, rb_node);
		if (get_subtree_max_size(node->rb_left) >= size && vstart < va->va_start) {
			node = node->rb_left;
			continue;
		}
		/* nothing to the left: this block, then the right subtree, then climb */
		for (;;) {
			if (va->va_start >= vend)
				return NULL;
			if (is_within_this_va(va, size, align, vstart, vend))
				return va;
			if (get_subtree_max_size(node->rb_right) >= size) {
				node = node->rb_right;
				break;
			}
			/* up to the first ancestor we are left of: the next block in order */
			while ((parent = rb_parent(node)) && node == parent->rb_right)
				node = parent;
			if (!parent)
				return NULL;
			node = parent;
			va = rb_entry(node, struct vmap_area, rb_node);
		}
	}
	return NULL;
}

enum fit_type {
	NOTHING_FIT,
	FL_FIT_TYPE,	/* full: the request is the whole block */
	LE_FIT_TYPE,	/* left edge: the block keeps its upper part */
	RE_FIT_TYPE,	/* right edge: the block keeps its lower part */
	NE_FIT_TYPE,	/* no edge: the block splits in two */
};

static enum fit_type classify_va_fit_type(const struct vmap_area *va, unsigned long nva_start,
					  unsigned long size)
{
	if (nva_start < va->va_start || nva_start + size > va->va_end)
		return NOTHING_FIT;
	if (va->va_start == nva_start)
		return va->va_end == nva_start + size ? FL_FIT_TYPE : LE_FIT_TYPE;
	return va->va_end == nva_start + size ? RE_FIT_TYPE : NE_FIT_TYPE;
}

/*
 * Cut [nva_start, nva_start + size) out of the free block va. Splitting in
 * two takes a second node: *spare, allocated before the lock was taken
 * (Linux's ne_fit_preload_node), set to NULL once used.
 */
static void va_clip(struct rb_root *root, struct list_head *head, struct vmap_area *va,
		    unsigned long nva_start, unsigned long size, struct vmap_area **spare)
{
	struct vmap_area *lva;

	switch (classify_va_fit_type(va, nva_start, size)) {
	case FL_FIT_TYPE:
		unlink_va(va, root, true);
		kmem_cache_free(vmap_area_cachep, va);
		return;
	case LE_FIT_TYPE:
		va->va_start += size;
		break;
	case RE_FIT_TYPE:
		va->va_end = nva_start;
		break;
	case NE_FIT_TYPE:
		lva = *spare;
		*spare = NULL;
		lva->va_start = va->va_start;
		lva->va_end = nva_start;
		va->va_start = nva_start + size;
		augment_tree_propagate_from(va);
		merge_or_add_vmap_area(lva, root, head);	/* no neighbour touches it */
		return;
	case NOTHING_FIT:
		BUG();
	}
	augment_tree_propagate_from(va);
}

/* Under vmap_area_lock: take the lowest fit from the free tree; 0 if there is none. */
static unsigned long __alloc_vmap_area(unsigned long size, unsigned long align,
				       unsigned long vstart, unsigned long vend,
				       struct vmap_area **spare)
{
	struct vmap_area *va = find_vmap_lowest_match(&free_vmap_area_root, size, align, vstart, vend);
	unsigned long nva_start;

	if (!va)
		return 0;
	nva_start = ALIGN(max(va->va_start, vstart), align);
	va_clip(&free_vmap_area_root, &free_vmap_area_list, va, nva_start, size, spare);
	return nva_start;
}

struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend, gfp_t gfp_mask)
{
	gfp_t node_gfp = gfp_mask & VMAP_NODE_GFP_MASK;
	struct vmap_area *va, *spare;
	unsigned long addr, flags;
	bool purged = false;

	if (WARN(!size || size & ~PAGE_MASK || !align || (align & (align - 1)) || vend <= vstart,
		 "alloc_vmap_area: size %#lx align %#lx range [%#lx, %#lx) from %pS\n", size, align,
		 vstart, vend, __builtin_return_address(0)))
		return ERR_PTR(-EINVAL);
	va = kmem_cache_alloc(vmap_area_cachep, node_gfp);
	spare = kmem_cache_alloc(vmap_area_cachep, node_gfp);
	if (!va || !spare)
		goto nomem;
retry:
	spin_lock_irqsave(&vmap_area_lock, flags);
	addr = __alloc_vmap_area(size, align, vstart, vend, &spare);
	if (addr) {
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = NULL;
		/* the range came from the free tree: a busy area there means corrupt trees */
		if (WARN(!insert_vmap_area(va, &vmap_area_root, &vmap_area_list),
			 "alloc_vmap_area: [%#lx, %#lx) overlaps a busy area\n", addr, addr + size))
			addr = 0;
		else
			nr_busy++;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (!addr && !purged) {
		/* lazily freed ranges may be what is missing */
		purge_vmap_area_lazy();
		purged = true;
		goto retry;
	}
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	if (addr)
		return va;
	if (!(gfp_mask & __GFP_NOWARN))
		pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
			size);
	kmem_cache_free(vmap_area_cachep, va);
	return ERR_PTR(-EBUSY);
nomem:
	if (va)
		kmem_cache_free(vmap_area_cachep, va);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	return ERR_PTR(-ENOMEM);
}

/* Under vmap_area_lock: the busy area containing addr. */
struct vmap_area *__find_vmap_area(unsigned long addr, struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = __find_vmap_area(addr, &vmap_area_root);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va;
}

struct vmap_area *find_unlink_vmap_area(unsigned long addr)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = __find_vmap_area(addr, &vmap_area_root);
	if (va && va->va_start == addr) {
		unlink_va(va, &vmap_area_root, false);
		nr_busy--;
	} else {
		va = NULL;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va;
}

void free_vmap_area(struct vmap_area *va)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	merge_or_add_vmap_area(va, &free_vmap_area_root, &free_vmap_area_list);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

unsigned long lazy_max_pages(void)
{
	return fls_long(NR_CPUS) * (32UL << (20 - PAGE_SHIFT));
}

void free_vmap_area_noflush(struct vmap_area *va)
{
	unsigned long flags;
	bool over;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_add_tail(&va->list, &purge_vmap_area_list);
	vmap_lazy_nr += va_size(va) >> PAGE_SHIFT;
	nr_lazy++;
	over = vmap_lazy_nr > lazy_max_pages();
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (over)
		purge_vmap_area_lazy();
}

/*
 * One flush covers the whole list: [lowest start, highest end) may span
 * busy areas too, which costs them nothing but refilled TLB entries.
 */
void purge_vmap_area_lazy(void)
{
	unsigned long flags, start = ~0UL, end = 0;
	struct vmap_area *va, *n;

	spin_lock_irqsave(&vmap_area_lock, flags);
	if (list_empty(&purge_vmap_area_list)) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		return;
	}
	list_for_each_entry(va, &purge_vmap_area_list, list) {
		start = min(start, va->va_start);
		end = max(end, va->va_end);
	}
	flush_tlb_kernel_range(start, end);
	list_for_each_entry_safe(va, n, &purge_vmap_area_list, list) {
		list_del_init(&va->list);
		merge_or_add_vmap_area(va, &free_vmap_area_root, &free_vmap_area_list);
	}
	vmap_lazy_nr = 0;
	nr_lazy = 0;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

void vm_unmap_aliases(void)
{
	purge_vmap_area_lazy();
}

unsigned long vmap_nr_busy(void)
{
	return READ_ONCE(nr_busy);
}

unsigned long vmap_nr_lazy(void)
{
	return READ_ONCE(nr_lazy);
}

unsigned long vmap_largest_free(unsigned long vstart, unsigned long vend)
{
	unsigned long flags, best = 0;
	struct vmap_area *va;

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry(va, &free_vmap_area_list, list) {
		unsigned long s = max(va->va_start, vstart), e = min(va->va_end, vend);

		if (va->va_start >= vend)
			break;
		if (e > s && e - s > best)
			best = e - s;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return best;
}

void vmap_init(void)
{
	struct vmap_area *va;

	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0, SLAB_PANIC,
					     NULL);
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		panic("vmap_init: no memory for the first vmap_area");
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	spin_lock(&vmap_area_lock);
	merge_or_add_vmap_area(va, &free_vmap_area_root, &free_vmap_area_list);
	spin_unlock(&vmap_area_lock);
}
