# SPDX-License-Identifier: MIT
"""tests/runner/pictures.py - tests/run's "pictures" configurations.

A guest boots to the shell; the runner types, waiting for each prompt:
    memmap, buddyinfo, zoneinfo        (the state before)
    frag 100
    memmap, buddyinfo, zoneinfo        (after)
    extfrag_index, unusable_index, frag free, poweroff
Then tools/memmap-plot draws the log's two dumps side by side; the SVG is
read back with xml.etree and, per dump and zone, the pages its runs carry
are summed by state and compared with what the kernel printed in its own
reports right after that dump (nothing allocates in between):
    free (all orders)      = buddyinfo's blocks x 2^order
    pcp                    = zoneinfo's pagesets count
    all runs               = zoneinfo's spanned
    all but holes          = present
    reserved               = present - managed
frag must show: the folded one-free-one-held pattern in the second dump,
more order-0 free pages in its zone than before, and 'frag free' giving
back what 'frag' said it held. extfrag_index and unusable_index must print,
character for character, what Linux 6.12's definitions (mm/vmstat.c,
written again below) and formats ("%2d.%03d ", "%d.%03d ") give for the
second buddyinfo.
self_check() runs the same judge on a recorded run (logs/x86_64-pictures.log)
and on copies with one line edited, each of which must fail for its reason
(tests/run's runner-selftest configuration calls it).
"""
import os
import re
import select
import subprocess
import time
import xml.etree.ElementTree as ET

SCRIPT = ["memmap", "buddyinfo", "zoneinfo", "frag 100", "memmap", "buddyinfo", "zoneinfo",
          "extfrag_index", "unusable_index", "frag free", "poweroff"]
PROMPT = b"mmos> "
STAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
BUDDY = re.compile(r"^Node 0, zone +(\S+) +((?:\d+ +){10}\d+) *$")
INDEX = re.compile(r"^Node 0, zone +(\S+) (.*)$")
SVG_NS = "{http://www.w3.org/2000/svg}"
NR_PAGE_ORDERS = 11


def drive(argv, script, log, timeout):
    """Run argv (QEMU, serial on stdio), typing each command of script after
    a prompt; everything it prints goes to log. Returns (status or None
    after timeout, problem or None)."""
    deadline = time.time() + timeout
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    problem, seen = None, b""
    with open(log, "wb") as out:
        todo = list(script)
        while True:
            left = deadline - time.time()
            if left <= 0:
                proc.kill()
                proc.wait()
                return None, "no exit within %gs (a hang)" % timeout
            ready, _, _ = select.select([proc.stdout], [], [], min(left, 1.0))
            if not ready:
                continue
            data = os.read(proc.stdout.fileno(), 65536)
            if not data:
                break
            out.write(data)
            seen += data
            if PROMPT in seen and todo:
                seen = seen.split(PROMPT)[-1]
                try:
                    proc.stdin.write((todo.pop(0) + "\r").encode())
                    proc.stdin.flush()
                except BrokenPipeError:
                    problem = "QEMU stopped reading its input"
        if todo:
            problem = problem or "QEMU ended before the script did (left: %s)" % ", ".join(todo)
    return proc.wait(), problem


def sections(lines):
    """[(command, [output lines])] in the order typed; stamps removed."""
    out = []
    for raw in lines:
        line = STAMP.sub("", raw.rstrip("\r\n"))
        if line.startswith("mmos> "):
            out.append((line[len("mmos> "):].strip(), []))
        elif out:
            out[-1][1].append(line)
    return out


def parse_buddyinfo(text):
    """{zone: [blocks per order]}"""
    out = {}
    for line in text:
        m = BUDDY.match(line)
        if m:
            out[m.group(1)] = [int(x) for x in m.group(2).split()]
    return out


