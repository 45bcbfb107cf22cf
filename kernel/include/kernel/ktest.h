/* SPDX-License-Identifier: MIT */
/*
 * kernel/ktest.h - in-kernel self-tests in the KUnit manner, reported as KTAP.
 *
 * A suite is an array of cases plus optional hooks, registered with
 * KTEST_SUITE() from its own file under tests/:
 *
 *     static void test_printk_widths(struct ktest *t)
 *     {
 *             EXPECT_STREQ(t, buf, "  42");
 *     }
 *     static struct ktest_case printk_cases[] = { KTEST_CASE(test_printk_widths), {} };
 *     static struct ktest_suite printk_suite = { .name = "printk", .cases = printk_cases };
 *     KTEST_SUITE(printk_suite);
 *
 * EXPECT_* records a failure and goes on; ASSERT_* records it and ends the
 * case. A failure prints "# <case>: EXPECTATION FAILED at file:line" and
 * both values, as KUnit does. After each case, skipped ones included, the
 * core checks that every counter of every registered resource (below) is
 * back at its baseline, and that no WARN and no Bad page state or slab
 * report (taint W, taint B) came that the case did not declare; any of
 * these makes the case fail. The resources are checked again around each
 * suite, from before suite_init to after suite_exit: a leak of the suite's
 * hooks fails the suite, and so does a case's leak nothing gave back by
 * then (reported with the case, and again with the suite). ktest= selects
 * suites by glob: "printk", "mm_*", "traps.test_traps_nx*", several
 * separated by commas; "*" runs all but the manual suites (named in full
 * only); ktest=list prints every suite.
 *
 * A case may carry attributes, as KUnit's do (lib/kunit/attributes.c). mmos
 * has one, design: the case checks one of mmos's own design choices
 * (per-CPU list order, the exact pfn or address a request gets, mmos-only
 * report text), not an invariant every correct implementation keeps
 * (alignment, the zone GFP allows, counters back at baseline, no overlap,
 * Linux's formulas and formats, a function's stated contract such as the
 * pages expand()'s caller keeps). Such a case is
 * declared with KTEST_CASE_DESIGN(fn) and its result is preceded by KUnit's
 * attribute line "# <case>.design: true". The boot parameter ktest.filter=
 * (KUnit's kunit.filter=) keeps only the cases whose attributes match:
 * "design=false" or "design!=true" runs the invariants alone, so code built
 * another valid way is judged by them only. ktest.filter_action=skip lists
 * the filtered cases as skipped (KUnit's bare "# SKIP ") instead of leaving
 * them out; a refused filter runs nothing (struct ktest_filter below).
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <kernel/compiler.h>
#include <kernel/printk.h>

struct ktest {
	const char *name;
	bool failed;
	bool skipped;
	char skip_reason[96];
	void *jmp[5];			/* __builtin_setjmp buffer for ASSERT */
	unsigned long allowed_warnings;
	/* "BUG: Bad page state" and slab reports (taint B) the case expects */
	unsigned long allowed_reports;
	void *priv;			/* for the suite's init/exit hooks */
};

/* A case's attributes (KUnit's struct kunit_attributes); zero is the default. */
struct ktest_attributes {
	bool design;		/* checks an mmos design choice, not an invariant */
};

struct ktest_case {
	void (*run)(struct ktest *t);
	const char *name;
	struct ktest_attributes attr;
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases;	/* ends with an empty entry */
	int (*suite_init)(void);	/* non-zero: the suite fails, its cases skip */
	void (*suite_exit)(void);
	int (*init)(struct ktest *t);	/* before each case; non-zero fails it */
	void (*exit)(struct ktest *t);	/* after each case */
	/*
	 * Selected only by its exact name, never by a glob: for suites whose
	 * expected result is failure (they prove that a check fires).
	 */
	bool manual;
};

