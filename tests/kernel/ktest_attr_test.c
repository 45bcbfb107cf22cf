// SPDX-License-Identifier: MIT
/*
 * tests/kernel/ktest_attr_test.c - case attributes and ktest.filter=.
 *
 * The parser and the match of kernel/ktest.c against KUnit's grammar for a
 * boolean attribute (lib/kunit/attributes.c: the attribute, then one of
 * "<>!=", then the value; "=" and "!=" for a bool), each expectation worked
 * out here from that grammar; the parameters, which turn a refused value
 * down and keep theirs (parse_args() then reports it in one line naming
 * it, which tests/run checks on the command line). The run itself (the
 * "# case.design: true" line, filtered cases left out or skipped) is judged
 * by tests/run's judge_design() on every KTAP log, and on the filtered
 * configurations host-x86_64-invariants, host-x86_64-design-skip and
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
 * The parameters themselves refuse what the grammar refuses (-EINVAL, for
 * parse_args() to report in one line naming the value: tests/run's
 * host-x86_64-filter-refused checks that line) and keep their value,
 * read back through get() before and after. Called directly, not through
 * parse_args(): its report would go to the log, which is small and shared
 * with the boot's (mm_init reads the boot's lines back).
 */
static void test_ktest_attr_filter_param_refused(struct ktest *t)
{
	static const struct {
		const char *param, *value;
	} bad[] = {
		{ "ktest.filter", "speed>slow" },
		{ "ktest.filter", "design=maybe" },
		{ "ktest.filter_action", "run" },
		{ "ktest.filter_action", "" },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		const struct kernel_param *kp = find_param(bad[i].param);
		char before[64], after[64];

		ASSERT_NOT_NULL(t, kp);
		kp->ops->get(before, sizeof(before), kp);
		EXPECT_EQ(t, kp->ops->set(bad[i].value, kp), -EINVAL);
		kp->ops->get(after, sizeof(after), kp);
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