def parse_zoneinfo(text):
    """{zone: {spanned, present, managed, count}} (count only for populated zones)."""
    out, zone = {}, None
    for line in text:
        m = re.match(r"^Node 0, zone +(\S+)$", line)
        if m:
            zone = out.setdefault(m.group(1), {})
            continue
        m = re.match(r"^ +(spanned|present|managed|count:) +(\d+)$", line)
        if m and zone is not None:
            zone[m.group(1).rstrip(":")] = int(m.group(2))
    return out


def expect_indices(blocks, extfrag):
    """One report line's values as Linux's formats print them, from the
    definitions: free pages F = sum n_o 2^o, blocks B = sum n_o, suitable
    S(k) = sum_{o>=k} n_o 2^(o-k); extfrag(k) = -1000 if S(k) else 0 if
    B = 0 else 1000 - (1000 + F*1000/2^k) / B; unusable(k) = 1000 if F = 0
    else (F - S(k) 2^k) * 1000 / F (integer division throughout)."""
    free = sum(n << o for o, n in enumerate(blocks))
    total = sum(blocks)
    text = ""
    for k in range(NR_PAGE_ORDERS):
        suitable = sum(n << (o - k) for o, n in enumerate(blocks) if o >= k)
        if extfrag:
            v = 0 if not total else -1000 if suitable else \
                1000 - (1000 + free * 1000 // (1 << k)) // total
            # C's / and % truncate toward zero: -1000 prints as -1.000
            text += "%2d.%03d " % (int(v / 1000), abs(v) % 1000)
        else:
            v = 1000 if not free else (free - (suitable << k)) * 1000 // free
            text += "%d.%03d " % (v // 1000, v % 1000)
    return text


def svg_totals(root):
    """{dump: {zone: {state: pages}}} from the picture's run groups."""
    out = {}
    for g in root.iter(SVG_NS + "g"):
        if g.get("class") != "zone":
            continue
        states = out.setdefault(int(g.get("data-dump")), {}).setdefault(g.get("data-zone"), {})
        for run in g.iter(SVG_NS + "g"):
            if run.get("class") != "run":
                continue
            kinds = [s.split(":")[0] for s in run.get("data-state").split("+")]
            pages = [int(run.get("data-pages"))] if len(kinds) == 1 else \
                [int(run.get("data-pages-a")), int(run.get("data-pages-b"))]
            for kind, n in zip(kinds, pages):
                states[kind] = states.get(kind, 0) + n
    return out


def judge_log(lines, svg_path, problems):
    """The checks above on a log and its picture; appends to problems."""
    secs = sections(lines)
    if [c for c, _ in secs] != SCRIPT:
        problems.append("the commands echoed were %s, not the script" % [c for c, _ in secs])
        return
    out = dict()
    for i, (cmd, text) in enumerate(secs):
        out.setdefault(cmd, []).append(text)
    try:
        root = ET.parse(svg_path).getroot()
    except (OSError, ET.ParseError) as e:
        problems.append("the SVG is not well formed: %s" % e)
        return
    if root.tag != SVG_NS + "svg":
        problems.append("the SVG's root is %s, not svg" % root.tag)
    legend = {g.get("data-state") for g in root.iter(SVG_NS + "g") if g.get("class") == "legend"}
    for state in ("hole", "reserved", "free:0", "pcp", "alloc", "slab", "vmalloc", "head", "tail"):
        if state not in legend:
            problems.append("the legend has no %s" % state)
    totals = svg_totals(root)
    if sorted(totals) != [1, 2]:
        problems.append("the SVG has dumps %s, not 1 and 2" % sorted(totals))
        return
    for d in (1, 2):
        buddy = parse_buddyinfo(out["buddyinfo"][d - 1])
        zinfo = parse_zoneinfo(out["zoneinfo"][d - 1])
        if not buddy:
            problems.append("buddyinfo %d: no zone lines" % d)
        for zone, st in totals[d].items():
            z = zinfo.get(zone)
            if not z or "spanned" not in z:
                problems.append("dump %d: zone %s is not in zoneinfo" % (d, zone))
                continue
            free = sum(n << o for o, n in enumerate(buddy.get(zone, [])))
            want = [("free", st.get("free", 0), free, "buddyinfo's free pages"),
                    ("pcp", st.get("pcp", 0), z.get("count", 0), "zoneinfo's pagesets count"),
                    ("all", sum(st.values()), z["spanned"], "spanned"),
                    ("not hole", sum(st.values()) - st.get("hole", 0), z["present"], "present"),
                    ("reserved", st.get("reserved", 0), z["present"] - z["managed"],
                     "present - managed")]
            for what, got, kernel, name in want:
                if got != kernel:
                    problems.append("dump %d, zone %s: the picture has %d %s pages, the kernel's "
                                    "%s is %d" % (d, zone, got, what, name, kernel))
    held = re.search(r"frag: holding (\d+) pages", "\n".join(out["frag 100"][0]))
    fzone = re.search(r"frag: zone (\S+): took", "\n".join(out["frag 100"][0]))
    freed = re.search(r"frag: freed (\d+) pages", "\n".join(out["frag free"][0]))
    if not held or not fzone or not freed:
        problems.append("frag's lines are missing: %r / %r" % (out["frag 100"][0][-2:],
                                                               out["frag free"][0][-1:]))
    else:
        if held.group(1) != freed.group(1) or int(held.group(1)) == 0:
            problems.append("frag held %s pages, 'frag free' freed %s" % (held.group(1),
                                                                          freed.group(1)))
        b1 = parse_buddyinfo(out["buddyinfo"][0]).get(fzone.group(1), [0])
        b2 = parse_buddyinfo(out["buddyinfo"][1]).get(fzone.group(1), [0])
        if b2[0] < b1[0] + int(held.group(1)) // 2:
            problems.append("zone %s: order-0 free blocks %d -> %d after frag held %s pages" % (
                fzone.group(1), b1[0], b2[0], held.group(1)))
        if not any("+" in (g.get("data-state") or "") for g in root.iter(SVG_NS + "g")):
            problems.append("no folded free/held pattern in the picture after frag")
    buddy2 = parse_buddyinfo(out["buddyinfo"][1])
    for cmd, extfrag in (("extfrag_index", True), ("unusable_index", False)):
        seen = {}
        for line in out[cmd][0]:
            m = INDEX.match(line)
            if m:
                seen[m.group(1)] = m.group(2)
        if sorted(seen) != sorted(buddy2):
            problems.append("%s has zones %s, buddyinfo %s" % (cmd, sorted(seen), sorted(buddy2)))
        for zone, blocks in buddy2.items():
            want = expect_indices(blocks, extfrag)
            if zone in seen and seen[zone] != want:
                problems.append("%s, zone %s: printed %r, the definition gives %r" % (
                    cmd, zone, seen[zone], want))


def run(cfg, runner):
    """Boot cfg's guest, drive the shell, draw, judge: a result dict of tests/run's shape."""
    r = runner.new_result(cfg, 0)
    start = time.time()
    if os.path.exists(cfg.log):
        os.remove(cfg.log)
    argv = [runner.QEMU, "-machine", "pc", "-m", cfg.mem, "-no-reboot", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", os.path.join(runner.ROOT, "build", cfg.arch, "mmos.bin"),
            "-append", cfg.cmdline]
    status, problem = drive(argv, SCRIPT, cfg.log, cfg.timeout)
    problems = r["problems"]
    if problem:
        problems.append(problem)
    elif status != 0:
        problems.append("QEMU exited %s after poweroff, not 0" % status)
    lines = runner.read_log(cfg)
    text = "".join(runner.strip(l) + "\n" for l in lines)
    if "BIOS-e820: [mem 0x" not in text:
        problems.append("the boot log has no BIOS-e820 memory map")
    reports = [l for l in text.splitlines() if runner.KERNEL_REPORT.match(l)]
    if reports:
        problems.append("a kernel report in the log: %r" % reports[0])
    svg = os.path.splitext(cfg.log)[0] + ".svg"
    plot = subprocess.run([os.path.join(runner.ROOT, "tools", "memmap-plot"), cfg.log, "-o", svg,
                           "--labels", "before frag,after frag 100"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if plot.returncode:
        problems.append("tools/memmap-plot failed (%d): %s" % (
            plot.returncode, plot.stdout.decode(errors="replace").strip()))
    elif not problem:
        judge_log(lines, svg, problems)
    r["pass" if not problems else "fail"] += 1
    r["elapsed"] = time.time() - start
    return r


# The judge on a recorded log (tests/runner/logs/x86_64-pictures.log, a real
# x86_64 512M run), as recorded and with one line edited: (name, [(old
# text, new text)] applied to the one line containing old, regex one of the
# problems must match; None: no problem).
FIXTURES = [
    ("pictures: a recorded run passes", [], None),
    ("pictures: buddyinfo one block short", [
        ("Node 0, zone    DMA32  62372      0      3",
         "Node 0, zone    DMA32  62371      0      3")],
     r"dump 2, zone DMA32: the picture has \d+ free pages, the kernel's buddyinfo"),
    ("pictures: a per-CPU count that is not the picture's", [
        ("              count: 46", "              count: 45")],
     r"dump 1, zone DMA32: the picture has 46 pcp pages"),
    ("pictures: a run missing from the dump", [("0x1000 140 alloc*1+free:0*1", None)],
     r"the picture has \d+ all pages, the kernel's spanned"),
    ("pictures: extfrag_index without Linux's padding", [
        ("-1.000 -1.000 -1.000  0.999 ", "-1.000 -1.000 -1.000 0.999 ")],
     r"extfrag_index, zone DMA32: printed"),
    ("pictures: an unusable index off by one", [
        ("0.000 0.985 0.985 0.985 0.986", "0.000 0.984 0.985 0.985 0.986")],
     r"unusable_index, zone DMA32: printed"),
    ("pictures: frag free gives back less than frag held", [
        ("frag: freed 62372 pages", "frag: freed 62371 pages")],
     r"frag held 62372 pages, 'frag free' freed 62371"),
    ("pictures: no fragmentation after frag", [
        ("Node 0, zone    DMA32  62372      0      3", "Node 0, zone    DMA32      1      0      3")],
     r"order-0 free blocks 1 -> 1 after frag held 62372"),
]


def self_check(runner):
    """[(name, problem or None)] for each fixture: the recorded log through
    tools/memmap-plot and judge_log(), the same code the real runs use."""
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "logs", "x86_64-pictures.log"), newline="") as f:
        recorded = f.read().splitlines(True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, edits, verdict in FIXTURES:
            lines = list(recorded)
            problem = None
            for old, new in edits:
                hits = [i for i, l in enumerate(lines) if old in l]
                if len(hits) != 1:
                    problem = "the fixture's %r is on %d lines" % (old, len(hits))
                    break
                if new is None:
                    del lines[hits[0]]
                else:
                    lines[hits[0]] = lines[hits[0]].replace(old, new)
            if problem:
                results.append((name, problem))
                continue
            log, svg = os.path.join(tmp, "run.log"), os.path.join(tmp, "run.svg")
            with open(log, "w", newline="") as f:
                f.writelines(lines)
            plot = subprocess.run([os.path.join(runner.ROOT, "tools", "memmap-plot"), log,
                                   "-o", svg], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            problems = []
            if plot.returncode:
                problems.append("tools/memmap-plot failed: %s" % plot.stdout.decode().strip())
            else:
                judge_log(lines, svg, problems)
            if verdict is None:
                results.append((name, "; ".join(problems) or None))
            elif not any(re.search(verdict, p) for p in problems):
                results.append((name, "no problem matches %r (got %s)" % (verdict, problems)))
            else:
                results.append((name, None))
    return results
