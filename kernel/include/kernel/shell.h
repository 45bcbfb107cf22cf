/* SPDX-License-Identifier: MIT */
/*
 * kernel/shell.h - the serial console shell.
 *
 * Commands register where they are implemented:
 *     static int cmd_meminfo(int argc, char **argv) { ... }
 *     SHELL_COMMAND(meminfo, "show memory usage like /proc/meminfo", cmd_meminfo);
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include <kernel/compiler.h>

struct shell_command {
	const char *name;
	const char *help;
	int (*fn)(int argc, char **argv);
};

#define SHELL_COMMAND(_name, _help, _fn) \
	static const struct shell_command __shell_cmd_##_name __used \
	__section("shell_commands") __aligned(sizeof(void *)) = { #_name, _help, _fn }

/* A command that takes no arguments and prints a report: fn(void). */
#define SHELL_REPORT(_name, _help, _fn) \
	static int __shell_report_##_name(int argc, char **argv) \
	{ \
		(void)argc; \
		(void)argv; \
		_fn(); \
		return 0; \
	} \
	SHELL_COMMAND(_name, _help, __shell_report_##_name)

/* Run one command line; returns the command's status (-1: unknown command). */
int shell_exec(char *line);
/* Read commands from the console forever. */
__noreturn void shell_run(void);

#endif
