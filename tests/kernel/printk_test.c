// SPDX-License-Identifier: MIT
/*
 * tests/kernel/printk_test.c - the format engine and the log buffer.
 *
 * Every conversion, flag, width and length modifier against the exact
 * string C's printf gives; truncation and the return value; %pS through
 * kallsyms; and that printk stores stamped, level-stripped lines in the log.
 */
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define CHECK_FMT(t, expect, fmt, ...) do { \
	char __b[128]; \
	int __n = snprintf(__b, sizeof(__b), fmt, ##__VA_ARGS__); \
	EXPECT_STREQ(t, __b, expect); \
	EXPECT_EQ(t, __n, (int)strlen(expect)); \
} while (0)

static void test_printk_integers(struct ktest *t)
{
	CHECK_FMT(t, "0", "%d", 0);
	CHECK_FMT(t, "-42", "%d", -42);
	CHECK_FMT(t, "-2147483648", "%i", (int)0x80000000);
	CHECK_FMT(t, "4294967295", "%u", 0xffffffffu);
	CHECK_FMT(t, "deadbeef", "%x", 0xdeadbeefu);
	CHECK_FMT(t, "DEADBEEF", "%X", 0xdeadbeefu);
	CHECK_FMT(t, "777", "%o", 0777);
	CHECK_FMT(t, "18446744073709551615", "%llu", ~0ULL);
	CHECK_FMT(t, "-9223372036854775808", "%lld", (long long)(1ULL << 63));
	CHECK_FMT(t, "ffffffffffffffff", "%llx", ~0ULL);
	CHECK_FMT(t, "123456789", "%lu", 123456789UL);
	CHECK_FMT(t, "abc", "%lx", 0xabcUL);
	CHECK_FMT(t, "4096", "%zu", (size_t)4096);
	CHECK_FMT(t, "-7", "%zd", (ssize_t)-7);
	CHECK_FMT(t, "255 65535", "%hhu %hu", 0x1ff, 0x1ffff);
}

static void test_printk_width_and_flags(struct ktest *t)
{
	CHECK_FMT(t, "   42", "%5d", 42);
	CHECK_FMT(t, "42   |", "%-5d|", 42);
	CHECK_FMT(t, "00042", "%05d", 42);
	CHECK_FMT(t, "-0042", "%05d", -42);
	CHECK_FMT(t, "+42", "%+d", 42);
	CHECK_FMT(t, " 42", "% d", 42);
	CHECK_FMT(t, "0x1f", "%#x", 0x1f);
	CHECK_FMT(t, "0X1F", "%#X", 0x1f);
	CHECK_FMT(t, "017", "%#o", 017);
	CHECK_FMT(t, "0x000000000009fbff", "%#018llx", 0x9fbffULL);
	CHECK_FMT(t, "0x00000000bffdffff", "%#018Lx", 0xbffdffffULL);
	CHECK_FMT(t, "00ff", "%04x", 0xff);
	CHECK_FMT(t, "  007", "%5.3d", 7);
	CHECK_FMT(t, "   ab", "%*x", 5, 0xab);
	CHECK_FMT(t, "ab   |", "%*x|", -5, 0xab);
	CHECK_FMT(t, "5 ", "%-2d", 5);
	CHECK_FMT(t, "", "%.0d", 0);
	CHECK_FMT(t, "[    1.000250] ", "[%5lu.%06lu] ", 1UL, 250UL);
}

static const char *volatile null_string;

static void test_printk_strings_chars(struct ktest *t)
{
	CHECK_FMT(t, "mmos", "%s", "mmos");
	CHECK_FMT(t, "  mm", "%4s", "mm");
	CHECK_FMT(t, "mm  |", "%-4s|", "mm");
	CHECK_FMT(t, "mm", "%.2s", "mmos");
	CHECK_FMT(t, "(null)", "%s", null_string);
	CHECK_FMT(t, "x", "%c", 'x');
	CHECK_FMT(t, "  x", "%3c", 'x');
	CHECK_FMT(t, "100%", "%d%%", 100);
	CHECK_FMT(t, "DMA32   |", "%-8s|", "DMA32");
}

static void test_printk_pointers(struct ktest *t)
{
	char buf[128], expect[64];
	unsigned long addr = kallsyms_lookup_name("test_printk_pointers");

	CHECK_FMT(t, sizeof(void *) == 8 ? "00000000deadbeef" : "deadbeef", "%p",
		  (void *)0xdeadbeefUL);
	ASSERT_NE(t, addr, 0);
	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + 3));
	snprintf(expect, sizeof(expect), "test_printk_pointers+0x3/");
	EXPECT_EQ(t, strncmp(buf, expect, strlen(expect)), 0);
	snprintf(buf, sizeof(buf), "%ps", (void *)(addr + 3));
	EXPECT_STREQ(t, buf, "test_printk_pointers");
	snprintf(buf, sizeof(buf), "%pS", (void *)0x10UL);
	EXPECT_STREQ(t, buf, "0x10");
}

