// SPDX-License-Identifier: MIT
/*
 * kernel/ktest.c - the test runner: select suites, run cases, print KTAP v1.
 *
 * Owns: the run (selection by ktest= globs and ktest.filter= on the cases'
 * attributes, per-case set-up and tear-down,
 * ASSERT's jump out of a case, the state each case gets afresh
 * (KTEST_CASE_STATE), the resource and report checks after each
 * case and around each suite: leaked counters, WARNs and Bad page state or
 * slab reports nobody declared, with the samples they compare)
 * and the output, line for line as KUnit prints it: version and plan at the
 * top, each suite as a subtest indented by 4 spaces, "# name: pass:..."
 * statistics, "# case.attr: value" for a case's attributes and the suite's
 * own "ok N name" at column 0.
 * Must not touch: what is tested; suites live in tests/ and register
 * themselves in the ktest_suites section.
 * Tests: every suite exercises it; tests/run parses what it prints.
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/string.h>
#include <mm/gfp.h>

/* Weak: a program with no suites (a fuzzer) has no such sections at all. */
extern const struct ktest_suite *const __start_ktest_suites[] __weak;
extern const struct ktest_suite *const __stop_ktest_suites[] __weak;
extern const struct ktest_resource *const __start_ktest_resources[] __weak;
extern const struct ktest_resource *const __stop_ktest_resources[] __weak;
extern const struct ktest_case_state *const __start_ktest_case_states[] __weak;
extern const struct ktest_case_state *const __stop_ktest_case_states[] __weak;

static char ktest_glob[256];
core_param_string(ktest, ktest_glob);

/*
 * ktest_nonce=: a word tools/grade picks at random for each run and finds
 * again in the summary line, so that a lab's student code that prints its
 * own "ok" lines and exits must also go looking for the word on purpose.
 */
static char ktest_nonce[64];
core_param_string(ktest_nonce, ktest_nonce);

struct stats {
	unsigned long pass, fail, skip;
};

static const char *case_indent = "    ";

/*** Case attributes and ktest.filter= (KUnit's kunit.filter=) ***/

/*
 * ktest.filter= is kept as text, as KUnit's charp kunit.filter= is, and
 * parsed when set; a value the grammar refuses is not a parameter error
 * that leaves every case to run (a typo such as design!=ture would bring
 * the design cases back unnoticed): as KUnit's executor does, the run then
 * prints why and runs nothing (ktest_run()).
 */
static struct ktest_filter filter;	/* from ktest.filter=; n == 0: every case */
static char filter_text[64];		/* as given, for get() and the reports */
static int filter_err;			/* 0, or -EINVAL: the value was refused */
static const char *filter_why;		/* then: KUnit's words for why */
static size_t filter_at;		/* and where in filter_text the item starts */
static bool filter_skip;		/* ktest.filter_action=skip */

static const char filter_ops_chars[] = "<>!=";	/* KUnit's op_list */

/*
 * The operator at the start of op, matched by prefix in int_filter()'s
 * order: "==" is "=", "=<" is "=", "<>" is "<"; "!" alone is none.
 */
static int filter_op(const char *op, enum ktest_filter_op *out)
{
	static const struct {
		const char *s;
		enum ktest_filter_op op;
	} ops[] = {
		{ "<=", KTEST_FILTER_LE }, { ">=", KTEST_FILTER_GE }, { "!=", KTEST_FILTER_NE },
		{ ">", KTEST_FILTER_GT }, { "<", KTEST_FILTER_LT }, { "=", KTEST_FILTER_EQ },
	};

	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strncmp(op, ops[i].s, strlen(ops[i].s))) {
			*out = ops[i].op;
			return 0;
		}
	return -EINVAL;
}

/*
 * One item, s[0..len): the attribute up to the first of "<>!=" (compared
 * whole, blanks and all, as KUnit's strcmp() does), the operator, and
 * from the first character that is no operator the value, which for a
 * bool is exactly "true" or "false".
 */
