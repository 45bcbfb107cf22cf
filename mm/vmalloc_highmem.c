// SPDX-License-Identifier: MIT
/*
 * mm/vmalloc_highmem.c - which zones vmalloc's data pages come from: the
 * __GFP_HIGHMEM rule and its history (vmalloc_highmem=), GFP_VMALLOC32
 * for vmalloc_32(), and the boot line that says which rule is in force.
 * Linux has one rule, in mm/vmalloc.c; mmos keeps the three it went
 * through, so a lab can boot each and see what it did.
 *
 * Owns: vmalloc_highmem_rule and the masks derived from it
 * (vmalloc_highmem_gfp(), gfp_vmalloc32()). mm/vmalloc.c asks for the
 * pages with them.
 * Tests: tests/kernel/vmalloc_test.c (the zones of each rule's pages).
 */
#include <kernel/cmdline.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/vmalloc.h>
#include "internal.h"

enum vmalloc_highmem_rule vmalloc_highmem_rule = VMALLOC_HIGHMEM_2018;

static const char *const rule_names[] = {
	[VMALLOC_HIGHMEM_2017_03] = "2017-03",
	[VMALLOC_HIGHMEM_2017_08] = "2017-08",
	[VMALLOC_HIGHMEM_2018] = "2018",
};

const char *vmalloc_highmem_rule_name(enum vmalloc_highmem_rule rule)
{
	return rule < ARRAY_SIZE(rule_names) ? rule_names[rule] : "?";
}

/* vmalloc_highmem=2017-03|2017-08|2018; anything else is reported and leaves the default. */
static int set_vmalloc_highmem(const char *val, const struct kernel_param *kp)
{
	(void)kp;
	for (unsigned int i = 0; val && i < ARRAY_SIZE(rule_names); i++) {
		if (!strcmp(val, rule_names[i])) {
			vmalloc_highmem_rule = (enum vmalloc_highmem_rule)i;
			return 0;
		}
	}
	return -EINVAL;
}

static int get_vmalloc_highmem(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return snprintf(buf, size, "%s", vmalloc_highmem_rule_name(vmalloc_highmem_rule));
}

static const struct kernel_param_ops vmalloc_highmem_ops = {
	set_vmalloc_highmem, get_vmalloc_highmem, "2017-03|2017-08|2018"
};
core_param_cb(vmalloc_highmem, vmalloc_highmem_ops);

/*
 * GFP_VMALLOC32 as Linux defines it in mm/vmalloc.c: 64-bit kernels with
 * ZONE_DMA32 ask for DMA32, and so do 32-bit ones since 698d0831ba87
 * (2018); before it (the 2017 rules) the 32-bit mask was plain GFP_KERNEL.
 */
gfp_t gfp_vmalloc32(void)
{
#if defined(CONFIG_X86_64) && defined(CONFIG_ZONE_DMA32)
	return GFP_DMA32 | GFP_KERNEL;
#else
	if (vmalloc_highmem_rule < VMALLOC_HIGHMEM_2018)
		return GFP_KERNEL;
	return GFP_DMA32 | GFP_KERNEL;
#endif
}

/*
 * The mask for the data pages: __GFP_HIGHMEM unless the caller asked for
 * GFP_DMA or GFP_DMA32 (704b862f9efd, 2017-08). The first rule of 2017-03
 * (19809c2da28a) added it unconditionally, which turns vmalloc_32's
 * GFP_DMA32 into the invalid DMA32|HIGHMEM on 64-bit kernels.
 */
gfp_t vmalloc_highmem_gfp(gfp_t gfp_mask)
{
	if (vmalloc_highmem_rule == VMALLOC_HIGHMEM_2017_03)
		return gfp_mask | __GFP_HIGHMEM;
	if (!(gfp_mask & (GFP_DMA | GFP_DMA32)))	/* LAB 5 BEGIN highmem_rule */
		gfp_mask |= __GFP_HIGHMEM;	/* LAB 5 END highmem_rule */
	return gfp_mask;
}

void vmalloc_init(void)
{
	static const char *const commits[] = {
		[VMALLOC_HIGHMEM_2017_03] = "19809c2da28a",
		[VMALLOC_HIGHMEM_2017_08] = "704b862f9efd",
		[VMALLOC_HIGHMEM_2018] = "698d0831ba87",
	};
	static const char *const rules[] = {
		[VMALLOC_HIGHMEM_2017_03] = "implicit on every request",
		[VMALLOC_HIGHMEM_2017_08] = "implicit unless GFP_DMA/GFP_DMA32",
		[VMALLOC_HIGHMEM_2018] = "implicit unless GFP_DMA/GFP_DMA32",
	};
	char names[96];

	format_gfp_flags(names, sizeof(names), GFP_VMALLOC32);
	pr_info("vmalloc: __GFP_HIGHMEM rule of %s (%s): %s; vmalloc_32 uses %s\n",
		vmalloc_highmem_rule_name(vmalloc_highmem_rule), commits[vmalloc_highmem_rule],
		rules[vmalloc_highmem_rule], names);
}
