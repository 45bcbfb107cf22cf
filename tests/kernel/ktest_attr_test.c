// SPDX-License-Identifier: MIT
/*
 * tests/kernel/ktest_attr_test.c - case attributes and ktest.filter=.
 *
 * The parser and the match of kernel/ktest.c against KUnit's grammar for a
 * boolean attribute (lib/kunit/attributes.c: the attribute, then one of
 * "<>!=", then the value; "=" and "!=" for a bool), each expectation worked
 * out here from that grammar; a refused value on the command line, which
 * must name itself in one line and change nothing. The run itself (the
 * "# case.design: true" line, filtered cases left out or skipped) is judged
 * by tests/run's judge_design() on every KTAP log, and on the filtered
 * configurations host-*-invariants, host-x86_64-design-skip and
 * host-x86_64-filter-refused; the last case here is the design case they
 * look for.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static void noop_case(struct ktest *t)
{
	(void)t;
}

static const struct ktest_case invariant_case = KTEST_CASE(noop_case);
static const struct ktest_case design_case = KTEST_CASE_DESIGN(noop_case);

static void test_ktest_attr_macros(struct ktest *t)
{
	static const struct ktest_case by_attr = KTEST_CASE_ATTR(noop_case, { .design = true });

	EXPECT_FALSE(t, invariant_case.attr.design);
	EXPECT_TRUE(t, design_case.attr.design);
	EXPECT_TRUE(t, by_attr.attr.design);
	EXPECT_STREQ(t, design_case.name, "noop_case");
}

/*
 * Each accepted filter with what it keeps, from the grammar: "design=V"
 * keeps a case whose attribute is V, "design!=V" one whose attribute is
 * not V; a list keeps what every item keeps.
 */
static const struct {
	const char *filter;
	bool keeps_invariant, keeps_design;
} accepted[] = {
	{ "design=false", true, false },
	{ "design!=true", true, false },
	{ "design=true", false, true },
	{ "design!=false", false, true },
	{ " design = false ", true, false },	/* KUnit strips the blanks around each part */
	{ "design!=true,design=false", true, false },
	{ "design=true,design=false", false, false },	/* contradictory: keeps nothing */
	{ "design!=true,design!=false", false, false },
};

static void test_ktest_attr_filter_parse_accepts(struct ktest *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(accepted); i++) {
		struct ktest_filter f;
		unsigned int commas = 0;

		bool failed = t->failed;

		for (const char *p = accepted[i].filter; *p; p++)
			commas += *p == ',';
		t->failed = false;
		EXPECT_EQ(t, ktest_filter_parse(accepted[i].filter, &f), 0);
		if (!t->failed) {
			EXPECT_EQ(t, f.n, commas + 1);
			EXPECT_EQ(t, ktest_filter_match(&f, &invariant_case),
				  accepted[i].keeps_invariant);
			EXPECT_EQ(t, ktest_filter_match(&f, &design_case),
				  accepted[i].keeps_design);
		}
		if (t->failed)	/* only then: the log is small and shared with the boot's */
			ktest_info(t, "the failures above: ktest.filter=%s", accepted[i].filter);
		t->failed |= failed;
	}
}

static void test_ktest_attr_filter_parse_refuses(struct ktest *t)
{
	static const char *const refused[] = {
		"speed>slow",		/* KUnit's attribute, not mmos's */
		"speed=slow",
		"design<true",		/* an ordering operator on a bool */
		"design>=false",
		"design==true",
		"design=yes",		/* not a bool value */
		"design=",
		"design",		/* no operator */
		"",
		"design=true,",		/* an empty item */
		",design=true",
		"design=true,design=true,design=true,design=true,design=true",	/* 5 > 4 */
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(refused); i++) {
		struct ktest_filter f = { .n = 3 };

		bool failed = t->failed;

		t->failed = false;
		EXPECT_EQ(t, ktest_filter_parse(refused[i], &f), -EINVAL);
		EXPECT_EQ(t, f.n, 3);	/* untouched */
		if (t->failed)
			ktest_info(t, "the failures above: ktest.filter=%s", refused[i]);
		t->failed |= failed;
	}
}

/*
 * The parameter itself: a refused value is reported in one line naming it
 * and the parameter, and the filter keeps its value (shown again in the
 * report's "keeping" part, compared with what the parameter holds before).
 */
static void test_ktest_attr_filter_param_refused(struct ktest *t)
{
	char args[] = "ktest.filter=speed>slow", action[] = "ktest.filter_action=run";
	u64 mark = printk_log_mark();
	bool quiet = printk_console_quiet(true);
	int errors = parse_core_params("test", args, NULL, NULL);

	printk_console_quiet(quiet);
	EXPECT_EQ(t, errors, 1);
	EXPECT_TRUE(t, printk_logged_since(mark, "test: 'speed>slow' invalid for parameter "
					   "'ktest.filter' (design=true|false or design!=true|"
					   "false, comma-separated), keeping '"));
	mark = printk_log_mark();
	quiet = printk_console_quiet(true);
	errors = parse_core_params("test", action, NULL, NULL);
	printk_console_quiet(quiet);
	EXPECT_EQ(t, errors, 1);
	EXPECT_TRUE(t, printk_logged_since(mark, "test: 'run' invalid for parameter "
					   "'ktest.filter_action' (skip)"));
}

/*
 * The case the filtered configurations must leave out (or skip): declared a
 * design case, and checks that its own table entry says so.
 */
static void test_ktest_attr_design_case(struct ktest *t);

static struct ktest_case ktest_attr_cases[] = {
	KTEST_CASE(test_ktest_attr_macros),
	KTEST_CASE(test_ktest_attr_filter_parse_accepts),
	KTEST_CASE(test_ktest_attr_filter_parse_refuses),
	KTEST_CASE(test_ktest_attr_filter_param_refused),
	KTEST_CASE_DESIGN(test_ktest_attr_design_case),
	{}
};

static void test_ktest_attr_design_case(struct ktest *t)
{
	const struct ktest_case *me = NULL;

	for (const struct ktest_case *c = ktest_attr_cases; c->run; c++)
		if (c->run == test_ktest_attr_design_case)
			me = c;
	ASSERT_NOT_NULL(t, me);
	EXPECT_TRUE(t, me->attr.design);
	EXPECT_STREQ(t, me->name, t->name);
}

static struct ktest_suite ktest_attr_suite = { .name = "ktest_attr", .cases = ktest_attr_cases };
KTEST_SUITE(ktest_attr_suite);
