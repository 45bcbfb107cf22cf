// SPDX-License-Identifier: MIT
/*
 * tests/kernel/e820_test.c - the e820 sanitiser, edits, mem= and memmap=.
 *
 * Each map below is a hand-made firmware table and the exact table Linux's
 * rules give for it: the numerically largest type wins an overlap, touching
 * entries of one type merge (not PRAM / soft reserved), empty entries go,
 * the result is sorted, and RAM is trimmed inward to whole pages.
 *
 *   map "nested":   RAM  [0 .................. 100M)
 *                   res        [10M .. 20M)
 *   gives           RAM  [0..10M) res [10M..20M) RAM [20M..100M)
 */
#include <asm/e820.h>
#include <asm/processor.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define K(x)	((u64)(x) << 10)
#define M(x)	((u64)(x) << 20)
#define G(x)	((u64)(x) << 30)
#define RAM	E820_TYPE_RAM
#define RES	E820_TYPE_RESERVED
#define ACPI	E820_TYPE_ACPI
#define NVS	E820_TYPE_NVS
#define PRAM	E820_TYPE_PRAM
#define SOFT	E820_TYPE_SOFT_RESERVED

struct map_case {
	const char *name;
	int ret;
	unsigned int n_in, n_out;
	struct e820_entry in[8], out[8];
};

