/* SPDX-License-Identifier: MIT */
/*
 * asm/desc.h - segment selectors, the IDT contract, and the kernel stacks.
 *
 * Every kernel stack is a struct guarded_stack: an unmapped guard page right
 * below the stack, so running off the bottom faults instead of silently
 * corrupting what lies beneath. paging_init() leaves the guard pages out of
 * the kernel mapping; x86_64 takes double faults on their own IST stack,
 * i386 through a task gate with its own TSS and stack.
 */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include <kernel/types.h>
#include <asm/page.h>

#define __KERNEL_CS	0x08
#define __KERNEL_DS	0x10
#define GDT_TSS		0x18	/* x86_64: 16-byte descriptor */
#define GDT_DF_TSS	0x20	/* i386: the double-fault task */

#define THREAD_SIZE	(16 * 1024)

struct guarded_stack {
	u8 guard[PAGE_SIZE];
	u8 stack[THREAD_SIZE];
} __attribute__((aligned(4096)));

extern struct guarded_stack init_stack, double_fault_stack;
/* All kernel stacks, for paging_init (guards) and the unwinder (bounds). */
extern struct guarded_stack *const kernel_stacks[];
extern const unsigned int nr_kernel_stacks;

static inline unsigned long stack_top(struct guarded_stack *s)
{
	return (unsigned long)s->stack + THREAD_SIZE;
}

struct pt_regs;
void idt_init(void);
#ifndef CONFIG_X86_64
void set_double_fault_cr3(unsigned long cr3);
void x86_saved_task_state(struct pt_regs *regs);
#endif

#endif