static const char *parse_item(const char *s, size_t len, enum ktest_filter_op *op, bool *value)
{
	size_t o = 0, v;

	while (o < len && !strchr(filter_ops_chars, s[o]))
		o++;
	if (o == 0 || o == len)
		return "filter operation not found";
	if (o != strlen("design") || strncmp(s, "design", o))
		return "attribute not found";
	for (v = o; v < len && strchr(filter_ops_chars, s[v]); v++)
		;
	if (v == len)
		return "filter value not found";
	if (len - v == 4 && !strncmp(s + v, "true", 4))
		*value = true;
	else if (len - v == 5 && !strncmp(s + v, "false", 5))
		*value = false;
	else
		return "invalid filter input";
	if (filter_op(s + o, op))
		return "invalid filter operation";
	return NULL;
}

int ktest_filter_parse(const char *s, struct ktest_filter *f, const char **why, size_t *at)
{
	struct ktest_filter out = { .n = 0 };
	const char *start = s, *err = NULL;

	while (*s && !err) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (out.n == KTEST_MAX_FILTERS)
			err = "too many filters";
		else
			err = parse_item(s, len, &out.f[out.n].op, &out.f[out.n].value);
		if (err)
			break;
		out.n++;
		if (!end)
			break;
		/* KUnit skips the blanks after a comma; one at the end ends the list */
		for (s = end + 1; *s == ' '; s++)
			;
	}
	if (err) {
		if (why)
			*why = err;
		if (at)
			*at = (size_t)(s - start);
		return -EINVAL;
	}
	*f = out;
	return 0;
}

/* KUnit's int_filter() on a bool: false is 0, true is 1. */
static bool filter_keeps(enum ktest_filter_op op, int val, int input)
{
	switch (op) {
	case KTEST_FILTER_LT: return val < input;
	case KTEST_FILTER_LE: return val <= input;
	case KTEST_FILTER_GT: return val > input;
	case KTEST_FILTER_GE: return val >= input;
	case KTEST_FILTER_EQ: return val == input;
	case KTEST_FILTER_NE: return val != input;
	}
	return false;
}

bool ktest_filter_match(const struct ktest_filter *f, const struct ktest_case *c)
{
	for (unsigned int i = 0; i < f->n; i++)
		if (!filter_keeps(f->f[i].op, c->attr.design, f->f[i].value))
			return false;
	return true;
}

/*
 * Any value is taken, as by KUnit's charp parameter, and the last one
 * given wins; what the grammar refuses, or one too long to keep, leaves
 * the run refusing to run (ktest_filter_error()).
 */
static int set_filter(const char *val, const struct kernel_param *kp)
{
	struct ktest_filter f = { .n = 0 };

	(void)kp;
	if (!val)
		val = "";
	strlcpy(filter_text, val, sizeof(filter_text));
	filter_at = 0;
	if (strlen(val) >= sizeof(filter_text)) {
		filter_why = "filter longer than 63 bytes";
		filter_err = -EINVAL;
	} else {
		filter_err = ktest_filter_parse(val, &f, &filter_why, &filter_at);
	}
	filter = f;	/* refused: filter nothing, ktest_run() runs nothing */
	return 0;
}

static int get_filter(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return scnprintf(buf, size, "%s", filter_text);
}

static const struct kernel_param_ops filter_ops = {
	set_filter, get_filter, "design OP true|false, OP one of = != < > <= >=, comma-separated"
};
core_param_named_cb(ktest_filter, "ktest.filter", filter_ops);

int ktest_filter_error(void)
{
	return filter_err;
}

/* KUnit's one filter action: list a filtered case as skipped. */
static int set_filter_action(const char *val, const struct kernel_param *kp)
{
	(void)kp;
	if (!val || strcmp(val, "skip"))
		return -EINVAL;
	filter_skip = true;
	return 0;
}

static int get_filter_action(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return scnprintf(buf, size, "%s", filter_skip ? "skip" : "");
}

static const struct kernel_param_ops filter_action_ops = {
	set_filter_action, get_filter_action, "skip"
};
core_param_named_cb(ktest_filter_action, "ktest.filter_action", filter_action_ops);

/* KUnit prints a case's attributes that are set, before its result line. */
static void print_attributes(const struct ktest_case *c)
{
	if (c->attr.design)
		printk(KERN_INFO "%s# %s.design: true\n", case_indent, c->name);
}


static bool is_literal(const char *s)
{
	if (*s == '-')
		s++;
	return (*s >= '0' && *s <= '9') || !strcmp(s, "NULL") || *s == '"';
}

