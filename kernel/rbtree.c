// SPDX-License-Identifier: MIT
/*
 * kernel/rbtree.c - red-black tree rebalancing, plain and augmented.
 *
 * Owns: the shape and colours of every rb_root's tree (kernel/rbtree.h says
 * which invariants); never the keys: users search and link themselves.
 * The algorithm is the textbook one (Cormen et al., chapter 13; Linux's
 * lib/rbtree.c names the same cases): after an insertion the only possible
 * fault is a red node under a red parent, pushed up by recolouring while the
 * uncle is red and settled by one or two rotations when it is black; after
 * an erasure the fault is a path one black short, pushed up while the
 * sibling and its children are black and settled by at most three rotations
 * otherwise. Every rotation reports to the augment callbacks, so an
 * augmented tree's values stay right (kernel/rbtree_augmented.h).
 * Locking: none. Tests: tests/kernel/vmap_area_test.c (invariant checker).
 */
#include <kernel/rbtree_augmented.h>

static void dummy_propagate(struct rb_node *node, struct rb_node *stop)
{
	(void)node;
	(void)stop;
}

static void dummy_copy_rotate(struct rb_node *old, struct rb_node *new)
{
	(void)old;
	(void)new;
}

static const struct rb_augment_callbacks dummy_callbacks = {
	dummy_propagate, dummy_copy_rotate, dummy_copy_rotate,
};

/* Make whatever pointed at old (its parent's link, or the root) point at new. */
static void change_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
			 struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * x goes down to the left, its right child y comes up:
 *
 *       x                y
 *      / \              / \
 *     a   y     ->     x   c
 *        / \          / \
 *       b   c        a   b
 */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			void (*rotate)(struct rb_node *, struct rb_node *))
{
	struct rb_node *y = x->rb_right, *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	rb_set_parent(y, parent);
	change_child(x, y, parent, root);
	y->rb_left = x;
	rb_set_parent(x, y);
	rotate(x, y);
}

/* The mirror image: x goes down to the right, its left child comes up. */
static void rotate_right(struct rb_node *x, struct rb_root *root,
			 void (*rotate)(struct rb_node *, struct rb_node *))
{
	struct rb_node *y = x->rb_left, *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	rb_set_parent(y, parent);
	change_child(x, y, parent, root);
	y->rb_right = x;
	rb_set_parent(x, y);
	rotate(x, y);
}

/*
 * node is red. While its parent is red too: a red uncle means the
 * grandparent's blackness can move down to both its children and the fault
 * moves up two levels; a black uncle means at most two rotations end it.
 */
static void __rb_insert(struct rb_node *node, struct rb_root *root,
			void (*rotate)(struct rb_node *, struct rb_node *))
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);	/* a red node is never the root */
		uncle = parent == gparent->rb_left ? gparent->rb_right : gparent->rb_left;
		if (rb_is_red(uncle)) {
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (parent == gparent->rb_left) {
			if (node == parent->rb_right) {	/* zig-zag: straighten it first */
				rotate_left(parent, root, rotate);
				parent = node;
			}
			rotate_right(gparent, root, rotate);
		} else {
			if (node == parent->rb_left) {
				rotate_right(parent, root, rotate);
				parent = node;
			}
			rotate_left(gparent, root, rotate);
		}
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		break;
	}
	rb_set_color(root->rb_node, RB_BLACK);
}

/*
 * The paths through the empty or black child `node` of parent are one black
 * node short (node may be NULL: the link where a black leaf was removed).
 */
static void __rb_erase_color(struct rb_node *node, struct rb_node *parent, struct rb_root *root,
			     void (*rotate)(struct rb_node *, struct rb_node *))
{
	struct rb_node *sibling;

	while (parent && rb_is_black(node)) {
		bool left = node == parent->rb_left;

		sibling = left ? parent->rb_right : parent->rb_left;
		if (rb_is_red(sibling)) {
			/* make the sibling black: rotate the red one above parent */
			rb_set_color(sibling, RB_BLACK);
			rb_set_color(parent, RB_RED);
			if (left)
				rotate_left(parent, root, rotate);
			else
				rotate_right(parent, root, rotate);
			sibling = left ? parent->rb_right : parent->rb_left;
		}
		if (rb_is_black(sibling->rb_left) && rb_is_black(sibling->rb_right)) {
			/* take one black from both sides: the fault moves up */
			rb_set_color(sibling, RB_RED);
			node = parent;
			parent = rb_parent(node);
			continue;
		}
		if (left && rb_is_black(sibling->rb_right)) {
			/* the sibling's far child must be red: rotate its near one out */
			rb_set_color(sibling->rb_left, RB_BLACK);
			rb_set_color(sibling, RB_RED);
			rotate_right(sibling, root, rotate);
			sibling = parent->rb_right;
		} else if (!left && rb_is_black(sibling->rb_left)) {
			rb_set_color(sibling->rb_right, RB_BLACK);
			rb_set_color(sibling, RB_RED);
			rotate_left(sibling, root, rotate);
			sibling = parent->rb_left;
		}
		/* the far child is red: one rotation gives node's side its black back */
		rb_set_color(sibling, rb_color(parent));
		rb_set_color(parent, RB_BLACK);
		if (left) {
			rb_set_color(sibling->rb_right, RB_BLACK);
			rotate_left(parent, root, rotate);
		} else {
			rb_set_color(sibling->rb_left, RB_BLACK);
			rotate_right(parent, root, rotate);
		}
		node = root->rb_node;
		break;
	}
	if (node)
		rb_set_color(node, RB_BLACK);
}

/*
 * Unlink node. With at most one child, the child (necessarily red, if any)
 * takes its place. With two, its successor (the leftmost node of its right
 * subtree, which has no left child) takes its place, colour and value, and
 * the successor's own right child moves up to where the successor was.
 * Either way one position loses a node; if that node was black, the
 * paths through it are rebalanced.
 */
static void __rb_erase(struct rb_node *node, struct rb_root *root,
		       const struct rb_augment_callbacks *augment)
{
	struct rb_node *parent = rb_parent(node), *child, *succ, *fix_parent, *fix_node;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		child = node->rb_left ? node->rb_left : node->rb_right;
		change_child(node, child, parent, root);
		removed_black = rb_color(node) == RB_BLACK;
		if (child)
			rb_set_parent(child, parent);
		fix_node = child;
		fix_parent = parent;
		augment->propagate(parent, NULL);
	} else {
		succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		removed_black = rb_color(succ) == RB_BLACK;
		if (succ == node->rb_right) {
			fix_parent = succ;
			augment->copy(node, succ);
		} else {
			fix_parent = rb_parent(succ);
			fix_parent->rb_left = child;
			if (child)
				rb_set_parent(child, fix_parent);
			succ->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, succ);
			augment->copy(node, succ);
			augment->propagate(fix_parent, succ);
		}
		succ->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, succ);
		rb_set_parent(succ, parent);
		rb_set_color(succ, rb_color(node));
		change_child(node, succ, parent, root);
		fix_node = child;
		augment->propagate(succ, NULL);
	}
	if (removed_black)
		__rb_erase_color(fix_node, fix_parent, root, augment->rotate);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	__rb_insert(node, root, dummy_callbacks.rotate);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	__rb_erase(node, root, &dummy_callbacks);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	__rb_insert(node, root, augment->rotate);
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	__rb_erase(node, root, augment);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_right)
		n = n->rb_right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	/* up until we come from a left child */
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
