// SPDX-License-Identifier: MIT
/*
 * mm/slub_debug.c - SLUB's debugging: the slab_debug= (slub_debug=) boot
 * option and what it turns on, poison, red zones, owner tracks, padding
 * checks, double-free and invalid-free reports, and the quarantine of
 * objects found corrupt. Linux keeps all of it in mm/slub.c under
 * CONFIG_SLUB_DEBUG; the names are Linux's (slab_err()'s report is
 * slab_report() here).
 *
 * Owns: the report count, the boot option's state (slab_debug_opts,
 * slab_debug_given) and its parsing into a cache's flags; the checks that
 * mm/slub.c calls for a debug cache's object on its way out
 * (alloc_debug_processing()) and in (free_debug_processing()), and when a
 * slab is made or discarded (init_object(), slab_pad_check()).
 * Must not touch: the lists and per-CPU arrays (mm/slub.c's); it reads a
 * slab's freelist, under list_lock or with interrupts off as its caller has.
 * Tests: tests/kernel/slab_test.c (the reports, slab_debug= parsing).
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "internal.h"
#include "slab_internal.h"

static unsigned long nr_slab_reports;

unsigned long slab_report_count(void)
{
	return nr_slab_reports;
}

/*** slab_debug= ***/

char slab_debug_opts[128];
bool slab_debug_given;

static int set_slab_debug(const char *val, const struct kernel_param *kp)
{
	(void)kp;
	if (val && strlen(val) >= sizeof(slab_debug_opts))
		return -ERANGE;
	strlcpy(slab_debug_opts, val ? val : "", sizeof(slab_debug_opts));
	slab_debug_given = true;
	for (const char *p = slab_debug_opts; *p; p++) {
		if (*p == ',')	/* a cache list: on to the next block */
			while (p[1] && p[1] != ';')
				p++;
		else if (*p != ';' && !strchr("-fzput", *p | 0x20))
			pr_err("slab_debug option '%c' unknown. skipped\n", *p);
	}
	return 0;
}

static int get_slab_debug(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return scnprintf(buf, size, "%s", slab_debug_given ? slab_debug_opts : "(off)");
}

static const struct kernel_param_ops slab_debug_ops = {
	set_slab_debug, get_slab_debug, "[FZPUT-][,cache...][;...]"
};
core_param_cb(slab_debug, slab_debug_ops);
core_param_cb(slub_debug, slab_debug_ops);

#define DEBUG_DEFAULT_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER)

/*
 * One block of slab_debug=, Linux's parse_slub_debug_flags(): *flags gets
 * its letters (F checks, Z red zones, P poison, U store user, T trace; '-'
 * clears those before it; none at all before a cache list means
 * DEBUG_DEFAULT_FLAGS), *slabs its cache list or NULL. Returns the next
 * block, or NULL after the last one.
 */
static const char *parse_slab_debug_block(const char *str, slab_flags_t *flags,
					  const char **slabs)
{
	while (*str == ';')	/* empty blocks */
		str++;
	*flags = *str == ',' ? DEBUG_DEFAULT_FLAGS : 0;
	for (; *str && *str != ',' && *str != ';'; str++) {
		switch (*str | 0x20) {
		case '-': *flags = 0; break;
		case 'f': *flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': *flags |= SLAB_RED_ZONE; break;
		case 'p': *flags |= SLAB_POISON; break;
		case 'u': *flags |= SLAB_STORE_USER; break;
		case 't': *flags |= SLAB_TRACE; break;
		default: break;	/* reported when the option was given */
		}
	}
	*slabs = *str == ',' ? str + 1 : NULL;
	while (*str && *str != ';')
		str++;
	while (*str == ';')
		str++;
	return *str ? str : NULL;
}

/* Does the list at slabs (up to ';' or the end) name the cache? */
static bool slab_list_matches(const char *slabs, const char *name)
{
	while (*slabs && *slabs != ';') {
		char cache[SLAB_NAME_LEN];
		size_t n = 0;

		for (; *slabs && *slabs != ',' && *slabs != ';'; slabs++)
			if (n + 1 < sizeof(cache))
				cache[n++] = *slabs;
		cache[n] = '\0';
		if (glob_match(cache, name))
			return true;
		if (*slabs == ',')
			slabs++;
	}
	return false;
}

/*
 * slab_debug=<opts>[,<cache>...][;<opts>[,<cache>...]...] as Linux's
 * setup_slub_debug() and kmem_cache_flags(): the first block whose list
 * names the cache gives it its flags alone; any other cache gets those of
 * the last block without a list (none if every block has one). No value,
 * or an empty one, means DEBUG_DEFAULT_FLAGS for every cache.
 */
slab_flags_t slab_debug_flags(const char *name, slab_flags_t flags)
{
	slab_flags_t global = 0, block;
	const char *p = slab_debug_opts, *slabs;

	if (!slab_debug_given)
		return flags;
	if (!*p)
		return flags | DEBUG_DEFAULT_FLAGS;
	while (p) {
		p = parse_slab_debug_block(p, &block, &slabs);
		if (!slabs)
			global = block;
		else if (slab_list_matches(slabs, name))
			return flags | block;
	}
	return flags | global;
}