/*
 * Leak checks. A resource is something a case must give back. Its sample()
 * reports the resource's counters, one ktest_counter() call each:
 *
 *   key     what the counter belongs to (a zone, a cache), to match it in
 *           two samples; NULL for a resource with one counter
 *   label   what the report calls it ("zone Normal", "kmalloc-64", or "");
 *           with the key, it identifies the counter (at most
 *           KTEST_LABEL_LEN - 1 characters are kept)
 *   value   the count
 *
 * A counter one sample lacks counts as 0 there: a sampler may leave out
 * zeros, and a cache created during a case and never destroyed shows as
 * a counter going from 0 to 1. Every counter that differs is reported:
 *
 *     # test_x: slab objects in kmalloc-64 not back to baseline: 3 before, 4 after (+1)
 *
 * sample() may settle its own state first (drain per-CPU lists, flush
 * caches: the same before and after) but must not allocate. The samples
 * live in static storage of KTEST_MAX_COUNTERS counters; more fails the
 * check with a message saying so. A subsystem registers its resource with
 * one line next to the sampling function, e.g.
 *
 *     static void sample_vmap_areas(struct ktest_sample *smp)
 *     {
 *             ktest_counter(smp, NULL, "", nr_vmap_areas());
 *     }
 *     KTEST_RESOURCE("vmalloc areas", sample_vmap_areas);
 *
 * Registered today (tests/kernel/mm_checks.c): free pages per zone, live
 * slab objects per cache, quarantined slab objects per cache, users of each
 * slab cache, large kmalloc pages, kmap_local slots and kmap slots, vmalloc
 * areas and pages, DMA coherent allocations and streaming mappings,
 * swiotlb slots and dma_pool blocks.
 */
#define KTEST_MAX_COUNTERS	512
#define KTEST_LABEL_LEN		32

struct ktest_sample;

struct ktest_resource {
	const char *name;			/* "free pages": reported as "<name> in <label>" */
	void (*sample)(struct ktest_sample *smp);
};

/* Report one counter of the resource being sampled (from its sample() only). */
void ktest_counter(struct ktest_sample *smp, const void *key, const char *label,
		   unsigned long value);

/*
 * State every case starts afresh, as a case of its own would on a fresh
 * boot, and that the run gets back after it: Linux's bad_page() rate-limit
 * window, so that one case's reports cannot use up a burst another case's
 * reports need printed. start() puts the run's state aside and installs a
 * fresh one; end() puts the run's back. Both run around the case's init,
 * body and exit, whether the body returned or an ASSERT jumped out. One
 * line next to the functions registers a state, e.g. (tests/kernel/mm_checks.c)
 *
 *     KTEST_CASE_STATE("bad_page rate limit", fresh_bad_page_window,
 *                      run_bad_page_window_back);
 */
struct ktest_case_state {
	const char *name;
	void (*start)(void);
	void (*end)(void);
};

#define KTEST_CASE_STATE(name_, start_, end_) \
	static const struct ktest_case_state __ktest_state_##start_ = { (name_), (start_), (end_) }; \
	static const struct ktest_case_state *const __ktest_statep_##start_ __used \
	__section("ktest_case_states") __aligned(sizeof(void *)) = &__ktest_state_##start_

#define KTEST_CASE(fn)	{ .run = (fn), .name = #fn }
#define KTEST_CASE_ATTR(fn, attributes)	{ .run = (fn), .name = #fn, .attr = attributes }
#define KTEST_CASE_DESIGN(fn)	{ .run = (fn), .name = #fn, .attr.design = true }
#define KTEST_SUITE(s) \
	static const struct ktest_suite *const __ktest_suite_##s __used \
	__section("ktest_suites") __aligned(sizeof(void *)) = &(s)
#define KTEST_RESOURCE(name_, sample_) \
	static const struct ktest_resource __ktest_res_##sample_ = { (name_), (sample_) }; \
	static const struct ktest_resource *const __ktest_resp_##sample_ __used \
	__section("ktest_resources") __aligned(sizeof(void *)) = &__ktest_res_##sample_

