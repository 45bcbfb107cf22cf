// SPDX-License-Identifier: MIT
/*
 * kernel/softirq.c - the per-CPU interrupt nesting count behind in_interrupt().
 *
 * Owns: hardirq_count (kernel/hardirq.h). Linux's kernel/softirq.c holds
 * irq_enter()/irq_exit(); mmos has no softirqs, only this count. It is
 * part of the hosted build too, where a test brackets code with
 * irq_enter()/irq_exit() to run it "in interrupt context".
 */
#include <kernel/hardirq.h>

DEFINE_PER_CPU(unsigned int, hardirq_count);
