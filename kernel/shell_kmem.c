// SPDX-License-Identifier: MIT
/*
 * kernel/shell_kmem.c - shell commands for slab caches and vmalloc areas,
 * beside kernel/shell_mm.c's page, kmalloc and kmap commands.
 *
 * Owns: kmem_cache_create/_alloc/_free/_destroy (with the SLAB_ flag names
 * they accept) and vmalloc/vfree. The handles they make live in
 * kernel/shell_mm.c's table (kernel/shell_mm_internal.h). Each command
 * checks every argument before it changes anything (kernel/shell.h's
 * convention) and prints where the memory came from.
 * Must not touch: allocator state other than through the allocators' own
 * calls; handles other than through the table's helpers.
 * Tests: tests/kernel/shell_test.c (handles, refusals), tests/run's shell
 * configurations.
 */
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include "shell_mm_internal.h"

/*** slab caches ***/

#define SLAB_NAME(f)	{ f, #f }
static const struct { slab_flags_t flag; const char *name; } slab_flag_names[] = {
	SLAB_NAME(SLAB_CONSISTENCY_CHECKS), SLAB_NAME(SLAB_RED_ZONE), SLAB_NAME(SLAB_POISON),
	SLAB_NAME(SLAB_HWCACHE_ALIGN), SLAB_NAME(SLAB_CACHE_DMA), SLAB_NAME(SLAB_CACHE_DMA32),
	SLAB_NAME(SLAB_STORE_USER), SLAB_NAME(SLAB_RECLAIM_ACCOUNT), SLAB_NAME(SLAB_TRACE),
	SLAB_NAME(SLAB_NO_MERGE),
};

/* SLAB_ flag names joined by '|' (no spaces: one shell word), or 0. */
static int parse_slab_flags(const char *s, slab_flags_t *out)
{
	slab_flags_t flags = 0;

	if (!strcmp(s, "0")) {
		*out = 0;
		return 0;
	}
	for (;;) {
		const char *end = strchr(s, '|');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(slab_flag_names); i++)
			if (strlen(slab_flag_names[i].name) == len &&
			    !strncmp(slab_flag_names[i].name, s, len))
				break;
		if (i == ARRAY_SIZE(slab_flag_names))
			return -1;
		flags |= slab_flag_names[i].flag;
		if (!end)
			break;
		s = end + 1;
	}
	*out = flags;
	return 0;
}

static int cmd_kmem_cache_create(int argc, char **argv)
{
	unsigned long size;
	slab_flags_t flags = 0;
	struct kmem_cache *s;
	unsigned int id;

	if (argc < 3 || argc > 4 || strlen(argv[1]) >= sizeof(handles[0].name) ||
	    shell_parse_size(argv[2], &size) || !size || size > KMALLOC_MAX_CACHE_SIZE ||
	    (argc == 4 && parse_slab_flags(argv[3], &flags)))
		return shell_usage(argv[0]);
	/*
	 * Two zones: Linux takes both flags (SLUB's calculate_sizes() ORs
	 * GFP_DMA and GFP_DMA32 into allocflags) and then every allocation asks
	 * for a zone combination that does not exist; refused here.
	 */
	if ((flags & SLAB_CACHE_DMA) && (flags & SLAB_CACHE_DMA32)) {
		console_printf("kmem_cache_create: SLAB_CACHE_DMA and SLAB_CACHE_DMA32 name two zones; "
			       "give one\n");
		return SHELL_FAILED;
	}
	for (unsigned int i = 1; i <= SHELL_MAX_HANDLES; i++) {
		if (handles[i].kind == H_CACHE && !strcmp(handles[i].name, argv[1])) {
			console_printf("kmem_cache_create: handle %u is already a cache named %s\n",
				       i, argv[1]);
			return SHELL_FAILED;
		}
	}
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	strlcpy(handles[id].name, argv[1], sizeof(handles[id].name));
	s = kmem_cache_create(handles[id].name, (unsigned int)size, 0, flags, NULL);
	if (!s) {
		console_printf("kmem_cache_create: %s of %lu bytes failed\n", argv[1], size);
		return SHELL_FAILED;
	}
	handles[id].kind = H_CACHE;
	handles[id].cache = s;
	handles[id].size = size;
	console_printf("kmem_cache_create: handle %u: %s object_size=%lu", id, argv[1], size);
	if (kmem_cache_size(s) != size)		/* merged into a cache of larger objects */
		console_printf(" (the cache's %u)", kmem_cache_size(s));
	console_printf(" size=%u", kmem_cache_stride(s));
	/* by the cache, not its name: "kmem_cache_create kmalloc-64 64" merges too */
	if (kmem_cache_merged(s))
		console_printf(" merged into %s", kmem_cache_name(s));
	console_printf("\n");
	return SHELL_OK;
}
SHELL_CMD(kmem_cache_create, "NAME SIZE [SLAB_FLAGS]",
	  "a slab cache (SLAB_HWCACHE_ALIGN|SLAB_CACHE_DMA|SLAB_CACHE_DMA32|SLAB_POISON|"
	  "SLAB_RED_ZONE|SLAB_NO_MERGE|...): a handle", cmd_kmem_cache_create);