static void report_failure_head(struct ktest *t, bool fatal, const char *file, int line)
{
	t->failed = true;
	printk(KERN_INFO "%s# %s: %s FAILED at %s:%d\n", case_indent, t->name,
	       fatal ? "ASSERTION" : "EXPECTATION", file, line);
}

void ktest_fail_binary(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		       const char *op, const char *right, long long lv, long long rv)
{
	bool quiet = printk_console_quiet(false);	/* a failure is always shown */

	report_failure_head(t, fatal, file, line);
	printk(KERN_INFO "%sExpected %s %s %s, but\n", case_indent, left, op, right);
	if (!is_literal(left))
		printk(KERN_INFO "%s    %s == %lld (0x%llx)\n", case_indent, left, lv,
		       (unsigned long long)lv);
	if (!is_literal(right))
		printk(KERN_INFO "%s    %s == %lld (0x%llx)\n", case_indent, right, rv,
		       (unsigned long long)rv);
	printk_console_quiet(quiet);
}

void ktest_fail_ptr(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		    const char *op, const char *right, const void *lv, const void *rv)
{
	bool quiet = printk_console_quiet(false);

	report_failure_head(t, fatal, file, line);
	printk(KERN_INFO "%sExpected %s %s %s, but\n", case_indent, left, op, right);
	if (!is_literal(left))
		printk(KERN_INFO "%s    %s == %p\n", case_indent, left, lv);
	if (!is_literal(right))
		printk(KERN_INFO "%s    %s == %p\n", case_indent, right, rv);
	printk_console_quiet(quiet);
}

void ktest_fail_str(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		    const char *op, const char *right, const char *lv, const char *rv)
{
	bool quiet = printk_console_quiet(false);

	report_failure_head(t, fatal, file, line);
	printk(KERN_INFO "%sExpected %s %s %s, but\n", case_indent, left, op, right);
	if (!is_literal(left))
		printk(KERN_INFO "%s    %s == \"%s\"\n", case_indent, left, lv);
	if (!is_literal(right))
		printk(KERN_INFO "%s    %s == \"%s\"\n", case_indent, right, rv);
	printk_console_quiet(quiet);
}

void ktest_fail_msg(struct ktest *t, bool fatal, const char *file, int line, const char *cond)
{
	bool quiet = printk_console_quiet(false);

	report_failure_head(t, fatal, file, line);
	printk(KERN_INFO "%sExpected %s, but is not\n", case_indent, cond);
	printk_console_quiet(quiet);
}

void ktest_abort(struct ktest *t)
{
	printk_console_quiet(false);	/* the case may end inside a quiet stretch */
	__builtin_longjmp(t->jmp, 1);
}

void ktest_info(struct ktest *t, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_INFO "%s# %s: %s\n", case_indent, t->name, buf);
}

void ktest_skip(struct ktest *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->skip_reason, sizeof(t->skip_reason), fmt, ap);
	va_end(ap);
	/* a bare "# SKIP " is ktest.filter_action=skip's own (tests/run reads it so) */
	if (!t->skip_reason[0])
		strlcpy(t->skip_reason, "(no reason given)", sizeof(t->skip_reason));
	t->skipped = true;
	ktest_abort(t);
}

/*
 * Does suite s (and case kase, when given) match one glob in list? A manual
 * suite matches only an item that names it with no wildcard.
 */
static bool selected(const char *list, const struct ktest_suite *s, const char *kase)
{
	char item[128];
	const char *p = list;

	while (*p) {
		size_t n = 0;
		char *dot;

		while (*p && *p != ',' && n + 1 < sizeof(item))
			item[n++] = *p++;
		item[n] = '\0';
		if (*p == ',')
			p++;
		dot = strchr(item, '.');
		if (dot)
			*dot = '\0';
		if (s->manual ? strcmp(item, s->name) != 0 : !glob_match(item, s->name))
			continue;
		if (!kase || !dot || glob_match(dot + 1, kase))
			return true;
	}
	return false;
}

/*
 * Is case c of s in the run: selected by glob and kept by ktest.filter=, or
 * filtered out with ktest.filter_action=skip (then listed as skipped)?
 */
static bool listed(const char *glob, const struct ktest_suite *s, const struct ktest_case *c)
{
	return selected(glob, s, c->name) && (filter_skip || ktest_filter_match(&filter, c));
}

/*** Leak checks ***/

