// SPDX-License-Identifier: MIT
/*
 * kernel/dma/swiotlb.c - the software IO TLB, as Linux 6.12's
 * kernel/dma/swiotlb.c with one pool and one area.
 *
 * Owns: the bounce pool. A streaming mapping a device cannot reach takes
 * 1..IO_TLB_SEGSIZE contiguous slots of IO_TLB_SIZE (2 KiB) bytes that do
 * not cross a segment of 128 slots; each slot remembers the original byte
 * it stands for (orig_addr) and how much of the mapping is left from it
 * (alloc_size). Copies, by Linux 6.12's rule:
 *   map:              into the slots, for every direction. FROM_DEVICE too,
 *                     since Halil Pasic's fix of Feb/Mar 2022 ("swiotlb: fix
 *                     info leak with DMA_FROM_DEVICE", reworked; Linus kept
 *                     the map-time copy): a device that writes only part of
 *                     the buffer must not hand the CPU stale pool bytes.
 *   sync_for_device:  into the slots for TO_DEVICE and BIDIRECTIONAL.
 *   sync_for_cpu, unmap: back out for FROM_DEVICE and BIDIRECTIONAL.
 * A page in HighMem (i386) is copied through kmap_local_page(), one page
 * at a time.
 *
 * Where the pool lives - a deliberate difference from Linux. x86 Linux
 * takes 64 MiB with memblock_alloc_low(), below 4 GiB: bounce buffers for
 * 32-bit PCI devices; an ISA device's 24-bit streaming mappings have no
 * bounce there (its drivers bounce by hand through GFP_DMA memory). mmos
 * puts the pool in ZONE_DMA, below 16 MiB, so that one pool serves the
 * narrowest device dma_set_mask() accepts (24 bits) as well as 28- and
 * 32-bit ones. ZONE_DMA has at most 16 MiB, so the pool is small: 512
 * slots (1 MiB: four whole segments, room for four 256 KiB mappings at
 * once) by default, `swiotlb=<nslabs>` as Linux's (rounded up to a whole
 * segment), and never more than a quarter of the free memory below 16 MiB,
 * so that a small machine's ZONE_DMA keeps most of its pages.
 *
 * When: as x86 Linux's pci_swiotlb_detect(): RAM above 4 GiB (max_pfn >
 * MAX_DMA32_PFN), or `swiotlb=force` (then every streaming mapping bounces);
 * `swiotlb=noforce` disables it. Linux selects SWIOTLB only for x86_64;
 * mmos applies the same rule on i386 PAE, where pages above 4 GiB are
 * HighMem and a 32-bit device reaches them only through the pool (Linux
 * i386 relied on the block layer's own bounce buffers instead).
 */
#include <kernel/dma-debug.h>
#include <kernel/dma-direct.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>
#include <kernel/cmdline.h>
#include <asm/dma.h>
#include <mm/highmem.h>
#include <mm/memblock.h>

#undef pr_fmt
#define pr_fmt(fmt) "software IO TLB: " fmt

struct io_tlb_mem io_tlb_default_mem = { .lock = __SPIN_LOCK_UNLOCKED(io_tlb_default_mem.lock) };

static unsigned long default_nslabs = IO_TLB_DEFAULT_NSLABS;
static bool swiotlb_force_bounce, swiotlb_force_disable;

static unsigned long parse_ulong(const char **s)
{
	unsigned long v = 0;

	while (**s >= '0' && **s <= '9')
		v = v * 10 + (unsigned long)(*(*s)++ - '0');
	return v;
}

