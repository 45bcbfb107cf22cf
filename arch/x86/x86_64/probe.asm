; SPDX-License-Identifier: MIT
; arch/x86/x86_64/probe.asm - accesses that may fault, recovered by the extable.
;
; Owns: the probe_* functions (asm/extable.h). Each has one instruction that
; may fault and an __ex_table entry sending the fault to a landing that
; returns -EFAULT. probe_exec calls an address; a fault on fetching it is
; matched by its return address (EX_CALL) and the landing restores RSP.

%define EFAULT 14
%define EX_INSN 0
%define EX_CALL 1

global probe_read_u8, probe_write_u8, probe_read_ulong, probe_exec, probe_ud2, probe_div0

%macro EXTABLE 3
section __ex_table progbits alloc noexec nowrite align=8
	dq %1, %2, %3
section .text
%endmacro

section .text
bits 64

; long probe_read_u8(const void *addr, u8 *val)
probe_read_u8:
.insn:	mov al, [rdi]
	mov [rsi], al
	xor eax, eax
	ret
.fix:	mov rax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

; long probe_read_ulong(const void *addr, unsigned long *val)
probe_read_ulong:
.insn:	mov rax, [rdi]
	mov [rsi], rax
	xor eax, eax
	ret
.fix:	mov rax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

; long probe_write_u8(void *addr, u8 val)
probe_write_u8:
.insn:	mov [rdi], sil
	xor eax, eax
	ret
.fix:	mov rax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

; long probe_exec(void *addr): call addr; 0 if it returned, -EFAULT if fetching faulted
probe_exec:
	push rbx
	mov rbx, rsp
	call rdi
.ret:	xor eax, eax
	pop rbx
	ret
.fix:	mov rsp, rbx
	mov rax, -EFAULT
	pop rbx
	ret
EXTABLE .ret, .fix, EX_CALL

; long probe_ud2(void): executes an invalid opcode
probe_ud2:
.insn:	ud2
	xor eax, eax
	ret
.fix:	mov rax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

; long probe_div0(unsigned long n): n / 0
probe_div0:
	mov rax, rdi
	xor edx, edx
	xor ecx, ecx
.insn:	div rcx
	xor eax, eax
	ret
.fix:	mov rax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN
