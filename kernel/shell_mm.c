// SPDX-License-Identifier: MIT
/*
 * kernel/shell_mm.c - shell commands that take and give back memory, so a
 * student can watch the allocators answer one request at a time.
 *
 * Owns: the shell's handles (a small table of what the commands hold:
 * page blocks, kmalloc objects, slab caches and their objects, vmalloc
 * areas, kmap mappings) with the helpers the commands share
 * (kernel/shell_mm_internal.h), and the commands alloc/free, kmalloc/kfree,
 * kmap/kunmap, handles and trace. kmem_cache_* and vmalloc/vfree are
 * kernel/shell_kmem.c's. Each command checks every argument before it
 * changes anything (kernel/shell.h's convention) and prints where the
 * memory came from: zone, pfn and order.
 * Must not touch: allocator state other than through the allocators' own
 * calls. Handles live until freed; nothing frees them behind the user.
 * Tests: tests/kernel/shell_test.c (handles, refusals), tests/run's shell
 * configurations (the answers checked against the kernel's reports).
 */
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/mm.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <kernel/shell_mm.h>
#include "shell_mm_internal.h"

static const char *const kind_names[] = {
	[H_NONE] = "-", [H_PAGES] = "pages", [H_KMALLOC] = "kmalloc", [H_CACHE] = "cache",
	[H_OBJECT] = "object", [H_VMALLOC] = "vmalloc", [H_KMAP] = "kmap",
};

/* The command that made each kind of handle, and the one that gives it back. */
static const char *const kind_free[] = {
	[H_PAGES] = "free", [H_KMALLOC] = "kfree", [H_CACHE] = "kmem_cache_destroy",
	[H_OBJECT] = "kmem_cache_free", [H_VMALLOC] = "vfree", [H_KMAP] = "kunmap",
};

struct shell_handle handles[SHELL_MAX_HANDLES + 1];
static unsigned int last_handle;

unsigned int shell_last_handle(void)
{
	return last_handle;
}

struct page *shell_handle_page(unsigned int id)
{
	if (!id || id > SHELL_MAX_HANDLES)
		return NULL;
	if (handles[id].kind == H_PAGES || handles[id].kind == H_KMAP)
		return handles[id].page;
	if (handles[id].kind == H_KMALLOC || handles[id].kind == H_OBJECT)
		return compound_head(virt_to_page(handles[id].ptr));
	return NULL;
}

unsigned int shell_handles_held(void)
{
	unsigned int n = 0;

	for (unsigned int i = 1; i <= SHELL_MAX_HANDLES; i++)
		n += handles[i].kind != H_NONE;
	return n;
}

/*
 * An id no handle holds (the highest free one), or 0 when all are held: for
 * a test that wants a refusal without touching the handles a user made.
 */
unsigned int shell_handle_unused(void)
{
	for (unsigned int i = SHELL_MAX_HANDLES; i >= 1; i--)
		if (handles[i].kind == H_NONE)
			return i;
	return 0;
}

/* The lowest free id, or 0 with a line saying so when all are taken. */
unsigned int handle_new(const char *cmd)
{
	for (unsigned int i = 1; i <= SHELL_MAX_HANDLES; i++)
		if (handles[i].kind == H_NONE)
			return last_handle = i;
	console_printf("%s: all %d handles are in use; give some back first (see 'handles')\n",
		       cmd, SHELL_MAX_HANDLES);
	return 0;
}

/*
 * The handle argv[1] names, of the kind the command takes; NULL after a
 * usage line (not a number) or a refusal (no such handle, another kind).
 * *status says which.
 */
struct shell_handle *handle_arg(char **argv, enum handle_kind kind, int *status)
{
	unsigned long id;
	struct shell_handle *h;

	if (shell_parse_ulong(argv[1], &id)) {
		*status = shell_usage(argv[0]);
		return NULL;
	}
	*status = SHELL_FAILED;
	if (!id || id > SHELL_MAX_HANDLES || handles[id].kind == H_NONE) {
		console_printf("%s: no handle %lu (see 'handles')\n", argv[0], id);
		return NULL;
	}
	h = &handles[id];
	if (h->kind != kind) {
		console_printf("%s: handle %lu holds %s, not %s; give it back with %s\n",
			       argv[0], id, kind_names[h->kind], kind_names[kind], kind_free[h->kind]);
		return NULL;
	}
	return h;
}

