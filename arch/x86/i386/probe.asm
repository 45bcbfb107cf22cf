; SPDX-License-Identifier: MIT
; arch/x86/i386/probe.asm - accesses that may fault, recovered by the extable.
;
; Owns: the probe_* functions (asm/extable.h), cdecl. Each has one instruction
; that may fault and an __ex_table entry sending the fault to a landing that
; returns -EFAULT. probe_exec calls an address; a fault on fetching it is
; matched by its return address (EX_CALL) and the landing restores ESP.

%define EFAULT 14
%define EX_INSN 0
%define EX_CALL 1

global probe_read_u8, probe_write_u8, probe_read_ulong, probe_exec, probe_ud2, probe_div0

%macro EXTABLE 3
section __ex_table progbits alloc noexec nowrite align=4
	dd %1, %2, %3
section .text
%endmacro

section .text
bits 32

probe_read_u8:
	mov ecx, [esp + 4]
	mov edx, [esp + 8]
.insn:	mov al, [ecx]
	mov [edx], al
	xor eax, eax
	ret
.fix:	mov eax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

probe_read_ulong:
	mov ecx, [esp + 4]
	mov edx, [esp + 8]
.insn:	mov eax, [ecx]
	mov [edx], eax
	xor eax, eax
	ret
.fix:	mov eax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

probe_write_u8:
	mov ecx, [esp + 4]
	mov edx, [esp + 8]
.insn:	mov [ecx], dl
	xor eax, eax
	ret
.fix:	mov eax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

probe_exec:
	push ebx
	mov ebx, esp
	call [esp + 8]
.ret:	xor eax, eax
	pop ebx
	ret
.fix:	mov esp, ebx
	mov eax, -EFAULT
	pop ebx
	ret
EXTABLE .ret, .fix, EX_CALL

probe_ud2:
.insn:	ud2
	xor eax, eax
	ret
.fix:	mov eax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN

probe_div0:
	mov eax, [esp + 4]
	xor edx, edx
	xor ecx, ecx
.insn:	div ecx
	xor eax, eax
	ret
.fix:	mov eax, -EFAULT
	ret
EXTABLE .insn, .fix, EX_INSN
