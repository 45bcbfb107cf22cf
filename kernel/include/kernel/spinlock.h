/* SPDX-License-Identifier: MIT */
/*
 * kernel/spinlock.h - spinlocks.
 *
 * A test-and-test-and-set lock on an atomic exchange. spin_lock_irqsave()
 * also disables local interrupts, which is what makes a lock safe to take
 * from both an IRQ handler and ordinary code. Each lock records its owner
 * CPU: taking a lock this CPU already holds is reported as recursion (on one
 * CPU that is a certain deadlock) instead of spinning forever.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <kernel/compiler.h>
#include <kernel/irqflags.h>
#include <kernel/percpu.h>
#include <asm/processor.h>

typedef struct {
	volatile unsigned int locked;
	int owner_cpu;		/* -1 when free */
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n)	{ .locked = 0, .owner_cpu = -1, .name = #n }
#define DEFINE_SPINLOCK(n)	spinlock_t n = __SPIN_LOCK_UNLOCKED(n)

static inline void spin_lock_init(spinlock_t *l)
{
	l->locked = 0;
	l->owner_cpu = -1;
	l->name = "dynamic";
}

void spin_bug(spinlock_t *l, const char *msg, unsigned long caller);

static inline bool spin_trylock(spinlock_t *l)
{
	if (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		return false;
	l->owner_cpu = (int)smp_processor_id();
	return true;
}

static inline void spin_lock(spinlock_t *l)
{
	while (!spin_trylock(l)) {
		if (l->owner_cpu == (int)smp_processor_id())
			spin_bug(l, "recursion", _RET_IP_);
		while (l->locked)
			cpu_relax();
	}
}

static inline void spin_unlock(spinlock_t *l)
{
	if (unlikely(!l->locked))
		spin_bug(l, "unlock of an unlocked lock", _RET_IP_);
	l->owner_cpu = -1;
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return l->locked;
}

#define spin_lock_irqsave(l, flags)	do { local_irq_save(flags); spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) do { spin_unlock(l); local_irq_restore(flags); } while (0)
#define spin_lock_irq(l)		do { local_irq_disable(); spin_lock(l); } while (0)
#define spin_unlock_irq(l)		do { spin_unlock(l); local_irq_enable(); } while (0)

#endif
