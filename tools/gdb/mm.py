# SPDX-License-Identifier: MIT
"""tools/gdb/mm.py - gdb commands that read mmos's memory-management structures.

Loaded by tools/gdbinit. Each command reads the halted kernel's own
structures through gdb (the symbols and types come from build/<arch>/mmos.elf's
DWARF) and prints what the kernel's report of the same name prints, so the
two can be compared line for line:

    mm-buddyinfo        contig_page_data's zones' free_area[].nr_free   (buddyinfo)
    mm-zoneinfo         the node's and zones' counters, watermarks, reserves
                        and per-CPU lists (pcp_lists + __per_cpu_offset[0]) (zoneinfo)
    mm-page PFN         mem_map[PFN]: refcount, zone, flags, order or head (pageinfo PFN)
    mm-slabinfo         slab_caches: live objects counted as the kernel's
                        kmem_cache_live_objects() counts them           (slabinfo)
    mm-vmallocinfo      vmap_area_list and purge_vmap_area_list; callers
                        named through the kernel's own kallsyms tables  (vmallocinfo)
    mm-walk VADDR       the page-table walk from kernel_pgd_phys, each
                        level's index and entry, then the translation   (vtop VADDR)

The page tables are read through the direct map (PAGE_OFFSET + physical
address), as the kernel's walker does: both arches keep their tables in
low memory. i386 PAE has 3 levels (a 4-entry top), x86_64 4.
"""
import gdb

PAGE_SHIFT = 12
PG_RESERVED, PG_HEAD, PG_TAIL, PG_SLAB = 0, 1, 2, 3
PAGE_ORDER_SHIFT, PAGE_ORDER_MASK = 8, 0xf << 8
PGTY_BUDDY = 0xf0000000
PFN_NIL = 0xffffffff
VM_FLAGS = [(0x1, "ioremap"), (0x1000, "sparse"), (0x2, "vmalloc"), (0x4, "vmap"),
            (0x8, "user"), (0x10, "dma-coherent")]
VM_UNINITIALIZED = 0x20
PTE_PFN_MASK = ((1 << 52) - 1) & ~((1 << PAGE_SHIFT) - 1)
_PAGE_PRESENT, _PAGE_PSE = 1, 1 << 7


def chex(v):
    """The kernel's %#lx (kernel/vsprintf.c): 0x0 for 0 as well, unlike glibc's 0."""
    return "0x%x" % v


def val(expr):
    return gdb.parse_and_eval(expr)


def ulong(v):
    return int(v) & ((1 << (8 * v.type.sizeof)) - 1) if v.type.sizeof else int(v)


def bits():
    """The kernel's word size in bits (unsigned long)."""
    return 8 * gdb.lookup_type("unsigned long").sizeof


def out(text):
    gdb.write(text + "\n")


def read_u64(addr):
    return int.from_bytes(bytes(gdb.selected_inferior().read_memory(addr, 8)), "little")


def zones():
    """(index, gdb.Value) for each zone in node_zones[]."""
    nz = val("contig_page_data.node_zones")
    n = nz.type.range()[1] + 1
    return [(i, nz[i]) for i in range(n)]


def zone_name(z):
    return z["name"].string()


def populated(z):
    return int(z["present_pages"]) != 0


def pcp_of(index):
    """The zone's per-CPU lists: pcp_lists[index] as this CPU reaches it."""
    base = int(val("(unsigned long)&pcp_lists")) + int(val("__per_cpu_offset[0]"))
    t = gdb.lookup_type("struct per_cpu_pages")
    return gdb.Value(base + index * t.sizeof).cast(t.pointer()).dereference()


