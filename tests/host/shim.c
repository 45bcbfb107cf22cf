// SPDX-License-Identifier: MIT
/*
 * tests/host/shim.c - what the hosted build of mm/ stands on.
 *
 * Owns: the simulated machine. Physical memory is a sparse memory file
 * (memfd) mapped at host_mem, backed only where touched, so a 64 GiB map
 * costs what is used; the vmemmap is a reserved mapping. In an i386-like
 * build the highmem part of the direct map is made inaccessible after the
 * lowmem limit is known, and kmap_local_page maps the file's page at a
 * slot, as the kernel's fixmap does; kmap() maps it the same way in a
 * window of 512 pages standing for the PKMAP area. The vmalloc area is a
 * window reserved inaccessible (host_vmalloc_base, host_vmalloc_size). The
 * console is stdout, the clock CLOCK_MONOTONIC, traces come from
 * backtrace(). host_boot() "boots"
 * mm/ on one of the e820 maps below (QEMU's, or synthetic ones with holes,
 * overlaps and odd boundaries) through the same calls setup_arch() makes;
 * main.c (the test runner) and the fuzzers (tests/fuzz) start with it.
 * Compiled without host_rename.h: this file is the C library's side.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <kernel/types.h>
#include <asm/pgtable.h>
#include <asm/bootinfo.h>
#include <asm/processor.h>

/* The project's functions this file calls (their headers clash with libc's). */
int printk(const char *fmt, ...);
void e820__memory_setup(void);
void x86_memory_limits(void);
void x86_reserve_low_memory(void);
void sparse_init(void);
void x86_zone_sizes_init(void);
void mm_core_init(void);
void pci_iommu_alloc(void);

char *host_mem;
unsigned long host_vmemmap;
unsigned long host_kmap_base;
unsigned long host_vmalloc_base, host_vmalloc_size;	/* the vmalloc area's window */
unsigned long host_pkmap_base;
unsigned int hardirq_nesting;	/* in_interrupt(): no interrupts here */
static int ram_fd = -1;
unsigned long host_eflags = 1UL << 9;
volatile unsigned long jiffies;
unsigned long tsc_khz;
unsigned long __per_cpu_offset[1];

struct cpuinfo_x86 boot_cpu_data = { .vendor = "HostShim", .has_pae = true, .has_nx = true, .phys_bits = 40,
		    .virt_bits = 48 };

void arch_console_write(const char *s, size_t n)
{
	fwrite(s, 1, n, stdout);
}

u64 local_clock_ns(void)
{
	static struct timespec t0;
	struct timespec t;

	if (!t0.tv_sec)
		clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (u64)(t.tv_sec - t0.tv_sec) * 1000000000ULL + (u64)(t.tv_nsec - t0.tv_nsec);
}

void udelay(unsigned long usecs)
{
	usleep((useconds_t)usecs);
}

void machine_exit(unsigned int code)
{
	fflush(stdout);
	exit(code == 0x10 ? 0 : code == 0x11 ? 1 : 3);
}

void machine_power_off(void)
{
	machine_exit(0x10);
}

unsigned int save_stack_trace(unsigned long bp, unsigned long *entries, unsigned int max)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	unsigned int out = 0;

	(void)bp;
	for (int i = 1; i < n && out < max; i++)	/* skip this function */
		entries[out++] = (unsigned long)frames[i];
	return out;
}

void show_trace(unsigned long ip, unsigned long bp)
{
	unsigned long entries[32];
	unsigned int n = save_stack_trace(bp, entries, 32);

	printk("\0010Call Trace:\n");
	if (ip)
		printk("\0010 %pS\n", (void *)ip);
	for (unsigned int i = 0; i < n; i++)
		printk("\0010 %pB\n", (void *)entries[i]);
}

u64 memblock_phys_alloc_range(u64 size, u64 align, u64 start, u64 end, int kind);
#define MEMBLOCK_MEMMAP_KIND	7	/* enum memblock_kind MEMBLOCK_MEMMAP */

/*
 * The vmemmap region is reserved whole and backed on first touch; like the
 * kernel, each 2 MiB of it still costs 2 MiB of simulated RAM, taken from
 * memblock, so the accounting (managed pages, the memblock report) is the
 * kernel's.
 */
