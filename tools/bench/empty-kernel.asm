; SPDX-License-Identifier: MIT
; tools/bench/empty-kernel.asm - the smallest Multiboot kernel: exit QEMU at once.
;
; The floor for boot-time measurements: QEMU start-up, firmware, Multiboot
; loading, one port write to isa-debug-exit. Built as a flat image with the
; a.out-kludge header, like mmos.bin.
bits 32
org 0x100000
header:
	dd 0x1badb002
	dd (1 << 16)
	dd -(0x1badb002 + (1 << 16))
	dd header		; header_addr
	dd header		; load_addr
	dd end			; load_end_addr
	dd end			; bss_end_addr
	dd start		; entry_addr
start:
	mov dx, 0xf4
	mov eax, 0x10
	out dx, eax
.hang:
	hlt
	jmp .hang
end:
