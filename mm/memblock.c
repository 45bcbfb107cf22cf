// SPDX-License-Identifier: MIT
/*
 * mm/memblock.c - the early boot allocator.
 *
 * Owns: memblock.memory and memblock.reserved, each a sorted array of
 * non-overlapping ranges. Adding a range inserts only the parts not already
 * covered (so overlapping reservations are never counted twice) and merges
 * neighbours of the same kind. Allocation scans the free gaps (memory minus
 * reserved) from the top down.
 * Must not touch: struct page or zones (mm_init.c hands memblock's free
 * ranges to the buddy allocator).
 * Locking: none; it runs single-threaded at boot, before interrupts.
 * Tests: tests/kernel/memblock_test.c.
 */
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <asm/page.h>
#include <mm/memblock.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[2 * INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, 0, memory_regions, "memory" },
	.reserved = { 0, 2 * INIT_MEMBLOCK_REGIONS, 0, reserved_regions, "reserved" },
};

static const char *const kind_names[NR_MEMBLOCK_KINDS] = {
	[MEMBLOCK_OTHER] = "other",
	[MEMBLOCK_PAGE0] = "page 0",
	[MEMBLOCK_BIOS] = "BIOS and low memory",
	[MEMBLOCK_KERNEL] = "kernel image",
	[MEMBLOCK_BOOTINFO] = "Multiboot info",
	[MEMBLOCK_MODULES] = "Multiboot modules",
	[MEMBLOCK_PGTABLE] = "page tables",
	[MEMBLOCK_MEMMAP] = "memmap",
	[MEMBLOCK_SWIOTLB] = "swiotlb",
};

const char *memblock_kind_name(enum memblock_kind kind)
{
	return kind < NR_MEMBLOCK_KINDS ? kind_names[kind] : "?";
}

void memblock_reset(void)
{
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock.retired = false;
}

static phys_addr_t rend(const struct memblock_region *r)
{
	return r->base + r->size;
}

static int insert_region(struct memblock_type *t, unsigned int idx, phys_addr_t base,
			 phys_addr_t size, enum memblock_kind kind)
{
	if (t->cnt == t->max) {
		pr_err("memblock: %s array full, [%#llx-%#llx] dropped\n", t->name,
		       (unsigned long long)base, (unsigned long long)(base + size - 1));
		return -1;
	}
	memmove(&t->regions[idx + 1], &t->regions[idx], (t->cnt - idx) * sizeof(t->regions[0]));
	t->regions[idx] = (struct memblock_region){ base, size, kind };
	t->cnt++;
	t->total_size += size;
	return 0;
}

static void merge_regions(struct memblock_type *t)
{
	unsigned int i = 0;

	while (i + 1 < t->cnt) {
		struct memblock_region *a = &t->regions[i], *b = &t->regions[i + 1];

		if (rend(a) != b->base || a->kind != b->kind) {
			i++;
			continue;
		}
		a->size += b->size;
		memmove(b, b + 1, (t->cnt - i - 2) * sizeof(*b));
		t->cnt--;
	}
}

/* Insert the parts of [base, base+size) that no region covers yet. */
static int add_range(struct memblock_type *t, phys_addr_t base, phys_addr_t size,
		     enum memblock_kind kind)
{
	phys_addr_t end = base + size;
	unsigned int i = 0;
	int err = 0;

	if (end < base)
		end = ~(phys_addr_t)0;
	for (; i < t->cnt && base < end; i++) {
		struct memblock_region *r = &t->regions[i];

		if (rend(r) <= base)
			continue;
		if (r->base >= end)
			break;	/* the rest goes in front of this region */
		if (r->base > base) {
			err |= insert_region(t, i, base, r->base - base, kind);
			i++;	/* skip over what was just inserted */
		}
		base = rend(&t->regions[i]);
	}
	if (base < end)
		err |= insert_region(t, i, base, end - base, kind);
	merge_regions(t);
	return err;
}

