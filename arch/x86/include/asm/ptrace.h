/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h - struct pt_regs: the register frame an exception or IRQ saves.
 *
 * The layout is fixed by the entry stubs (arch/x86/<arch>/entry.asm): general
 * registers as the stub pushes them, then vector and error code, then the
 * frame the CPU pushed. A kernel-mode trap on i386 pushes no SS:ESP, so the
 * interrupted stack pointer is the address just past the frame.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#ifdef CONFIG_X86_64
struct pt_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long bp, di, si, dx, cx, bx, ax;
	unsigned long vector, error_code;
	unsigned long ip, cs, flags, sp, ss;
};

static inline unsigned long kernel_stack_pointer(struct pt_regs *regs)
{
	return regs->sp;
}
#else
struct pt_regs {
	unsigned long di, si, bp, sp_unused, bx, dx, cx, ax;
	unsigned long vector, error_code;
	unsigned long ip, cs, flags;
};

static inline unsigned long kernel_stack_pointer(struct pt_regs *regs)
{
	return (unsigned long)(regs + 1);
}
#endif

#endif
