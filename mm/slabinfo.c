// SPDX-License-Identifier: MIT
/*
 * mm/slabinfo.c - the slab reports: /proc/slabinfo (version 2.1, Linux's
 * slab_show() in mm/slab_common.c) and one cache's attributes as Linux's
 * /sys/kernel/slab/<cache>/ shows them (mm/slub.c's sysfs part there),
 * with the merged name an alias links to (unique_id()).
 *
 * Owns: the wording and the columns; it reads the cache list and each
 * cache's counters, as the shell's slabinfo and slabattr commands ask.
 * Tests: tests/kernel/slab_test.c (slabinfo lines, attributes, aliases).
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "slab_internal.h"

/* Linux's sysfs name of a mergeable cache: ':' flags '-' size, e.g. ":d-0000064". */
static void unique_id(const struct kmem_cache *s, char *buf, size_t size)
{
	int n = scnprintf(buf, size, ":");

	if (s->flags & SLAB_CACHE_DMA)
		n += scnprintf(buf + n, size - (size_t)n, "d");
	if (s->flags & SLAB_CACHE_DMA32)
		n += scnprintf(buf + n, size - (size_t)n, "D");
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		n += scnprintf(buf + n, size - (size_t)n, "a");
	if (s->flags & SLAB_CONSISTENCY_CHECKS)
		n += scnprintf(buf + n, size - (size_t)n, "F");
	if (n > 1)
		n += scnprintf(buf + n, size - (size_t)n, "-");
	scnprintf(buf + n, size - (size_t)n, "%07u", s->size);
}

void show_slabinfo(void)
{
	printk(KERN_INFO "slabinfo - version: 2.1\n");
	printk(KERN_INFO "# name            <active_objs> <num_objs> <objsize> <objperslab> "
		"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata "
		"<active_slabs> <num_slabs> <sharedavail>\n");
	/*
	 * The tunables are the old SLAB's: the per-CPU array's limit and batch
	 * count (every CPU's array has the same sizes), and sharedfactor 0, as
	 * SLAB had on one CPU (no shared array). SLUB prints 0 0 0; mmos has
	 * arrays, so it says how big they are. sharedavail is 0 likewise.
	 * A debug cache has no array (limit 0: slub.c), so it prints 0 0 0,
	 * its real size. docs/shell.md states the deviation.
	 */
	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		unsigned long active = kmem_cache_live_objects(s);

		printk(KERN_INFO "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata "
			"%6lu %6lu %6lu\n", s->name, active, s->total_objects, s->size, s->objects,
			1 << s->order, s->cpu_cache[0].limit, s->cpu_cache[0].batchcount, 0,
			s->nr_slabs, s->nr_slabs, 0UL);
	}
}

int show_slab_attributes(const char *name)
{
	for (struct kmem_cache *s = slab_caches; s; s = s->next) {
		bool match = !strcmp(s->name, name);
		char id[24];

		for (unsigned int i = 0; i < s->nr_aliases; i++)
			match |= !strcmp(s->aliases[i], name);
		if (!match)
			continue;
		unique_id(s, id, sizeof(id));
		pr_info("/sys/kernel/slab/%s%s%s\n", s->name, cache_mergeable(s) ? " -> " : "",
			cache_mergeable(s) ? id : "");
		pr_info("  object_size     %u\n", s->object_size);
		pr_info("  slab_size       %u\n", s->size);
		pr_info("  align           %u\n", s->align);
		pr_info("  objs_per_slab   %u\n", s->objects);
		pr_info("  order           %u\n", s->order);
		/* Linux's aliases_show(): the other users; a boot cache (refcount -1) has none */
		pr_info("  aliases         %d\n", s->refcount < 0 ? 0 : s->refcount - 1);
		for (unsigned int i = 0; i < s->nr_aliases; i++)
			pr_info("  alias           %s -> %s\n", s->aliases[i], id);
		pr_info("  cache_dma       %d\n", !!(s->flags & SLAB_CACHE_DMA));
#ifdef CONFIG_ZONE_DMA32
		/*
		 * Not Linux's: this attribute was proposed with SLAB_CACHE_DMA32
		 * (Nicolas Boichat, "mm: Add /sys/kernel/slab/cache/cache_dma32",
		 * Dec 2018) and never merged; mainline has the flag only. Shown
		 * where a ZONE_DMA32 exists (x86_64), as cache_dma is with ZONE_DMA.
		 */
		pr_info("  cache_dma32     %d     # not in Linux: the 2018 proposal, never merged\n",
			!!(s->flags & SLAB_CACHE_DMA32));
#endif
		pr_info("  hwcache_align   %d\n", !!(s->flags & SLAB_HWCACHE_ALIGN));
		pr_info("  red_zone        %d\n", !!(s->flags & SLAB_RED_ZONE));
		pr_info("  poison          %d\n", !!(s->flags & SLAB_POISON));
		pr_info("  store_user      %d\n", !!(s->flags & SLAB_STORE_USER));
		pr_info("  sanity_checks   %d\n", !!(s->flags & SLAB_CONSISTENCY_CHECKS));
		pr_info("  flags           %#x\n", s->flags);
		pr_info("  ctor            %s\n", s->ctor ? "yes" : "no");
		pr_info("  partial         %lu\n", s->nr_partial);
		pr_info("  slabs           %lu\n", s->nr_slabs);
		pr_info("  objects         %lu\n", kmem_cache_live_objects(s));
		pr_info("  total_objects   %lu\n", s->total_objects);
		pr_info("  quarantined     %lu\n", s->quarantined);
		return 0;
	}
	return -ENOENT;
}
