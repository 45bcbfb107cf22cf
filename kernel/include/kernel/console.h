/* SPDX-License-Identifier: MIT */
/*
 * kernel/console.h - the console contract an arch provides (COM1 on x86).
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <kernel/types.h>

void serial_init(void);
/* Start interrupt-driven input (needs the IRQ layer). */
void serial_enable_rx_irq(void);
/* Write n bytes; '\n' goes out as CR LF. Never blocks for long, never fails. */
void arch_console_write(const char *s, size_t n);
/* One input byte, or -1 if none is waiting. Does not block. */
int arch_console_getc(void);

#endif
