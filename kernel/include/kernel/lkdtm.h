/* SPDX-License-Identifier: MIT */
/*
 * kernel/lkdtm.h - deliberate crashes for testing the crash paths.
 */
#ifndef KERNEL_LKDTM_H
#define KERNEL_LKDTM_H

#include <kernel/types.h>

/* crash= was given on the command line. */
bool lkdtm_requested(void);
/* Perform the crash= type (returns only for non-fatal ones). */
void lkdtm_boot_crash(void);

#endif
