/* SPDX-License-Identifier: MIT */
/*
 * asm/bootinfo.h - what the boot loader told us, copied into the kernel.
 *
 * multiboot_parse() reads Multiboot 1 or 2 information (chosen by the magic)
 * before paging_init() and copies everything mmos uses here, so nothing
 * later depends on where the loader left its structures. The loader's own
 * range (info block, strings, map) is recorded for the early allocator.
 */
#ifndef ASM_BOOTINFO_H
#define ASM_BOOTINFO_H

#include <kernel/types.h>

#define BOOT_MMAP_MAX	128
#define BOOT_MODS_MAX	8

struct boot_mmap_entry {
	u64 addr, size;
	u32 type;		/* Multiboot types = e820 types */
};

struct boot_module {
	phys_addr_t start, end;
	char cmdline[64];
};

struct boot_info {
	unsigned int protocol;	/* 1 or 2 */
	char loader_name[64];
	bool has_meminfo;
	u32 mem_lower_kb, mem_upper_kb;
	unsigned int nr_mmap;
	struct boot_mmap_entry mmap[BOOT_MMAP_MAX];
	unsigned int nr_mods;
	struct boot_module mods[BOOT_MODS_MAX];
	phys_addr_t info_start, info_end;	/* the loader's info block */
};

extern struct boot_info boot_info;

/* Copy the loader's information; panics if the magic is neither protocol's. */
void multiboot_parse(u32 magic, unsigned long info_phys);

#endif