class MmBuddyinfo(gdb.Command):
    """Free blocks per order and zone, as /proc/buddyinfo (the kernel's buddyinfo)."""

    def __init__(self):
        super().__init__("mm-buddyinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        for _i, z in zones():
            if not populated(z):
                continue
            fa = z["free_area"]
            n = fa.type.range()[1] + 1
            out("Node 0, zone %8s " % zone_name(z) +
                "".join("%6d " % int(fa[o]["nr_free"]) for o in range(n)))


# Linux 6.12's node and zone counters as mm/vmstat.c names them (its
# comment says which configuration): the ones mmos keeps are read below,
# the others are 0 there as here.
NODE_STATS = ["nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
              "nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
              "nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
              "workingset_refault_anon", "workingset_refault_file",
              "workingset_activate_anon", "workingset_activate_file",
              "workingset_restore_anon", "workingset_restore_file", "workingset_nodereclaim",
              "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty", "nr_writeback",
              "nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages", "nr_shmem_pmdmapped",
              "nr_file_hugepages", "nr_file_pmdmapped", "nr_anon_transparent_hugepages",
              "nr_vmscan_write", "nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written",
              "nr_throttled_written", "nr_kernel_misc_reclaimable", "nr_foll_pin_acquired",
              "nr_foll_pin_released", "nr_kernel_stack", "nr_page_table_pages",
              "nr_sec_page_table_pages", "nr_iommu_pages", "nr_swapcached",
              "pgdemote_kswapd", "pgdemote_direct", "pgdemote_khugepaged"]
ZONE_STATS = ["nr_zone_inactive_anon", "nr_zone_active_anon", "nr_zone_inactive_file",
              "nr_zone_active_file", "nr_zone_unevictable", "nr_zone_write_pending",
              "nr_mlock", "nr_bounce", "nr_zspages", "nr_free_cma"]
SLAB_RECLAIM_ACCOUNT = 0x00020000


def node_stats():
    """{name: value} for the node counters mmos keeps: slab pages (the caches'
    pages and large kmallocs' pages; reclaimable: SLAB_RECLAIM_ACCOUNT caches)
    and the page-table pages taken from the buddy allocator."""
    slab, reclaimable = int(val("large_kmalloc_pages")), 0
    s = val("slab_caches")
    while int(s):
        c = s.dereference()
        slab += int(c["nr_pages"])
        if int(c["flags"]) & SLAB_RECLAIM_ACCOUNT:
            reclaimable += int(c["nr_pages"])
        s = c["next"]
    pt = val("buddy_pgtable_pages")
    return {"nr_slab_reclaimable": reclaimable, "nr_slab_unreclaimable": slab - reclaimable,
            "nr_page_table_pages": sum(int(pt[i]) for i in range(pt.type.range()[1] + 1))}


def stat_threshold(managed):
    """Linux's calculate_normal_threshold() for one CPU."""
    return min(125, 2 * 1 * (1 + (managed >> (27 - PAGE_SHIFT)).bit_length()))


class MmZoneinfo(gdb.Command):
    """Every zone as the kernel's zoneinfo (Linux 6.12's /proc/zoneinfo): the node's
    counters at the first populated zone, sizes, watermarks, protection, counters and
    per-CPU lists."""

    def __init__(self):
        super().__init__("mm-zoneinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        first = True
        for i, z in zones():
            boost = int(z["watermark_boost"])
            wm = [int(z["_watermark"][w]) + boost for w in range(4)]
            out("Node 0, zone %8s" % zone_name(z))
            if first and populated(z):
                first = False
                ns = node_stats()
                out("  per-node stats")
                for name in NODE_STATS:
                    out("      %-12s %d" % (name, ns.get(name, 0)))
            out("  pages free     %d" % int(z["nr_free"]))
            out("        boost    %d" % boost)
            for name, w in (("min", 0), ("low", 1), ("high", 2), ("promo", 3)):
                out("        %-8s %d" % (name, wm[w]))
            out("        spanned  %d" % int(z["spanned_pages"]))
            out("        present  %d" % int(z["present_pages"]))
            out("        managed  %d" % int(z["managed_pages"]))
            out("        cma      0")
            lr = z["lowmem_reserve"]
            out("        protection: (%s)" % ", ".join(
                str(int(lr[j])) for j in range(lr.type.range()[1] + 1)))
            if not populated(z):
                continue
            pcp = pcp_of(i)
            out("      %-12s %d" % ("nr_free_pages", int(z["nr_free"])))
            for name in ZONE_STATS:
                out("      %-12s %d" % (name, 0))
            out("  pagesets")
            out("    cpu: 0")
            for field in ("count", "high", "batch", "high_min", "high_max"):
                out("              %-9s %d" % (field + ":", int(pcp[field])))
            out("  vm stats threshold: %d" % stat_threshold(int(z["managed_pages"])))
            out("  node_unreclaimable:  0")
            out("  start_pfn:           %d" % int(z["zone_start_pfn"]))


def pfn_valid(pfn):
    """mm/mm.h's pfn_valid(): x86_64's sparse memmap has a page where its
    section is present (section_present[], 2^27-byte sections, 46 physical
    address bits); i386's flat one below max_pfn."""
    if bits() == 64:
        nr = pfn >> (27 - PAGE_SHIFT)
        if nr >= 1 << (46 - 27):
            return False
        word = int(val("section_present[%d]" % (nr // 64)))
        return bool((word >> (nr % 64)) & 1)
    return pfn < int(val("max_pfn"))


def page_at(pfn):
    return val("mem_map")[pfn]


def zone_names():
    zn = val("zone_names")
    return [zn[i].string() for i in range(zn.type.range()[1] + 1)]


class MmPage(gdb.Command):
    """mm-page PFN: one struct page (refcount, zone, flags, order or compound head),
    as the kernel's 'pageinfo PFN'."""

    def __init__(self):
        super().__init__("mm-page", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        try:
            pfn = int(args[0], 0)
            if len(args) != 1 or pfn < 0:
                raise ValueError
        except (IndexError, ValueError):
            raise gdb.GdbError("usage: mm-page PFN   (a page frame number, e.g. 0x1234)")
        if not pfn_valid(pfn):
            out("pfn:%s no page frame" % chex(pfn))
            return
        page = page_at(pfn)
        flags = ulong(page["flags"])
        zone_idx = flags >> (bits() - 2)
        # %pGp as Linux 6.12 prints it; PG_slab is a page type there
        names = [n for bit, n in ((PG_RESERVED, "reserved"), (PG_HEAD, "head"),
                                  (PG_TAIL, "tail")) if flags >> bit & 1]
        pgp = "%s(%s)" % (chex(flags), "|".join(names + ["zone=%d" % zone_idx]))
        buddy = int(page["page_type"]) & 0xffffffff == PGTY_BUDDY
        head_page = page
        if flags >> PG_TAIL & 1:
            head_pfn = (ulong(page["compound_head"]) - ulong(val("mem_map"))) // \
                page.type.sizeof
            head_page = page_at(head_pfn)
        typed = ""
        if buddy:
            typed = " page_type:%x(buddy)" % (PGTY_BUDDY >> 24)
        elif ulong(head_page["flags"]) >> PG_SLAB & 1:
            typed = " page_type:f5(slab)"    # Linux 6.12's PGTY_slab >> 24
        zone = zone_names()[zone_idx]
        ref = int(page["_refcount"]["counter"])
        head = chex(pfn)
        if flags >> PG_TAIL & 1:
            out("pfn:%s refcount:%d zone:%s flags:%s%s head:%s" % (
                head, ref, zone, pgp, typed, chex(head_pfn)))
        else:
            order = int(page["private"]) if buddy else \
                ((flags & PAGE_ORDER_MASK) >> PAGE_ORDER_SHIFT) - 1
            out("pfn:%s refcount:%d zone:%s flags:%s%s order:%d" % (
                head, ref, zone, pgp, typed, order))


def page_list(head):
    """The pfns on a struct page_list (linked by pfn through buddy_next)."""
    pfn, seen = int(head["first"]), 0
    mem_map = val("mem_map")
    while pfn != PFN_NIL and seen < (1 << 24):
        yield pfn
        pfn = int(mem_map[pfn]["buddy_next"])
        seen += 1


class MmSlabinfo(gdb.Command):
    """Slab caches as the kernel's slabinfo (version 2.1), live objects counted from
    the CPU slab, the partial and full lists, the per-CPU array and the quarantine."""

    def __init__(self):
        super().__init__("mm-slabinfo", gdb.COMMAND_DATA)

    def live_objects(self, s):
        mem_map = val("mem_map")
        live = 0
        c = s["cpu_slab"][0]
        if int(c["slab"]):
            slab = c["slab"].dereference()
            live += int(s["min_objects"]) if int(slab["private"]) & 1 else int(s["objects"])
            fp = int(s["offset"]) - int(s["red_left_pad"])
            p = ulong(c["freelist"])
            ptr = gdb.lookup_type("unsigned long").pointer()
            while p:
                live -= 1
                p = ulong(gdb.Value(p + fp).cast(ptr).dereference())
        for pfn in page_list(s["partial"]):
            live += int(mem_map[pfn]["page_type"]) & 0xffff
        for pfn in page_list(s["full"]):
            slab = mem_map[pfn]
            live += int(s["min_objects"]) if int(slab["private"]) & 1 else int(s["objects"])
        live -= int(s["cpu_cache"][0]["avail"])
        live -= int(s["quarantined"])
        return live

    def invoke(self, arg, from_tty):
        out("slabinfo - version: 2.1")
        out("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            " : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
            "<num_slabs> <sharedavail>")
        s = val("slab_caches")
        while int(s):
            c = s.dereference()
            ac = c["cpu_cache"][0]
            out("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata %6d %6d %6d" % (
                c["name"].string(), self.live_objects(c), int(c["total_objects"]),
                int(c["size"]), int(c["objects"]), 1 << int(c["order"]), int(ac["limit"]),
                int(ac["batchcount"]), 0, int(c["nr_slabs"]), int(c["nr_slabs"]), 0))
            s = c["next"]


class Kallsyms:
    """The kernel's own symbol table (kernel/kallsyms.c), read once."""

    def __init__(self):
        n = int(val("kallsyms_num"))
        word = gdb.lookup_type("unsigned long").sizeof
        inf = gdb.selected_inferior()
        raw = bytes(inf.read_memory(int(val("(unsigned long)kallsyms_addresses")), n * word))
        self.addr = [int.from_bytes(raw[i * word:(i + 1) * word], "little") for i in range(n)]
        offs = val("kallsyms_offsets")
        osz = offs.type.target().sizeof if offs.type.code == gdb.TYPE_CODE_PTR else \
            offs[0].type.sizeof
        raw = bytes(inf.read_memory(int(val("(unsigned long)kallsyms_offsets")), n * osz))
        self.off = [int.from_bytes(raw[i * osz:(i + 1) * osz], "little") for i in range(n)]
        self.names = int(val("(unsigned long)kallsyms_names"))
        self.etext = int(val("(unsigned long)_etext"))
        self.cache = {}

    def name(self, i):
        if i not in self.cache:
            self.cache[i] = gdb.Value(self.names + self.off[i]).cast(
                gdb.lookup_type("char").pointer()).string()
        return self.cache[i]

    def sprint_symbol(self, addr):
        """%pS: name+0xoff/0xsize, or 0x... outside the text."""
        if not self.addr or addr < self.addr[0] or addr >= self.etext:
            return "0x%x" % addr
        lo, hi, best = 0, len(self.addr) - 1, -1
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.addr[mid] <= addr:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        end = self.addr[best + 1] if best + 1 < len(self.addr) else self.etext
        return "%s+0x%x/0x%x" % (self.name(best), addr - self.addr[best], end - self.addr[best])


def list_entries(head_expr, type_name, member):
    """container_of() each entry of a struct list_head."""
    t = gdb.lookup_type(type_name)
    offset = [f.bitpos // 8 for f in t.fields() if f.name == member][0]
    head = val("&" + head_expr)
    node = head["next"]
    while int(node) != int(head):
        yield gdb.Value(int(node) - offset).cast(t.pointer()).dereference()
        node = node["next"]


class MmVmallocinfo(gdb.Command):
    """vmalloc and vmap areas, as the kernel's vmallocinfo."""

    def __init__(self):
        super().__init__("mm-vmallocinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        syms = Kallsyms()
        width = 2 * gdb.lookup_type("unsigned long").sizeof
        start, end = vmalloc_bounds()
        for va in list_entries("vmap_area_list", "struct vmap_area", "list"):
            vm = va["vm"]
            if not int(vm) or int(vm["flags"]) & VM_UNINITIALIZED:
                continue
            v = vm.dereference()
            addr, size = ulong(v["addr"]), ulong(v["size"])
            line = "0x%0*x-0x%0*x %7d" % (width, addr, width, addr + size, size)
            if int(v["caller"]):
                line += " " + syms.sprint_symbol(ulong(v["caller"]))
            if int(v["nr_pages"]):
                line += " pages=%d" % int(v["nr_pages"])
            if int(v["phys_addr"]):
                line += " phys=0x%016x" % int(v["phys_addr"])
            flags = int(v["flags"])
            for bit, name in VM_FLAGS:
                if flags & bit:
                    line += " " + name
            pages = ulong(v["pages"])
            if start <= pages < end:     # is_vmalloc_addr(): the page array was vmalloc'd
                line += " vpages"
            out(line)
        for va in list_entries("purge_vmap_area_list", "struct vmap_area", "list"):
            s, e = ulong(va["va_start"]), ulong(va["va_end"])
            out("0x%0*x-0x%0*x %7d unpurged vm_area" % (width, s, width, e, e - s))


def vmalloc_bounds():
    """[VMALLOC_START, VMALLOC_END) as the kernel's vmap areas cover it: every
    address of the range is free (free_vmap_area_list, one area of
    VMALLOC_START..VMALLOC_END at vmap_init()), busy (vmap_area_list) or freed
    and waiting for the lazy purge (purge_vmap_area_list), and no area lies
    outside it. Read, not written again from the layout (i386's end hangs
    below the fixmap, CPU entry area, LDT and PKMAP window)."""
    lo, hi = None, None
    for head in ("free_vmap_area_list", "vmap_area_list", "purge_vmap_area_list"):
        for va in list_entries(head, "struct vmap_area", "list"):
            s, e = ulong(va["va_start"]), ulong(va["va_end"])
            lo = s if lo is None else min(lo, s)
            hi = e if hi is None else max(hi, e)
    if lo is None:
        raise gdb.GdbError("no vmap area at all: vmap_init() has not run")
    return lo, hi


def page_offset():
    return 0xffff888000000000 if bits() == 64 else 0xc0000000


class MmWalk(gdb.Command):
    """mm-walk VADDR: walk the kernel page tables for VADDR from kernel_pgd_phys: each
    level's index and entry, then the translation: what the kernel's 'vtop VADDR'
    prints, line for line."""

    def __init__(self):
        super().__init__("mm-walk", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        try:
            va = int(args[0], 0)
            if len(args) != 1:
                raise ValueError
        except (IndexError, ValueError):
            raise gdb.GdbError("usage: mm-walk VADDR   (a kernel virtual address, e.g. "
                               "0xffff888000100000)")
        levels = 4 if bits() == 64 else 3
        va &= (1 << bits()) - 1
        names = ["PTE", "PMD", "PUD" if levels == 4 else "PDPTE", "PGD"]
        table = int(val("kernel_pgd_phys"))
        for level in range(levels - 1, -1, -1):
            shift = PAGE_SHIFT + 9 * level
            mask = 3 if (level == levels - 1 and levels == 3) else 511
            idx = (va >> shift) & mask
            entry = read_u64(page_offset() + table + 8 * idx)
            out("%-5s index %3d entry 0x%016x (table at phys 0x%x)" % (
                names[level], idx, entry, table))
            if not entry & _PAGE_PRESENT:
                out("vtop: %s not mapped" % chex(va))
                return
            if level == 0 or (entry & _PAGE_PSE and level < levels - 1):
                size = 1 << shift
                pa = (entry & PTE_PFN_MASK & ~(size - 1)) + (va & (size - 1))
                out("vtop: %s -> phys %s size %s flags %s" % (
                    chex(va), chex(pa), chex(size), chex(entry & ~PTE_PFN_MASK)))
                return
            table = entry & PTE_PFN_MASK


MmBuddyinfo()
MmZoneinfo()
MmPage()
MmSlabinfo()
MmVmallocinfo()
MmWalk()
