/* SPDX-License-Identifier: MIT */
/*
 * kernel/cache.h - the CPU cache line: its size, and the alignment that
 * gives a hot structure lines of its own (as Linux's <linux/cache.h>).
 */
#ifndef KERNEL_CACHE_H
#define KERNEL_CACHE_H

#include <kernel/compiler.h>

#define L1_CACHE_BYTES		64	/* every x86 CPU with PAE and NX that mmos boots on */
#define ____cacheline_aligned	__aligned(L1_CACHE_BYTES)

#endif
