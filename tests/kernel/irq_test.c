// SPDX-License-Identifier: MIT
/*
 * tests/kernel/irq_test.c - interrupts are live; locks and per-CPU data work.
 *
 * The timer ticks while tests run; local_irq_save really holds it off and
 * restore lets it back in; spin_lock_irqsave nests; trylock fails on a held
 * lock; atomics and per-CPU variables behave.
 */
#include <asm/irq.h>
#include <asm/processor.h>
#include <kernel/atomic.h>
#include <kernel/ktest.h>
#include <kernel/percpu.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

static DEFINE_PER_CPU(unsigned long, test_counter);

/* Spin until jiffies moves past start + n or ~2 s of TSC time pass. */
static unsigned long wait_ticks(unsigned long n)
{
	unsigned long start = jiffies;
	u64 limit = rdtsc() + (u64)tsc_khz * 2000;

	while (jiffies - start < n && rdtsc() < limit)
		cpu_relax();
	return jiffies - start;
}

static void test_irq_timer_ticks(struct ktest *t)
{
	unsigned long irq0 = irq_count(0);

	ASSERT_FALSE(t, irqs_disabled());
	EXPECT_GE(t, wait_ticks(5), 5);
	EXPECT_GE(t, irq_count(0) - irq0, 5);
}

static void test_irq_save_restore_blocks_timer(struct ktest *t)
{
	unsigned long flags, before;

	local_irq_save(flags);
	EXPECT_TRUE(t, irqs_disabled());
	before = jiffies;
	mdelay(50);		/* five ticks' worth with the timer held off */
	EXPECT_EQ(t, jiffies, before);
	local_irq_restore(flags);
	EXPECT_FALSE(t, irqs_disabled());
	EXPECT_GE(t, wait_ticks(1), 1);	/* the pending tick arrives */
}

static void test_irq_spinlock_irqsave_nests(struct ktest *t)
{
	static DEFINE_SPINLOCK(a);
	static DEFINE_SPINLOCK(b);
	unsigned long f1, f2;

	spin_lock_irqsave(&a, f1);
	EXPECT_TRUE(t, irqs_disabled());
	EXPECT_TRUE(t, spin_is_locked(&a));
	EXPECT_FALSE(t, spin_trylock(&a));
	spin_lock_irqsave(&b, f2);
	spin_unlock_irqrestore(&b, f2);
	EXPECT_TRUE(t, irqs_disabled());	/* inner restore keeps them off */
	spin_unlock_irqrestore(&a, f1);
	EXPECT_FALSE(t, irqs_disabled());
	EXPECT_FALSE(t, spin_is_locked(&a));
	EXPECT_TRUE(t, spin_trylock(&a));
	spin_unlock(&a);
}

static void test_irq_atomics(struct ktest *t)
{
	atomic_t v = ATOMIC_INIT(5);

	atomic_inc(&v);
	EXPECT_EQ(t, atomic_read(&v), 6);
	EXPECT_EQ(t, atomic_add_return(10, &v), 16);
	EXPECT_EQ(t, atomic_cmpxchg(&v, 16, 1), 16);
	EXPECT_EQ(t, atomic_cmpxchg(&v, 16, 2), 1);
	EXPECT_TRUE(t, atomic_dec_and_test(&v));
}

static void test_irq_percpu(struct ktest *t)
{
	unsigned long *p = this_cpu_ptr(&test_counter);
	unsigned long before = this_cpu_read(test_counter);

	EXPECT_PTR_EQ(t, p, per_cpu_ptr(&test_counter, 0));
	this_cpu_inc(test_counter);
	EXPECT_EQ(t, *p, before + 1);
	EXPECT_EQ(t, per_cpu(test_counter, 0), before + 1);
	/* the variable lives in the per-CPU section */
	EXPECT_UGE(t, (unsigned long)&test_counter, (unsigned long)__per_cpu_start);
	EXPECT_ULT(t, (unsigned long)&test_counter, (unsigned long)__per_cpu_end);
}

static struct ktest_case irq_cases[] = {
	KTEST_CASE(test_irq_timer_ticks),
	KTEST_CASE(test_irq_save_restore_blocks_timer),
	KTEST_CASE(test_irq_spinlock_irqsave_nests),
	KTEST_CASE(test_irq_atomics),
	KTEST_CASE(test_irq_percpu),
	{}
};

static struct ktest_suite irq_suite = { .name = "irq", .cases = irq_cases };
KTEST_SUITE(irq_suite);
