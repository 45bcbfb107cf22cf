/* SPDX-License-Identifier: MIT */
/*
 * kernel/time.h - the tick and the clock.
 *
 * jiffies counts timer interrupts (HZ per second) from when the timer starts.
 * local_clock_ns() is nanoseconds since the clock was calibrated (TSC against
 * the PIT); it returns 0 before calibration.
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

#define HZ	100

extern volatile unsigned long jiffies;
extern unsigned long tsc_khz;

u64 local_clock_ns(void);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void time_init(void);

#endif
