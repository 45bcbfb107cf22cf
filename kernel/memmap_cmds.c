// SPDX-License-Identifier: MIT
/*
 * kernel/memmap_cmds.c - shell commands for seeing physical memory's layout
 * and fragmentation: memmap, frag, extfrag_index, unusable_index.
 *
 * Owns: only the commands and their argument checks; the walk, the
 * workload and the indices live in mm/ (memmap_dump.c, frag.c,
 * extfrag.c). Wrong input prints the usage line and changes nothing.
 */
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
		return 1;
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
		console_printf("usage: frag [PERCENT]   (1..100 of the zone's free pages, default 50)\n"
			       "       frag free        (give back what frag holds)\n");
		return 1;
	}
	held = frag_run(pct);
	if (held == -EBUSY) {
		console_printf("frag: already holding %lu pages; 'frag free' first\n", frag_held());
		return 1;
	}
	if (held < 0) {
		console_printf("frag: failed (error %ld)\n", held);
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
		return 1;
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
		return 1;
	}
	show_unusable_index();
	return 0;
}
SHELL_COMMAND(unusable_index, "unusable free space index per zone and order, like "
	      "/sys/kernel/debug/extfrag/unusable_index", cmd_unusable_index);