struct counter {
	const struct ktest_resource *res;
	const void *key;
	unsigned long value;
	bool matched;			/* paired with a counter of the other sample */
	char label[KTEST_LABEL_LEN];
};

struct ktest_sample {
	const struct ktest_resource *res;	/* the one sampling now */
	unsigned int n;
	bool overflow;				/* counters were dropped */
	struct counter c[KTEST_MAX_COUNTERS];
};

/*
 * Static, as the check must not allocate what it measures: the suite's
 * baseline, the case's, and the sample compared with either.
 */
static struct ktest_sample suite_base, case_base, sample_now;

void ktest_counter(struct ktest_sample *smp, const void *key, const char *label,
		   unsigned long value)
{
	struct counter *c;

	if (smp->n == KTEST_MAX_COUNTERS) {
		smp->overflow = true;
		return;
	}
	c = &smp->c[smp->n++];
	*c = (struct counter){ .res = smp->res, .key = key, .value = value };
	strlcpy(c->label, label ? label : "", sizeof(c->label));
}

static void snapshot(struct ktest_sample *smp)
{
	smp->n = 0;
	smp->overflow = false;
	for (const struct ktest_resource *const *r = __start_ktest_resources;
	     r < __stop_ktest_resources; r++) {
		smp->res = *r;
		(*r)->sample(smp);
	}
	smp->res = NULL;
}

static bool same_counter(const struct counter *a, const struct counter *b)
{
	return a->res == b->res && a->key == b->key && !strcmp(a->label, b->label);
}

/*
 * The unpaired counter of smp that matches c, or NULL. Samplers report in
 * a stable order, so the search starts where the last one ended (*hint):
 * one comparison per counter unless something came or went.
 */
static struct counter *find_counter(struct ktest_sample *smp, const struct counter *c,
				    unsigned int *hint)
{
	for (unsigned int i = 0; i < smp->n; i++) {
		unsigned int j = (*hint + i) % smp->n;

		if (!smp->c[j].matched && same_counter(&smp->c[j], c)) {
			*hint = j + 1;
			return &smp->c[j];
		}
	}
	return NULL;
}

static void report_change(const char *indent, const char *who, const struct counter *c,
			  unsigned long before, unsigned long after)
{
	printk(KERN_INFO "%s# %s: %s%s%s not back to baseline: %lu before, %lu after (%+ld)\n",
	       indent, who, c->res->name, c->label[0] ? " in " : "", c->label, before, after,
	       (long)(after - before));
}

/*
 * Sample every resource and compare with base; report each counter that
 * moved (a counter missing on one side is 0 there). True if none did.
 */
static bool resources_back(const char *indent, const char *who, struct ktest_sample *base)
{
	struct ktest_sample *now = &sample_now;
	unsigned int hint = 0;
	bool ok = true;

	snapshot(now);
	for (unsigned int i = 0; i < base->n; i++)
		base->c[i].matched = false;
	for (unsigned int i = 0; i < now->n; i++) {
		struct counter *c = &now->c[i], *b = find_counter(base, c, &hint);
		unsigned long was = 0;

		if (b) {
			b->matched = true;
			was = b->value;
		}
		if (c->value != was) {
			report_change(indent, who, c, was, c->value);
			ok = false;
		}
	}
	for (unsigned int i = 0; i < base->n; i++) {
		if (!base->c[i].matched && base->c[i].value) {
			report_change(indent, who, &base->c[i], base->c[i].value, 0);
			ok = false;
		}
	}
	if (base->overflow || now->overflow) {
		printk(KERN_INFO "%s# %s: more than %u resource counters, the leak check is "
		       "incomplete: raise KTEST_MAX_COUNTERS (kernel/include/kernel/ktest.h)\n",
		       indent, who, KTEST_MAX_COUNTERS);
		ok = false;
	}
	return ok;
}

/* The bug reports the kernel survived: WARNs, and Bad page state or slab reports. */
struct reports {
	unsigned long warn, bad;
};

static struct reports reports_now(void)
{
	return (struct reports){ taint_count(TAINT_WARN), taint_count(TAINT_BAD_PAGE) };
}

/* Give the case a fresh copy of each registered state (start) or the run's back (!start). */
static void case_states(bool start)
{
	for (const struct ktest_case_state *const *p = __start_ktest_case_states;
	     p < __stop_ktest_case_states; p++)
		(start ? (*p)->start : (*p)->end)();
}