/* Failure reporting (used by the macros). */
void ktest_fail_binary(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		       const char *op, const char *right, long long lv, long long rv);
void ktest_fail_ptr(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		    const char *op, const char *right, const void *lv, const void *rv);
void ktest_fail_str(struct ktest *t, bool fatal, const char *file, int line, const char *left,
		    const char *op, const char *right, const char *lv, const char *rv);
void ktest_fail_msg(struct ktest *t, bool fatal, const char *file, int line, const char *cond);
__noreturn void ktest_abort(struct ktest *t);
__printf(2, 3) void ktest_info(struct ktest *t, const char *fmt, ...);
/* Mark the case skipped and end it. */
__noreturn __printf(2, 3) void ktest_skip(struct ktest *t, const char *fmt, ...);

#define __KTEST_BINARY(t, fatal, l, op, r) do { \
	long long __l = (long long)(l), __r = (long long)(r); \
	if (!(__l op __r)) { \
		ktest_fail_binary((t), (fatal), __FILE__, __LINE__, #l, #op, #r, __l, __r); \
		if (fatal) \
			ktest_abort(t); \
	} \
} while (0)

#define __KTEST_UBINARY(t, fatal, l, op, r) do { \
	unsigned long long __l = (unsigned long long)(l), __r = (unsigned long long)(r); \
	if (!(__l op __r)) { \
		ktest_fail_binary((t), (fatal), __FILE__, __LINE__, #l, #op, #r, (long long)__l, \
				  (long long)__r); \
		if (fatal) \
			ktest_abort(t); \
	} \
} while (0)

#define __KTEST_PTR(t, fatal, l, op, r) do { \
	const void *__l = (const void *)(l), *__r = (const void *)(r); \
	if (!(__l op __r)) { \
		ktest_fail_ptr((t), (fatal), __FILE__, __LINE__, #l, #op, #r, __l, __r); \
		if (fatal) \
			ktest_abort(t); \
	} \
} while (0)

#define __KTEST_STR(t, fatal, l, op, r) do { \
	const char *__l = (l), *__r = (r); \
	if (!(strcmp(__l, __r) op 0)) { \
		ktest_fail_str((t), (fatal), __FILE__, __LINE__, #l, #op, #r, __l, __r); \
		if (fatal) \
			ktest_abort(t); \
	} \
} while (0)

#define __KTEST_TRUE(t, fatal, cond, str) do { \
	if (!(cond)) { \
		ktest_fail_msg((t), (fatal), __FILE__, __LINE__, str); \
		if (fatal) \
			ktest_abort(t); \
	} \
} while (0)

