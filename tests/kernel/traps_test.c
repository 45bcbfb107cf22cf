// SPDX-License-Identifier: MIT
/*
 * tests/kernel/traps_test.c - exceptions recovered through the fixup table,
 * and the protections paging must give (W^X, NX direct map, stack guards).
 *
 * Each case makes a real fault happen and checks what the CPU reported:
 * the vector, the page-fault error code and CR2. A positive control first
 * shows the probe itself works, so a fault is evidence, not an accident.
 */
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <kernel/ktest.h>
#include <kernel/string.h>

#define PF_PRESENT	0x1
#define PF_WRITE	0x2
#define PF_INSN		0x10

static const u32 ro_constant = 0x5eed5eed;
static u8 exec_buf[PAGE_SIZE] __aligned(PAGE_SIZE);

static noinline int returns_seven(void)
{
	return 7;
}

static void test_traps_read_fault_fixup(struct ktest *t)
{
	u8 v = 0x55;
	unsigned long before = last_fixup.count;
	volatile u8 *unmapped = (u8 *)init_stack.guard + 123;

	EXPECT_EQ(t, probe_read_u8(&ro_constant, &v), 0);	/* control */
	EXPECT_EQ(t, v, 0xed);
	EXPECT_EQ(t, probe_read_u8((const void *)unmapped, &v), -EFAULT);
	EXPECT_EQ(t, last_fixup.count, before + 1);
	EXPECT_EQ(t, last_fixup.vector, 14);
	EXPECT_EQ(t, last_fixup.cr2, (unsigned long)unmapped);
	EXPECT_EQ(t, last_fixup.error_code & (PF_PRESENT | PF_WRITE | PF_INSN), 0);
	EXPECT_EQ(t, v, 0xed);	/* untouched on failure */
}

static void test_traps_null_deref_fixup(struct ktest *t)
{
	unsigned long v;

	EXPECT_EQ(t, probe_read_ulong((const void *)0x10, &v), -EFAULT);
	EXPECT_EQ(t, last_fixup.vector, 14);
	EXPECT_EQ(t, last_fixup.cr2, 0x10);
}

static void test_traps_invalid_opcode_fixup(struct ktest *t)
{
	unsigned long before = last_fixup.count;

	EXPECT_EQ(t, probe_ud2(), -EFAULT);
	EXPECT_EQ(t, last_fixup.count, before + 1);
	EXPECT_EQ(t, last_fixup.vector, 6);
}

static void test_traps_divide_error_fixup(struct ktest *t)
{
	EXPECT_EQ(t, probe_div0(12345), -EFAULT);
	EXPECT_EQ(t, last_fixup.vector, 0);
}

static void test_traps_text_is_read_only(struct ktest *t)
{
	u8 *text = (u8 *)returns_seven;
	u8 orig;
	pteval_t flags;

	ASSERT_EQ(t, probe_read_u8(text, &orig), 0);
	/* writing the same byte back: harmless if protection were missing */
	EXPECT_EQ(t, probe_write_u8(text, orig), -EFAULT);
	EXPECT_EQ(t, last_fixup.vector, 14);
	EXPECT_EQ(t, last_fixup.cr2, (unsigned long)text);
	EXPECT_EQ(t, last_fixup.error_code & (PF_PRESENT | PF_WRITE), PF_PRESENT | PF_WRITE);
	ASSERT_TRUE(t, arch_query((unsigned long)text, NULL, &flags, NULL));
	EXPECT_EQ(t, flags & _PAGE_RW, 0);
	EXPECT_EQ(t, flags & _PAGE_NX, 0);
	EXPECT_EQ(t, returns_seven(), 7);
}

static void test_traps_rodata_is_read_only(struct ktest *t)
{
	pteval_t flags;

	EXPECT_EQ(t, probe_write_u8((void *)&ro_constant, 0xed), -EFAULT);
	EXPECT_EQ(t, last_fixup.cr2, (unsigned long)&ro_constant);
	ASSERT_TRUE(t, arch_query((unsigned long)&ro_constant, NULL, &flags, NULL));
	EXPECT_EQ(t, flags & _PAGE_RW, 0);
	if (__supported_pte_mask & _PAGE_NX)
		EXPECT_NE(t, flags & _PAGE_NX, 0);
	EXPECT_EQ(t, ro_constant, 0x5eed5eed);
}

static void test_traps_exec_control(struct ktest *t)
{
	EXPECT_EQ(t, probe_exec((void *)returns_seven), 0);
}

