// SPDX-License-Identifier: MIT
/*
 * arch/x86/e820.c - the e820 memory map: sanitise, edit, report.
 *
 * Owns: e820_table (the kernel's map) and e820_table_firmware (as the loader
 * passed it). The table operations are pure functions on a struct
 * e820_table, so tests run them on hand-made maps; the boot sequence in
 * e820__memory_setup() applies them to the real map and prints each step in
 * Linux's words. mem= and memmap= are parsed here.
 * Must not touch: memblock or zones beyond handing RAM ranges to memblock.
 * Tests: tests/kernel/e820_test.c, tests/kernel/multiboot_test.c (the map
 * from the loader), tests/fuzz/fuzz_e820.c.
 */
#include <asm/bootinfo.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/sparsemem.h>
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/page_list.h>

struct e820_table e820_table, e820_table_firmware;
bool e820_userdef;

const char *e820_type_name(enum e820_type type, char *buf, size_t size)
{
	switch (type) {
	case E820_TYPE_RAM:
	case E820_TYPE_RESERVED_KERN: return "usable";
	case E820_TYPE_RESERVED: return "reserved";
	case E820_TYPE_SOFT_RESERVED: return "soft reserved";
	case E820_TYPE_ACPI: return "ACPI data";
	case E820_TYPE_NVS: return "ACPI NVS";
	case E820_TYPE_UNUSABLE: return "unusable";
	case E820_TYPE_PMEM:
	case E820_TYPE_PRAM:
		snprintf(buf, size, "persistent (type %u)", (unsigned int)type);
		return buf;
	default:
		snprintf(buf, size, "type %u", (unsigned int)type);
		return buf;
	}
}

void e820__print_table(const struct e820_table *t, const char *who)
{
	for (unsigned int i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		char name[32];

		pr_info("%s: [mem %#018Lx-%#018Lx] %s\n", who, (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1),
			e820_type_name(e->type, name, sizeof(name)));
	}
}

/*** Sanitising ***/

struct change_point {	/* LAB 1 BEGIN sweep_helpers */
	u64 addr;
	unsigned int entry;
	bool start;
};

/* Types that never merge with a neighbour of the same type (as Linux). */
static bool e820_nomerge(enum e820_type type)
{
	return type == E820_TYPE_PRAM || type == E820_TYPE_SOFT_RESERVED;
}

static bool point_before(const struct change_point *a, const struct change_point *b)
{
	if (a->addr != b->addr)
		return a->addr < b->addr;
	return a->start && !b->start;	/* at one address, starts sort first */
}	/* LAB 1 END sweep_helpers */

static void trim_ram_to_pages(struct e820_table *t)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < t->nr_entries; i++) {
		struct e820_entry e = t->entries[i];

		if (e.type == E820_TYPE_RAM) {
			u64 start = ALIGN(e.addr, PAGE_SIZE), end = ALIGN_DOWN(e.addr + e.size, PAGE_SIZE);

			/* in the last page of the address space, rounding up wraps to 0 */
			if (start < e.addr || end <= start)
				continue;
			e.addr = start;
			e.size = end - start;
		}
		t->entries[n++] = e;
	}
	t->nr_entries = n;
}

/*
 * The sweep: every entry contributes a start and an end point; walking the
 * points in address order while tracking which entries cover the current
 * address, the effective type is the largest covering type. A new output
 * entry begins wherever that type changes.
 * Returns -1, t untouched, when an entry ends at 2^64 or past it. When the
 * result has more than E820_MAX_ENTRIES entries, the first E820_MAX_ENTRIES
 * are kept exactly and *dropped is set to what is lost: from where the
 * first entry that did not fit begins to the last change point, typed as
 * that entry. It only computes: e820__sanitize() reports.
 */
