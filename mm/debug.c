// SPDX-License-Identifier: MIT
/*
 * mm/debug.c - how mm/ names what it reports, as Linux's mm/debug.c: the
 * GFP flag names (Linux's %pGg table) and the "BUG: Bad page state" report.
 *
 * Owns: the table of flag names and its order, the one parser of flags
 * written as in Linux (the shell's and the tests'), the count of bad-page
 * reports since boot, the reports' wording and the reasons they give, and
 * what is wrong with the arguments of a __free_pages() call. page_alloc.c's
 * checks decide that a page is bad (cheaply, in one test); this file finds
 * which page and why, and says so.
 * Must not touch: free lists, page state.
 * Tests: tests/kernel/gfp_test.c (flag names, the parser), tests/kernel/page_alloc_test.c
 * and tests/kernel/compound_test.c (the reports).
 */
#include <kernel/bug.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "internal.h"

static unsigned long nr_bad_pages;

/*
 * Linux's bad_page() keeps a run of broken pages from burying the log: a
 * burst of 60 reports is printed, then the rest of that minute's reports
 * are only counted, and the first report after the minute is preceded by
 * "BUG: Bad page state: N messages suppressed" (pr_alert, on the console).
 * One window for the whole boot, as Linux's statics; the ktest harness
 * gives each case a fresh one and the boot's back after (tests/kernel/
 * mm_checks.c), and attributes reports to cases by bad_page_count(), not by
 * what printed.
 * Every report is counted (bad_page_count(), the taint) printed or not.
 */
#define BAD_PAGE_BURST		60
#define BAD_PAGE_INTERVAL	(60 * HZ)

static struct bad_page_ratelimit_state bad_page_rs;

/* Whether this report may print; says how many were held back first. */
bool bad_page_ratelimit(void)
{
	if (bad_page_rs.nr_shown == BAD_PAGE_BURST) {
		if ((long)(jiffies - bad_page_rs.resume) < 0) {
			bad_page_rs.nr_unshown++;
			return false;
		}
		if (bad_page_rs.nr_unshown) {
			pr_alert("BUG: Bad page state: %lu messages suppressed\n",
				 bad_page_rs.nr_unshown);
			bad_page_rs.nr_unshown = 0;
		}
		bad_page_rs.nr_shown = 0;
	}
	if (bad_page_rs.nr_shown++ == 0)
		bad_page_rs.resume = jiffies + BAD_PAGE_INTERVAL;
	return true;
}

/* Tests only: exchange the limiter's state with *rs (a window of their own, then the boot's back). */
void bad_page_ratelimit_swap(struct bad_page_ratelimit_state *rs)
{
	struct bad_page_ratelimit_state tmp = bad_page_rs;

	bad_page_rs = *rs;
	*rs = tmp;
}

/*
 * Linux 6.12's %pGg table, __def_gfpflag_names in include/trace/events/mmflags.h
 * as v6.12 has it: the composites, most bits first; then the single bits in
 * the order that file lists them by hand, which is not bit order (the zone
 * bits as GFP_DMA, __GFP_HIGHMEM, GFP_DMA32; __GFP_RECLAIM after __GFP_WRITE).
 * An entry prints when all its bits are still set, and takes them. Bit order
 * with __GFP_RECLAIM moved up is 6.15's (ca29a0bf1221, "tracing: gfp: Remove
 * duplication of recording GFP flags"), not 6.12's: docs/gfp-flags.md.
 * 6.12's KASAN-only names (__GFP_SKIP_ZERO, __GFP_SKIP_KASAN) have no bit here.
 */
#define GFP_TRANSHUGE_LIGHT	((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | \
				  __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE		(GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)
#define GFP_NAME(f)		{ f, #f }

struct gfp_name {
	gfp_t mask;
	const char *name;
};

