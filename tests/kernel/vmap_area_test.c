// SPDX-License-Identifier: MIT
/*
 * tests/kernel/vmap_area_test.c - the red-black tree (kernel/rbtree.c) and
 * the kernel virtual-area allocator (mm/vmap_area.c), in the kernel and hosted.
 *
 * The tree is checked from the outside: after every batch of random inserts
 * and erases, check_subtree() below walks it and recomputes everything the
 * red-black rules and the augmentation promise; check_free_tree() does the
 * same for the allocator's own free tree. The allocator is checked
 * against a page bitmap of a window at the top of the vmalloc range, where
 * the default (bottom-up) allocations never reach:
 *
 *   VMALLOC_START                                 vstart          vend
 *   |  vmalloc's areas, from the bottom ...       | window: model |
 *
 * The model predicts every address (the lowest aligned run of free pages)
 * or the failure, with lazily freed pages unusable until a purge.
 */
#include <asm/pgtable_areas.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/log2.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/rbtree_augmented.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/mm.h>
#include <mm/vmap_area.h>
#include "mm_checks.h"
#include "../../mm/internal.h"

/* A small xorshift generator: the same sequence on every run and build. */
static u64 rng_state;

static unsigned long rnd(unsigned long n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned long)(rng_state % n);
}

/*** The red-black tree ***/

struct tnode {
	struct rb_node rb;
	unsigned long key;	/* the order of the tree */
	unsigned long val;	/* a random weight */
	unsigned long max;	/* augmented: the largest val in the subtree */
	bool in_tree;
};

#define NR_TNODES	1024
static struct tnode tnodes[NR_TNODES];

static unsigned long tnode_max(const struct rb_node *n)
{
	return n ? rb_entry(n, struct tnode, rb)->max : 0;
}

static unsigned long tnode_compute(const struct tnode *x)
{
	return max(x->val, max(tnode_max(x->rb.rb_left), tnode_max(x->rb.rb_right)));
}

static void tnode_propagate(struct rb_node *n, struct rb_node *stop)
{
	for (; n != stop; n = rb_parent(n))
		rb_entry(n, struct tnode, rb)->max = tnode_compute(rb_entry(n, struct tnode, rb));
}

static void tnode_copy(struct rb_node *old, struct rb_node *new)
{
	rb_entry(new, struct tnode, rb)->max = rb_entry(old, struct tnode, rb)->max;
}

static void tnode_rotate(struct rb_node *old, struct rb_node *new)
{
	tnode_copy(old, new);
	rb_entry(old, struct tnode, rb)->max = tnode_compute(rb_entry(old, struct tnode, rb));
}

static const struct rb_augment_callbacks tnode_cb = { tnode_propagate, tnode_copy, tnode_rotate };

/* Insert x by key; false if the key is there already. */
static bool tnode_insert(struct rb_root *root, struct tnode *x, bool augment)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct tnode *p = rb_entry(*link, struct tnode, rb);

		if (x->key == p->key)
			return false;
		parent = *link;
		link = x->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&x->rb, parent, link);
	if (augment) {
		tnode_propagate(&x->rb, NULL);
		rb_insert_augmented(&x->rb, root, &tnode_cb);
	} else {
		rb_insert_color(&x->rb, root);
	}
	x->in_tree = true;
	return true;
}

/*
 * Check the subtree at n (child of parent), whose keys must lie in (lo, hi);
 * returns its black height (NULL links count 1) and adds its nodes to
 * *count; -1 after reporting the first problem found.
 */
static int check_subtree(struct ktest *t, const struct rb_node *n, const struct rb_node *parent,
			 unsigned long lo, unsigned long hi, bool augment, unsigned long *count)
{
	const struct tnode *x;
	unsigned long want_max;
	int l, r;

	if (!n)
		return 1;
	x = rb_entry(n, struct tnode, rb);
	if (rb_parent(n) != parent || x->key <= lo || x->key >= hi) {
		EXPECT_TRUE(t, rb_parent(n) == parent && x->key > lo && x->key < hi);
		return -1;
	}
	if (rb_is_red(n) && (rb_is_red(n->rb_left) || rb_is_red(n->rb_right))) {
		ktest_fail_msg(t, false, __FILE__, __LINE__, "no red node has a red child");
		return -1;
	}
	(*count)++;
	l = check_subtree(t, n->rb_left, n, lo, x->key, augment, count);
	r = check_subtree(t, n->rb_right, n, x->key, hi, augment, count);
	if (l < 0 || r < 0)
		return -1;
	if (l != r) {
		EXPECT_EQ(t, l, r);	/* black heights of the two sides */
		return -1;
	}
	want_max = max(x->val, max(tnode_max(n->rb_left), tnode_max(n->rb_right)));
	if (augment && x->max != want_max) {
		EXPECT_EQ(t, x->max, want_max);	/* the augmented value, recomputed */
		return -1;
	}
	return l + rb_is_black(n);
}

