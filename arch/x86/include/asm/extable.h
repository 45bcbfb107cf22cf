/* SPDX-License-Identifier: MIT */
/*
 * asm/extable.h - the exception fixup table, and probes built on it.
 *
 * An entry says: a fault at insn continues at fixup instead of oopsing.
 * EX_INSN entries match the faulting instruction; EX_CALL entries match the
 * return address on the stack (the fault was fetching the target of a call
 * at that site, as when calling into a no-execute page).
 * The probe_* functions touch an address once and return 0, or -EFAULT if
 * the access faulted; the fault itself is recorded in last_fixup.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#include <kernel/errno.h>
#include <kernel/types.h>

#define EX_INSN	0
#define EX_CALL	1

struct exception_table_entry {
	unsigned long insn, fixup, kind;
};

/* The last fault recovered through the table. */
struct fixup_record {
	unsigned long vector;
	unsigned long error_code;
	unsigned long cr2;		/* page faults only */
	unsigned long ip;		/* where the fault happened */
	unsigned long count;		/* fixups since boot */
};
extern struct fixup_record last_fixup;

struct pt_regs;
/* Called by the trap handler; true if regs now point at a fixup. */
bool fixup_exception(struct pt_regs *regs, unsigned long vector, unsigned long cr2);

long probe_read_u8(const void *addr, u8 *val);
long probe_read_ulong(const void *addr, unsigned long *val);
long probe_write_u8(void *addr, u8 val);
long probe_exec(void *addr);
long probe_ud2(void);
long probe_div0(unsigned long n);

#endif
