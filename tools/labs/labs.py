# SPDX-License-Identifier: MIT
"""tools/labs/labs.py - the labs' table, shared by tools/lab-skeleton and tools/grade.

Owns: for each lab, its title, the files a student edits (the only ones
make grade takes from a student tree), the stub that replaces each marked
solution region, and the graded parts with their points. A region is the
lines from the one holding "LAB n BEGIN name" to the one holding
"LAB n END name", both included: markers sit on the solution's own first
and last lines, so the kernel built from a tree with markers is the kernel
built without them, line numbers (in WARN reports) included.
Hidden cases (tools/labs/hidden.py) and the answer keys (docs/labs/answers/)
never go into a student tree.
"""

# Files and directories make lab-skeleton leaves out of every student tree.
NOT_FOR_STUDENTS = ["docs/labs/answers", "tools/labs/hidden.py", "build", ".git"]

STUBS = {
    # lab 1: arch/x86/e820.c
    (1, "sweep_helpers"): """\
/* TODO (lab 1): the helpers your sanitizer needs (change points, their order, merge rules). */
""",
    (1, "sanitize"): """\
	/*
	 * TODO (lab 1): rewrite t as a sorted table without overlaps. Where
	 * entries overlap, the larger type wins; touching entries of one type
	 * become one (never E820_TYPE_PRAM or E820_TYPE_SOFT_RESERVED); empty
	 * entries go; a table with an entry ending at or past 2^64 (addr + size < addr) is
	 * refused with -1 and left alone. At most E820_MAX_ENTRIES come out:
	 * when there would be more, keep the first E820_MAX_ENTRIES exactly
	 * and record what is lost in *dropped: addr where the first entry
	 * that did not fit begins, size up to the last change point, type
	 * that entry's. Print nothing: e820__sanitize() below reports the cut
	 * (the fuzzer reads its line, docs/labs/lab1.md).
	 * Until then the table is kept in the order given, unsorted: the
	 * kernel's own update (page 0 reserved) is appended, last.
	 */
	(void)t;
	(void)dropped;
	return 0;
""",
    # lab 2: mm/page_alloc.c
    (2, "merge"): """\
	/*
	 * TODO (lab 2): merge. While order < MAX_PAGE_ORDER and the block's
	 * buddy (pfn ^ (1 << order)) is a free block of the same order in the
	 * same zone (page_is_buddy()), take the buddy off its free list
	 * (del_page_from_free_list()) and make the two one block of order + 1
	 * starting at the lower pfn; update page, pfn and order. Until then
	 * nothing merges: the block goes on the list of the order it came with.
	 */
""",
    (2, "split"): """\
	/*
	 * TODO (lab 2): split. The caller took a free block of order high and
	 * keeps 2^low pages at its start: put the rest back on the free lists
	 * as buddy blocks, one of each order from high - 1 down to low
	 * (add_to_free_list(page + ..., zone, order, false)). Until then the
	 * rest goes back one page at a time: no page is lost (the kernel
	 * boots), but no block larger than a page is left over.
	 */
	for (unsigned long i = 1UL << low; i < (1UL << high); i++)
		add_to_free_list(page + i, zone, 0, false);
""",
    # lab 3: mm/compound.c
    (3, "split_page"): """\
	/*
	 * TODO (lab 3): make the block 2^order independent pages. Each page
	 * after the first gets a reference of its own (set_page_count()), and
	 * every page, the first too, records that it is an order-0 allocation
	 * (set_page_alloc_order()), so __free_page() on any of them frees just
	 * that page. Until then the block stays one order-n allocation.
	 */
""",
    # lab 4: mm/slab_internal.h, mm/slub.c
    (4, "set_freepointer"): """\
	/* TODO (lab 4): store next in the object, fp_offset bytes from its start. */
	(void)obj;
	(void)fp_offset;
	(void)next;
""",
    (4, "get_freepointer"): """\
	/* TODO (lab 4): the next free object, as set_freepointer_at() stored it. */
	(void)obj;
	(void)fp_offset;
	return NULL;
""",
    (4, "new_slab_freelist"): """\
	/*
	 * TODO (lab 4): chain all `objects` objects of the new slab into its
	 * free list with set_freepointer_at(), each pointing to the next one
	 * up (the slots are `size` bytes apart from base; an object starts
	 * `pad` bytes into its slot; the last points to NULL), and leave prev
	 * at the first object. Until then the slab offers only its first.
	 */
	p = base;
	prev = p + pad;
	set_freepointer_at(prev, fp, NULL);
	(void)size;
""",
    # lab 6: kernel/dma/direct.c
    (6, "optimal_gfp"): """\
	/*
	 * TODO (lab 6): set *phys_limit to the physical address dma_limit
	 * reaches (dma_to_phys()) and return the zone flag whose zone lies
	 * within it: GFP_DMA up to zone_dma_limit, GFP_DMA32 up to 4 GiB,
	 * else 0. Until then: no flag, so any zone, and a device of small
	 * reach gets memory it cannot reach (the caller then gives up).
	 */
	*phys_limit = dma_to_phys(dev, dma_limit);
	return 0;
""",
    (6, "retry"): """\
		/*
		 * TODO (lab 6): the block is beyond the device's reach: retry
		 * lower, with GFP_DMA32 if the first try had no zone flag (and
		 * the machine has ZONE_DMA32), then with GFP_DMA. Until then
		 * the allocation fails here.
		 */
		if (false)
			goto again;
""",
    # lab 5: mm/vmalloc_highmem.c, arch/x86/mm/vmprint.c
    (5, "highmem_rule"): """\
	/*
	 * TODO (lab 5): the rule of 2017-08 and 2018: add __GFP_HIGHMEM unless
	 * the caller asked for GFP_DMA or GFP_DMA32. Until then vmalloc's
	 * pages come from low memory.
	 */
""",
    (5, "walk_table"): """\
	/*
	 * TODO (lab 5): for each present entry i of this table whose range
	 * meets [w->start, w->last]: fill a struct pt_entry (slot_va(),
	 * 1UL << entry_shift(level), table_entries()), decide whether it is a
	 * leaf, count leaves in w->leaves, call w->visit() (false: set
	 * w->stopped and stop), and go down into the table a non-leaf entry
	 * points to.
	 */
	(void)w;
	(void)table;
	(void)level;
	(void)table_va;
	(void)table_entries;
	(void)slot_va;
""",
}

