// SPDX-License-Identifier: MIT
/*
 * tests/kernel/ktest_attr_test.c - case attributes and ktest.filter=.
 *
 * The parser and the match of kernel/ktest.c against KUnit's grammar for a
 * boolean attribute (lib/kunit/attributes.c, v6.12: the attribute up to the
 * first of "<>!=" compared whole, the operators of int_filter() by prefix,
 * the value exactly true or false; blanks skipped only after a comma), each
 * expectation worked out here from that grammar; the ktest.filter=
 * parameter, which takes any value as KUnit's charp does, and a refused
 * value, which makes ktest_run() run nothing (KUnit's executor: "error
 * filtering suites"). The run itself (the "# case.design: true" line,
 * filtered cases left out or skipped) is judged by tests/run's
 * judge_design() on every KTAP log, and on the filtered configurations
 * host-x86_64-invariants, host-x86_64-design-skip and
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
 * Each accepted filter with what it keeps, from the grammar: a bool is 0
 * or 1, and an item keeps a case when "attribute OP value" holds of those
 * numbers (design<true: 0 < 1 for an invariant case, 1 < 1 for a design
 * case); a list keeps what every item keeps; an empty value keeps all.
 */
static const struct {
	const char *filter;
	bool keeps_invariant, keeps_design;
} accepted[] = {
	{ "design=false", true, false },
	{ "design!=true", true, false },
	{ "design=true", false, true },
	{ "design!=false", false, true },
	{ "design<true", true, false },		/* 0 < 1, 1 < 1 */
	{ "design>false", false, true },	/* 0 > 0, 1 > 0 */
	{ "design<=true", true, true },
	{ "design>=false", true, true },
	{ "design<false", false, false },
	{ "design>true", false, false },
	{ "design==true", false, true },	/* "=" by prefix, int_filter()'s order */
	{ "design=<false", true, false },	/* likewise "=" */
	{ "design!=true, design=false", true, false },	/* blanks after a comma skipped */
	{ "design!=true,", true, false },	/* a comma at the end: nothing more */
	{ "design=true,design=false", false, false },	/* contradictory: keeps nothing */
	{ "design!=true,design!=false", false, false },
	{ "", true, true },
};

