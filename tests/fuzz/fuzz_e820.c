// SPDX-License-Identifier: MIT
/*
 * tests/fuzz/fuzz_e820.c - libFuzzer harness for the e820 sanitiser and memmap=.
 *
 * Input: up to FUZZ_ENTRIES entries of 17 bytes (addr, size, type
 * selector), more than the table holds, then a memmap= argument. The first
 * E820_MAX_ENTRIES go straight into the table; the rest through
 * e820__range_add(), which must drop each (one "too many entries" line per
 * non-empty one) and leave the table as it was. After sanitising, the
 * table must be sorted, disjoint, free of empty entries, with whole-page
 * RAM and no mergeable neighbours; every probed address must carry the
 * largest type that covered it (RAM may only lose partial pages), except
 * at or above the address where a result longer than the table was cut
 * (said in one line by e820__sanitize(), from the range the sweep records
 * as dropped, which must end where the highest entry ends): nothing is
 * left there. Sanitising again must change
 * nothing. A memmap= string must be rejected, leaving the table as it was,
 * or leave a table that sanitises cleanly, where no range that was not RAM
 * has a weaker type than before (without exactmap).
 */
#include <asm/e820.h>
#include <asm/page.h>
#include <kernel/string.h>
#include "fuzz.h"


static const enum e820_type types[8] = {
	E820_TYPE_RAM, E820_TYPE_RAM, E820_TYPE_RESERVED, E820_TYPE_ACPI, E820_TYPE_NVS,
	E820_TYPE_PRAM, (enum e820_type)20, E820_TYPE_SOFT_RESERVED,
};

#define FUZZ_ENTRIES	(E820_MAX_ENTRIES + 32)

static struct e820_table in, out, again, before;
static char log[16384];


static u64 get64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

static enum e820_type type_at(const struct e820_table *t, u64 a, bool original)
{
	enum e820_type best = 0;

	for (unsigned int i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (e->size && a >= e->addr && a - e->addr < e->size && e->type > best)
			best = e->type;
		if (!original && best)
			break;
	}
	return best;
}

/* Is every byte of a's page RAM in the original? Types change only at entry ends. */
static bool page_all_ram(u64 a)
{
	u64 start = ALIGN_DOWN(a, PAGE_SIZE);	/* PAGE_MASK is 32 bits wide on i386 */

	if (type_at(&in, start, true) != E820_TYPE_RAM)
		return false;
	for (unsigned int i = 0; i < in.nr_entries; i++) {
		const struct e820_entry *e = &in.entries[i];
		u64 ends[2] = { e->addr, e->addr + e->size };

		for (int k = 0; k < 2; k++)
			if (ends[k] > start && ends[k] - start < PAGE_SIZE &&
			    type_at(&in, ends[k], true) != E820_TYPE_RAM)
				return false;
	}
	return true;
}

