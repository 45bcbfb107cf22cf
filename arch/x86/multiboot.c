// SPDX-License-Identifier: MIT
/*
 * arch/x86/multiboot.c - read Multiboot 1 or 2 information into boot_info.
 *
 * Owns: boot_info and the copy of the command line (boot_command_line).
 * Runs on the boot page tables, which map at least the first GiB at
 * PAGE_OFFSET; the loader's structures lie there in practice, and a pointer
 * beyond it is reported and ignored rather than followed. Nothing else the
 * loader wrote is trusted either: every length is checked against what
 * holds it, strings are copied no further than their container, and a
 * memory map with a malformed entry is reported and dropped whole (e820.c
 * then falls back to the loader's memory sizes, as Linux does with a map
 * it cannot use). A map longer than boot_info's keeps its reserved entries
 * before its RAM; an empty entry is skipped.
 * Must not touch: the e820 logic (arch/x86/e820.c reads boot_info.mmap).
 * Tests: tests/kernel/multiboot_test.c.
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

/* What a map longer than boot_info.mmap[] lost (reported once, at the end). */
static struct {
	unsigned int entries, reserved;
	u64 ram_bytes;
} mmap_dropped;

static const void *boot_ptr(u64 pa, u64 len)
{
	if (pa + len > BOOT_MAPPED_LIMIT || pa + len < pa) {
		pr_warn("multiboot: data at %#llx above the boot mapping: ignored\n",
			(unsigned long long)pa);
		return NULL;
	}
	return __va(pa);
}

/* A string of at most max bytes (it need not end in a NUL there) into dst. */
static void copy_bounded(char *dst, size_t size, const char *s, size_t max)
{
	size_t n = strnlen(s, min(max, size - 1));

	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* A string at a physical address: no further than the boot mapping. */
static void copy_string(char *dst, size_t size, u64 pa)
{
	const char *s = boot_ptr(pa, 1);

	if (s)
		copy_bounded(dst, size, s, (size_t)(BOOT_MAPPED_LIMIT - pa));
}

/*
 * One memory map entry into boot_info. An empty one says nothing and is
 * skipped. In a full table RAM gives way: dropping RAM only loses memory,
 * while dropping a reserved entry could let a RAM entry around it claim
 * its range. So a non-RAM entry takes the place of the last RAM entry
 * kept, and is dropped itself only when every entry kept is non-RAM.
 */
static void add_mmap(u64 addr, u64 len, u32 type)
{
	struct boot_mmap_entry e = { addr, len, type }, *slot = NULL;

	if (!len)
		return;
	if (boot_info.nr_mmap < BOOT_MMAP_MAX) {
		boot_info.mmap[boot_info.nr_mmap++] = e;
		return;
	}
	mmap_dropped.entries++;
	for (int i = BOOT_MMAP_MAX - 1; i >= 0 && !slot && type != MULTIBOOT_MEMORY_AVAILABLE; i--)
		if (boot_info.mmap[i].type == MULTIBOOT_MEMORY_AVAILABLE)
			slot = &boot_info.mmap[i];
	if (slot) {
		mmap_dropped.ram_bytes += slot->size;
		*slot = e;
	} else if (type == MULTIBOOT_MEMORY_AVAILABLE) {
		mmap_dropped.ram_bytes += len;
	} else {
		mmap_dropped.reserved++;
	}
}

static void report_mmap_dropped(void)
{
	if (!mmap_dropped.entries)
		return;
	pr_warn("multiboot: memory map longer than %d entries: %u dropped (%llu KiB of usable RAM, "
		"%u other)%s\n", BOOT_MMAP_MAX, mmap_dropped.entries,
		(unsigned long long)(mmap_dropped.ram_bytes >> 10), mmap_dropped.reserved,
		mmap_dropped.reserved ? ": reserved memory may show as usable" : "");
}

/* A module [start, end); a reversed one is reported and skipped. */
static struct boot_module *add_module(u32 start, u32 end)
{
	if (end < start) {
		pr_warn("multiboot: module [%#x-%#x) ends before it starts: ignored\n", start, end);
		return NULL;
	}
	if (boot_info.nr_mods == BOOT_MODS_MAX) {
		pr_warn("multiboot: more than %d modules: module at %#x ignored\n", BOOT_MODS_MAX,
			start);
		return NULL;
	}
	boot_info.mods[boot_info.nr_mods] = (struct boot_module){ start, end, "" };
	return &boot_info.mods[boot_info.nr_mods++];
}

/*
 * Multiboot 1's map: entries of a size field, then addr, len and type, each
 * size + 4 bytes long. The spec lets size exceed 20 (later fields); one
 * below 20 cannot hold an entry, and one running past mmap_length is not
 * one: either makes the whole map suspect. Trailing bytes too few for an
 * entry are ignored, as before.
 */
static void parse_mb1_mmap(const u8 *map, u32 length)
{
	const struct mb1_mmap_entry *e;
	u32 off;

	for (off = 0; length - off >= sizeof(*e); off += e->size + sizeof(e->size)) {
		e = (const void *)(map + off);
		if (e->size < sizeof(*e) - sizeof(e->size) ||
		    e->size > length - off - sizeof(e->size)) {
			pr_warn("multiboot: memory map entry at offset %u has size %u (at least %u, and "
				"within the %u-byte map): map ignored\n", off, e->size,
				(unsigned int)(sizeof(*e) - sizeof(e->size)), length);
			return;
		}
	}
	for (off = 0; length - off >= sizeof(*e); off += e->size + sizeof(e->size)) {
		e = (const void *)(map + off);
		add_mmap(e->addr, e->len, e->type);
	}
}

static void parse_mb1_modules(u32 count, u32 pa)
{
	const struct mb1_module *m;

	if (count > BOOT_MODS_MAX) {
		pr_warn("multiboot: %u modules: only the first %d kept\n", count, BOOT_MODS_MAX);
		count = BOOT_MODS_MAX;
	}
	m = boot_ptr(pa, (u64)count * sizeof(*m));
	for (u32 i = 0; m && i < count; i++) {
		struct boot_module *bm = add_module(m[i].mod_start, m[i].mod_end);

		if (bm && m[i].cmdline)
			copy_string(bm->cmdline, sizeof(bm->cmdline), m[i].cmdline);
	}
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
		const u8 *map = boot_ptr(mbi->mmap_addr, mbi->mmap_length);

		if (map)
			parse_mb1_mmap(map, mbi->mmap_length);
	}
	if (mbi->flags & MB1_INFO_MODS)
		parse_mb1_modules(mbi->mods_count, mbi->mods_addr);
}

