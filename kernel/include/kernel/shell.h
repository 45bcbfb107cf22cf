/* SPDX-License-Identifier: MIT */
/*
 * kernel/shell.h - the serial console shell: registering a command, and the
 * helpers every command reads its arguments with (/work/wt/SHELL_RULES.md
 * and docs/shell.md say the same for people).
 *
 * Commands register where they are implemented:
 *     static int cmd_alloc(int argc, char **argv) { ... }
 *     SHELL_CMD(alloc, "ORDER [FLAGS]", "allocate 2^ORDER pages", cmd_alloc);
 * The usage string is the arguments' synopsis; help shows it, and
 * shell_usage() prints "usage: alloc ORDER [FLAGS]".
 *
 * The convention: a command checks all of its arguments before it changes
 * anything; a word it cannot read (a count it does not expect, a number
 * with a stray character, an unknown flag name) makes it print one usage
 * line and return SHELL_USAGE, with nothing changed. A request that is well
 * formed but refused (no such handle, out of memory) prints one line naming
 * the command and the values and returns SHELL_FAILED.
 */
#ifndef KERNEL_SHELL_H
#define KERNEL_SHELL_H

#include <kernel/compiler.h>
#include <kernel/types.h>
#include <mm/gfp_types.h>

struct shell_command {
	const char *name;
	const char *help;
	int (*fn)(int argc, char **argv);
	const char *usage;	/* arguments after the name; NULL: none */
};

/* What a command returns. */
#define SHELL_OK	0
#define SHELL_FAILED	1	/* well formed, refused or failed; said why */
#define SHELL_USAGE	2	/* malformed; printed its usage, changed nothing */

#define SHELL_CMD(_name, _usage, _help, _fn) \
	static const struct shell_command __shell_cmd_##_name __used \
	__section("shell_commands") __aligned(sizeof(void *)) = { #_name, _help, _fn, _usage }
/* A command that takes no arguments. */
#define SHELL_COMMAND(_name, _help, _fn)	SHELL_CMD(_name, NULL, _help, _fn)

/*
 * A command that takes no arguments and prints a /proc-style report: fn()
 * runs with printk in report mode (shell_report_begin()), so what it prints
 * reaches the console as reading the file in Linux would show it: the same
 * lines and fields, without stamps. Deviations are the report's own and
 * documented in docs/shell.md (slabinfo's tunables columns show mmos's
 * per-CPU arrays, where SLUB prints 0 0 0) with the Linux configuration
 * the reports correspond to (no NUMA, ZONE_DEVICE, UNACCEPTED_MEMORY).
 */
#define SHELL_REPORT(_name, _help, _fn) \
	static int __shell_report_##_name(int argc, char **argv) \
	{ \
		bool __was; \
		if (argc != 1) \
			return shell_usage(argv[0]); \
		__was = shell_report_begin(); \
		_fn(); \
		shell_report_end(__was); \
		return SHELL_OK; \
	} \
	SHELL_COMMAND(_name, _help, __shell_report_##_name)

/* Run one command line; returns the command's status (-1: unknown command). */
int shell_exec(char *line);
/* Read commands from the console forever. */
__noreturn void shell_run(void);

/* Print "usage: NAME USAGE" for the command named cmd; returns SHELL_USAGE. */
int shell_usage(const char *cmd);
/* The registered command called name, or NULL. */
const struct shell_command *shell_find(const char *name);

/*
 * Argument readers: each takes one whole word and returns 0 with *out set,
 * or a negative errno (-EINVAL: not that kind of word; -ERANGE: too large)
 * with *out untouched. None prints; the caller answers with shell_usage().
 *   shell_parse_ulong  a number in C notation: 42, 0x2a, 052 (kstrtoul base 0)
 *   shell_parse_u64    the same, 64 bits on both arches (physical addresses)
 *   shell_parse_size   a number with an optional K, M or G suffix (powers of 1024)
 *   shell_parse_gfp    GFP flags as Linux writes them: GFP_KERNEL|__GFP_ZERO, 0xcc0
 *                      (parse_gfp_flags(), mm/debug.c)
 */
int shell_parse_ulong(const char *s, unsigned long *out);
int shell_parse_u64(const char *s, u64 *out);
int shell_parse_size(const char *s, unsigned long *out);
int shell_parse_gfp(const char *s, gfp_t *out);
/*
 * Read argv[i] with one of the readers above when argc > i, else leave
 * *out at its default: for optional arguments. Same return.
 */
#define shell_opt_arg(parse, argc, argv, i, out) ((argc) > (i) ? parse((argv)[i], (out)) : 0)

/*
 * Report mode: between begin and end, printk sends what it is given straight
 * to the console, without the "[seconds.micros] " stamp and without keeping
 * it in the log buffer, whatever its level (a /proc read is not a kernel
 * message; dmesg keeps its stamps). begin returns the previous state for end.
 */
bool shell_report_begin(void);
void shell_report_end(bool was);

#endif
