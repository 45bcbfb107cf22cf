// SPDX-License-Identifier: MIT
/*
 * tests/kernel/memblock_test.c - the early allocator on layouts the test builds.
 *
 * The suite saves the boot's memblock state and restores it afterwards, so
 * the cases can reset and fill memblock freely. The last case checks what
 * the real boot reserved.
 *
 *   memory    [1M ........................................ 64M)
 *   reserved                                    [60M .. 64M)
 *   top-down allocations come from just below 60M: 59M, 58M, ...
 */
#include <asm/page.h>
#include <kernel/bug.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memblock.h>

#define M(x)	((phys_addr_t)(x) << 20)

static struct memblock saved;
static struct memblock_region saved_mem[INIT_MEMBLOCK_REGIONS], saved_res[2 * INIT_MEMBLOCK_REGIONS];

static int memblock_suite_init(void)
{
	saved = memblock;
	memcpy(saved_mem, memblock.memory.regions, sizeof(saved_mem));
	memcpy(saved_res, memblock.reserved.regions, sizeof(saved_res));
	return 0;
}

static void memblock_suite_exit(void)
{
	memcpy(memblock.memory.regions, saved_mem, sizeof(saved_mem));
	memcpy(memblock.reserved.regions, saved_res, sizeof(saved_res));
	memblock = saved;
}

static int memblock_case_init(struct ktest *t)
{
	(void)t;
	memblock_reset();
	return 0;
}

static void test_memblock_add_merges(struct ktest *t)
{
	memblock_add(0, M(1));
	memblock_add(M(1), M(1));
	memblock_add(M(4), M(2));
	EXPECT_EQ(t, memblock.memory.cnt, 2);
	EXPECT_EQ(t, memblock.memory.regions[0].size, M(2));
	memblock_add(M(1), M(4));	/* overlaps both: fills the gap, counted once */
	EXPECT_EQ(t, memblock.memory.cnt, 1);
	EXPECT_EQ(t, memblock.memory.total_size, M(6));
	EXPECT_EQ(t, memblock_phys_mem_size(), M(6));
	EXPECT_TRUE(t, memblock_is_memory(M(5)));
	EXPECT_FALSE(t, memblock_is_memory(M(6)));
}

static void test_memblock_reserve_kinds(struct ktest *t)
{
	memblock_add(0, M(64));
	memblock_reserve_kind(M(1), M(1), MEMBLOCK_KERNEL);
	memblock_reserve_kind(M(2), M(1), MEMBLOCK_KERNEL);	/* merges */
	memblock_reserve_kind(M(3), M(1), MEMBLOCK_MEMMAP);	/* does not */
	memblock_reserve_kind(M(2), M(3), MEMBLOCK_OTHER);	/* only [4M,5M) is new */
	EXPECT_EQ(t, memblock.reserved.cnt, 3);
	EXPECT_EQ(t, memblock_reserved_size(), M(4));
	EXPECT_EQ(t, memblock_reserved_kind_size(MEMBLOCK_KERNEL), M(2));
	EXPECT_EQ(t, memblock_reserved_kind_size(MEMBLOCK_MEMMAP), M(1));
	EXPECT_EQ(t, memblock_reserved_kind_size(MEMBLOCK_OTHER), M(1));
	EXPECT_TRUE(t, memblock_is_reserved(M(4)));
	memblock_phys_free(M(1) + PAGE_SIZE, PAGE_SIZE);	/* punch a hole: split */
	EXPECT_EQ(t, memblock.reserved.cnt, 4);
	EXPECT_EQ(t, memblock_reserved_size(), M(4) - PAGE_SIZE);
	EXPECT_FALSE(t, memblock_is_reserved(M(1) + PAGE_SIZE));
}

static void test_memblock_alloc_top_down(struct ktest *t)
{
	memblock_add(M(1), M(63));
	memblock_reserve(M(60), M(4));
	EXPECT_EQ(t, memblock_phys_alloc_range(M(1), M(1), 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_OTHER), M(59));
	EXPECT_EQ(t, memblock_phys_alloc_range(M(1), M(1), 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_OTHER), M(58));
	/* alignment: 2 MiB aligned below 58M is 56M */
	EXPECT_EQ(t, memblock_phys_alloc_range(M(2), M(2), 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_OTHER), M(56));
	/* a window */
	EXPECT_EQ(t, memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, M(2), M(3), MEMBLOCK_OTHER),
		  M(3) - PAGE_SIZE);
	/* the current limit caps the search */
	memblock_set_current_limit(M(16));
	EXPECT_EQ(t, memblock_phys_alloc_range(M(1), M(1), 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_OTHER), M(15));
	/* too big: fails with 0, reserves nothing */
	EXPECT_EQ(t, memblock_phys_alloc_range(M(128), PAGE_SIZE, 0, MEMBLOCK_ALLOC_ANYWHERE,
					       MEMBLOCK_OTHER), 0);
	EXPECT_EQ(t, memblock_reserved_size(), M(4) + M(1) + M(1) + M(2) + PAGE_SIZE + M(1));
}