/*
 * Multiboot 2's map tag: entry_size bytes per entry, at least an entry's 24
 * and a multiple of 8 (the spec's promise), filling the tag exactly.
 */
static void parse_mb2_mmap(const struct mb2_tag_mmap *t)
{
	const u8 *p = (const u8 *)(t + 1), *end = (const u8 *)t + t->size;
	const char *bad = NULL;

	if (t->size < sizeof(*t))
		bad = "is shorter than its header";
	else if (t->entry_size < sizeof(struct mb2_mmap_entry) || t->entry_size % 8)
		bad = "has an entry_size below 24 or not a multiple of 8";
	else if ((t->size - sizeof(*t)) % t->entry_size)
		bad = "does not hold a whole number of entries";
	if (bad) {
		pr_warn("multiboot2: memory map tag (size %u, entry_size %u) %s: map ignored\n",
			t->size, t->size >= sizeof(*t) ? t->entry_size : 0, bad);
		return;
	}
	for (; p < end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		add_mmap(e->addr, e->len, e->type);
	}
}

static void parse_mb2_tag(const struct mb2_tag *t)
{
	switch (t->type) {
	case MB2_TAG_CMDLINE:
		copy_bounded(boot_command_line, sizeof(boot_command_line),
			     ((const struct mb2_tag_string *)t)->string, t->size - sizeof(*t));
		break;
	case MB2_TAG_LOADER_NAME:
		copy_bounded(boot_info.loader_name, sizeof(boot_info.loader_name),
			     ((const struct mb2_tag_string *)t)->string, t->size - sizeof(*t));
		break;
	case MB2_TAG_BASIC_MEMINFO:
		if (t->size < sizeof(struct mb2_tag_meminfo))
			break;
		boot_info.has_meminfo = true;
		boot_info.mem_lower_kb = ((const struct mb2_tag_meminfo *)t)->mem_lower;
		boot_info.mem_upper_kb = ((const struct mb2_tag_meminfo *)t)->mem_upper;
		break;
	case MB2_TAG_MMAP:
		parse_mb2_mmap((const void *)t);
		break;
	case MB2_TAG_MODULE: {
		const struct mb2_tag_module *m = (const void *)t;
		struct boot_module *bm;

		if (t->size < sizeof(*m))
			break;
		bm = add_module(m->mod_start, m->mod_end);
		if (bm)
			copy_bounded(bm->cmdline, sizeof(bm->cmdline), m->cmdline,
				     t->size - sizeof(*m));
		break;
	}
	default:
		break;
	}
}

/* The tags, 8-byte aligned, up to the end tag; one that overruns the block ends the walk. */
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

		if (t->type == MB2_TAG_END)
			break;
		if (t->size < sizeof(*t) || t->size > (unsigned long)(end - p)) {
			pr_warn("multiboot2: tag type %u at offset %lu has size %u, outside the %u-byte "
				"information: it and the rest ignored\n", t->type,
				(unsigned long)(p - (const u8 *)h), t->size, h->total_size);
			break;
		}
		parse_mb2_tag(t);
		p += ALIGN(t->size, 8);
	}
}

void multiboot_parse(u32 magic, unsigned long info_phys)
{
	memset(&boot_info, 0, sizeof(boot_info));
	memset(&mmap_dropped, 0, sizeof(mmap_dropped));
	if (magic == MULTIBOOT1_BOOTLOADER_MAGIC) {
		boot_info.protocol = 1;
		parse_mb1(info_phys);
	} else if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
		boot_info.protocol = 2;
		parse_mb2(info_phys);
	} else {
		panic("not booted by a Multiboot loader (magic %#x)", magic);
	}
	report_mmap_dropped();
}
