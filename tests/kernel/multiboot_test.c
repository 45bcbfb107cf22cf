// SPDX-License-Identifier: MIT
/*
 * tests/kernel/multiboot_test.c - the Multiboot 1 and 2 parsers, and the
 * e820 map made of what they found, on what a broken or hostile loader
 * could hand over.
 *
 * Each case writes an information block into a few pages of low memory
 * (simulated RAM in the hosted build), as a loader would, runs
 * multiboot_parse() on its physical address and checks boot_info, the
 * one-line reports, and the table e820__memory_setup_default() makes. The
 * layouts are the two specs'; the expected tables come from what the case
 * wrote. boot_info and the command line are the real ones, which other
 * suites read: each case saves them first and its exit puts them back.
 *
 *   MB1 map:  [size=20|addr|len|type][size=20|addr|len|type]...   size + 4 apart
 *   MB2 tag:  [type=6|size|entry_size=24|version][addr|len|type|rsvd]...
 */
#include <asm/bootinfo.h>
#include <asm/e820.h>
#include <boot/multiboot.h>
#include <kernel/cmdline.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include "mm_checks.h"

#define K(x)	((u64)(x) << 10)
#define M(x)	((u64)(x) << 20)
#define RAM	MULTIBOOT_MEMORY_AVAILABLE
#define RES	2

/* The boot tables map the first GiB: the parser follows no pointer beyond it. */
#define MAPPED_LIMIT	0x40000000ULL
#define WS_ORDER	3

/*** the workspace: loader memory, and the real state saved meanwhile ***/

static struct {
	struct page *page;
	u8 *va;
	u64 pa;
	size_t used;
} ws;
static struct boot_info saved_info;
static char saved_cmdline[COMMAND_LINE_SIZE];
static struct e820_table tab;

static int multiboot_init(struct ktest *t)
{
	(void)t;
	saved_info = boot_info;
	memcpy(saved_cmdline, boot_command_line, sizeof(saved_cmdline));
	ws.used = 0;
	ws.page = alloc_pages((zone_dma_usable() ? GFP_DMA : GFP_KERNEL) | __GFP_ZERO |
			      __GFP_NOWARN, WS_ORDER);
	if (ws.page && page_to_phys(ws.page) + (PAGE_SIZE << WS_ORDER) > MAPPED_LIMIT) {
		__free_pages(ws.page, WS_ORDER);
		ws.page = NULL;
	}
	if (ws.page) {
		ws.va = page_address(ws.page);
		ws.pa = page_to_phys(ws.page);
	}
	return 0;
}

static void multiboot_exit(struct ktest *t)
{
	(void)t;
	boot_info = saved_info;
	memcpy(boot_command_line, saved_cmdline, sizeof(saved_cmdline));
	if (ws.page)
		__free_pages(ws.page, WS_ORDER);
	ws.page = NULL;
}

static void need_workspace(struct ktest *t)
{
	if (!ws.page)
		ktest_skip(t, "no free block below 1 GiB (the boot mapping) to build loader data in");
}

/* len zeroed bytes of loader memory, 8-byte aligned; *pa gets their physical address. */
static void *ws_alloc(struct ktest *t, size_t len, u64 *pa)
{
	void *p;

	ws.used = ALIGN(ws.used, 8);
	ASSERT_LE(t, ws.used + len, PAGE_SIZE << WS_ORDER);
	p = ws.va + ws.used;
	memset(p, 0, len);
	*pa = ws.pa + ws.used;
	ws.used += len;
	return p;
}

static u64 ws_string(struct ktest *t, const char *s)
{
	u64 pa;

	memcpy(ws_alloc(t, strlen(s) + 1, &pa), s, strlen(s) + 1);
	return pa;
}

/* Parse the block at pa (console quiet); the log mark before it. */
static u64 parse(u32 magic, u64 pa)
{
	u64 mark = printk_log_mark();

	printk_console_quiet(true);
	multiboot_parse(magic, (unsigned long)pa);
	printk_console_quiet(false);
	return mark;
}

