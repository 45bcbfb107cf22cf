#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/runner/labnumbers.py - the labs' quoted boot output, checked against boots.

Owns tests/run's "doc-numbers" configuration: every number the lab texts
and answer keys (docs/labs/*.md, docs/labs/answers/*.md) quote from a boot
is checked against a boot of the configuration they name, so a kernel that
grows by a page cannot leave a key quoting last month's counts.

What is checked is marked in the markdown, invisible once rendered:

  <!-- boot: x86_64 6G -->                        the fenced block below it
  <!-- boot: i386 6G cmdline='mem=900M' -->       comes from this boot
  <!-- boot: x86_64 512M lab=3 cmdline='ktest=lab3_split' -->
                                                   (lab=N: lab N's skeleton)
  ```
  ...quoted lines...
  ```

The block's lines are consecutive lines of the boot's serial output (blank
output lines aside): the first may be anywhere, each next one is the next
line printed. A line that is only "..." marks a gap: any number of lines
printed there are not quoted. A line "mmos> CMD"
is typed at the shell prompt, in order, and the lines after it must be in
what follows; a boot whose command line has no ktest= is powered off after
the last command. Blocks with the same boot and the same commands share
one boot. A number worked out by hand from a quoted block is checked by

  <!-- expect: n(r"(\\d+) present") - n(r"(\\d+) managed") == 877 -->

a Python expression where n(REGEX) is the number (0x... too; 0.333) the
first group of REGEX captures in the first matching line of the boot of
the nearest marked block above it in the same file; "<!-- expect on
x86_64 512M: EXPR -->" names a boot of its own (prose with no block).
commands='ktest lab5_pgtable;vmprint' types commands before the block's own.
An expect writes a value that follows from others in n() terms (managed
from present and the image's pages), so that it holds for any image size;
a number the prose quotes that follows from the image's size is checked
as ref(N, n(...)): equal with the reference gcc (below), listed elsewhere.

The kernel image's size depends on the compiler, and with it every number
that follows from it (DMA's managed pages, where the first allocations land).
The quotes were taken from kernels built with REFERENCE_GCC (Debian's gcc
12.2.0, what CI uses). Built with another gcc, a quoted line whose numbers
alone differ from the boot's (the same shape, its numbers masked) is
accepted and counted, and the run says so (so is each ref() that
differs); anything else still fails, and every other expect is checked
as usual.

What may differ from the quoted text, each said here and nowhere else
(MASKS; applied to the quote and the output alike):
  - printk time stamps "[    0.000353] " (the docs quote without them);
  - white space at either end of a line (KTAP's indentation, the blank
    buddyinfo prints last; a block in a list item is indented);
  - a symbol's offset and size, "kmalloc_fix_flags+0x0/0xa0" (the compiler's
    code layout, not the memory subsystem: any change of code moves them);
  - "..." in a quoted line, written so in the docs for the reader too
    (e.g. "Memory: ...K/17016K available (...)"), stands for any text;
  - blank output lines between quoted ones.
Nothing else is skipped: a quoted line that is not in the output fails,
with the nearest line the boot printed instead, and so does one printed
later than quoted, naming the first line printed between.

Alone: tests/runner/labnumbers.py [--fix] [FILE...] (after make ARCH=x86_64 and
ARCH=i386); --fix rewrites each quoted line that no longer matches with the
output line of the same shape (its digits aside) at that place, for
regenerating the numbers after a change (of the lines of that shape, the
one most like the quote), and lists the other places in the file (prose,
expects) where each number it replaced is written; read the diff. It
refuses to run with a gcc other than the reference one.
"""
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = ["docs/labs/lab%d.md" % n for n in range(1, 7)] + \
    ["docs/labs/answers/lab%d.md" % n for n in range(1, 7)] + \
    ["docs/physical-memory.md"]	# lab 1 sends students there first
QEMU = "qemu-system-x86_64"
PROMPT = b"mmos> "
BOOT = re.compile(r"^\s*<!-- boot: (.*?) -->\s*$")
EXPECT = re.compile(r"^\s*<!-- expect(?: on (.*?))?: (.*?) -->\s*$")
FENCE = re.compile(r"^(\s*)```")
STAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
MASKS = [
    (re.compile(r"(\w)\+0x[0-9a-f]+/0x[0-9a-f]+"), r"\1+OFF/SIZE"),
]
BOOT_TIMEOUT = 30
JOBS = 2
GAP = "..."                 # a quoted line alone: lines left out here
REFERENCE_GCC = "12.2.0"    # the gcc the quoted numbers come from (gcc -dumpfullversion)


def toolchain():
    """(gcc's full version, whether it is the reference one)."""
    cc = os.environ.get("CC") or "cc"	# make's own default, what the Makefile builds with
    try:
        v = subprocess.run([cc, "-dumpfullversion"], capture_output=True, text=True,
                           check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        v = "unknown"
    return "%s %s" % (cc, v), v == REFERENCE_GCC


class Block:
    """One marked fenced block: where it is, its boot, its commands and lines."""

    def __init__(self, path, line, opts):
        self.path, self.line = path, line
        self.arch, self.mem = opts["arch"], opts["mem"]
        self.cmdline, self.lab = opts.get("cmdline", ""), opts.get("lab")
        self.devices = opts.get("devices")
        self.lines = []     # (line number, text)
        self.commands = [c.strip() for c in opts.get("commands", "").split(";") if c.strip()]

    def key(self):
        return (self.lab, self.arch, self.mem, self.cmdline, self.devices, tuple(self.commands))

    def where(self, lineno=None):
        return "%s:%d" % (os.path.relpath(self.path, ROOT), lineno or self.line)


def parse_opts(text):
    words = shlex.split(text)
    if len(words) < 2 or words[0] not in ("x86_64", "i386"):
        raise ValueError("want '<!-- boot: ARCH MEM [key=value...] -->', got %r" % text)
    opts = {"arch": words[0], "mem": words[1]}
    for w in words[2:]:
        k, sep, v = w.partition("=")
        if not sep or k not in ("cmdline", "lab", "devices", "commands"):
            raise ValueError("unknown boot option %r (cmdline=, lab=, devices=, commands=)" % w)
        opts[k] = v
    return opts


def parse(path):
    """([Block], [(block, line number, expression)]) of one markdown file."""
    blocks, expects, pending, cur, indent = [], [], None, None, ""
    with open(path) as f:
        text = f.read().split("\n")
    for i, raw in enumerate(text, 1):
        if cur is not None:
            m = FENCE.match(raw)
            if m and raw.strip() == "```":
                blocks.append(cur)
                cur = None
                continue
            line = raw[len(indent):] if raw.startswith(indent) else raw.lstrip()
            line = line.rstrip()
            if not line:
                continue
            if line.startswith("mmos> "):
                cur.commands.append(line[len("mmos> "):].strip())
            cur.lines.append((i, line))
            continue
        if re.search(r"(?<!`)<!--\s*(boot|expect)\b", raw) and not (BOOT.match(raw) or EXPECT.match(raw)):
            raise ValueError("%s:%d: a marker not alone on its line, or misspelt: %r" %
                             (path, i, raw.strip()))
        m = BOOT.match(raw)
        if m:
            pending = Block(path, i, parse_opts(m.group(1)))
            continue
        m = EXPECT.match(raw)
        if m:
            if m.group(1):
                own = Block(path, i, parse_opts(m.group(1)))
                expects.append((own, i, m.group(2)))
            elif not blocks:
                raise ValueError("%s:%d: an expect with no marked block above it" % (path, i))
            else:
                expects.append((blocks[-1], i, m.group(2)))
            continue
        m = FENCE.match(raw)
        if m and pending is not None:
            cur, indent, pending = pending, m.group(1), None
        elif raw.strip() and pending is not None:
            raise ValueError("%s:%d: a boot marker not right above a fenced block" %
                             (path, pending.line))
    return blocks, expects


def mask(line):
    for rx, repl in MASKS:
        line = rx.sub(repl, line)
    return line


def pattern(quoted):
    """The regex a quoted line stands for: masked, "..." any text."""
    return re.compile(".*?".join(re.escape(part) for part in mask(quoted).strip().split("...")))


def output_lines(raw):
    out = []
    for line in raw.replace("\r", "").split("\n"):
        out.append(mask(STAMP.sub("", line).strip()))
    return out


def shape(line):
    """line with each number (decimal, hex, 0x...: a word with a digit) as #."""
    return re.sub(r"\b(?:0x)?[0-9a-f]*[0-9][0-9a-f]*\b", "#", re.sub(r"\s+", " ", line))


def judge_block(block, out, fix=None, exact=True, loose=None):
    """Problems of one block against its boot's output lines (masked). With
    fix (a dict), quoted lines not found are mapped to a replacement: the
    output line of the same shape at that place. exact=False (not the
    reference gcc): a line that differs in its numbers only is accepted, and
    appended to loose (a list) if one is given."""
    problems, pos, gap = [], 0, True    # the first quoted line may be anywhere
    for lineno, quoted in block.lines:
        if quoted.strip() == GAP:
            gap = True
            continue
        rx = pattern(quoted)
        q = mask(quoted).strip()
        nxt = pos                       # the next line printed, blank lines aside
        while nxt < len(out) and not out[nxt]:
            nxt += 1
        here = range(pos, len(out)) if gap else range(nxt, min(nxt + 1, len(out)))
        hit = next((k for k in here if rx.fullmatch(out[k])), None)
        if hit is not None:
            pos, gap = hit + 1, False
            continue
        # printed as quoted, but further on: lines between, not quoted
        later = next((k for k in range(nxt, len(out)) if rx.fullmatch(out[k])), None)
        if later is not None:
            problems.append("%s: %d lines printed before %r are neither quoted nor marked "
                            "left out (a '%s' line), the first %r" % (
                                block.where(lineno), len([o for o in out[nxt:later] if o]),
                                quoted, GAP, out[nxt]))
            pos = later + 1
            continue
        if "..." not in q and (fix is not None or not exact):
            same = [k for k in here if shape(out[k]) == shape(q)]
            # of the lines of the same shape, the one most like the quote
            hit = max(same, key=lambda k: (difflib.SequenceMatcher(None, q, out[k]).ratio(), -k),
                      default=None)
            if hit is not None:
                if fix is not None:
                    fix[(block.path, lineno)] = out[hit]
                elif loose is not None:
                    loose.append("%s: %r printed as %r" % (block.where(lineno), quoted, out[hit]))
                pos, gap = hit + 1, False
                continue
        near = difflib.get_close_matches(q, out[pos:], n=1, cutoff=0.5)
        problems.append("%s: not in the output of %s: %r%s" % (
            block.where(lineno), describe(block), quoted,
            "; it printed %r" % near[0] if near else ""))
        gap = True                      # go on from here, wherever the next one is
    return problems


def number(out, regex):
    rx = re.compile(regex)
    for line in out:
        m = rx.search(line)
        if m:
            return float(m.group(1)) if "." in m.group(1) else int(m.group(1), 0)
    raise LookupError("no line matches %r" % regex)


def judge_expect(block, lineno, expr, out, exact=True, loose=None):
    """Problems of one expect. ref(N, VALUE) in it: VALUE is N, a number the
    prose quotes that follows from the image's size, with the reference gcc;
    with another, any VALUE passes and is listed in loose."""
    def ref(quoted, value):
        if exact or quoted == value:
            return quoted == value
        if loose is not None:
            loose.append("%s: %r is %r with this gcc" % (block.where(lineno), quoted, value))
        return True
    try:
        ok = eval(expr, {"__builtins__": {"round": round, "min": min, "max": max}},
                  {"n": lambda rx: number(out, rx), "ref": ref})
    except Exception as e:   # a bad expression or a missing line: said, not ignored
        return ["%s: expect %r: %s: %s" % (block.where(lineno), expr, type(e).__name__, e)]
    return [] if ok is True else ["%s: expect %r is false on %s" % (block.where(lineno), expr,
                                                                    describe(block))]


def describe(block):
    what = "%s %s%s" % (block.arch, block.mem,
                        " cmdline=%r" % block.cmdline if block.cmdline else "")
    return ("lab %s's skeleton, " % block.lab if block.lab else "") + what


def header_lab(lab):
    """Whether one of lab's student files is a header (None: the full tree)."""
    if lab is None:
        return False
    sys.path.insert(0, os.path.join(ROOT, "tools", "labs"))
    import labs
    return any(f.endswith(".h") for f in labs.LABS[int(lab)]["files"])


def skeleton_kernel(lab, arch, log_path):
    """Build lab's skeleton kernel in build/doc-numbers/lab<lab> from this
    tree's objects (only the lab's files recompile); its mmos.bin."""
    tree = os.path.join(ROOT, "build", "doc-numbers", "lab%s" % lab)
    with open(log_path, "w") as log:
        subprocess.run([os.path.join(ROOT, "tools", "lab-skeleton"), "--force", str(lab), tree],
                       check=True, stdout=log, stderr=subprocess.STDOUT)
        objs = os.path.join(tree, "build", arch)
        os.makedirs(os.path.dirname(objs), exist_ok=True)
        shutil.copytree(os.path.join(ROOT, "build", arch), objs, symlinks=True,
                        ignore=shutil.ignore_patterns("*.iso", "iso*"))
        # -j2 for the one that recompiles most of mm/ (the other worker boots)
        jobs = "-j2" if header_lab(lab) else "-j1"
        subprocess.run(["make", "-s", "ARCH=" + arch, jobs, "build/%s/mmos.bin" % arch],
                       cwd=tree, check=True, stdout=log, stderr=subprocess.STDOUT)
    return os.path.join(objs, "mmos.bin")


def boot_when_built(block, build, log_path):
    """boot() on this tree's kernel, or on the skeleton's once build (a
    future of skeleton_kernel()) is done; (None, why) if it did not build."""
    kernel = os.path.join(ROOT, "build", block.arch, "mmos.bin")
    if build is not None:
        try:
            kernel = build.result()
        except subprocess.CalledProcessError as e:
            return None, "lab %s's skeleton kernel did not build (%s)" % (block.lab, e)
    if not os.path.exists(kernel):
        return None, "no kernel %s (make ARCH=%s first)" % (os.path.relpath(kernel, ROOT), block.arch)
    return boot(block, kernel, log_path)


def boot(block, kernel, log_path):
    """The serial output of one boot, commands typed at each prompt."""
    argv = [QEMU, "-machine", "pc", "-m", block.mem, "-no-reboot", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", kernel,
            "-append", block.cmdline]
    if block.devices:
        argv += ["-device", block.devices]
    if block.mem.endswith("G") and int(block.mem[:-1]) > 4:   # as tests/run's ram_backend
        argv[5:5] = ["-object", "memory-backend-ram,id=ram0,size=%s,reserve=off" % block.mem,
                     "-machine", "memory-backend=ram0"]
    script = list(block.commands)
    if "ktest=" not in block.cmdline:
        script.append("poweroff")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import pictures
    status, problem = pictures.drive(argv, script, log_path, BOOT_TIMEOUT)
    with open(log_path, errors="replace") as f:
        return f.read(), problem


def check(paths, logdir, fix=False, exact=True):
    """(problems, number of checks passed, fixes, loose) for the files in
    paths; loose: the lines accepted by their shape (exact=False)."""
    problems, passed, fixes, loose = [], 0, {}, []
    blocks, expects = [], []
    for p in paths:
        try:
            b, e = parse(p)
        except (OSError, ValueError) as err:
            problems.append(str(err))
            continue
        blocks += b
        expects += e
    shutil.rmtree(logdir, ignore_errors=True)   # no log of an earlier run left to read
    os.makedirs(logdir)
    booted = blocks + [e[0] for e in expects if e[0] not in blocks]
    outputs = {}
    # two at a time (the machine has two cores), in this order: the build of
    # a skeleton whose region is in a header (lab 4's slab_internal.h: most
    # of mm/ recompiles) beside this tree's boots, then the other skeletons'
    # builds, then their boots (each waits for its build)
    kernels, boots = {}, {}

    def build(block):
        k = (block.lab, block.arch)
        if k not in kernels:
            kernels[k] = pool.submit(skeleton_kernel, block.lab, block.arch,
                                     os.path.join(logdir, "build-lab%s.log" % block.lab))

    def start(block):
        if block.key() not in boots:
            log = os.path.join(logdir, "boot%d.log" % len(boots))
            boots[block.key()] = (block, log, pool.submit(
                boot_when_built, block, kernels.get((block.lab, block.arch)), log))

    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        for block in booted:
            if header_lab(block.lab):
                build(block)
        for block in booted:
            if block.lab is None:
                start(block)
        for block in booted:
            if block.lab is not None:
                build(block)
        for block in booted:
            start(block)
        for key, (block, log, fut) in boots.items():
            raw, problem = fut.result()
            if problem:
                problems.append("%s: %s: %s (log: %s)" % (block.where(), describe(block), problem,
                                                          os.path.relpath(log, ROOT)))
            outputs[key] = None if raw is None else output_lines(raw)
    for block in blocks:
        out = outputs[block.key()]
        if out is None:
            continue
        p = judge_block(block, out, fixes if fix else None, exact, loose)
        problems += p
        passed += not p
    for block, lineno, expr in expects:
        out = outputs.get(block.key())
        if out is None:
            continue
        p = judge_expect(block, lineno, expr, out, exact, loose)
        problems += p
        passed += not p
    return problems, passed, fixes, loose


def toolchain_note(cc, loose):
    """What a run off the reference gcc checked less, said in one line."""
    return ("%s is not the reference gcc %s the quotes come from: %d quoted lines whose numbers "
            "alone differ, or ref() numbers, were accepted (listed in the log); other "
            "expects checked as usual" % (cc, REFERENCE_GCC, len(loose)))


NUMBER = re.compile(r"\b(?:0x)?[0-9a-f]*[0-9][0-9a-f]*\b")


def other_occurrences(fixes):
    """Where else in its file each number --fix replaces is written (prose,
    an expect, another block), for fixing by hand: ["path:line: ..."].
    Numbers of one or two characters are left out (every buddyinfo count)."""
    out, texts = [], {}
    for (path, lineno), new in sorted(fixes.items()):
        if path not in texts:
            with open(path) as f:
                texts[path] = f.read().split("\n")
        text = texts[path]
        old = text[lineno - 1].strip()
        pairs = zip(NUMBER.findall(re.sub(r"\s+", " ", old)), NUMBER.findall(re.sub(r"\s+", " ", new)))
        for was, now in pairs:
            if was == now or len(was) < 3:
                continue
            rx = re.compile(r"(?<![\w.])%s(?![\w])" % re.escape(was))
            for i, line in enumerate(text, 1):
                if (path, i) not in fixes and rx.search(line):
                    out.append("%s:%d: %s (now %s in the quote at line %d): %s" % (
                        os.path.relpath(path, ROOT), i, was, now, lineno, line.strip()[:100]))
    return out


def apply_fixes(fixes):
    by_file = {}
    for (path, lineno), new in fixes.items():
        by_file.setdefault(path, {})[lineno] = new
    for path, lines in by_file.items():
        with open(path) as f:
            text = f.read().split("\n")
        for lineno, new in lines.items():
            old = text[lineno - 1]
            indent = old[:len(old) - len(old.lstrip())]
            text[lineno - 1] = indent + new
        with open(path, "w") as f:
            f.write("\n".join(text))


def run(cfg, runner):
    """tests/run's doc-numbers configuration: a result dict of its shape."""
    r = runner.new_result(cfg, 0)
    start = time.time()
    logdir = os.path.splitext(cfg.log)[0]
    cc, exact = toolchain()
    problems, passed, _, loose = check([os.path.join(ROOT, p) for p in DOCS], logdir,
                                       exact=exact)
    with open(cfg.log, "w") as f:
        f.write("".join(p + "\n" for p in problems))
        if not exact:
            f.write(toolchain_note(cc, loose) + "\n" + "".join(l + "\n" for l in loose))
            print("doc-numbers: " + toolchain_note(cc, loose), file=sys.stderr)
        f.write("%d blocks and expects agree with their boots (boot logs in %s)\n" % (
            passed, os.path.relpath(logdir, ROOT)))
    r["problems"] += problems
    if problems:
        r["problems"].append("after a change to the kernel: tests/runner/labnumbers.py --fix "
                             "rewrites the quoted lines from today's boots (read the diff)")
    r["pass"], r["fail"] = passed, len(problems)
    r["elapsed"] = time.time() - start
    return r


# The judge on a hand-made quote and output, as written and with one number
# changed: (name, quoted block text, output text, expect, regex of the problem or None).
SELF_OUTPUT = """[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable
[    0.013323]   DMA zone: 4095 pages spanned, 3998 present, 3121 managed
[    0.018808] Memory: 6238256K/6290936K available (408K kernel code)
WARNING: CPU: 0 PID: 0 at mm/slab_common.c:460 kmalloc_fix_flags+0x0/0xa0
mmos> buddyinfo
Node 0, zone      DMA      1      0      0      0      1      1      0      0      1      0      3 
mmos> poweroff
"""
SELF_FIXTURES = [
    ("doc-numbers: quoted as printed", "  DMA zone: 4095 pages spanned, 3998 present, 3121 managed\n"
     "Memory: ...K/6290936K available (...)\n", None, None),
    ("doc-numbers: a managed count one off", "  DMA zone: 4095 pages spanned, 3998 present, 3122 managed\n",
     None, r"not in the output .*3121 managed"),
    ("doc-numbers: a symbol offset from another build",
     "WARNING: CPU: 0 PID: 0 at mm/slab_common.c:460 kmalloc_fix_flags+0x10/0xb0\n", None, None),
    ("doc-numbers: a source line that moved",
     "WARNING: CPU: 0 PID: 0 at mm/slab_common.c:461 kmalloc_fix_flags+0x0/0xa0\n", None,
     r"not in the output"),
    ("doc-numbers: a shell answer changed", "mmos> buddyinfo\n"
     "Node 0, zone      DMA      1      0      0      0      1      1      0      0      1      0      4\n",
     None, r"not in the output"),
    ("doc-numbers: out of order", "Memory: ...\n  DMA zone: ...\n", None, r"not in the output"),
    ("doc-numbers: a formula that holds", "  DMA zone: ...\n",
     r'n(r"(\d+) present") - n(r"(\d+) managed") == 877', None),
    ("doc-numbers: a formula that does not", "  DMA zone: ...\n",
     r'n(r"(\d+) present") - n(r"(\d+) managed") == 876', r"is false"),
    ("doc-numbers: a prose number that follows from the image, another gcc", "  DMA zone: ...\n",
     r'ref(3122, n(r"(\d+) managed"))', None, False),
    ("doc-numbers: a prose number that follows from the image, the reference gcc",
     "  DMA zone: ...\n", r'ref(3122, n(r"(\d+) managed"))', r"is false"),
    ("doc-numbers: a line printed between two quoted ones",
     "BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\nMemory: ...\n", None,
     r"1 lines printed before .* neither quoted nor marked left out"),
    ("doc-numbers: the lines between marked left out",
     "BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\n...\nMemory: ...\n",
     None, None),
    ("doc-numbers: another gcc, a number only differs",
     "  DMA zone: 4095 pages spanned, 3998 present, 3122 managed\n", None, None, False),
    ("doc-numbers: another gcc, a word differs",
     "  DMA zone: 4095 pages spanned, 3998 present, 3121 kept\n", None, r"not in the output",
     False),
]


def self_check():
    """[(name, problem or None)]: each fixture judged as tests/run would."""
    results = []
    out = output_lines(SELF_OUTPUT)
    for name, quoted, expr, want, *exact in SELF_FIXTURES:
        block = Block(os.path.join(ROOT, "fixture.md"), 1, {"arch": "x86_64", "mem": "6G"})
        block.lines = [(i, l) for i, l in enumerate(quoted.rstrip("\n").split("\n"), 2)]
        loose = []
        ex = exact[0] if exact else True
        got = judge_block(block, out, None, ex, loose) + \
            (judge_expect(block, 9, expr, out, ex, loose) if expr else [])
        if exact and not got and len(loose) != 1:
            got = ["want the line listed as accepted by its shape, got %r" % loose]
        if want is None:
            results.append((name, "; ".join(got) or None))
        elif not any(re.search(want, g) for g in got):
            results.append((name, "want a problem matching %r, got %r" % (want, got)))
        else:
            results.append((name, None))
    # a marker the parser cannot take is an error, never a check left out
    import tempfile
    for name, text in (("doc-numbers: an expect glued to prose",
                        "text\n<!-- boot: x86_64 6G -->\n```\nx\n```\n<!-- expect: 1 == 1 --> more\n"),
                       ("doc-numbers: a boot marker with no block under it",
                        "<!-- boot: x86_64 6G -->\ntext\n")):
        with tempfile.NamedTemporaryFile("w", suffix=".md") as f:
            f.write(text)
            f.flush()
            try:
                parse(f.name)
                results.append((name, "parsed without a word"))
            except ValueError:
                results.append((name, None))
    return results


def main(argv):
    fix = "--fix" in argv
    paths = [a for a in argv if a != "--fix"] or [os.path.join(ROOT, p) for p in DOCS]
    cc, exact = toolchain()
    if fix and not exact:
        print("%s is not the reference gcc %s: --fix would put this compiler's numbers in "
              "the docs; refused" % (cc, REFERENCE_GCC))
        return 2
    problems, passed, fixes, loose = check(
        paths, os.path.join(ROOT, "build", "doc-numbers", "logs"), fix, exact)
    if fix and fixes:
        others = other_occurrences(fixes)
        apply_fixes(fixes)
        print("%d quoted lines rewritten from the boots; read the diff" % len(fixes))
        if others:
            print("the numbers they replace are also written here (fix by hand):")
        for where in others:
            print("  " + where)
    if not exact:
        print(toolchain_note(cc, loose))
        for l in loose:
            print("  " + l)
    for p in problems:
        print(p)
    print("%d passed, %d problems" % (passed, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    sys.exit(main(sys.argv[1:]))