/*
 * Run one case; add the reports it made, expected or not, to *in_cases.
 * A report the case did not declare (EXPECT_WARN, EXPECT_BAD_PAGE and the
 * like) fails it, as a leak does.
 */
static void run_case(const struct ktest_suite *s, const struct ktest_case *c, unsigned int num,
		     struct stats *st, struct reports *in_cases)
{
	static struct ktest t;	/* static: __builtin_setjmp state outlives frames */
	struct reports r0, r;

	t = (struct ktest){ .name = c->name };
	snapshot(&case_base);
	r0 = reports_now();
	case_states(true);
	if (s->init && s->init(&t)) {
		ktest_info(&t, "init failed");
		t.failed = true;
	} else {
		if (__builtin_setjmp(t.jmp) == 0)
			c->run(&t);
		if (s->exit)
			s->exit(&t);
	}
	case_states(false);
	if (!resources_back(case_indent, t.name, &case_base))
		t.failed = true;	/* a skipped case too: it ran until it skipped */
	r = reports_now();
	r.warn -= r0.warn;
	r.bad -= r0.bad;
	in_cases->warn += r.warn;
	in_cases->bad += r.bad;
	if (r.warn > t.allowed_warnings) {
		ktest_info(&t, "%lu unexpected WARNING(s)", r.warn - t.allowed_warnings);
		t.failed = true;
	}
	if (r.bad > t.allowed_reports) {
		ktest_info(&t, "%lu unexpected Bad page state or slab report(s)",
			   r.bad - t.allowed_reports);
		t.failed = true;
	}
	if (t.skipped && t.failed)
		ktest_info(&t, "skipped (%s), but failed", t.skip_reason);
	print_attributes(c);
	if (t.skipped && !t.failed) {
		st->skip++;
		printk(KERN_INFO "%sok %u %s # SKIP %s\n", case_indent, num, c->name, t.skip_reason);
	} else if (t.failed) {
		st->fail++;
		printk(KERN_INFO "%snot ok %u %s\n", case_indent, num, c->name);
	} else {
		st->pass++;
		printk(KERN_INFO "%sok %u %s\n", case_indent, num, c->name);
	}
}

static void print_stats(const char *who, const struct stats *st)
{
	printk(KERN_INFO "# %s: pass:%lu fail:%lu skip:%lu total:%lu\n", who, st->pass, st->fail,
	       st->skip, st->pass + st->fail + st->skip);
}

/* Run one suite as subtest number num; returns false if it failed. */
static bool run_suite(const struct ktest_suite *s, unsigned int num, const char *glob,
		      struct stats *totals)
{
	struct stats st = { 0 };
	struct reports r0, in_cases = { 0, 0 }, hooks;
	unsigned int n = 0, i = 0;
	int init_err = 0;
	bool ok;

	for (const struct ktest_case *c = s->cases; c->run; c++)
		n += listed(glob, s, c);
	printk(KERN_INFO "%sKTAP version 1\n", case_indent);
	printk(KERN_INFO "%s# Subtest: %s\n", case_indent, s->name);
	printk(KERN_INFO "%s1..%u\n", case_indent, n);
	snapshot(&suite_base);
	r0 = reports_now();
	if (s->suite_init)
		init_err = s->suite_init();
	if (init_err)	/* KUnit's words; the suite fails, its cases are skipped */
		printk(KERN_INFO "%s# failed to initialize (%d)\n", case_indent, init_err);
	for (const struct ktest_case *c = s->cases; c->run; c++) {
		if (!listed(glob, s, c))
			continue;
		if (!ktest_filter_match(&filter, c)) {	/* ktest.filter_action=skip */
			/*
			 * KUnit's line for a case its filter skipped: the
			 * directive with an empty comment, so "# SKIP " and
			 * no reason (kunit_print_ok_not_ok(), v6.12)
			 */
			st.skip++;
			print_attributes(c);
			printk(KERN_INFO "%sok %u %s # SKIP \n", case_indent, ++i, c->name);
			continue;
		}
		if (init_err) {
			st.skip++;
			printk(KERN_INFO "%sok %u %s # SKIP suite init failed (%d)\n", case_indent, ++i,
			       c->name, init_err);
			continue;
		}
		run_case(s, c, ++i, &st, &in_cases);
	}
	if (s->suite_exit && !init_err)
		s->suite_exit();
	ok = resources_back("", s->name, &suite_base) && !st.fail && !init_err;
	hooks = reports_now();
	hooks.warn -= r0.warn + in_cases.warn;
	hooks.bad -= r0.bad + in_cases.bad;
	if (hooks.warn || hooks.bad) {
		printk(KERN_INFO "# %s: %lu WARNING(s) and %lu Bad page state or slab report(s) "
		       "outside its cases\n", s->name, hooks.warn, hooks.bad);
		ok = false;
	}
	if (n > 1) {
		print_stats(s->name, &st);
		print_stats("Totals", &st);	/* KUnit: including parameter cases */
	}
	totals->pass += st.pass;
	totals->fail += st.fail;
	totals->skip += st.skip;
	if (ok && st.skip == n && n)
		printk(KERN_INFO "ok %u %s # SKIP all cases skipped\n", num, s->name);
	else
		printk(KERN_INFO "%s %u %s\n", ok ? "ok" : "not ok", num, s->name);
	return ok;
}

