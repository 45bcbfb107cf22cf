// SPDX-License-Identifier: MIT
/*
 * kernel/panic.c - panic(), BUG() and WARN() reports.
 *
 * Owns: the report formats (Linux's wording, so a student can compare):
 *   "Kernel panic - not syncing: <why>", "kernel BUG at <file>:<line>!",
 *   "WARNING: CPU: 0 PID: 0 at <file>:<line> <function>+0x<off>/0x<size>"
 * each followed by a call trace; the taint counts (W for WARN, B for bad
 * page and slab reports) tests read, and clear_warn_once() over the _ONCE
 * forms' flags (the data_once section).
 * Must not touch: allocation of any kind; these run when things are broken.
 */
#include <asm/stacktrace.h>
#include <kernel/bug.h>
#include <kernel/irqflags.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/spinlock.h>

static unsigned long taints[TAINT_FLAGS_COUNT];
static bool in_panic;

/* Weak: a build with no _ONCE form has no such section (both are then NULL). */
extern bool __start_data_once[] __weak;
extern bool __stop_data_once[] __weak;

void add_taint(unsigned int flag)
{
	if (flag < TAINT_FLAGS_COUNT)
		taints[flag]++;
}

unsigned long taint_count(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT ? taints[flag] : 0;
}

unsigned long warn_count(void)
{
	return taint_count(TAINT_WARN);
}

void clear_warn_once(void)
{
	for (bool *flag = __start_data_once; flag < __stop_data_once; flag++)
		*flag = false;
}

static void trace_from_here(void)
{
	show_trace(0, (unsigned long)__builtin_frame_address(0));
}

void dump_stack(void)
{
	printk(KERN_EMERG "CPU: 0 PID: 0 Comm: swapper\n");
	trace_from_here();
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk_console_quiet(false);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!in_panic) {
		in_panic = true;
		dump_stack();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_exit(EXIT_PANIC);
}

void __bug(const char *file, int line, unsigned long ip)
{
	printk_console_quiet(false);
	printk(KERN_EMERG "------------[ cut here ]------------\n");
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	printk(KERN_EMERG "Oops: invalid opcode: 0000 [#1] at %pS\n", (void *)ip);
	trace_from_here();
	panic("Fatal exception");
}

void __warn(const char *file, int line, unsigned long ip, const char *fmt, ...)
{
	add_taint(TAINT_WARN);
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	if (fmt) {
		va_list ap;

		va_start(ap, fmt);
		vprintk(fmt, ap);
		va_end(ap);
	}
	printk(KERN_WARNING "WARNING: CPU: 0 PID: 0 at %s:%d %pS\n", file, line, (void *)ip);
	trace_from_here();
	printk(KERN_WARNING "---[ end trace ]---\n");
}

void spin_bug(spinlock_t *l, const char *msg, unsigned long caller)
{
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%u, lock %s, caller %pS\n", msg,
	       smp_processor_id(), l->name, (void *)caller);
	panic("spinlock %s", msg);
}