static void test_traps_direct_map_no_exec(struct ktest *t)
{
	u8 *alias = __va(__pa(exec_buf));
	pteval_t flags;

	if (!(__supported_pte_mask & _PAGE_NX))
		ktest_skip(t, "CPU has no NX");
	exec_buf[0] = 0xc3;	/* ret: would simply return if NX failed */
	EXPECT_EQ(t, probe_exec(alias), -EFAULT);
	EXPECT_EQ(t, last_fixup.vector, 14);
	EXPECT_EQ(t, last_fixup.cr2, (unsigned long)alias);
	EXPECT_EQ(t, last_fixup.error_code & (PF_PRESENT | PF_INSN), PF_PRESENT | PF_INSN);
	ASSERT_TRUE(t, arch_query((unsigned long)alias, NULL, &flags, NULL));
	EXPECT_NE(t, flags & _PAGE_RW, 0);
	EXPECT_NE(t, flags & _PAGE_NX, 0);
	/* the kernel's own data mapping is no-execute as well */
	EXPECT_EQ(t, probe_exec(exec_buf), -EFAULT);
	EXPECT_EQ(t, last_fixup.cr2, (unsigned long)exec_buf);
}

static void test_traps_no_wx_mappings(struct ktest *t)
{
	if (!(__supported_pte_mask & _PAGE_NX))
		ktest_skip(t, "CPU has no NX");
	EXPECT_EQ(t, ptdump_count_wx(), 0);
}

static void test_traps_stack_guards_unmapped(struct ktest *t)
{
	for (unsigned int i = 0; i < nr_kernel_stacks; i++) {
		struct guarded_stack *s = kernel_stacks[i];
		phys_addr_t pa;
		u8 v;

		EXPECT_FALSE(t, arch_query((unsigned long)s->guard, NULL, NULL, NULL));
		EXPECT_EQ(t, probe_read_u8(s->guard + PAGE_SIZE - 1, &v), -EFAULT);
		/* the stack itself is mapped, right above the guard */
		EXPECT_TRUE(t, arch_query((unsigned long)s->stack, &pa, NULL, NULL));
		EXPECT_EQ(t, probe_read_u8(s->stack, &v), 0);
	}
}

/* Does one RAM entry of the sanitised map (adjacent RAM is merged) hold [start, end)? */
static bool ram_covers(u64 start, u64 end)
{
	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr <= start && e->addr + e->size >= end)
			return true;
	}
	return false;
}

static void test_traps_direct_map_covers_ram(struct ktest *t)
{
	phys_addr_t pa;
	unsigned long size;

	/* the kernel image's physical pages are reachable through __va */
	ASSERT_TRUE(t, arch_query((unsigned long)__va(__pa(exec_buf)), &pa, NULL, &size));
	EXPECT_EQ(t, pa, __pa(exec_buf));
	/* RAM at 2 MiB is mapped (x86_64 with a 2 MiB page) */
	ASSERT_TRUE(t, arch_query((unsigned long)__va(0x200000), &pa, NULL, &size));
	EXPECT_EQ(t, pa, 0x200000);
	if (KERNEL_VMA != PAGE_OFFSET)
		EXPECT_EQ(t, size, PMD_SIZE);
	/*
	 * RAM covering all of [1 GiB, 2 GiB) is one 1 GiB page when the CPU has
	 * Page1GB (x86_64), else 2 MiB pages.
	 */
	if (KERNEL_VMA != PAGE_OFFSET && ram_covers(1ULL << 30, 2ULL << 30)) {
		ASSERT_TRUE(t, arch_query((unsigned long)__va(3ULL << 29), &pa, NULL, &size));
		EXPECT_EQ(t, pa, 3ULL << 29);
		EXPECT_EQ(t, size, boot_cpu_data.has_gbpages ? 1UL << 30 : PMD_SIZE);
	}
	/* nothing is mapped at virtual 0: no identity map survives boot */
	EXPECT_FALSE(t, arch_query(0, NULL, NULL, NULL));
	EXPECT_FALSE(t, arch_query(0x100000, NULL, NULL, NULL));
}

static struct ktest_case traps_cases[] = {
	KTEST_CASE(test_traps_read_fault_fixup),
	KTEST_CASE(test_traps_null_deref_fixup),
	KTEST_CASE(test_traps_invalid_opcode_fixup),
	KTEST_CASE(test_traps_divide_error_fixup),
	KTEST_CASE(test_traps_text_is_read_only),
	KTEST_CASE(test_traps_rodata_is_read_only),
	KTEST_CASE(test_traps_exec_control),
	KTEST_CASE(test_traps_direct_map_no_exec),
	KTEST_CASE(test_traps_no_wx_mappings),
	KTEST_CASE(test_traps_stack_guards_unmapped),
	KTEST_CASE(test_traps_direct_map_covers_ram),
	{}
};

static struct ktest_suite traps_suite = { .name = "traps", .cases = traps_cases };
KTEST_SUITE(traps_suite);
