// SPDX-License-Identifier: MIT
/*
 * kernel/memmap_cmds.c - shell commands for seeing physical memory's layout
 * and fragmentation: memmap, frag, extfrag_index, unusable_index, and vtop
 * (one address through the kernel page tables, line for line what gdb's
 * mm-walk prints).
 *
 * Owns: only the commands and their argument checks; the walk, the
 * workload and the indices live in mm/ (memmap_dump.c, frag.c,
 * extfrag.c), the page-table query in arch/x86/mm/pgtable.c. Wrong input
 * prints the usage line and changes nothing (SHELL_USAGE); a refusal prints
 * one line starting with the command's name (SHELL_FAILED). The reports
 * print in report mode: no printk stamps, as reading the debugfs files.
 */
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/extfrag.h>
#include <mm/memmap.h>

SHELL_REPORT(memmap, "every page frame's state as runs, zone by zone (tools/memmap-plot)",
	     show_memmap);

static int cmd_frag(int argc, char **argv)
{
	unsigned long pct = 50;
	long held;

	if (argc == 2 && !strcmp(argv[1], "free")) {
		console_printf("frag: freed %lu pages\n", frag_release());
		return SHELL_OK;
	}
	if (argc > 2 || shell_opt_arg(shell_parse_ulong, argc, argv, 1, &pct) || pct < 1 ||
	    pct > 100)
		return shell_usage(argv[0]);
	held = frag_run((unsigned int)pct);
	if (held == -EBUSY) {
		console_printf("frag: already holding %lu pages; 'frag free' first\n", frag_held());
		return SHELL_FAILED;
	}
	if (held < 0) {
		console_printf("frag: %lu%% failed with error %ld (no memory for its page array)\n",
			       pct, held);
		return SHELL_FAILED;
	}
	console_printf("frag: holding %ld pages; 'frag free' gives them back\n", held);
	return SHELL_OK;
}
SHELL_CMD(frag, "[PERCENT] | free", "fragment a zone: hold PERCENT (1..100, default 50) of its "
	  "free pages in scattered blocks; free: give them back", cmd_frag);

SHELL_REPORT(extfrag_index, "fragmentation index per zone and order, like "
	     "/sys/kernel/debug/extfrag/extfrag_index", show_extfrag_index);
SHELL_REPORT(unusable_index, "unusable free space index per zone and order, like "
	     "/sys/kernel/debug/extfrag/unusable_index", show_unusable_index);

/* Linux's names for the levels: on i386 PAE the top table is the PDPT. */
static const char *const level_name[] = { "PTE", "PMD", PGTABLE_LEVELS == 4 ? "PUD" : "PDPTE",
					  "PGD" };

/*
 * Each entry the walk reads (its level, index, value and table), then the
 * translation: the lines gdb's mm-walk prints from the same tables.
 */
static void show_vtop(unsigned long va)
{
	struct pt_step steps[PGTABLE_LEVELS];
	int n = arch_walk(va, steps);
	const struct pt_step *last = &steps[n - 1];

	for (int i = 0; i < n; i++)
		pr_info("%-5s index %3u entry 0x%016llx (table at phys %#llx)\n",
			level_name[steps[i].level], steps[i].index,
			(unsigned long long)steps[i].entry, (unsigned long long)steps[i].table);
	if (!(last->entry & _PAGE_PRESENT)) {
		pr_info("vtop: %#lx not mapped\n", va);
	} else {
		u64 size = 1ULL << (PAGE_SHIFT + 9 * last->level);
		u64 pa = (last->entry & PTE_PFN_MASK & ~(size - 1)) + (va & (size - 1));

		pr_info("vtop: %#lx -> phys %#llx size %#llx flags %#llx\n", va,
			(unsigned long long)pa, (unsigned long long)size,
			(unsigned long long)(last->entry & ~PTE_PFN_MASK));
	}
}

static int cmd_vtop(int argc, char **argv)
{
	unsigned long va;
	bool was;

	if (argc != 2 || shell_parse_ulong(argv[1], &va))
		return shell_usage(argv[0]);
	was = shell_report_begin();
	show_vtop(va);
	shell_report_end(was);
	return SHELL_OK;
}
SHELL_CMD(vtop, "VADDR", "walk the kernel page tables for a virtual address: each level's "
	  "entry, then the translation", cmd_vtop);