static void test_memblock_alloc_fills_gaps(struct ktest *t)
{
	phys_addr_t got[4];

	memblock_add(0, M(8));
	memblock_reserve(M(1), M(6));	/* free: [0,1M) and [7M,8M) */
	for (int i = 0; i < 4; i++)
		got[i] = memblock_phys_alloc_range(M(1) / 2, PAGE_SIZE, 0, MEMBLOCK_ALLOC_ANYWHERE,
						   MEMBLOCK_OTHER);
	EXPECT_EQ(t, got[0], M(7) + M(1) / 2);
	EXPECT_EQ(t, got[1], M(7));
	EXPECT_EQ(t, got[2], M(1) / 2);
	EXPECT_EQ(t, got[3], 0);	/* [0, 4K) is never handed out: 0 means failure */
}

struct collected {
	unsigned int n;
	phys_addr_t r[8][2];
};

static int collect(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct collected *c = arg;

	if (c->n < 8) {
		c->r[c->n][0] = start;
		c->r[c->n][1] = end;
	}
	c->n++;
	return 0;
}

static void test_memblock_free_ranges(struct ktest *t)
{
	struct collected c = { 0 };

	memblock_add(0, M(10));
	memblock_add(M(20), M(10));
	memblock_reserve(M(5), M(1));
	memblock_reserve(M(20), M(1));
	memblock_reserve(M(29), M(2));	/* sticks out past memory's end */
	memblock_for_each_free_range(collect, &c);
	ASSERT_EQ(t, c.n, 3);
	EXPECT_EQ(t, c.r[0][0], 0);
	EXPECT_EQ(t, c.r[0][1], M(5));
	EXPECT_EQ(t, c.r[1][0], M(6));
	EXPECT_EQ(t, c.r[1][1], M(10));
	EXPECT_EQ(t, c.r[2][0], M(21));
	EXPECT_EQ(t, c.r[2][1], M(29));
}

static void test_memblock_retired_warns(struct ktest *t)
{
	phys_addr_t pa = 1;

	memblock_add(0, M(8));
	memblock.retired = true;
	EXPECT_WARN(t, pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0,
						      MEMBLOCK_ALLOC_ANYWHERE, MEMBLOCK_OTHER));
	EXPECT_EQ(t, pa, 0);
	memblock.retired = false;
}

/* What the real boot reserved (saved state). */
static void test_memblock_boot_reservations(struct ktest *t)
{
	phys_addr_t sum = 0;

	memblock_suite_exit();	/* look at the boot state */
	EXPECT_TRUE(t, memblock.retired);
	EXPECT_EQ(t, memblock_reserved_kind_size(MEMBLOCK_PAGE0), PAGE_SIZE);
	EXPECT_EQ(t, memblock_reserved_kind_size(MEMBLOCK_BIOS), 0x100000 - PAGE_SIZE);
	EXPECT_GT(t, memblock_reserved_kind_size(MEMBLOCK_MEMMAP), 0);
	if (memblock_is_memory(__pa(_text))) {	/* a kernel image in RAM (not so when hosted) */
		EXPECT_GE(t, memblock_reserved_kind_size(MEMBLOCK_KERNEL), (phys_addr_t)(_end - _text));
		EXPECT_TRUE(t, memblock_is_reserved(__pa(_text)));
	}
	EXPECT_TRUE(t, memblock_is_reserved(0));
	for (int k = 0; k < NR_MEMBLOCK_KINDS; k++)
		sum += memblock_reserved_kind_size((enum memblock_kind)k);
	EXPECT_EQ(t, sum, memblock_reserved_size());
	for (unsigned int i = 1; i < memblock.reserved.cnt; i++)	/* sorted, disjoint */
		EXPECT_ULE(t, memblock.reserved.regions[i - 1].base + memblock.reserved.regions[i - 1].size,
			   memblock.reserved.regions[i].base);
	memblock_suite_init();
}

static struct ktest_case memblock_cases[] = {
	KTEST_CASE(test_memblock_add_merges),
	KTEST_CASE(test_memblock_reserve_kinds),
	KTEST_CASE(test_memblock_alloc_top_down),
	KTEST_CASE(test_memblock_alloc_fills_gaps),
	KTEST_CASE(test_memblock_free_ranges),
	KTEST_CASE(test_memblock_retired_warns),
	KTEST_CASE(test_memblock_boot_reservations),
	{}
};

static struct ktest_suite memblock_suite = {
	.name = "memblock",
	.cases = memblock_cases,
	.suite_init = memblock_suite_init,
	.suite_exit = memblock_suite_exit,
	.init = memblock_case_init,
};
KTEST_SUITE(memblock_suite);
