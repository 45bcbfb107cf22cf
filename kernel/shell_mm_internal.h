/* SPDX-License-Identifier: MIT */
/*
 * kernel/shell_mm_internal.h - the shell's handle table as its memory
 * commands share it: kernel/shell_mm.c owns the table and the helpers
 * (handle_new(), handle_arg(), print_where(), check_gfp_arg()) and the page,
 * kmalloc and kmap commands; kernel/shell_kmem.c the slab cache and vmalloc
 * commands. Not for other code: kernel/shell_mm.h is the outside view.
 */
#ifndef KERNEL_SHELL_MM_INTERNAL_H
#define KERNEL_SHELL_MM_INTERNAL_H

#include <kernel/shell_mm.h>
#include <mm/gfp.h>

enum handle_kind { H_NONE, H_PAGES, H_KMALLOC, H_CACHE, H_OBJECT, H_VMALLOC, H_KMAP };

struct shell_handle {
	enum handle_kind kind;
	void *ptr;			/* the address (pages: page_address or NULL for HighMem) */
	struct page *page;		/* pages, kmap: the (first) page */
	unsigned int order;		/* pages: the order */
	unsigned long size;		/* kmalloc, vmalloc: bytes asked; cache: object size */
	gfp_t gfp;
	struct kmem_cache *cache;	/* cache, object: the cache */
	unsigned int cache_handle;	/* object: its cache's handle */
	char name[32];			/* cache: the name (kmem_cache_create keeps the pointer) */
};

extern struct shell_handle handles[SHELL_MAX_HANDLES + 1];	/* [0] unused: ids from 1 */

/* The lowest free id, or 0 with a line saying so when all are taken. */
unsigned int handle_new(const char *cmd);
/* The handle argv[1] names, of kind; NULL after a usage line or a refusal (*status). */
struct shell_handle *handle_arg(char **argv, enum handle_kind kind, int *status);

static inline unsigned int handle_id(const struct shell_handle *h)
{
	return (unsigned int)(h - handles);
}

/* "zone=DMA32 pfn=0x12345 order=3": where a block of pages lies. */
void print_where(const struct page *page, unsigned int order);
/* The slab page an object lies in, as print_where() says it. */
void print_object_where(const void *obj);
/* " gfp=FLAGS\n" of a slab allocation: the flags used after a fix-up, and those asked. */
void print_slab_gfp(gfp_t gfp, const char *asked);
/* The optional GFP flags at argv[i] into *gfp; refuses GFP_ZONE_BAD. */
int check_gfp_arg(int argc, char **argv, int i, gfp_t *gfp);

#endif
