// SPDX-License-Identifier: MIT
/*
 * tests/kernel/gfp_parse_test.c - parse_gfp_flags(), the one reader of GFP
 * flags written as in Linux (the shell's FLAGS arguments use it), and the
 * kstrtoull()/kstrtoul() it reads numbers with.
 *
 * Every name of Linux 6.12's tables is read back to the value Linux gives
 * it (the facts reference, section 1.1 for the bits and 1.2 for the
 * composites, written here as numbers, not as mmos's macros); composites
 * joined by '|', numbers, spaces, and the words that must be refused with
 * *out untouched; and parse(format(x)) == x for every single bit, every
 * table entry and a fixed pseudo-random set of masks. Runs hosted too.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/gfp.h>

#define UNTOUCHED	0xdeadbeefu

/* Linux 6.12, include/linux/gfp_types.h (reference 1.1 and 1.2). */
static const struct { const char *name; u32 value; } linux_names[] = {
	{ "__GFP_DMA", 0x01 }, { "__GFP_HIGHMEM", 0x02 }, { "__GFP_DMA32", 0x04 },
	{ "__GFP_MOVABLE", 0x08 }, { "__GFP_RECLAIMABLE", 0x10 }, { "__GFP_HIGH", 0x20 },
	{ "__GFP_IO", 0x40 }, { "__GFP_FS", 0x80 }, { "__GFP_ZERO", 0x100 },
	{ "__GFP_DIRECT_RECLAIM", 0x400 }, { "__GFP_KSWAPD_RECLAIM", 0x800 },
	{ "__GFP_WRITE", 0x1000 }, { "__GFP_NOWARN", 0x2000 }, { "__GFP_RETRY_MAYFAIL", 0x4000 },
	{ "__GFP_NOFAIL", 0x8000 }, { "__GFP_NORETRY", 0x10000 }, { "__GFP_MEMALLOC", 0x20000 },
	{ "__GFP_COMP", 0x40000 }, { "__GFP_NOMEMALLOC", 0x80000 },
	{ "__GFP_HARDWALL", 0x100000 }, { "__GFP_THISNODE", 0x200000 },
	{ "__GFP_ACCOUNT", 0x400000 }, { "__GFP_ZEROTAGS", 0x800000 },
	{ "__GFP_RECLAIM", 0xc00 },
	{ "GFP_ATOMIC", 0x820 }, { "GFP_KERNEL", 0xcc0 }, { "GFP_KERNEL_ACCOUNT", 0x400cc0 },
	{ "GFP_NOWAIT", 0x2800 }, { "GFP_NOIO", 0xc00 }, { "GFP_NOFS", 0xc40 },
	{ "GFP_USER", 0x100cc0 }, { "GFP_DMA", 0x01 }, { "GFP_DMA32", 0x04 },
	{ "GFP_HIGHUSER", 0x100cc2 }, { "GFP_HIGHUSER_MOVABLE", 0x100cca },
	/* (HIGHUSER_MOVABLE | COMP | NOMEMALLOC | NOWARN) & ~RECLAIM; TRANSHUGE adds DIRECT_RECLAIM */
	{ "GFP_TRANSHUGE_LIGHT", 0x1c20ca }, { "GFP_TRANSHUGE", 0x1c24ca },
};

static void expect_parse(struct ktest *t, const char *s, u32 want)
{
	gfp_t got = UNTOUCHED;
	int err = parse_gfp_flags(s, &got);

	if (err || got != want)
		ktest_info(t, "parse_gfp_flags(\"%s\"): %d, %#x; want 0, %#x", s, err, got, want);
	EXPECT_EQ(t, err, 0);
	EXPECT_EQ(t, got, want);
}

static void expect_refused(struct ktest *t, const char *s)
{
	gfp_t got = UNTOUCHED;
	int err = parse_gfp_flags(s, &got);

	if (err != -EINVAL || got != UNTOUCHED)
		ktest_info(t, "parse_gfp_flags(\"%s\"): %d, %#x; want -EINVAL, untouched", s, err, got);
	EXPECT_EQ(t, err, -EINVAL);
	EXPECT_EQ(t, got, UNTOUCHED);
}

static void test_gfp_parse_every_linux_name(struct ktest *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(linux_names); i++)
		expect_parse(t, linux_names[i].name, linux_names[i].value);
	expect_parse(t, "none", 0);
}

static void test_gfp_parse_composites(struct ktest *t)
{
	expect_parse(t, "GFP_KERNEL|__GFP_DMA32", 0xcc4);
	expect_parse(t, "GFP_KERNEL|GFP_DMA32", 0xcc4);
	expect_parse(t, "GFP_ATOMIC|GFP_DMA", 0x821);
	expect_parse(t, "GFP_KERNEL|__GFP_ZERO|__GFP_COMP", 0x40dc0);
	expect_parse(t, "GFP_NOWAIT|__GFP_NOWARN", 0x2800);	/* a bit twice is that bit */
	expect_parse(t, "__GFP_DIRECT_RECLAIM|__GFP_KSWAPD_RECLAIM|__GFP_IO|__GFP_FS", 0xcc0);
	expect_parse(t, "__GFP_DMA|__GFP_HIGHMEM", 0x3);	/* a bad zone mix still parses */
}