/* swiotlb=<nslabs>[,<nareas>][,force|noforce], or swiotlb=force|noforce (Linux's syntax). */
static int setup_io_tlb_npages(const char *str, const struct kernel_param *kp)
{
	(void)kp;
	if (!str)
		return -EINVAL;
	if (*str >= '0' && *str <= '9') {
		unsigned long n = parse_ulong(&str);

		/* a tail segment of fewer than IO_TLB_SEGSIZE slots would be wasted */
		default_nslabs = ALIGN(n, IO_TLB_SEGSIZE);
	}
	if (*str == ',')
		++str;
	if (*str >= '0' && *str <= '9')
		parse_ulong(&str);	/* nareas: one area here */
	if (*str == ',')
		++str;
	if (!strcmp(str, "force"))
		swiotlb_force_bounce = true;
	else if (!strcmp(str, "noforce"))
		swiotlb_force_disable = true;
	else if (*str)
		return -EINVAL;
	return 0;
}

static int get_io_tlb_npages(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return snprintf(buf, size, "%lu%s", default_nslabs,
			swiotlb_force_bounce ? ",force" : swiotlb_force_disable ? ",noforce" : "");
}

static const struct kernel_param_ops swiotlb_param_ops = {
	.set = setup_io_tlb_npages, .get = get_io_tlb_npages, .type = "nslabs[,force|noforce]",
};
core_param_cb(swiotlb, swiotlb_param_ops);

static int add_dma_free(phys_addr_t start, phys_addr_t end, void *arg)
{
	phys_addr_t limit = zone_dma_limit + 1;

	if (start < limit)
		*(phys_addr_t *)arg += (end < limit ? end : limit) - start;
	return 0;
}

void swiotlb_print_info(void)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;

	if (!mem->nslabs) {
		pr_warn("No low mem\n");
		return;
	}
	pr_info("mapped [mem %#018llx-%#018llx] (%luMB)\n", (unsigned long long)mem->start,
		(unsigned long long)mem->end - 1, (mem->nslabs << IO_TLB_SHIFT) >> 20);
}

void swiotlb_init(bool addressing_limit)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long nslabs = default_nslabs, cap;
	phys_addr_t free_low = 0, start;
	size_t bytes;

	if (swiotlb_force_disable || (!addressing_limit && !swiotlb_force_bounce))
		return;
	memblock_for_each_free_range(add_dma_free, &free_low);
	cap = ALIGN_DOWN((unsigned long)(free_low / 4) >> IO_TLB_SHIFT, IO_TLB_SEGSIZE);
	if (nslabs > cap) {
		pr_warn("swiotlb=%lu slots would take more than a quarter of the %llu KiB free below 16 MiB: %lu\n",
			nslabs, (unsigned long long)(free_low >> 10), cap);
		nslabs = cap;
	}
	if (!nslabs) {
		pr_warn("no room below 16 MiB for a bounce pool: none\n");
		return;
	}
	bytes = nslabs << IO_TLB_SHIFT;
	/* ZONE_DMA, top-down: see the comment at the top of this file */
	start = memblock_phys_alloc_range(bytes, PAGE_SIZE, 0, zone_dma_limit + 1, MEMBLOCK_SWIOTLB);
	if (!start) {
		pr_warn("cannot allocate %zu bytes below 16 MiB\n", bytes);
		return;
	}
	mem->slots = memblock_alloc(sizeof(*mem->slots) * nslabs, sizeof(void *), MEMBLOCK_SWIOTLB);
	if (!mem->slots) {
		memblock_phys_free(start, bytes);
		pr_warn("cannot allocate the slot array\n");
		return;
	}
	for (unsigned long i = 0; i < nslabs; i++)
		mem->slots[i] = (struct io_tlb_slot){ .orig_addr = INVALID_PHYS_ADDR };
	mem->start = start;
	mem->end = start + bytes;
	mem->vaddr = __va(start);
	memset(mem->vaddr, 0, bytes);
	mem->force_bounce = swiotlb_force_bounce;
	mem->nslabs = nslabs;
	swiotlb_print_info();
}

static inline unsigned int nr_slots(u64 size)
{
	return (unsigned int)((size + IO_TLB_SIZE - 1) >> IO_TLB_SHIFT);
}

unsigned long swiotlb_used(void)
{
	return io_tlb_default_mem.used;
}

