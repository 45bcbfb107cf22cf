// SPDX-License-Identifier: MIT
/*
 * mm/vmalloc.c - vmalloc, vmap and the vm_structs of the vmalloc range.
 *
 * Owns: struct vm_struct and what hangs off it (the page array, the data
 * pages of vmalloc memory), the page-table entries of busy areas, and the
 * deferred list of vfree() from interrupt context. The __GFP_HIGHMEM rule
 * and its history (vmalloc_highmem=) are mm/vmalloc_highmem.c's, the
 * /proc/vmallocinfo report and the oops line mm/vmallocinfo.c's.
 * Must not touch: where areas go (mm/vmap_area.c finds the space, keeps the
 * busy/free trees and the lazy purge list and flushes the TLB); how page
 * tables are built (arch_map_page() in arch/x86/mm/pgtable.c, tables from
 * the buddy allocator, never freed, as Linux never frees the vmalloc
 * range's tables).
 *
 * The functions keep Linux 6.12's names and call structure, so this file
 * reads next to Linux's mm/vmalloc.c: vmalloc() -> __vmalloc_node() ->
 * __vmalloc_node_range() -> __get_vm_area_node() (the area, guard page
 * included) and __vmalloc_area_node() (the page array, then
 * vm_area_alloc_pages() and vmap_pages_range()). vfree() ->
 * remove_vm_area() -> free_unmap_vmap_area(): the PTEs are cleared at once
 * (vunmap_range_noflush) but the TLB is flushed lazily, by the purge that
 * also makes the range reusable. Until then the TLB (this CPU's: mmos has
 * one) may still hold translations of the freed range, and the data pages
 * are already back in the page allocator: a use after vfree() through such
 * an entry reads or writes a page that may belong to someone else instead
 * of faulting. Linux has the same window. Nothing is mapped in the range
 * again before the flush. vm_unmap_aliases() forces the purge.
 *
 * Locking: vmap_area_lock (mm/vmap_area.c, irqsave) guards va->vm and the
 * lists the report walks. vmalloc() and vfree() may allocate page tables
 * and must not run in interrupt context, except vfree(), which is deferred.
 * Tests: tests/kernel/vmalloc_test.c.
 */
#include <kernel/bug.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <kernel/hardirq.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include <asm/pgtable_areas.h>
#include <asm/tlbflush.h>
#include "internal.h"

/*** counters ***/

static unsigned long nr_vmalloc_pages;	/* data pages of vmalloc areas */
static unsigned long nr_vm_areas;	/* vm_structs set up and not removed */

unsigned long vmalloc_nr_pages(void)
{
	return __atomic_load_n(&nr_vmalloc_pages, __ATOMIC_RELAXED);
}

unsigned long vmalloc_nr_areas(void)
{
	return __atomic_load_n(&nr_vm_areas, __ATOMIC_RELAXED);
}

/*
 * Linux's warn_alloc() for vmalloc's failures: one line naming the caller,
 * what failed and the mask, unless __GFP_NOWARN.
 */
static __printf(3, 4) void warn_alloc(gfp_t gfp_mask, const void *caller, const char *fmt, ...)
{
	char msg[128], names[160];
	va_list ap;

	if (gfp_mask & __GFP_NOWARN)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	format_gfp_flags(names, sizeof(names), gfp_mask);
	pr_warn("%pS: %s, mode:%#x(%s)\n", caller, msg, gfp_mask, names);
}

/*** address checks and page lookup ***/

bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/* Linux walks pgd/p4d/pud/pmd/pte; arch_query() is mmos's walk of the live tables. */
struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	phys_addr_t pa;

	if (!arch_query((unsigned long)vmalloc_addr, &pa, NULL, NULL))
		return NULL;
	if (!pfn_valid(PFN_DOWN(pa)))
		return NULL;
	return pfn_to_page(PFN_DOWN(pa));
}

unsigned long vmalloc_to_pfn(const void *vmalloc_addr)
{
	struct page *page = vmalloc_to_page(vmalloc_addr);

	return page ? page_to_pfn(page) : 0;
}

