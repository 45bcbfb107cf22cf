/* SPDX-License-Identifier: MIT */
/*
 * kernel/kallsyms.h - code addresses to function names.
 *
 * The table of text symbols is generated from the linked image by
 * tools/kallsyms.py and linked back in (three link passes, see Makefile).
 */
#ifndef KERNEL_KALLSYMS_H
#define KERNEL_KALLSYMS_H

#include <kernel/types.h>

#define KSYM_NAME_LEN	128

/* Name of the function containing addr, or NULL; fills size and offset. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
/* Address of the named function, or 0. */
unsigned long kallsyms_lookup_name(const char *name);
/* "name+0xoff/0xsize", or "0x<addr>" when unknown. Returns the length. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
/* As sprint_symbol for a return address: looks up addr - 1 (%pB). */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);
/* "name", or "0x<addr>" when unknown. */
int sprint_symbol_no_offset(char *buf, size_t size, unsigned long addr);

#endif