size_t swiotlb_max_mapping_size(struct device *dev)
{
	(void)dev;
	return (size_t)IO_TLB_SIZE * IO_TLB_SEGSIZE;
}

/*
 * First fit from mem->index, wrapping: nslots free slots inside one
 * segment. A mapping of a page or more starts on a page (Linux's stride).
 * Returns the first slot's index, or -1. Called with mem->lock held.
 */
static long swiotlb_find_slots(struct io_tlb_mem *mem, size_t alloc_size)
{
	unsigned int nslots = nr_slots(alloc_size);
	unsigned int stride = alloc_size >= PAGE_SIZE ? PAGE_SIZE >> IO_TLB_SHIFT : 1;
	unsigned long n, start;

	if (!nslots || nslots > IO_TLB_SEGSIZE || nslots > mem->nslabs - mem->used)
		return -1;
	start = ALIGN(mem->index, stride);
	for (n = 0; n < mem->nslabs; n += stride) {
		unsigned long idx = (start + n) % mem->nslabs;
		unsigned int j;

		idx = ALIGN_DOWN(idx, stride);
		if (idx % IO_TLB_SEGSIZE + nslots > IO_TLB_SEGSIZE)
			continue;
		for (j = 0; j < nslots; j++)
			if (mem->slots[idx + j].orig_addr != INVALID_PHYS_ADDR)
				break;
		if (j == nslots)
			return (long)idx;
	}
	return -1;
}

/*
 * Copy size bytes between the original buffer and the slots at tlb_addr
 * (which may lie inside a mapping: a partial sync), towards the device
 * (DMA_TO_DEVICE: original -> slots) or back (slots -> original).
 */
static void swiotlb_bounce(struct device *dev, phys_addr_t tlb_addr, size_t size,
			   enum dma_data_direction dir)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	phys_addr_t orig_addr = mem->slots[index].orig_addr;
	size_t alloc_size = mem->slots[index].alloc_size;
	unsigned int tlb_offset = tlb_addr & (IO_TLB_SIZE - 1);
	char *vaddr = (char *)mem->vaddr + (tlb_addr - mem->start);

	if (orig_addr == INVALID_PHYS_ADDR)
		return;
	orig_addr += tlb_offset;
	if (size > alloc_size - tlb_offset) {
		dev_WARN_ONCE(dev, 1,
			      "Buffer overflow detected. Allocation size: %zu. Mapping size: %zu+%u.\n",
			      alloc_size, size, tlb_offset);
		size = alloc_size - tlb_offset;
	}
	while (size) {
		struct page *page = pfn_to_page(PFN_DOWN(orig_addr));
		unsigned int off = orig_addr & (PAGE_SIZE - 1);
		size_t sz = PAGE_SIZE - off < size ? PAGE_SIZE - off : size;
		char *buffer;

		if (PageHighMem(page))
			buffer = kmap_local_page(page);
		else
			buffer = page_address(page);
		if (dir == DMA_TO_DEVICE)
			memcpy(vaddr, buffer + off, sz);
		else
			memcpy(buffer + off, vaddr, sz);
		if (PageHighMem(page))
			kunmap_local(buffer);
		orig_addr += sz;
		vaddr += sz;
		size -= sz;
	}
}