/* Everything kernel/rbtree.h promises, and the in-order walks both ways. */
static bool check_tree(struct ktest *t, const struct rb_root *root, bool augment,
		       unsigned long expect_nodes)
{
	unsigned long count = 0, walked = 0, prev_key = 0;
	const struct rb_node *n;

	if (root->rb_node && (rb_is_red(root->rb_node) || rb_parent(root->rb_node))) {
		ktest_fail_msg(t, false, __FILE__, __LINE__, "the root is black and has no parent");
		return false;
	}
	if (check_subtree(t, root->rb_node, NULL, 0, ~0UL, augment, &count) < 0)
		return false;
	for (n = rb_first(root); n; n = rb_next(n), walked++) {
		if (walked && rb_entry(n, struct tnode, rb)->key <= prev_key)
			break;
		prev_key = rb_entry(n, struct tnode, rb)->key;
	}
	for (n = rb_last(root); n; n = rb_prev(n))
		walked--;
	EXPECT_EQ(t, count, expect_nodes);
	EXPECT_EQ(t, walked, 0UL);	/* both walks saw every node, in order */
	return count == expect_nodes && walked == 0;
}

static void rbtree_random(struct ktest *t, bool augment)
{
	struct rb_root root = RB_ROOT;
	unsigned long nodes = 0;

	rng_state = augment ? 0x5eed2 : 0x5eed1;
	memset(tnodes, 0, sizeof(tnodes));
	for (unsigned int batch = 0; batch < 64; batch++) {
		/* 64 operations, inserts and erases mixed, then a full check */
		for (unsigned int op = 0; op < 64; op++) {
			struct tnode *x = &tnodes[rnd(NR_TNODES)];

			if (x->in_tree) {
				if (augment)
					rb_erase_augmented(&x->rb, &root, &tnode_cb);
				else
					rb_erase(&x->rb, &root);
				x->in_tree = false;
				nodes--;
				continue;
			}
			x->val = rnd(1000000);
			do
				x->key = 1 + rnd(1UL << 20);
			while (!tnode_insert(&root, x, augment));
			nodes++;
		}
		if (!check_tree(t, &root, augment, nodes))
			return;
	}
	EXPECT_GT(t, nodes, 100UL);
	/* erase everything, checking as the tree empties */
	for (unsigned int i = 0; i < NR_TNODES; i++) {
		if (!tnodes[i].in_tree)
			continue;
		if (augment)
			rb_erase_augmented(&tnodes[i].rb, &root, &tnode_cb);
		else
			rb_erase(&tnodes[i].rb, &root);
		tnodes[i].in_tree = false;
		if (--nodes % 32 == 0 && !check_tree(t, &root, augment, nodes))
			return;
	}
	EXPECT_TRUE(t, RB_EMPTY_ROOT(&root));
}

static void test_vmap_area_rbtree_random(struct ktest *t)
{
	rbtree_random(t, false);
}

static void test_vmap_area_rbtree_augmented_random(struct ktest *t)
{
	rbtree_random(t, true);
}

/*** The area allocator against a page model ***/

#define WIN_PAGES	4096UL

enum { M_FREE, M_BUSY, M_LAZY };

static u8 model[WIN_PAGES];
static unsigned long win_start, win_end;	/* the window, [win_start, win_end) */

/* The window: the top WIN_PAGES whole pages of the vmalloc range, which must be free. */
static void window_init(struct ktest *t, unsigned long pages)
{
	win_end = VMALLOC_END & PAGE_MASK;
	win_start = win_end - pages * PAGE_SIZE;
	purge_vmap_area_lazy();
	ASSERT_EQ(t, vmap_largest_free(win_start, win_end), pages * PAGE_SIZE);
}

