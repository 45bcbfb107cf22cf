# SPDX-License-Identifier: MIT
"""tests/runner/shell_session.py - the shell configurations of tests/run.

One QEMU boot per configuration, its serial port on a pipe: commands are
written to the kernel's shell one line at a time and each answer is read up
to the next prompt. The script (script_mm) checks every answer against what
the kernel itself reports: the zone, pfn and order an allocation prints
against the zone limits written again here and against pageinfo, buddyinfo
before and after, slabinfo's and vmallocinfo's lines, meminfo's and
zoneinfo's lines in Linux 6.12's order and format, no printk stamps in any
report while dmesg keeps them, vtop's levels and indices against the
address's bits; and that every malformed or refused command
leaves every report exactly as it was. The first command is written before
the kernel has booted (input typed before the prompt must be kept), and the
arrow-up key must bring back the last line.

run(cfg, qemu, root) returns (problems, checks passed); tests/run turns that
into its result. Everything read and written goes to cfg.log.
"""
import os
import re
import select
import subprocess
import time

PROMPT = "mmos> "
STAMP = re.compile(r"^\[\s*\d+\.\d{6}\] ")
ANSI_UP = "\x1b[A"

# Linux 6.12's meminfo_proc_show() labels, in order (fs/proc/meminfo.c), for
# a distribution-built x86 kernel; HighTotal..LowFree only with HIGHMEM
# (i386), DirectMap1G only with 1 GiB pages.
MEMINFO = ["MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached",
           "Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)",
           "Inactive(file)", "Unevictable", "Mlocked", "HighTotal", "HighFree", "LowTotal",
           "LowFree", "SwapTotal", "SwapFree", "Zswap", "Zswapped", "Dirty", "Writeback",
           "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab", "SReclaimable",
           "SUnreclaim", "KernelStack", "PageTables", "SecPageTables", "NFS_Unstable",
           "Bounce", "WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal",
           "VmallocUsed", "VmallocChunk", "Percpu", "HardwareCorrupted", "AnonHugePages",
           "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped", "CmaTotal",
           "CmaFree", "HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp",
           "Hugepagesize", "Hugetlb", "DirectMap4k", "DirectMap2M"]

# Commands that must refuse: a usage line for the malformed, a one-line
# refusal naming the command for the well-formed but impossible.
BAD_INPUT = [
    "alloc", "alloc x", "alloc 11", "alloc 1 GFP_BOGUS", "alloc 1 GFP_KERNEL extra",
    "alloc 1 GFP_DMA|__GFP_HIGHMEM", "free", "free x", "free 7", "kmalloc 0", "kmalloc 9Q",
    "kmalloc 64 GFP_KERNLE", "kfree 1", "kmem_cache_create c", "kmem_cache_create c 0",
    "kmem_cache_create c 64 SLAB_NOPE",
    "kmem_cache_create c 100 SLAB_CACHE_DMA|SLAB_CACHE_DMA32", "kmem_cache_alloc x", "kmem_cache_free 3",
    "kmem_cache_destroy 3", "vmalloc", "vmalloc 0", "vfree 2", "kmap", "kmap zz",
    "kmap 0xfffffff", "kunmap 1", "handles x", "pageinfo abc", "pageinfo 1 0",
    "pageinfo 1 99999", "ktest", "ktest no_such_suite_here",
    "buddyinfo 1", "meminfo x", "zoneinfo x", "slabinfo x", "vmallocinfo x", "slabattr",
    "slabattr no_such_cache", "drain x", "crash NOPE", "help x", "poweroff now",
    "quit now", "exit 1", "no_such_command", "trace", "trace alloc x", "trace bogus 1",
    "trace free 9", "trace free 6 7", "trace kfree x", "trace alloc 11", "trace kmalloc 0", "memmap x", "frag x", "frag 101", "frag 10 20", "vtop",
    "vtop zz", "vtop 1 2", "frag 0", "extfrag_index x", "unusable_index x", "pci x", "dma x",
    "vmprint x",
]

