/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h - page-table entries and the arch mapping contract.
 *
 * Entries are 64 bits on both arches (x86_64 and i386 PAE). Levels are
 * numbered from the leaf: 0 = PTE (4 KiB), 1 = PMD (2 MiB), 2 = PUD/PDPT
 * (1 GiB), 3 = PGD/PML4 (x86_64 only). Kernel mappings are global when the
 * CPU has PGE and no-execute unless they are kernel text.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <kernel/types.h>
#include <asm/page.h>

typedef u64 pteval_t;

#define _PAGE_PRESENT	(1ULL << 0)
#define _PAGE_RW	(1ULL << 1)
#define _PAGE_USER	(1ULL << 2)
#define _PAGE_PWT	(1ULL << 3)
#define _PAGE_PCD	(1ULL << 4)
#define _PAGE_ACCESSED	(1ULL << 5)
#define _PAGE_DIRTY	(1ULL << 6)
#define _PAGE_PSE	(1ULL << 7)
#define _PAGE_GLOBAL	(1ULL << 8)
#define _PAGE_NX	(1ULL << 63)
#define PTE_PFN_MASK	0x000ffffffffff000ULL

#ifdef CONFIG_X86_64
#define PGTABLE_LEVELS	4
#else
#define PGTABLE_LEVELS	3
#endif

/* Bits this CPU accepts (NX and GLOBAL are dropped when unsupported). */
extern pteval_t __supported_pte_mask;

#define __PAGE_KERNEL_BASE	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL		(__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define PAGE_KERNEL_RO		(__PAGE_KERNEL_BASE | _PAGE_NX)
#define PAGE_KERNEL_RX		(__PAGE_KERNEL_BASE)
/*
 * Cache types through the PAT index a 4 KiB PTE selects, (PAT, PCD, PWT).
 * mmos leaves the PAT MSR at its power-on value (WB, WT, UC-, UC, twice),
 * whose first four entries Linux's own layout also keeps at index 2 (UC-)
 * and 3 (UC): PCD alone is UC-, which MTRRs may still make WC (Linux's
 * ioremap()); PCD|PWT is UC, strong uncached (Linux's PAGE_KERNEL_NOCACHE,
 * ioremap_uc()).
 */
#define PAGE_KERNEL_UC_MINUS	(PAGE_KERNEL | _PAGE_PCD)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/*
 * Map one 4 KiB page (or, for arch_map_range, a range using 1 GiB pages
 * where the CPU has them on x86_64, and 2 MiB pages, where va, pa and size
 * allow). Page-table pages come from the current
 * table allocator. Returns 0, or -ENOMEM when no table page could be had.
 * Mapping over an existing mapping replaces it (and flushes the TLB entry).
 */
int arch_map_page(unsigned long va, phys_addr_t pa, pteval_t prot);
int arch_map_range(unsigned long va, phys_addr_t pa, u64 size, pteval_t prot);
/* Remove the 4 KiB mapping at va (splitting a 1 GiB or 2 MiB page if needed). */
void arch_unmap_page(unsigned long va);
/*
 * The same without the TLB flush: the entry is gone from the tables, but
 * this and other CPUs may still use a cached translation until the caller
 * flushes (vmalloc's lazy purge, flush_tlb_kernel_range()).
 */
void arch_unmap_page_noflush(unsigned long va);
/*
 * Look va up in the live tables. Returns false if unmapped; otherwise the
 * physical address, the leaf entry's flags and the leaf's size in bytes.
 */
bool arch_query(unsigned long va, phys_addr_t *pa, pteval_t *flags, unsigned long *size);

/*
 * The entries the walk for va reads, top level first: each one's level
 * (PGTABLE_LEVELS - 1 down to 0), its index in its table, its value and the
 * table's physical address. Returns how many were read: the walk stops at a
 * non-present entry or a leaf. What vtop prints and gdb's mm-walk repeats.
 */
struct pt_step {
	int level;
	unsigned int index;
	pteval_t entry;
	phys_addr_t table;
};
int arch_walk(unsigned long va, struct pt_step steps[PGTABLE_LEVELS]);

/*
 * The 4 KiB entry for va in the live tables, or NULL if a table on the way
 * is missing or va lies in a large page. For owners of a range whose page
 * table exists from boot (the PKMAP area) and who write their entries
 * themselves, flushing the TLB when they decide to.
 */
pteval_t *arch_lookup_pte(unsigned long va);

/* Where page-table pages come from: returns a zeroed page's address, or 0. */
typedef phys_addr_t (*pgtable_alloc_fn)(void);
void pgtable_set_allocator(pgtable_alloc_fn fn);

/*
 * Page-table pages taken from the page allocator since it started, in the
 * zone with index zone (arch/x86/mm/init.c). Kernel page tables are never
 * freed (Linux does not free the vmalloc range's either), so the test
 * harness counts these as held, not leaked.
 */
unsigned long pgtable_pages_in_zone(unsigned int zone);

/* Physical address of the root table (what CR3 holds). */
extern phys_addr_t kernel_pgd_phys;

/* Walk every present leaf; count those both writable and executable. */
unsigned long ptdump_count_wx(void);

void paging_init(void);

#endif