static void test_ktest_attr_filter_parse_accepts(struct ktest *t)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(accepted); i++) {
		struct ktest_filter f = { .n = 99 };
		unsigned int items = 0;
		bool failed = t->failed, word = false;

		/* items: the runs of characters other than ',' and ' ' */
		for (const char *p = accepted[i].filter; *p; p++) {
			bool in = *p != ',' && *p != ' ';

			items += in && !word;
			word = in;
		}
		t->failed = false;
		EXPECT_EQ(t, ktest_filter_parse(accepted[i].filter, &f, NULL, NULL), 0);
		if (!t->failed) {
			EXPECT_EQ(t, f.n, items);
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

/*
 * Each refused filter with KUnit's words for why (its pr_err()s) and the
 * offset of the item refused.
 */
static void test_ktest_attr_filter_parse_refuses(struct ktest *t)
{
	static const struct {
		const char *filter, *why;
		size_t at;
	} refused[] = {
		{ "speed>slow", "attribute not found", 0 },	/* KUnit's, not mmos's */
		{ " design=false", "attribute not found", 0 },	/* no blanks trimmed */
		{ "design =false", "attribute not found", 0 },
		{ "design= false", "invalid filter input", 0 },
		{ "design=false ", "invalid filter input", 0 },
		{ "design!=ture", "invalid filter input", 0 },	/* the typo to catch */
		{ "design=yes", "invalid filter input", 0 },
		{ "design=", "filter value not found", 0 },
		{ "design", "filter operation not found", 0 },
		{ "=true", "filter operation not found", 0 },
		{ "design!true", "invalid filter operation", 0 },
		{ ",design=true", "filter operation not found", 0 },
		{ "design=true,,design=false", "filter operation not found", 12 },
		{ "design=true, design=maybe", "invalid filter input", 13 },
		{ "design=true,design=true,design=true,design=true,design=true,design=true,"
		  "design=true", "too many filters", 72 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(refused); i++) {
		struct ktest_filter f = { .n = 3 };
		const char *why = NULL;
		size_t at = 999;
		bool failed = t->failed;

		t->failed = false;
		EXPECT_EQ(t, ktest_filter_parse(refused[i].filter, &f, &why, &at), -EINVAL);
		EXPECT_EQ(t, f.n, 3);	/* untouched */
		EXPECT_STREQ(t, why ? why : "(none)", refused[i].why);
		EXPECT_EQ(t, at, refused[i].at);
		if (t->failed)
			ktest_info(t, "the failures above: ktest.filter=%s", refused[i].filter);
		t->failed |= failed;
	}
}

/* A registered boot parameter by its full name, or NULL. */
static const struct kernel_param *find_param(const char *name)
{
	extern const struct kernel_param __start_kernel_params[], __stop_kernel_params[];

	for (const struct kernel_param *kp = __start_kernel_params; kp < __stop_kernel_params; kp++)
		if (!strcmp(kp->name, name))
			return kp;
	return NULL;
}

/*
 * ktest.filter= takes any value, as KUnit's charp kunit.filter= does, and
 * keeps it as given (read back through get()); one the grammar refuses,
 * or one of 64 bytes or more (what it can keep), leaves the run refusing
 * to run: ktest_run() prints KUnit's "error filtering suites: -22", runs
 * nothing and returns failure. Setting the value it had puts it back.
 * ktest.filter_action= refuses what is not "skip" (an mmos strictness:
 * KUnit ignores other actions) and keeps its value. Called through the
 * ops, not parse_args(), with the console quiet: the log is small and
 * shared with the boot's (mm_init reads the boot's lines back).
 */
static void test_ktest_attr_filter_param(struct ktest *t)
{
	static const char *const bad[] = {
		"speed>slow", "design!=ture",
		"design!=true,design!=true,design!=true,design!=true,design!=true",	/* 64 */
	};
	static const char *const bad_action[] = { "run", "" };
	const struct kernel_param *kp = find_param("ktest.filter");
	const struct kernel_param *ka = find_param("ktest.filter_action");
	char before[64], after[64];

	ASSERT_NOT_NULL(t, kp);
	ASSERT_NOT_NULL(t, ka);
	kp->ops->get(before, sizeof(before), kp);
	ASSERT_EQ(t, ktest_filter_error(), 0);	/* this run's filter was taken */
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		bool quiet;
		u64 mark;
		unsigned int ran;

		EXPECT_EQ(t, kp->ops->set(bad[i], kp), 0);
		EXPECT_EQ(t, ktest_filter_error(), -EINVAL);
		kp->ops->get(after, sizeof(after), kp);
		EXPECT_EQ(t, strncmp(after, bad[i], sizeof(after) - 1), 0);
		mark = printk_log_mark();
		quiet = printk_console_quiet(true);
		/* not this case: were the refusal ignored, it would run again */
		ran = ktest_run("ktest_attr.test_ktest_attr_macros");
		printk_console_quiet(quiet);
		EXPECT_EQ(t, ran, 1);
		EXPECT_TRUE(t, printk_logged_since(mark, "ktest: error filtering suites: -22"));
		EXPECT_FALSE(t, printk_logged_since(mark, "KTAP version 1"));
		EXPECT_FALSE(t, printk_logged_since(mark, "# Subtest:"));
		EXPECT_EQ(t, kp->ops->set(before, kp), 0);	/* back as this run had it */
		EXPECT_EQ(t, ktest_filter_error(), 0);
		kp->ops->get(after, sizeof(after), kp);
		EXPECT_STREQ(t, after, before);
	}
	EXPECT_EQ(t, strlen(bad[2]), 64);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad_action); i++) {
		ka->ops->get(before, sizeof(before), ka);
		EXPECT_EQ(t, ka->ops->set(bad_action[i], ka), -EINVAL);
		ka->ops->get(after, sizeof(after), ka);
		EXPECT_STREQ(t, after, before);
	}
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
	KTEST_CASE(test_ktest_attr_filter_param),
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