/* e820__memory_setup_default() into tab (console quiet); returns its name for the map. */
static const char *e820_from_boot_info(void)
{
	const char *who;

	printk_console_quiet(true);
	who = e820__memory_setup_default(&boot_info, &tab);
	printk_console_quiet(false);
	return who;
}

/*** building loader data ***/

struct ent {
	u64 addr, len;
	u32 type;
};

/* A QEMU-like map (pc, 64 MiB), with an empty entry among them. */
static const struct ent qemu_map[] = {
	{ 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES }, { 0xf0000, 0x10000, RES },
	{ M(1), M(63) - K(128), RAM }, { M(5), 0, RES }, { 0xfffc0000, 0x40000, RES },
};
#define QEMU_KEPT	5	/* all but the empty one */

/* MB1 map entries with the given size fields (stride: size + 4, or 24 when size is bad). */
static u64 mb1_map(struct ktest *t, const struct ent *in, unsigned int n, const u32 *sizes,
		   u32 *length)
{
	u32 off = 0;
	u8 *map;
	u64 pa;

	for (unsigned int i = 0; i < n; i++)
		off += sizes[i] >= 20 && sizes[i] < 64 ? sizes[i] + 4 : 24;
	map = ws_alloc(t, off, &pa);
	*length = off;
	off = 0;
	for (unsigned int i = 0; i < n; i++) {
		struct mb1_mmap_entry e = { sizes[i], in[i].addr, in[i].len, in[i].type };

		memcpy(map + off, &e, sizeof(e));
		off += sizes[i] >= 20 && sizes[i] < 64 ? sizes[i] + 4 : 24;
	}
	return pa;
}

static u64 mb1_map_std(struct ktest *t, const struct ent *in, unsigned int n, u32 *length)
{
	static u32 sizes[256];

	for (unsigned int i = 0; i < n; i++)
		sizes[i] = 20;
	return mb1_map(t, in, n, sizes, length);
}

static struct mb1_info *mb1_info(struct ktest *t, u32 flags, u64 *pa)
{
	struct mb1_info *mbi = ws_alloc(t, sizeof(*mbi), pa);

	mbi->flags = flags;
	mbi->mem_lower = 639;
	mbi->mem_upper = 64 * 1024 - 1024 - 128;
	return mbi;
}

/* An MB1 block with meminfo and the map at map_pa; returns its physical address. */
static u64 mb1_with_map(struct ktest *t, u64 map_pa, u32 length)
{
	u64 pa;
	struct mb1_info *mbi = mb1_info(t, MB1_INFO_MEMORY | MB1_INFO_MEM_MAP, &pa);

	mbi->mmap_addr = (u32)map_pa;
	mbi->mmap_length = length;
	return pa;
}

/* MB2: a block being built, tag by tag. */
struct mb2_builder {
	struct mb2_info_header *h;
	u64 pa;
};

static void mb2_begin(struct ktest *t, struct mb2_builder *b)
{
	b->h = ws_alloc(t, sizeof(*b->h), &b->pa);
	b->h->total_size = sizeof(*b->h);
}

/* A tag of `size` bytes (padded to 8); its address, for the caller to fill. */
static void *mb2_tag(struct ktest *t, struct mb2_builder *b, u32 type, u32 size)
{
	u64 pa;
	struct mb2_tag *tag = ws_alloc(t, ALIGN(size, 8), &pa);

	ASSERT_EQ(t, pa, b->pa + b->h->total_size);	/* tags follow one another */
	tag->type = type;
	tag->size = size;
	b->h->total_size += ALIGN(size, 8);
	return tag;
}

static void mb2_string(struct ktest *t, struct mb2_builder *b, u32 type, const char *s)
{
	struct mb2_tag_string *tag = mb2_tag(t, b, type, sizeof(*tag) + strlen(s) + 1);

	memcpy(tag->string, s, strlen(s) + 1);
}

static void mb2_meminfo(struct ktest *t, struct mb2_builder *b)
{
	struct mb2_tag_meminfo *tag = mb2_tag(t, b, MB2_TAG_BASIC_MEMINFO, sizeof(*tag));

	tag->mem_lower = 639;
	tag->mem_upper = 64 * 1024 - 1024 - 128;
}