static void test_gfp_parse_numbers_and_spaces(struct ktest *t)
{
	expect_parse(t, "0xcc0", 0xcc0);
	expect_parse(t, "0XCC0", 0xcc0);
	expect_parse(t, "3264", 0xcc0);
	expect_parse(t, "0", 0);
	expect_parse(t, "GFP_KERNEL|0x100", 0xdc0);
	expect_parse(t, "0x200", 0x200);		/* the unused bit (once __GFP_ATOMIC) */
	expect_parse(t, "0xffffff", 0xffffff);	/* every bit below __GFP_BITS_SHIFT (24) */
	expect_parse(t, " GFP_KERNEL", 0xcc0);
	expect_parse(t, "GFP_KERNEL ", 0xcc0);
	expect_parse(t, "GFP_KERNEL | __GFP_DMA32", 0xcc4);
	expect_parse(t, "\tGFP_KERNEL\t|\t__GFP_ZERO\t", 0xdc0);
	expect_parse(t, "  none  ", 0);
}

static void test_gfp_parse_refusals(struct ktest *t)
{
	static const char *const bad[] = {
		"", " ", "|", "GFP_KERNEL|", "|GFP_KERNEL", "GFP_KERNEL||__GFP_ZERO",
		"GFP_KERNLE", "gfp_kernel", "GFP_KERNEL_", "_GFP_KERNEL", "__GFP_ATOMIC",
		"GFP_KERNEL __GFP_ZERO", "GFP_KERNEL,__GFP_ZERO", "GFP_KERNEL+__GFP_ZERO",
		"0x1000000", "0xcc0x", "0x", "12abc", "-1", "none|GFP_KERNEL", "GFP_KERNEL|none",
		"none none", "0xffffffffffffffffff",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		expect_refused(t, bad[i]);
}

/* parse(format(x)) == x: the parser reads every name the formatter writes. */
static void round_trip(struct ktest *t, u32 gfp, unsigned int *failures)
{
	char buf[512];	/* every name at once is about 400 characters */
	gfp_t back = UNTOUCHED;
	int err;

	format_gfp_flags(buf, sizeof(buf), gfp);
	err = parse_gfp_flags(buf, &back);
	if ((err || back != gfp) && (*failures)++ < 5)
		ktest_info(t, "%#x -> \"%s\" -> %d, %#x", gfp, buf, err, back);
}

static void test_gfp_parse_round_trip(struct ktest *t)
{
	unsigned int failures = 0;
	u64 seed = 0x9e3779b97f4a7c15ULL;

	round_trip(t, 0, &failures);
	for (unsigned int bit = 0; bit < 24; bit++)
		round_trip(t, 1u << bit, &failures);
	for (unsigned int i = 0; i < ARRAY_SIZE(linux_names); i++)
		round_trip(t, linux_names[i].value, &failures);
	for (unsigned int i = 0; i < 2000; i++) {	/* 24-bit masks from a fixed xorshift */
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		round_trip(t, (u32)(seed & 0xffffff), &failures);
	}
	EXPECT_EQ(t, failures, 0);
}

/* Linux's lib/kstrtox.c rules: base 0 picks 0x hex, 0 octal, else decimal. */
static void test_kstrtoull(struct ktest *t)
{
	static const struct { const char *s; int err; unsigned long long v; } cases[] = {
		{ "0", 0, 0 }, { "42", 0, 42 }, { "0x2a", 0, 42 }, { "0X2A", 0, 42 },
		{ "052", 0, 42 }, { "+42", 0, 42 }, { "42\n", 0, 42 },
		{ "18446744073709551615", 0, ~0ULL },
		{ "18446744073709551616", -ERANGE, 0 }, { "0x10000000000000000", -ERANGE, 0 },
		{ "", -EINVAL, 0 }, { "0x", -EINVAL, 0 }, { "abc", -EINVAL, 0 },
		{ "42abc", -EINVAL, 0 }, { "4 2", -EINVAL, 0 }, { "-1", -EINVAL, 0 },
		{ "08", -EINVAL, 0 }, { "42\n\n", -EINVAL, 0 }, { " 42", -EINVAL, 0 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long v = 12345;
		int err = kstrtoull(cases[i].s, 0, &v);

		if (err != cases[i].err)
			ktest_info(t, "kstrtoull(\"%s\"): %d", cases[i].s, err);
		EXPECT_EQ(t, err, cases[i].err);
		EXPECT_TRUE(t, v == (err ? 12345ULL : cases[i].v));
	}
}

static void test_kstrtoul_range(struct ktest *t)
{
	unsigned long v = 7;

	EXPECT_EQ(t, kstrtoul("0xffffffff", 0, &v), 0);
	EXPECT_TRUE(t, v == 0xffffffffUL);
	/* 2^32 fits an unsigned long only where long has 64 bits */
	EXPECT_EQ(t, kstrtoul("0x100000000", 0, &v), sizeof(long) == 8 ? 0 : -ERANGE);
	EXPECT_EQ(t, kstrtoul("ff", 16, &v), 0);
	EXPECT_EQ(t, v, 255);
}

static struct ktest_case gfp_parse_cases[] = {
	KTEST_CASE(test_gfp_parse_every_linux_name),
	KTEST_CASE(test_gfp_parse_composites),
	KTEST_CASE(test_gfp_parse_numbers_and_spaces),
	KTEST_CASE(test_gfp_parse_refusals),
	KTEST_CASE(test_gfp_parse_round_trip),
	KTEST_CASE(test_kstrtoull),
	KTEST_CASE(test_kstrtoul_range),
	{}
};

static struct ktest_suite gfp_parse_suite = { .name = "gfp_parse", .cases = gfp_parse_cases };
KTEST_SUITE(gfp_parse_suite);