static int e820_sweep(struct e820_table *t, struct e820_entry *dropped)
{
	static struct change_point pts[2 * E820_MAX_ENTRIES];	/* LAB 1 BEGIN sanitize */
	static struct e820_entry out[E820_MAX_ENTRIES];
	unsigned int active[E820_MAX_ENTRIES], nr_active = 0, np = 0, nout = 0;
	enum e820_type cur = 0;
	u64 last = 0;

	for (unsigned int i = 0; i < t->nr_entries; i++)
		if (t->entries[i].addr + t->entries[i].size < t->entries[i].addr)
			return -1;
	for (unsigned int i = 0; i < t->nr_entries; i++) {
		if (!t->entries[i].size)
			continue;
		pts[np++] = (struct change_point){ t->entries[i].addr, i, true };
		pts[np++] = (struct change_point){ t->entries[i].addr + t->entries[i].size, i, false };
	}
	for (unsigned int i = 1; i < np; i++) {	/* insertion sort: n <= 256, mostly sorted */
		struct change_point p = pts[i];
		unsigned int j = i;

		for (; j > 0 && point_before(&p, &pts[j - 1]); j--)
			pts[j] = pts[j - 1];
		pts[j] = p;
	}
	for (unsigned int i = 0; i < np; i++) {
		enum e820_type type = 0;

		if (pts[i].start) {
			active[nr_active++] = pts[i].entry;
		} else {
			for (unsigned int k = 0; k < nr_active; k++)
				if (active[k] == pts[i].entry) {
					active[k] = active[--nr_active];
					break;
				}
		}
		for (unsigned int k = 0; k < nr_active; k++)
			if (t->entries[active[k]].type > type)
				type = t->entries[active[k]].type;
		if (type == cur && !e820_nomerge(type))
			continue;
		if (cur) {
			out[nout - 1].size = pts[i].addr - last;
			if (!out[nout - 1].size)
				nout--;
		}
		if (type) {
			if (nout == E820_MAX_ENTRIES) {	/* what is kept is exact up to here */
				*dropped = (struct e820_entry){ pts[i].addr,
								pts[np - 1].addr - pts[i].addr, type };
				break;
			}
			out[nout++] = (struct e820_entry){ pts[i].addr, 0, type };
			last = pts[i].addr;
		}
		cur = type;
	}
	memcpy(t->entries, out, nout * sizeof(out[0]));
	t->nr_entries = nout;
	return 0;	/* LAB 1 END sanitize */
}

/*
 * Sort t, resolve overlaps (the larger type wins), merge touching entries of
 * one type, then trim RAM to whole pages. -1 if an entry wraps past 2^64.
 * A result cut at E820_MAX_ENTRIES is reported here, in one line that
 * tests/fuzz/fuzz_e820.c reads (Linux's e820__update_table() drops the rest
 * without a word; mmos says what went).
 */
int e820__sanitize(struct e820_table *t)
{
	struct e820_entry dropped = { 0, 0, 0 };

	if (e820_sweep(t, &dropped))
		return -1;
	if (dropped.size)
		pr_err("e820: sanitized map longer than %d entries: [mem %#018Lx-%#018Lx] dropped\n",
		       E820_MAX_ENTRIES, (unsigned long long)dropped.addr,
		       (unsigned long long)(dropped.addr + dropped.size - 1));
	trim_ram_to_pages(t);
	return 0;
}

/*** Editing ***/

void e820__range_add(struct e820_table *t, u64 start, u64 size, enum e820_type type)
{
	if (!size || t->nr_entries >= E820_MAX_ENTRIES) {
		if (size)
			pr_err("e820: too many entries; [mem %#018Lx-%#018Lx] dropped\n",
			       (unsigned long long)start, (unsigned long long)(start + size - 1));
		return;
	}
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
}

/* Take [start, end) out of every matching entry; add it back as new_type if new_type. */
static u64 range_change(struct e820_table *t, u64 start, u64 end, enum e820_type old_type,
			bool check_type, enum e820_type new_type)
{
	u64 changed = 0;
	unsigned int n = t->nr_entries;

	for (unsigned int i = 0; i < n; i++) {
		struct e820_entry *e = &t->entries[i];
		u64 e_end = e->addr + e->size, lo, hi;

		if (check_type && e->type != old_type)
			continue;
		lo = max(start, e->addr);
		hi = min(end, e_end);
		if (lo >= hi)
			continue;
		changed += hi - lo;
		if (new_type)
			e820__range_add(t, lo, hi - lo, new_type);
		if (lo == e->addr && hi == e_end) {
			e->size = 0;	/* all of it: sanitising drops the empty entry */
		} else if (lo == e->addr) {
			e->addr = hi;
			e->size = e_end - hi;
		} else {
			e->size = lo - e->addr;
			if (hi < e_end)	/* the middle: keep the tail as its own entry */
				e820__range_add(t, hi, e_end - hi, e->type);
		}
	}
	return changed;
}

