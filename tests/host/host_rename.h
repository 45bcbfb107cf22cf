/* SPDX-License-Identifier: MIT */
/*
 * tests/host/host_rename.h - included first in every project file of the
 * hosted build. The kernel's own string and format functions keep their
 * behaviour (%pS, glob_match, ...) under names that do not clash with the
 * C library the shim and the sanitizer runtimes use.
 */
#define memset		mmos_memset
#define memcpy		mmos_memcpy
#define memmove		mmos_memmove
#define memcmp		mmos_memcmp
#define strlen		mmos_strlen
#define strnlen		mmos_strnlen
#define strcmp		mmos_strcmp
#define strncmp		mmos_strncmp
#define strchr		mmos_strchr
#define strstr		mmos_strstr
#define strlcpy		mmos_strlcpy
#define snprintf	mmos_snprintf
#define vsnprintf	mmos_vsnprintf
#define scnprintf	mmos_scnprintf
