// SPDX-License-Identifier: MIT
/*
 * arch/x86/traps.c - the IDT, exception handling and the oops report.
 *
 * Owns: the IDT (256 gates from isr_stub_table; #DF on IST1 on x86_64 and
 * through a task gate on i386), x86_trap_dispatch() which every vector
 * enters, and die(): the oops printed for an exception nothing fixed up.
 * An exception is first offered to the fixup table; otherwise it is fatal:
 * name, error code, CR2 for page faults, all registers, the call trace, then
 * panic (QEMU exits with the panic code).
 * Tests: tests/kernel/traps_test.c.
 */
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <kernel/bug.h>
#include <kernel/printk.h>
#include <mm/vmalloc.h>

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds", "invalid opcode",
	"device not available", "double fault", "coprocessor segment overrun",
	"invalid TSS", "segment not present", "stack segment", "general protection fault",
	"page fault", "spurious interrupt bug", "coprocessor error", "alignment check",
	"machine check", "SIMD coprocessor error", "virtualization exception",
	"control protection", "reserved", "reserved", "reserved", "reserved", "reserved",
	"reserved", "hypervisor injection", "VMM communication", "security exception",
	"reserved",
};

#ifdef CONFIG_X86_64
struct idt_gate {
	u16 off0, sel;
	u8 ist, type;
	u16 off1;
	u32 off2, zero;
} __packed;
#else
struct idt_gate {
	u16 off0, sel;
	u8 zero, type;
	u16 off1;
} __packed;
#endif

static struct idt_gate idt[256] __aligned(16);
extern const unsigned long isr_stub_table[256];
static int oops_count;

static void set_gate(unsigned int v, unsigned long handler, u8 type, u8 ist)
{
	struct idt_gate *g = &idt[v];

	g->off0 = handler & 0xffff;
	g->off1 = (handler >> 16) & 0xffff;
	g->sel = __KERNEL_CS;
	g->type = type;
#ifdef CONFIG_X86_64
	g->ist = ist;
	g->off2 = (u32)((u64)handler >> 32);
#else
	(void)ist;
#endif
}

void idt_init(void)
{
	for (unsigned int v = 0; v < 256; v++)
		set_gate(v, isr_stub_table[v], 0x8e, 0);	/* present, DPL0, interrupt gate */
#ifdef CONFIG_X86_64
	set_gate(8, isr_stub_table[8], 0x8e, 1);
#else
	idt[8] = (struct idt_gate){ .sel = GDT_DF_TSS, .type = 0x85 };	/* task gate */
#endif
	struct { u16 limit; unsigned long base; } __packed idtr = { sizeof(idt) - 1,
								    (unsigned long)idt };
	__asm__ __volatile__("lidt %0" :: "m"(idtr));
}

#ifdef CONFIG_X86_64
static void show_regs(struct pt_regs *r)
{
	printk(KERN_EMERG "RIP: %04lx:%pS\n", r->cs, (void *)r->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", r->ss, r->sp, r->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->ax, r->bx, r->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->dx, r->si, r->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->bp, r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr0(),
	       read_cr2(), read_cr3(), read_cr4());
}
#else
static void show_regs(struct pt_regs *r)
{
	printk(KERN_EMERG "EIP: %pS\n", (void *)r->ip);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n", r->ax, r->bx, r->cx,
	       r->dx);
	/* after the #DF task switch the faulting ESP was saved in the TSS */
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n", r->si, r->di, r->bp,
	       r->vector == 8 ? r->sp_unused : kernel_stack_pointer(r));
	printk(KERN_EMERG "CS: %04lx EFLAGS: %08lx\n", r->cs, r->flags);
	printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n", read_cr0(), read_cr2(),
	       read_cr3(), read_cr4());
}
#endif

static void page_fault_header(unsigned long cr2, unsigned long err)
{
	const char *what = (err & 0x10) ? "instruction fetch" : (err & 2) ? "write access" :
									   "read access";
	char where[192];

	if (cr2 < PAGE_SIZE)
		printk(KERN_EMERG "BUG: kernel NULL pointer dereference, address: %0*lx\n",
		       (int)(2 * sizeof(long)), cr2);
	else
		printk(KERN_EMERG "BUG: unable to handle page fault for address: %0*lx\n",
		       (int)(2 * sizeof(long)), cr2);
	printk(KERN_EMERG "#PF: supervisor %s in %s mode\n", what, (err & 4) ? "user" : "kernel");
	printk(KERN_EMERG "#PF: error_code(0x%04lx) - %s\n", err,
	       (err & 1) ? "permissions violation" : "not-present page");
	/* a vmalloc overrun: which area, and whose (mm/vmalloc.c) */
	if (vmalloc_describe_addr(cr2, where, sizeof(where)))
		printk(KERN_EMERG "#PF: address %0*lx is %s\n", (int)(2 * sizeof(long)), cr2, where);
}

/* An exception nothing could fix: report it completely, then stop. */
static __noreturn void die(struct pt_regs *regs, unsigned long cr2)
{
	unsigned long v = regs->vector;

	if (oops_count++) {	/* faulted while reporting a fault */
		printk(KERN_EMERG "Oops while handling an oops (%s at %pS)\n", exception_names[v & 31],
		       (void *)regs->ip);
		panic("Fatal exception in oops");
	}
	if ((v == 14 || v == 8) && stack_guard_of(cr2)) {
		struct guarded_stack *s = stack_guard_of(cr2);

		printk(KERN_EMERG "BUG: stack guard page was hit at %p (stack is %p..%p)\n",
		       (void *)cr2, s->stack, s->stack + THREAD_SIZE - 1);
	}
	if (v == 14)
		page_fault_header(cr2, regs->error_code);
	printk(KERN_EMERG "Oops: %s: %04lx [#%d]\n", exception_names[v], regs->error_code, oops_count);
	printk(KERN_EMERG "CPU: 0 PID: 0 Comm: swapper\n");
	show_regs(regs);
	show_trace(regs->ip, regs->bp);
	printk(KERN_EMERG "---[ end trace ]---\n");
	panic("Fatal exception");
}

void x86_trap_dispatch(struct pt_regs *regs)
{
	unsigned long cr2 = (regs->vector == 14 || regs->vector == 8) ? read_cr2() : 0;

	if (regs->vector >= IRQ_VECTOR_BASE && regs->vector < IRQ_VECTOR_BASE + NR_IRQS) {
		do_irq((unsigned int)(regs->vector - IRQ_VECTOR_BASE), regs);
		return;
	}
	if (regs->vector >= 32) {
		printk(KERN_WARNING "spurious interrupt on vector %lu\n", regs->vector);
		return;
	}
	if (fixup_exception(regs, regs->vector, cr2))
		return;
	die(regs, cr2);
}

#ifndef CONFIG_X86_64
/* The #DF task (entered from entry.asm on the double-fault TSS and stack). */
void x86_double_fault_task(void)
{
	struct pt_regs regs = { 0 };

	x86_saved_task_state(&regs);
	regs.vector = 8;
	die(&regs, read_cr2());
}
#endif
