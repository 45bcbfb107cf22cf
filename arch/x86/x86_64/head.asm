; SPDX-License-Identifier: MIT
; arch/x86/x86_64/head.asm - the 32-bit trampoline into long mode.
;
; Owns: the boot page tables (identity map of the first 4 GiB, the same 4 GiB
; at the direct-map base PAGE_OFFSET, and the first 1 GiB at the kernel's
; -2 GiB link address, all with 2 MiB pages), the boot GDT, and the jump to
; x86_64_start_kernel() on the guarded init stack. arch/x86/mm/init.c replaces
; these tables with the real ones; nothing here is used after that.
; Must not touch: C code before the high jump (it is linked at -2 GiB).

%define PAGE_OFFSET_PML4_INDEX	273		; 0xffff888000000000 >> 39 & 511
%define PTE_P			(1 << 0)
%define PTE_RW			(1 << 1)
%define PTE_PS			(1 << 7)
%define MSR_EFER		0xc0000080
%define EFER_LME		(1 << 8)
%define EFER_NXE		(1 << 11)

extern boot_panic32, x86_64_start_kernel, init_stack

; struct guarded_stack (asm/desc.h): a guard page, then THREAD_SIZE of stack
%define INIT_STACK_TOP	(init_stack + 4096 + 16 * 1024)
global arch_boot32

section .boot.text
bits 32
; EAX = Multiboot magic, EBX = physical address of the Multiboot info.
arch_boot32:
	mov [boot_magic], eax
	mov [boot_info], ebx

	mov eax, 0x80000000		; long mode available?
	cpuid
	cmp eax, 0x80000001
	jb .no_lm
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29
	jz .no_lm
	mov [boot_ext_edx], edx

	; zero the boot tables (7 pages)
	mov edi, boot_pml4
	mov ecx, 7 * 4096 / 4
	xor eax, eax
	rep stosd

	; four page directories: 2048 x 2 MiB = 4 GiB identity
	mov edi, boot_pd
	mov eax, PTE_P | PTE_RW | PTE_PS
	xor edx, edx
	mov ecx, 2048
.fill_pd:
	mov [edi], eax
	mov [edi + 4], edx
	add eax, 0x200000
	adc edx, 0
	add edi, 8
	loop .fill_pd

	; PDPT (low): 4 entries -> the 4 page directories
	mov edi, boot_pdpt_low
	mov eax, boot_pd + (PTE_P | PTE_RW)
	mov ecx, 4
.fill_pdpt:
	mov [edi], eax
	add eax, 4096
	add edi, 8
	loop .fill_pdpt

	; PDPT (high): entry 510 = -2 GiB -> first page directory (0..1 GiB)
	mov dword [boot_pdpt_high + 510 * 8], boot_pd + (PTE_P | PTE_RW)

	mov dword [boot_pml4], boot_pdpt_low + (PTE_P | PTE_RW)
	mov dword [boot_pml4 + PAGE_OFFSET_PML4_INDEX * 8], boot_pdpt_low + (PTE_P | PTE_RW)
	mov dword [boot_pml4 + 511 * 8], boot_pdpt_high + (PTE_P | PTE_RW)

	mov eax, cr4
	or eax, 1 << 5			; PAE
	mov cr4, eax
	mov eax, boot_pml4
	mov cr3, eax

	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	test dword [boot_ext_edx], 1 << 20
	jz .no_nx
	or eax, EFER_NXE
.no_nx:
	wrmsr

	mov eax, cr0
	or eax, (1 << 31) | (1 << 16)	; PG, WP
	mov cr0, eax

	lgdt [boot_gdt_desc]
	jmp 0x08:.long_mode

.no_lm:
	mov eax, msg_no_lm
	jmp boot_panic32

bits 64
.long_mode:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov rax, start_high
	jmp rax

section .boot.data
align 16
boot_gdt:
	dq 0
	dq 0x00af9a000000ffff		; 0x08: 64-bit code
	dq 0x00cf92000000ffff		; 0x10: data
boot_gdt_end:
boot_gdt_desc:
	dw boot_gdt_end - boot_gdt - 1
	dq boot_gdt
boot_magic:	dd 0
boot_info:	dd 0
boot_ext_edx:	dd 0
msg_no_lm:
	db "mmos: this CPU has no long mode; boot the i386 build", 13, 10, 0

section .boot.pgtable nobits alloc noexec write align=4096
boot_pml4:	resb 4096
boot_pdpt_low:	resb 4096
boot_pdpt_high:	resb 4096
boot_pd:	resb 4 * 4096

section .text.entry progbits alloc exec nowrite align=16
bits 64
start_high:
	mov rsp, INIT_STACK_TOP
	xor ebp, ebp
	mov edi, dword [boot_magic]
	mov esi, dword [boot_info]
	call x86_64_start_kernel
.hang:
	cli
	hlt
	jmp .hang