/* Signed comparisons */
#define EXPECT_EQ(t, l, r)	__KTEST_BINARY(t, false, l, ==, r)
#define EXPECT_NE(t, l, r)	__KTEST_BINARY(t, false, l, !=, r)
#define EXPECT_LT(t, l, r)	__KTEST_BINARY(t, false, l, <, r)
#define EXPECT_LE(t, l, r)	__KTEST_BINARY(t, false, l, <=, r)
#define EXPECT_GT(t, l, r)	__KTEST_BINARY(t, false, l, >, r)
#define EXPECT_GE(t, l, r)	__KTEST_BINARY(t, false, l, >=, r)
#define ASSERT_EQ(t, l, r)	__KTEST_BINARY(t, true, l, ==, r)
#define ASSERT_NE(t, l, r)	__KTEST_BINARY(t, true, l, !=, r)
#define ASSERT_LT(t, l, r)	__KTEST_BINARY(t, true, l, <, r)
#define ASSERT_LE(t, l, r)	__KTEST_BINARY(t, true, l, <=, r)
#define ASSERT_GT(t, l, r)	__KTEST_BINARY(t, true, l, >, r)
#define ASSERT_GE(t, l, r)	__KTEST_BINARY(t, true, l, >=, r)
/* Unsigned comparisons (addresses, u64 values above LLONG_MAX) */
#define EXPECT_ULT(t, l, r)	__KTEST_UBINARY(t, false, l, <, r)
#define EXPECT_ULE(t, l, r)	__KTEST_UBINARY(t, false, l, <=, r)
#define EXPECT_UGE(t, l, r)	__KTEST_UBINARY(t, false, l, >=, r)
#define EXPECT_UGT(t, l, r)	__KTEST_UBINARY(t, false, l, >, r)
/* Pointers */
#define EXPECT_PTR_EQ(t, l, r)	__KTEST_PTR(t, false, l, ==, r)
#define EXPECT_PTR_NE(t, l, r)	__KTEST_PTR(t, false, l, !=, r)
#define EXPECT_NULL(t, p)	__KTEST_PTR(t, false, p, ==, NULL)
#define EXPECT_NOT_NULL(t, p)	__KTEST_PTR(t, false, p, !=, NULL)
#define ASSERT_NULL(t, p)	__KTEST_PTR(t, true, p, ==, NULL)
#define ASSERT_NOT_NULL(t, p)	__KTEST_PTR(t, true, p, !=, NULL)
/* Strings */
#define EXPECT_STREQ(t, l, r)	__KTEST_STR(t, false, l, ==, r)
#define EXPECT_STRNEQ(t, l, r)	__KTEST_STR(t, false, l, !=, r)
#define ASSERT_STREQ(t, l, r)	__KTEST_STR(t, true, l, ==, r)
/* Conditions */
#define EXPECT_TRUE(t, c)	__KTEST_TRUE(t, false, c, #c " is true")
#define EXPECT_FALSE(t, c)	__KTEST_TRUE(t, false, !(c), #c " is false")
#define ASSERT_TRUE(t, c)	__KTEST_TRUE(t, true, c, #c " is true")
#define ASSERT_FALSE(t, c)	__KTEST_TRUE(t, true, !(c), #c " is false")

unsigned long warn_count(void);

/*
 * Run stmt, which must WARN exactly n times (EXPECT_WARN: once); up to n of
 * its warnings are then expected and do not fail the case. Any other number
 * fails it, naming stmt and the count; warnings beyond n also count as
 * unexpected. The console is quiet while stmt runs (its reports stay in the
 * log for printk_logged_since()); a failed expectation is always printed.
 * Each macro hands stmt to no other macro, so stmt may itself be one.
 */
#define EXPECT_WARNS(t, stmt, n) do { \
	struct ktest_count __kw = ktest_count_begin(warn_count); \
	stmt; \
	ktest_count_end((t), &__kw, (n), &(t)->allowed_warnings, __FILE__, __LINE__, \
			"WARNINGs from " #stmt, #n); \
} while (0)
#define EXPECT_WARN(t, stmt) do { \
	struct ktest_count __kw = ktest_count_begin(warn_count); \
	stmt; \
	ktest_count_end((t), &__kw, 1, &(t)->allowed_warnings, __FILE__, __LINE__, \
			"WARNINGs from " #stmt, "1"); \
} while (0)

/*
 * The two halves of EXPECT_WARNS(), and of the macros that expect other
 * reports the same way (EXPECT_BAD_PAGE in tests/kernel/mm_checks.h):
 * ktest_count_begin() notes count() (reports of one kind since boot) and
 * the log position, and quiets the console; ktest_count_end() gives the
 * console its state back, declares up to want of the new reports in
 * *allowed (t->allowed_warnings or t->allowed_reports, which the check
 * after the case reads), and fails the case unless exactly want came.
 * Returns whether they did. mark lets the caller read what stmt logged.
 */
struct ktest_count {
	unsigned long (*count)(void);
	unsigned long c0;
	u64 mark;
	bool quiet;
};

static inline struct ktest_count ktest_count_begin(unsigned long (*count)(void))
{
	struct ktest_count c = { count, count(), printk_log_mark(), printk_console_quiet(true) };

	return c;
}