static const struct map_case map_cases[] = {
	{ "qemu-512M", 0, 5, 5,
	  { { 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES }, { 0xf0000, 0x10000, RES },
	    { M(1), 0x1fee0000, RAM }, { 0xfffc0000, 0x40000, RES } },
	  { { 0, 0x9f000, RAM }, { 0x9fc00, 0x400, RES }, { 0xf0000, 0x10000, RES },
	    { M(1), 0x1fee0000, RAM }, { 0xfffc0000, 0x40000, RES } } },
	{ "unsorted", 0, 3, 3,
	  { { M(16), M(16), RAM }, { 0, M(1), RAM }, { M(8), M(1), RES } },
	  { { 0, M(1), RAM }, { M(8), M(1), RES }, { M(16), M(16), RAM } } },
	{ "overlap-ram-reserved", 0, 2, 2,
	  { { 0, M(10), RAM }, { M(8), M(4), RES } },
	  { { 0, M(8), RAM }, { M(8), M(4), RES } } },
	{ "nested", 0, 2, 3,
	  { { 0, M(100), RAM }, { M(10), M(10), RES } },
	  { { 0, M(10), RAM }, { M(10), M(10), RES }, { M(20), M(80), RAM } } },
	{ "touching-same-type", 0, 3, 1,
	  { { 0, M(1), RAM }, { M(1), M(1), RAM }, { M(2), M(2), RAM } },
	  { { 0, M(4), RAM } } },
	{ "touching-other-type", 0, 2, 2,
	  { { 0, M(1), RAM }, { M(1), M(1), ACPI } },
	  { { 0, M(1), RAM }, { M(1), M(1), ACPI } } },
	{ "zero-length", 0, 3, 2,
	  { { 0, M(1), RAM }, { M(5), 0, RES }, { M(2), M(1), RES } },
	  { { 0, M(1), RAM }, { M(2), M(1), RES } } },
	{ "duplicates", 0, 3, 1,
	  { { M(1), M(3), RAM }, { M(1), M(3), RAM }, { M(1), M(3), RAM } },
	  { { M(1), M(3), RAM } } },
	{ "overlap-same-type", 0, 2, 1,
	  { { 0, M(6), RES }, { M(4), M(6), RES } },
	  { { 0, M(10), RES } } },
	{ "unaligned-ram", 0, 3, 2,
	  { { 0x100, 0x2f00, RAM }, { 0x5800, 0x400, RAM }, { 0x10010, 0x3000, RAM } },
	  { { 0x1000, 0x2000, RAM }, { 0x11000, 0x2000, RAM } } },
	{ "above-4G", 0, 3, 3,
	  { { G(4), G(2), RAM }, { G(5), M(1), RES }, { G(6), G(1), RAM } },
	  { { G(4), G(1), RAM }, { G(5), M(1), RES }, { G(5) + M(1), G(2) - M(1), RAM } } },
	{ "acpi-vs-nvs", 0, 2, 2,
	  { { M(1), M(2), ACPI }, { M(2), M(2), NVS } },
	  { { M(1), M(1), ACPI }, { M(2), M(2), NVS } } },
	{ "unknown-type-wins", 0, 2, 3,
	  { { 0, M(3), RAM }, { M(1), M(1), (enum e820_type)20 } },
	  { { 0, M(1), RAM }, { M(1), M(1), (enum e820_type)20 }, { M(2), M(1), RAM } } },
	{ "pram-no-merge", 0, 2, 2,
	  { { G(8), G(1), PRAM }, { G(9), G(1), PRAM } },
	  { { G(8), G(1), PRAM }, { G(9), G(1), PRAM } } },
	{ "three-way", 0, 3, 4,
	  { { 0, M(100), RAM }, { M(10), M(10), RES }, { M(15), M(15), ACPI } },
	  { { 0, M(10), RAM }, { M(10), M(5), RES }, { M(15), M(15), ACPI },
	    { M(30), M(70), RAM } } },
	{ "ram-fully-covered", 0, 2, 1,
	  { { M(2), M(2), RAM }, { M(1), M(8), RES } },
	  { { M(1), M(8), RES } } },
	{ "soft-reserved-wins", 0, 2, 3,
	  { { 0, M(3), NVS }, { M(1), M(1), SOFT } },
	  { { 0, M(1), NVS }, { M(1), M(1), SOFT }, { M(2), M(1), NVS } } },
	{ "wraps", -1, 2, 2,
	  { { 0, M(1), RAM }, { 0xfffffffffff00000ULL, M(2), RES } },
	  { { 0, M(1), RAM }, { 0xfffffffffff00000ULL, M(2), RES } } },
	/*
	 * Linux's e820__update_table() bails out on addr + size < addr in 64
	 * bits: an entry ending at 2^64 exactly too (append_e820_table() keeps
	 * it, see multiboot_test.c; the sanitiser then leaves the map as is)
	 */
	{ "ends-at-2^64", -1, 2, 2,
	  { { 0, M(1), RAM }, { 0xfffffffffff00000ULL, M(1), RES } },
	  { { 0, M(1), RAM }, { 0xfffffffffff00000ULL, M(1), RES } } },
	{ "single", 0, 1, 1, { { 0, M(64), RAM } }, { { 0, M(64), RAM } } },
	{ "empty", 0, 0, 0, { { 0, 0, 0 } }, { { 0, 0, 0 } } },
	{ "ram-below-a-page", 0, 2, 1,
	  { { 0x1800, 0x800, RAM }, { M(1), M(1), RAM } },
	  { { M(1), M(1), RAM } } },
	{ "ram-in-the-last-page", 0, 2, 1,	/* found by fuzz_e820: rounding up wrapped */
	  { { 0xffffffffffffff00ULL, 0xf, RAM }, { M(1), M(1), RAM } },
	  { { M(1), M(1), RAM } } },
	{ "gap-kept", 0, 2, 2,
	  { { 0, M(1), RAM }, { M(3), M(1), RAM } },
	  { { 0, M(1), RAM }, { M(3), M(1), RAM } } },
};

static void load(struct e820_table *t, const struct e820_entry *e, unsigned int n)
{
	t->nr_entries = n;
	memcpy(t->entries, e, n * sizeof(*e));
}

static bool same(const struct e820_table *t, const struct e820_entry *e, unsigned int n)
{
	if (t->nr_entries != n)
		return false;
	for (unsigned int i = 0; i < n; i++)
		if (t->entries[i].addr != e[i].addr || t->entries[i].size != e[i].size ||
		    t->entries[i].type != e[i].type)
			return false;
	return true;
}

static struct e820_table scratch;

