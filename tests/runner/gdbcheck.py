# SPDX-License-Identifier: MIT
"""tests/runner/gdbcheck.py - tests/run's "gdb" configurations.

The guest boots to the shell with QEMU's gdb stub listening (-gdb on a free
local port; i386 under qemu-system-i386, whose stub speaks the 32-bit
register layout gdb expects for an i386 ELF, as make qemu-gdb does). The
runner types, waiting for each prompt:
    frag 5          (pages held and a vmalloc'd array: more states to see)
    memmap          (a pfn of each state present is picked from it)
    pageinfo PFN    for each of those pfns, and for one with no page frame
    vmalloc SIZE    two areas, one whose page array is one page (kmalloc'd)
                    and one a page larger (vmalloc'd: "vpages")
    buddyinfo, zoneinfo, slabinfo, vmallocinfo
    vtop VADDR      for a direct-map address, the first vmalloc area's start
                    and its guard page (unmapped)
and, while the shell waits at the prompt (the kernel idle, nothing
changing), runs gdb -batch with tools/gdbinit against the stub: mm-page,
mm-buddyinfo, mm-zoneinfo, mm-slabinfo, mm-vmallocinfo and mm-walk with the
same arguments. Each helper's lines must equal the kernel's report of the
same thing (printk stamps removed, trailing blanks ignored; mm-walk's
table entries and translation are vtop's, line for line). Then 'frag free' and
poweroff.
"""
import os
import re
import select
import socket
import subprocess
import time

PROMPT = b"mmos> "
STAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
RUN = re.compile(r"^(0x[0-9a-f]+|0) (\d+) (\S+)$")


class Shell:
    """The guest's serial console: type a command, read up to the next prompt."""

    def __init__(self, proc, log, deadline):
        self.proc, self.log, self.deadline, self.buf = proc, log, deadline, b""

    def read_prompt(self):
        while PROMPT not in self.buf:
            left = self.deadline - time.time()
            if left <= 0:
                raise TimeoutError("no prompt before the time ran out")
            ready, _, _ = select.select([self.proc.stdout], [], [], min(left, 1.0))
            if not ready:
                continue
            data = os.read(self.proc.stdout.fileno(), 65536)
            if not data:
                raise EOFError("QEMU ended")
            self.log.write(data)
            self.buf += data
        text, self.buf = self.buf.split(PROMPT, 1)
        return text.decode(errors="replace")

    def run(self, cmd):
        """The command's output lines (the echo left out, stamps removed)."""
        self.proc.stdin.write((cmd + "\r").encode())
        self.proc.stdin.flush()
        lines = [STAMP.sub("", l.rstrip("\r")) for l in self.read_prompt().split("\n")]
        return [l for l in lines[1:] if l.strip()]   # lines[0] is the echoed command


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pick_pfns(memmap_lines):
    """The first pfn of each state the dump shows (folded patterns: both states),
    and the second page of the first slab run of more than one page."""
    picks = {}
    for line in memmap_lines:
        m = RUN.match(line)
        if not m:
            continue
        pfn = int(m.group(1), 0)
        parts = m.group(3).split("+")
        for i, part in enumerate(parts):
            state = part.split("*")[0].split(":")[0]
            if state == "hole":
                continue
            first = pfn + (int(parts[0].split("*")[1]) if i else 0)
            picks.setdefault(state, first)
            if state == "slab" and len(parts) == 1 and int(m.group(2)) > 1:
                picks.setdefault("slab+1", first + 1)   # a tail, when the slab is compound
    return picks


def compare(name, kernel, helper, problems):
    k = [l.rstrip() for l in kernel]
    h = [l.rstrip() for l in helper]
    if k != h:
        for i in range(max(len(k), len(h))):
            a = k[i] if i < len(k) else "<none>"
            b = h[i] if i < len(h) else "<none>"
            if a != b:
                problems.append("%s: line %d: the kernel prints %r, the gdb helper %r" % (
                    name, i + 1, a, b))
                break
        if len(k) != len(h):
            problems.append("%s: the kernel prints %d lines, the gdb helper %d" % (
                name, len(k), len(h)))
    elif not k:
        problems.append("%s: no output to compare" % name)


