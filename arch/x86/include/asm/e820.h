/* SPDX-License-Identifier: MIT */
/*
 * asm/e820.h - the physical memory map in the firmware's (e820) terms.
 *
 * Types and their boot-log names follow Linux (E820_TYPE_*). The table is
 * built from the Multiboot map (the loader got it from the BIOS e820 call)
 * and printed the way Linux prints it:
 *     BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
 * with the end inclusive.
 */
#ifndef ASM_E820_H
#define ASM_E820_H

#include <kernel/types.h>

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
	E820_TYPE_PMEM = 7,
	E820_TYPE_PRAM = 12,
	E820_TYPE_SOFT_RESERVED = 0xefffffff,
	E820_TYPE_RESERVED_KERN = 128,
};

#define E820_MAX_ENTRIES	128

struct e820_entry {
	u64 addr, size;
	enum e820_type type;
};

struct e820_table {
	unsigned int nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

/* The boot-log name of a type ("usable", "reserved", "ACPI data", ...). */
const char *e820_type_name(enum e820_type type, char *buf, size_t size);
/* Print every entry as "<who>: [mem %#018Lx-%#018Lx] <type>". */
void e820__print_table(const struct e820_table *t, const char *who);
/* Fill e820_table from boot_info and print it as BIOS-e820. */
void e820__memory_setup(void);
/* Highest end address of RAM in the table (exclusive), 0 if none. */
u64 e820__end_of_ram(void);

#endif