/*** page tables ***/

/* Clear the PTEs of [addr, end) without flushing the TLB: the purge does that. */
static void vunmap_range_noflush(unsigned long addr, unsigned long end)
{
	for (; addr < end; addr += PAGE_SIZE)
		arch_unmap_page_noflush(addr);
}

/* Map pages[] at [addr, end); page tables are built on demand. 0 or -ENOMEM. */
static int vmap_pages_range(unsigned long addr, unsigned long end, pteval_t prot,
			    struct page **pages)
{
	unsigned long start = addr;

	for (unsigned int i = 0; addr < end; addr += PAGE_SIZE, i++) {
		int err = 0;

		/* Linux's vmap_pte_range(): WARN_ON(!pte_none()), -EBUSY */
		if (WARN(arch_query(addr, NULL, NULL, NULL),
			 "vmap: %#lx is still mapped: a range reused before it was cleared\n", addr))
			err = -EBUSY;
		else if (arch_map_page(addr, page_to_phys(pages[i]), prot))
			err = -ENOMEM;
		if (err) {
			vunmap_range_noflush(start, addr);
			flush_tlb_kernel_range(start, addr);
			return err;
		}
	}
	return 0;
}

/*** areas ***/

static void setup_vmalloc_vm(struct vm_struct *vm, struct vmap_area *va, unsigned long flags,
			     const void *caller)
{
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	vm->flags = flags;
	vm->addr = (void *)va->va_start;
	vm->size = va->va_end - va->va_start;
	vm->caller = caller;
	va->vm = vm;
	nr_vm_areas++;
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
}

/* The area is filled: reports may show it now. */
static void clear_vm_uninitialized_flag(struct vm_struct *vm)
{
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	vm->flags &= ~VM_UNINITIALIZED;
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
}

static struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align,
					    unsigned long flags, unsigned long start,
					    unsigned long end, gfp_t gfp_mask, const void *caller)
{
	struct vmap_area *va;
	struct vm_struct *area;

	/* Linux: BUG_ON(in_interrupt()); mmos reports it and fails the request */
	if (WARN(in_interrupt(), "vmalloc: area of %lu bytes for %pS requested in interrupt context\n",
		 size, caller))
		return NULL;
	size = PAGE_ALIGN(size);
	if (unlikely(!size))
		return NULL;

	area = kzalloc(sizeof(*area), gfp_mask & GFP_RECLAIM_MASK);
	if (unlikely(!area))
		return NULL;

	if (!(flags & VM_NO_GUARD)) {
		if (size > ~0UL - PAGE_SIZE) {	/* no room for the guard: Linux's -EINVAL */
			kfree(area);
			return NULL;
		}
		size += PAGE_SIZE;
	}

	va = alloc_vmap_area(size, align, start, end, gfp_mask);
	if (IS_ERR(va)) {
		kfree(area);
		return NULL;
	}
	setup_vmalloc_vm(area, va, flags, caller);
	return area;
}

struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long flags,
				       unsigned long start, unsigned long end,
				       const void *caller)
{
	return __get_vm_area_node(size, 1, flags, start, end, GFP_KERNEL, caller);
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area_node(size, 1, flags, VMALLOC_START, VMALLOC_END, GFP_KERNEL,
				  __builtin_return_address(0));
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return __get_vm_area_node(size, 1, flags, VMALLOC_START, VMALLOC_END, GFP_KERNEL,
				  caller);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	return va ? va->vm : NULL;
}

/* Clear the area's PTEs; its range waits on the purge list for the TLB flush. */
static void free_unmap_vmap_area(struct vmap_area *va)
{
	vunmap_range_noflush(va->va_start, va->va_end);
	free_vmap_area_noflush(va);
}

struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm;
	unsigned long irqflags;

	if (WARN(!PAGE_ALIGNED((unsigned long)addr), "Trying to vfree() bad address (%p)\n",
		 addr))
		return NULL;

	/* only an area with a vm_struct: a bare alloc_vmap_area() range stays its owner's */
	va = find_vmap_area((unsigned long)addr);
	if (!va || va->va_start != (unsigned long)addr || !va->vm)
		return NULL;
	va = find_unlink_vmap_area((unsigned long)addr);
	if (!va)
		return NULL;
	vm = va->vm;
	spin_lock_irqsave(&vmap_area_lock, irqflags);
	va->vm = NULL;
	nr_vm_areas--;
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	free_unmap_vmap_area(va);
	return vm;
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	BUG_ON(ret != area);
	kfree(area);
}

/*** vfree from interrupt context ***/

/*
 * Linux's vfree_atomic(): an interrupt handler may not unmap (that could
 * need a TLB flush and sleeps in Linux), so the address goes on a list and
 * the free happens later. The list node is the first word of the area
 * itself, as Linux's llist_node: its contents are dead anyway. Linux
 * drains the list from a work item; mmos has no workqueues, so the next
 * vmalloc() or vfree() outside interrupts drains it, as does
 * vmalloc_drain_deferred() (the tests' leak check calls it before
 * sampling). Unlike Linux, the address is checked first (find_vmap_area()
 * takes the irq-safe vmap_area_lock): only the start of an area whose
 * pages vfree() frees (vmalloc(), or vmap() with VM_MAP_PUT_PAGES) is
 * queued, and only once; anything else is reported at once, and nothing is
 * written.
 */
struct vfree_deferred {
	spinlock_t lock;
	void *list;
};
static struct vfree_deferred vfree_deferred = { .lock = __SPIN_LOCK_UNLOCKED(vfree_deferred) };

static void vfree_atomic(const void *addr, const void *caller)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);
	unsigned long irqflags;

	if (!va || va->va_start != (unsigned long)addr || !va->vm) {
		WARN(1, "Trying to vfree() nonexistent vm area (%p) from %pS in interrupt context\n",
		     addr, caller);
		return;
	}
	/* the list node is written into the area: only into pages vfree() will free */
	if (WARN(!(va->vm->flags & (VM_ALLOC | VM_MAP_PUT_PAGES)),
		 "vfree(%p) from %pS in interrupt context: a vmap() area whose pages stay its "
		 "caller's; not freed\n", addr, caller))
		return;
	spin_lock_irqsave(&vfree_deferred.lock, irqflags);
	/* a second vfree() before the drain is a double free: nothing is queued twice */
	for (void *p = vfree_deferred.list; p; p = *(void **)p) {
		if (p == addr) {
			spin_unlock_irqrestore(&vfree_deferred.lock, irqflags);
			WARN(1, "vfree(%p) from %pS in interrupt context: already freed, "
			     "waiting for the deferred free\n", addr, caller);
			return;
		}
	}
	*(void **)addr = vfree_deferred.list;
	vfree_deferred.list = (void *)addr;
	spin_unlock_irqrestore(&vfree_deferred.lock, irqflags);
}

static void vfree_one(const void *addr, const void *caller);

/* Free what interrupt handlers queued (Linux's delayed_vfree_work()). */
void vmalloc_drain_deferred(void)
{
	unsigned long irqflags;
	void *p;

	if (in_interrupt() || !READ_ONCE(vfree_deferred.list))
		return;
	spin_lock_irqsave(&vfree_deferred.lock, irqflags);
	p = vfree_deferred.list;
	vfree_deferred.list = NULL;
	spin_unlock_irqrestore(&vfree_deferred.lock, irqflags);
	while (p) {
		void *next = *(void **)p;

		vfree_one(p, __builtin_return_address(0));
		p = next;
	}
}

/*** vfree, vunmap ***/