u64 e820__range_update(struct e820_table *t, u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type)
{
	if (old_type == new_type || start + size < start)
		return 0;
	return range_change(t, start, start + size, old_type, true, new_type);
}

u64 e820__range_remove(struct e820_table *t, u64 start, u64 size, enum e820_type old_type,
		       bool check_type)
{
	if (start + size < start)
		size = ~0ULL - start;
	return range_change(t, start, start + size, old_type, check_type, 0);
}

void e820__apply_mem_limit(struct e820_table *t, u64 limit)
{
	e820__range_remove(t, limit, ~0ULL - limit, E820_TYPE_RAM, true);
}

/*** mem= and memmap= ***/

struct memmap_op {
	enum { OP_EXACTMAP, OP_ADD, OP_LIMIT } kind;
	u64 size, start;
	enum e820_type type;
};

/* Parse one memmap= item (NUL-terminated). Returns 0 or -EINVAL. */
static int parse_memmap_item(const char *s, struct memmap_op *op)
{
	char *end;

	if (!strcmp(s, "exactmap")) {
		op->kind = OP_EXACTMAP;
		return 0;
	}
	if (*s < '0' || *s > '9')
		return -EINVAL;
	op->size = memparse(s, &end);
	if (!op->size)
		return -EINVAL;
	if (!*end) {
		op->kind = OP_LIMIT;
		return 0;
	}
	switch (*end) {
	case '@': op->type = E820_TYPE_RAM; break;
	case '#': op->type = E820_TYPE_ACPI; break;
	case '$': op->type = E820_TYPE_RESERVED; break;
	case '!': op->type = E820_TYPE_PRAM; break;
	default: return -EINVAL;
	}
	s = end + 1;
	if (*s < '0' || *s > '9')
		return -EINVAL;
	op->start = memparse(s, &end);
	if (*end || op->start + op->size < op->start)
		return -EINVAL;
	op->kind = OP_ADD;
	return 0;
}

#define MEMMAP_MAX_OPS	16

int e820__apply_memmap(struct e820_table *t, const char *arg)
{
	struct memmap_op ops[MEMMAP_MAX_OPS];
	unsigned int n = 0;
	char item[64];

	while (*arg) {	/* parse everything first: a malformed argument changes nothing */
		size_t len = 0;

		while (arg[len] && arg[len] != ',')
			len++;
		if (!len || len >= sizeof(item) || n == MEMMAP_MAX_OPS)
			return -EINVAL;
		memcpy(item, arg, len);
		item[len] = '\0';
		if (parse_memmap_item(item, &ops[n++]))
			return -EINVAL;
		arg += len;
		if (*arg == ',' && !*++arg)
			return -EINVAL;	/* a trailing comma: an empty item */
	}
	if (!n)
		return -EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		if (ops[i].kind == OP_EXACTMAP)
			t->nr_entries = 0;
		else if (ops[i].kind == OP_LIMIT)
			e820__apply_mem_limit(t, ops[i].size);
		else
			e820__range_add(t, ops[i].start, ops[i].size, ops[i].type);
	}
	return 0;
}

#define MEMMAP_MAX_ARGS	8

static u64 mem_limit;
static char memmap_args[MEMMAP_MAX_ARGS][128];
static unsigned int nr_memmap_args;

static int set_mem(const char *val, const struct kernel_param *kp)
{
	char *end;
	u64 v;

	(void)kp;
	if (!val || *val < '0' || *val > '9')
		return -EINVAL;
	v = memparse(val, &end);
	if (*end || !v)
		return -EINVAL;
	mem_limit = v;
	return 0;
}

