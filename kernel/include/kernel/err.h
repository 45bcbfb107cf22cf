/* SPDX-License-Identifier: MIT */
/*
 * kernel/err.h - an error number carried in a pointer, as Linux's <linux/err.h>.
 *
 * The top 4095 addresses are never valid objects, so a function returning a
 * pointer can return ERR_PTR(-ENOMEM) instead and the caller tells the two
 * apart with IS_ERR().
 */
#ifndef KERNEL_ERR_H
#define KERNEL_ERR_H

#include <kernel/compiler.h>

#define MAX_ERRNO	4095

#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
