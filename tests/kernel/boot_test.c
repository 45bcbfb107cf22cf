// SPDX-License-Identifier: MIT
/*
 * tests/kernel/boot_test.c - what the boot loader handed over.
 *
 * The Multiboot memory map arrived (and made it into the e820 table and the
 * boot log in Linux's form), the protocol is the one tests/run booted with
 * (test_boot=1|2), the usable RAM adds up to what QEMU was given
 * (test_mem_mb=N), less only the holes the PC firmware always keeps, and
 * the command line arrived unchanged (test_cmdline_sum=).
 */
#include <asm/bootinfo.h>
#include <asm/e820.h>
#include <kernel/cmdline.h>
#include <kernel/init.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "mm_checks.h"

static unsigned int test_boot;
core_param_uint(test_boot, test_boot, 1, 2);

static void test_boot_memory_map_received(struct ktest *t)
{
	unsigned int ram = 0;

	ASSERT_GT(t, boot_info.nr_mmap, 0);
	/* the firmware table is the loader's map, entry for entry */
	EXPECT_EQ(t, e820_table_firmware.nr_entries, boot_info.nr_mmap);
	for (unsigned int i = 0; i < boot_info.nr_mmap; i++) {
		EXPECT_EQ(t, e820_table_firmware.entries[i].addr, boot_info.mmap[i].addr);
		EXPECT_EQ(t, e820_table_firmware.entries[i].size, boot_info.mmap[i].size);
		EXPECT_EQ(t, e820_table_firmware.entries[i].type, boot_info.mmap[i].type);
		ram += boot_info.mmap[i].type == E820_TYPE_RAM;
	}
	EXPECT_GE(t, ram, 2);	/* conventional memory and extended memory */
	/* conventional memory starts at 0 on every PC */
	EXPECT_EQ(t, boot_info.mmap[0].addr, 0);
	EXPECT_EQ(t, boot_info.mmap[0].type, E820_TYPE_RAM);
}

static void test_boot_e820_logged(struct ktest *t)
{
	char line[96];

	/* the boot log is still in the log buffer (it is far smaller than it) */
	EXPECT_TRUE(t, printk_logged_since(0, "BIOS-provided physical RAM map:\n"));
	/* the loader's first entry: conventional memory, RAM (test_boot_memory_map_received) */
	snprintf(line, sizeof(line), "BIOS-e820: [mem %#018llx-%#018llx] usable\n",
		 (unsigned long long)boot_info.mmap[0].addr,
		 (unsigned long long)(boot_info.mmap[0].addr + boot_info.mmap[0].size - 1));
	EXPECT_TRUE(t, printk_logged_since(0, line));
	EXPECT_TRUE(t, printk_logged_since(0, mmos_banner));
}

static void test_boot_protocol(struct ktest *t)
{
	if (!test_boot)
		ktest_skip(t, "no test_boot= on the command line");
	EXPECT_EQ(t, boot_info.protocol, test_boot);
	if (test_boot == 2)
		EXPECT_EQ(t, strncmp(boot_info.loader_name, "GRUB", 4), 0);
}

static void test_boot_ram_size(struct ktest *t)
{
	u64 ram = 0, expect = (u64)test_mem_mb << 20;

	if (!test_mem_mb)
		ktest_skip(t, "no test_mem_mb= on the command line");
	for (unsigned int i = 0; i < e820_table_firmware.nr_entries; i++)
		if (e820_table_firmware.entries[i].type == E820_TYPE_RAM)
			ram += e820_table_firmware.entries[i].size;
	/* QEMU's map keeps the 640K-1M hole and 128 KiB below the top of low RAM */
	EXPECT_ULE(t, ram, expect);
	EXPECT_UGE(t, ram, expect - (1 << 20));
}

/*
 * test_cmdline_sum=<hex>: tests/run's checksum of the command line it
 * passed, without that last token: 32-bit FNV-1a, written again here.
 */
static unsigned long test_cmdline_sum;
core_param_ulong(test_cmdline_sum, test_cmdline_sum);

static u32 fnv1a(const char *s, size_t n)
{
	u32 h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (u8)s[i];
		h *= 16777619u;
	}
	return h;
}

/*
 * The command line arrived byte for byte: the loader's copy, less the
 * image path QEMU's -kernel and GRUB's Multiboot 1 put first (a first word
 * with a '/' and no '=', and its one space), hashes to the sum tests/run
 * appended as the last word. tests/run appends it whenever it passes
 * test_boot=, so a missing sum is the failure this looks for (a line cut
 * short); without test_boot= (booted by hand, or hosted) there is nothing
 * to check.
 */
static void test_boot_cmdline_copied(struct ktest *t)
{
	static const char token[] = " test_cmdline_sum=";
	const char *line = boot_command_line, *tok = NULL, *sum;
	bool slash = false, equals = false;
	size_t first = 0, hex = 0;

	for (; line[first] && line[first] != ' '; first++) {
		slash |= line[first] == '/';
		equals |= line[first] == '=';
	}
	if (slash && !equals)
		line += first + (line[first] == ' ');
	for (const char *p = strstr(line, token); p; p = strstr(p + 1, token))
		tok = p;
	if (!test_boot)
		ktest_skip(t, "not booted by tests/run (no test_boot=), so no sum to check");
	if (!tok)
		ktest_info(t, "no \"%s\" in the %lu bytes that arrived: the line was cut short?",
			   token + 1, (unsigned long)strlen(line));
	ASSERT_NOT_NULL(t, tok);
	ktest_info(t, "%lu bytes, sum %#lx", (unsigned long)(tok - line), test_cmdline_sum);
	/* the token is the last word: "0x" and eight hex digits */
	sum = tok + strlen(token);
	while (hex < 8 && ((sum[2 + hex] >= '0' && sum[2 + hex] <= '9') ||
			   (sum[2 + hex] >= 'a' && sum[2 + hex] <= 'f')))
		hex++;
	EXPECT_EQ(t, strncmp(sum, "0x", 2), 0);
	EXPECT_EQ(t, hex, 8);
	EXPECT_EQ(t, strlen(sum), 10);
	EXPECT_EQ(t, fnv1a(line, (size_t)(tok - line)), test_cmdline_sum);
}

static struct ktest_case boot_cases[] = {
	KTEST_CASE(test_boot_memory_map_received),
	KTEST_CASE(test_boot_e820_logged),
	KTEST_CASE(test_boot_protocol),
	KTEST_CASE(test_boot_ram_size),
	KTEST_CASE(test_boot_cmdline_copied),
	{}
};

static struct ktest_suite boot_suite = { .name = "boot", .cases = boot_cases };
KTEST_SUITE(boot_suite);
