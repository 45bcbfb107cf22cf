/* SPDX-License-Identifier: MIT */
/*
 * kernel/include/kernel/types.h - fixed-width and kernel-wide types.
 *
 * Owns: u8..u64, s8..s64, phys_addr_t and dma_addr_t (64-bit on both arches:
 * i386 PAE addresses RAM above 4 GiB), pfn and size conventions.
 * Only freestanding compiler headers are used, so the same file serves the
 * kernel and the hosted build of mm/.
 */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef __PTRDIFF_TYPE__ ssize_t;	/* int on i386, long on x86_64, as size_t */

#endif