# Linux 6.12's zoneinfo_show_print() counters (mm/vmstat.c vmstat_text[],
# include/linux/mmzone.h enum node_stat_item and zone_stat_item) for an x86
# kernel with SWAP, IOMMU_SUPPORT and ZSMALLOC, without NUMA and
# UNACCEPTED_MEMORY: the node's under the first populated zone, the zone's
# after its protection line.
NODE_STATS = ("nr_inactive_anon nr_active_anon nr_inactive_file nr_active_file nr_unevictable "
              "nr_slab_reclaimable nr_slab_unreclaimable nr_isolated_anon nr_isolated_file "
              "workingset_nodes workingset_refault_anon workingset_refault_file "
              "workingset_activate_anon workingset_activate_file workingset_restore_anon "
              "workingset_restore_file workingset_nodereclaim nr_anon_pages nr_mapped "
              "nr_file_pages nr_dirty nr_writeback nr_writeback_temp nr_shmem "
              "nr_shmem_hugepages nr_shmem_pmdmapped nr_file_hugepages nr_file_pmdmapped "
              "nr_anon_transparent_hugepages nr_vmscan_write nr_vmscan_immediate_reclaim "
              "nr_dirtied nr_written nr_throttled_written nr_kernel_misc_reclaimable "
              "nr_foll_pin_acquired nr_foll_pin_released nr_kernel_stack nr_page_table_pages "
              "nr_sec_page_table_pages nr_iommu_pages nr_swapcached pgdemote_kswapd "
              "pgdemote_direct pgdemote_khugepaged").split()
ZONE_STATS = ("nr_free_pages nr_zone_inactive_anon nr_zone_active_anon nr_zone_inactive_file "
              "nr_zone_active_file nr_zone_unevictable nr_zone_write_pending nr_mlock "
              "nr_bounce nr_zspages nr_free_cma").split()
ZONE_SIZES = ["pages free", "boost", "min", "low", "high", "promo", "spanned", "present",
              "managed", "cma"]
PAGESET = ["count", "high", "batch", "high_min", "high_max"]


def check_zoneinfo(c, lines, meminfo):
    """zoneinfo line for line in Linux 6.12's shape (seq_printf formats of
    zoneinfo_show_print()); the node's slab and page-table pages as meminfo's."""
    want, stats, first = [], {}, True
    zones = [i for i, l in enumerate(lines) if l.startswith("Node 0, zone ")] + [len(lines)]
    for a, b in zip(zones, zones[1:]):
        part = lines[a:b]
        populated = any(l.startswith("  pagesets") for l in part)
        shape = [r"Node 0, zone [ A-Za-z0-9]{8}"]
        if populated and first:
            first = False
            shape += [r"  per-node stats"] + [r"      %-12s (\d+)" % n for n in NODE_STATS]
        shape += [r"  pages free     \d+"] + [r"        %-8s \d+" % n for n in ZONE_SIZES[1:]]
        shape += [r"        protection: \(\d+(, \d+)*\)"]
        if populated:
            shape += [r"      %-12s \d+" % n for n in ZONE_STATS]
            shape += [r"  pagesets", r"    cpu: 0"] + [r"              %-9s \d+" % (n + ":")
                                                      for n in PAGESET]
            shape += [r"  vm stats threshold: \d+", r"  node_unreclaimable:  [01]",
                      r"  start_pfn:           \d+"]
        if not c.check(len(part) == len(shape), "zoneinfo %r: %d lines, Linux's shape has %d" %
                       (part[0], len(part), len(shape))):
            continue
        for l, pat in zip(part, shape):
            m = re.match("^" + pat + "$", l)
            if c.check(m, "zoneinfo line not in Linux 6.12's format: %r (wanted %r)" % (l, pat)) \
                    and pat.startswith("      %-12s" % l.split()[0]) and l.split()[0] in NODE_STATS:
                stats[l.split()[0]] = int(l.split()[1])
    c.check(not first, "zoneinfo: no per-node stats under the first populated zone")
    kb = {l.split(":")[0]: int(l.split()[1]) for l in meminfo if l.endswith(" kB")}
    for name, label in (("nr_slab_reclaimable", "SReclaimable"),
                        ("nr_slab_unreclaimable", "SUnreclaim"),
                        ("nr_page_table_pages", "PageTables")):
        c.check(stats.get(name) is not None and stats.get(name) * 4 == kb.get(label),
                "zoneinfo's %s %s, meminfo's %s %s kB" % (name, stats.get(name), label,
                                                        kb.get(label)))


