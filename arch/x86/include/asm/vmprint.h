/* SPDX-License-Identifier: MIT */
/*
 * asm/vmprint.h - walk the kernel's page tables and print them (lab 5,
 * after xv6's vmprint()).
 *
 * Levels are numbered as in asm/pgtable.h: 0 is a PTE (4 KiB), 1 a PMD
 * (2 MiB), 2 a PUD/PDPT (1 GiB), 3 the PML4 (x86_64 only).
 */
#ifndef ASM_VMPRINT_H
#define ASM_VMPRINT_H

#include <asm/pgtable.h>

/* One present entry the walk met. */
struct pt_entry {
	unsigned long va;	/* first address the entry covers (canonical) */
	unsigned long size;	/* bytes it covers: 4K, 2M, 1G, 512G */
	int level;
	unsigned int index;	/* its slot in its table */
	pteval_t val;		/* the entry as stored */
	bool leaf;		/* maps memory (a PTE, or a 2 MiB / 1 GiB page) */
};

/* Called for each entry; return false to end the walk. */
typedef bool (*pt_visit_fn)(const struct pt_entry *e, void *arg);

/*
 * Visit every present entry of the kernel's page tables whose range meets
 * [start, last] (last inclusive, so the top of the address space can be
 * named), depth first in address order: a table entry before the entries
 * of the table it points to. Reads only; never changes a table. Returns the
 * number of leaves visited.
 */
unsigned long walk_kernel_page_tables(unsigned long start, unsigned long last,
				      pt_visit_fn visit, void *arg);

/* Print the entries in [start, last] as xv6's vmprint() does, one per line. */
void vmprint(unsigned long start, unsigned long last);

#endif
