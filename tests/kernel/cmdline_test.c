// SPDX-License-Identifier: MIT
/*
 * tests/kernel/cmdline_test.c - command-line splitting and parameter parsing.
 *
 * Uses its own parameter table, so nothing global changes: quoting, repeated
 * names, '-' vs '_', unknown names, malformed and out-of-range numbers,
 * booleans, too-long strings, memparse suffixes. The boot_* cases check the
 * real boot command line when tests/run passes test_str= on it.
 */
#include <kernel/cmdline.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static char test_str[32];
core_param_string(test_str, test_str);

struct parsed {
	int level;
	bool verbose;
	char name[16];
	unsigned int nr_unknown;
	char unknown[128];
};

static void note_unknown(const char *param, const char *val, void *arg)
{
	struct parsed *p = arg;
	size_t len = strlen(p->unknown);

	p->nr_unknown++;
	snprintf(p->unknown + len, sizeof(p->unknown) - len, "%s%s=%s", len ? " " : "", param,
		 val ? val : "(none)");
}

/* Parse line into a fresh struct parsed (defaults 7, false, "none"). */
static int parse(struct parsed *p, const char *line)
{
	static char buf[256];
	struct kernel_param params[] = {
		PARAM_INT("level", p->level, 0, 15),
		PARAM_BOOL("verbose", p->verbose),
		PARAM_STRING("some_name", p->name),
	};

	*p = (struct parsed){ .level = 7, .name = "none" };
	strlcpy(buf, line, sizeof(buf));
	return parse_args("test", buf, params, ARRAY_SIZE(params), note_unknown, p);
}

static void test_cmdline_basic(struct ktest *t)
{
	struct parsed p;

	EXPECT_EQ(t, parse(&p, "level=3 verbose some_name=abc"), 0);
	EXPECT_EQ(t, p.level, 3);
	EXPECT_TRUE(t, p.verbose);
	EXPECT_STREQ(t, p.name, "abc");
	EXPECT_EQ(t, parse(&p, "   "), 0);
	EXPECT_EQ(t, p.level, 7);
	EXPECT_EQ(t, parse(&p, "level=0x0a\tverbose=off\n"), 0);
	EXPECT_EQ(t, p.level, 10);
	EXPECT_FALSE(t, p.verbose);
}

static void test_cmdline_quotes(struct ktest *t)
{
	struct parsed p;

	EXPECT_EQ(t, parse(&p, "some_name=\"a b c\" level=2"), 0);
	EXPECT_STREQ(t, p.name, "a b c");
	EXPECT_EQ(t, p.level, 2);
	EXPECT_EQ(t, parse(&p, "\"some_name=x y\" verbose"), 0);
	EXPECT_STREQ(t, p.name, "x y");
	EXPECT_TRUE(t, p.verbose);
	EXPECT_EQ(t, parse(&p, "some_name=\"\""), 0);
	EXPECT_STREQ(t, p.name, "");
}

static void test_cmdline_repeated_and_dashes(struct ktest *t)
{
	struct parsed p;

	EXPECT_EQ(t, parse(&p, "level=1 level=2 level=5"), 0);
	EXPECT_EQ(t, p.level, 5);
	EXPECT_EQ(t, parse(&p, "some-name=dash"), 0);
	EXPECT_STREQ(t, p.name, "dash");
	/* "--" ends the kernel's part: later words are not parsed */
	EXPECT_EQ(t, parse(&p, "level=4 -- level=9 junk"), 0);
	EXPECT_EQ(t, p.level, 4);
}

static void test_cmdline_unknown(struct ktest *t)
{
	struct parsed p;

	EXPECT_EQ(t, parse(&p, "foo level=1 bar=2 \"baz=q r\""), 3);
	EXPECT_EQ(t, p.nr_unknown, 3);
	EXPECT_STREQ(t, p.unknown, "foo=(none) bar=2 baz=q r");
	EXPECT_EQ(t, p.level, 1);
}