static int get_mem(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return mem_limit ? scnprintf(buf, size, "%llu", (unsigned long long)mem_limit) :
			   scnprintf(buf, size, "(no limit)");
}

static const struct kernel_param_ops mem_ops = { set_mem, get_mem, "size with K/M/G suffix" };
core_param_cb(mem, mem_ops);

static int set_memmap(const char *val, const struct kernel_param *kp)
{
	static struct e820_table scratch;

	(void)kp;
	if (!val || strlen(val) >= sizeof(memmap_args[0]))
		return -EINVAL;
	scratch.nr_entries = 0;
	if (e820__apply_memmap(&scratch, val))	/* syntax check only */
		return -EINVAL;
	if (nr_memmap_args == MEMMAP_MAX_ARGS)
		return -ERANGE;
	strlcpy(memmap_args[nr_memmap_args++], val, sizeof(memmap_args[0]));
	return 0;
}

static int get_memmap(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return scnprintf(buf, size, "%u given", nr_memmap_args);
}

static const struct kernel_param_ops memmap_ops = {
	set_memmap, get_memmap, "nn[KMG]@ss / nn$ss / nn#ss / nn!ss / exactmap list"
};
core_param_cb(memmap, memmap_ops);

/*** Queries ***/

unsigned long e820__end_ram_pfn(const struct e820_table *t, unsigned long limit_pfn)
{
	unsigned long last = 0;

	for (unsigned int i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		unsigned long start = PFN_UP(e->addr), end = PFN_DOWN(e->addr + e->size);

		if (e->type != E820_TYPE_RAM || start >= limit_pfn)
			continue;
		end = min(end, limit_pfn);
		if (end > last)
			last = end;
	}
	return last;
}

u64 e820__ram_bytes(const struct e820_table *t)
{
	u64 sum = 0;

	for (unsigned int i = 0; i < t->nr_entries; i++)
		if (t->entries[i].type == E820_TYPE_RAM)
			sum += t->entries[i].size;
	return sum;
}

/*** Boot ***/

static void print_change(const char *what, u64 start, u64 size, const char *tail)
{
	pr_info("e820: %s [mem %#010Lx-%#010Lx] %s\n", what, (unsigned long long)start,
		(unsigned long long)(start + size - 1), tail);
}

static void sanitize_or_warn(struct e820_table *t, const char *when)
{
	if (e820__sanitize(t))
		pr_err("e820: %s: an entry ends at 2^64 or beyond; map left as is\n", when);
}

/* The highest physical address the arch can use (exclusive). */
/*
 * The end of the physical addresses RAM may use: what the CPU can address,
 * capped at Linux's MAX_PHYSMEM_BITS (46 on x86_64 with 4-level paging; 36,
 * PAE's, on i386) and, an mmos limit, at the pfns a free-list link can name
 * (mm/page_list.h: 32-bit pfns, PFN_NIL reserved): one page short of 16 TiB.
 */
u64 e820__phys_limit(void)
{
	u64 limit = PFN_PHYS((u64)PAGE_LIST_MAX_PFN + 1);
#ifdef CONFIG_X86_64
	unsigned int bits = min(boot_cpu_data.phys_bits, (unsigned int)MAX_PHYSMEM_BITS);
#else
	unsigned int bits = MAX_PHYSMEM_BITS;	/* PAE entries hold 36 bits whatever CPUID says */
#endif

	/* every pfn below the limit fits a link: the compiler checks the type */
	BUILD_BUG_ON((u32)PAGE_LIST_MAX_PFN != PAGE_LIST_MAX_PFN || PAGE_LIST_MAX_PFN >= PFN_NIL);
	return min(limit, 1ULL << bits);
}

static void e820__apply_user_map(void)
{
	e820_userdef = mem_limit || nr_memmap_args;
	for (unsigned int i = 0; i < nr_memmap_args; i++)
		e820__apply_memmap(&e820_table, memmap_args[i]);
	if (mem_limit)
		e820__apply_mem_limit(&e820_table, mem_limit);
	if (!e820_userdef)
		return;
	sanitize_or_warn(&e820_table, "user map");
	pr_info("user-defined physical RAM map:\n");
	e820__print_table(&e820_table, "user");
}