static struct mb2_tag_mmap *mb2_mmap(struct ktest *t, struct mb2_builder *b, const struct ent *in,
				     unsigned int n, u32 entry_size)
{
	struct mb2_tag_mmap *tag = mb2_tag(t, b, MB2_TAG_MMAP, sizeof(*tag) + n * entry_size);
	u8 *p = (u8 *)(tag + 1);

	tag->entry_size = entry_size;
	for (unsigned int i = 0; i < n; i++) {
		struct mb2_mmap_entry e = { in[i].addr, in[i].len, in[i].type, 0 };

		memcpy(p + i * entry_size, &e, min((u32)sizeof(e), entry_size));
	}
	return tag;
}

static void mb2_end(struct ktest *t, struct mb2_builder *b)
{
	mb2_tag(t, b, MB2_TAG_END, sizeof(struct mb2_tag));
}

/*** checks ***/

/* boot_info.mmap[] is exactly in[] without its empty entries, in order. */
static void expect_mmap(struct ktest *t, const struct ent *in, unsigned int n)
{
	unsigned int k = 0, bad = 0;

	for (unsigned int i = 0; i < n; i++) {
		const struct boot_mmap_entry *e = &boot_info.mmap[k];

		if (!in[i].len)
			continue;
		bad += k >= boot_info.nr_mmap || e->addr != in[i].addr || e->size != in[i].len ||
		       e->type != in[i].type;
		k++;
	}
	EXPECT_EQ(t, boot_info.nr_mmap, k);
	EXPECT_EQ(t, bad, 0);
}

/* tab is the loader's map as it came (the entries kept, in order), named BIOS-e820. */
static void expect_table_is_map(struct ktest *t, const char *who)
{
	EXPECT_STREQ(t, who, "BIOS-e820");
	ASSERT_EQ(t, tab.nr_entries, boot_info.nr_mmap);
	for (unsigned int i = 0; i < tab.nr_entries; i++) {
		EXPECT_EQ(t, tab.entries[i].addr, boot_info.mmap[i].addr);
		EXPECT_EQ(t, tab.entries[i].size, boot_info.mmap[i].size);
		EXPECT_EQ(t, tab.entries[i].type, boot_info.mmap[i].type);
	}
}

/*
 * Neither a map e820 uses nor memory sizes: an empty table, a line saying
 * so, and `lines` lines in all.
 */
static void expect_no_memory(struct ktest *t, unsigned int lines)
{
	u64 mark = printk_log_mark();

	e820_from_boot_info();
	EXPECT_EQ(t, tab.nr_entries, 0);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), lines);
	EXPECT_EQ(t, printk_log_count(mark, "neither a usable memory map nor memory sizes"), 1);
}

/*
 * tab is the two ranges of the memory sizes (low memory capped at 640
 * KiB), named BIOS-e801 as Linux names its fallback map.
 */
static void expect_table_from_sizes(struct ktest *t, const char *who)
{
	u64 lower = K(boot_info.mem_lower_kb < 640 ? boot_info.mem_lower_kb : 640);

	EXPECT_TRUE(t, boot_info.has_meminfo);
	EXPECT_STREQ(t, who, "BIOS-e801");
	ASSERT_EQ(t, tab.nr_entries, 2);
	EXPECT_EQ(t, tab.entries[0].addr, 0);
	EXPECT_EQ(t, tab.entries[0].size, lower);
	EXPECT_EQ(t, tab.entries[0].type, E820_TYPE_RAM);
	EXPECT_EQ(t, tab.entries[1].addr, M(1));
	EXPECT_EQ(t, tab.entries[1].size, K(boot_info.mem_upper_kb));
	EXPECT_EQ(t, tab.entries[1].type, E820_TYPE_RAM);
}

/*** Multiboot 1 ***/