static const struct gfp_name gfp_names[] = {
	GFP_NAME(GFP_TRANSHUGE), GFP_NAME(GFP_TRANSHUGE_LIGHT), GFP_NAME(GFP_HIGHUSER_MOVABLE),
	GFP_NAME(GFP_HIGHUSER), GFP_NAME(GFP_USER), GFP_NAME(GFP_KERNEL_ACCOUNT),
	GFP_NAME(GFP_KERNEL), GFP_NAME(GFP_NOFS), GFP_NAME(GFP_ATOMIC), GFP_NAME(GFP_NOIO),
	GFP_NAME(GFP_NOWAIT), GFP_NAME(GFP_DMA), GFP_NAME(__GFP_HIGHMEM), GFP_NAME(GFP_DMA32),
	GFP_NAME(__GFP_HIGH), GFP_NAME(__GFP_IO), GFP_NAME(__GFP_FS), GFP_NAME(__GFP_NOWARN),
	GFP_NAME(__GFP_RETRY_MAYFAIL), GFP_NAME(__GFP_NOFAIL), GFP_NAME(__GFP_NORETRY),
	GFP_NAME(__GFP_COMP), GFP_NAME(__GFP_ZERO), GFP_NAME(__GFP_NOMEMALLOC),
	GFP_NAME(__GFP_MEMALLOC), GFP_NAME(__GFP_HARDWALL), GFP_NAME(__GFP_THISNODE),
	GFP_NAME(__GFP_RECLAIMABLE), GFP_NAME(__GFP_MOVABLE), GFP_NAME(__GFP_ACCOUNT),
	GFP_NAME(__GFP_WRITE), GFP_NAME(__GFP_RECLAIM), GFP_NAME(__GFP_DIRECT_RECLAIM),
	GFP_NAME(__GFP_KSWAPD_RECLAIM), GFP_NAME(__GFP_ZEROTAGS),
};

/*
 * Names the parser also takes though %pGg never prints them: the zone bits
 * as Linux's sources spell them in a mask (GFP_KERNEL|__GFP_DMA32); the table
 * above names those bits GFP_DMA and GFP_DMA32.
 */
static const struct gfp_name gfp_parse_only[] = {
	GFP_NAME(__GFP_DMA), GFP_NAME(__GFP_DMA32),
};

int format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	size_t n = 0;
	gfp_t left = gfp;

	buf[0] = '\0';
	if (!gfp)
		return scnprintf(buf, size, "none");
	for (size_t i = 0; i < ARRAY_SIZE(gfp_names) && left; i++) {
		if ((left & gfp_names[i].mask) != gfp_names[i].mask)
			continue;
		n += (size_t)scnprintf(buf + n, size - n, "%s%s", n ? "|" : "", gfp_names[i].name);
		left &= ~gfp_names[i].mask;
	}
	if (left)
		n += (size_t)scnprintf(buf + n, size - n, "%s%#x", n ? "|" : "", left);
	return (int)n;
}

bool mm_trace_enabled;
static unsigned long mm_trace_lines;

bool mm_trace_set(bool on)
{
	bool was = mm_trace_enabled;

	mm_trace_enabled = on;
	return was;
}

unsigned long mm_trace_count(void)
{
	return mm_trace_lines;
}

void mm_trace(const char *fmt, ...)
{
	char line[200];
	va_list ap;

	mm_trace_lines++;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	printk(KERN_INFO "trace: %s\n", line);
}

/* A word of a flags expression: a name of the tables above, or a number. */
static int parse_gfp_word(const char *w, size_t len, gfp_t *out)
{
	char num[24];
	unsigned long v;

	for (size_t i = 0; i < ARRAY_SIZE(gfp_names) + ARRAY_SIZE(gfp_parse_only); i++) {
		const struct gfp_name *n = i < ARRAY_SIZE(gfp_names) ? &gfp_names[i] :
					   &gfp_parse_only[i - ARRAY_SIZE(gfp_names)];

		if (strlen(n->name) == len && !strncmp(n->name, w, len)) {
			*out = n->mask;
			return 0;
		}
	}
	if (!len || len >= sizeof(num) || w[0] < '0' || w[0] > '9')
		return -EINVAL;
	memcpy(num, w, len);
	num[len] = '\0';
	if (kstrtoul(num, 0, &v) || v >> __GFP_BITS_SHIFT)
		return -EINVAL;	/* not a number, or bits no flag has */
	*out = (gfp_t)v;
	return 0;
}

static bool gfp_space(char c)
{
	return c == ' ' || c == '\t';
}

int parse_gfp_flags(const char *s, gfp_t *out)
{
	gfp_t gfp = 0;

	while (gfp_space(*s))
		s++;
	if (!strcmp(s, "none") || !strncmp(s, "none ", 5) || !strncmp(s, "none\t", 5)) {
		for (s += 4; gfp_space(*s); s++)
			;
		if (*s)
			return -EINVAL;
		*out = 0;
		return 0;
	}
	for (;;) {
		const char *w, *end;
		gfp_t bits;

		while (gfp_space(*s))
			s++;
		for (w = s; *s && *s != '|'; s++)
			;
		for (end = s; end > w && gfp_space(end[-1]); end--)
			;
		if (parse_gfp_word(w, (size_t)(end - w), &bits))
			return -EINVAL;
		gfp |= bits;
		if (!*s)
			break;
		s++;	/* the '|' */
	}
	*out = gfp;
	return 0;
}

unsigned long bad_page_count(void)
{
	return nr_bad_pages;
}

/* One more "BUG: Bad page state" report: counted, and the kernel tainted B, as Linux. */
void count_bad_page(void)
{
	nr_bad_pages++;
	add_taint(TAINT_BAD_PAGE);
}