/* Linux's LOWMEMSIZE() region ends below 640 KiB; Multiboot's mem_lower is at most that. */
#define LOWMEM_MAX_KB	640

const char *e820__memory_setup_default(const struct boot_info *bi, struct e820_table *t)
{
	u32 lower_kb = bi->mem_lower_kb;

	BUILD_BUG_ON(BOOT_MMAP_MAX > E820_MAX_ENTRIES);	/* the loader's map always fits */
	t->nr_entries = 0;
	if (bi->nr_mmap == 1)	/* Linux's append_e820_table(): every PC has two ranges */
		pr_warn("e820: BIOS map of one entry, [mem %#018Lx] of %#Lx bytes: map ignored\n",
			(unsigned long long)bi->mmap[0].addr, (unsigned long long)bi->mmap[0].size);
	for (unsigned int i = 0; i < bi->nr_mmap && bi->nr_mmap >= 2; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];

		/* Linux's test: the last byte before the first; up to 2^64 is fine */
		if (e->size && e->addr + e->size - 1 < e->addr) {
			pr_err("e820: BIOS map entry [mem %#018Lx] of %#Lx bytes wraps around the "
			       "address space: map ignored\n", (unsigned long long)e->addr,
			       (unsigned long long)e->size);
			t->nr_entries = 0;
			break;
		}
		e820__range_add(t, e->addr, e->size, (enum e820_type)e->type);
	}
	if (t->nr_entries)
		return "BIOS-e820";
	if (!bi->has_meminfo) {
		pr_err("e820: the loader gave neither a usable memory map nor memory sizes\n");
		return "BIOS-e820";
	}
	if (lower_kb > LOWMEM_MAX_KB) {
		pr_warn("e820: lower memory of %u KiB is more than %u KiB: %u KiB used\n", lower_kb,
			LOWMEM_MAX_KB, LOWMEM_MAX_KB);
		lower_kb = LOWMEM_MAX_KB;
	}
	e820__range_add(t, 0, (u64)lower_kb << 10, E820_TYPE_RAM);
	e820__range_add(t, 0x100000, (u64)bi->mem_upper_kb << 10, E820_TYPE_RAM);
	return "BIOS-e801";
}

void e820__memory_setup(void)
{
	struct e820_table *fw = &e820_table_firmware;
	u64 limit = e820__phys_limit(), n;
	const char *who = e820__memory_setup_default(&boot_info, fw);

	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table(fw, who);

	e820_table = *fw;
	sanitize_or_warn(&e820_table, "firmware map");
	/* Linux's parse_early_param() and e820__finish_early_params() come first... */
	e820__apply_user_map();
	/*
	 * ...then trim_bios_range(), so a user map cannot give RAM back here:
	 * page 0 is never RAM to the kernel; 640 KiB-1 MiB is the BIOS's.
	 * Linux prints both lines whether or not they change anything.
	 */
	print_change("update", 0, PAGE_SIZE, "usable ==> reserved");
	e820__range_update(&e820_table, 0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	print_change("remove", 0xa0000, 0x60000, "usable");
	e820__range_remove(&e820_table, 0xa0000, 0x60000, E820_TYPE_RAM, true);
	sanitize_or_warn(&e820_table, "BIOS range");
	n = e820__range_remove(&e820_table, limit, ~0ULL - limit, E820_TYPE_RAM, true);
	if (n)
		pr_warn("e820: %llu MiB of RAM at or above %#llx, the end of what %s: removed\n",
			(unsigned long long)(n >> 20), (unsigned long long)limit,
			limit == PFN_PHYS((u64)PAGE_LIST_MAX_PFN + 1) ?
				"the memmap's 32-bit pfn links can name" : "the CPU can address");
	sanitize_or_warn(&e820_table, "arch limit");
	pr_info("e820: sanitized physical RAM map:\n");
	e820__print_table(&e820_table, "e820");
}

void e820__memblock_setup(void)
{
	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			memblock_add(e->addr, e->size);
	}
}
