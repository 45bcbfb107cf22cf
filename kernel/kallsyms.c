// SPDX-License-Identifier: MIT
/*
 * kernel/kallsyms.c - look up function names for traces and %pS.
 *
 * Owns: the lookup over the generated table: kallsyms_addresses[] (sorted)
 * with names at kallsyms_names + kallsyms_offsets[i]. A function's size is
 * the distance to the next symbol (the last one ends at _etext).
 * The table is generated per link (tools/kallsyms.py); the first link
 * carries an empty one, so lookups then fall back to raw addresses.
 */
#include <asm/page.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/string.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const unsigned int kallsyms_num;

static long find(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num - 1, best = -1;

	if (!kallsyms_num || addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return -1;
	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	long i = find(addr);
	unsigned long end;

	if (i < 0)
		return NULL;
	end = (unsigned long)i + 1 < kallsyms_num ? kallsyms_addresses[i + 1] :
						    (unsigned long)_etext;
	if (size)
		*size = end - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long sz, off;
	const char *name = kallsyms_lookup(addr, &sz, &off);

	if (!name)
		return scnprintf(buf, size, "0x%lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, off, sz);
}

int sprint_symbol_no_offset(char *buf, size_t size, unsigned long addr)
{
	const char *name = kallsyms_lookup(addr, NULL, NULL);

	if (!name)
		return scnprintf(buf, size, "0x%lx", addr);
	return scnprintf(buf, size, "%s", name);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	unsigned long sz, off;
	/* a call's return address may lie past the end of a noreturn caller */
	const char *name = kallsyms_lookup(addr - 1, &sz, &off);

	if (!name)
		return scnprintf(buf, size, "0x%lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, off + 1, sz);
}
