/* SPDX-License-Identifier: MIT */
/*
 * kernel/cmdline.h - kernel parameters from the boot command line.
 *
 * A parameter is registered where its variable lives:
 *     core_param_int(loglevel, console_loglevel, 0, 15);
 * and the boot command line is parsed once, early, into every registered
 * parameter. Syntax as Linux: whitespace-separated "name" or "name=value";
 * double quotes group a value with spaces ("name=\"a b\"" or "\"name=a b\"");
 * '-' and '_' match each other in names; a repeated name is set again (the
 * last valid value wins; list parameters such as memmap= append). Unknown
 * names are reported in one line; a malformed value is reported naming the
 * parameter and the value, and the parameter keeps its current value.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <kernel/compiler.h>
#include <kernel/errno.h>

#define COMMAND_LINE_SIZE	2048

struct kernel_param;

struct kernel_param_ops {
	/* Parse val (NULL when the name stood alone) into kp->arg; 0 or -errno. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Print the current value into buf; returns the length. */
	int (*get)(char *buf, size_t size, const struct kernel_param *kp);
	const char *type;	/* for messages: "integer", "bool", "string" */
};

struct kernel_param {
	const char *name;
	const struct kernel_param_ops *ops;
	void *arg;
	long min, max;		/* integers: the accepted range */
	size_t maxlen;		/* strings: the buffer size */
};

extern const struct kernel_param_ops param_ops_int, param_ops_uint, param_ops_ulong,
	param_ops_bool, param_ops_string;

#define __core_param(_name, _ops, _arg, _min, _max, _maxlen) \
	static const struct kernel_param __param_##_name __used \
	__section("kernel_params") __aligned(sizeof(void *)) = { \
		.name = #_name, .ops = &(_ops), .arg = (_arg), \
		.min = (_min), .max = (_max), .maxlen = (_maxlen) }

#define core_param_int(name, var, lo, hi)	__core_param(name, param_ops_int, &(var), lo, hi, 0)
#define core_param_uint(name, var, lo, hi)	__core_param(name, param_ops_uint, &(var), lo, hi, 0)
#define core_param_ulong(name, var)		__core_param(name, param_ops_ulong, &(var), 0, 0, 0)
#define core_param_bool(name, var)		__core_param(name, param_ops_bool, &(var), 0, 0, 0)
#define core_param_string(name, buf)		__core_param(name, param_ops_string, (buf), 0, 0, sizeof(buf))
/* Table entries for parse_args() callers with their own table (tests, the shell). */
#define PARAM_INT(_name, var, lo, hi) \
	{ .name = (_name), .ops = &param_ops_int, .arg = &(var), .min = (lo), .max = (hi) }
#define PARAM_BOOL(_name, var)	{ .name = (_name), .ops = &param_ops_bool, .arg = &(var) }
#define PARAM_STRING(_name, buf) \
	{ .name = (_name), .ops = &param_ops_string, .arg = (buf), .maxlen = sizeof(buf) }

/*
 * A parameter whose name carries its owner's prefix, as a module's do on
 * Linux's command line ("edu.dma_bits=24": module_param_named() under
 * MODULE_PARAM_PREFIX). id names the C object; name is the full string.
 */
#define core_param_named_uint(id, _name, var, lo, hi) \
	static const struct kernel_param __param_##id __used \
	__section("kernel_params") __aligned(sizeof(void *)) = { \
		.name = (_name), .ops = &param_ops_uint, .arg = &(var), .min = (lo), .max = (hi) }
/* A parameter with its own parser: int fn(const char *val, const struct kernel_param *kp). */
#define core_param_cb(name, ops)		__core_param(name, ops, NULL, 0, 0, 0)
/* The same under a prefixed name ("ktest.filter"), as core_param_named_uint(). */
#define core_param_named_cb(id, _name, _ops) \
	static const struct kernel_param __param_##id __used \
	__section("kernel_params") __aligned(sizeof(void *)) = { .name = (_name), .ops = &(_ops) }

/*
 * Split args (modified in place) at each parameter and hand it to the
 * matching entry of params[0..num). Unknown ones go to unknown() if given.
 * Returns the number of errors (unknown names and invalid values).
 */
int parse_args(const char *doing, char *args, const struct kernel_param *params, size_t num,
	       void (*unknown)(const char *param, const char *val, void *arg), void *arg);

/*
 * parse_args() into every registered core parameter, as the boot command
 * line is parsed: in order, so of two parameters that set one thing the
 * later wins. For the boot and for tests of a parameter's setter.
 */
int parse_core_params(const char *doing, char *args,
		      void (*unknown)(const char *param, const char *val, void *arg), void *arg);

/* Take one parameter off the front of args; returns the rest. */
char *next_arg(char *args, char **param, char **val);

/* memparse: number (0x.., 0.., decimal) with optional K/M/G/T/P/E suffix. */
unsigned long long memparse(const char *s, char **end);

/* The boot command line as received, and the parse of it into all core params. */
extern char boot_command_line[COMMAND_LINE_SIZE];
void parse_boot_params(void);

#endif