/*
 * The lowest address a with ALIGN(a, align) == a, [a, a + pages) inside
 * the window and all of it M_FREE; 0 if none. One pass: a run of free pages
 * is followed, and its first aligned start tested, as each page is seen.
 */
static unsigned long model_find(unsigned long pages, unsigned long align)
{
	unsigned long run_start = 0;
	bool in_run = false;

	for (unsigned long i = 0; i < WIN_PAGES; i++) {
		unsigned long first;

		if (model[i] != M_FREE) {
			in_run = false;
			continue;
		}
		if (!in_run) {
			in_run = true;
			run_start = win_start + i * PAGE_SIZE;
		}
		first = (run_start + align - 1) / align * align;
		if (first + pages * PAGE_SIZE == win_start + (i + 1) * PAGE_SIZE)
			return first;
	}
	return 0;
}

static void model_set(unsigned long addr, unsigned long pages, u8 state)
{
	for (unsigned long i = 0; i < pages; i++)
		model[(addr - win_start) / PAGE_SIZE + i] = state;
}

/* A purge, as the model sees it: every lazily freed page becomes free. */
static unsigned long model_purge(void)
{
	unsigned long n = 0;

	for (unsigned long i = 0; i < WIN_PAGES; i++)
		if (model[i] == M_LAZY) {
			model[i] = M_FREE;
			n++;
		}
	return n;
}

static unsigned long model_largest_free(void)
{
	unsigned long best = 0, run = 0;

	for (unsigned long i = 0; i < WIN_PAGES; i++) {
		run = model[i] == M_FREE ? run + 1 : 0;
		best = max(best, run);
	}
	return best * PAGE_SIZE;
}

/*
 * The free tree of mm/vmap_area.c, checked as the test tree is: parents,
 * colours, black heights, address order, and every subtree_max_size
 * recomputed; then its list: the same blocks in order, no two touching
 * (a freed range merges with its neighbours). Under vmap_area_lock, so no
 * report until it is dropped: *why names the rule broken (NULL: none).
 */
static long check_free_subtree(const struct rb_node *n, const struct rb_node *parent,
			       unsigned long lo, unsigned long hi, unsigned long *count,
			       const char **why)
{
	const struct vmap_area *va;
	unsigned long want;
	long l, r;

	if (!n)
		return 1;
	va = rb_entry(n, struct vmap_area, rb_node);
	if (rb_parent(n) != parent)
		*why = "every node's parent pointer is right";
	else if (va->va_start < lo || va->va_end > hi || va->va_start >= va->va_end)
		*why = "the blocks are in address order, none empty";
	else if (rb_is_red(n) && (rb_is_red(n->rb_left) || rb_is_red(n->rb_right)))
		*why = "no red node has a red child";
	if (*why)
		return -1;
	(*count)++;
	l = check_free_subtree(n->rb_left, n, lo, va->va_start, count, why);
	r = check_free_subtree(n->rb_right, n, va->va_end, hi, count, why);
	if (l < 0 || r < 0)
		return -1;
	want = va->va_end - va->va_start;
	if (n->rb_left)
		want = max(want, rb_entry(n->rb_left, struct vmap_area, rb_node)->subtree_max_size);
	if (n->rb_right)
		want = max(want, rb_entry(n->rb_right, struct vmap_area, rb_node)->subtree_max_size);
	if (l != r)
		*why = "both sides of every node have the same black height";
	else if (va->subtree_max_size != want)
		*why = "every subtree_max_size is the largest block of its subtree";
	return *why ? -1 : l + rb_is_black(n);
}