/*** Checks and reports ***/

void slab_report(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	unsigned long flags;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* reports come from any context: one CPU, so interrupts off make the update whole */
	local_irq_save(flags);
	nr_slab_reports++;
	local_irq_restore(flags);
	add_taint(TAINT_BAD_PAGE);	/* taint B: Linux's slab_err() and object_err() do */
	pr_err("=============================================================================\n");
	pr_err("BUG %s: %s\n", s->name, buf);
	pr_err("-----------------------------------------------------------------------------\n");
}

static void print_tracks(struct kmem_cache *s, const void *obj)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	for (int i = 0; i < 2; i++) {
		struct track *t = get_track(s, obj, i);

		if (t->addr)
			pr_err("INFO: %s in %pS age=%lu\n", i ? "Freed" : "Allocated", (void *)t->addr,
			       jiffies - t->when);
	}
}

static void set_track(struct kmem_cache *s, void *obj, int which, unsigned long caller)
{
	if (s->flags & SLAB_STORE_USER) {
		struct track *t = get_track(s, obj, which);

		t->addr = caller;
		t->when = jiffies;
	}
}

/* An unsigned long that may alias bytes, for reading a byte buffer a word at a time. */
typedef unsigned long __attribute__((__may_alias__)) ulong_alias_t;

/* First byte in [start, start+len) that is not v, or NULL (a word at a time where it can). */
static u8 *check_bytes(u8 *start, u8 v, unsigned long len)
{
	unsigned long word = (unsigned long)v * (~0UL / 0xff), i = 0;

	for (; i < len && ((unsigned long)(start + i) & (sizeof(long) - 1)); i++)
		if (start[i] != v)
			return start + i;
	for (; i + sizeof(long) <= len && *(ulong_alias_t *)(start + i) == word; i += sizeof(long))
		;
	for (; i < len; i++)
		if (start[i] != v)
			return start + i;
	return NULL;
}

/* Report a corrupt area; true if it was fine. */
static bool check_area(struct kmem_cache *s, void *obj, const char *what, u8 *start, u8 v,
		       unsigned long len, unsigned long caller)
{
	u8 *bad = check_bytes(start, v, len);

	if (!bad)
		return true;
	slab_report(s, "%s overwritten", what);
	pr_err("INFO: 0x%p-0x%p @offset=%ld. First byte 0x%x instead of 0x%x\n", (void *)bad,
	       (void *)(start + len - 1), (long)(bad - slot_of(s, obj)), *bad, v);
	pr_err("INFO: Object 0x%p @offset=%ld caller:%pS\n", obj,
	       (long)(slot_of(s, obj) - (u8 *)slab_base(virt_to_slab(obj))), (void *)caller);
	print_tracks(s, obj);
	return false;
}

