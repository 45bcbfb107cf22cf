// SPDX-License-Identifier: MIT
/*
 * mm/highmem.c - kernel mappings of HighMem pages: kmap() and kmap_local_page().
 *
 * Owns, on i386 (CONFIG_HIGHMEM):
 *  - the PKMAP area behind kmap(): LAST_PKMAP slots at PKMAP_ADDR(nr), each
 *    with a count, pkmap_count[nr], meaning what Linux's does: 0 free and
 *    TLB-clean; 1 mapped with no users, its TLB entry possibly still live;
 *    n >= 2 mapped with n - 1 users. kmap_high() reuses the page's slot if
 *    it has one, else map_new_virtual() takes the next count-0 slot after
 *    last_pkmap_nr. When that scan wraps to slot 0, flush_all_zero_pkmaps()
 *    clears every count-1 slot and flushes the area's TLB entries once, so
 *    a slot is only ever remapped while TLB-clean. Linux sleeps when no
 *    slot is free; nothing sleeps here, so kmap_high() reports the caller
 *    and returns NULL. kunmap_high() only lowers the count: the mapping
 *    stays, and kmap of the page finds it again, until the next wrap.
 *  - page_address() of HighMem pages: page_address_htable, a hash of the
 *    pages that hold a PKMAP slot (set_page_address() keeps it), as Linux's
 *    HASHED_PAGE_VIRTUAL.
 *  - the per-CPU stack of kmap_local_page() slots. Lowmem pages need no
 *    slot. A HighMem page gets slot FIX_KMAP_BEGIN + depth + KM_MAX_IDX *
 *    cpu in the fixmap, mapped through the arch (arch_kmap_local_set /
 *    arch_kmap_local_clear).
 * The arch (asm/highmem.h) writes PKMAP entries without flushing and
 * flushes a range when told to. x86_64 maps all RAM: kmap() is
 * page_address() there (mm/highmem.h) and only the kmap_local part is built.
 * Locking: kmap_lock (irqsave) serialises the PKMAP slots and counts;
 * each hash bucket has its own lock, taken inside kmap_lock, so
 * page_address() may run anywhere. kmap() must not run in an interrupt
 * handler (it WARNs once). The kmap_local depth changes with interrupts
 * off; an interrupt handler may map and unmap inside a mapping of the code
 * it interrupted.
 * Tests: tests/kernel/highmem_test.c (PKMAP wrap and recycling, counts,
 * exhaustion, page_address(), bad kunmap, kmap_local order, kmap_atomic),
 * tests/kernel/page_alloc_test.c (patterns written into highmem),
 * tests/kernel/compound_test.c (HighMem compound pages, split_page).
 * The "kmap slots" and "kmap_local slots" resources (tests/kernel/
 * mm_checks.c) hold every case to giving its mappings back.
 */
#include <kernel/bug.h>
#include <kernel/irqflags.h>
#include <kernel/list.h>
#include <kernel/percpu.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/highmem.h>
#include <asm/fixmap.h>

/*** kmap_local_page(): per-CPU fixmap slots ***/

static DEFINE_PER_CPU(int, kmap_depth);

void *kmap_local_page(struct page *page)
{
	unsigned long flags, vaddr;
	int idx;

	if (!PageHighMem(page))
		return page_address(page);
	local_irq_save(flags);
	idx = this_cpu_read(kmap_depth);
	BUG_ON(idx >= KM_MAX_IDX);
	this_cpu_write(kmap_depth, idx + 1);
	vaddr = kmap_local_slot_vaddr(idx + KM_MAX_IDX * (int)smp_processor_id());
	arch_kmap_local_set(vaddr, page_to_phys(page));
	local_irq_restore(flags);
	return (void *)vaddr;
}

void kunmap_local(void *addr)
{
	unsigned long flags, vaddr = (unsigned long)addr & PAGE_MASK;
	int idx;

	if (!kmap_local_is_slot(vaddr))
		return;	/* a lowmem page: nothing was mapped */
	local_irq_save(flags);
	idx = this_cpu_read(kmap_depth) - 1;
	if (WARN(idx < 0 || vaddr != kmap_local_slot_vaddr(idx + KM_MAX_IDX *
							    (int)smp_processor_id()),
		 "kunmap_local(%p): not the most recent mapping\n", addr)) {
		local_irq_restore(flags);
		return;
	}
	arch_kmap_local_clear(vaddr);
	this_cpu_write(kmap_depth, idx);
	local_irq_restore(flags);
}

unsigned int kmap_local_depth(void)
{
	return (unsigned int)this_cpu_read(kmap_depth);
}

void clear_highpage(struct page *page)
{
	void *p = kmap_local_page(page);

	memset(p, 0, PAGE_SIZE);
	kunmap_local(p);
}

#ifdef CONFIG_HIGHMEM

/*** page_address() of HighMem pages: the hash of kmapped pages ***/

/* One per PKMAP slot: the page a slot holds, on its hash bucket's list. */
struct page_address_map {
	struct page *page;
	void *virtual;
	struct list_head list;
};

static struct page_address_map page_address_maps[LAST_PKMAP];

#define PA_HASH_ORDER	7	/* Linux's: 128 buckets */

static struct page_address_slot {
	struct list_head lh;
	spinlock_t lock;
} page_address_htable[1 << PA_HASH_ORDER];

