; SPDX-License-Identifier: MIT
; arch/x86/i386/head.asm - turn on PAE paging and jump to the 3 GiB link address.
;
; Owns: the boot PAE tables (one page directory of 2 MiB pages covering the
; first 1 GiB, installed both at 0 and at PAGE_OFFSET = 0xC0000000), EFER.NXE
; when the CPU has NX, and the jump to i386_start_kernel() on the guarded init
; stack. arch/x86/mm/init.c replaces these tables with the real ones.
; Must not touch: C code before the high jump (it is linked at 3 GiB).

%define PTE_P		(1 << 0)
%define PTE_RW		(1 << 1)
%define PTE_PS		(1 << 7)
%define MSR_EFER	0xc0000080
%define EFER_NXE	(1 << 11)

extern boot_panic32, i386_start_kernel, init_stack

; struct guarded_stack (asm/desc.h): a guard page, then THREAD_SIZE of stack
%define INIT_STACK_TOP	(init_stack + 4096 + 16 * 1024)
global arch_boot32

section .boot.text
bits 32
; EAX = Multiboot magic, EBX = physical address of the Multiboot info.
arch_boot32:
	mov [boot_magic], eax
	mov [boot_info], ebx

	mov eax, 1			; PAE is required
	cpuid
	test edx, 1 << 6
	jz .no_pae

	mov edi, boot_pd
	mov ecx, 4096 / 4
	xor eax, eax
	rep stosd
	mov edi, boot_pd
	mov eax, PTE_P | PTE_RW | PTE_PS
	mov ecx, 512
.fill_pd:
	mov [edi], eax
	add eax, 0x200000
	add edi, 8
	loop .fill_pd

	; PDPT entries carry only the present bit in PAE mode
	mov dword [boot_pdpt + 0 * 8], boot_pd + PTE_P
	mov dword [boot_pdpt + 3 * 8], boot_pd + PTE_P

	mov eax, 0x80000000		; NX, if the CPU has it
	cpuid
	cmp eax, 0x80000001
	jb .no_nx
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 20
	jz .no_nx
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_NXE
	wrmsr
.no_nx:
	mov eax, cr4
	or eax, 1 << 5			; PAE
	mov cr4, eax
	mov eax, boot_pdpt
	mov cr3, eax
	mov eax, cr0
	or eax, (1 << 31) | (1 << 16)	; PG, WP
	mov cr0, eax
	mov eax, start_high
	jmp eax

.no_pae:
	mov eax, msg_no_pae
	jmp boot_panic32

section .boot.data
boot_magic:	dd 0
boot_info:	dd 0
msg_no_pae:
	db "mmos: this CPU has no PAE; mmos/i386 needs it", 13, 10, 0
align 32
boot_pdpt:	times 4 dq 0

section .boot.pgtable nobits alloc noexec write align=4096
boot_pd:	resb 4096

section .text.entry progbits alloc exec nowrite align=16
start_high:
	mov esp, INIT_STACK_TOP
	xor ebp, ebp
	push dword [boot_info]
	push dword [boot_magic]
	call i386_start_kernel
.hang:
	cli
	hlt
	jmp .hang
