/* SPDX-License-Identifier: MIT */
/*
 * mm/memblock.h - the early boot allocator: memory ranges and reservations.
 *
 * Before the buddy allocator exists, physical memory is two lists of
 * ranges: memblock.memory (RAM, from e820) and memblock.reserved (what is
 * taken: the kernel image, the loader's data, the BIOS area, page tables,
 * the memmap, ...). Each reservation records its kind, so the boot report
 * can say where memory went. An allocation finds the highest free range
 * that fits below memblock.current_limit (top-down, as Linux). When the
 * buddy allocator takes over (memblock_free_all), memblock retires: later
 * allocations WARN and fail.
 */
#ifndef MM_MEMBLOCK_H
#define MM_MEMBLOCK_H

#include <kernel/types.h>

enum memblock_kind {
	MEMBLOCK_OTHER,
	MEMBLOCK_PAGE0,		/* page 0 */
	MEMBLOCK_BIOS,		/* the rest of the first MiB: BIOS data, EBDA, option ROMs */
	MEMBLOCK_KERNEL,	/* the kernel image (boot code, text, data, bss) */
	MEMBLOCK_BOOTINFO,	/* the Multiboot information */
	MEMBLOCK_MODULES,	/* Multiboot modules */
	MEMBLOCK_PGTABLE,	/* page tables built during boot */
	MEMBLOCK_MEMMAP,	/* struct page arrays */
	MEMBLOCK_SWIOTLB,	/* the DMA bounce pool and its slot array (kernel/dma/swiotlb.c) */
	NR_MEMBLOCK_KINDS
};

#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)
#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base, size;
	enum memblock_kind kind;
};

struct memblock_type {
	unsigned int cnt, max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;
	bool retired;
	struct memblock_type memory, reserved;
};

extern struct memblock memblock;

/* Empty both lists (boot, and tests that build their own layouts). */
void memblock_reset(void);
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve_kind(phys_addr_t base, phys_addr_t size, enum memblock_kind kind);
#define memblock_reserve(base, size)	memblock_reserve_kind(base, size, MEMBLOCK_OTHER)
/* Give a reservation back. */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_set_current_limit(phys_addr_t limit);

/*
 * Reserve size bytes aligned to align inside [start, end) (end clipped to
 * current_limit), highest address first. Returns the physical address, or
 * 0 on failure. The memory is not cleared.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				      phys_addr_t end, enum memblock_kind kind);
/* Zeroed, direct-mapped memory (below current_limit), or NULL. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align, enum memblock_kind kind);

bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_reserved_kind_size(enum memblock_kind kind);
const char *memblock_kind_name(enum memblock_kind kind);

/*
 * Call fn for every free range (memory minus reserved), ascending, with
 * physical [start, end). Stops early if fn returns non-zero.
 */
void memblock_for_each_free_range(int (*fn)(phys_addr_t start, phys_addr_t end, void *arg),
				  void *arg);
/* Call fn for every memory range, pfn-rounded inward: [start_pfn, end_pfn). */
void memblock_for_each_mem_pfn_range(void (*fn)(unsigned long spfn, unsigned long epfn, void *arg),
				     void *arg);

/* Print the reservations by kind ("memblock: reserved ..."). */
void memblock_report(void);

#endif