class Session:
    """QEMU with the kernel's serial console on stdin/stdout pipes."""

    def __init__(self, argv, log, timeout):
        self.log = open(log, "w")
        self.deadline = time.time() + timeout
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, bufsize=0)
        self.buf = ""

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def read_until(self, marker):
        """Text up to and including marker; raises TimeoutError/EOFError."""
        while marker not in self.buf:
            left = self.deadline - time.time()
            if left <= 0:
                raise TimeoutError("no %r from the guest in time" % marker)
            ready, _, _ = select.select([self.proc.stdout], [], [], min(left, 1.0))
            if not ready:
                continue
            data = os.read(self.proc.stdout.fileno(), 65536)
            if not data:
                raise EOFError("QEMU ended (status %s)" % self.proc.poll())
            text = data.decode(errors="replace").replace("\r", "")
            self.log.write(text)
            self.log.flush()
            self.buf += text
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def run(self, line, keys=None):
        """The answer to one command line (keys: what to type instead of line,
        e.g. an arrow key), without the echoed line and the next prompt."""
        self.send((keys if keys is not None else line) + "\n")
        out = self.read_until("\n" + PROMPT)
        lines = out[:-len("\n" + PROMPT)].split("\n")
        return lines[1:] if lines else []

    def close(self, timeout=10):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            rest = self.proc.stdout.read().decode(errors="replace").replace("\r", "")
            self.log.write(rest)
            self.log.close()


class Checks:
    def __init__(self):
        self.problems, self.passed = [], 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.problems.append(what)
        return ok


def field(pattern, lines, conv=str):
    """The first group of the first line matching pattern, or None."""
    for l in lines:
        m = re.search(pattern, l)
        if m:
            return conv(m.group(1))
    return None


def state(s):
    """Every report, after drain (per-CPU lists back in the buddy lists)."""
    s.run("drain slab")
    return {r: s.run(r) for r in ("buddyinfo", "meminfo", "zoneinfo", "slabinfo",
                                  "vmallocinfo", "handles")}


def buddy_free_pages(lines):
    """Free pages per zone from buddyinfo: sum of count << order."""
    out = {}
    for l in lines:
        m = re.match(r"^Node 0, zone +(\S+) ((?: +\d+)+) $", l)
        if m:
            out[m.group(1)] = sum(int(n) << o for o, n in enumerate(m.group(2).split()))
    return out


def slab_line(lines, name):
    for l in lines:
        f = l.split()
        if f and f[0] == name:
            return f
    return None