static bool check_free_tree(struct ktest *t)
{
	const char *why = NULL;
	unsigned long flags, count = 0, listed = 0, prev_end = 0;
	const struct vmap_area *va;

	spin_lock_irqsave(&vmap_area_lock, flags);
	if (rb_is_red(free_vmap_area_root.rb_node))
		why = "the root is black";
	else
		check_free_subtree(free_vmap_area_root.rb_node, NULL, 0, ~0UL, &count, &why);
	list_for_each_entry(va, &free_vmap_area_list, list) {
		if (listed++ && va->va_start <= prev_end && !why)
			why = "the list is in address order, no two blocks touching";
		prev_end = va->va_end;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (why) {
		ktest_fail_msg(t, false, __FILE__, __LINE__, why);
		return false;
	}
	EXPECT_EQ(t, listed, count);	/* the list holds the tree's blocks */
	return !why && listed == count;
}

/*
 * The busy areas a case holds in the window: the case's exit hook frees
 * what an ASSERT left behind, so one failure does not cascade.
 */
#define MAX_LIVE	512
static struct vmap_area *live[MAX_LIVE];
static unsigned long nlive;

static void untrack(struct vmap_area *va)
{
	for (unsigned long i = 0; i < nlive; i++)
		if (live[i] == va) {
			live[i] = live[--nlive];
			return;
		}
}

static void vmap_area_case_exit(struct ktest *t)
{
	(void)t;
	while (nlive) {
		struct vmap_area *va = live[--nlive];

		if (find_unlink_vmap_area(va->va_start) == va)
			free_vmap_area(va);
	}
	purge_vmap_area_lazy();
}

static void test_vmap_area_model_stress(struct ktest *t)
{
	unsigned long busy0, fails = 0, lazies = 0, purges = 0;

	window_init(t, WIN_PAGES);
	busy0 = vmap_nr_busy();
	memset(model, M_FREE, sizeof(model));
	rng_state = 0xa11c;
	for (unsigned int op = 0; op < 6000; op++) {
		unsigned long r = rnd(100);

		if (r < 55 && nlive < MAX_LIVE) {
			unsigned long pages = 1 + rnd(64), align = PAGE_SIZE << rnd(5);
			unsigned long want = model_find(pages, align);
			struct vmap_area *va;

			if (!want && model_purge())	/* the allocator purges once, then retries */
				want = model_find(pages, align);
			va = alloc_vmap_area(pages * PAGE_SIZE, align, win_start, win_end,
					     GFP_KERNEL | __GFP_NOWARN);
			if (!IS_ERR(va))
				live[nlive++] = va;	/* before any ASSERT: the exit hook frees it */
			if (!want) {
				ASSERT_TRUE(t, IS_ERR(va));
				ASSERT_EQ(t, PTR_ERR(va), -EBUSY);
				fails++;
				continue;
			}
			ASSERT_FALSE(t, IS_ERR(va));
			if (va->va_start != want || va->va_end != want + pages * PAGE_SIZE)
				pr_err("op %u: %lu pages aligned %#lx: model %#lx, got [%#lx, %#lx)\n",
				       op, pages, align, want, va->va_start, va->va_end);
			ASSERT_EQ(t, va->va_start, want);
			ASSERT_EQ(t, va->va_end, want + pages * PAGE_SIZE);
			EXPECT_NULL(t, va->vm);
			model_set(want, pages, M_BUSY);
		} else if (r < 97 && nlive) {
			unsigned long i = rnd(nlive);
			struct vmap_area *va = live[i];
			unsigned long pages = (va->va_end - va->va_start) / PAGE_SIZE;

			live[i] = live[--nlive];
			ASSERT_TRUE(t, find_unlink_vmap_area(va->va_start) == va);
			if (rnd(4) == 0) {
				model_set(va->va_start, pages, M_LAZY);
				free_vmap_area_noflush(va);
				lazies++;
			} else {
				model_set(va->va_start, pages, M_FREE);
				free_vmap_area(va);
			}
		} else {
			model_purge();
			purge_vmap_area_lazy();
			purges++;
		}
		if (op % 64 == 0) {
			ASSERT_EQ(t, vmap_largest_free(win_start, win_end), model_largest_free());
			ASSERT_TRUE(t, check_free_tree(t));
		}
	}
	/* every path taken often enough to mean something */
	EXPECT_GT(t, fails, 50UL);
	EXPECT_GT(t, lazies, 200UL);
	EXPECT_GT(t, purges, 20UL);
	while (nlive) {
		struct vmap_area *va = live[--nlive];

		ASSERT_TRUE(t, find_unlink_vmap_area(va->va_start) == va);
		free_vmap_area(va);
	}
	purge_vmap_area_lazy();
	EXPECT_TRUE(t, check_free_tree(t));
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), WIN_PAGES * PAGE_SIZE);
	EXPECT_EQ(t, vmap_nr_busy(), busy0);
	EXPECT_EQ(t, vmap_nr_lazy(), 0UL);
}