int arch_vmemmap_populate(unsigned long start, unsigned long end)
{
	static unsigned long populated_to;

	for (unsigned long va = start & ~((1UL << 21) - 1); va < end; va += 1UL << 21) {
		if (va < populated_to)
			continue;
		if (!memblock_phys_alloc_range(1UL << 21, 1UL << 21, 0, ~0ULL, MEMBLOCK_MEMMAP_KIND))
			return -1;
		populated_to = va + (1UL << 21);
	}
	return 0;
}

struct host_map {
	const char *name;
	struct boot_mmap_entry e[16];	/* up to the first of size 0 */
};

#define K(x)	((u64)(x) << 10)
#define M(x)	((u64)(x) << 20)
#define G(x)	((u64)(x) << 30)

/* The low megabyte and the BIOS ROM below 4 GiB, as QEMU's pc machine reports them. */
#define PC_LOW		{ 0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 }, { 0xf0000, 0x10000, 2 }
#define PC_BIOS		{ 0xfffc0000, 0x40000, 2 }

static const struct host_map maps[] = {
	/* What QEMU's pc machine reports for -m 64M, 512M, 1G, 6G and 64G. */
	{ "qemu-512M", { PC_LOW, { M(1), M(512) - M(1) - K(128), 1 }, PC_BIOS } },
	{ "qemu-6G", { PC_LOW, { M(1), G(3) - M(1) - K(128), 1 }, PC_BIOS, { G(4), G(3), 1 } } },
	{ "qemu-64M", { PC_LOW, { M(1), M(64) - M(1) - K(128), 1 }, PC_BIOS } },
	{ "qemu-1G", { PC_LOW, { M(1), G(1) - M(1) - K(128), 1 }, PC_BIOS } },
	{ "qemu-64G", { PC_LOW, { M(1), G(3) - M(1) - K(128), 1 }, PC_BIOS, { G(4), G(61), 1 } } },
	/*
	 * Synthetic maps (tests/run boots each in both flavours): the layouts
	 * firmware hands out that QEMU's pc machine does not.
	 */
	/* Holes in the middle of 4 MiB buddy blocks, and RAM that starts and ends mid-page. */
	{ "holes-in-blocks", { PC_LOW, { M(1), M(100) + K(12) - M(1), 1 },
			       { M(100) + K(12), K(52), 2 }, { M(100) + K(64), M(30) + 0x123, 1 },
			       { M(130) + K(64) + 0x800, M(126) - 0x800 + 0x7ff, 1 },
			       { M(256) + K(64) + 0x7ff, K(100), 4 } } },
	/* Overlapping, unsorted and duplicated entries: reserved wins where they overlap. */
	{ "overlapping", { { M(200), M(100), 1 }, PC_LOW, { M(64), M(1), 2 },
			      { M(1), M(256) - M(1), 1 }, { M(64), M(1), 2 },
			      { M(290), M(2), 3 }, { M(280), K(8), 5 }, PC_BIOS } },
	/* No RAM below 16 MiB at all: ZONE_DMA is empty. */
	{ "no-dma", { { 0, K(4), 2 }, { M(16), M(496), 1 }, { 0xfed00000, K(4), 2 }, PC_BIOS } },
	/* Little RAM below 4 GiB, most of it above: DMA32 small, Normal (or HighMem) large. */
	{ "mostly-above-4G", { PC_LOW, { M(1), M(495), 1 }, PC_BIOS, { G(4), G(8), 1 } } },
	/* Ranges ending exactly on the zone boundaries: 16 MiB, i386's lowmem end, 4 GiB. */
	{ "zone-boundaries", { PC_LOW, { M(1), M(15), 1 }, { M(16), 0x377fe000 - M(16), 1 },
			       { 0x377fe000, M(1), 2 },
			       { 0x377fe000 + M(1), G(3) - 0x377fe000 - M(1), 1 },
			       { G(3), G(1), 2 }, { G(4), M(4), 1 } } },
	/* Many small pieces of RAM between reserved ones, as on boards with much firmware. */
	{ "fragmented", { PC_LOW, { M(1), M(23), 1 }, { M(24), M(8), 2 }, { M(32), M(24), 1 },
			      { M(56), M(8), 3 }, { M(64), M(24), 1 }, { M(88), M(8), 4 },
			      { M(96), M(24), 1 }, { M(120), M(8), 2 }, { M(128), M(40), 1 },
			      { M(168), M(8), 5 }, { M(176), M(24), 1 }, { M(200), K(4), 2 },
			      { M(200) + K(4), M(56) - K(4), 1 } } },
	/*
	 * A buddy block across a zone boundary: i386's lowmem end (0x377fe000)
	 * falls inside a short range of RAM, above the memblock allocations, so
	 * free Normal and HighMem pages are each other's buddies and must not
	 * merge. (QEMU's maps hide this: the pages under lowmem's end are the
	 * first memblock allocations. x86_64's zone boundaries are all 4 MiB
	 * aligned.)
	 */
	{ "zone-inside-block", { PC_LOW, { M(1), M(511), 1 }, { 0x377f0000, K(128), 1 }, PC_BIOS } },
	/*
	 * Little RAM in every zone, some of it above 4 GiB (HighMem on i386,
	 * Normal on x86_64): allocations run out and fall back between zones.
	 */
	{ "tight", { PC_LOW, { M(1), M(63), 1 }, { M(896), M(32), 1 }, PC_BIOS,
		     { G(4), M(64), 1 } } },
	/* RAM far above 4 GiB with holes inside memory sections (x86_64: 128 MiB each). */
	{ "sparse-32G", { PC_LOW, { M(1), M(511), 1 }, PC_BIOS, { G(4), M(100), 1 },
			     { G(8) + M(3), G(4) - M(3), 1 }, { G(31), G(1), 1 } } },
};