static void test_printk_truncation(struct ktest *t)
{
	char buf[8];
	int n;

	memset(buf, 'Z', sizeof(buf));
	n = snprintf(buf, 5, "%s", "abcdefgh");
	EXPECT_EQ(t, n, 8);
	EXPECT_STREQ(t, buf, "abcd");
	EXPECT_EQ(t, buf[5], 'Z');	/* nothing written past the size */
	n = snprintf(NULL, 0, "%d", 12345);
	EXPECT_EQ(t, n, 5);
	n = scnprintf(buf, sizeof(buf), "%s", "0123456789");
	EXPECT_EQ(t, n, 7);
}

static void test_printk_log_buffer(struct ktest *t)
{
	u64 mark = printk_log_mark();
	char buf[256];

	printk(KERN_INFO "ktest-marker %d\n", 1234);
	printk(KERN_DEBUG "ktest-debug hidden from console\n");
	EXPECT_TRUE(t, printk_logged_since(mark, "ktest-marker 1234\n"));
	EXPECT_TRUE(t, printk_logged_since(mark, "ktest-debug hidden"));
	EXPECT_FALSE(t, printk_logged_since(mark, "\001"));	/* levels are stripped */
	/* counted: two lines, each with one "ktest-", and "aa" twice in "aaa" */
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 2);
	EXPECT_EQ(t, printk_log_count(mark, "ktest-"), 2);
	EXPECT_EQ(t, printk_log_count(mark, "ktest-marker"), 1);
	EXPECT_EQ(t, printk_log_count(mark, "no such text"), 0);
	printk(KERN_INFO "aaa\n");
	EXPECT_EQ(t, printk_log_count(mark, "aa"), 2);
	EXPECT_EQ(t, printk_log_count(mark, "\n"), 3);
	printk_log_read(mark, buf, sizeof(buf));
	/* every line starts with a constant-width stamp "[sssss.uuuuuu] " */
	EXPECT_EQ(t, buf[0], '[');
	EXPECT_EQ(t, buf[13], ']');
	EXPECT_EQ(t, buf[14], ' ');
	EXPECT_EQ(t, buf[6], '.');
	EXPECT_EQ(t, strncmp(buf + 15, "ktest-marker", 12), 0);
	EXPECT_FALSE(t, printk_logged_since(printk_log_mark(), "ktest-marker"));
}

static void test_printk_continuation(struct ktest *t)
{
	u64 mark = printk_log_mark();
	char buf[128];

	printk(KERN_INFO "part-one ");
	printk(KERN_CONT "part-two\n");
	printk_log_read(mark, buf, sizeof(buf));
	EXPECT_NOT_NULL(t, strstr(buf, "part-one part-two\n"));
	EXPECT_NULL(t, strchr(buf + 1, '['));	/* one stamp for one line */
}

/*
 * Each message keeps the level its KERN_ prefix gave (Linux's
 * include/linux/kern_levels.h: EMERG "0" .. DEBUG "7"; no prefix is
 * MESSAGE_LOGLEVEL_DEFAULT 4; KERN_CONT goes on at the line's level).
 */
