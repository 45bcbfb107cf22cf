/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h - x86 port I/O, MMIO accessors and ioremap().
 *
 * Port I/O is in/out. Memory-mapped registers are read and written through
 * readb()..readq()/writeb()..writeq(): one volatile access of that width,
 * never merged, split or cached by the compiler (Linux's build_mmio_read/
 * build_mmio_write); the mapping from ioremap() is uncached, so the access
 * reaches the device in program order. i386 has no 64-bit load or store in
 * general registers: readq()/writeq() there are two 32-bit accesses, low
 * half first (Linux's lo_hi_readq()/lo_hi_writeq()).
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <kernel/types.h>

static inline void outb(u16 port, u8 v) { __asm__ __volatile__("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(u16 port, u16 v) { __asm__ __volatile__("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outl(u16 port, u32 v) { __asm__ __volatile__("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 v; __asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16 inw(u16 port) { u16 v; __asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32 inl(u16 port) { u32 v; __asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }
/* A write to an unused port: about a microsecond on real hardware. */
static inline void io_delay(void) { outb(0x80, 0); }

#define __iomem

static inline u8 readb(const volatile void __iomem *addr)
{ return *(const volatile u8 *)addr; }
static inline u16 readw(const volatile void __iomem *addr)
{ return *(const volatile u16 *)addr; }
static inline u32 readl(const volatile void __iomem *addr)
{ return *(const volatile u32 *)addr; }
static inline void writeb(u8 v, volatile void __iomem *addr)
{ *(volatile u8 *)addr = v; }
static inline void writew(u16 v, volatile void __iomem *addr)
{ *(volatile u16 *)addr = v; }
static inline void writel(u32 v, volatile void __iomem *addr)
{ *(volatile u32 *)addr = v; }
#ifdef CONFIG_X86_64
static inline u64 readq(const volatile void __iomem *addr)
{ return *(const volatile u64 *)addr; }
static inline void writeq(u64 v, volatile void __iomem *addr)
{ *(volatile u64 *)addr = v; }
#else
static inline u64 readq(const volatile void __iomem *addr)
{
	u32 lo = readl(addr);

	return lo | (u64)readl((const volatile char __iomem *)addr + 4) << 32;
}
static inline void writeq(u64 v, volatile void __iomem *addr)
{
	writel((u32)v, addr);
	writel((u32)(v >> 32), (volatile char __iomem *)addr + 4);
}
#endif

/*
 * Map [phys_addr, phys_addr + size) uncached (PCD|PWT) into the vmalloc
 * range: an area of whole pages (vmallocinfo shows it with phys= and
 * "ioremap"), the returned pointer keeping phys_addr's offset in its page.
 * NULL for size 0, a wrapping range, RAM (reported once, as Linux's
 * "ioremap on RAM"), or no room. ioremap_uc() is the same on mmos (no PAT).
 */
void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size);
void __iomem *ioremap_uc(phys_addr_t phys_addr, unsigned long size);
/*
 * Undo ioremap(); NULL is ignored. Any other address that is not inside the
 * first page of an ioremap() area: a WARN naming the address and the
 * caller, nothing unmapped.
 */
void iounmap(volatile void __iomem *addr);
/* Live ioremap() areas (for the test harness's resource check). */
unsigned long ioremap_nr_areas(void);

#endif