static void test_e820_sanitize_maps(struct ktest *t)
{
	EXPECT_GE(t, ARRAY_SIZE(map_cases), 15);
	for (unsigned int i = 0; i < ARRAY_SIZE(map_cases); i++) {
		const struct map_case *c = &map_cases[i];
		int ret;

		load(&scratch, c->in, c->n_in);
		ret = e820__sanitize(&scratch);
		if (ret != c->ret || !same(&scratch, c->out, c->n_out)) {
			ktest_info(t, "map '%s': got %d entries (ret %d):", c->name, scratch.nr_entries,
				   ret);
			for (unsigned int k = 0; k < scratch.nr_entries; k++)
				ktest_info(t, "  [%#llx-%#llx] type %u",
					   (unsigned long long)scratch.entries[k].addr,
					   (unsigned long long)(scratch.entries[k].addr +
								scratch.entries[k].size - 1),
					   scratch.entries[k].type);
		}
		EXPECT_EQ(t, ret, c->ret);
		EXPECT_TRUE(t, same(&scratch, c->out, c->n_out));
	}
}

static void test_e820_sanitize_idempotent(struct ktest *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(map_cases); i++) {
		const struct map_case *c = &map_cases[i];

		if (c->ret)
			continue;
		load(&scratch, c->out, c->n_out);
		EXPECT_EQ(t, e820__sanitize(&scratch), 0);
		EXPECT_TRUE(t, same(&scratch, c->out, c->n_out));
	}
}

static void test_e820_update_and_remove(struct ktest *t)
{
	static const struct e820_entry in[] = { { 0, 0x9fc00, RAM }, { M(1), M(63), RAM } };
	static const struct e820_entry trimmed[] = {
		{ 0, 0x1000, RES }, { 0x1000, 0x9e000, RAM }, { M(1), M(63), RAM }
	};
	static const struct e820_entry holed[] = {
		{ 0, 0x1000, RES }, { 0x1000, 0x9e000, RAM }, { M(1), M(15), RAM },
		{ M(32), M(32), RAM }
	};

	load(&scratch, in, 2);
	EXPECT_EQ(t, e820__range_update(&scratch, 0, 0x1000, RAM, RES), 0x1000);
	EXPECT_EQ(t, e820__range_remove(&scratch, 0xa0000, 0x60000, RAM, true), 0);
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_TRUE(t, same(&scratch, trimmed, 3));
	/* a hole in the middle of an entry splits it */
	EXPECT_EQ(t, e820__range_remove(&scratch, M(16), M(16), RAM, true), M(16));
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_TRUE(t, same(&scratch, holed, 4));
	/* a type-checked remove leaves other types alone */
	EXPECT_EQ(t, e820__range_remove(&scratch, 0, 0x1000, RAM, true), 0);
	EXPECT_EQ(t, e820__range_remove(&scratch, 0, 0x1000, 0, false), 0x1000);
}

static void test_e820_mem_limit(struct ktest *t)
{
	static const struct e820_entry in[] = {
		{ 0, 0x9f000, RAM }, { M(1), G(3) - M(1) - K(128), RAM }, { G(3) - K(128), K(128), RES },
		{ G(4), G(2), RAM }
	};
	static const struct e820_entry out[] = {
		{ 0, 0x9f000, RAM }, { M(1), M(511), RAM }, { G(3) - K(128), K(128), RES }
	};

	load(&scratch, in, 4);
	e820__apply_mem_limit(&scratch, M(512));
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_TRUE(t, same(&scratch, out, 3));	/* reserved ranges above stay */
	EXPECT_EQ(t, e820__end_ram_pfn(&scratch, ~0UL), M(512) >> 12);
	EXPECT_EQ(t, e820__ram_bytes(&scratch), 0x9f000 + M(511));
}

static void test_e820_memmap_forms(struct ktest *t)
{
	static const struct e820_entry base[] = { { 0, M(64), RAM } };
	static const struct e820_entry out[] = {
		{ 0, M(16), RAM }, { M(16), M(1), ACPI }, { M(17), M(15), RAM }, { M(32), M(8), RES },
		{ M(40), M(24), RAM }, { G(4), M(64), RAM }, { G(8), K(4), PRAM }
	};
	static const struct e820_entry exact[] = { { 0, K(640), RAM }, { M(1), M(127), RAM } };

	load(&scratch, base, 1);
	EXPECT_EQ(t, e820__apply_memmap(&scratch, "64M@0x100000000"), 0);
	EXPECT_EQ(t, e820__apply_memmap(&scratch, "8M$32M,1M#0x1000000"), 0);
	EXPECT_EQ(t, e820__apply_memmap(&scratch, "4k!8G"), 0);
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_TRUE(t, same(&scratch, out, 7));
	EXPECT_EQ(t, e820__apply_memmap(&scratch, "exactmap,640K@0,127M@1M"), 0);
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_TRUE(t, same(&scratch, exact, 2));
	EXPECT_EQ(t, e820__apply_memmap(&scratch, "32M"), 0);	/* memmap=nn is mem=nn */
	EXPECT_EQ(t, e820__sanitize(&scratch), 0);
	EXPECT_EQ(t, e820__end_ram_pfn(&scratch, ~0UL), M(32) >> 12);
}