static inline bool ktest_count_end(struct ktest *t, const struct ktest_count *c,
				   unsigned long want, unsigned long *allowed, const char *file,
				   int line, const char *what, const char *n)
{
	unsigned long got = c->count() - c->c0;

	printk_console_quiet(c->quiet);
	*allowed += got < want ? got : want;
	if (got != want)
		ktest_fail_binary(t, false, file, line, what, "==", n, (long long)got,
				  (long long)want);
	return got == want;
}

/*
 * A parsed ktest.filter= value: comparisons, all of which a case must
 * satisfy. The grammar is KUnit's (lib/kunit/attributes.c, v6.12:
 * kunit_next_attr_filter(), attr_bool_filter(), int_filter()) for its one
 * bool attribute: items separated by commas, the blanks after a comma
 * skipped and a comma at the end ignored; in each, the attribute is what
 * comes before the first of "<>!=" and must be exactly "design" (no blanks
 * around it), the operator is "=", "!=", "<", ">", "<=" or ">=" (matched by
 * prefix, so "==" is "="), and the value, after the last operator
 * character, exactly "true" or "false". A bool compares as 0 or 1, so
 * "design<true" keeps what "design=false" keeps. An empty value filters
 * nothing. KTEST_MAX_FILTERS is more than the 63 bytes ktest.filter= keeps
 * can hold ("design=true," is 12), so it never refuses a value.
 */
#define KTEST_MAX_FILTERS	6

enum ktest_filter_op {
	KTEST_FILTER_LT, KTEST_FILTER_LE, KTEST_FILTER_GT, KTEST_FILTER_GE,
	KTEST_FILTER_EQ, KTEST_FILTER_NE,
};

struct ktest_filter {
	unsigned int n;
	struct {
		enum ktest_filter_op op;
		bool value;
	} f[KTEST_MAX_FILTERS];
};

/*
 * Parse s into *f: 0, or -EINVAL with *f unchanged, *why (if not NULL) set
 * to KUnit's words for the reason ("attribute not found", "invalid filter
 * input", ...) and *at (if not NULL) to the offset of the refused item.
 * Prints nothing.
 */
int ktest_filter_parse(const char *s, struct ktest_filter *f, const char **why, size_t *at);
/* Does case c satisfy every comparison of f (an empty filter: yes)? */
bool ktest_filter_match(const struct ktest_filter *f, const struct ktest_case *c);
/*
 * 0, or -EINVAL when the last ktest.filter= given was refused (by the
 * grammar, or 64 bytes or longer): then ktest_run() runs nothing.
 */
int ktest_filter_error(void);

/* ktest= was given on the command line. */
bool ktest_requested(void);
/*
 * ktest=list: print the list and exit QEMU with EXIT_TESTS_PASSED. Any other
 * ktest=GLOB: ktest_run(GLOB), then exit with EXIT_TESTS_PASSED if it
 * returned 0, else EXIT_TESTS_FAILED.
 */
__noreturn void ktest_run_and_exit(void);
/*
 * Run the suites glob selects (the command line, the shell, mmos-host):
 * KTAP v1, then "ktest: N suites, pass:.. fail:.. skip:.." and a last line
 * "ktest: all passed" or "ktest: FAILED". A glob that selects no case (that
 * ktest.filter= keeps) prints only "ktest: no suite matches 'GLOB'" (and
 * " with ktest.filter=..."). A refused ktest.filter= runs nothing, as
 * KUnit's executor does: two lines, "ktest: REASON: ITEM" and "ktest: error
 * filtering suites: -22". Returns 0 when every selected case and suite
 * passed, else the number of failed cases and suites (1 when nothing
 * matched or the filter was refused).
 */
unsigned int ktest_run(const char *glob);
/* How many suites GLOB and ktest.filter= select (0: ktest_run() would only say so). */
unsigned int ktest_nr_selected(const char *glob);
/* Does GLOB select any case at all, whatever ktest.filter= keeps? */
bool ktest_glob_matches(const char *glob);
/* Print the registered suites, one per line: name, cases, "(manual)". */
void ktest_list(void);

#endif