/* "zone=DMA32 pfn=0x12345 order=3": where a block of pages lies. */
void print_where(const struct page *page, unsigned int order)
{
	console_printf("zone=%s pfn=%#lx order=%u", page_zone(page)->name, page_to_pfn(page), order);
}

/* The slab page an object lies in: where it came from, as above, with the slab's order. */
void print_object_where(const void *obj)
{
	const struct page *head = compound_head(virt_to_page(obj));

	print_where(head, compound_order(head));
}

int check_gfp_arg(int argc, char **argv, int i, gfp_t *gfp)
{
	char names[160];

	if (shell_opt_arg(shell_parse_gfp, argc, argv, i, gfp))
		return shell_usage(argv[0]);
	if (gfp_zone_bad(*gfp)) {
		format_gfp_flags(names, sizeof(names), *gfp);
		console_printf("%s: %s asks for more than one of DMA, DMA32 and HIGHMEM "
			       "(GFP_ZONE_BAD): refused\n", argv[0], names);
		return SHELL_FAILED;
	}
	return SHELL_OK;
}

/*** alloc, free ***/

static int cmd_alloc(int argc, char **argv)
{
	unsigned long order;
	gfp_t gfp = GFP_KERNEL;
	struct shell_handle *h;
	struct page *page;
	unsigned int id;
	char names[160];
	int err;

	if (argc < 2 || argc > 3 || shell_parse_ulong(argv[1], &order) || order > MAX_PAGE_ORDER)
		return shell_usage(argv[0]);
	err = check_gfp_arg(argc, argv, 2, &gfp);
	if (err)
		return err;
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	format_gfp_flags(names, sizeof(names), gfp);
	page = alloc_pages(gfp, (unsigned int)order);
	if (!page) {
		console_printf("alloc: order %lu with %s failed\n", order, names);
		return SHELL_FAILED;
	}
	h = &handles[id];
	*h = (struct shell_handle){ .kind = H_PAGES, .page = page, .order = (unsigned int)order,
				    .gfp = gfp, .ptr = PageHighMem(page) ? NULL : page_address(page) };
	console_printf("alloc: handle %u: ", id);
	print_where(page, (unsigned int)order);
	console_printf(" pages=%lu gfp=%s\n", 1UL << order, names);
	return SHELL_OK;
}
SHELL_CMD(alloc, "ORDER [FLAGS]", "alloc_pages(FLAGS or GFP_KERNEL, ORDER 0..10): a handle",
	  cmd_alloc);

