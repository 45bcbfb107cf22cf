// SPDX-License-Identifier: MIT
/*
 * arch/x86/cpu.c - CPU identification, the GDT and the TSS.
 *
 * Owns: boot_cpu_data (what CPUID says: vendor, family, PAE, NX, PGE,
 * address widths), the GDT (flat kernel code and data, plus the TSS), the
 * TSS itself (x86_64: IST1 = the double-fault stack; i386: a second TSS that
 * the #DF task gate switches to), and the kernel stacks with their guards.
 * Must not touch: page tables (arch/x86/mm/) or the IDT (traps.c).
 */
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct cpuinfo_x86 boot_cpu_data;

struct guarded_stack init_stack __section(".bss.page_aligned");
struct guarded_stack double_fault_stack __section(".bss.page_aligned");
struct guarded_stack *const kernel_stacks[] = { &init_stack, &double_fault_stack };
const unsigned int nr_kernel_stacks = ARRAY_SIZE(kernel_stacks);

#ifdef CONFIG_X86_64
struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

static struct tss tss;
static u64 gdt[5] __aligned(16);
#else
struct tss {
	u32 prev, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trap, iomap_base;
} __packed;

static struct tss tss;
struct tss double_fault_tss;	/* read by traps.c's #DF report */
static u64 gdt[5] __aligned(16);
#endif

static void cpu_identify(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 a, b, cx, d, max_ext;

	cpuid(0, &a, &b, &cx, &d);
	memcpy(c->vendor, &b, 4);
	memcpy(c->vendor + 4, &d, 4);
	memcpy(c->vendor + 8, &cx, 4);
	c->vendor[12] = '\0';
	cpuid(1, &a, &b, &cx, &d);
	c->family = (a >> 8) & 0xf;
	c->model = (a >> 4) & 0xf;
	c->stepping = a & 0xf;
	if (c->family == 0xf)
		c->family += (a >> 20) & 0xff;
	if (c->family >= 6)
		c->model |= ((a >> 16) & 0xf) << 4;
	c->has_tsc = d & (1 << 4);
	c->has_pse = d & (1 << 3);
	c->has_pae = d & (1 << 6);
	c->has_pge = d & (1 << 13);
	cpuid(0x80000000, &max_ext, &b, &cx, &d);
	c->phys_bits = 36;
	c->virt_bits = 32;
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &cx, &d);
		c->has_nx = d & (1 << 20);
		c->has_gbpages = d & (1 << 26);	/* Page1GB: PDPT entries may map 1 GiB */
	}
	if (max_ext >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &cx, &d);
		c->phys_bits = a & 0xff;
		c->virt_bits = (a >> 8) & 0xff;
	}
}

/* A flat code or data segment descriptor. */
static u64 seg_desc(bool code)
{
#ifdef CONFIG_X86_64
	return code ? 0x00af9a000000ffffULL : 0x00cf92000000ffffULL;
#else
	return code ? 0x00cf9a000000ffffULL : 0x00cf92000000ffffULL;
#endif
}

/* An available-TSS system descriptor (the low 8 bytes). */
static u64 tss_desc(unsigned long base, u32 limit)
{
	return (limit & 0xffffULL) | ((u64)(base & 0xffffff) << 16) | (0x89ULL << 40) |
	       ((u64)((limit >> 16) & 0xf) << 48) | ((u64)((base >> 24) & 0xff) << 56);
}

#ifdef CONFIG_X86_64
static void load_gdt_and_tss(void)
{
	struct { u16 limit; u64 base; } __packed gdtr = { sizeof(gdt) - 1, (u64)gdt };

	tss.ist[0] = stack_top(&double_fault_stack);
	tss.iomap_base = sizeof(tss);
	gdt[1] = seg_desc(true);
	gdt[2] = seg_desc(false);
	gdt[3] = tss_desc((unsigned long)&tss, sizeof(tss) - 1);
	gdt[4] = (unsigned long)&tss >> 32;
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3\n\t"
		:: "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(GDT_TSS) : "rax", "memory");
}
#else
extern char double_fault_task_entry[];

static void load_gdt_and_tss(void)
{
	struct { u16 limit; u32 base; } __packed gdtr = { sizeof(gdt) - 1, (u32)gdt };
	struct tss *df = &double_fault_tss;

	tss.iomap_base = sizeof(tss);
	tss.ss0 = __KERNEL_DS;
	df->eip = (u32)double_fault_task_entry;
	df->esp = (u32)stack_top(&double_fault_stack);
	df->eflags = 0x2;
	df->cs = __KERNEL_CS;
	df->ds = df->es = df->ss = df->fs = df->gs = __KERNEL_DS;
	df->iomap_base = sizeof(*df);
	/* df->cr3 is set by paging_init once the final tables exist */
	gdt[1] = seg_desc(true);
	gdt[2] = seg_desc(false);
	gdt[3] = tss_desc((unsigned long)&tss, sizeof(tss) - 1);
	gdt[4] = tss_desc((unsigned long)df, sizeof(*df) - 1);
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"
		"ltr %w3\n\t"
		:: "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(GDT_TSS) : "eax", "memory");
}

void set_double_fault_cr3(unsigned long cr3)
{
	double_fault_tss.cr3 = (u32)cr3;
}

/* After a task switch to #DF, the main TSS holds the state that faulted. */
void x86_saved_task_state(struct pt_regs *regs)
{
	regs->ip = tss.eip;
	regs->flags = tss.eflags;
	regs->cs = tss.cs;
	regs->ax = tss.eax;
	regs->bx = tss.ebx;
	regs->cx = tss.ecx;
	regs->dx = tss.edx;
	regs->si = tss.esi;
	regs->di = tss.edi;
	regs->bp = tss.ebp;
	regs->sp_unused = tss.esp;
}
#endif

void cpu_init(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;

	cpu_identify();
	load_gdt_and_tss();
	pr_info("CPU: %s family 0x%x model 0x%x stepping %u, %u bits physical, %u bits virtual\n",
		c->vendor, c->family, c->model, c->stepping, c->phys_bits, c->virt_bits);
	pr_info("CPU: PAE %s, NX %s, PGE %s, TSC %s\n", c->has_pae ? "yes" : "no",
		c->has_nx ? "yes" : "no", c->has_pge ? "yes" : "no", c->has_tsc ? "yes" : "no");
	if (!c->has_nx)
		pr_warn("NX (Execute Disable) protection: missing in CPU; data will be executable\n");
	else if (rdmsr(MSR_EFER) & EFER_NXE)
		pr_info("NX (Execute Disable) protection: active\n");
}
