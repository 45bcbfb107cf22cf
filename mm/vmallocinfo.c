// SPDX-License-Identifier: MIT
/*
 * mm/vmallocinfo.c - what the vmalloc range holds, as reports: the
 * /proc/vmallocinfo listing (Linux's vmalloc_info_show() and
 * show_purge_info(), in mm/vmalloc.c there) and the line an oops prints
 * for a faulting address inside a vmalloc area (Linux's vmalloc_dump_obj()).
 *
 * Owns: nothing but the wording; it reads the busy and purge lists and the
 * busy tree of mm/vmap_area.c, and the vm_structs of mm/vmalloc.c.
 * Locking: vmap_area_lock (irqsave) while walking; the oops path only
 * tries it, since the fault may have come with it held.
 * Tests: tests/kernel/vmalloc_test.c.
 */
#include <kernel/irqflags.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <mm/vmalloc.h>
#include <mm/vmap_area.h>
#include "internal.h"

/* One /proc/vmallocinfo line (Linux's vmalloc_info_show()). */
static void show_vm_struct(const struct vm_struct *v)
{
	char line[256];
	int n;

	n = scnprintf(line, sizeof(line), "0x%p-0x%p %7ld", v->addr,
		      (void *)((unsigned long)v->addr + v->size), (long)v->size);
	if (v->caller)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " %pS", v->caller);
	if (v->nr_pages)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " pages=%u", v->nr_pages);
	if (v->phys_addr)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " phys=0x%016llx",	/* %pa */
			       (unsigned long long)v->phys_addr);
	if (v->flags & VM_IOREMAP)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " ioremap");
	if (v->flags & VM_SPARSE)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " sparse");
	if (v->flags & VM_ALLOC)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " vmalloc");
	if (v->flags & VM_MAP)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " vmap");
	if (v->flags & VM_USERMAP)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " user");
	if (v->flags & VM_DMA_COHERENT)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " dma-coherent");
	if (is_vmalloc_addr(v->pages))
		n += scnprintf(line + n, sizeof(line) - (size_t)n, " vpages");
	printk(KERN_INFO "%s\n", line);
}

void show_vmallocinfo(void)
{
	struct vmap_area *va;
	unsigned long irqflags;

	spin_lock_irqsave(&vmap_area_lock, irqflags);
	list_for_each_entry(va, &vmap_area_list, list) {
		/* an area of the allocator alone (no vm_struct), or still being filled */
		if (!va->vm || (va->vm->flags & VM_UNINITIALIZED))
			continue;
		show_vm_struct(va->vm);
	}
	/* Linux's show_purge_info(): freed, unmapped, the TLB not yet flushed */
	list_for_each_entry(va, &purge_vmap_area_list, list)
		printk(KERN_INFO "0x%p-0x%p %7ld unpurged vm_area\n", (void *)va->va_start,
		       (void *)va->va_end, (long)(va->va_end - va->va_start));
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
}

bool vmalloc_describe_addr(unsigned long addr, char *buf, size_t size)
{
	struct vmap_area *va;
	unsigned long irqflags;
	bool found = false;

	if (!is_vmalloc_addr((void *)addr))
		return false;
	local_irq_save(irqflags);
	if (!spin_trylock(&vmap_area_lock)) {	/* the fault came with the lock held */
		local_irq_restore(irqflags);
		return false;
	}
	va = __find_vmap_area(addr, &vmap_area_root);
	if (va && va->vm) {
		const struct vm_struct *vm = va->vm;
		bool guard = !(vm->flags & VM_NO_GUARD) && addr >= va->va_end - PAGE_SIZE;

		snprintf(buf, size, "in %svmalloc area 0x%p-0x%p allocated by %pS",
			 guard ? "guard page of " : "", vm->addr,
			 (void *)((unsigned long)vm->addr + vm->size), vm->caller);
		found = true;
	}
	spin_unlock(&vmap_area_lock);
	local_irq_restore(irqflags);
	return found;
}
