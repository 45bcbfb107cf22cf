/* SPDX-License-Identifier: MIT */
/*
 * kernel/string.h - the C string and memory functions the kernel provides.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <kernel/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
/* Copy with truncation; always NUL-terminates when size > 0; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
/*
 * Linux's kstrtoull()/kstrtoul() (lib/kstrtox.c): the whole string is one
 * number, an optional '+', then digits in base (0: "0x" hex, a leading 0
 * octal, else decimal), at most one trailing newline. Returns 0, -EINVAL
 * (empty, a stray character) or -ERANGE (does not fit); *res is written
 * only on success.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
/* Shell-style glob: '*' any run, '?' one character. */
bool glob_match(const char *pattern, const char *str);

#endif