static struct vmap_area *win_alloc(struct ktest *t, unsigned long pages, unsigned long align)
{
	struct vmap_area *va = alloc_vmap_area(pages * PAGE_SIZE, align, win_start, win_end,
					       GFP_KERNEL | __GFP_NOWARN);

	if (IS_ERR(va)) {
		EXPECT_FALSE(t, IS_ERR(va));
		return NULL;
	}
	live[nlive++] = va;
	return va;
}

static void win_free(struct vmap_area *va)
{
	if (!va)
		return;
	untrack(va);
	if (find_unlink_vmap_area(va->va_start) == va)
		free_vmap_area(va);
}

/*
 *   win_start
 *   | a: 4 pages | gap: 1 page | b: 2 pages | free ...
 */
static void test_vmap_area_find(struct ktest *t)
{
	struct vmap_area *a, *gap, *b;
	unsigned long busy;

	window_init(t, WIN_PAGES);
	a = win_alloc(t, 4, PAGE_SIZE);
	gap = win_alloc(t, 1, PAGE_SIZE);
	b = win_alloc(t, 2, PAGE_SIZE);
	if (!a || !gap || !b)
		goto out;
	EXPECT_EQ(t, a->va_start, win_start);
	EXPECT_EQ(t, b->va_start, win_start + 5 * PAGE_SIZE);
	win_free(gap);
	gap = NULL;
	EXPECT_TRUE(t, find_vmap_area(a->va_start) == a);
	EXPECT_TRUE(t, find_vmap_area(a->va_end - 1) == a);
	EXPECT_NULL(t, find_vmap_area(a->va_end));		/* the gap's first byte */
	EXPECT_NULL(t, find_vmap_area(b->va_start - 1));	/* the gap's last byte */
	EXPECT_TRUE(t, find_vmap_area(b->va_start) == b);
	EXPECT_TRUE(t, find_vmap_area(b->va_end - 1) == b);
	EXPECT_NULL(t, find_vmap_area(b->va_end));
	EXPECT_NULL(t, find_vmap_area(win_end - 1));
	/* not an area's start: nothing found, nothing changed */
	busy = vmap_nr_busy();
	EXPECT_NULL(t, find_unlink_vmap_area(a->va_start + PAGE_SIZE));
	EXPECT_NULL(t, find_unlink_vmap_area(a->va_end - 1));
	EXPECT_NULL(t, find_unlink_vmap_area(a->va_end));
	EXPECT_EQ(t, vmap_nr_busy(), busy);
	EXPECT_TRUE(t, find_vmap_area(a->va_start + PAGE_SIZE) == a);
	/* unlinked: no longer found, but its range is not free until it is freed */
	untrack(a);
	EXPECT_TRUE(t, find_unlink_vmap_area(a->va_start) == a);
	EXPECT_EQ(t, vmap_nr_busy(), busy - 1);
	EXPECT_NULL(t, find_vmap_area(a->va_start));
	EXPECT_EQ(t, vmap_largest_free(win_start, b->va_start), PAGE_SIZE);
	free_vmap_area(a);
	a = NULL;
	EXPECT_EQ(t, vmap_largest_free(win_start, b->va_start), 5 * PAGE_SIZE);
out:
	win_free(a);
	win_free(gap);
	win_free(b);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), WIN_PAGES * PAGE_SIZE);
}

/* A lazily freed range is not handed out again before a purge, and is after it. */
static void test_vmap_area_lazy_reuse(struct ktest *t)
{
	struct vmap_area *a, *b, *c;
	unsigned long a_start;

	window_init(t, WIN_PAGES);
	a = win_alloc(t, 8, PAGE_SIZE);
	ASSERT_NOT_NULL(t, a);
	a_start = a->va_start;
	EXPECT_EQ(t, a_start, win_start);
	untrack(a);
	ASSERT_TRUE(t, find_unlink_vmap_area(a_start) == a);
	free_vmap_area_noflush(a);
	EXPECT_EQ(t, vmap_nr_lazy(), 1UL);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_start + 8 * PAGE_SIZE), 0UL);
	b = win_alloc(t, 8, PAGE_SIZE);
	ASSERT_NOT_NULL(t, b);
	EXPECT_EQ(t, b->va_start, a_start + 8 * PAGE_SIZE);	/* not a's range */
	purge_vmap_area_lazy();
	EXPECT_EQ(t, vmap_nr_lazy(), 0UL);
	c = win_alloc(t, 8, PAGE_SIZE);
	ASSERT_NOT_NULL(t, c);
	EXPECT_EQ(t, c->va_start, a_start);			/* a's range again */
	win_free(b);
	win_free(c);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), WIN_PAGES * PAGE_SIZE);
}

