; SPDX-License-Identifier: MIT
; arch/x86/x86_64/entry.asm - interrupt and exception entry for x86_64.
;
; Owns: one stub per IDT vector (isr_stub_table) that makes the frame uniform
; (a zero error code where the CPU pushes none, then the vector), and the
; common path that saves all registers as struct pt_regs (asm/ptrace.h),
; calls x86_trap_dispatch(regs) on a 16-byte aligned stack, and returns with
; iretq using whatever the handler left in regs (the fixup path edits RIP).

extern x86_trap_dispatch
global isr_stub_table

section .text
bits 64

%macro STUB 1
isr_%1:
%if (%1 = 8) || (%1 = 10) || (%1 = 11) || (%1 = 12) || (%1 = 13) || (%1 = 14) || (%1 = 17) || (%1 = 21) || (%1 = 29) || (%1 = 30)
	push qword %1
%else
	push qword 0
	push qword %1
%endif
	jmp common_entry
%endmacro

%assign i 0
%rep 256
STUB i
%assign i i + 1
%endrep

common_entry:
	push rax
	push rbx
	push rcx
	push rdx
	push rsi
	push rdi
	push rbp
	push r8
	push r9
	push r10
	push r11
	push r12
	push r13
	push r14
	push r15
	cld
	mov rdi, rsp
	mov rbx, rsp
	and rsp, -16
	call x86_trap_dispatch
	mov rsp, rbx
	pop r15
	pop r14
	pop r13
	pop r12
	pop r11
	pop r10
	pop r9
	pop r8
	pop rbp
	pop rdi
	pop rsi
	pop rdx
	pop rcx
	pop rbx
	pop rax
	add rsp, 16			; vector and error code
	iretq

section .rodata
align 8
isr_stub_table:
%assign i 0
%rep 256
	dq isr_ %+ i
%assign i i + 1
%endrep