/*
 * A reserved mapping aligned to 4 MiB (the largest buddy block), as the
 * kernel's direct map is: blocks aligned physically stay aligned virtually.
 */
static void *reserve(size_t size)
{
	const size_t align = 1UL << 22;
	char *p = mmap(NULL, size + align, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	return (void *)(((unsigned long)p + align - 1) & ~(align - 1));
}

/*
 * The simulated RAM: a sparse memory file, mapped at host_mem. A 64-bit
 * build maps all of it (its direct map covers all RAM); an i386-like build
 * maps only the first GiB, which holds all of low memory: it could not map
 * RAM above 4 GiB anyway, and reaches highmem through kmap, as the kernel does.
 */
static u64 host_mem_mapped;

static void map_ram(u64 size)
{
	ram_fd = memfd_create("mmos-ram", 0);
	if (ram_fd < 0 || ftruncate(ram_fd, (off_t)size)) {
		perror("memfd");
		exit(2);
	}
	host_mem_mapped = sizeof(long) == 8 || size < G(1) ? size : G(1);
	host_mem = reserve((size_t)host_mem_mapped);
	if (mmap(host_mem, (size_t)host_mem_mapped, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
		 ram_fd, 0) == MAP_FAILED) {
		perror("mmap ram");
		exit(2);
	}
}

void arch_kmap_local_set(unsigned long vaddr, u64 pa)
{
	if (mmap((void *)vaddr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, ram_fd,
		 (off_t)pa) == MAP_FAILED) {
		perror("kmap");
		abort();
	}
}

void arch_kmap_local_clear(unsigned long vaddr)
{
	mmap((void *)vaddr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
}

/*
 * vmalloc's page tables (mm/vmalloc.c): inside the vmalloc window
 * (host_vmalloc_base, reserved PROT_NONE at boot) a mapped page is the RAM
 * file's page mapped MAP_SHARED at that address, so writes through it
 * reach the direct map and kmap; unmapping puts PROT_NONE back, so a guard
 * page or a freed area faults as in the kernel. One entry per page of the
 * window remembers the physical address for arch_query(). There is no TLB:
 * the noflush unmap is immediate. Addresses outside the window abort: the
 * hosted build maps nothing else.
 */
pteval_t __supported_pte_mask = ~0ULL;	/* the simulated CPU has NX and PGE */
static u64 *host_vmalloc_ptes;		/* pa | _PAGE_PRESENT, or 0 */
static unsigned long host_vmalloc_ptes_for;

static u64 *host_vmalloc_pte(unsigned long va)
{
	if (va < host_vmalloc_base || va - host_vmalloc_base >= host_vmalloc_size)
		return NULL;
	if (host_vmalloc_ptes_for != host_vmalloc_base) {
		free(host_vmalloc_ptes);
		host_vmalloc_ptes = calloc(host_vmalloc_size >> 12, sizeof(u64));
		if (!host_vmalloc_ptes) {
			perror("vmalloc page table");
			abort();
		}
		host_vmalloc_ptes_for = host_vmalloc_base;
	}
	return &host_vmalloc_ptes[(va - host_vmalloc_base) >> 12];
}

static u64 *host_vmalloc_pte_or_die(const char *fn, unsigned long va)
{
	u64 *pte = host_vmalloc_pte(va);

	if (!pte) {
		fprintf(stderr, "%s(%#lx): outside the hosted vmalloc window\n", fn, va);
		abort();
	}
	return pte;
}

int arch_map_page(unsigned long va, phys_addr_t pa, pteval_t prot)
{
	u64 *pte = host_vmalloc_pte_or_die(__func__, va);
	int rw = (prot & _PAGE_RW) ? PROT_READ | PROT_WRITE : PROT_READ;

	if (mmap((void *)va, 4096, rw, MAP_SHARED | MAP_FIXED, ram_fd, (off_t)pa) == MAP_FAILED)
		return -12;	/* -ENOMEM */
	*pte = (pa & PTE_PFN_MASK) | (prot & ~PTE_PFN_MASK) | _PAGE_PRESENT;
	return 0;
}

void arch_unmap_page_noflush(unsigned long va)
{
	u64 *pte = host_vmalloc_pte_or_die(__func__, va);

	mmap((void *)va, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
	     -1, 0);
	*pte = 0;
}

void arch_unmap_page(unsigned long va)
{
	arch_unmap_page_noflush(va);
}

bool arch_query(unsigned long va, phys_addr_t *pa, pteval_t *flags, unsigned long *size)
{
	u64 *pte = host_vmalloc_pte(va);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return false;
	if (pa)
		*pa = (*pte & PTE_PFN_MASK) + (va & 4095);
	if (flags)
		*flags = *pte & ~PTE_PFN_MASK;
	if (size)
		*size = 4096;
	return true;
}

/* The shim's mappings take no page-table pages from simulated RAM. */
unsigned long pgtable_pages_in_zone(unsigned int zone)
{
	(void)zone;
	return 0;
}

extern unsigned long max_pfn, max_low_pfn;

/* The name of the i-th map, or NULL past the last. */
const char *host_map_at(unsigned int i)
{
	return i < sizeof(maps) / sizeof(maps[0]) ? maps[i].name : NULL;
}

/* The map to boot: $MMOS_HOST_MAP if set, else dflt (the fuzzers start with it). */
const char *host_map_name(const char *dflt)
{
	const char *env = getenv("MMOS_HOST_MAP");

	return env && *env ? env : dflt;
}

/* Boot mm/ on the named map (maps[] above); false if unknown. */
bool host_boot(const char *name)
{
	const struct host_map *m = NULL;
	u64 end = 0;	/* of RAM: nothing else is ever touched */

	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
		if (!strcmp(maps[i].name, name))
			m = &maps[i];
	if (!m)
		return false;
	boot_info.nr_mmap = 0;
	for (unsigned int i = 0; i < sizeof(m->e) / sizeof(m->e[0]) && m->e[i].size; i++) {
		boot_info.mmap[boot_info.nr_mmap++] = m->e[i];
		if (m->e[i].type == 1 && m->e[i].addr + m->e[i].size > end)
			end = m->e[i].addr + m->e[i].size;
	}
	boot_info.protocol = 1;
	map_ram(end);
	if (sizeof(long) == 8)
		host_vmemmap = (unsigned long)reserve((size_t)(end >> 12) * 32 + (1UL << 22));
	host_kmap_base = (unsigned long)mmap(NULL, 16 << 12, PROT_NONE,
					     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* the vmalloc area: reserved, inaccessible until something maps into it */
	host_vmalloc_size = sizeof(long) == 8 ? 1UL << 30 : 128UL << 20;
	host_vmalloc_base = (unsigned long)mmap(NULL, host_vmalloc_size, PROT_NONE,
						MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (host_vmalloc_base == (unsigned long)MAP_FAILED) {
		perror("mmap vmalloc window");
		exit(2);
	}
	host_pkmap_base = (unsigned long)mmap(NULL, 512 << 12, PROT_NONE,
					      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	e820__memory_setup();
	x86_memory_limits();
	if ((u64)max_low_pfn << 12 > host_mem_mapped) {
		fprintf(stderr, "host_boot: low memory ends above the %llu MiB mapped\n",
			(unsigned long long)(host_mem_mapped >> 20));
		exit(2);
	}
	/* highmem: no permanent mapping, as in the kernel */
	if (max_pfn > max_low_pfn && host_mem_mapped > (u64)max_low_pfn << 12)
		mprotect(host_mem + (max_low_pfn << 12),
			 (size_t)(host_mem_mapped - ((u64)max_low_pfn << 12)), PROT_NONE);
	x86_reserve_low_memory();
	sparse_init();
	x86_zone_sizes_init();
	pci_iommu_alloc();
	mm_core_init();
	return true;
}