static void test_e820_memmap_malformed(struct ktest *t)
{
	static const char *const bad[] = {
		"", "abc", "64M@", "@1G", "0@1G", "64M@1Gx", "64M%1G", "64M&1G", ",", "64M$1G,junk",
		"64M$1G,", "1G@", "16Q", "exactmap,x",
	};
	static const struct e820_entry base[] = { { 0, M(64), RAM } };

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		load(&scratch, base, 1);
		if (e820__apply_memmap(&scratch, bad[i]) != -EINVAL)
			ktest_info(t, "memmap=%s was accepted", bad[i]);
		EXPECT_EQ(t, e820__apply_memmap(&scratch, bad[i]), -EINVAL);
		EXPECT_TRUE(t, same(&scratch, base, 1));	/* nothing applied */
	}
}

static void test_e820_type_names(struct ktest *t)
{
	char buf[32];

	EXPECT_STREQ(t, e820_type_name(RAM, buf, sizeof(buf)), "usable");
	EXPECT_STREQ(t, e820_type_name(RES, buf, sizeof(buf)), "reserved");
	EXPECT_STREQ(t, e820_type_name(ACPI, buf, sizeof(buf)), "ACPI data");
	EXPECT_STREQ(t, e820_type_name(NVS, buf, sizeof(buf)), "ACPI NVS");
	EXPECT_STREQ(t, e820_type_name(E820_TYPE_UNUSABLE, buf, sizeof(buf)), "unusable");
	EXPECT_STREQ(t, e820_type_name(PRAM, buf, sizeof(buf)), "persistent (type 12)");
	EXPECT_STREQ(t, e820_type_name(SOFT, buf, sizeof(buf)), "soft reserved");
	EXPECT_STREQ(t, e820_type_name((enum e820_type)20, buf, sizeof(buf)), "type 20");
}

/* The live table got Linux's x86 treatment of the first MiB. */
static void test_e820_boot_trim(struct ktest *t)
{
	bool page0_reserved = false;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->addr == 0 && e->type == RES)
			page0_reserved = true;
		if (e->type != RAM)
			continue;
		EXPECT_TRUE(t, e->addr + e->size <= 0xa0000 || e->addr >= 0x100000);
		EXPECT_NE(t, e->addr, 0);
		EXPECT_EQ(t, e->addr & 0xfff, 0);
		EXPECT_EQ(t, e->size & 0xfff, 0);
	}
	EXPECT_TRUE(t, page0_reserved);
	EXPECT_TRUE(t, printk_logged_since(0, "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved\n"));
	EXPECT_TRUE(t, printk_logged_since(0, "e820: remove [mem 0x000a0000-0x000fffff] usable\n"));
}

/*
 * A sanitised map longer than the table (E820_MAX_ENTRIES): RAM [0, 1 GiB)
 * with 127 reserved MiBs in it, every 8 MiB from 1 MiB, needs 255 entries.
 * The first 128 are kept exactly; everything from where the 129th starts
 * is dropped (a gap, so nothing turns into RAM), and one line says so. An
 * entry added to the full table before that is dropped too, and said.
 *
 *   RAM [0,1M) res [1M,2M) RAM [2M,9M) res [9M,10M) ... res [505M,506M) | from 506M: none
 */
