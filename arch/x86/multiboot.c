// SPDX-License-Identifier: MIT
/*
 * arch/x86/multiboot.c - read Multiboot 1 or 2 information into boot_info.
 *
 * Owns: boot_info and the copy of the command line (boot_command_line).
 * Runs on the boot page tables, which map at least the first GiB at
 * PAGE_OFFSET; the loader's structures lie there in practice, and a pointer
 * beyond it is reported and ignored rather than followed.
 * Must not touch: the e820 logic (arch/x86/e820.c reads boot_info.mmap).
 */
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <boot/multiboot.h>

struct boot_info boot_info;

/* The boot tables map at least this much at PAGE_OFFSET on both arches. */
#define BOOT_MAPPED_LIMIT	0x40000000ULL

static const void *boot_ptr(u64 pa, u64 len)
{
	if (pa + len > BOOT_MAPPED_LIMIT || pa + len < pa) {
		pr_warn("multiboot: data at %#llx above the boot mapping: ignored\n",
			(unsigned long long)pa);
		return NULL;
	}
	return __va(pa);
}

static void copy_string(char *dst, size_t size, u64 pa)
{
	const char *s = boot_ptr(pa, 1);

	if (s)
		strlcpy(dst, s, size);
}

static void add_mmap(u64 addr, u64 len, u32 type)
{
	struct boot_mmap_entry *e;

	if (boot_info.nr_mmap == BOOT_MMAP_MAX) {
		pr_warn("multiboot: more than %d memory map entries; rest dropped\n", BOOT_MMAP_MAX);
		return;
	}
	e = &boot_info.mmap[boot_info.nr_mmap++];
	e->addr = addr;
	e->size = len;
	e->type = type;
}

static void add_module(u32 start, u32 end, const char *cmdline)
{
	struct boot_module *m;

	if (boot_info.nr_mods == BOOT_MODS_MAX)
		return;
	m = &boot_info.mods[boot_info.nr_mods++];
	m->start = start;
	m->end = end;
	strlcpy(m->cmdline, cmdline ? cmdline : "", sizeof(m->cmdline));
}

static void parse_mb1(unsigned long pa)
{
	const struct mb1_info *mbi = boot_ptr(pa, sizeof(*mbi));

	if (!mbi)
		panic("multiboot: info block at %#lx is not reachable", pa);
	boot_info.info_start = pa;
	boot_info.info_end = pa + sizeof(*mbi);
	if (mbi->flags & MB1_INFO_MEMORY) {
		boot_info.has_meminfo = true;
		boot_info.mem_lower_kb = mbi->mem_lower;
		boot_info.mem_upper_kb = mbi->mem_upper;
	}
	if (mbi->flags & MB1_INFO_CMDLINE)
		copy_string(boot_command_line, sizeof(boot_command_line), mbi->cmdline);
	if (mbi->flags & MB1_INFO_LOADER_NAME)
		copy_string(boot_info.loader_name, sizeof(boot_info.loader_name),
			    mbi->boot_loader_name);
	if (mbi->flags & MB1_INFO_MEM_MAP) {
		const u8 *p = boot_ptr(mbi->mmap_addr, mbi->mmap_length);
		const u8 *end = p ? p + mbi->mmap_length : NULL;

		while (p && p + sizeof(struct mb1_mmap_entry) <= end) {
			const struct mb1_mmap_entry *e = (const void *)p;

			add_mmap(e->addr, e->len, e->type);
			p += e->size + sizeof(e->size);
		}
	}
	if (mbi->flags & MB1_INFO_MODS) {
		const struct mb1_module *m = boot_ptr(mbi->mods_addr,
						      mbi->mods_count * sizeof(*m));

		for (u32 i = 0; m && i < mbi->mods_count; i++)
			add_module(m[i].mod_start, m[i].mod_end, boot_ptr(m[i].cmdline, 1));
	}
}

static void parse_mb2_mmap(const struct mb2_tag_mmap *t)
{
	const u8 *p = (const u8 *)(t + 1), *end = (const u8 *)t + t->size;

	if (t->entry_size < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		add_mmap(e->addr, e->len, e->type);
	}
}

static void parse_mb2(unsigned long pa)
{
	const struct mb2_info_header *h = boot_ptr(pa, sizeof(*h));
	const u8 *p, *end;

	if (!h || !boot_ptr(pa, h->total_size))
		panic("multiboot2: info block at %#lx is not reachable", pa);
	boot_info.info_start = pa;
	boot_info.info_end = pa + h->total_size;
	p = (const u8 *)(h + 1);
	end = (const u8 *)h + h->total_size;
	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *t = (const void *)p;

		if (t->type == MB2_TAG_END || t->size < sizeof(*t))
			break;
		switch (t->type) {
		case MB2_TAG_CMDLINE:
			strlcpy(boot_command_line, ((const struct mb2_tag_string *)t)->string,
				sizeof(boot_command_line));
			break;
		case MB2_TAG_LOADER_NAME:
			strlcpy(boot_info.loader_name, ((const struct mb2_tag_string *)t)->string,
				sizeof(boot_info.loader_name));
			break;
		case MB2_TAG_BASIC_MEMINFO:
			boot_info.has_meminfo = true;
			boot_info.mem_lower_kb = ((const struct mb2_tag_meminfo *)t)->mem_lower;
			boot_info.mem_upper_kb = ((const struct mb2_tag_meminfo *)t)->mem_upper;
			break;
		case MB2_TAG_MMAP:
			parse_mb2_mmap((const void *)t);
			break;
		case MB2_TAG_MODULE: {
			const struct mb2_tag_module *m = (const void *)t;

			add_module(m->mod_start, m->mod_end, m->cmdline);
			break;
		}
		default:
			break;
		}
		p += ALIGN(t->size, 8);
	}
}

void multiboot_parse(u32 magic, unsigned long info_phys)
{
	if (magic == MULTIBOOT1_BOOTLOADER_MAGIC) {
		boot_info.protocol = 1;
		parse_mb1(info_phys);
	} else if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
		boot_info.protocol = 2;
		parse_mb2(info_phys);
	} else {
		panic("not booted by a Multiboot loader (magic %#x)", magic);
	}
	if (!boot_info.nr_mmap && boot_info.has_meminfo) {
		/* no map: fall back to the two basic ranges, as old loaders need */
		add_mmap(0, (u64)boot_info.mem_lower_kb << 10, 1);
		add_mmap(0x100000, (u64)boot_info.mem_upper_kb << 10, 1);
	}
}