/* How many of s's cases glob selects and ktest.filter= lists. */
static unsigned int selected_cases(const char *glob, const struct ktest_suite *s)
{
	unsigned int n = 0;

	for (const struct ktest_case *c = s->cases; c->run; c++)
		n += listed(glob, s, c);
	return n;
}

/* How many suites glob selects at least one case of. */
unsigned int ktest_nr_selected(const char *glob)
{
	unsigned int n = 0;

	for (const struct ktest_suite *const *s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		n += selected_cases(glob, *s) != 0;
	return n;
}

bool ktest_glob_matches(const char *glob)
{
	for (const struct ktest_suite *const *s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		for (const struct ktest_case *c = (*s)->cases; c->run; c++)
			if (selected(glob, *s, c->name))
				return true;
	return false;
}

/*
 * A suite runs when glob selects at least one of its cases. A glob that
 * selects nothing is a mistake (a misspelt or renamed suite), not a pass:
 * it prints no KTAP, only the one line that says so.
 */
unsigned int ktest_run(const char *glob)
{
	struct stats totals = { 0 };
	unsigned int nsuites, num = 0, failed_suites = 0, failed;

	if (filter_err) {	/* KUnit's executor: the reason, then nothing runs */
		printk(KERN_ERR "ktest: %s: %s\n", filter_why, filter_text + filter_at);
		printk(KERN_ERR "ktest: error filtering suites: %d\n", filter_err);
		return 1;
	}
	nsuites = ktest_nr_selected(glob);
	if (!nsuites) {
		printk(KERN_INFO "ktest: no suite matches '%s'%s%s\n", glob,
		       filter.n ? " with ktest.filter=" : "", filter_text);
		return 1;
	}
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%u\n", nsuites);
	for (const struct ktest_suite *const *s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (selected_cases(glob, *s))
			failed_suites += !run_suite(*s, ++num, glob, &totals);
	printk(KERN_INFO "ktest: %u suites, pass:%lu fail:%lu skip:%lu%s%s\n", nsuites, totals.pass,
	       totals.fail, totals.skip, ktest_nonce[0] ? " nonce:" : "", ktest_nonce);
	failed = (unsigned int)totals.fail + failed_suites;
	printk(KERN_INFO "ktest: %s\n", failed ? "FAILED" : "all passed");
	return failed;
}

void ktest_list(void)
{
	for (const struct ktest_suite *const *s = __start_ktest_suites; s < __stop_ktest_suites;
	     s++) {
		unsigned int n = 0;

		for (const struct ktest_case *c = (*s)->cases; c->run; c++)
			n++;
		printk("%-24s %u cases%s\n", (*s)->name, n, (*s)->manual ? " (manual)" : "");
	}
}

bool ktest_requested(void)
{
	return ktest_glob[0] != '\0';
}

void ktest_run_and_exit(void)
{
	if (!strcmp(ktest_glob, "list")) {
		ktest_list();
		machine_exit(EXIT_TESTS_PASSED);
	}
	machine_exit(ktest_run(ktest_glob) ? EXIT_TESTS_FAILED : EXIT_TESTS_PASSED);
}
