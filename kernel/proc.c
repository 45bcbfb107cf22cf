// SPDX-License-Identifier: MIT
/*
 * kernel/proc.c - shell commands that print the /proc-style memory reports.
 *
 * Owns: only the command names; the reports themselves live with the code
 * whose state they show (mm/vmstat.c, mm/memblock.c).
 */
#include <kernel/shell.h>
#include <mm/memblock.h>
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
