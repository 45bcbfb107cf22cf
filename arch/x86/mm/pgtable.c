// SPDX-License-Identifier: MIT
/*
 * arch/x86/mm/pgtable.c - build and edit page tables: one walker, 3 or 4 levels.
 *
 * Owns: arch_map_page/arch_map_range/arch_unmap_page/arch_query and the
 * kernel root table. The same code drives x86_64 (4 levels) and i386 PAE
 * (3 levels, a 4-entry top level whose entries may carry only the present
 * bit). A virtual address splits into table indices like this:
 *
 *   x86_64: 47      39 38      30 29      21 20      12 11         0
 *           | PML4 (3)| PDPT (2) | PD (1)   | PT (0)   | page offset |
 *   i386:   31 30 29      21 20      12 11         0
 *           |PDPT| PD (1)   | PT (0)   | page offset |
 *            (2)
 *
 * Must not touch: which addresses are mapped (arch/x86/mm/init.c, later
 * vmalloc/kmap decide that). Locking: callers serialise changes to the same
 * range; table pages are only ever added, so walkers never see a freed one.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel/bug.h>
#include <kernel/errno.h>
#include <kernel/string.h>

#define TOP	(PGTABLE_LEVELS - 1)

pteval_t __supported_pte_mask = ~0ULL;
phys_addr_t kernel_pgd_phys;
static pgtable_alloc_fn table_alloc;

void pgtable_set_allocator(pgtable_alloc_fn fn)
{
	table_alloc = fn;
}

static unsigned int level_shift(int level)
{
	return PAGE_SHIFT + 9 * (unsigned int)level;
}

static unsigned int pt_index(unsigned long va, int level)
{
	unsigned int mask = (level == TOP && PGTABLE_LEVELS == 3) ? 3 : 511;

	return (unsigned int)(va >> level_shift(level)) & mask;
}

/* Flags of an entry that points at a lower-level table. */
static pteval_t table_entry_flags(int level)
{
	if (level == TOP && PGTABLE_LEVELS == 3)
		return _PAGE_PRESENT;	/* PAE PDPTEs: everything else is reserved */
	return _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
}

static pteval_t *table_va(pteval_t entry)
{
	return __va(entry & PTE_PFN_MASK);
}

static pteval_t *alloc_table(void)
{
	phys_addr_t pa = table_alloc ? table_alloc() : 0;

	if (!pa)
		return NULL;
	return __va(pa);
}

/* Bytes one entry at this level maps: 4 KiB, 2 MiB, 1 GiB. */
static unsigned long level_size(int level)
{
	return 1UL << level_shift(level);
}

/*
 * Turn a large leaf at `level` (2 MiB at 1, 1 GiB at 2) into a table of 512
 * leaves one level down with the same rights: 4 KiB pages, or 2 MiB ones.
 */
static int split_large(pteval_t *e, int level)
{
	pteval_t *t = alloc_table();
	pteval_t flags = *e & ~PTE_PFN_MASK;
	phys_addr_t base = *e & PTE_PFN_MASK & ~((phys_addr_t)level_size(level) - 1);

	if (!t)
		return -ENOMEM;
	if (level == 1)
		flags &= ~_PAGE_PSE;	/* 4 KiB entries have no size bit */
	for (unsigned int i = 0; i < 512; i++)
		t[i] = (base + (phys_addr_t)i * level_size(level - 1)) | flags;
	*e = __pa(t) | table_entry_flags(level);
	return 0;
}

enum walk_mode {
	WALK_SPLIT,	/* split large pages on the way, create nothing */
	WALK_CREATE,	/* also create missing tables */
};

/*
 * Return the entry for va at `level`, or NULL if the walk cannot get there
 * (a missing table when not creating, or no memory for a table).
 */
static pteval_t *walk(unsigned long va, int level, enum walk_mode mode)
{
	pteval_t *table = __va(kernel_pgd_phys);

	for (int l = TOP; l > level; l--) {
		pteval_t *e = &table[pt_index(va, l)];

		if (!(*e & _PAGE_PRESENT)) {
			pteval_t *next;

			if (mode != WALK_CREATE || !(next = alloc_table()))
				return NULL;
			*e = __pa(next) | table_entry_flags(l);
		} else if (*e & _PAGE_PSE) {
			if (split_large(e, l))
				return NULL;
		}
		table = table_va(*e);
	}
	return &table[pt_index(va, level)];
}

int arch_map_page(unsigned long va, phys_addr_t pa, pteval_t prot)
{
	pteval_t *pte = walk(va, 0, WALK_CREATE);

	if (!pte)
		return -ENOMEM;
	*pte = (pa & PTE_PFN_MASK) | (prot & __supported_pte_mask & ~_PAGE_PSE);
	invlpg(va);
	return 0;
}