/*
 * The automatic purge: Linux's lazy_max_pages() (mm/vmalloc.c) is
 * fls(num_online_cpus()) * (32 MiB / PAGE_SIZE), 8192 pages on one CPU; a
 * lazy free that takes the count above it (not to it) purges.
 */
static void test_vmap_area_lazy_threshold(struct ktest *t)
{
	const unsigned long limit = (unsigned long)fls_long(NR_CPUS) * ((32UL << 20) / 4096);
	const unsigned long win = limit + 2;
	struct vmap_area *va;

	EXPECT_EQ(t, lazy_max_pages(), limit);
	window_init(t, win);
	va = alloc_vmap_area(limit * PAGE_SIZE, PAGE_SIZE, win_start, win_end, GFP_KERNEL);
	ASSERT_FALSE(t, IS_ERR(va));
	ASSERT_TRUE(t, find_unlink_vmap_area(va->va_start) == va);
	free_vmap_area_noflush(va);			/* exactly the limit: stays lazy */
	EXPECT_EQ(t, vmap_nr_lazy(), 1UL);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), 2 * PAGE_SIZE);
	purge_vmap_area_lazy();
	va = alloc_vmap_area((limit + 1) * PAGE_SIZE, PAGE_SIZE, win_start, win_end, GFP_KERNEL);
	ASSERT_FALSE(t, IS_ERR(va));
	ASSERT_TRUE(t, find_unlink_vmap_area(va->va_start) == va);
	free_vmap_area_noflush(va);			/* one page over: purged at once */
	EXPECT_EQ(t, vmap_nr_lazy(), 0UL);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), win * PAGE_SIZE);
}

/* No space: Linux's line (mm/vmalloc.c alloc_vmap_area()) unless __GFP_NOWARN. */
static void test_vmap_area_fail_message(struct ktest *t)
{
	unsigned long size = (WIN_PAGES + 1) * PAGE_SIZE;
	struct vmap_area *va;
	char want[128], line[160];
	u64 mark;
	bool quiet;

	window_init(t, WIN_PAGES);
	snprintf(want, sizeof(want),
		 "vmap allocation for size %lu failed: use vmalloc=<size> to increase size", size);
	quiet = printk_console_quiet(true);
	mark = printk_log_mark();
	va = alloc_vmap_area(size, PAGE_SIZE, win_start, win_end, GFP_KERNEL);
	printk_console_quiet(quiet);
	EXPECT_TRUE(t, IS_ERR(va) && PTR_ERR(va) == -EBUSY);
	EXPECT_EQ(t, printk_log_count(mark, "vmap allocation for size"), 1U);
	EXPECT_TRUE(t, logged_line(mark, "vmap allocation", line, sizeof(line)));
	EXPECT_STREQ(t, line, want);

	mark = printk_log_mark();
	va = alloc_vmap_area(size, PAGE_SIZE, win_start, win_end, GFP_KERNEL | __GFP_NOWARN);
	EXPECT_TRUE(t, IS_ERR(va) && PTR_ERR(va) == -EBUSY);
	EXPECT_EQ(t, printk_log_count(mark, "vmap allocation for size"), 0U);
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), WIN_PAGES * PAGE_SIZE);
}

