/* SPDX-License-Identifier: MIT */
/*
 * kernel/include/kernel/compiler.h - attributes and small helpers every file uses.
 *
 * Owns: likely/unlikely, section and alignment attributes, ARRAY_SIZE,
 * container_of, ALIGN/IS_ALIGNED, min/max, BUILD_BUG_ON. Names a hosted C
 * library also defines are guarded, for the hosted build of mm/.
 */
#ifndef KERNEL_COMPILER_H
#define KERNEL_COMPILER_H

#include <kernel/types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#ifndef __noreturn
#define __noreturn	__attribute__((noreturn))
#endif
#ifndef __section
#define __section(s)	__attribute__((section(s)))
#endif
#ifndef __aligned
#define __aligned(n)	__attribute__((aligned(n)))
#endif
#ifndef __packed
#define __packed	__attribute__((packed))
#endif
#ifndef __used
#define __used		__attribute__((used))
#endif
#ifndef __unused
#define __unused	__attribute__((unused))
#endif
#ifndef __weak
#define __weak		__attribute__((weak))
#endif
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif
#ifndef __always_inline
#define __always_inline	inline __attribute__((always_inline))
#endif
#ifndef noinline
#define noinline	__attribute__((noinline))
#endif
#define barrier()	__asm__ __volatile__("" ::: "memory")

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))

#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_		({ __label__ __here; __here: (unsigned long)&&__here; })

#endif