LABS = {
    1: dict(title="e820 and zones", doc="docs/labs/lab1.md",
            files=["arch/x86/e820.c"],
            suites=["lab1_e820"], fuzz="fuzz_e820"),
    2: dict(title="the buddy allocator", doc="docs/labs/lab2.md",
            files=["mm/page_alloc.c"],
            suites=["lab2_buddy"], fuzz="fuzz_alloc"),
    3: dict(title="compound pages and split_page", doc="docs/labs/lab3.md",
            files=["mm/compound.c"],
            suites=["lab3_split"], fuzz=None),
    4: dict(title="slab caches in DMA and DMA32", doc="docs/labs/lab4.md",
            files=["mm/slab_internal.h", "mm/slub.c"],
            suites=["lab4_slab"], fuzz=None),
    5: dict(title="vmalloc, vmalloc_32, highmem and the page tables", doc="docs/labs/lab5.md",
            files=["mm/vmalloc_highmem.c", "arch/x86/mm/vmprint.c"],
            suites=["lab5_vmalloc", "lab5_pgtable"], fuzz=None),
    6: dict(title="DMA: the edu device at 24-bit reach", doc="docs/labs/lab6.md",
            files=["kernel/dma/direct.c"],
            suites=["lab6_dma"], fuzz=None),
}

# Points per graded case: (suite, case) -> points; a case not listed is not
# graded. A case that passes on the lab's skeleton (the stubs) is a sanity
# check worth 0: it still shows pass or fail, but no points come without
# the lab's work (test_lab2_alloc_every_order_aligned passes on the split
# fallback; lab 5's DMA and vmalloc_32 rules and, on x86_64, the highest
# zone hold with vmalloc's flags left alone; lab 6's mask rule is
# dma_set_mask(), in no lab region, and a no-op retry spares ZONE_DMA).
POINTS = {
    ("lab1_e820", "test_lab1_overlap_larger_type_wins"): 10,
    ("lab1_e820", "test_lab1_sorted_disjoint_merged"): 10,
    ("lab1_e820", "test_lab1_wrapping_entry_refused"): 5,
    ("lab1_e820", "test_lab1_random_tables_agree"): 15,
    ("lab2_buddy", "test_lab2_split_leaves_one_block_per_order"): 15,
    ("lab2_buddy", "test_lab2_alloc_every_order_aligned"): 0,
    ("lab2_buddy", "test_lab2_merge_restores_free_lists"): 15,
    ("lab2_buddy", "test_lab2_merge_pair_of_buddies"): 10,
    ("lab3_split", "test_lab3_split_order2"): 10,
    ("lab3_split", "test_lab3_split_orders_1_to_6"): 10,
    ("lab3_split", "test_lab3_split_page_references_are_per_page"): 10,
    ("lab3_split", "test_lab3_split_bytes_round_trip"): 5,
    ("lab3_split", "test_lab3_split_highuser"): 5,
    ("lab4_slab", "test_lab4_freepointer_round_trip"): 10,
    ("lab4_slab", "test_lab4_new_slabs_hand_out_every_object"): 15,
    ("lab4_slab", "test_lab4_kmalloc_bytes_round_trip"): 10,
    ("lab4_slab", "test_lab4_zone_caches"): 5,
    ("lab5_vmalloc", "test_lab5_rule_adds_highmem"): 20,
    ("lab5_vmalloc", "test_lab5_rule_dma_wins"): 0,
    ("lab5_vmalloc", "test_lab5_vmalloc_pages_from_highest_zone"): 0,
    ("lab5_vmalloc", "test_lab5_vmalloc_32_below_4g"): 0,
    ("lab5_pgtable", "test_lab5_walk_vmalloc_area"): 10,
    ("lab5_pgtable", "test_lab5_walk_direct_map"): 10,
    ("lab5_pgtable", "test_lab5_walk_single_addresses"): 5,
    ("lab5_pgtable", "test_lab5_walk_stops"): 5,
    ("lab6_dma", "test_lab6_coherent_fits_mask"): 15,
    ("lab6_dma", "test_lab6_coherent_retry_28bit"): 10,
    ("lab6_dma", "test_lab6_coherent_spares_zone_dma"): 0,
    ("lab6_dma", "test_lab6_mask_rule"): 0,
}

# The exercises of each lab and the cases (or fuzzer) that grade them: make
# grade prints a subtotal per exercise.
EXERCISES = {
    1: {"1 the sanitizer": ["test_lab1_overlap_larger_type_wins", "test_lab1_sorted_disjoint_merged",
                            "test_lab1_wrapping_entry_refused", "test_lab1_random_tables_agree",
                            "fuzz_e820"]},
    2: {"1 split": ["test_lab2_split_leaves_one_block_per_order", "test_lab2_alloc_every_order_aligned"],
        "2 merge": ["test_lab2_merge_restores_free_lists", "test_lab2_merge_pair_of_buddies",
                    "fuzz_alloc"]},
    3: {"1 split_page": ["test_lab3_split_order2", "test_lab3_split_orders_1_to_6",
                         "test_lab3_split_page_references_are_per_page",
                         "test_lab3_split_bytes_round_trip", "test_lab3_split_highuser"]},
    4: {"1 the free pointer": ["test_lab4_freepointer_round_trip"],
        "2 a new slab's free list": ["test_lab4_new_slabs_hand_out_every_object",
                                     "test_lab4_kmalloc_bytes_round_trip", "test_lab4_zone_caches"]},
    5: {"1 the __GFP_HIGHMEM rule": ["test_lab5_rule_adds_highmem", "test_lab5_rule_dma_wins",
                                     "test_lab5_vmalloc_pages_from_highest_zone",
                                     "test_lab5_vmalloc_32_below_4g"],
        "2 vmprint": ["test_lab5_walk_vmalloc_area", "test_lab5_walk_direct_map",
                      "test_lab5_walk_single_addresses", "test_lab5_walk_stops"]},
    6: {"1-2 the zone from the mask, the retry": ["test_lab6_coherent_fits_mask",
                                                 "test_lab6_coherent_retry_28bit",
                                                 "test_lab6_coherent_spares_zone_dma",
                                                 "test_lab6_mask_rule"]},
}

# Each run of a graded suite: where it runs. "host:MAP" is the hosted build
# (tests/host) on one synthetic machine, flavour x86_64; "qemu:ARCH:MEM[:CMDLINE]"
# boots the kernel. Each run's cases are scored separately, so a case
# counts once per run (the points above, per run).
PUBLIC_RUNS = {
    1: ["host:qemu-512M", "qemu:x86_64:512M"],
    2: ["host:qemu-512M", "qemu:x86_64:512M"],
    3: ["host:qemu-512M", "qemu:x86_64:512M"],
    4: ["host:qemu-512M", "qemu:x86_64:512M"],
    5: ["host:qemu-512M", "qemu:x86_64:512M"],
    6: ["host:qemu-512M", "qemu:x86_64:512M"],
}

# A fixed seed and run count: the same inputs every time, whatever the machine's speed.
FUZZ_SEED = 18
FUZZ_RUNS = 3000
FUZZ_POINTS = 10

MARKER = r"LAB (\d+) (BEGIN|END) (\w+)"

# Suites the hosted build does not have (they need real page tables).
KERNEL_ONLY = {"lab5_pgtable"}

# (run, case) where a graded case skips on a correct implementation because
# the machine cannot give it what it needs (lab 6 on a machine without RAM
# below 16 MiB). There a skip is not scored (its points leave the maximum);
# a skip anywhere else scores 0, so that a skip the student's code can
# cause (a default changed, a stub that makes the case's precondition
# false) never earns points.
EXPECTED_SKIPS = {
    ("host:no-dma", "test_lab6_coherent_fits_mask"),	# no RAM below 16 MiB
    ("host:no-dma", "test_lab6_coherent_retry_28bit"),	# no RAM below 16 MiB
}
