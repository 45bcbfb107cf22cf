/* SPDX-License-Identifier: MIT */
/*
 * mm/vmalloc.h - virtually contiguous kernel memory: vmalloc, vmap and their areas.
 *
 * A vm_struct describes one area of the vmalloc range [VMALLOC_START,
 * VMALLOC_END): where it is (its vmap_area, from mm/vmap_area.c), which
 * pages back it and who asked for it. vmalloc() and friends allocate the
 * pages one by one and map them; vmap() maps pages the caller owns. Every
 * area but a VM_NO_GUARD one is followed by an unmapped guard page, which
 * vm_struct->size counts and get_vm_area_size() leaves out. The data pages
 * of vmalloc memory get __GFP_HIGHMEM unless the caller's mask names
 * GFP_DMA or GFP_DMA32 (Linux's rule since 2018; vmalloc_highmem= brings
 * back the rules of 2017, see mm/vmalloc.c). Names, flags and failure
 * behaviour are Linux 6.12's (include/linux/vmalloc.h, mm/vmalloc.c).
 */
#ifndef MM_VMALLOC_H
#define MM_VMALLOC_H

#include <asm/page.h>
#include <asm/pgtable.h>
#include <mm/gfp.h>

/* vm_struct->flags, Linux's values */
#define VM_IOREMAP		0x00000001	/* ioremap() and friends */
#define VM_ALLOC		0x00000002	/* vmalloc() */
#define VM_MAP			0x00000004	/* vmap()ed pages */
#define VM_USERMAP		0x00000008	/* suitable for remap_vmalloc_range */
#define VM_DMA_COHERENT		0x00000010	/* dma_alloc_coherent */
#define VM_UNINITIALIZED	0x00000020	/* not yet filled: left out of reports */
#define VM_NO_GUARD		0x00000040	/* no guard page after the area */
#define VM_KASAN		0x00000080
#define VM_FLUSH_RESET_PERMS	0x00000100	/* reset direct map and flush TLB on unmap */
#define VM_MAP_PUT_PAGES	0x00000200	/* vfree() puts the pages and frees the array */
#define VM_ALLOW_HUGE_VMAP	0x00000400
#define VM_DEFER_KMEMLEAK	0x00000800
#define VM_SPARSE		0x00001000

/* Linux's SHMLBA on x86: user mappings of an area need only page alignment. */
#define SHMLBA			PAGE_SIZE
#define NUMA_NO_NODE		(-1)

struct vm_struct {
	void *addr;		/* first byte of the area */
	unsigned long size;	/* bytes, the guard page included */
	unsigned long flags;	/* VM_* */
	struct page **pages;	/* the pages behind it (vmalloc, VM_MAP_PUT_PAGES) */
	unsigned int nr_pages;
	phys_addr_t phys_addr;	/* ioremap: what it maps (0 otherwise) */
	const void *caller;	/* who asked: printed as %pS in vmallocinfo */
};

/* The size the caller can use: without the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	if (!(area->flags & VM_NO_GUARD))
		return area->size - PAGE_SIZE;
	return area->size;
}

static inline pteval_t pgprot_nx(pteval_t prot)
{
	return prot | _PAGE_NX;
}

/* Allocate size bytes (rounded up to pages) of virtually contiguous memory; NULL on failure. */
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
/* Zeroed, VM_USERMAP, SHMLBA-aligned: ready to be mapped to user space. */
void *vmalloc_user(unsigned long size);
/* Pages a 32-bit device can reach: below 4 GiB, never HighMem (GFP_VMALLOC32). */
void *vmalloc_32(unsigned long size);
void *vmalloc_32_user(unsigned long size);
void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp_mask, int node,
		     const void *caller);
/*
 * The core: an area in [start, end) with vm_flags, backed by pages from
 * gfp_mask and mapped with prot. size 0 warns once; more than all of RAM,
 * or no pages: Linux's "vmalloc error" line (unless __GFP_NOWARN), NULL.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pteval_t prot,
			   unsigned long vm_flags, int node, const void *caller);
/*
 * Free what vmalloc() (or vmap() with VM_MAP_PUT_PAGES) returned; NULL is
 * ignored. Not an area's start: a warning naming the address and the
 * caller, nothing freed. From interrupt context the free is deferred.
 */
void vfree(const void *addr);

/* Free what vfree() from interrupt context queued (no-op in interrupt context). */
void vmalloc_drain_deferred(void);

/* Map count pages contiguously (flags: VM_MAP, ...; prot gets NX). NULL on failure. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pteval_t prot);
/* Unmap a vmap() area, leaving its pages to the caller. */
void vunmap(const void *addr);

/* Reserve an area (and its guard) without backing it: get_vm_area(size, flags). */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long flags,
				       unsigned long start, unsigned long end,
				       const void *caller);
/* Unmap and release the area starting at addr; returns its vm_struct (caller frees) or NULL. */
struct vm_struct *remove_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);
/* The area containing addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);

bool is_vmalloc_addr(const void *x);
/* The page mapped at a vmalloc address (walking the live page tables), or NULL. */
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

/* Pages vmalloc holds (VmallocUsed in meminfo). */
unsigned long vmalloc_nr_pages(void);
/* Busy vm_structs (areas from get_vm_area, vmalloc, vmap) not yet removed. */
unsigned long vmalloc_nr_areas(void);
/* The /proc/vmallocinfo report, one printk line per area. */
void show_vmallocinfo(void);
/* Print the rule in force; after vmap_init(). */
void vmalloc_init(void);
/*
 * If addr lies in a busy area or its guard page, describe it in buf ("in
 * guard page of vmalloc area 0x...-0x... allocated by caller+off/size")
 * and return true. For the page-fault oops; never waits for a lock.
 */
bool vmalloc_describe_addr(unsigned long addr, char *buf, size_t size);

/*
 * The __GFP_HIGHMEM rule vmalloc applies (boot parameter vmalloc_highmem=):
 * the state of Linux after each of the three commits of the 2017-2018 story.
 */
enum vmalloc_highmem_rule {
	VMALLOC_HIGHMEM_2017_03,	/* 19809c2da28a: __GFP_HIGHMEM on every request */
	VMALLOC_HIGHMEM_2017_08,	/* 704b862f9efd: not with GFP_DMA/GFP_DMA32 */
	VMALLOC_HIGHMEM_2018,		/* 698d0831ba87: 32-bit GFP_VMALLOC32 has GFP_DMA32 */
};
extern enum vmalloc_highmem_rule vmalloc_highmem_rule;
/* "2017-03", "2017-08" or "2018". */
const char *vmalloc_highmem_rule_name(enum vmalloc_highmem_rule rule);

#endif
