/* SPDX-License-Identifier: MIT */
/*
 * tests/host asm/pgtable_areas.h - the vmemmap lives in a reserved host
 * mapping made by the shim; its pages are backed when first touched.
 */
#ifndef ASM_PGTABLE_AREAS_H
#define ASM_PGTABLE_AREAS_H

extern unsigned long host_vmemmap;
#define VMEMMAP_START	host_vmemmap

#endif
