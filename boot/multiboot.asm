; SPDX-License-Identifier: MIT
; boot/multiboot.asm - Multiboot 1 and 2 headers and the 32-bit entry point.
;
; Owns: both Multiboot headers (MB1 with the a.out-kludge address fields so a
; flat image boots through QEMU -kernel and GRUB "multiboot"; MB2 for GRUB
; "multiboot2" loading the ELF), the boot stack, and _start32: the common
; first instructions for both arches. It runs in 32-bit protected mode with
; paging off, checks the loader's magic, zeroes .bss, and jumps to the arch's
; arch_boot32 (arch/x86/<arch>/head.asm) with EAX = magic and EBX = info.
; Must not touch: anything linked high; it only sees physical addresses.

%define MB1_MAGIC		0x1badb002
%define MB1_FLAGS		((1 << 0) | (1 << 1) | (1 << 16))
%define MB2_MAGIC		0xe85250d6

extern __boot_start, __edata_phys, __bss_start_phys, __bss_stop_phys
extern arch_boot32
global _start32, boot_panic32

section .multiboot progbits alloc noexec nowrite align=8
mb1_header:
	dd MB1_MAGIC
	dd MB1_FLAGS
	dd -(MB1_MAGIC + MB1_FLAGS)
	dd mb1_header			; header_addr
	dd __boot_start			; load_addr
	dd __edata_phys			; load_end_addr
	dd __bss_stop_phys		; bss_end_addr
	dd _start32			; entry_addr

align 8
mb2_header:
	dd MB2_MAGIC
	dd 0				; architecture: i386 protected mode
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + (mb2_header_end - mb2_header))
	; information request: cmdline, loader name, modules, meminfo, mmap
	dw 1, 0
	dd 8 + 5 * 4
	dd 1, 2, 3, 4, 6
	align 8
	; end tag
	dw 0, 0
	dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite align=16
bits 32
_start32:
	cli
	cld
	mov esp, boot_stack_top
	mov esi, eax			; keep magic and info across the bss clear
	mov edi, ebx

	cmp esi, 0x2badb002
	je .magic_ok
	cmp esi, 0x36d76289
	je .magic_ok
	mov eax, msg_magic
	jmp boot_panic32
.magic_ok:
	mov ebx, edi
	mov edi, __bss_start_phys
	mov ecx, __bss_stop_phys
	sub ecx, edi
	xor eax, eax
	rep stosb
	mov eax, esi
	jmp arch_boot32

; boot_panic32: print the NUL-terminated string at EAX on COM1 and stop.
; Used before paging exists, when the serial driver is not yet running.
boot_panic32:
	mov esi, eax
.next:
	mov dx, 0x3fd
.wait:
	in al, dx
	test al, 0x20
	jz .wait
	lodsb
	test al, al
	jz .halt
	mov dx, 0x3f8
	out dx, al
	jmp .next
.halt:
	cli
	hlt
	jmp .halt

section .boot.data progbits alloc noexec write align=16
msg_magic:
	db "mmos: not started by a Multiboot loader; halting", 13, 10, 0
align 16
boot_stack:
	times 4096 db 0
boot_stack_top:
