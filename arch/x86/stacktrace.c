// SPDX-License-Identifier: MIT
/*
 * arch/x86/stacktrace.c - walk frame pointers on the kernel stacks.
 *
 * Owns: the unwinder. It trusts nothing it reads: every frame must lie in
 * the same kernel stack as the first one, above the previous frame, and
 * aligned; anything else ends the trace.
 */
#include <asm/desc.h>
#include <asm/stacktrace.h>
#include <kernel/printk.h>

struct guarded_stack *stack_guard_of(unsigned long addr)
{
	for (unsigned int i = 0; i < nr_kernel_stacks; i++) {
		unsigned long lo = (unsigned long)kernel_stacks[i]->guard;

		if (addr >= lo && addr < lo + PAGE_SIZE)
			return kernel_stacks[i];
	}
	return NULL;
}

static struct guarded_stack *stack_of(unsigned long addr)
{
	for (unsigned int i = 0; i < nr_kernel_stacks; i++) {
		unsigned long lo = (unsigned long)kernel_stacks[i]->stack;

		if (addr >= lo && addr < lo + THREAD_SIZE)
			return kernel_stacks[i];
	}
	return NULL;
}

unsigned int save_stack_trace(unsigned long bp, unsigned long *entries, unsigned int max)
{
	struct guarded_stack *s = stack_of(bp);
	unsigned int n = 0;

	while (s && n < max && bp && !(bp & (sizeof(long) - 1)) &&
	       bp + 2 * sizeof(long) <= stack_top(s)) {
		unsigned long *frame = (unsigned long *)bp;
		unsigned long next = frame[0];

		if (!frame[1])
			break;
		entries[n++] = frame[1];
		if (next <= bp)
			break;
		bp = next;
	}
	return n;
}

void show_trace(unsigned long ip, unsigned long bp)
{
	unsigned long entries[STACKTRACE_MAX];
	unsigned int n = save_stack_trace(bp, entries, STACKTRACE_MAX);

	printk(KERN_EMERG "Call Trace:\n");
	if (ip)
		printk(KERN_EMERG " %pS\n", (void *)ip);
	for (unsigned int i = 0; i < n; i++)
		printk(KERN_EMERG " %pB\n", (void *)entries[i]);
}