static void test_printk_log_level(struct ktest *t)
{
	bool quiet = printk_console_quiet(true);	/* an EMERG line need not reach the screen */
	u64 mark = printk_log_mark();

	printk(KERN_EMERG "lvl-emerg\n");
	pr_alert("lvl-alert\n");
	printk(KERN_CRIT "lvl-crit\n");
	pr_err("lvl-err\n");
	pr_warn("lvl-warn\n");
	pr_notice("lvl-notice\n");
	pr_info("lvl-info ");
	pr_cont("lvl-info-cont\n");
	pr_debug("lvl-debug\n");
	printk("lvl-none\n");
	pr_alert("lvl-alert two lines\nlvl-alert second\n");
	printk_console_quiet(quiet);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-emerg"), 0);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-alert\n"), 1);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-crit"), 2);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-err"), 3);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-warn"), 4);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-notice"), 5);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-info "), 6);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-info-cont"), 6);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-debug"), 7);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-none"), 4);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-alert second"), 1);
	EXPECT_EQ(t, printk_log_level(mark, "lvl-never-printed"), -1);
	EXPECT_EQ(t, printk_log_level(printk_log_mark(), "lvl-emerg"), -1);
}

/*
 * The readers that work on the ring in place (no copy of the log): find
 * moves to the first occurrence at or after a position, line_start back to
 * the stamp, get_line hands a line out in pieces of the buffer's size.
 */
static void test_printk_log_readers(struct ktest *t)
{
	u64 mark = printk_log_mark(), at = mark, start;
	char piece[8], line[64];
	size_t n, total = 0;
	unsigned int pieces = 0;

	printk(KERN_INFO "rdr-first rdr-x\n");
	printk(KERN_INFO "rdr-second\n");
	EXPECT_TRUE(t, printk_log_find(&at, "rdr-x"));
	EXPECT_EQ(t, at, mark + 15 + 10);	/* the stamp, "rdr-first " */
	EXPECT_EQ(t, printk_log_line_start(at), mark);
	at++;
	EXPECT_FALSE(t, printk_log_find(&at, "rdr-x"));	/* one only, *pos kept */
	EXPECT_EQ(t, at, mark + 15 + 10 + 1);
	EXPECT_FALSE(t, printk_log_find(&at, ""));
	at = mark;
	EXPECT_TRUE(t, printk_log_find(&at, "rdr-second"));
	start = printk_log_line_start(at);
	EXPECT_EQ(t, start, mark + 15 + strlen("rdr-first rdr-x\n"));
	EXPECT_EQ(t, printk_log_get_line(&start, line, sizeof(line)), 15 + strlen("rdr-second\n"));
	EXPECT_STREQ(t, line + 15, "rdr-second\n");
	EXPECT_EQ(t, start, printk_log_mark());
	EXPECT_EQ(t, printk_log_get_line(&start, line, sizeof(line)), 0);	/* the end */
	start = mark;	/* one line at a time, ending at its newline */
	EXPECT_EQ(t, printk_log_get_line(&start, line, sizeof(line)), 15 + strlen("rdr-first rdr-x\n"));
	EXPECT_STREQ(t, line + 15, "rdr-first rdr-x\n");
	EXPECT_EQ(t, start, mark + 15 + strlen("rdr-first rdr-x\n"));
	for (at = mark; (n = printk_log_get_line(&at, piece, sizeof(piece))); pieces++) {
		EXPECT_TRUE(t, n <= sizeof(piece) - 1);
		EXPECT_EQ(t, strlen(piece), n);
		total += n;
	}
	EXPECT_EQ(t, total, printk_log_mark() - mark);
	/* 15 + 16 and 15 + 11 bytes in pieces of at most 7, each line's last one shorter */
	EXPECT_EQ(t, pieces, (15 + 16 + 6) / 7 + (15 + 11 + 6) / 7);
}

static struct ktest_case printk_cases[] = {
	KTEST_CASE(test_printk_integers),
	KTEST_CASE(test_printk_width_and_flags),
	KTEST_CASE(test_printk_strings_chars),
	KTEST_CASE(test_printk_pointers),
	KTEST_CASE(test_printk_truncation),
	KTEST_CASE(test_printk_log_buffer),
	KTEST_CASE(test_printk_continuation),
	KTEST_CASE(test_printk_log_level),
	KTEST_CASE(test_printk_log_readers),
	{}
};

static struct ktest_suite printk_suite = { .name = "printk", .cases = printk_cases };
KTEST_SUITE(printk_suite);