static void test_cmdline_malformed(struct ktest *t)
{
	struct parsed p;
	u64 mark = printk_log_mark();

	printk_console_quiet(true);
	EXPECT_EQ(t, parse(&p, "level=abc"), 1);
	EXPECT_EQ(t, p.level, 7);	/* keeps the default */
	EXPECT_EQ(t, parse(&p, "level=3 level=12x"), 1);
	EXPECT_EQ(t, p.level, 3);	/* keeps the last valid value */
	EXPECT_EQ(t, parse(&p, "level=16"), 1);	/* out of range */
	EXPECT_EQ(t, parse(&p, "level=-1"), 1);
	EXPECT_EQ(t, parse(&p, "level="), 1);
	EXPECT_EQ(t, parse(&p, "level"), 1);
	EXPECT_EQ(t, parse(&p, "level=99999999999999999999"), 1);	/* overflow */
	EXPECT_EQ(t, p.level, 7);
	EXPECT_EQ(t, parse(&p, "verbose=maybe"), 1);
	EXPECT_FALSE(t, p.verbose);
	EXPECT_EQ(t, parse(&p, "some_name=0123456789abcdefXYZ"), 1);	/* too long */
	EXPECT_STREQ(t, p.name, "none");
	printk_console_quiet(false);
	EXPECT_TRUE(t, printk_logged_since(mark, "test: 'abc' invalid for parameter 'level' (integer), keeping '7'"));
	EXPECT_TRUE(t, printk_logged_since(mark, "'maybe' invalid for parameter 'verbose' (bool)"));
}

static void test_cmdline_next_arg(struct ktest *t)
{
	char buf[] = "  a=1   \"b=two words\"  c  ";
	char *param, *val, *rest = buf;

	while (*rest == ' ')
		rest++;
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(t, param, "a");
	EXPECT_STREQ(t, val, "1");
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(t, param, "b");
	EXPECT_STREQ(t, val, "two words");
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(t, param, "c");
	EXPECT_NULL(t, val);
	EXPECT_EQ(t, *rest, '\0');
}

static void test_cmdline_memparse(struct ktest *t)
{
	char *end;

	EXPECT_EQ(t, memparse("4096", &end), 4096);
	EXPECT_EQ(t, *end, '\0');
	EXPECT_EQ(t, memparse("64K", NULL), 64 << 10);
	EXPECT_EQ(t, memparse("512m", NULL), 512ULL << 20);
	EXPECT_EQ(t, memparse("6G", NULL), 6ULL << 30);
	EXPECT_EQ(t, memparse("1T", NULL), 1ULL << 40);
	EXPECT_EQ(t, memparse("0x1000", NULL), 0x1000);
	EXPECT_EQ(t, memparse("0x10M", NULL), 16ULL << 20);
	EXPECT_EQ(t, memparse("010", NULL), 8);
	EXPECT_EQ(t, memparse("100M@16M", &end), 100ULL << 20);
	EXPECT_EQ(t, *end, '@');
	EXPECT_EQ(t, memparse("xyz", &end), 0);
	EXPECT_EQ(t, *end, 'x');
}

static void test_cmdline_boot_line(struct ktest *t)
{
	if (!strstr(boot_command_line, "test_str="))
		ktest_skip(t, "boot command line has no test_str=");
	/*
	 * tests/run boots these configurations with test_str="hello;# world$1":
	 * a quoted value with a space and characters GRUB's script would take
	 * as its own (a command separator, a comment, a variable), which must
	 * reach the parameter unchanged through QEMU -append and through GRUB.
	 */
	EXPECT_STREQ(t, test_str, "hello;# world$1");
}

static struct ktest_case cmdline_cases[] = {
	KTEST_CASE(test_cmdline_basic),
	KTEST_CASE(test_cmdline_quotes),
	KTEST_CASE(test_cmdline_repeated_and_dashes),
	KTEST_CASE(test_cmdline_unknown),
	KTEST_CASE(test_cmdline_malformed),
	KTEST_CASE(test_cmdline_next_arg),
	KTEST_CASE(test_cmdline_memparse),
	KTEST_CASE(test_cmdline_boot_line),
	{}
};

static struct ktest_suite cmdline_suite = { .name = "cmdline", .cases = cmdline_cases };
KTEST_SUITE(cmdline_suite);