/* Cut [base, base+size) out of every region. */
static int remove_range(struct memblock_type *t, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;

	for (unsigned int i = 0; i < t->cnt; i++) {
		struct memblock_region *r = &t->regions[i];
		phys_addr_t r_end = rend(r);

		if (r_end <= base || r->base >= end)
			continue;
		if (r->base < base && r_end > end) {	/* split in two */
			r->size = base - r->base;
			t->total_size -= end - base;
			t->total_size -= r_end - end;	/* insert_region adds it back */
			return insert_region(t, i + 1, end, r_end - end, r->kind);
		}
		if (r->base < base) {
			t->total_size -= r_end - base;
			r->size = base - r->base;
		} else if (r_end > end) {
			t->total_size -= end - r->base;
			r->size = r_end - end;
			r->base = end;
		} else {
			t->total_size -= r->size;
			memmove(r, r + 1, (t->cnt - i - 1) * sizeof(*r));
			t->cnt--;
			i--;
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return size ? add_range(&memblock.memory, base, size, MEMBLOCK_OTHER) : 0;
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.memory, base, size);
}

int memblock_reserve_kind(phys_addr_t base, phys_addr_t size, enum memblock_kind kind)
{
	return size ? add_range(&memblock.reserved, base, size, kind) : 0;
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

static bool type_contains(const struct memblock_type *t, phys_addr_t addr)
{
	for (unsigned int i = 0; i < t->cnt; i++)
		if (addr >= t->regions[i].base && addr < rend(&t->regions[i]))
			return true;
	return false;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return type_contains(&memblock.memory, addr);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return type_contains(&memblock.reserved, addr);
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_reserved_kind_size(enum memblock_kind kind)
{
	phys_addr_t sum = 0;

	for (unsigned int i = 0; i < memblock.reserved.cnt; i++)
		if (memblock.reserved.regions[i].kind == kind)
			sum += memblock.reserved.regions[i].size;
	return sum;
}

/* Highest aligned fit for size in gap [lo, hi), or 0. */
static phys_addr_t fit_top(phys_addr_t lo, phys_addr_t hi, phys_addr_t size, phys_addr_t align)
{
	phys_addr_t cand;

	if (lo >= hi || hi - lo < size)
		return 0;
	cand = ALIGN_DOWN(hi - size, align);
	return cand >= lo ? cand : 0;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				      phys_addr_t end, enum memblock_kind kind)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;

	if (WARN(memblock.retired, "memblock: allocation of %llu bytes after the buddy allocator took over\n",
		 (unsigned long long)size))
		return 0;
	if (!align)
		align = PAGE_SIZE;
	if (end > memblock.current_limit)
		end = memblock.current_limit;
	if (start < PAGE_SIZE)
		start = PAGE_SIZE;	/* 0 means failure: never hand out page 0 */
	for (int i = (int)mem->cnt - 1; i >= 0; i--) {
		phys_addr_t ms = max(mem->regions[i].base, start), hi = min(rend(&mem->regions[i]), end);

		/* walk the reserved ranges below hi, top down, trying each gap */
		for (int j = (int)res->cnt - 1; j >= -1 && hi > ms; j--) {
			phys_addr_t rs = j >= 0 ? res->regions[j].base : 0;
			phys_addr_t re = j >= 0 ? rend(&res->regions[j]) : 0;
			phys_addr_t found;

			if (j >= 0 && rs >= hi)
				continue;
			found = fit_top(max(re, ms), hi, size, align);
			if (found) {
				memblock_reserve_kind(found, size, kind);
				return found;
			}
			hi = rs;
		}
	}
	return 0;
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align, enum memblock_kind kind)
{
	phys_addr_t pa = memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE, kind);
	void *p;

	if (!pa)
		return NULL;
	p = __va(pa);
	memset(p, 0, size);
	return p;
}

void memblock_for_each_free_range(int (*fn)(phys_addr_t start, phys_addr_t end, void *arg),
				  void *arg)
{
	const struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;
	unsigned int j = 0;

	for (unsigned int i = 0; i < mem->cnt; i++) {
		phys_addr_t lo = mem->regions[i].base, end = rend(&mem->regions[i]);

		while (j < res->cnt && rend(&res->regions[j]) <= lo)
			j++;
		for (unsigned int k = j; k < res->cnt && lo < end; k++) {
			const struct memblock_region *r = &res->regions[k];

			if (r->base >= end)
				break;
			if (r->base > lo && fn(lo, r->base, arg))
				return;
			lo = max(lo, rend(r));
		}
		if (lo < end && fn(lo, end, arg))
			return;
	}
}

void memblock_for_each_mem_pfn_range(void (*fn)(unsigned long spfn, unsigned long epfn, void *arg),
				     void *arg)
{
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long spfn = PFN_UP(r->base), epfn = PFN_DOWN(rend(r));

		if (spfn < epfn)
			fn(spfn, epfn, arg);
	}
}

void memblock_report(void)
{
	pr_info("memblock: %llu KiB memory in %u ranges, %llu KiB reserved in %u ranges\n",
		(unsigned long long)(memblock.memory.total_size >> 10), memblock.memory.cnt,
		(unsigned long long)(memblock.reserved.total_size >> 10), memblock.reserved.cnt);
	for (int k = 0; k < NR_MEMBLOCK_KINDS; k++) {
		phys_addr_t sz = memblock_reserved_kind_size((enum memblock_kind)k);

		if (sz)
			pr_info("memblock: %8llu KiB reserved: %s\n", (unsigned long long)(sz >> 10),
				kind_names[k]);
	}
}
