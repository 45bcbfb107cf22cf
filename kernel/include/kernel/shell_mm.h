/* SPDX-License-Identifier: MIT */
/*
 * kernel/shell_mm.h - the shell's handles on memory (kernel/shell_mm.c):
 * what alloc, kmalloc, kmem_cache_create/_alloc, vmalloc and kmap hand out,
 * numbered from 1, the lowest free number first.
 */
#ifndef KERNEL_SHELL_MM_H
#define KERNEL_SHELL_MM_H

#define SHELL_MAX_HANDLES	64

/* Handles held now (a ktest resource: a case gives back what it took). */
unsigned int shell_handles_held(void);
/* An id no handle holds, or 0 when all are held (tests: a refusal that frees nothing). */
unsigned int shell_handle_unused(void);
/* The id the last command that made a handle chose (0: none yet). */
unsigned int shell_last_handle(void);
/*
 * The page behind a handle: an alloc's first page, a kmap's page, the slab
 * (head) page of a kmalloc or cache object; NULL for other kinds or no handle.
 */
struct page;
struct page *shell_handle_page(unsigned int id);

#endif
