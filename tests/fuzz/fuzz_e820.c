// SPDX-License-Identifier: MIT
/*
 * tests/fuzz/fuzz_e820.c - libFuzzer harness for the e820 sanitiser and memmap=.
 *
 * Input: up to 32 entries of 17 bytes (addr, size, type selector), then a
 * memmap= argument. After sanitising, the table must be sorted, disjoint,
 * free of empty entries, with whole-page RAM and no mergeable neighbours;
 * every probed address must carry the largest type that covered it (RAM
 * may only lose partial pages); sanitising again must change nothing. A
 * memmap= string must be rejected, leaving the table as it was, or leave a
 * table that sanitises cleanly, where no range that was not RAM has a
 * weaker type than before (without exactmap).
 */
#include <asm/e820.h>
#include <asm/page.h>
#include <kernel/string.h>
#include "fuzz.h"


static const enum e820_type types[8] = {
	E820_TYPE_RAM, E820_TYPE_RAM, E820_TYPE_RESERVED, E820_TYPE_ACPI, E820_TYPE_NVS,
	E820_TYPE_PRAM, (enum e820_type)20, E820_TYPE_SOFT_RESERVED,
};

static struct e820_table in, out, again;


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

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	unsigned int n = 0;
	char memmap[64];
	size_t used;

	while (size - n * 17 >= 17 && n < 32) {
		const u8 *p = data + n * 17;

		in.entries[n] = (struct e820_entry){ get64(p) >> (p[16] & 0x10 ? 0 : 24),
						     get64(p + 8) >> (p[16] & 0x20 ? 0 : 28),
						     types[p[16] & 7] };
		n++;
	}
	in.nr_entries = n;
	used = (size_t)n * 17;
	out = in;
	if (e820__sanitize(&out)) {
		bool wraps = false;

		for (unsigned int i = 0; i < n; i++)
			wraps |= in.entries[i].addr + in.entries[i].size < in.entries[i].addr;
		CHECK(wraps);
		return 0;
	}
	check_sane(&out);
	for (unsigned int i = 0; i < n; i++) {
		const struct e820_entry *e = &in.entries[i];
		u64 probes[3] = { e->addr, e->addr + e->size / 2, e->addr + e->size - 1 };

		if (!e->size || out.nr_entries == E820_MAX_ENTRIES)
			continue;
		for (int k = 0; k < 3; k++) {
			enum e820_type want = type_at(&in, probes[k], true);
			enum e820_type got = type_at(&out, probes[k], false);

			/* RAM may only lose pages it does not fill */
			CHECK(got == want || (want == E820_TYPE_RAM && !got && !page_all_ram(probes[k])));
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
		} else if (!e820__sanitize(&again)) {
			check_sane(&again);
			/* memmap= adds ranges or removes RAM: no other type can weaken */
			for (unsigned int i = 0; i < out.nr_entries && !strstr(memmap, "exactmap"); i++) {
				const struct e820_entry *e = &out.entries[i];
				u64 probes[3] = { e->addr, e->addr + e->size / 2, e->addr + e->size - 1 };

				for (int k = 0; k < 3 && e->type != E820_TYPE_RAM; k++)
					CHECK(type_at(&again, probes[k], false) >= e->type);
			}
		}
	}
	return 0;
}