void init_object(struct kmem_cache *s, void *obj, u8 red)
{
	u8 *p = obj;

	if (s->flags & SLAB_RED_ZONE) {
		memset(slot_of(s, obj), red, s->red_left_pad);
		memset(p + s->object_size, red, s->inuse - s->red_left_pad - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && red == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/* The red zones (and the kmalloc tail beyond the requested size) hold `red`. */
static bool check_redzones(struct kmem_cache *s, void *obj, u8 red, unsigned long caller)
{
	u8 *p = obj;
	unsigned long tail = s->inuse - s->red_left_pad - s->object_size;

	if (!(s->flags & SLAB_RED_ZONE))
		return true;
	if (!check_area(s, obj, "Left Redzone", slot_of(s, obj), red, s->red_left_pad, caller) ||
	    !check_area(s, obj, "Right Redzone", p + s->object_size, red, tail, caller))
		return false;
	if ((s->flags & SLAB_KMALLOC) && (s->flags & SLAB_STORE_USER) && red == SLUB_RED_ACTIVE) {
		unsigned long orig = *orig_size_of(s, obj);

		if (orig < s->object_size &&
		    !check_area(s, obj, "kmalloc Redzone", p + orig, red, s->object_size - orig, caller))
			return false;
	}
	return true;
}

static bool check_poison(struct kmem_cache *s, void *obj, unsigned long caller)
{
	u8 *p = obj;

	if (!(s->flags & SLAB_POISON))
		return true;
	return check_area(s, obj, "Poison", p, POISON_FREE, s->object_size - 1, caller) &&
	       check_area(s, obj, "End Poison", p + s->object_size - 1, POISON_END, 1, caller);
}

/*
 * Linux's slab_pad_check(), under consistency checks (F): the tail of the
 * slab beyond its last slot must still hold the POISON_INUSE that
 * allocate_slab() put there. A write is reported and the bytes restored.
 * Linux poisons the slab, and so checks the tail, only with P too.
 */
void slab_pad_check(struct kmem_cache *s, struct page *slab)
{
	unsigned long length = PAGE_SIZE << slab_order(s, slab);
	unsigned long remainder = length - (unsigned long)slab_objects(s, slab) * s->size;
	u8 *start = slab_base(slab), *end = start + length, *fault;

	if (!(s->flags & SLAB_CONSISTENCY_CHECKS) || !remainder)
		return;
	fault = check_bytes(end - remainder, POISON_INUSE, remainder);
	if (!fault)
		return;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_report(s, "Padding overwritten. 0x%p-0x%p @offset=%lu", (void *)fault,
		    (void *)(end - 1), (unsigned long)(fault - start));
	memset(fault, POISON_INUSE, (size_t)(end - fault));
	pr_err("FIX %s: Restoring slab padding 0x%p-0x%p=0x%x\n", s->name, (void *)fault,
	       (void *)(end - 1), POISON_INUSE);
}

#define QUARANTINED	((void *)0xdead4ead)

/*
 * Only a red zone or poison check quarantines, and both keep the free
 * pointer outside the object: there, the mark cannot be object data.
 */
static bool slab_is_quarantined(struct kmem_cache *s, void *obj)
{
	return freeptr_outside_object(s) && get_freepointer(s, obj) == QUARANTINED;
}

/* An object found corrupt is never handed out again: it stays "in use". */
static void quarantine(struct kmem_cache *s, void *obj)
{
	unsigned long flags, n;

	spin_lock_irqsave(&s->list_lock, flags);	/* the counter's lock */
	set_freepointer(s, obj, QUARANTINED);
	n = ++s->quarantined;
	spin_unlock_irqrestore(&s->list_lock, flags);
	pr_err("FIX %s: Object at 0x%p quarantined (%lu so far)\n", s->name, obj, n);
}

void report_double_free(struct kmem_cache *s, struct page *slab, void *obj,
			unsigned long caller)
{
	slab_report(s, "Object already free");
	pr_err("INFO: Object 0x%p @offset=%ld caller:%pS\n", obj,
	       (long)(slot_of(s, obj) - (u8 *)slab_base(slab)), (void *)caller);
	print_tracks(s, obj);
}

static bool on_freelist(struct kmem_cache *s, struct page *slab, void *obj)
{
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	void *p = slab == c->slab ? c->freelist : slab_freelist(s, slab);
	unsigned int n = 0;

	for (; p && n <= slab_objects(s, slab); p = get_freepointer(s, p), n++)
		if (p == obj)
			return true;
	return false;
}

/* Checks for an object leaving the freelist; false: quarantined, try another. */
bool alloc_debug_processing(struct kmem_cache *s, void *obj, unsigned long caller)
{
	slab_pad_check(s, virt_to_slab(obj));
	if (!check_poison(s, obj, caller) || !check_redzones(s, obj, SLUB_RED_INACTIVE, caller)) {
		quarantine(s, obj);
		return false;
	}
	init_object(s, obj, SLUB_RED_ACTIVE);
	set_track(s, obj, 0, caller);
	if (s->flags & SLAB_TRACE)
		pr_info("TRACE %s alloc 0x%p inuse=%u caller %pS\n", s->name, obj,
			slab_inuse(virt_to_slab(obj)), (void *)caller);
	return true;
}

/* Checks for an object being freed; false: reported, not freed. */
bool free_debug_processing(struct kmem_cache *s, struct page *slab, void *obj,
			   unsigned long caller)
{
	unsigned long flags;
	bool free;

	slab_pad_check(s, slab);
	local_irq_save(flags);
	/* a quarantined object was freed once already: counting it again would leak its slab */
	free = on_freelist(s, slab, obj) || slab_is_quarantined(s, obj);
	local_irq_restore(flags);
	if (free) {
		report_double_free(s, slab, obj, caller);
		return false;
	}
	if (!check_redzones(s, obj, SLUB_RED_ACTIVE, caller)) {
		quarantine(s, obj);
		return false;
	}
	set_track(s, obj, 1, caller);
	init_object(s, obj, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_TRACE)
		pr_info("TRACE %s free 0x%p caller %pS\n", s->name, obj, (void *)caller);
	return true;
}

/*** A cache destroyed with live objects ***/

static void report_live_in(struct kmem_cache *s, struct page *slab, unsigned int *shown)
{
	for (unsigned int i = 0; i < slab_objects(s, slab) && *shown < 8; i++) {
		void *obj = slot(s, slab, i) + s->red_left_pad;

		if (on_freelist(s, slab, obj) || slab_is_quarantined(s, obj))
			continue;
		pr_err("INFO: Object 0x%p @offset=%lu still allocated\n", obj,
		       (unsigned long)i * s->size);
		print_tracks(s, obj);
		(*shown)++;
	}
}

void kmem_cache_report_live(struct kmem_cache *s)
{
	unsigned int shown = 0;
	struct page *slab;

	slab_report(s, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
	pr_err("INFO: %lu objects still allocated; the cache is kept\n", kmem_cache_live_objects(s));
	page_list_for_each(slab, &s->partial)
		report_live_in(s, slab, &shown);
	page_list_for_each(slab, &s->full)
		report_live_in(s, slab, &shown);
}
