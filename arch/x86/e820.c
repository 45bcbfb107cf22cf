// SPDX-License-Identifier: MIT
/*
 * arch/x86/e820.c - the e820 memory map.
 *
 * Owns: e820_table, filled from the Multiboot map, and its boot-log printout
 * in Linux's format. (Sanitising, mem= and memmap= come with the physical
 * memory work.)
 * Tests: tests/kernel/boot_test.c checks the map arrived and matches the loader's.
 */
#include <asm/bootinfo.h>
#include <asm/e820.h>
#include <kernel/printk.h>

struct e820_table e820_table;

const char *e820_type_name(enum e820_type type, char *buf, size_t size)
{
	switch (type) {
	case E820_TYPE_RAM:
	case E820_TYPE_RESERVED_KERN: return "usable";
	case E820_TYPE_RESERVED: return "reserved";
	case E820_TYPE_SOFT_RESERVED: return "soft reserved";
	case E820_TYPE_ACPI: return "ACPI data";
	case E820_TYPE_NVS: return "ACPI NVS";
	case E820_TYPE_UNUSABLE: return "unusable";
	case E820_TYPE_PMEM:
	case E820_TYPE_PRAM:
	default:
		break;
	}
	if (type == E820_TYPE_PMEM || type == E820_TYPE_PRAM)
		snprintf(buf, size, "persistent (type %u)", (unsigned int)type);
	else
		snprintf(buf, size, "type %u", (unsigned int)type);
	return buf;
}

void e820__print_table(const struct e820_table *t, const char *who)
{
	for (unsigned int i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		char name[32];

		pr_info("%s: [mem %#018Lx-%#018Lx] %s\n", who, (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1), e820_type_name(e->type, name, sizeof(name)));
	}
}

void e820__memory_setup(void)
{
	e820_table.nr_entries = 0;
	for (unsigned int i = 0; i < boot_info.nr_mmap && i < E820_MAX_ENTRIES; i++) {
		const struct boot_mmap_entry *b = &boot_info.mmap[i];

		e820_table.entries[e820_table.nr_entries++] =
			(struct e820_entry){ b->addr, b->size, (enum e820_type)b->type };
	}
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table(&e820_table, "BIOS-e820");
}

u64 e820__end_of_ram(void)
{
	u64 end = 0;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr + e->size > end)
			end = e->addr + e->size;
	}
	return end;
}