static void check_sane(const struct e820_table *t)
{
	for (unsigned int i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		CHECK(e->size);
		if (e->type == E820_TYPE_RAM)
			CHECK(!(e->addr & (PAGE_SIZE - 1)) && !(e->size & (PAGE_SIZE - 1)));
		if (i) {
			const struct e820_entry *p = &t->entries[i - 1];

			CHECK(p->addr + p->size <= e->addr);
			CHECK(p->addr + p->size != e->addr || p->type != e->type ||
			      e->type == E820_TYPE_PRAM || e->type == E820_TYPE_SOFT_RESERVED);
		}
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	console_loglevel = 0;
	return 0;
}

/*
 * The entries: the first E820_MAX_ENTRIES into the table as they are (empty
 * ones too, for the sanitiser to drop); the rest through e820__range_add(),
 * which must drop every one and say so once for each that is not empty.
 */
static size_t read_entries(const u8 *data, size_t size)
{
	unsigned int n = 0, extra = 0;
	u64 mark = printk_log_mark();

	in.nr_entries = 0;
	for (; size - n * 17 >= 17 && n < FUZZ_ENTRIES; n++) {
		const u8 *p = data + n * 17;
		struct e820_entry e = { get64(p) >> (p[16] & 0x10 ? 0 : 24),
					get64(p + 8) >> (p[16] & 0x20 ? 0 : 28), types[p[16] & 7] };

		if (n < E820_MAX_ENTRIES) {
			in.entries[in.nr_entries++] = e;
			continue;
		}
		if (n == E820_MAX_ENTRIES)
			before = in;
		extra += e.size != 0;
		e820__range_add(&in, e.addr, e.size, e.type);
	}
	if (n > E820_MAX_ENTRIES)
		CHECK(in.nr_entries == E820_MAX_ENTRIES &&
		      !memcmp(in.entries, before.entries, sizeof(in.entries)));
	CHECK(printk_log_mark() - mark < LOG_BUF_SIZE);	/* all of it still in the log */
	CHECK(printk_log_count(mark, "e820: too many entries; ") == extra);
	return (size_t)n * 17;
}

static u64 parse_hex(const char **p)
{
	u64 a = 0;

	for (; (**p >= '0' && **p <= '9') || (**p >= 'a' && **p <= 'f'); (*p)++)
		a = a * 16 + (u64)(**p <= '9' ? **p - '0' : **p - 'a' + 10);
	return a;
}

/*
 * Where a sanitised result longer than the table was cut, or ~0 if it was
 * not: e820__sanitize() says so in one line, from the range the sweep
 * recorded as dropped. With from (the table before sanitising), the
 * range must end where from's highest entry ends: everything above the
 * cut is gone.
 */
static u64 cut_address(u64 mark, const struct e820_table *from)
{
	const char *p;
	u64 a, end, top = 0;

	CHECK(printk_log_mark() - mark < LOG_BUF_SIZE);
	if (!printk_log_count(mark, "e820: sanitized map longer than"))
		return ~0ULL;
	CHECK(printk_log_count(mark, "e820: sanitized map longer than") == 1);
	printk_log_read(mark, log, sizeof(log));
	p = strstr(log, "entries: [mem 0x");
	CHECK(p);
	p += strlen("entries: [mem 0x");
	a = parse_hex(&p);
	CHECK(!strncmp(p, "-0x", 3));
	p += 3;
	end = parse_hex(&p);
	CHECK(a <= end);
	if (from) {
		for (unsigned int i = 0; i < from->nr_entries; i++)
			if (from->entries[i].size && from->entries[i].addr + from->entries[i].size > top)
				top = from->entries[i].addr + from->entries[i].size;
		CHECK(end == top - 1);
	}
	return a;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	unsigned int n;
	char memmap[64];
	size_t used = read_entries(data, size);
	u64 mark, cut;

	n = in.nr_entries;
	out = in;
	mark = printk_log_mark();
	if (e820__sanitize(&out)) {
		bool wraps = false;

		for (unsigned int i = 0; i < n; i++)
			wraps |= in.entries[i].addr + in.entries[i].size < in.entries[i].addr;
		CHECK(wraps);
		return 0;
	}
	check_sane(&out);
	cut = cut_address(mark, &in);
	for (unsigned int i = 0; i < out.nr_entries; i++)
		CHECK(out.entries[i].addr + out.entries[i].size <= cut);
	for (unsigned int i = 0; i < n; i++) {
		const struct e820_entry *e = &in.entries[i];
		u64 probes[3] = { e->addr, e->addr + e->size / 2, e->addr + e->size - 1 };

		if (!e->size)
			continue;
		for (int k = 0; k < 3; k++) {
			enum e820_type want = type_at(&in, probes[k], true);
			enum e820_type got = type_at(&out, probes[k], false);

			if (probes[k] >= cut)	/* dropped: nothing there */
				CHECK(!got);
			else	/* RAM may only lose pages it does not fill */
				CHECK(got == want ||
				      (want == E820_TYPE_RAM && !got && !page_all_ram(probes[k])));
		}
	}
	again = out;
	CHECK(!e820__sanitize(&again));
	CHECK(again.nr_entries == out.nr_entries &&
	      !memcmp(again.entries, out.entries, out.nr_entries * sizeof(out.entries[0])));
	if (used < size) {
		size_t len = size - used < sizeof(memmap) - 1 ? size - used : sizeof(memmap) - 1;

		memcpy(memmap, data + used, len);
		memmap[len] = '\0';
		again = out;
		if (e820__apply_memmap(&again, memmap)) {
			/* rejected: a malformed argument changes nothing */
			CHECK(again.nr_entries == out.nr_entries &&
			      !memcmp(again.entries, out.entries,
				      out.nr_entries * sizeof(out.entries[0])));
		} else if (mark = printk_log_mark(), !e820__sanitize(&again)) {
			check_sane(&again);
			cut = cut_address(mark, NULL);
			/*
			 * memmap= adds ranges or removes RAM: no other type can weaken
			 * (below where a result too long for the table was cut)
			 */
			for (unsigned int i = 0; i < out.nr_entries && !strstr(memmap, "exactmap"); i++) {
				const struct e820_entry *e = &out.entries[i];
				u64 probes[3] = { e->addr, e->addr + e->size / 2, e->addr + e->size - 1 };

				for (int k = 0; k < 3 && e->type != E820_TYPE_RAM; k++)
					CHECK(probes[k] >= cut ? !type_at(&again, probes[k], false) :
					      type_at(&again, probes[k], false) >= e->type);
			}
		}
	}
	return 0;
}