/* A large leaf at `level`: 0 mapped, 1 a finer table is in the way, or -ENOMEM. */
static int map_large(unsigned long va, phys_addr_t pa, pteval_t prot, int level)
{
	pteval_t *e = walk(va, level, WALK_CREATE);

	if (!e)
		return -ENOMEM;
	/* a table already here (finer mappings) is left to its owner */
	if ((*e & _PAGE_PRESENT) && !(*e & _PAGE_PSE))
		return 1;
	*e = (pa & PTE_PFN_MASK) | (prot & __supported_pte_mask) | _PAGE_PSE;
	invlpg(va);
	return 0;
}

/*
 * The largest leaf that fits at va/pa with `left` bytes to go: 1 GiB where
 * the CPU has Page1GB (4-level only: a PAE PDPTE cannot be a leaf), 2 MiB,
 * else 0 for 4 KiB pages.
 */
static int largest_level(unsigned long va, phys_addr_t pa, u64 left)
{
	for (int level = (PGTABLE_LEVELS == 4 && boot_cpu_data.has_gbpages) ? 2 : 1; level > 0;
	     level--)
		if (IS_ALIGNED(va, level_size(level)) && IS_ALIGNED(pa, level_size(level)) &&
		    left >= level_size(level))
			return level;
	return 0;
}

int arch_map_range(unsigned long va, phys_addr_t pa, u64 size, pteval_t prot)
{
	u64 done = 0;

	while (done < size) {
		int level = largest_level(va + done, pa + done, size - done), err;

		for (; level > 0; level--) {
			err = map_large(va + done, pa + done, prot, level);
			if (err < 0)
				return err;
			if (!err)
				break;
		}
		if (level > 0) {
			done += level_size(level);
			continue;
		}
		err = arch_map_page(va + done, pa + done, prot);
		if (err)
			return err;
		done += PAGE_SIZE;
	}
	return 0;
}

void arch_unmap_page(unsigned long va)
{
	pteval_t *pte = walk(va, 0, WALK_SPLIT);

	if (pte) {
		*pte = 0;
		invlpg(va);
	}
}

void arch_unmap_page_noflush(unsigned long va)
{
	pteval_t *pte = walk(va, 0, WALK_SPLIT);

	if (pte)
		*pte = 0;
}

bool arch_query(unsigned long va, phys_addr_t *pa, pteval_t *flags, unsigned long *size)
{
	pteval_t *table = __va(kernel_pgd_phys);

	for (int l = TOP; l >= 0; l--) {
		pteval_t e = table[pt_index(va, l)];

		if (!(e & _PAGE_PRESENT))
			return false;
		if (l == 0 || ((e & _PAGE_PSE) && l < TOP)) {
			unsigned long sz = 1UL << level_shift(l);

			if (pa)
				*pa = (e & PTE_PFN_MASK & ~((pteval_t)sz - 1)) + (va & (sz - 1));
			if (flags)
				*flags = e & ~PTE_PFN_MASK;
			if (size)
				*size = sz;
			return true;
		}
		table = table_va(e);
	}
	return false;
}

int arch_walk(unsigned long va, struct pt_step steps[PGTABLE_LEVELS])
{
	phys_addr_t table = kernel_pgd_phys;
	int n = 0;

	for (int l = TOP; l >= 0; l--) {
		pteval_t e = ((pteval_t *)__va(table))[pt_index(va, l)];

		steps[n++] = (struct pt_step){ .level = l, .index = pt_index(va, l), .entry = e,
					       .table = table };
		if (!(e & _PAGE_PRESENT) || l == 0 || ((e & _PAGE_PSE) && l < TOP))
			break;
		table = e & PTE_PFN_MASK;
	}
	return n;
}

/* Count W+X leaves below one table; va is the table's first address. */
static unsigned long count_wx(pteval_t *table, int level, unsigned long va)
{
	unsigned int n = (level == TOP && PGTABLE_LEVELS == 3) ? 4 : 512;
	unsigned long wx = 0;

	for (unsigned int i = 0; i < n; i++) {
		pteval_t e = table[i];
		unsigned long sub = va + ((unsigned long)i << level_shift(level));

		if (!(e & _PAGE_PRESENT))
			continue;
		if (level == 0 || ((e & _PAGE_PSE) && level < TOP)) {
			if ((e & _PAGE_RW) && !(e & _PAGE_NX))
				wx++;
		} else {
			wx += count_wx(table_va(e), level - 1, sub);
		}
	}
	return wx;
}

unsigned long ptdump_count_wx(void)
{
	if (!(__supported_pte_mask & _PAGE_NX))
		return 0;	/* without NX every page is executable: nothing to check */
	return count_wx(__va(kernel_pgd_phys), TOP, 0);
}

pteval_t *arch_lookup_pte(unsigned long va)
{
	pteval_t *table = __va(kernel_pgd_phys);

	for (int l = TOP; l > 0; l--) {
		pteval_t e = table[pt_index(va, l)];

		if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE))
			return NULL;
		table = table_va(e);
	}
	return &table[pt_index(va, 0)];
}