phys_addr_t swiotlb_tbl_map_single(struct device *dev, phys_addr_t orig_addr, size_t mapping_size,
				   enum dma_data_direction dir, unsigned long attrs)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long flags, used;
	phys_addr_t tlb_addr;
	unsigned int i, nslots;
	long index;

	(void)dir;
	if (!mem->nslabs) {
		dev_warn(dev, "Can not allocate SWIOTLB buffer earlier and can't now provide you with the DMA bounce buffer\n");
		return (phys_addr_t)DMA_MAPPING_ERROR;
	}
	spin_lock_irqsave(&mem->lock, flags);
	index = swiotlb_find_slots(mem, mapping_size);
	if (index < 0) {
		mem->full++;
		used = mem->used;
		spin_unlock_irqrestore(&mem->lock, flags);
		if (!(attrs & DMA_ATTR_NO_WARN))
			dev_warn(dev, "swiotlb buffer is full (sz: %zu bytes), total %lu (slots), used %lu (slots) [caller %pS]\n",
				 mapping_size, mem->nslabs, used, (void *)dma_debug_current_caller);
		return (phys_addr_t)DMA_MAPPING_ERROR;
	}
	nslots = nr_slots(mapping_size);
	for (i = 0; i < nslots; i++) {
		mem->slots[index + i].orig_addr = orig_addr + ((phys_addr_t)i << IO_TLB_SHIFT);
		mem->slots[index + i].alloc_size = mapping_size - ((size_t)i << IO_TLB_SHIFT);
		mem->slots[index + i].nr = i ? 0 : nslots;
	}
	mem->used += nslots;
	if (mem->used > mem->used_hiwater)
		mem->used_hiwater = mem->used;
	mem->total_used++;
	mem->index = (unsigned int)((index + nslots) % mem->nslabs);
	spin_unlock_irqrestore(&mem->lock, flags);
	tlb_addr = mem->start + ((phys_addr_t)index << IO_TLB_SHIFT);
	/* every direction: the 2022 info-leak fix (see the top of this file) */
	swiotlb_bounce(dev, tlb_addr, mapping_size, DMA_TO_DEVICE);
	return tlb_addr;
}

static void swiotlb_release_slots(struct device *dev, phys_addr_t tlb_addr)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	unsigned int nslots = mem->slots[index].nr, i;
	unsigned long flags;

	if (!nslots || (tlb_addr & (IO_TLB_SIZE - 1))) {
		dev_WARN_ONCE(dev, 1, "swiotlb: %#llx is not the start of a mapping\n",
			      (unsigned long long)tlb_addr);
		return;
	}
	spin_lock_irqsave(&mem->lock, flags);
	for (i = 0; i < nslots; i++)
		mem->slots[index + i] = (struct io_tlb_slot){ .orig_addr = INVALID_PHYS_ADDR };
	mem->used -= nslots;
	spin_unlock_irqrestore(&mem->lock, flags);
}

void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr, size_t mapping_size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC) &&
	    (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		swiotlb_bounce(dev, tlb_addr, mapping_size, DMA_FROM_DEVICE);
	swiotlb_release_slots(dev, tlb_addr);
}

void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr, size_t size,
				    enum dma_data_direction dir)
{
	if (dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL)
		swiotlb_bounce(dev, tlb_addr, size, DMA_TO_DEVICE);
}

void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr, size_t size,
				 enum dma_data_direction dir)
{
	if (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL)
		swiotlb_bounce(dev, tlb_addr, size, DMA_FROM_DEVICE);
}

dma_addr_t swiotlb_map(struct device *dev, phys_addr_t paddr, size_t size,
		       enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t swiotlb_addr;
	dma_addr_t dma_addr;

	swiotlb_addr = swiotlb_tbl_map_single(dev, paddr, size, dir, attrs);
	if (swiotlb_addr == (phys_addr_t)DMA_MAPPING_ERROR)
		return DMA_MAPPING_ERROR;
	dma_addr = phys_to_dma(dev, swiotlb_addr);
	if (!dma_capable(dev, dma_addr, size, true)) {
		swiotlb_tbl_unmap_single(dev, swiotlb_addr, size, dir, attrs | DMA_ATTR_SKIP_CPU_SYNC);
		dev_WARN_ONCE(dev, 1, "swiotlb addr %#llx+%zu overflow (mask %llx, bus limit %llx).\n",
			      (unsigned long long)dma_addr, size,
			      (unsigned long long)(dev->dma_mask ? *dev->dma_mask : 0),
			      (unsigned long long)dev->bus_dma_limit);
		return DMA_MAPPING_ERROR;
	}
	return dma_addr;
}