static int cmd_free(int argc, char **argv)
{
	struct shell_handle *h;
	bool tracing;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	h = handle_arg(argv, H_PAGES, &status);
	if (!h)
		return status;
	console_printf("free: handle %u: ", handle_id(h));
	print_where(h->page, h->order);
	console_printf("\n");
	tracing = mm_trace_set(false);	/* under trace: first where the block will go */
	mm_trace_set(tracing);
	if (tracing) {
		trace_free_pages(h->page, h->order);
		trace_free_lists_begin();
	}
	__free_pages(h->page, h->order);
	if (tracing)
		trace_free_lists_end();
	h->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(free, "HANDLE", "__free_pages() the block of an alloc handle", cmd_free);

/*** kmalloc, kfree ***/

/*
 * " gfp=FLAGS" as the slab allocation went on: after kmalloc_fix_flags()
 * dropped bits (it WARNed), the flags used and what was asked.
 */
void print_slab_gfp(gfp_t gfp, const char *asked)
{
	char used[160];

	if (slab_gfp_used(gfp) == gfp) {
		console_printf(" gfp=%s\n", asked);
		return;
	}
	format_gfp_flags(used, sizeof(used), slab_gfp_used(gfp));
	console_printf(" gfp=%s (asked %s; kmalloc_fix_flags() dropped the rest)\n", used, asked);
}

static int cmd_kmalloc(int argc, char **argv)
{
	unsigned long size;
	gfp_t gfp = GFP_KERNEL;
	struct kmem_cache *s;
	unsigned int id;
	char names[160];
	void *obj;
	int err;

	if (argc < 2 || argc > 3 || shell_parse_size(argv[1], &size) || !size ||
	    size > KMALLOC_MAX_SIZE)
		return shell_usage(argv[0]);
	err = check_gfp_arg(argc, argv, 2, &gfp);
	if (err)
		return err;
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	format_gfp_flags(names, sizeof(names), gfp);
	obj = kmalloc(size, gfp);
	if (!obj) {
		console_printf("kmalloc: %lu bytes with %s failed\n", size, names);
		return SHELL_FAILED;
	}
	handles[id] = (struct shell_handle){ .kind = H_KMALLOC, .ptr = obj, .size = size,
					     .gfp = gfp };
	s = size <= KMALLOC_MAX_CACHE_SIZE ? kmalloc_slab(size, slab_gfp_used(gfp)) : NULL;
	console_printf("kmalloc: handle %u: %p size=%lu ksize=%zu from %s ", id, obj, size,
		       ksize(obj), s ? kmem_cache_name(s) : "the page allocator (large kmalloc)");
	print_object_where(obj);
	print_slab_gfp(gfp, names);
	return SHELL_OK;
}
SHELL_CMD(kmalloc, "SIZE [FLAGS]", "kmalloc(SIZE 1..4M, FLAGS or GFP_KERNEL): a handle",
	  cmd_kmalloc);

static int cmd_kfree(int argc, char **argv)
{
	struct shell_handle *h;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	h = handle_arg(argv, H_KMALLOC, &status);
	if (!h)
		return status;
	console_printf("kfree: handle %u: %p size=%lu\n", handle_id(h), h->ptr, h->size);
	kfree(h->ptr);
	h->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(kfree, "HANDLE", "kfree() the object of a kmalloc handle", cmd_kfree);


/*** kmap, kunmap ***/

static int cmd_kmap(int argc, char **argv)
{
	unsigned long pfn;
	struct page *page;
	unsigned int id;
	void *addr;

	if (argc != 2 || shell_parse_ulong(argv[1], &pfn))
		return shell_usage(argv[0]);
	if (!pfn_valid(pfn)) {
		console_printf("kmap: pfn %#lx has no struct page (max_pfn %#lx)\n", pfn, max_pfn);
		return SHELL_FAILED;
	}
	id = handle_new(argv[0]);
	if (!id)
		return SHELL_FAILED;
	page = pfn_to_page(pfn);
	addr = kmap(page);
	if (!addr) {
		console_printf("kmap: pfn %#lx: no PKMAP slot free\n", pfn);
		return SHELL_FAILED;
	}
	handles[id] = (struct shell_handle){ .kind = H_KMAP, .ptr = addr, .page = page };
	console_printf("kmap: handle %u: pfn=%#lx zone=%s at %p (%s)\n", id, pfn,
		       page_zone(page)->name, addr,
		       PageHighMem(page) ? "a PKMAP slot" : "the direct map, no slot taken");
	return SHELL_OK;
}
SHELL_CMD(kmap, "PFN", "kmap() one page: its kernel address (HighMem: a PKMAP slot)", cmd_kmap);

static int cmd_kunmap(int argc, char **argv)
{
	struct shell_handle *h;
	int status;

	if (argc != 2)
		return shell_usage(argv[0]);
	h = handle_arg(argv, H_KMAP, &status);
	if (!h)
		return status;
	console_printf("kunmap: handle %u: pfn=%#lx at %p\n", handle_id(h), page_to_pfn(h->page),
		       h->ptr);
	kunmap(h->page);
	h->kind = H_NONE;
	return SHELL_OK;
}
SHELL_CMD(kunmap, "HANDLE", "kunmap() the page of a kmap handle", cmd_kunmap);

/*** handles ***/

static int cmd_handles(int argc, char **argv)
{
	unsigned int n = 0;

	if (argc != 1)
		return shell_usage(argv[0]);
	for (unsigned int i = 1; i <= SHELL_MAX_HANDLES; i++) {
		struct shell_handle *h = &handles[i];

		if (h->kind == H_NONE)
			continue;
		n++;
		console_printf("%3u %-8s ", i, kind_names[h->kind]);
		switch (h->kind) {
		case H_PAGES:
			print_where(h->page, h->order);
			break;
		case H_KMALLOC:
			console_printf("%p size=%lu ", h->ptr, h->size);
			print_object_where(h->ptr);
			break;
		case H_CACHE:
			console_printf("%s object_size=%lu", h->name, h->size);
			break;
		case H_OBJECT:
			console_printf("%p of %s (handle %u) ", h->ptr, handles[h->cache_handle].name,
				       h->cache_handle);
			print_object_where(h->ptr);
			break;
		case H_VMALLOC:
			console_printf("%p size=%lu", h->ptr, h->size);
			break;
		case H_KMAP:
			console_printf("pfn=%#lx at %p", page_to_pfn(h->page), h->ptr);
			break;
		default:
			break;
		}
		console_printf("  (give back: %s %u)\n", kind_free[h->kind], i);
	}
	console_printf("%u of %d handles held\n", n, SHELL_MAX_HANDLES);
	return SHELL_OK;
}
SHELL_COMMAND(handles, "what the shell holds: every handle and how to give it back", cmd_handles);

/*** trace ***/

/* "zonelist: Normal DMA32 DMA": the order get_page_from_freelist() tries, from the highest. */
static void print_zonelist(gfp_t gfp)
{
	console_printf("trace: gfp_zone() -> %s: tries", zone_names[gfp_zone(gfp)]);
	for (struct zone **zp = contig_page_data.node_zonelist.zones; *zp; zp++)
		if (zone_idx(*zp) <= gfp_zone(gfp))
			console_printf(" %s", (*zp)->name);
	console_printf(" (zonelist order), fast path at the low watermark\n");
}

/*
 * trace alloc ORDER [FLAGS], trace kmalloc SIZE [FLAGS], trace free HANDLE,
 * trace kfree HANDLE: the command, with the page allocator saying what it
 * does (mm_trace_set()); its lines print as a report does (no stamp, not
 * in dmesg).
 */
static int cmd_trace(int argc, char **argv)
{
	unsigned long n, lines;
	gfp_t gfp = GFP_KERNEL;
	bool was, traced;
	int status;

	if (argc < 3)
		return shell_usage(argv[0]);
	if (!strcmp(argv[1], "alloc") || !strcmp(argv[1], "kmalloc")) {
		bool pages = argv[1][0] == 'a';

		/* the bounds alloc and kmalloc check, so that the usage line is trace's */
		if (argc > 4 || (pages ? shell_parse_ulong(argv[2], &n) : shell_parse_size(argv[2], &n)) ||
		    (pages ? n > MAX_PAGE_ORDER : !n || n > KMALLOC_MAX_SIZE) ||
		    shell_opt_arg(shell_parse_gfp, argc, argv, 3, &gfp))
			return shell_usage(argv[0]);
		if (!gfp_zone_bad(gfp)) {
			if (pages) {
				console_printf("trace: alloc_pages(order %lu)\n", n);
				print_zonelist(gfp);
			} else {
				struct kmem_cache *s = n <= KMALLOC_MAX_CACHE_SIZE ?
						       kmalloc_slab(n, gfp) : NULL;

				console_printf("trace: kmalloc(%lu): %s\n", n, s ? kmem_cache_name(s) :
					       "beyond the caches: whole pages (kmalloc_large)");
			}
		}
	} else if ((strcmp(argv[1], "free") && strcmp(argv[1], "kfree")) || argc != 3 ||
		   shell_parse_ulong(argv[2], &n)) {
		return shell_usage(argv[0]);	/* trace's usage, not free's */
	}
	lines = mm_trace_count();
	was = shell_report_begin();
	mm_trace_set(true);
	if (!strcmp(argv[1], "alloc"))
		status = cmd_alloc(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "kmalloc"))
		status = cmd_kmalloc(argc - 1, argv + 1);
	else if (!strcmp(argv[1], "free"))
		status = cmd_free(argc - 1, argv + 1);
	else
		status = cmd_kfree(argc - 1, argv + 1);
	mm_trace_set(false);
	shell_report_end(was);
	traced = mm_trace_count() != lines;
	if (!status && !traced)
		console_printf("trace: %s\n", !strcmp(argv[1], "kmalloc") ?
			       "a hit: the object was on this CPU's array of its cache" :
			       !strcmp(argv[1], "kfree") ? "the object went onto this CPU's array of "
			       "its cache, which had room" : "nothing more to say");
	return status;
}
SHELL_CMD(trace, "alloc ORDER [FLAGS] | kmalloc SIZE [FLAGS] | free HANDLE | kfree HANDLE",
	  "the page allocator's path for one request: zones, watermarks, per-CPU lists, "
	  "splits, merges", cmd_trace);