/* Linux's hash_ptr(page, PA_HASH_ORDER): the top bits of a golden-ratio product. */
static struct page_address_slot *page_slot(const struct page *page)
{
	u32 h = (u32)(unsigned long)page * 0x61c88647u;

	return &page_address_htable[h >> (32 - PA_HASH_ORDER)];
}

void *highmem_page_address(const struct page *page)
{
	struct page_address_slot *pas = page_slot(page);
	struct page_address_map *pam;
	void *ret = NULL;
	unsigned long flags;

	spin_lock_irqsave(&pas->lock, flags);
	list_for_each_entry(pam, &pas->lh, list) {
		if (pam->page == page) {
			ret = pam->virtual;
			break;
		}
	}
	spin_unlock_irqrestore(&pas->lock, flags);
	return ret;
}

/*
 * Record that page is mapped at virtual (a PKMAP slot address), or with
 * virtual NULL that it no longer is. Called under kmap_lock.
 */
static void set_page_address(struct page *page, void *virtual)
{
	struct page_address_slot *pas = page_slot(page);
	struct page_address_map *pam;
	unsigned long flags;

	if (virtual) {
		pam = &page_address_maps[PKMAP_NR(virtual)];
		pam->page = page;
		pam->virtual = virtual;
		spin_lock_irqsave(&pas->lock, flags);
		list_add_tail(&pam->list, &pas->lh);
		spin_unlock_irqrestore(&pas->lock, flags);
		return;
	}
	spin_lock_irqsave(&pas->lock, flags);
	list_for_each_entry(pam, &pas->lh, list) {
		if (pam->page == page) {
			list_del(&pam->list);
			break;
		}
	}
	spin_unlock_irqrestore(&pas->lock, flags);
}

void page_address_init(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(page_address_htable); i++) {
		INIT_LIST_HEAD(&page_address_htable[i].lh);
		spin_lock_init(&page_address_htable[i].lock);
	}
}

/*** kmap(): the PKMAP area ***/

static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static unsigned long pkmap_flushes;
static DEFINE_SPINLOCK(kmap_lock);

/*
 * The scan wrapped: every slot with no users (count 1) loses its mapping
 * and becomes free (count 0); then one flush of the area drops whatever
 * TLB entries they left, which makes them TLB-clean.
 */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		arch_pkmap_clear(PKMAP_ADDR(i));
		set_page_address(page_address_maps[i].page, NULL);
		need_flush = true;
	}
	if (need_flush) {
		arch_pkmap_flush(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
		pkmap_flushes++;
	}
}

/*
 * A free slot for page, mapped and counted 1 (no users yet), or 0 when
 * every slot has users even after the wrap-around flush, where Linux would
 * sleep until a kunmap. Called under kmap_lock.
 */
static unsigned long map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;
	unsigned long vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0)
			return 0;
	}
	vaddr = PKMAP_ADDR(last_pkmap_nr);
	arch_pkmap_set(vaddr, page_to_phys(page));
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(page, (void *)vaddr);
	return vaddr;
}

void kmap_flush_unused(void)
{
	unsigned long flags;

	spin_lock_irqsave(&kmap_lock, flags);
	flush_all_zero_pkmaps();
	spin_unlock_irqrestore(&kmap_lock, flags);
}

noinline void *kmap_high(struct page *page)
{
	unsigned long flags, vaddr;

	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = (unsigned long)page_address(page);
	if (!vaddr)
		vaddr = map_new_virtual(page);
	if (vaddr) {
		pkmap_count[PKMAP_NR(vaddr)]++;
		BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 2);
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
	WARN(!vaddr, "kmap: no free PKMAP slot for page pfn %#lx (caller %pS)\n",
	     page_to_pfn(page), (void *)_RET_IP_);
	return (void *)vaddr;
}

noinline void kunmap_high(struct page *page)
{
	unsigned long flags, vaddr;
	int count = 0;

	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = (unsigned long)page_address(page);
	if (vaddr) {
		count = pkmap_count[PKMAP_NR(vaddr)];
		/* Linux BUGs on a count of 0 or 1 here: a kunmap too many */
		if (count >= 2)
			pkmap_count[PKMAP_NR(vaddr)]--;
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
	WARN(count < 2, "kunmap: page pfn %#lx is not kmapped (slot count %d, caller %pS)\n",
	     page_to_pfn(page), count, (void *)_RET_IP_);
}

unsigned int nr_pkmaps_in_use(void)
{
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&kmap_lock, flags);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] >= 2;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return n;
}

unsigned long nr_pkmap_flushes(void)
{
	return READ_ONCE(pkmap_flushes);
}

void show_kmapinfo(void)
{
	unsigned long flags;
	unsigned int used = 0, cached = 0;

	spin_lock_irqsave(&kmap_lock, flags);
	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		used += pkmap_count[i] >= 2;
		cached += pkmap_count[i] == 1;
	}
	spin_unlock_irqrestore(&kmap_lock, flags);
	pr_info("PKMAP %#lx-%#lx: %u/%u slots in use, %u mapped without users, "
		"%lu wrap-around flushes\n", PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP), used,
		LAST_PKMAP, cached, pkmap_flushes);
	pr_info("kmap_local: %u of %u slots in use on this CPU\n", kmap_local_depth(),
		KM_MAX_IDX);
}

#else
void page_address_init(void)
{
}

void kmap_flush_unused(void)
{
}

void show_kmapinfo(void)
{
	pr_info("no highmem: kmap() and kmap_local_page() return the direct-map address\n");
}
#endif
