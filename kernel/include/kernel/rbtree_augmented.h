/* SPDX-License-Identifier: MIT */
/*
 * kernel/rbtree_augmented.h - red-black trees whose nodes carry a value
 * computed from their subtree (Linux's include/linux/rbtree_augmented.h).
 *
 * The user keeps, in each node, something that depends only on the node and
 * its two children's values (mm/vmap_area.c: the largest free block in the
 * subtree) and tells the tree how to keep it right while the tree reshapes:
 *
 *   propagate(node, stop)  recompute node's value, then its parent's, and so
 *                          on up to (not including) stop, or the root when
 *                          stop is NULL; it may stop early once a value comes
 *                          out unchanged (nothing above can change then)
 *   copy(old, new)         new takes old's place in the tree: give it old's value
 *   rotate(old, new)       new was rotated above old: new's subtree is now the
 *                          one old had (new takes old's value) and old's is
 *                          smaller (recompute old from its children)
 *
 * Insertion: link the node, give it its own value, propagate() from it to the
 * root (the new leaf changes only its ancestors), then call
 * rb_insert_augmented() instead of rb_insert_color(): its rotations keep
 * the values right through rotate(). Erasure: rb_erase_augmented() calls all
 * three as it goes.
 */
#ifndef KERNEL_RBTREE_AUGMENTED_H
#define KERNEL_RBTREE_AUGMENTED_H

#include <kernel/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

#endif