static void test_multiboot_mb1_map(struct ktest *t)
{
	static const u32 sizes28[ARRAY_SIZE(qemu_map)] = { 28, 28, 28, 28, 28, 28 };
	u64 pa, mark, cmd, name, map;
	struct mb1_info *mbi;
	u32 len;

	need_workspace(t);
	cmd = ws_string(t, "test_mb=1 quiet");
	name = ws_string(t, "test loader");
	map = mb1_map_std(t, qemu_map, ARRAY_SIZE(qemu_map), &len);
	mbi = mb1_info(t, MB1_INFO_MEMORY | MB1_INFO_CMDLINE | MB1_INFO_MEM_MAP |
		       MB1_INFO_LOADER_NAME, &pa);
	mbi->cmdline = (u32)cmd;
	mbi->boot_loader_name = (u32)name;
	mbi->mmap_addr = (u32)map;
	mbi->mmap_length = len;
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	EXPECT_EQ(t, boot_info.protocol, 1);
	EXPECT_STREQ(t, boot_info.loader_name, "test loader");
	EXPECT_STREQ(t, boot_command_line, "test_mb=1 quiet");
	EXPECT_TRUE(t, boot_info.has_meminfo);
	EXPECT_EQ(t, boot_info.mem_lower_kb, 639);
	EXPECT_EQ(t, boot_info.mem_upper_kb, 64 * 1024 - 1024 - 128);
	EXPECT_EQ(t, boot_info.info_start, pa);
	EXPECT_EQ(t, boot_info.info_end, pa + sizeof(struct mb1_info));
	expect_mmap(t, qemu_map, ARRAY_SIZE(qemu_map));
	EXPECT_EQ(t, boot_info.nr_mmap, QEMU_KEPT);
	expect_table_is_map(t, e820_from_boot_info());

	/* entries longer than 20 bytes (the spec allows later fields): the same map */
	map = mb1_map(t, qemu_map, ARRAY_SIZE(qemu_map), sizes28, &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	expect_mmap(t, qemu_map, ARRAY_SIZE(qemu_map));
}

/*
 * An entry whose size field cannot hold an entry (below 20), or runs past
 * mmap_length, makes the whole map untrustworthy: one line, no entry kept,
 * and e820 falls back to the memory sizes.
 */
static void test_multiboot_mb1_bad_entry_size(struct ktest *t)
{
	static const u32 bad[] = { 0, 12, 19, 0xffffffffu };
	u32 sizes[ARRAY_SIZE(qemu_map)], len;
	u64 mark, map;

	need_workspace(t);
	for (unsigned int b = 0; b < ARRAY_SIZE(bad); b++) {
		for (unsigned int i = 0; i < ARRAY_SIZE(qemu_map); i++)
			sizes[i] = i == 3 ? bad[b] : 20;	/* in the middle: all of it goes */
		map = mb1_map(t, qemu_map, ARRAY_SIZE(qemu_map), sizes, &len);
		mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
		EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
		EXPECT_EQ(t, printk_log_count(mark, "multiboot: memory map entry at offset 72 has size"), 1);
		EXPECT_EQ(t, printk_log_count(mark, "map ignored"), 1);
		EXPECT_EQ(t, boot_info.nr_mmap, 0);
		expect_table_from_sizes(t, e820_from_boot_info());
	}
	/* the last entry says 28 bytes, but the map ends 20 bytes after its size field */
	for (unsigned int i = 0; i < ARRAY_SIZE(qemu_map); i++)
		sizes[i] = 20;
	map = mb1_map(t, qemu_map, ARRAY_SIZE(qemu_map), sizes, &len);
	ws.va[map - ws.pa + len - 24] = 28;
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	EXPECT_EQ(t, printk_log_count(mark, "has size 28 (at least 20, and within the 144-byte map)"), 1);
	EXPECT_EQ(t, boot_info.nr_mmap, 0);
	/* a few trailing bytes too short for an entry are not one, as before */
	map = mb1_map_std(t, qemu_map, ARRAY_SIZE(qemu_map), &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len + 12));
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	expect_mmap(t, qemu_map, ARRAY_SIZE(qemu_map));
}

