// SPDX-License-Identifier: MIT
/*
 * kernel/proc.c - shell commands that print the /proc-style memory reports.
 *
 * Owns: only the command names; the reports themselves live with the code
 * whose state they show (mm/vmstat.c, mm/memblock.c).
 */
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <mm/mm.h>
#include <mm/memblock.h>
#include <mm/slab.h>
#include <mm/vmstat.h>

static int cmd_meminfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	show_meminfo();
	return 0;
}
SHELL_COMMAND(meminfo, "memory totals, like /proc/meminfo", cmd_meminfo);

static int cmd_buddyinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	show_buddyinfo();
	return 0;
}
SHELL_COMMAND(buddyinfo, "free blocks per order and zone, like /proc/buddyinfo", cmd_buddyinfo);

static int cmd_zoneinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	show_zoneinfo();
	return 0;
}
SHELL_COMMAND(zoneinfo, "zone sizes, watermarks, protection, like /proc/zoneinfo", cmd_zoneinfo);

static int cmd_memblock(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	memblock_report();
	return 0;
}
SHELL_COMMAND(memblock, "what the boot allocator reserved, by kind", cmd_memblock);

static int cmd_pageinfo(int argc, char **argv)
{
	unsigned long pfn, nr = 1;
	char *end;

	if (argc < 2) {
		console_printf("usage: pageinfo <pfn> [count]   (numbers in C notation)\n");
		return 1;
	}
	pfn = (unsigned long)memparse(argv[1], &end);
	if (argc > 2)
		nr = (unsigned long)memparse(argv[2], &end);
	dump_page_range(pfn, nr > 4096 ? 4096 : nr);
	return 0;
}
SHELL_COMMAND(pageinfo, "struct page state of a pfn range: pageinfo <pfn> [count]", cmd_pageinfo);

static int cmd_slabinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	show_slabinfo();
	return 0;
}
SHELL_COMMAND(slabinfo, "slab caches, like /proc/slabinfo (version 2.1)", cmd_slabinfo);

static int cmd_slabattr(int argc, char **argv)
{
	if (argc != 2) {
		console_printf("usage: slabattr <cache or alias name>\n");
		return 1;
	}
	if (show_slab_attributes(argv[1])) {
		console_printf("slabattr: no cache '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
SHELL_COMMAND(slabattr, "one cache's attributes, like /sys/kernel/slab/<cache>/", cmd_slabattr);