/* Bad arguments and a free of a range that is free already: a warning, nothing changed. */
static void test_vmap_area_bad_input(struct ktest *t)
{
	struct vmap_area fake = { 0 }, *va;
	unsigned long busy = vmap_nr_busy();

	window_init(t, WIN_PAGES);
	EXPECT_WARN(t, va = alloc_vmap_area(0, PAGE_SIZE, win_start, win_end, GFP_KERNEL));
	EXPECT_TRUE(t, IS_ERR(va) && PTR_ERR(va) == -EINVAL);
	EXPECT_WARN(t, va = alloc_vmap_area(PAGE_SIZE + 1, PAGE_SIZE, win_start, win_end,
					    GFP_KERNEL));
	EXPECT_TRUE(t, IS_ERR(va) && PTR_ERR(va) == -EINVAL);
	EXPECT_WARN(t, va = alloc_vmap_area(PAGE_SIZE, 3 * PAGE_SIZE, win_start, win_end,
					    GFP_KERNEL));
	EXPECT_TRUE(t, IS_ERR(va) && PTR_ERR(va) == -EINVAL);
	/* a "double free": the range is free already */
	fake.va_start = win_start + PAGE_SIZE;
	fake.va_end = win_start + 3 * PAGE_SIZE;
	RB_CLEAR_NODE(&fake.rb_node);
	EXPECT_WARN(t, free_vmap_area(&fake));
	EXPECT_EQ(t, vmap_largest_free(win_start, win_end), WIN_PAGES * PAGE_SIZE);
	EXPECT_EQ(t, vmap_nr_busy(), busy);
}

/*
 * The range itself. Kernel: Linux's values (reference section 6.1,
 * arch/x86/include/asm/pgtable_64_types.h and pgtable_32_areas.h): x86_64
 * from 0xffffc90000000000, 32 TiB, meminfo's VmallocTotal 34359738367 kB;
 * i386 from high_memory + 8 MiB to PKMAP_BASE - 2 pages, which with mmos's
 * fixmap is 0xff7fe000 (MAXMEM 0x377fe000, Linux's), so 120 MiB (Linux's
 * 122880 kB) once RAM reaches beyond low memory. Hosted: the shim's window,
 * 1 GiB (x86_64-like) or 128 MiB (i386-like); host_vmalloc_size exists
 * only there (a weak reference is 0 in the kernel).
 */
extern unsigned long host_vmalloc_size __weak;

static void test_vmap_area_range(struct ktest *t)
{
	if (&host_vmalloc_size) {
		EXPECT_EQ(t, (u64)VMALLOC_TOTAL, sizeof(long) == 8 ? 1ULL << 30 : 128ULL << 20);
		EXPECT_EQ(t, (u64)VMALLOC_TOTAL, (u64)host_vmalloc_size);
	} else {
#ifdef CONFIG_X86_64
		EXPECT_EQ(t, (u64)VMALLOC_START, 0xffffc90000000000ULL);
		EXPECT_EQ(t, (u64)VMALLOC_END, 0xffffe8ffffffffffULL);
		EXPECT_EQ(t, (u64)VMALLOC_TOTAL >> 10, 34359738367ULL);
#else
		u64 hm = 0xc0000000ULL + ((u64)max_low_pfn << 12);

		EXPECT_EQ(t, (u64)(unsigned long)high_memory, hm);
		EXPECT_EQ(t, (u64)VMALLOC_START, hm + (8ULL << 20));
		EXPECT_EQ(t, (u64)VMALLOC_END, 0xff7fe000ULL);
		if (max_pfn > max_low_pfn)
			EXPECT_EQ(t, (u64)VMALLOC_TOTAL >> 10, 122880ULL);
		else
			EXPECT_EQ(t, (u64)VMALLOC_TOTAL, 0xff7fe000ULL - hm - (8ULL << 20));
#endif
	}
}

static struct ktest_case vmap_area_cases[] = {
	KTEST_CASE(test_vmap_area_range),
	KTEST_CASE(test_vmap_area_rbtree_random),
	KTEST_CASE(test_vmap_area_rbtree_augmented_random),
	KTEST_CASE(test_vmap_area_model_stress),
	KTEST_CASE(test_vmap_area_find),
	KTEST_CASE(test_vmap_area_lazy_reuse),
	KTEST_CASE(test_vmap_area_lazy_threshold),
	KTEST_CASE(test_vmap_area_fail_message),
	KTEST_CASE(test_vmap_area_bad_input),
	{}
};

static struct ktest_suite vmap_area_suite = {
	.name = "vmap_area",
	.cases = vmap_area_cases,
	.exit = vmap_area_case_exit,
};
KTEST_SUITE(vmap_area_suite);
