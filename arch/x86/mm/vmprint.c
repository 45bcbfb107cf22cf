// SPDX-License-Identifier: MIT
/*
 * arch/x86/mm/vmprint.c - walk and print the kernel's page tables.
 *
 * Owns: walk_kernel_page_tables(), a read-only depth-first walk of the
 * kernel's root table (3 levels on i386 PAE, 4 on x86_64), vmprint() and
 * the shell command `vmprint`, which print what the walk meets in xv6's
 * format (one line per entry, two dots per level of depth). It is lab 5's
 * page-table exercise (docs/labs/lab5.md).
 * Must not touch: any entry (arch/x86/mm/pgtable.c edits tables).
 * Locking: none; tables are only ever added (pgtable.c), so a walk never
 * meets a freed one.
 * Tests: tests/kernel/lab5_pgtable_test.c.
 */
#include <asm/pgtable_areas.h>
#include <asm/vmprint.h>
#include <kernel/printk.h>
#include <kernel/shell.h>

#define TOP	(PGTABLE_LEVELS - 1)

extern phys_addr_t kernel_pgd_phys;

/* How many entries a table at this level has: PAE's top level has 4. */
static unsigned int table_entries(int level)
{
	return (level == TOP && PGTABLE_LEVELS == 3) ? 4 : 512;
}

static unsigned int entry_shift(int level)
{
	return PAGE_SHIFT + 9 * (unsigned int)level;
}

/*
 * The first address slot i of a table covers. On x86_64 the PML4's upper
 * half (slots 256-511) is the kernel's: bits 63-48 copy bit 47.
 */
static unsigned long slot_va(unsigned long table_va, int level, unsigned int i)
{
	unsigned long va = table_va + ((unsigned long)i << entry_shift(level));

#ifdef CONFIG_X86_64
	if (level == TOP && i >= 256)
		va |= 0xffff000000000000UL;
#endif
	return va;
}

struct walk {
	unsigned long start, last;
	pt_visit_fn visit;
	void *arg;
	unsigned long leaves;
	bool stopped;
};

/*
 * Visit the present entries of one table at `level` whose range meets
 * [w->start, w->last]; table_va is the first address the table covers.
 * A leaf is a level-0 entry, or a large page: _PAGE_PSE at level 1 or 2
 * (never at the top). Any other present entry points to a table one level
 * down, at __va(entry & PTE_PFN_MASK).
 */
static void walk_table(struct walk *w, const pteval_t *table, int level, unsigned long table_va)
{
	/* LAB 5 BEGIN walk_table */
	for (unsigned int i = 0; i < table_entries(level) && !w->stopped; i++) {
		pteval_t val = table[i];
		struct pt_entry e = {
			.va = slot_va(table_va, level, i),
			.size = 1UL << entry_shift(level),
			.level = level,
			.index = i,
			.val = val,
		};

		if (!(val & _PAGE_PRESENT) || e.va + (e.size - 1) < w->start || e.va > w->last)
			continue;
		e.leaf = level == 0 || (level < TOP && (val & _PAGE_PSE));
		w->leaves += e.leaf;
		if (!w->visit(&e, w->arg)) {
			w->stopped = true;
			break;
		}
		if (!e.leaf)
			walk_table(w, __va(val & PTE_PFN_MASK), level - 1, e.va);
	}
	/* LAB 5 END walk_table */
}

unsigned long walk_kernel_page_tables(unsigned long start, unsigned long last,
				      pt_visit_fn visit, void *arg)
{
	struct walk w = { .start = start, .last = last, .visit = visit, .arg = arg };

	if (start <= last)
		walk_table(&w, __va(kernel_pgd_phys), TOP, 0);
	return w.leaves;
}

/* The physical address an entry holds: a large page's own low bits are flags (PAT). */
static u64 entry_pa(const struct pt_entry *e)
{
	return e->val & PTE_PFN_MASK & (e->leaf ? ~((u64)e->size - 1) : ~0ULL);
}

static bool print_entry(const struct pt_entry *e, void *arg)
{
	(void)arg;
	for (int l = TOP; l >= e->level; l--)
		printk(KERN_CONT " ..");
	printk(KERN_CONT "%u: pte %#llx pa %#llx va %#lx%s\n", e->index,
	       (unsigned long long)e->val, (unsigned long long)entry_pa(e), e->va,
	       e->leaf ? (e->size == PAGE_SIZE ? "" : e->size == (2UL << 20) ? " 2M" : " 1G") : "");
	return true;
}

void vmprint(unsigned long start, unsigned long last)
{
	unsigned long n;

	pr_info("page table %#llx (%d levels), %#lx-%#lx\n", (unsigned long long)kernel_pgd_phys,
		PGTABLE_LEVELS, start, last);
	n = walk_kernel_page_tables(start, last, print_entry, NULL);
	pr_info("vmprint: %lu leaves\n", n);
}

/*
 * vmprint: the vmalloc area (where the mappings change at run time), as xv6
 * prints a process's; a report, so no printk stamps (the boot log's call
 * from a test keeps them).
 */
static void vmprint_vmalloc_area(void)
{
#ifdef CONFIG_X86_64
	vmprint(VMALLOC_START, VMALLOC_END);	/* inclusive there, as in Linux */
#else
	vmprint(VMALLOC_START, VMALLOC_END - 1);
#endif
}
SHELL_REPORT(vmprint, "print the page tables of the vmalloc area, as xv6's vmprint",
	     vmprint_vmalloc_area);