/*
 * A map longer than boot_info holds (BOOT_MMAP_MAX): RAM gives way first,
 * so no reserved range inside a RAM entry is lost while RAM entries remain.
 * 100 RAM entries of 4 MiB come first, then a reserved first MiB of each.
 * Kept: all 100 reserved, the first 28 RAM; dropped: 72 RAM, 288 MiB.
 *
 *   k < 28:   res [4k M, 4k+1 M) RAM [4k+1 M, 4k+4 M)
 *   k >= 28:  res [4k M, 4k+1 M)  (the rest of the 4 MiB is no longer RAM)
 */
static void check_long_map(struct ktest *t, u64 mark)
{
	unsigned int ram = 0, res = 0, bad = 0;

	EXPECT_EQ(t, boot_info.nr_mmap, BOOT_MMAP_MAX);
	for (unsigned int i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mmap_entry *e = &boot_info.mmap[i];

		if (e->type == RAM) {
			ram++;
			bad += e->addr % M(4) || e->addr >= M(4) * 28 || e->size != M(4);
		} else {
			res++;
			bad += e->addr % M(4) || e->size != M(1);
		}
	}
	EXPECT_EQ(t, ram, 28);
	EXPECT_EQ(t, res, 100);
	EXPECT_EQ(t, bad, 0);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
	EXPECT_EQ(t, printk_log_count(mark, "memory map longer than 128 entries: 72 dropped "
				      "(294912 KiB of usable RAM, 0 other)\n"), 1);
	/* the sanitised table: no reserved MiB as RAM, RAM only where a kept entry says */
	expect_table_is_map(t, e820_from_boot_info());
	ASSERT_EQ(t, e820__sanitize(&tab), 0);
	EXPECT_EQ(t, tab.nr_entries, 28 * 2 + 72);
	for (unsigned int i = 0; i < tab.nr_entries; i++) {
		const struct e820_entry *e = &tab.entries[i];
		u64 k = e->addr / M(4);

		if (e->type == E820_TYPE_RAM)
			bad += k >= 28 || e->addr != k * M(4) + M(1) || e->size != M(3);
		else
			bad += e->addr != k * M(4) || e->size != M(1);
	}
	EXPECT_EQ(t, bad, 0);
}

static struct ent long_map[200];

static void make_long_map(void)
{
	for (unsigned int k = 0; k < 100; k++) {
		long_map[k] = (struct ent){ k * M(4), M(4), RAM };
		long_map[100 + k] = (struct ent){ k * M(4), M(1), RES };
	}
}