static int cmd_kmem_cache_alloc(int argc, char **argv)
{
	struct shell_handle *c;
	gfp_t gfp = GFP_KERNEL;
	unsigned int id;
	char names[160];
	void *obj;
	int status;

	if (argc < 2 || argc > 3)
		return shell_usage(argv[0]);
	if (argc == 3 && shell_parse_gfp(argv[2], &gfp))
		return shell_usage(argv[0]);
	c = handle_arg(argv, H_CACHE, &status);
	if (!c)
		return status;
	status = check_gfp_arg(argc, argv, 2, &gfp);
	if (status)
		return status;
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	format_gfp_flags(names, sizeof(names), gfp);
	obj = kmem_cache_alloc(c->cache, gfp);
	if (!obj) {
		console_printf("kmem_cache_alloc: %s with %s failed\n", c->name, names);
		return SHELL_FAILED;
	}
	handles[id] = (struct shell_handle){ .kind = H_OBJECT, .ptr = obj, .cache = c->cache,
					     .cache_handle = handle_id(c), .gfp = gfp };
	console_printf("kmem_cache_alloc: handle %u: %p from %s ", id, obj, c->name);
	print_object_where(obj);
	print_slab_gfp(gfp, names);
	return SHELL_OK;
}
SHELL_CMD(kmem_cache_alloc, "CACHE_HANDLE [FLAGS]", "an object of a cache: a handle",
	  cmd_kmem_cache_alloc);

static int cmd_kmem_cache_free(int argc, char **argv)
{
	struct shell_handle *h;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	h = handle_arg(argv, H_OBJECT, &status);
	if (!h)
		return status;
	console_printf("kmem_cache_free: handle %u: %p to %s\n", handle_id(h), h->ptr,
		       handles[h->cache_handle].name);
	kmem_cache_free(h->cache, h->ptr);
	h->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(kmem_cache_free, "OBJECT_HANDLE", "give an object back to its cache",
	  cmd_kmem_cache_free);

static int cmd_kmem_cache_destroy(int argc, char **argv)
{
	struct shell_handle *c;
	unsigned int held = 0;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	c = handle_arg(argv, H_CACHE, &status);
	if (!c)
		return status;
	for (unsigned int i = 1; i <= SHELL_MAX_HANDLES; i++)
		held += handles[i].kind == H_OBJECT && handles[i].cache_handle == handle_id(c);
	if (held) {
		console_printf("kmem_cache_destroy: handle %u (%s) still has %u object handle(s); "
			       "kmem_cache_free them first\n", handle_id(c), c->name, held);
		return SHELL_FAILED;
	}
	console_printf("kmem_cache_destroy: handle %u: %s\n", handle_id(c), c->name);
	kmem_cache_destroy(c->cache);
	c->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(kmem_cache_destroy, "CACHE_HANDLE", "destroy a cache the shell created",
	  cmd_kmem_cache_destroy);

/*** vmalloc, vfree ***/

static int cmd_vmalloc(int argc, char **argv)
{
	unsigned long size, per_zone[MAX_NR_ZONES] = { 0 };
	gfp_t gfp = GFP_KERNEL;
	struct vm_struct *area;
	unsigned int id;
	char names[160];
	void *addr;
	int err;

	if (argc < 2 || argc > 3 || shell_parse_size(argv[1], &size) || !size ||
	    size > (totalram_pages << PAGE_SHIFT))
		return shell_usage(argv[0]);
	err = check_gfp_arg(argc, argv, 2, &gfp);
	if (err)
		return err;
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	format_gfp_flags(names, sizeof(names), gfp);
	addr = __vmalloc(size, gfp);
	if (!addr) {
		console_printf("vmalloc: %lu bytes with %s failed\n", size, names);
		return SHELL_FAILED;
	}
	handles[id] = (struct shell_handle){ .kind = H_VMALLOC, .ptr = addr, .size = size,
					     .gfp = gfp, .page = vmalloc_to_page(addr) };
	area = find_vm_area(addr);
	for (unsigned int i = 0; area && i < area->nr_pages; i++)
		per_zone[page_zonenum(area->pages[i])]++;
	console_printf("vmalloc: handle %u: %p-%p size=%lu pages=%u", id, addr,
		       (char *)addr + (area ? area->size : 0), size, area ? area->nr_pages : 0);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (per_zone[z])
			console_printf(" %s=%lu", zone_names[z], per_zone[z]);
	console_printf(" first: ");
	print_where(handles[id].page, 0);
	console_printf(" gfp=%s\n", names);
	return SHELL_OK;
}
SHELL_CMD(vmalloc, "SIZE [FLAGS]", "__vmalloc(SIZE, FLAGS or GFP_KERNEL): a handle", cmd_vmalloc);

static int cmd_vfree(int argc, char **argv)
{
	struct shell_handle *h;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	h = handle_arg(argv, H_VMALLOC, &status);
	if (!h)
		return status;
	console_printf("vfree: handle %u: %p size=%lu\n", handle_id(h), h->ptr, h->size);
	vfree(h->ptr);
	h->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(vfree, "HANDLE", "vfree() the area of a vmalloc handle", cmd_vfree);
