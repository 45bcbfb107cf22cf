// SPDX-License-Identifier: MIT
/*
 * arch/x86/time.c - the PIT tick and the TSC clock.
 *
 * Owns: jiffies (IRQ 0 at HZ from PIT channel 0, mode 2) and the TSC clock:
 * tsc_khz is measured against a 10 ms one-shot of PIT channel 2, then
 * local_clock_ns() turns TSC cycles into nanoseconds with a 32-bit
 * multiplier and shift, overflow-free for centuries of uptime.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define PIT_HZ		1193182
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_B		0x61
#define CAL_MS		10
#define CLOCK_SHIFT	22

volatile unsigned long jiffies;
unsigned long tsc_khz;
static u64 tsc_base;
static u32 tsc_mult;	/* ns = cycles * mult >> CLOCK_SHIFT */

static u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	u64 lo = ((u64)(u32)a * mul) >> shift;
	u64 hi = ((u64)(u32)(a >> 32) * mul) << (32 - shift);

	return lo + hi;
}

u64 local_clock_ns(void)
{
	if (!tsc_mult)
		return 0;
	return mul_u64_u32_shr(rdtsc() - tsc_base, tsc_mult, CLOCK_SHIFT);
}

/* Count TSC cycles over CAL_MS of PIT channel 2 (gate on, speaker off). */
static unsigned long calibrate_tsc_khz(void)
{
	u16 count = PIT_HZ * CAL_MS / 1000;
	u64 t0, t1;
	unsigned long spins = 0;

	outb(PORT_B, (inb(PORT_B) & ~0x02) | 0x01);
	outb(PIT_CMD, 0xb0);		/* channel 2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	t0 = rdtsc();
	while (!(inb(PORT_B) & 0x20) && ++spins < 100000000UL)
		;
	t1 = rdtsc();
	return (unsigned long)((t1 - t0) / CAL_MS);
}

static void timer_interrupt(unsigned int irq)
{
	(void)irq;
	jiffies++;
}

void time_init(void)
{
	u16 divisor = (PIT_HZ + HZ / 2) / HZ;

	if (boot_cpu_data.has_tsc) {
		tsc_khz = calibrate_tsc_khz();
		if (tsc_khz >= 1000) {	/* below 1 MHz the multiplier overflows */
			tsc_mult = (u32)((1000000ULL << CLOCK_SHIFT) / tsc_khz);
			tsc_base = rdtsc();
		}
	}
	outb(PIT_CMD, 0x34);		/* channel 0, lobyte/hibyte, mode 2 */
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	request_irq(0, timer_interrupt);
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
	pr_info("clocksource: PIT timer at %d Hz on IRQ 0\n", HZ);
}

void udelay(unsigned long usecs)
{
	u64 end;

	if (!tsc_khz) {
		for (unsigned long i = 0; i < usecs; i++)
			io_delay();
		return;
	}
	end = rdtsc() + (u64)usecs * tsc_khz / 1000;
	while (rdtsc() < end)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