static void test_multiboot_mb1_too_many_entries(struct ktest *t)
{
	u64 mark, map;
	u32 len;

	need_workspace(t);
	make_long_map();
	map = mb1_map_std(t, long_map, 200, &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	check_long_map(t, mark);
	/* nothing but reserved entries: the first 128 stay, the rest are dropped (and said so) */
	for (unsigned int k = 0; k < 140; k++)
		long_map[k] = (struct ent){ k * M(2), M(1), RES };
	map = mb1_map_std(t, long_map, 140, &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	EXPECT_EQ(t, boot_info.nr_mmap, BOOT_MMAP_MAX);
	EXPECT_EQ(t, boot_info.mmap[BOOT_MMAP_MAX - 1].addr, (BOOT_MMAP_MAX - 1) * M(2));
	EXPECT_EQ(t, printk_log_count(mark, "12 dropped (0 KiB of usable RAM, 12 other): "
				      "reserved memory may show as usable\n"), 1);
}

/*
 * Empty entries are skipped; an entry that wraps around the address space
 * is kept in boot_info as it came, but e820 does not trust such a map (as
 * Linux's append_e820_table()) and uses the memory sizes instead. One that
 * ends at 2^64 exactly does not wrap (Linux's test: its last byte,
 * addr + size - 1, is not before its first): that map is used.
 */
static void test_multiboot_zero_and_wrapping(struct ktest *t)
{
	static const struct ent wrap[] = {
		{ 0, 0x9fc00, RAM }, { M(8), 0, RAM }, { M(1), M(63), RAM },
		{ 0xffffffff00000000ULL, 0x200000000ULL, RES }, { M(64), 0, RES },
	};
	static const struct ent to_top[] = {
		{ 0, 0x9fc00, RAM }, { M(1), M(63), RAM }, { 0xffffffff00000000ULL, 0x100000000ULL, RES },
	};
	struct mb1_info *mbi;
	u64 mark, map, pa;
	u32 len;

	need_workspace(t);
	map = mb1_map_std(t, to_top, ARRAY_SIZE(to_top), &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	expect_mmap(t, to_top, ARRAY_SIZE(to_top));
	expect_table_is_map(t, e820_from_boot_info());
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	map = mb1_map_std(t, wrap, ARRAY_SIZE(wrap), &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	expect_mmap(t, wrap, ARRAY_SIZE(wrap));
	EXPECT_EQ(t, boot_info.nr_mmap, 3);
	mark = printk_log_mark();
	expect_table_from_sizes(t, e820_from_boot_info());
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
	EXPECT_EQ(t, printk_log_count(mark, "e820: BIOS map entry [mem 0xffffffff00000000] of "
				      "0x200000000 bytes wraps around the address space: map ignored"), 1);
	/* the same without memory sizes: an empty table, and a line saying why */
	mbi = mb1_info(t, MB1_INFO_MEM_MAP, &pa);
	mbi->mmap_addr = (u32)map;
	mbi->mmap_length = len;
	parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	EXPECT_FALSE(t, boot_info.has_meminfo);
	expect_no_memory(t, 2);	/* and the line on the wrapping entry */
}

/*
 * A map of fewer than two entries is not used, as Linux's
 * append_e820_table() ignores one (every PC has RAM below 640 KiB and
 * above 1 MiB): e820 says so in a line and builds the two ranges from the
 * memory sizes. mmos counts the entries the parser kept: one and an empty
 * one are one. Two are enough.
 */
static void test_multiboot_one_entry_map(struct ktest *t)
{
	static const struct ent one[] = { { M(1), M(63), RAM }, { M(80), 0, RES } };
	static const struct ent two[] = { { 0, 0x9fc00, RAM }, { M(1), M(63), RAM } };
	u64 mark, map;
	u32 len;

	need_workspace(t);
	for (unsigned int n = 1; n <= 2; n++) {
		map = mb1_map_std(t, one, n, &len);
		mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
		EXPECT_EQ(t, boot_info.nr_mmap, 1);
		expect_table_from_sizes(t, e820_from_boot_info());
		EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
		EXPECT_EQ(t, printk_log_count(mark, "] e820: BIOS map of one entry, [mem "
					      "0x0000000000100000] of 0x3f00000 bytes: map ignored\n"), 1);
	}
	map = mb1_map_std(t, two, ARRAY_SIZE(two), &len);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, mb1_with_map(t, map, len));
	expect_mmap(t, two, ARRAY_SIZE(two));
	expect_table_is_map(t, e820_from_boot_info());
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
}

/* Only mem_lower/mem_upper: no map, and e820 builds Linux's two-range one from them. */
static void test_multiboot_meminfo_only(struct ktest *t)
{
	struct mb1_info *mbi;
	u64 pa, mark;

	need_workspace(t);
	mb1_info(t, MB1_INFO_MEMORY, &pa);
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	EXPECT_EQ(t, boot_info.nr_mmap, 0);
	expect_table_from_sizes(t, e820_from_boot_info());
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
	/* more than 640 KiB below 1 MiB cannot be: capped, and said */
	mbi = mb1_info(t, MB1_INFO_MEMORY, &pa);
	mbi->mem_lower = 4000;
	parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	mark = printk_log_mark();
	expect_table_from_sizes(t, e820_from_boot_info());
	EXPECT_EQ(t, tab.entries[0].size, K(640));
	EXPECT_EQ(t, printk_log_count(mark, "lower memory of 4000 KiB is more than 640 KiB"), 1);
	/* neither sizes nor a map */
	mb1_info(t, 0, &pa);
	parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	expect_no_memory(t, 1);
}

/* mods_count far beyond what boot_info holds, and a module that ends before it starts. */
static void test_multiboot_mb1_modules(struct ktest *t)
{
	struct mb1_module *m;
	struct mb1_info *mbi;
	u64 pa, mods, mark;

	need_workspace(t);
	m = ws_alloc(t, BOOT_MODS_MAX * sizeof(*m), &mods);
	for (unsigned int i = 0; i < BOOT_MODS_MAX; i++)
		m[i] = (struct mb1_module){ (u32)(M(32) + i * M(1)), (u32)(M(32) + i * M(1) + 100),
					    0, 0 };
	m[2].mod_end = m[2].mod_start - 1;
	m[5].cmdline = (u32)ws_string(t, "module five");
	mbi = mb1_info(t, MB1_INFO_MODS, &pa);
	mbi->mods_count = 0x10000001u;	/* times 16 bytes wraps a 32-bit size */
	mbi->mods_addr = (u32)mods;
	mark = parse(MULTIBOOT1_BOOTLOADER_MAGIC, pa);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 2);
	EXPECT_EQ(t, printk_log_count(mark, "multiboot: 268435457 modules: only the first 8 kept"), 1);
	EXPECT_EQ(t, printk_log_count(mark, "ends before it starts: ignored"), 1);
	ASSERT_EQ(t, boot_info.nr_mods, BOOT_MODS_MAX - 1);
	EXPECT_EQ(t, boot_info.mods[2].start, M(32) + 3 * M(1));
	EXPECT_STREQ(t, boot_info.mods[4].cmdline, "module five");
}

/*** Multiboot 2 ***/

static void test_multiboot_mb2_map(struct ktest *t)
{
	static const u32 entry_sizes[] = { 24, 32 };	/* 32: the spec lets entries grow */
	struct mb2_builder b;
	u64 mark;

	need_workspace(t);
	for (unsigned int k = 0; k < ARRAY_SIZE(entry_sizes); k++) {
		mb2_begin(t, &b);
		mb2_string(t, &b, MB2_TAG_CMDLINE, "test_mb=2");
		mb2_string(t, &b, MB2_TAG_LOADER_NAME, "test loader 2");
		mb2_meminfo(t, &b);
		mb2_mmap(t, &b, qemu_map, ARRAY_SIZE(qemu_map), entry_sizes[k]);
		mb2_end(t, &b);
		mark = parse(MULTIBOOT2_BOOTLOADER_MAGIC, b.pa);
		EXPECT_EQ(t, printk_log_count(mark, "\n"), 0);
		EXPECT_EQ(t, boot_info.protocol, 2);
		EXPECT_STREQ(t, boot_command_line, "test_mb=2");
		EXPECT_STREQ(t, boot_info.loader_name, "test loader 2");
		EXPECT_EQ(t, boot_info.mem_lower_kb, 639);
		EXPECT_EQ(t, boot_info.info_end - boot_info.info_start, b.h->total_size);
		expect_mmap(t, qemu_map, ARRAY_SIZE(qemu_map));
		expect_table_is_map(t, e820_from_boot_info());
	}
}

/*
 * A map tag whose entry_size cannot be an entry's (below 24, not a
 * multiple of 8), whose size is not a whole number of entries, or which is
 * shorter than its own header: ignored whole, said in one line; the other
 * tags still count.
 */
static void test_multiboot_mb2_bad_entry_size(struct ktest *t)
{
	static const u32 bad[] = { 0, 16, 20, 28 };
	struct mb2_builder b;
	struct mb2_tag_mmap *m;
	u64 mark;

	need_workspace(t);
	for (unsigned int k = 0; k < ARRAY_SIZE(bad) + 2; k++) {
		ws.used = 0;
		mb2_begin(t, &b);
		mb2_meminfo(t, &b);
		if (k < ARRAY_SIZE(bad)) {
			m = mb2_mmap(t, &b, qemu_map, ARRAY_SIZE(qemu_map), 24);
			m->entry_size = bad[k];
		} else if (k == ARRAY_SIZE(bad)) {	/* 5 entries and 8 bytes */
			m = mb2_tag(t, &b, MB2_TAG_MMAP, sizeof(*m) + 5 * 24 + 8);
			m->entry_size = 24;
		} else {				/* 12 bytes: no room for entry_size */
			mb2_tag(t, &b, MB2_TAG_MMAP, 12);
		}
		mb2_string(t, &b, MB2_TAG_CMDLINE, "after the map");
		mb2_end(t, &b);
		mark = parse(MULTIBOOT2_BOOTLOADER_MAGIC, b.pa);
		EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
		EXPECT_EQ(t, printk_log_count(mark, "multiboot2: memory map tag (size "), 1);
		EXPECT_EQ(t, printk_log_count(mark, "map ignored"), 1);
		EXPECT_EQ(t, boot_info.nr_mmap, 0);
		EXPECT_STREQ(t, boot_command_line, "after the map");
		expect_table_from_sizes(t, e820_from_boot_info());
	}
}

/*
 * A tag claiming more bytes than the block has: the walk stops there (what
 * came before counts), in one line. A string tag whose string has no NUL
 * inside the tag is cut at the tag's end.
 */
static void test_multiboot_mb2_tag_overrun(struct ktest *t)
{
	struct mb2_tag_string *s;
	struct mb2_tag_mmap *m;
	struct mb2_builder b;
	u64 mark;

	need_workspace(t);
	mb2_begin(t, &b);
	s = mb2_tag(t, &b, MB2_TAG_LOADER_NAME, sizeof(*s) + 5);
	memcpy(s->string, "abcdeXYZ", 8);	/* the tag ends after "abcde" */
	mb2_meminfo(t, &b);
	m = mb2_mmap(t, &b, qemu_map, ARRAY_SIZE(qemu_map), 24);
	m->size += 4096;
	mb2_string(t, &b, MB2_TAG_CMDLINE, "never read");
	mb2_end(t, &b);
	mark = parse(MULTIBOOT2_BOOTLOADER_MAGIC, b.pa);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
	EXPECT_EQ(t, printk_log_count(mark, "multiboot2: tag type 6 at offset 40 has size 4256, "
				      "outside the"), 1);
	EXPECT_STREQ(t, boot_info.loader_name, "abcde");
	EXPECT_TRUE(t, boot_info.has_meminfo);
	EXPECT_EQ(t, boot_info.nr_mmap, 0);
	EXPECT_STRNEQ(t, boot_command_line, "never read");
	/* a tag of size 0 cannot be stepped over: the walk ends, said */
	ws.used = 0;
	mb2_begin(t, &b);
	((struct mb2_tag *)mb2_tag(t, &b, MB2_TAG_CMDLINE, 8))->size = 0;
	mb2_end(t, &b);
	mark = parse(MULTIBOOT2_BOOTLOADER_MAGIC, b.pa);
	EXPECT_EQ(t, printk_log_count(mark, "has size 0, outside the"), 1);
}

static void test_multiboot_mb2_too_many_entries(struct ktest *t)
{
	struct mb2_builder b;
	u64 mark;

	need_workspace(t);
	make_long_map();
	mb2_begin(t, &b);
	mb2_mmap(t, &b, long_map, 200, 24);
	mb2_end(t, &b);
	mark = parse(MULTIBOOT2_BOOTLOADER_MAGIC, b.pa);
	check_long_map(t, mark);
}

static struct ktest_case multiboot_cases[] = {
	KTEST_CASE(test_multiboot_mb1_map),
	KTEST_CASE(test_multiboot_mb1_bad_entry_size),
	KTEST_CASE(test_multiboot_mb1_too_many_entries),
	KTEST_CASE(test_multiboot_zero_and_wrapping),
	KTEST_CASE(test_multiboot_one_entry_map),
	KTEST_CASE(test_multiboot_meminfo_only),
	KTEST_CASE(test_multiboot_mb1_modules),
	KTEST_CASE(test_multiboot_mb2_map),
	KTEST_CASE(test_multiboot_mb2_bad_entry_size),
	KTEST_CASE(test_multiboot_mb2_tag_overrun),
	KTEST_CASE(test_multiboot_mb2_too_many_entries),
	{}
};

static struct ktest_suite multiboot_suite = {
	.name = "multiboot",
	.cases = multiboot_cases,
	.init = multiboot_init,
	.exit = multiboot_exit,
};
KTEST_SUITE(multiboot_suite);
