; SPDX-License-Identifier: MIT
; arch/x86/i386/entry.asm - interrupt and exception entry for i386.
;
; Owns: one stub per IDT vector (isr_stub_table) that makes the frame uniform
; (a zero error code where the CPU pushes none, then the vector), and the
; common path: pushad forms struct pt_regs (asm/ptrace.h), then
; x86_trap_dispatch(regs), then iretd with whatever the handler left in regs.
; Also the double-fault task entry: #DF arrives through a task gate, on its
; own TSS and stack, so a kernel stack overflow is still reported.

extern x86_trap_dispatch, x86_double_fault_task
global isr_stub_table, double_fault_task_entry

section .text
bits 32

%macro STUB 1
isr_%1:
%if (%1 = 8) || (%1 = 10) || (%1 = 11) || (%1 = 12) || (%1 = 13) || (%1 = 14) || (%1 = 17) || (%1 = 21) || (%1 = 29) || (%1 = 30)
	push dword %1
%else
	push dword 0
	push dword %1
%endif
	jmp common_entry
%endmacro

%assign i 0
%rep 256
STUB i
%assign i i + 1
%endrep

common_entry:
	pushad
	cld
	mov eax, esp
	push eax
	call x86_trap_dispatch
	add esp, 4
	popad
	add esp, 8			; vector and error code
	iretd

double_fault_task_entry:
	xor ebp, ebp
	call x86_double_fault_task
.hang:
	cli
	hlt
	jmp .hang

section .rodata
align 4
isr_stub_table:
%assign i 0
%rep 256
	dd isr_ %+ i
%assign i i + 1
%endrep