def script_mm(s, arch, c):
    """The memory commands, checked against the kernel's own reports."""
    # typed before the prompt (sent at spawn): kept whole
    banner = s.read_until("\n" + PROMPT)
    first = s.read_until("\n" + PROMPT).split("\n")
    c.check(any(l.startswith("mmos version") for l in first),
            "input written before the prompt was lost: %r" % first[:3])
    c.check("mmos shell: type 'help'" in banner, "no shell banner before the first prompt")
    again = s.run("version (history)", keys=ANSI_UP)
    c.check(any(l.startswith("mmos version") for l in again),
            "the up arrow did not bring back 'version': %r" % again[:2])

    helped = s.run("help")
    for cmd in ("alloc", "free", "kmalloc", "kfree", "kmem_cache_create", "kmem_cache_alloc",
                "kmem_cache_free", "kmem_cache_destroy", "vmalloc", "vfree", "kmap", "kunmap",
                "handles", "drain", "quit", "exit", "poweroff", "trace"):
        c.check(any(re.match(r"^  %s( |$)" % re.escape(cmd), l) for l in helped),
                "help does not list %s" % cmd)

    # one vmalloc before the baseline: the page tables it needs stay, as in Linux
    m = re.search(r"handle (\d+):", " ".join(s.run("vmalloc 20K")))
    if c.check(m, "the first vmalloc failed"):
        s.run("vfree %s" % m.group(1))
    base = state(s)
    # reports: no printk stamps; dmesg keeps them
    for name, lines in base.items():
        c.check(not any(STAMP.match(l) for l in lines), "%s has printk stamps" % name)
    dmesg = s.run("dmesg")
    c.check(sum(bool(STAMP.match(l)) for l in dmesg) > 10, "dmesg lost its stamps")
    # the other reports print as their Linux files (or xv6's vmprint) do: no stamps either
    direct = 0xffff888000000000 if arch == "x86_64" else 0xc0000000
    for cmd in ("memmap", "extfrag_index", "unusable_index", "vmprint", "pci", "dma",
                "vtop %#x" % (direct + 0x100000)):
        out = s.run(cmd)
        c.check(out and not any(STAMP.match(l) for l in out),
                "%s printed nothing or printk stamps: %r" % (cmd, out[:2]))
        if cmd == "memmap":
            # a free block's first page: Linux 6.12 dumps PGTY_buddy >> 24 = f0, "buddy"
            free = [l.split() for l in out if re.match(r"^0x[0-9a-f]+ \d+ free:\d+$", l)]
            if c.check(free, "memmap shows no free block: %r" % out[:4]):
                order = int(free[0][2].split(":")[1])
                pi = s.run("pageinfo %s" % free[0][0])
                c.check(len(pi) == 1 and pi[0].endswith(" page_type:f0(buddy) order:%d" % order)
                        and "refcount:0 " in pi[0], "pageinfo of a free block: %r" % pi)
    # vtop: one line per level read, then the translation. The indices are the
    # address's bits cut as the MMU cuts them (12 + 9 * level, PAE's top level
    # two bits wide); the direct map's page 0x100 is at physical 0x100000.
    va = direct + 0x100000
    walk = s.run("vtop %#x" % va)
    levels = 4 if arch == "x86_64" else 3
    names = ["PTE", "PMD", "PUD" if levels == 4 else "PDPTE", "PGD"]
    for l, line in zip(range(levels - 1, -1, -1), walk):
        m = re.match(r"^(\S+) +index +(\d+) entry 0x[0-9a-f]{16} \(table at phys 0x[0-9a-f]+\)$",
                     line)
        if not c.check(m, "vtop line not a table entry: %r" % line):
            break
        want = (va >> (12 + 9 * l)) & (3 if l == levels - 1 and levels == 3 else 511)
        c.check(m.group(1) == names[l] and int(m.group(2)) == want,
                "vtop level %d: %r, wanted %s index %d" % (l, line, names[l], want))
    c.check(walk and re.match(r"^vtop: %#x -> phys 0x100000 size 0x(1000|200000|40000000) "
                              r"flags 0x[0-9a-f]+$" % va, walk[-1]) and len(walk) >= 3,
            "vtop %#x: %r" % (va, walk))
    for l in base["buddyinfo"]:
        c.check(re.match(r"^Node 0, zone [ A-Za-z0-9]{8} (?:[ \d]{5}\d ){11}$", l),
                "buddyinfo line not in Linux's format: %r" % l)
    labels = [l.split(":")[0] for l in base["meminfo"]]
    want = [k for k in MEMINFO if arch == "i386" or k not in
            ("HighTotal", "HighFree", "LowTotal", "LowFree")]
    c.check(labels[:len(want)] == want, "meminfo labels differ from Linux 6.12's: %r" % labels)
    for l in base["meminfo"]:
        c.check(re.match(r"^(?:[A-Za-z0-9_()]+:\s+\d+ kB|HugePages_\w+:\s+\d+)$", l) and
                (l.startswith("HardwareCorrupted") or l.startswith("HugePages_") or
                 len(l.split(":")[0]) + 1 <= 16),
                "meminfo line not in Linux's format: %r" % l)
    check_zoneinfo(c, base["zoneinfo"], base["meminfo"])
    c.check(base["slabinfo"][:2] == [
        "slabinfo - version: 2.1",
        "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> "
        ": tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
        "<num_slabs> <sharedavail>"], "slabinfo header differs from Linux's")

    # alloc ORDER GFP_DMA: ZONE_DMA is the first 16 MiB = 4096 pages of 4 KiB
    out = s.run("alloc 3 GFP_DMA")
    m = re.search(r"handle (\d+): zone=(\S+) pfn=(0x[0-9a-f]+) order=(\d+)", " ".join(out))
    if c.check(m, "alloc 3 GFP_DMA: no handle line: %r" % out):
        h, zone, pfn, order = m.group(1), m.group(2), int(m.group(3), 16), int(m.group(4))
        c.check(zone == "DMA" and pfn + 8 <= 4096 and pfn % 8 == 0 and order == 3,
                "alloc 3 GFP_DMA gave zone=%s pfn=%#x order=%d" % (zone, pfn, order))
        pi = s.run("pageinfo %#x 2" % pfn)
        c.check(len(pi) == 2 and pi[0].startswith("pfn:%#x refcount:1 zone:DMA " % pfn) and
                pi[0].endswith(" order:3"), "pageinfo disagrees with alloc: %r" % pi)
        c.check("zone:DMA" in pi[1] and "refcount:0" in pi[1],
                "pageinfo of the block's second page: %r" % pi[1:])
        held = s.run("handles")
        c.check(any(re.match(r"^ +%s pages +zone=DMA pfn=%#x order=3" % (h, pfn), l)
                    for l in held), "handles does not show handle %s: %r" % (h, held))
        s.run("drain")
        free_during = buddy_free_pages(s.run("buddyinfo"))
        free_before = buddy_free_pages(base["buddyinfo"])
        c.check(free_before.get("DMA", 0) - free_during.get("DMA", 0) == 8,
                "buddyinfo's DMA free pages went %s -> %s for one order-3 block" % (
                    free_before.get("DMA"), free_during.get("DMA")))
        s.run("free %s" % h)

    # below 4 GiB (x86_64: DMA32 or DMA; i386: lowmem)
    out = s.run("alloc 0 GFP_KERNEL|__GFP_DMA32")
    m = re.search(r"handle (\d+): zone=(\S+) pfn=(0x[0-9a-f]+)", " ".join(out))
    if c.check(m, "alloc 0 GFP_KERNEL|__GFP_DMA32: %r" % out):
        ok_zones = ("DMA32", "DMA") if arch == "x86_64" else ("Normal", "DMA")
        c.check(m.group(2) in ok_zones and int(m.group(3), 16) < (4 << 30) >> 12,
                "GFP_DMA32 gave zone %s pfn %s" % (m.group(2), m.group(3)))
        s.run("free %s" % m.group(1))

    # kmalloc: the size class, and slabinfo's active count up by one
    before = slab_line(s.run("slabinfo"), "kmalloc-128")
    out = s.run("kmalloc 100")
    m = re.search(r"handle (\d+): \S+ size=100 ksize=128 from kmalloc-128 zone=\S+ pfn=", out[0]
                  if out else "")
    if c.check(m, "kmalloc 100: %r" % out):
        after = slab_line(s.run("slabinfo"), "kmalloc-128")
        c.check(before and after and int(after[1]) == int(before[1]) + 1,
                "slabinfo kmalloc-128 active_objs %s -> %s" % (before and before[1],
                                                                after and after[1]))
        s.run("kfree %s" % m.group(1))

    # a cache of one's own
    out = s.run("kmem_cache_create shtest 200 SLAB_NO_MERGE")
    m = re.search(r"handle (\d+): shtest object_size=200 size=(\d+)", " ".join(out))
    if c.check(m, "kmem_cache_create: %r" % out):
        ch = m.group(1)
        o = re.search(r"handle (\d+): ", " ".join(s.run("kmem_cache_alloc %s" % ch)))
        line = slab_line(s.run("slabinfo"), "shtest")
        c.check(line and line[1] == "1" and int(line[3]) >= 200,
                "slabinfo's shtest line: %r" % line)
        c.check(s.run("kmem_cache_destroy %s" % ch)[0].startswith("kmem_cache_destroy: handle"),
                "destroy with an object held was not refused")
        if o:
            s.run("kmem_cache_free %s" % o.group(1))
        s.run("kmem_cache_destroy %s" % ch)
        c.check(slab_line(s.run("slabinfo"), "shtest") is None, "shtest outlived destroy")

    # kmalloc with a bit a slab cannot honour: Linux's kmalloc_fix_flags()
    # (mm/slub.c) WARNs "Unexpected gfp" and drops __GFP_DMA32; the line says so
    out = s.run("kmalloc 64 GFP_KERNEL|__GFP_DMA32")
    m = re.search(r"^kmalloc: handle (\d+): .* gfp=GFP_KERNEL \(asked GFP_KERNEL\|GFP_DMA32; "
                  r"kmalloc_fix_flags\(\) dropped the rest\)$", "\n".join(out), re.M)
    if c.check(m and any("Unexpected gfp: 0x4 (GFP_DMA32)" in l for l in out),
               "kmalloc 64 GFP_KERNEL|__GFP_DMA32: %r" % out[-1:]):
        s.run("kfree %s" % m.group(1))

    # a cache named as the kernel's kmalloc-64, of its size: merged into it
    # (mm/slab_common.c find_mergeable()), said by the cache, not the name;
    # size= is slabinfo's objsize column of kmalloc-64
    out = s.run("kmem_cache_create kmalloc-64 64")
    m = re.search(r"handle (\d+): kmalloc-64 object_size=64 size=(\d+) merged into kmalloc-64$",
                  " ".join(out))
    line = slab_line(s.run("slabinfo"), "kmalloc-64")
    if c.check(m and line and line[3] == m.group(2), "kmem_cache_create kmalloc-64 64: %r" % out):
        s.run("kmem_cache_destroy %s" % m.group(1))

    # vmalloc: vmallocinfo's line (size with the guard page)
    out = s.run("vmalloc 20K")
    m = re.search(r"handle (\d+): ([0-9a-f]+)-([0-9a-f]+) size=20480 pages=5", " ".join(out))
    if c.check(m, "vmalloc 20K: %r" % out):
        lines = s.run("vmallocinfo")
        c.check(any(re.match(r"^0x0*%s-0x0*%s +24576 cmd_vmalloc\+0x[0-9a-f]+/0x[0-9a-f]+ "
                             r"pages=5 vmalloc$" % (m.group(2), m.group(3)), l) for l in lines),
                "vmallocinfo has no line for the area: %r" % lines)
        s.run("vfree %s" % m.group(1))

    # kmap of a page held: HighMem pages (i386 above 896 MiB) take a PKMAP slot
    out = s.run("alloc 0 GFP_HIGHUSER")
    m = re.search(r"handle (\d+): zone=(\S+) pfn=(0x[0-9a-f]+)", " ".join(out))
    if c.check(m, "alloc 0 GFP_HIGHUSER: %r" % out):
        k = s.run("kmap %s" % m.group(3))
        km = re.search(r"handle (\d+): pfn=%s zone=%s at " % (m.group(3), m.group(2)), " ".join(k))
        if c.check(km, "kmap: %r" % k):
            if m.group(2) == "HighMem":
                c.check(any("a PKMAP slot" in l for l in k), "HighMem kmap without a slot")
            s.run("kunmap %s" % km.group(1))
        s.run("free %s" % m.group(1))

    # trace: the path of an order-5 request (no per-CPU list): the zones tried
    # with their watermark numbers, the block returned = the handle's
    out = s.run("trace alloc 5")
    m = re.search(r"alloc: handle (\d+): zone=(\S+) pfn=(0x[0-9a-f]+) order=5", " ".join(out))
    if c.check(m, "trace alloc 5: %r" % out):
        c.check("trace: returned: pfn %s order 5 zone %s" % (m.group(3), m.group(2)) in out,
                "trace alloc 5 does not say it returned the handle's block: %r" % out)
        c.check(any(re.match(r"^trace: zone \S+: free \d+ - 31 > low \d+ ", l) for l in out),
                "trace alloc 5 shows no watermark check: %r" % out)
        c.check(not any(STAMP.match(l) for l in out), "trace lines have stamps")
        out = s.run("trace free %s" % m.group(1))
        # the free-list changes it prints add up to the 32 pages given back
        pages = 0
        for l in out:
            f = re.match(r"^trace: %s free_area\[(\d+)\]: (\d+) -> (\d+) block" % m.group(2), l)
            if f:
                pages += (int(f.group(3)) - int(f.group(2))) << int(f.group(1))
        c.check("trace: buddy: order 5 > 3 has no per-CPU list: straight to the buddy lists"
                in out and pages == 32, "trace free: the list changes add up to %d pages, "
                "not 32: %r" % (pages, out))

    # trace kmalloc: kmalloc-8k is empty after drain slab, so the first object
    # needs a refill that finds nothing, a new order-3 slab from the page
    # allocator, whose returned block is the slab the object lies in
    s.run("drain slab")
    out = s.run("trace kmalloc 8000")
    m = re.search(r"kmalloc: handle (\d+): \S+ size=8000 ksize=8192 from kmalloc-8k zone=(\S+) "
                  r"pfn=(0x[0-9a-f]+) order=3", " ".join(out))
    if c.check(m, "trace kmalloc 8000: %r" % out):
        c.check(any(l.startswith("trace: slab: kmalloc-8k: no free object anywhere: a new slab "
                                 "of order 3") for l in out) and
                "trace: returned: pfn %s order 3 zone %s" % (m.group(3), m.group(2)) in out,
                "trace kmalloc 8000 does not show the new slab it lies in: %r" % out)
        # Linux 6.12's dump_page() of a slab page: flags by %pGp (a compound
        # slab's head and tails, "zone=N"), then the type, PGTY_slab >> 24 =
        # f5 (include/linux/page-flags.h), the head's for a tail too
        pfn = int(m.group(3), 16)
        zidx = {"DMA": 0, "DMA32": 1, "Normal": 1, "HighMem": 2}.get(m.group(2))
        pi = s.run("pageinfo %#x 2" % pfn)
        c.check(len(pi) == 2 and
                re.match(r"^pfn:%#x refcount:1 zone:%s flags:0x[0-9a-f]+\(head\|zone=%s\) "
                         r"page_type:f5\(slab\) order:3$" % (pfn, m.group(2), zidx), pi[0]) and
                re.match(r"^pfn:%#x refcount:0 zone:%s flags:0x[0-9a-f]+\(tail\|zone=%s\) "
                         r"page_type:f5\(slab\) head:%#x$" % (pfn + 1, m.group(2), zidx, pfn),
                         pi[1]), "pageinfo of a kmalloc-8k slab: %r" % pi)
        s.run("kfree %s" % m.group(1))

    # everything given back: every report as at the start
    c.check(state(s) == base, "reports differ after every handle was given back")

    # bad input: a usage line or one refusal line, and nothing changes
    # The status is not on the serial line; the form is: "usage: NAME ..." for
    # a malformed line, one "NAME: ..." line that is no success line (those say
    # "NAME: handle N: ...") for a refused one.
    for line in BAD_INPUT:
        out = s.run(line)
        words = line.split()
        name = words[0]
        if words[0] == "trace" and len(words) > 1 and out[:1] and out[0].startswith(words[1] + ": "):
            name = words[1]     # "trace free 9" refuses as free does
        usage = len(out) == 1 and out[0].startswith("usage: %s " % words[0])
        refusal = (len(out) == 1 and out[0].startswith(name + ": ") and
                   not re.match(r"^%s: handle \d+:" % re.escape(name), out[0]))
        c.check(usage or refusal, "%r answered %r" % (line, out[:2]))
    # 'ktest GLOB' that selects no suite is refused as the shell's other
    # refusals are: one line of dialogue, unstamped, naming the glob, and not
    # a ktest run, so nothing of it reaches the log (ktest_run() would log
    # its stamped "ktest: no suite matches" line, which dmesg would show).
    out = s.run("ktest no_such_suite_here")
    c.check(len(out) == 1 and not STAMP.match(out[0]) and out[0].startswith("ktest: ") and
            "'no_such_suite_here'" in out[0],
            "ktest no_such_suite_here answered %r, not one unstamped refusal line" % out[:2])
    dmesg = s.run("dmesg")
    c.check(not any("no_such_suite_here" in l for l in dmesg),
            "the refused ktest glob reached the log: %r" %
            [l for l in dmesg if "no_such_suite_here" in l][:2])
    after = state(s)
    for name in base:
        c.check(after[name] == base[name], "bad input changed %s" % name)
    held = s.run("handles")
    c.check(held[-1:] == ["0 of 64 handles held"], "handles at the end: %r" % held[-1:])
    km = s.run("kmapinfo")    # its flush count is a history: only the slots are compared
    c.check(arch == "x86_64" or (km and re.match(r"^PKMAP \S+: 0/\d+ slots in use, ", km[0])),
            "kmap slots still in use at the end: %r" % km[:1])


SCRIPTS = {"mm": script_mm}


def run(cfg, qemu, root):
    """Boot cfg's kernel with the shell on a pipe and run its script."""
    argv = [qemu, "-machine", "pc", "-m", cfg.mem, "-no-reboot", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", os.path.join(root, "build", cfg.arch, "mmos.bin"),
            "-append", cfg.cmdline]
    s = Session(argv, cfg.log, cfg.timeout)
    c = Checks()
    s.send("version\n")     # before the kernel has even started
    try:
        SCRIPTS[cfg.script](s, cfg.arch, c)
        s.send("quit\n")
    except (TimeoutError, EOFError) as e:
        c.problems.append("the session stopped: %s" % e)
    status = s.close()
    c.check(status == 0, "QEMU's status after quit: %s (want 0, an ACPI power-off)" % status)
    return c.problems, c.passed
