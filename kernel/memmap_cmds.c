// SPDX-License-Identifier: MIT
/*
 * kernel/memmap_cmds.c - shell commands for seeing physical memory's layout
 * and fragmentation: memmap, frag, extfrag_index, unusable_index, and vtop
 * (one address through the kernel page tables, what gdb's mm-walk ends with).
 *
 * Owns: only the commands and their argument checks; the walk, the
 * workload and the indices live in mm/ (memmap_dump.c, frag.c,
 * extfrag.c), the page-table query in arch/x86/mm/pgtable.c. Wrong input
 * prints the usage line and changes nothing (status 2); a refusal prints
 * one line starting with the command's name (status 1): the shell's
 * SHELL_USAGE and SHELL_FAILED.
 */
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/extfrag.h>
#include <mm/memmap.h>

static int cmd_memmap(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		console_printf("usage: memmap   (every page's state, as runs per zone)\n");
		return 2;
	}
	show_memmap();
	return 0;
}
SHELL_COMMAND(memmap, "every page frame's state as runs, zone by zone (tools/memmap-plot)",
	      cmd_memmap);

/* A decimal number 1..100 and nothing else. */
static bool parse_pct(const char *s, unsigned int *out)
{
	unsigned int v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100)
			return false;
		v = v * 10 + (unsigned int)(*s - '0');
	}
	if (v < 1 || v > 100)
		return false;
	*out = v;
	return true;
}

static int cmd_frag(int argc, char **argv)
{
	unsigned int pct = 50;
	long held;

	if (argc == 2 && !strcmp(argv[1], "free")) {
		console_printf("frag: freed %lu pages\n", frag_release());
		return 0;
	}
	if (argc > 2 || (argc == 2 && !parse_pct(argv[1], &pct))) {
		console_printf("usage: frag [PERCENT] | free   (PERCENT: 1..100 of the zone's free "
			       "pages, default 50; free: give them back)\n");
		return 2;
	}
	held = frag_run(pct);
	if (held == -EBUSY) {
		console_printf("frag: already holding %lu pages; 'frag free' first\n", frag_held());
		return 1;
	}
	if (held < 0) {
		console_printf("frag: %u%% failed with error %ld (no memory for its page array)\n",
			       pct, held);
		return 1;
	}
	console_printf("frag: holding %ld pages; 'frag free' gives them back\n", held);
	return 0;
}
SHELL_COMMAND(frag, "fragment a zone: frag [PERCENT], frag free", cmd_frag);

static int cmd_extfrag_index(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		console_printf("usage: extfrag_index   (no arguments)\n");
		return 2;
	}
	show_extfrag_index();
	return 0;
}
SHELL_COMMAND(extfrag_index, "fragmentation index per zone and order, like "
	      "/sys/kernel/debug/extfrag/extfrag_index", cmd_extfrag_index);

static int cmd_unusable_index(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		console_printf("usage: unusable_index   (no arguments)\n");
		return 2;
	}
	show_unusable_index();
	return 0;
}
SHELL_COMMAND(unusable_index, "unusable free space index per zone and order, like "
	      "/sys/kernel/debug/extfrag/unusable_index", cmd_unusable_index);

/* A whole word in C notation: 0x... hex or decimal, nothing after it. */
static bool parse_ulong(const char *s, unsigned long *out)
{
	unsigned int base = 10;
	unsigned long v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = (unsigned int)(*s - 'a' + 10);
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = (unsigned int)(*s - 'A' + 10);
		else
			return false;
		if (v > (~0UL - d) / base)
			return false;	/* does not fit in an address */
		v = v * base + d;
	}
	*out = v;
	return true;
}

static int cmd_vtop(int argc, char **argv)
{
	unsigned long va, size;
	phys_addr_t pa;
	pteval_t flags;

	if (argc != 2 || !parse_ulong(argv[1], &va)) {
		console_printf("usage: vtop VADDR   (a kernel virtual address, C notation)\n");
		return 2;
	}
	if (!arch_query(va, &pa, &flags, &size)) {
		printk(KERN_INFO "vtop: %#lx not mapped\n", va);
		return 0;
	}
	printk(KERN_INFO "vtop: %#lx -> phys %#llx size %#lx flags %#llx\n", va,
	       (unsigned long long)pa, size, (unsigned long long)flags);
	return 0;
}
SHELL_COMMAND(vtop, "translate a kernel virtual address through the page tables: vtop VADDR",
	      cmd_vtop);
