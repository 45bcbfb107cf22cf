/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz.h - what the harnesses share: CHECK(), which names the
 * property that failed before crashing, so libFuzzer keeps the input.
 */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <kernel/printk.h>

extern int console_loglevel;
int fflush(void *stream);	/* <stdio.h> would clash with the kernel's headers */

static __attribute__((noreturn)) void check_failed(const char *file, int line, const char *what)
{
	console_loglevel = 8;
	printk(KERN_EMERG "fuzz: %s:%d: %s does not hold\n", file, line, what);
	fflush(NULL);
	__builtin_trap();
}

#define CHECK(c) do { if (!(c)) check_failed(__FILE__, __LINE__, #c); } while (0)

#endif
