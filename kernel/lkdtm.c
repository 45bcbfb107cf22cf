// SPDX-License-Identifier: MIT
/*
 * kernel/lkdtm.c - crash the kernel on purpose, to test the crash reports.
 *
 * Named after Linux's Kernel Dump Test Module. crash=<TYPE> on the command
 * line crashes once boot is complete; the shell's "crash <TYPE>" does it at
 * once. tests/run boots some types and checks the oops and the exit code.
 * Types: PANIC BUG WARNING PAGEFAULT WRITE_RO EXEC_DATA EXHAUST_STACK
 *        INVALID_OPCODE DIVIDE VMALLOC_GUARD (Linux's lkdtm calls the last
 *        one VMALLOC_LINEAR_OVERFLOW: a write one byte past a vmalloc area).
 */
#include <kernel/bug.h>
#include <kernel/cmdline.h>
#include <kernel/lkdtm.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/vmalloc.h>

static char crash_type[32];
core_param_string(crash, crash_type);

static const u32 lkdtm_ro = 0xabcdef;
static u8 lkdtm_data[16] = { 0xc3 };	/* ret */
static volatile unsigned long zero;

/* Recurse until limit (a volatile the compiler cannot see through). */
static noinline void exhaust_stack(unsigned long depth, volatile unsigned long *limit)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth < *limit)
		exhaust_stack(depth + 1, limit);
	frame[1] = frame[0];	/* no tail call */
}

/* Write the byte just past a one-page vmalloc area: its guard page. */
static noinline void lkdtm_vmalloc_linear_overflow(void)
{
	char *one = vmalloc(PAGE_SIZE);

	if (!one)
		return;
	pr_info("lkdtm: Attempting vmalloc linear overflow at %p ...\n", one + PAGE_SIZE);
	((volatile char *)one)[PAGE_SIZE] = 0x5a;
	vfree(one);
}

static void do_crash(const char *type)
{
	pr_info("lkdtm: Performing direct entry %s\n", type);
	if (!strcmp(type, "PANIC")) {
		panic("dumptest");
	} else if (!strcmp(type, "BUG")) {
		BUG();
	} else if (!strcmp(type, "WARNING")) {
		WARN_ON(1);
	} else if (!strcmp(type, "PAGEFAULT")) {
		(void)*(volatile unsigned long *)(zero + 0x10);
	} else if (!strcmp(type, "WRITE_RO")) {
		*(volatile u32 *)&lkdtm_ro = 0;
	} else if (!strcmp(type, "EXEC_DATA")) {
		((void (*)(void))lkdtm_data)();
	} else if (!strcmp(type, "EXHAUST_STACK")) {
		static volatile unsigned long forever = ~0UL;

		exhaust_stack(0, &forever);
	} else if (!strcmp(type, "INVALID_OPCODE")) {
		__asm__ __volatile__("ud2");
	} else if (!strcmp(type, "VMALLOC_GUARD")) {
		lkdtm_vmalloc_linear_overflow();
	} else if (!strcmp(type, "DIVIDE")) {
		pr_info("lkdtm: %lu\n", 1UL / zero);
	} else {
		pr_err("lkdtm: unknown crash type '%s'\n", type);
		return;
	}
	pr_err("lkdtm: %s did not crash the kernel\n", type);
}

bool lkdtm_requested(void)
{
	return crash_type[0] != '\0';
}

void lkdtm_boot_crash(void)
{
	do_crash(crash_type);
}

static const char *const crash_types[] = {
	"PANIC", "BUG", "WARNING", "PAGEFAULT", "WRITE_RO", "EXEC_DATA", "EXHAUST_STACK",
	"INVALID_OPCODE", "DIVIDE", "VMALLOC_GUARD",
};

static int cmd_crash(int argc, char **argv)
{
	for (unsigned int i = 0; argc == 2 && i < ARRAY_SIZE(crash_types); i++) {
		if (!strcmp(argv[1], crash_types[i])) {
			do_crash(argv[1]);
			return SHELL_OK;
		}
	}
	return shell_usage(argv[0]);
}
SHELL_CMD(crash, "PANIC|BUG|WARNING|PAGEFAULT|WRITE_RO|EXEC_DATA|EXHAUST_STACK|INVALID_OPCODE|"
	  "DIVIDE|VMALLOC_GUARD", "crash the kernel on purpose (lkdtm)", cmd_crash);
