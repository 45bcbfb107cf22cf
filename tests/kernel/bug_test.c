// SPDX-License-Identifier: MIT
/*
 * tests/kernel/bug_test.c - WARN reports, stack traces and symbol lookup.
 *
 * A WARN must name its file:line and the function it is in, print a call
 * trace that reaches the caller, count itself, and let the kernel go on;
 * the _ONCE forms fire exactly once until clear_warn_once(). kallsyms must
 * resolve addresses exactly.
 */
#include <asm/stacktrace.h>
#include <kernel/bug.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static noinline int warn_if_odd(int v)
{
	return WARN(v & 1, "odd value %d\n", v);
}

static noinline int warn_once_helper(int v)
{
	return WARN_ON_ONCE(v);
}

static noinline int warn_once_fmt_helper(int v)
{
	return WARN_ONCE(v, "once: %d\n", v);
}

/* Each _ONCE form fired three times; returns how many of the calls saw the condition true. */
static noinline int fire_three_times(int (*fn)(int))
{
	return fn(7) + fn(7) + fn(7);
}

static noinline unsigned int trace_leaf(unsigned long *entries, unsigned int max)
{
	unsigned int n = save_stack_trace((unsigned long)__builtin_frame_address(0), entries, max);

	barrier();
	return n;
}

static noinline unsigned int trace_middle(unsigned long *entries, unsigned int max)
{
	unsigned int n = trace_leaf(entries, max);

	barrier();
	return n;
}

static void test_bug_warn_reports_location(struct ktest *t)
{
	u64 mark = printk_log_mark();
	int r;

	EXPECT_WARN(t, r = warn_if_odd(3));
	EXPECT_EQ(t, r, 1);
	EXPECT_TRUE(t, printk_logged_since(mark, "------------[ cut here ]------------"));
	EXPECT_TRUE(t, printk_logged_since(mark, "odd value 3\n"));
	EXPECT_TRUE(t, printk_logged_since(mark, "WARNING: CPU: 0 PID: 0 at tests/kernel/bug_test.c:"));
	EXPECT_TRUE(t, printk_logged_since(mark, " warn_if_odd+0x"));
	EXPECT_TRUE(t, printk_logged_since(mark, "Call Trace:"));
	/* the trace names the caller */
	EXPECT_TRUE(t, printk_logged_since(mark, " test_bug_warn_reports_location+0x"));
	EXPECT_EQ(t, warn_if_odd(4), 0);	/* no warning, returns false */
}

/*
 * A _ONCE form reports the first time only, but evaluates to the condition
 * every time. clear_warn_once() first: a shell run may have fired them
 * already; after it, each fires exactly once again.
 */
static void test_bug_warn_once(struct ktest *t)
{
	u64 mark = printk_log_mark();
	int seen = 0;

	clear_warn_once();
	EXPECT_WARN(t, seen = fire_three_times(warn_once_helper));
	EXPECT_EQ(t, seen, 3);
	EXPECT_WARN(t, seen = fire_three_times(warn_once_fmt_helper));
	EXPECT_EQ(t, seen, 3);
	EXPECT_WARNS(t, seen = warn_once_helper(0), 0);	/* a false condition: silent */
	EXPECT_EQ(t, seen, 0);
	EXPECT_WARNS(t, fire_three_times(warn_once_helper), 0);	/* already fired */
	clear_warn_once();
	EXPECT_WARN(t, fire_three_times(warn_once_helper));
	EXPECT_WARN(t, fire_three_times(warn_once_fmt_helper));
	EXPECT_TRUE(t, printk_logged_since(mark, " warn_once_helper+0x"));
	EXPECT_TRUE(t, printk_logged_since(mark, "once: 7\n"));
}

static void test_bug_stack_trace(struct ktest *t)
{
	unsigned long entries[8];
	unsigned int n = trace_middle(entries, ARRAY_SIZE(entries));
	char sym[KSYM_NAME_LEN + 32];

	ASSERT_GE(t, n, 2);
	/* gcc may clone a function as name.constprop.0: compare up to the dot */
	sprint_symbol_no_offset(sym, sizeof(sym), entries[0]);
	*(strchr(sym, '.') ?: sym + strlen(sym)) = '\0';
	EXPECT_STREQ(t, sym, "trace_middle");
	sprint_symbol_no_offset(sym, sizeof(sym), entries[1]);
	*(strchr(sym, '.') ?: sym + strlen(sym)) = '\0';
	EXPECT_STREQ(t, sym, "test_bug_stack_trace");
}

static void test_bug_kallsyms_exact(struct ktest *t)
{
	unsigned long addr = kallsyms_lookup_name("warn_if_odd"), size, off;
	const char *name;

	ASSERT_NE(t, addr, 0);
	EXPECT_EQ(t, addr, (unsigned long)warn_if_odd);
	name = kallsyms_lookup(addr + 1, &size, &off);
	ASSERT_NOT_NULL(t, name);
	EXPECT_STREQ(t, name, "warn_if_odd");
	EXPECT_EQ(t, off, 1);
	EXPECT_GT(t, size, 1);
	/* one past the end belongs to the next function */
	name = kallsyms_lookup(addr + size, NULL, &off);
	ASSERT_NOT_NULL(t, name);
	EXPECT_STRNEQ(t, name, "warn_if_odd");
	EXPECT_EQ(t, off, 0);
	EXPECT_NULL(t, kallsyms_lookup(0x1000, NULL, NULL));
	EXPECT_EQ(t, kallsyms_lookup_name("no_such_function_here"), 0);
}

static struct ktest_case bug_cases[] = {
	KTEST_CASE(test_bug_warn_reports_location),
	KTEST_CASE(test_bug_warn_once),
	KTEST_CASE(test_bug_stack_trace),
	KTEST_CASE(test_bug_kallsyms_exact),
	{}
};

static struct ktest_suite bug_suite = { .name = "bug", .cases = bug_cases };
KTEST_SUITE(bug_suite);