static void vfree_one(const void *addr, const void *caller)
{
	struct vm_struct *vm = remove_vm_area(addr);

	if (unlikely(!vm)) {
		WARN(1, "Trying to vfree() nonexistent vm area (%p) from %pS\n", addr, caller);
		return;
	}
	for (unsigned int i = 0; i < vm->nr_pages; i++) {
		BUG_ON(!vm->pages[i]);
		__free_page(vm->pages[i]);
	}
	if (!(vm->flags & VM_MAP_PUT_PAGES))
		__atomic_sub_fetch(&nr_vmalloc_pages, vm->nr_pages, __ATOMIC_RELAXED);
	/* kvfree(): the array is vmalloc memory when it did not fit a page */
	if (is_vmalloc_addr(vm->pages))
		vfree_one(vm->pages, caller);
	else
		kfree(vm->pages);
	kfree(vm);
}

void vfree(const void *addr)
{
	if (unlikely(in_interrupt())) {
		if (addr)
			vfree_atomic(addr, __builtin_return_address(0));
		return;
	}
	vmalloc_drain_deferred();
	if (!addr)
		return;
	vfree_one(addr, __builtin_return_address(0));
}

void vunmap(const void *addr)
{
	const void *caller = __builtin_return_address(0);
	struct vmap_area *va;
	struct vm_struct *vm;

	/* Linux: BUG_ON(in_interrupt()); mmos reports it and goes on */
	if (WARN(in_interrupt(), "vunmap(%p) from %pS in interrupt context\n", addr, caller))
		return;
	if (!addr)
		return;
	/*
	 * Linux would remove a vmalloc() area here and leak its pages; mmos
	 * refuses: such an area must go through vfree().
	 */
	va = find_vmap_area((unsigned long)addr);
	if (WARN(va && va->va_start == (unsigned long)addr && va->vm && (va->vm->flags & VM_ALLOC),
		 "vunmap(%p) from %pS: a vmalloc() area, use vfree(); not unmapped\n",
		 addr, caller))
		return;
	vm = remove_vm_area(addr);
	if (unlikely(!vm)) {
		WARN(1, "Trying to vunmap() nonexistent vm area (%p) from %pS\n", addr, caller);
		return;
	}
	kfree(vm);
}

/*
 * Could the vmalloc range hold nr pages? Beyond it, nr << PAGE_SHIFT may
 * wrap a 32-bit unsigned long (i386 with more than 4 GiB of RAM).
 */
static bool vmalloc_range_holds(unsigned long nr)
{
	return nr <= VMALLOC_TOTAL >> PAGE_SHIFT;
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pteval_t prot)
{
	struct vm_struct *area;
	unsigned long addr, size;

	if (WARN_ON_ONCE(flags & VM_FLUSH_RESET_PERMS))
		return NULL;
	if (WARN_ON_ONCE(flags & VM_NO_GUARD))
		flags &= ~VM_NO_GUARD;
	if (count > totalram_pages || !vmalloc_range_holds(count))
		return NULL;

	size = (unsigned long)count << PAGE_SHIFT;
	area = get_vm_area_caller(size, flags, __builtin_return_address(0));
	if (!area)
		return NULL;

	addr = (unsigned long)area->addr;
	if (vmap_pages_range(addr, addr + size, pgprot_nx(prot), pages) < 0) {
		vunmap(area->addr);
		return NULL;
	}
	if (flags & VM_MAP_PUT_PAGES) {
		area->pages = pages;
		area->nr_pages = count;
	}
	return area->addr;
}

/*** vmalloc ***/

/*
 * One page at a time (Linux also bulk-allocates); returns how many it got.
 * Not inlined, so that the page allocator's reports name it, as Linux's do.
 */
static noinline unsigned int vm_area_alloc_pages(gfp_t gfp, unsigned int nr_pages, struct page **pages)
{
	unsigned int nr_allocated = 0;

	while (nr_allocated < nr_pages) {
		struct page *page = alloc_page(gfp);

		if (!page)
			break;
		pages[nr_allocated++] = page;
	}
	return nr_allocated;
}

