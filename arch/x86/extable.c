// SPDX-License-Identifier: MIT
/*
 * arch/x86/extable.c - find the fixup for a faulting instruction.
 *
 * Owns: the lookup in __ex_table and last_fixup. The table is small (the
 * probes and, later, user-copy helpers), so a linear scan is enough.
 * Tests: tests/kernel/traps_test.c.
 */
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

struct fixup_record last_fixup;

static const struct exception_table_entry *search_extable(unsigned long addr, unsigned long kind)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr && e->kind == kind)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs, unsigned long vector, unsigned long cr2)
{
	const struct exception_table_entry *e = search_extable(regs->ip, EX_INSN);

	if (!e && vector == 14 && (regs->error_code & 0x10)) {
		/* instruction fetch fault: was it the target of a probing call? */
		unsigned long ret = *(unsigned long *)kernel_stack_pointer(regs);

		e = search_extable(ret, EX_CALL);
	}
	if (!e)
		return false;
	last_fixup.vector = vector;
	last_fixup.error_code = regs->error_code;
	last_fixup.cr2 = cr2;
	last_fixup.ip = regs->ip;
	last_fixup.count++;
	regs->ip = e->fixup;
	return true;
}