def gdb_batch(runner, arch, port, commands, timeout):
    """Run commands in gdb -batch against the stub; {command: [lines]}."""
    argv = ["gdb", "-batch", "-nx", "-q", "-x", "tools/gdbinit",
            "-ex", "set architecture %s" % ("i386:x86-64" if arch == "x86_64" else "i386"),
            "-ex", "file build/%s/mmos.elf" % arch,
            "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        argv += ["-ex", "echo @@@ %s\\n" % c, "-ex", c]
    argv += ["-ex", "echo @@@ end\\n", "-ex", "detach"]
    proc = subprocess.run(argv, cwd=runner.ROOT, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    out, cur = {}, None
    for line in proc.stdout.decode(errors="replace").splitlines():
        if line.startswith("@@@ "):
            cur = line[4:]
            out[cur] = []
        elif cur is not None and cur != "end":
            out[cur].append(line)
    return proc.returncode, out, proc.stdout.decode(errors="replace")


def run(cfg, runner):
    r = runner.new_result(cfg, 0)
    problems = r["problems"]
    start = time.time()
    port = free_port()
    qemu = runner.QEMU if cfg.arch == "x86_64" else "qemu-system-i386"
    argv = [qemu] + ([] if cfg.arch == "x86_64" else ["-cpu", "qemu64"]) + [
        "-machine", "pc", "-m", cfg.mem, "-no-reboot", "-display", "none", "-monitor", "none",
        "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
        "-gdb", "tcp:127.0.0.1:%d" % port,
        "-kernel", os.path.join(runner.ROOT, "build", cfg.arch, "mmos.bin"),
        "-append", cfg.cmdline]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    gdb_log = os.path.splitext(cfg.log)[0] + ".gdb.log"
    try:
        with open(cfg.log, "wb") as log:
            sh = Shell(proc, log, time.time() + cfg.timeout)
            sh.read_prompt()
            kernel = {}
            frag = sh.run("frag 5")
            if not any("holding" in l for l in frag):
                problems.append("frag 5 did not hold pages: %r" % frag)
            picks = pick_pfns(sh.run("memmap"))
            for state in ("free", "reserved", "alloc", "slab", "slab+1", "vmalloc", "pcp", "head",
                          "tail"):
                if state in picks:
                    kernel["mm-page %#x" % picks[state]] = sh.run("pageinfo %#x" % picks[state])
            # no page frame: far above RAM (x86_64: a section with no memmap)
            kernel["mm-page 0x7ffff00"] = sh.run("pageinfo 0x7ffff00")
            # Linux's __vmalloc_area_node() vmallocs the page array when it is
            # larger than a page (array_size > PAGE_SIZE), else kmallocs it:
            # one area just at that size and one a page above it
            ptr = 8 if cfg.arch == "x86_64" else 4
            at = 4096 // ptr                # pages whose array fills one page
            held = []
            for n in (at, at + 1):
                m = re.search(r"vmalloc: handle (\d+): (?:0x)?([0-9a-f]+)-", " ".join(
                    sh.run("vmalloc %d" % (n * 4096))))
                if m:
                    held.append((n, m.group(1), int(m.group(2), 16)))
                else:
                    problems.append("vmalloc of %d pages failed" % n)
            for report in ("buddyinfo", "zoneinfo", "slabinfo", "vmallocinfo"):
                kernel["mm-" + report] = sh.run(report)
            for n, h, addr in held:
                line = [l for l in kernel["mm-vmallocinfo"] if l.startswith("0x%0*x-" % (
                    2 * ptr, addr))]
                if len(line) != 1 or (" vpages" in line[0]) != (n * ptr > 4096):
                    problems.append("vmallocinfo's area of %d pages (a %d-byte page array) "
                                    "%s vpages: %r" % (n, n * ptr, "lacks" if n * ptr > 4096
                                                       else "has", line))
            areas = [l for l in kernel["mm-vmallocinfo"] if " vmalloc" in l]
            addrs = ["0xffff888000100000" if cfg.arch == "x86_64" else "0xc0100000"]
            if areas:
                s, e = [int(x, 16) for x in areas[0].split()[0].split("-")]
                addrs += ["%#x" % s, "%#x" % (e - 4096)]
            else:
                problems.append("vmallocinfo shows no vmalloc area after frag")
            for a in addrs:
                kernel["mm-walk " + a] = sh.run("vtop " + a)
            for need in ("free", "reserved", "slab", "vmalloc", "alloc"):
                if need not in picks:
                    problems.append("the memmap shows no %s page to ask about" % need)
            # the kernel now waits at the prompt: attach, read, detach
            rc, helper, text = gdb_batch(runner, cfg.arch, port, list(kernel), 60)
            with open(gdb_log, "w") as f:
                f.write(text)
            if rc:
                problems.append("gdb exited %d (see %s)" % (rc, os.path.relpath(gdb_log,
                                                                                 runner.ROOT)))
            for cmd, lines in kernel.items():
                got = helper.get(cmd)
                if got is None:
                    problems.append("%s: gdb printed nothing for it" % cmd)
                else:
                    compare(cmd, lines, got, problems)
                    if cmd.startswith("mm-walk") and len(got) < 2:
                        problems.append("%s: no table levels shown: %r" % (cmd, got))
            for n, h, addr in held:
                sh.run("vfree %s" % h)
            freed = sh.run("frag free")
            if not any("freed" in l for l in freed):
                problems.append("frag free: %r" % freed)
            proc.stdin.write(b"poweroff\r")
            proc.stdin.flush()
            deadline = time.time() + 20
            while proc.poll() is None and time.time() < deadline:
                ready, _, _ = select.select([proc.stdout], [], [], 0.5)
                if ready:
                    data = os.read(proc.stdout.fileno(), 65536)
                    log.write(data)
                    if not data:
                        break
    except (TimeoutError, EOFError, subprocess.TimeoutExpired, BrokenPipeError) as e:
        problems.append("the session stopped: %s" % e)
    finally:
        if proc.poll() is None:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                problems.append("QEMU did not power off")
    text = "".join(runner.strip(l) + "\n" for l in runner.read_log(cfg))
    reports = [l for l in text.splitlines() if runner.KERNEL_REPORT.match(l)]
    if reports:
        problems.append("a kernel report in the log: %r" % reports[0])
    r["pass" if not problems else "fail"] += 1
    r["elapsed"] = time.time() - start
    return r
