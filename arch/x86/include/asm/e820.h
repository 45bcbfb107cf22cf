/* SPDX-License-Identifier: MIT */
/*
 * asm/e820.h - the physical memory map in the firmware's (e820) terms.
 *
 * Types and their boot-log names follow Linux (E820_TYPE_*). The table is
 * built from the Multiboot map (the loader got it from the BIOS e820 call),
 * or from the memory sizes when that map cannot be used (as Linux's
 * e820__memory_setup_default(); what differs is said at it below),
 * printed as Linux prints it ("BIOS-e820: [mem 0x...-0x...] usable", end
 * inclusive), sanitised, trimmed the way x86 Linux trims it before zones are
 * sized, and edited by mem= and memmap=.
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

/* The kernel's map, and the firmware's as it arrived (for reports and tests). */
extern struct e820_table e820_table, e820_table_firmware;
/*
 * mem= or memmap= edited e820_table at boot ("user-defined physical RAM
 * map"): Linux's userdef. Tests that compare with an unedited machine read it.
 */
extern bool e820_userdef;

/* The boot-log name of a type ("usable", "reserved", "ACPI data", ...). */
const char *e820_type_name(enum e820_type type, char *buf, size_t size);
/* Print every entry as "<who>: [mem %#018Lx-%#018Lx] <type>". */
void e820__print_table(const struct e820_table *t, const char *who);

/*
 * Sanitise t in place, as Linux's e820__update_table() does: overlapping
 * entries resolve to the numerically largest type, touching entries of one
 * type merge (not PRAM or soft-reserved), empty ones go, the result is
 * sorted. Then RAM is trimmed inward to page boundaries. Returns 0, or -1
 * (table unchanged) if an entry's end, addr + size, is 2^64 or past it
 * (Linux's test, which an entry ending at 2^64 exactly fails too). A result
 * longer than the table is cut at an address, reported: exact below it,
 * nothing above it (so no range can turn into RAM).
 */
int e820__sanitize(struct e820_table *t);

/* Edits; each leaves the table unsorted until the next e820__sanitize(). */
void e820__range_add(struct e820_table *t, u64 start, u64 size, enum e820_type type);
/* Change [start, start+size) from old_type to new_type; returns bytes changed. */
u64 e820__range_update(struct e820_table *t, u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type);
/* Remove [start, start+size) (only entries of old_type if check_type); returns bytes removed. */
u64 e820__range_remove(struct e820_table *t, u64 start, u64 size, enum e820_type old_type,
		       bool check_type);

/*
 * Apply one memmap= argument (a comma-separated list of exactmap, nn@ss,
 * nn$ss, nn#ss, nn!ss, or nn alone = mem=nn) to t. Returns 0 or -EINVAL
 * (t unchanged if the whole argument is malformed).
 */
int e820__apply_memmap(struct e820_table *t, const char *arg);
/* mem=nn: remove all RAM at or above limit. */
void e820__apply_mem_limit(struct e820_table *t, u64 limit);

/* Highest end pfn of RAM below limit_pfn (exclusive), 0 if none. */
unsigned long e820__end_ram_pfn(const struct e820_table *t, unsigned long limit_pfn);
/* Total bytes of RAM in t. */
u64 e820__ram_bytes(const struct e820_table *t);

struct boot_info;
/*
 * Linux's e820__memory_setup_default(), from what the loader gave (bi) into
 * t. As Linux's append_e820_table(): the memory map as it came, unless it
 * has fewer than two entries (every PC has RAM below 640 KiB and above
 * 1 MiB) or an entry runs past 2^64 (its last byte, addr + size - 1, comes
 * before its first; one that ends at 2^64 exactly is kept): such a map
 * cannot be trusted. Then, as Linux's fallback, two RAM ranges from the
 * memory sizes: from 0, and from 1 MiB for mem_upper KiB (Linux: the
 * BIOS's e801 figure). Returns the boot log's name for the map:
 * "BIOS-e820", or Linux's "BIOS-e801" for the two ranges.
 * mmos's own: the entries are counted after the Multiboot parser dropped
 * the empty ones (Linux counts the BIOS's as they came); the low range is
 * mem_lower KiB, at most 640 (Linux takes LOWMEMSIZE(), 0x9f000, and
 * ignores mem_lower); a map ignored, a mem_lower capped, and neither a map
 * nor sizes (then t stays empty) are each reported in a line (Linux is
 * silent).
 */
const char *e820__memory_setup_default(const struct boot_info *bi, struct e820_table *t);

/*
 * Boot: copy the loader's map, print it, sanitise, trim the BIOS range
 * (page 0 reserved, 640 KiB-1 MiB removed), apply mem=/memmap= and clamp to
 * what the arch addresses, printing each step as Linux does.
 */
void e820__memory_setup(void);
/* Where usable RAM must end: the CPU's, MAX_PHYSMEM_BITS' and the memmap's limit. */
u64 e820__phys_limit(void);
/* Register e820 RAM with memblock. */
void e820__memblock_setup(void);

#endif
