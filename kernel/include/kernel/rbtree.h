/* SPDX-License-Identifier: MIT */
/*
 * kernel/rbtree.h - red-black trees with Linux's names (include/linux/rbtree.h).
 *
 * Owns nothing: the nodes are embedded in the user's structures (as list_head
 * is), and the user does the search: walk from rb_root->rb_node comparing
 * keys, then rb_link_node() at the empty link found and rb_insert_color() to
 * rebalance. Invariants kept by kernel/rbtree.c: the root is black, a red
 * node has no red child, and every path from a node down to a NULL link
 * passes the same number of black nodes, so the depth is at most
 * 2 log2(n + 1).
 *
 * As in Linux, the parent pointer and the colour share one word,
 * __rb_parent_color: nodes are at least 4-byte aligned, so bit 0 of the
 * parent's address is free to hold the colour (0 red, 1 black). A node is
 * then three words, and struct vmap_area is Linux's 64 bytes on x86_64.
 * Only the accessors below read or write that word.
 *
 * Locking: none; the user serialises. Tests: tests/kernel/vmap_area_test.c.
 */
#ifndef KERNEL_RBTREE_H
#define KERNEL_RBTREE_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define RB_RED		0
#define RB_BLACK	1

struct rb_node {
	unsigned long __rb_parent_color;	/* parent (NULL for the root) | colour */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT			((struct rb_root){ NULL })
#define rb_entry(ptr, type, member)	container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) ____p = (ptr); ____p ? rb_entry(____p, type, member) : NULL; })
#define RB_EMPTY_ROOT(root)	((root)->rb_node == NULL)

static inline struct rb_node *rb_parent(const struct rb_node *n)
{
	return (struct rb_node *)(n->__rb_parent_color & ~3UL);
}

static inline unsigned int rb_color(const struct rb_node *n)
{
	return n->__rb_parent_color & 1;
}

static inline void rb_set_parent(struct rb_node *n, struct rb_node *parent)
{
	n->__rb_parent_color = (unsigned long)parent | rb_color(n);
}

static inline void rb_set_color(struct rb_node *n, unsigned int color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

static inline bool rb_is_red(const struct rb_node *n)
{
	return n && rb_color(n) == RB_RED;
}

static inline bool rb_is_black(const struct rb_node *n)
{
	return !rb_is_red(n);	/* a NULL link counts as black */
}

/*
 * A node that is in no tree points to itself (RB_CLEAR_NODE), so
 * RB_EMPTY_NODE() can tell, as in Linux.
 */
#define RB_EMPTY_NODE(node)	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = (unsigned long)(node))

/* Hang node at *link, the empty link of parent found by the search; red, no children. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red: colour bit 0 */
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

/* Rebalance after rb_link_node(): recolouring and at most two rotations. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Unlink node and rebalance: at most three rotations. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order walk (by the user's key): the first, last, next and previous node; NULL at the end. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