/*
 * Linux's bad_page() prints the page (dump_page()) under one "BUG: Bad page
 * state" line. mmos puts what a student needs on that one line: the pfn,
 * the head of a compound page, the count, the flags, the zone, the caller
 * (Linux has none: its reports come from the free path itself) and why.
 */
void bad_page(const struct page *page, const char *reason, unsigned long caller)
{
	const struct page *head = compound_head_checked(page);

	count_bad_page();
	if (!bad_page_ratelimit())
		return;
	if (PageCompound(page) && head)
		pr_alert("BUG: Bad page state in process swapper  pfn:%05lx head:%05lx order:%u "
			 "refcount:%d flags:%#lx zone:%s caller:%pS reason: %s\n", page_to_pfn(page),
			 page_to_pfn(head), compound_order(head), page_ref_count(head), page->flags,
			 zone_names[page_zonenum(page)], (void *)caller, reason);
	else if (PageCompound(page))
		pr_alert("BUG: Bad page state in process swapper  pfn:%05lx head:none (compound_head "
			 "%p is not a compound page's head) refcount:%d flags:%#lx zone:%s "
			 "caller:%pS reason: %s\n", page_to_pfn(page), (void *)page->compound_head,
			 page_ref_count(page), page->flags, zone_names[page_zonenum(page)],
			 (void *)caller, reason);
	else
		pr_alert("BUG: Bad page state in process swapper  pfn:%05lx refcount:%d flags:%#lx "
			 "zone:%s order:%d caller:%pS reason: %s\n", page_to_pfn(page),
			 page_ref_count(page), page->flags, zone_names[page_zonenum(page)],
			 page_alloc_order(page), (void *)caller, reason);
}

/* Why one page is not in the state check_flags asks for, or NULL if it is. */
static const char *page_bad_reason(const struct page *p, unsigned long check_flags)
{
	if (PageBuddy(p))
		return "page in the block is already free";
	if (PageReserved(p))
		return "page in the block is reserved";
	if (PageCompound(p))
		return "page in the block belongs to a compound page";
	if (page_ref_count(p))
		return "nonzero _refcount";
	if (p->page_type != PAGE_TYPE_NONE)
		return "page in the block is in use as another type";
	if (p->flags & check_flags)
		return "PAGE_FLAGS_CHECK_AT_PREP flag set";
	return NULL;
}

/* Report every page of the run that is not as expected; the number reported. */
noinline unsigned long report_bad_pages(const struct page *page, unsigned long nr,
					       unsigned long check_flags, unsigned long caller)
{
	unsigned long bad = 0;

	for (unsigned long i = 0; i < nr; i++) {
		const char *why = page_bad_reason(page + i, check_flags);

		if (why) {
			bad_page(page + i, why, caller);
			bad++;
		}
	}
	return bad;
}

/*
 * What __free_pages() was handed when it is not the first page of a plain
 * block of that order, held: a compound page or a caller's mistake. The
 * order to free, or -1 if nothing may be freed (reported). Linux has none of this: it
 * trusts the order, and a zero count is a VM_BUG_ON under CONFIG_DEBUG_VM.
 * A wrong order is reported and the recorded one used, so neither a
 * neighbour's pages are freed nor the rest of the block leaks.
 */
noinline int free_pages_check_caller(struct page *page, unsigned int order, unsigned long caller)
{
	int alloc_order;
	char why[96];

	if (!pfn_valid(page_to_pfn(page))) {
		count_bad_page();
		if (bad_page_ratelimit())
			pr_alert("BUG: Bad page state in process swapper  page:%p caller:%pS "
				 "reason: no such page frame\n", (void *)page, (void *)caller);
		return -1;
	}
	if (PageTail(page)) {
		bad_page(page, "freeing a tail page of a compound page", caller);
		return -1;
	}
	if (PageBuddy(page)) {
		bad_page(page, "double free: the page is already free", caller);
		return -1;
	}
	if (PageReserved(page)) {
		bad_page(page, "freeing a reserved page", caller);
		return -1;
	}
	if (page_ref_count(page) <= 0) {
		bad_page(page, "freeing a page nobody holds (refcount 0)", caller);
		return -1;
	}
	alloc_order = page_alloc_order(page);
	if (alloc_order < 0) {
		bad_page(page, "the page does not start an allocation", caller);
		return -1;
	}
	if ((unsigned int)alloc_order != order) {
		snprintf(why, sizeof(why), "freed with order %u, allocated %swith order %d: using %d",
			 order, PageHead(page) ? "as a compound page " : "", alloc_order, alloc_order);
		bad_page(page, why, caller);
	}
	return alloc_order;
}
