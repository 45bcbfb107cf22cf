/* SPDX-License-Identifier: MIT */
/*
 * boot/multiboot.h - the Multiboot 1 and 2 information layouts.
 *
 * Only the parts mmos reads: MB1's fixed info block and its memory map
 * (entries prefixed by their own size), and MB2's tag list (8-byte aligned
 * tags ending with tag type 0). Layouts from the two Multiboot specs.
 */
#ifndef BOOT_MULTIBOOT_H
#define BOOT_MULTIBOOT_H

#include <kernel/types.h>

#define MULTIBOOT1_BOOTLOADER_MAGIC	0x2badb002
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* Multiboot 1 */
#define MB1_INFO_MEMORY		(1 << 0)
#define MB1_INFO_CMDLINE	(1 << 2)
#define MB1_INFO_MODS		(1 << 3)
#define MB1_INFO_MEM_MAP	(1 << 6)
#define MB1_INFO_LOADER_NAME	(1 << 9)

struct mb1_info {
	u32 flags;
	u32 mem_lower, mem_upper;
	u32 boot_device;
	u32 cmdline;
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
} __attribute__((packed));

/* Memory map types (both versions): 1 is usable RAM; 2-5 as e820's (bootinfo.h). */
#define MULTIBOOT_MEMORY_AVAILABLE	1

struct mb1_mmap_entry {
	u32 size;		/* of the rest of the entry */
	u64 addr, len;
	u32 type;
} __attribute__((packed));

struct mb1_module {
	u32 mod_start, mod_end, cmdline, pad;
} __attribute__((packed));

/* Multiboot 2 */
#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER_NAME	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6

struct mb2_info_header {
	u32 total_size, reserved;
};

struct mb2_tag {
	u32 type, size;
};

struct mb2_tag_string {		/* cmdline, loader name */
	u32 type, size;
	char string[];
};

struct mb2_tag_module {
	u32 type, size;
	u32 mod_start, mod_end;
	char cmdline[];
};

struct mb2_tag_meminfo {
	u32 type, size;
	u32 mem_lower, mem_upper;
};

struct mb2_tag_mmap {
	u32 type, size;
	u32 entry_size, entry_version;
	/* entries follow */
};

struct mb2_mmap_entry {
	u64 addr, len;
	u32 type, reserved;
};

#endif