static void test_e820_sanitize_too_long(struct ktest *t)
{
	static struct e820_table tbl;
	unsigned int bad = 0;
	u64 mark;

	tbl.nr_entries = 0;
	e820__range_add(&tbl, 0, G(1), RAM);
	for (u64 k = 0; k < 127; k++)
		e820__range_add(&tbl, k * M(8) + M(1), M(1), RES);
	ASSERT_EQ(t, tbl.nr_entries, E820_MAX_ENTRIES);
	/* the table is full: one more entry is dropped, and said */
	mark = printk_log_mark();
	printk_console_quiet(true);
	e820__range_add(&tbl, G(2), M(1), RES);
	printk_console_quiet(false);
	EXPECT_EQ(t, tbl.nr_entries, E820_MAX_ENTRIES);
	EXPECT_TRUE(t, printk_logged_since(mark, "e820: too many entries; "
			"[mem 0x0000000080000000-0x00000000800fffff] dropped"));
	mark = printk_log_mark();
	printk_console_quiet(true);
	EXPECT_EQ(t, e820__sanitize(&tbl), 0);
	printk_console_quiet(false);
	ASSERT_EQ(t, tbl.nr_entries, E820_MAX_ENTRIES);
	for (unsigned int i = 0; i < tbl.nr_entries; i++) {
		const struct e820_entry *e = &tbl.entries[i];
		u64 k = i / 2, start = i % 2 ? k * M(8) + M(1) : k ? (k - 1) * M(8) + M(2) : 0;
		u64 end = i % 2 ? start + M(1) : k * M(8) + M(1);

		bad += e->addr != start || e->size != end - start || e->type != (i % 2 ? RES : RAM);
	}
	EXPECT_EQ(t, bad, 0);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 1);
	EXPECT_TRUE(t, printk_logged_since(mark, "e820: sanitized map longer than 128 entries: "
			"[mem 0x000000001fa00000-0x000000003fffffff] dropped"));
}

/*
 * Where RAM must end. x86_64: the CPU's physical address bits, at most
 * Linux's MAX_PHYSMEM_BITS of 46 (64 TiB), and below that mmos's own limit:
 * free-list links are 32-bit pfns and 0xffffffff means "no page", so the
 * last usable page is pfn 0xfffffffe and RAM ends at 0xffffffff000 (pfn 0xffffffff).
 * i386 PAE: 36 bits (64 GiB) whatever the CPU reports.
 */
static void test_e820_phys_limit(struct ktest *t)
{
	static const struct { unsigned int bits; u64 end; } cases[] = {
#ifdef CONFIG_X86_64
		{ 36, 1ULL << 36 }, { 40, 1ULL << 40 }, { 43, 1ULL << 43 },
		{ 44, 0xffffffff000ULL }, { 46, 0xffffffff000ULL }, { 52, 0xffffffff000ULL },
#else
		{ 32, 1ULL << 36 }, { 36, 1ULL << 36 }, { 40, 1ULL << 36 },
#endif
	};
	unsigned int saved = boot_cpu_data.phys_bits;

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		boot_cpu_data.phys_bits = cases[i].bits;
		if (e820__phys_limit() != cases[i].end)
			ktest_info(t, "%u CPU bits: limit %#llx", cases[i].bits,
				   (unsigned long long)e820__phys_limit());
		EXPECT_EQ(t, e820__phys_limit(), cases[i].end);
	}
	boot_cpu_data.phys_bits = saved;
	/* and what this boot used: nothing of the table reaches past it */
	for (unsigned int i = 0; i < e820_table.nr_entries; i++)
		if (e820_table.entries[i].type == E820_TYPE_RAM)
			EXPECT_LE(t, e820_table.entries[i].addr + e820_table.entries[i].size,
				  e820__phys_limit());
}

static struct ktest_case e820_cases[] = {
	KTEST_CASE(test_e820_sanitize_maps),
	KTEST_CASE(test_e820_sanitize_idempotent),
	KTEST_CASE(test_e820_update_and_remove),
	KTEST_CASE(test_e820_mem_limit),
	KTEST_CASE(test_e820_phys_limit),
	KTEST_CASE(test_e820_memmap_forms),
	KTEST_CASE(test_e820_memmap_malformed),
	KTEST_CASE(test_e820_type_names),
	KTEST_CASE(test_e820_boot_trim),
	KTEST_CASE(test_e820_sanitize_too_long),
	{}
};

static struct ktest_suite e820_suite = { .name = "e820", .cases = e820_cases };
KTEST_SUITE(e820_suite);