static void *__vmalloc_area_node(struct vm_struct *area, gfp_t gfp_mask, pteval_t prot,
				 int node)
{
	const gfp_t nested_gfp = (gfp_mask & GFP_RECLAIM_MASK) | __GFP_ZERO;
	unsigned long addr = (unsigned long)area->addr;
	unsigned long size = get_vm_area_size(area);
	unsigned int nr_small_pages = (unsigned int)(size >> PAGE_SHIFT);
	unsigned long array_size = (unsigned long)nr_small_pages * sizeof(struct page *);
	unsigned int nr;

	gfp_mask = vmalloc_highmem_gfp(gfp_mask);

	if (array_size > PAGE_SIZE)
		area->pages = __vmalloc_node(array_size, 1, nested_gfp, node, area->caller);
	else
		area->pages = kmalloc(array_size, nested_gfp);
	if (!area->pages) {
		warn_alloc(gfp_mask, area->caller,
			   "vmalloc error: size %lu, failed to allocated page array size %lu",
			   (unsigned long)nr_small_pages * PAGE_SIZE, array_size);
		free_vm_area(area);
		return NULL;
	}

	nr = vm_area_alloc_pages(gfp_mask | __GFP_NOWARN, nr_small_pages, area->pages);
	area->nr_pages = nr;
	__atomic_add_fetch(&nr_vmalloc_pages, nr, __ATOMIC_RELAXED);
	if (nr != nr_small_pages) {
		warn_alloc(gfp_mask, area->caller, "vmalloc error: size %lu, failed to allocate pages",
			   (unsigned long)nr * PAGE_SIZE);
		goto fail;
	}
	if (vmap_pages_range(addr, addr + size, prot, area->pages) < 0) {
		warn_alloc(gfp_mask, area->caller, "vmalloc error: size %lu, failed to map pages",
			   (unsigned long)nr * PAGE_SIZE);
		goto fail;
	}
	return area->addr;

fail:
	vfree_one(area->addr, area->caller);
	return NULL;
}

void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pteval_t prot,
			   unsigned long vm_flags, int node, const void *caller)
{
	struct vm_struct *area;
	unsigned long real_size = size;
	void *ret;

	vmalloc_drain_deferred();
	if (WARN_ON_ONCE(!size))
		return NULL;
	if ((size >> PAGE_SHIFT) > totalram_pages) {
		warn_alloc(gfp_mask, caller, "vmalloc error: size %lu, exceeds total pages",
			   real_size);
		return NULL;
	}

	area = __get_vm_area_node(real_size, align, VM_ALLOC | VM_UNINITIALIZED | vm_flags,
				  start, end, gfp_mask, caller);
	if (!area) {
		warn_alloc(gfp_mask, caller, "vmalloc error: size %lu, vm_struct allocation failed",
			   real_size);
		return NULL;
	}

	ret = __vmalloc_area_node(area, gfp_mask, prot, node);
	if (!ret)
		return NULL;
	/* __GFP_ZERO reached the page allocator, which zeroes HighMem pages too */
	clear_vm_uninitialized_flag(area);
	return area->addr;
}

void *__vmalloc_node(unsigned long size, unsigned long align, gfp_t gfp_mask, int node,
		     const void *caller)
{
	return __vmalloc_node_range(size, align, VMALLOC_START, VMALLOC_END, gfp_mask,
				    PAGE_KERNEL, 0, node, caller);
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc_node(size, 1, gfp_mask, NUMA_NO_NODE, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, 1, GFP_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, 1, GFP_KERNEL | __GFP_ZERO, NUMA_NO_NODE,
			      __builtin_return_address(0));
}

void *vmalloc_user(unsigned long size)
{
	return __vmalloc_node_range(size, SHMLBA, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL, VM_USERMAP,
				    NUMA_NO_NODE, __builtin_return_address(0));
}

void *vmalloc_32(unsigned long size)
{
	return __vmalloc_node(size, 1, GFP_VMALLOC32, NUMA_NO_NODE, __builtin_return_address(0));
}

void *vmalloc_32_user(unsigned long size)
{
	return __vmalloc_node_range(size, SHMLBA, VMALLOC_START, VMALLOC_END,
				    GFP_VMALLOC32 | __GFP_ZERO, PAGE_KERNEL, VM_USERMAP,
				    NUMA_NO_NODE, __builtin_return_address(0));
}
