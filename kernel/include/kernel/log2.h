/* SPDX-License-Identifier: MIT */
/*
 * kernel/log2.h - integer base-2 logarithms, as Linux's fls_long() and ilog2().
 */
#ifndef KERNEL_LOG2_H
#define KERNEL_LOG2_H

/* The 1-based position of the highest set bit; 0 for 0. */
static inline unsigned int fls_long(unsigned long x)
{
	return x ? (unsigned int)(8 * sizeof(long)) - (unsigned int)__builtin_clzl(x) : 0;
}

/* floor(log2(x)), for x > 0. */
static inline unsigned int ilog2(unsigned long x)
{
	return fls_long(x) - 1;
}

#endif
