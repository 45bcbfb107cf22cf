# SPDX-License-Identifier: MIT
"""tests/runner/selftest.py - the test of tests/run's verdicts.

Owns: the fixtures, each a log in tests/runner/logs/ (recorded from real
runs and trimmed, or hand-made) or such a log with a few lines edited, the
configuration it is judged as, the program's exit status, and the verdict
it must get: passed, or failed with a problem (or a failed case) matching
a regex. The logs go through tests/run's own judge() (judge_host() and
judge_fuzz() for the hosted build and the fuzzers), the code the real runs
use; run() takes that module as its argument. The fixtures carry their own
table of suites (table(), not tests/run's SUITES) and their own expected
skips, so that a suite or a skip added to the kernel changes no verdict
here. Then the code around the verdicts: run_host(), run_fuzz(),
run_qemu() and main() run stand-ins for the programs (shell scripts in a
temporary directory), so their status mapping, timeouts, exceptions, exit
code and --update-skips are tested without QEMU or a build.
Tests: tests/run --self-test (the runner-selftest configuration of make
test), or python3 tests/runner/selftest.py. tests/runner/mutate.py checks
that each problem tests/run can report is proven by a fixture here.
"""
import io
import os
import random
import re
import shlex
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PASSED, FAILED, PANIC = 33, 35, 37   # QEMU's status for the kernel's exit codes


class Fixture:
    """log: a file in logs/; cfg: the configuration; status: what the
    program exited with (QEMU's status; the hosted build's or the fuzzer's
    own for those); note: what QEMU printed; verdict: None to pass, else a
    regex for one problem or "not ok SUITE.CASE" of the run. Edits, on the
    text after the printk stamp, each required to find its line: replace
    [(text, new text, or None to drop the line)] on every line that
    contains text; insert_after [(text, [lines])] and cut_after text (the
    log ends there) at the one line that is text, or else the one that
    contains it; append [lines]. counts: the run's (passed, failed,
    skipped) when they matter."""
    def __init__(self, name, log, cfg, status, verdict=None, replace=(), insert_after=(),
                 cut_after=None, append=(), counts=None, note=""):
        self.name, self.log, self.cfg, self.status, self.verdict = name, log, cfg, status, verdict
        self.replace, self.insert_after, self.cut_after = replace, insert_after, cut_after
        self.append, self.counts, self.note = append, counts, note

    def lines(self, run):
        with open(os.path.join(HERE, "logs", self.log)) as f:
            lines = [(r[:len(r) - len(run.strip(r))], run.strip(r)) for r in f.read().splitlines()]

        def one(text, what):   # the line that is text, else the one that contains it
            hits = [i for i, (_, b) in enumerate(lines) if text == b] or \
                [i for i, (_, b) in enumerate(lines) if text in b]
            if len(hits) != 1:
                raise ValueError("%s: %r is on %d lines" % (what, text, len(hits)))
            return hits[0]

        for old, new in self.replace:
            if not any(old in b for _, b in lines):
                raise ValueError("replace: %r is on no line" % old)
            lines = [(s, b.replace(old, new or "")) for s, b in lines
                     if new is not None or old not in b]
        for after, new in self.insert_after:
            i = one(after, "insert_after")
            lines[i + 1:i + 1] = [(lines[i][0], b) for b in new]
        if self.cut_after is not None:
            del lines[one(self.cut_after, "cut_after") + 1:]
        lines += [(lines[-1][0], b) for b in self.append]
        return [s + b + "\n" for s, b in lines]



def table(run):
    """The suites as SUITES had them when the logs were recorded, and a manual one."""
    k, e = run.KERNELS, run.EVERYWHERE
    t = {"bench": (1, k), "boot": (5, k), "bug": (4, k), "cmdline": (8, e), "compound": (14, e),
         "e820": (8, e), "gfp": (6, e), "irq": (5, k), "kmalloc": (9, e), "memblock": (7, e),
         "mm_init": (8, e), "page_alloc": (18, e), "printk": (7, e), "slab": (16, e),
         "traps": (11, k)}
    t = {name: run.Suite(n, builds) for name, (n, builds) in t.items()}
    t["ktest_leak"] = run.Suite(3, k, manual=True)
    return t


MM_QUICK = "ktest=boot,e820,memblock,mm_init,gfp"
# ktest-leak.log: a hand-made run of a manual suite with a case that leaks
# nothing, three that leak one thing each, one that leaks and then skips,
# and a suite-level leak, in the words of kernel/ktest.c's leak check
BACK = " not back to baseline"
LEAK = {"ktest_leak.test_ktest_leak_pages_dma": ["free pages in zone DMA" + BACK],
        "ktest_leak.test_ktest_leak_kmalloc_64": ["slab objects in kmalloc-64" + BACK],
        "ktest_leak.test_ktest_leak_kmalloc_large": ["large kmalloc pages" + BACK,
                                                     "free pages in zone DMA32" + BACK],
        "ktest_leak.test_ktest_leak_then_skip": ["free pages in zone DMA" + BACK],
        "ktest_leak": ["free pages in zone DMA" + BACK]}
CRASH_BUG = ["kernel BUG at kernel/lkdtm.c:", "Kernel panic - not syncing"]
# the one case the recorded i386-memmap.log and host-x86_64-64G.log skip
GOLDEN = "mm_init.test_mm_zone_golden_linux"
MEMMAP_SKIPS = {GOLDEN: "the memory map was edited on the command line"}
HOST_SKIPS = {GOLDEN: "no Linux reference for 0 MiB"}
BOOT_CASES = ["test_boot_memory_map_received", "test_boot_e820_logged", "test_boot_protocol",
              "test_boot_ram_size", "test_boot_cmdline_copied"]
# x86_64-cmdline.log's boot suite once more, as the third
BOOT_AGAIN = (["    KTAP version 1", "    # Subtest: boot", "    1..5"] +
              ["    ok %d %s" % (i, c) for i, c in enumerate(BOOT_CASES, 1)] + ["ok 3 boot"])
# x86_64-cmdline.log with boot's suite_init failing: every case skipped
INIT_FAILED = ([("ok %d %s" % (i, c), "ok %d %s # SKIP suite init failed (-12)" % (i, c))
                for i, c in enumerate(BOOT_CASES, 1)] +
               [("pass:5 fail:0 skip:0", "pass:0 fail:0 skip:5"),
                ("ok 1 boot", "ok 1 boot # SKIP all cases skipped"),
                ("pass:13 fail:0 skip:0", "pass:8 fail:0 skip:5")])


def fixtures(run):
    T = table(run)

    def cmdline(**kw):   # x86_64-cmdline.log: ktest=cmdline,boot, 13 cases, all ok
        return run.Config("x86_64-32M-cmdline", "x86_64", "32M",
                          cmdline=kw.pop("cmdline", "ktest=cmdline,boot"), table=kw.pop("table", T),
                          skips=kw.pop("skips", {}), **kw)

    def memmap(skips=MEMMAP_SKIPS):   # i386-memmap.log: the quick suites, one case skipped
        return run.Config("i386-1G-memmap", "i386", "1G", cmdline=MM_QUICK, table=T, skips=skips)

    def host(skips=HOST_SKIPS, **kw):   # host-x86_64-64G.log: four suites, one case skipped
        return run.HostConfig("host-x86_64-64G-asan", "qemu-64G",
                              glob=kw.pop("glob", "mm_init,memblock,e820,gfp"), table=T,
                              skips=skips, **kw)

    def leak(expect_fail=LEAK, skips=None, **kw):
        return run.Config("x86_64-32M-ktest-leak", "x86_64", "32M", cmdline="ktest=ktest_leak",
                          expect_fail=expect_fail, table=T, skips=skips or {}, **kw)

    def no_match(**kw):
        return run.Config("i386-32M-no-match", "i386", "32M", cmdline="ktest=boot.no_such_case",
                          kind="message", exit_code=run.EXIT_FAIL,
                          expect=["ktest: no suite matches 'boot.no_such_case'"], table=T, **kw)

    def fuzz():
        return run.FuzzConfig("fuzz_e820", 60)

    def smaller(name, n, t=T):
        return dict(t, **{name: run.Suite(n, t[name].builds)})

    def without(name, t=T):
        return {n: s for n, s in t.items() if n != name}

    # x86_64-list.log: the suites of a kernel without ktest_leak
    before = without("ktest_leak")

    def listing(t=before):
        return run.Config("x86_64-32M-ktest-list", "x86_64", "32M", cmdline="ktest=list",
                          kind="list", table=t)

    C, L, X = "x86_64-cmdline.log", "ktest-leak.log", "x86_64-list.log"
    M, H, Z = "i386-memmap.log", "host-x86_64-64G.log", "fuzz-e820.log"
    F = Fixture
    # x86_64-cmdline.log with test_cmdline_unknown not ok, and the counts that follow
    case_fails = [("ok 4 test_cmdline_unknown", "not ok 4 test_cmdline_unknown"),
                  ("pass:8 fail:0", "pass:7 fail:1"), ("pass:13 fail:0", "pass:12 fail:1"),
                  ("all passed", "FAILED")]
    # ... or skipped
    case_skips = [("ok 4 test_cmdline_unknown", "ok 4 test_cmdline_unknown # SKIP no reason"),
                  ("pass:8 fail:0 skip:0", "pass:7 fail:0 skip:1"),
                  ("pass:13 fail:0 skip:0", "pass:12 fail:0 skip:1")]
    crash = run.Config("x86_64-crash-bug", "x86_64", "256M", cmdline="", crash="BUG",
                       expect=CRASH_BUG)
    warn = "WARNING: CPU: 0 PID: 0 at mm/slub.c:120 kmem_cache_free+0x2d/0x90"
    return [
        # recorded logs that pass
        F("recorded x86_64 ktest=cmdline,boot", C, cmdline(), PASSED, counts=(13, 0, 0)),
        F("recorded i386 memmap= quick suites", M, memmap(), PASSED, counts=(33, 0, 1)),
        F("recorded hosted 64G", H, host(), 0, counts=(28, 0, 1)),
        F("recorded crash=BUG", "x86_64-crash-bug.log", crash, PANIC),
        F("recorded ktest=list", X, listing(), PASSED),
        F("recorded no-match", "i386-no-match.log", no_match(), FAILED),
        F("recorded fuzzer", Z, fuzz(), 0),
        # recorded from kernels broken on purpose: cmdline's suite reported not ok
        # after a leak line, all its cases ok; the top plan one too many and
        # gfp's one short
        F("recorded suite-level not ok", "x86_64-suite-leak.log", cmdline(), FAILED,
          r"suite cmdline is not ok, though none of its cases failed", counts=(13, 1, 0)),
        F("recorded suite-level not ok, expected", "x86_64-suite-leak.log",
          cmdline(expect_fail={"cmdline": ["free pages not back to baseline"]}), FAILED,
          counts=(13, 0, 0)),
        F("recorded suite plan one short", "i386-bad-plans.log", memmap(), PASSED,
          r"suite gfp: plan 1\.\.5 but 6 case results"),
        F("recorded top-level plan one too many", "i386-bad-plans.log", memmap(), PASSED,
          r"plan 1\.\.6 but 5 suites reported"),
        # a not ok anywhere
        F("suite not ok, all its cases ok", C, cmdline(), FAILED,
          r"suite cmdline is not ok, though none of its cases failed",
          replace=[("ok 2 cmdline", "not ok 2 cmdline"), ("all passed", "FAILED")]),
        F("a case not ok is a failed case", C, cmdline(), FAILED,
          r"^not ok cmdline\.test_cmdline_unknown$",
          replace=case_fails + [("ok 2 cmdline", "not ok 2 cmdline")], counts=(12, 1, 0)),
        F("a case not ok with '# SKIP' is a failed case", C, cmdline(), FAILED,
          r"^not ok cmdline\.test_cmdline_unknown$",
          replace=case_fails + [("not ok 4 test_cmdline_unknown",
                                 "not ok 4 test_cmdline_unknown # SKIP no reason"),
                                ("ok 2 cmdline", "not ok 2 cmdline")], counts=(12, 1, 0)),
        F("suite ok with a case not ok", C, cmdline(), FAILED,
          r"suite cmdline is ok, but its case test_cmdline_unknown is not ok", replace=case_fails),
        F("a stray top-level result", C, cmdline(), PASSED, r"unexpected 'not ok 3 rogue'",
          insert_after=[("ok 1 boot", ["not ok 3 rogue"])]),
        F("a case result after its suite's result", C, cmdline(), PASSED,
          r"unexpected 'not ok 6 test_boot_late'",
          insert_after=[("ok 1 boot", ["    not ok 6 test_boot_late"])]),
        # results that say more than ok, not ok or skipped
        F("'# TODO' on a case", C, cmdline(), PASSED,
          r"'ok 4 test_cmdline_unknown # TODO not done': the directive '# TODO'",
          replace=[("ok 4 test_cmdline_unknown", "ok 4 test_cmdline_unknown # TODO not done")],
          counts=(13, 1, 0)),
        F("'# XFAIL' on a suite", C, cmdline(), PASSED,
          r"'ok 2 cmdline # XFAIL': the directive '# XFAIL'",
          replace=[("ok 2 cmdline", "ok 2 cmdline # XFAIL")]),
        F("'# skip' in lower case", C, cmdline(skips={"cmdline.test_cmdline_unknown": ""}),
          PASSED, r"the directive '# skip'",
          replace=[("ok 4 test_cmdline_unknown", "ok 4 test_cmdline_unknown # skip no reason")]),
        F("an ok case whose diagnostics say a check failed", C, cmdline(), PASSED,
          r"case cmdline\.test_cmdline_basic is ok, but its diagnostics say "
          r"'# test_cmdline_basic: EXPECTATION FAILED",
          insert_after=[("1..8", ["    # test_cmdline_basic: EXPECTATION FAILED at "
                                  "tests/kernel/cmdline_test.c:52"])]),
        F("a skipped case whose diagnostics say a check failed", M, memmap(), PASSED,
          r"case mm_init\.test_mm_zone_golden_linux is skipped, but its diagnostics say "
          r"'# test_mm_zone_golden_linux: ASSERTION FAILED",
          insert_after=[("ok 1 test_mm_zone_geometry", [
              "    # test_mm_zone_golden_linux: ASSERTION FAILED at "
              "tests/kernel/mm_init_test.c:90"])]),
        F("a WARN in the log", C, cmdline(), PASSED, r"a kernel report in the log: 'WARNING: CPU",
          insert_after=[("ok 3 test_cmdline_repeated_and_dashes", [warn, "Call Trace:"])]),
        F("a slab report in the log", C, cmdline(), PASSED,
          r"a kernel report in the log: 'BUG kmalloc-64: Poison overwritten' \(and 1 more\)",
          insert_after=[("ok 3 test_cmdline_repeated_and_dashes", [
              "BUG kmalloc-64: Poison overwritten", "BUG: Bad page state in process swapper"])]),
        F("a WARN where failure is expected", L, leak(), FAILED, counts=(5, 0, 0),
          insert_after=[("ok 1 test_ktest_leak_nothing", [warn])]),
        F("suite skipped with a case run", C, cmdline(), PASSED,
          r"suite boot is reported skipped, but not all its cases were",
          replace=[("ok 1 boot", "ok 1 boot # SKIP all cases skipped")]),
        F("suite statistics line disagrees", C, cmdline(), PASSED,
          r"suite boot: its line 'pass:4 fail:0 skip:1' does not match",
          replace=[("# boot: pass:5 fail:0 skip:0", "# boot: pass:4 fail:0 skip:1")]),
        # skips: each expected, by configuration
        F("a case skips where it ran", C, cmdline(), PASSED,
          r"case cmdline\.test_cmdline_unknown skipped \(no reason\), but "
          r"tests/runner/expected-skips does not list it for x86_64-32M-cmdline",
          replace=case_skips, counts=(12, 1, 1)),
        F("a case skips, as expected", C, cmdline(skips={"cmdline.test_cmdline_unknown": ""}),
          PASSED, replace=case_skips, counts=(12, 0, 1)),
        F("a recorded skip not expected", M, memmap(skips={}), PASSED,
          r"case mm_init\.test_mm_zone_golden_linux skipped \(the memory map was edited"),
        F("a hosted skip not expected", H, host(skips={}), 0,
          r"case mm_init\.test_mm_zone_golden_linux skipped \(no Linux reference"),
        F("an expected skip that ran", C, cmdline(skips={"boot.test_boot_protocol": "no reason"}),
          PASSED, r"says boot\.test_boot_protocol skips on x86_64-32M-cmdline, but it ran and "
          r"is ok \(the file is stale\?\)"),
        F("an expected skip that did not run", C, cmdline(skips={"boot.test_boot_gone": ""}),
          PASSED, r"says boot\.test_boot_gone skips on x86_64-32M-cmdline, but it did not run"),
        F("a suite whose init failed, its skips listed", C,
          cmdline(skips={"boot." + c: "" for c in BOOT_CASES}), PASSED,
          r"case boot\.test_boot_memory_map_received skipped: suite init failed \(-12\)",
          replace=INIT_FAILED),
        F("an unexpected skip where failure is expected", L, leak(), FAILED,
          r"case ktest_leak\.test_ktest_leak_nothing skipped \(no leak today\), but",
          replace=[("ok 1 test_ktest_leak_nothing", "ok 1 test_ktest_leak_nothing # SKIP no "
                    "leak today"), ("pass:1 fail:4 skip:0", "pass:0 fail:4 skip:1")]),
        F("an expected skip where failure is expected", L,
          leak(skips={"ktest_leak.test_ktest_leak_nothing": ""}), FAILED, counts=(4, 0, 1),
          replace=[("ok 1 test_ktest_leak_nothing", "ok 1 test_ktest_leak_nothing # SKIP no "
                    "leak today"), ("pass:1 fail:4 skip:0", "pass:0 fail:4 skip:1")]),
        # the suites each configuration must run
        F("a suite missing", C, cmdline(cmdline="ktest=cmdline,boot,printk"), PASSED,
          r"suite printk did not run \(ktest=cmdline,boot,printk selects it for x86_64\)"),
        F("a suite renamed", C, cmdline(), PASSED, r"suite cmdline did not run",
          replace=[("Subtest: cmdline", "Subtest: command_line"),
                   ("ok 2 cmdline", "ok 2 command_line"), ("# cmdline:", "# command_line:")]),
        F("a suite not in the table", C, cmdline(table=without("cmdline")), PASSED,
          r"suite cmdline ran, but it is not in tests/run's SUITES table"),
        F("a suite the glob does not select", C, cmdline(cmdline="ktest=boot"), PASSED,
          r"suite cmdline ran, but ktest=boot does not select it for x86_64"),
        F("a suite with fewer cases than its minimum", C, cmdline(table=smaller("boot", 6)),
          PASSED, r"suite boot ran 5 cases, fewer than its 6"),
        F("fewer cases than the configuration's minimum", C, cmdline(min_cases=14), PASSED,
          r"13 cases ran, fewer than the configuration's 14"),
        F("a suite reported twice", C, cmdline(), PASSED, r"suite boot reported twice",
          replace=[("1..2", "1..3"), ("ktest: 2 suites, pass:13", "ktest: 3 suites, pass:18")],
          insert_after=[("ok 2 cmdline", BOOT_AGAIN)]),
        F("a kernel-only suite in a hosted glob is not expected", H,
          host(glob="mm_init,memblock,e820,gfp,boot"), 0, counts=(28, 0, 1)),
        # plans and numbering
        F("top-level plan too large", C, cmdline(), PASSED, r"plan 1\.\.3 but 2 suites reported",
          replace=[("1..2", "1..3")]),
        F("top-level plan too small", C, cmdline(), PASSED, r"more suites than the plan 1\.\.1",
          replace=[("1..2", "1..1")]),
        F("top-level plan missing", C, cmdline(), PASSED, r"no plan line after the top",
          replace=[("1..2", None)]),
        F("top-level plan not from 1", C, cmdline(), PASSED, r"top-level plan '0\.\.2'",
          replace=[("1..2", "0..2")]),
        F("suite plan not from 1", C, cmdline(), PASSED,
          r"suite cmdline: plan '0\.\.8' does not start at 1", replace=[("1..8", "0..8")]),
        F("suite plan larger than its results", C, cmdline(), PASSED,
          r"suite cmdline: plan 1\.\.9 but 8 case results", replace=[("1..8", "1..9")]),
        F("suite plan missing", C, cmdline(), PASSED, r"suite boot has no plan line",
          replace=[("1..5", None)]),
        F("suite without its Subtest line", C, cmdline(), PASSED,
          r"suite 1 has no '# Subtest:' line", replace=[("# Subtest: boot", None)]),
        F("KTAP version 2", C, cmdline(), PASSED, r"'KTAP version 2': mmos prints KTAP version 1",
          replace=[("KTAP version 1", "KTAP version 2")]),
        F("a plan before the version line", C, cmdline(), PASSED,
          r"'1\.\.2' before 'KTAP version 1'",
          insert_after=[("mmos: boot complete", ["1..2"])]),
        F("a duplicate case number", C, cmdline(), PASSED,
          r"suite cmdline: case result number 2 where 3 is due \(a duplicate\)",
          replace=[("ok 3 test_cmdline_repeated", "ok 2 test_cmdline_repeated")]),
        F("a gap in the case numbers", C, cmdline(), PASSED,
          r"suite boot: case result number 6 where 5 is due \(a gap\)",
          replace=[("ok 5 test_boot_cmdline_copied", "ok 6 test_boot_cmdline_copied")]),
        F("a case reported twice", C, cmdline(), PASSED, r"case test_boot_protocol reported twice",
          replace=[("ok 4 test_boot_ram_size", "ok 4 test_boot_protocol")]),
        F("a suite result misnumbered", C, cmdline(), PASSED,
          r"suite result number 3 where 2 is due", replace=[("ok 2 cmdline", "ok 3 cmdline")]),
        F("a suite result naming another suite", C, cmdline(), PASSED,
          r"names boot, the subtest was cmdline", replace=[("ok 2 cmdline", "ok 2 boot")]),
        F("a suite result line missing", C, cmdline(), PASSED,
          r"suite boot has no result line", replace=[("ok 1 boot", None)]),
        F("a malformed result line", C, cmdline(), PASSED, r"malformed result line",
          replace=[("ok 1 test_cmdline_basic", "ok test_cmdline_basic")]),
        F("a line indented by 2", C, cmdline(), PASSED, r"indented by 2",
          replace=[("    ok 1 test_cmdline_basic", "  ok 1 test_cmdline_basic")]),
        F("parameterised nesting", C, cmdline(), PASSED,
          r"nested KTAP below a case \(parameterised cases are not used in mmos\)",
          insert_after=[("ok 2 test_cmdline_quotes", [
              "        KTAP version 1", "        # Subtest: test_cmdline_param",
              "        1..1", "        ok 1 param-0"])]),
        # streams that stop early or go on
        F("log ends inside a suite (hang)", C, cmdline(), None,
          r"the log ends inside suite cmdline, after 3 of 8 cases \(truncated\)",
          cut_after="ok 3 test_cmdline_repeated_and_dashes"),
        F("log ends inside a suite (status says passed)", C, cmdline(), PASSED,
          r"the log ends inside suite cmdline, after 3 of 8 cases \(truncated\)",
          cut_after="ok 3 test_cmdline_repeated_and_dashes"),
        F("log ends between suites", C, cmdline(), PASSED,
          r"the log ends after 1 of 2 suites", cut_after="ok 1 boot"),
        F("log ends at the start of a suite", C, cmdline(), PASSED,
          r"the log ends at the start of suite cmdline \(truncated\)",
          cut_after="# Subtest: cmdline"),
        F("log ends after the top version line", C, cmdline(), PASSED,
          r"the log ends after the top 'KTAP version 1' \(truncated\)",
          cut_after="KTAP version 1"),
        F("log ends before its last line", C, cmdline(), PASSED,
          r"the log ends before 'ktest: all passed' or 'ktest: FAILED'",
          replace=[("ktest: all passed", None)]),
        F("log ends before any KTAP", C, cmdline(), PASSED, r"^no KTAP output$",
          cut_after="mmos: boot complete"),
        F("whole log, no exit (hang)", C, cmdline(), None, r"no exit within 120s \(a hang\)"),
        F("text after the last line", C, cmdline(), PASSED,
          r"text after the last line 'ktest: all passed': 'mmos shell",
          append=["mmos shell: type help"]),
        F("'ktest:' before any KTAP", C, cmdline(), PASSED,
          r"'ktest: 2 suites, pass:13 fail:0 skip:0' before any KTAP",
          insert_after=[("mmos: boot complete", ["ktest: 2 suites, pass:13 fail:0 skip:0"])]),
        F("the summary line twice", C, cmdline(), PASSED,
          r"unexpected 'ktest: 2 suites, pass:13 fail:0 skip:0'",
          insert_after=[("ktest: 2 suites, pass:13 fail:0 skip:0",
                         ["ktest: 2 suites, pass:13 fail:0 skip:0"])]),
        F("summary line disagrees", C, cmdline(), PASSED,
          r"'ktest: 2 suites, pass:12 fail:0 skip:1' but the results give 2 suites, pass:13",
          replace=[("pass:13 fail:0 skip:0", "pass:12 fail:0 skip:1")]),
        F("last line says FAILED, all ok", C, cmdline(), FAILED,
          r"the last line says 'ktest: FAILED' but every result is ok",
          replace=[("all passed", "FAILED")]),
        F("nothing selected (the old ktest=all)", C, cmdline(), PASSED,
          r"no suite was selected \(plan 1\.\.0\)", replace=[("1..2", "1..0")],
          cut_after="1..0", append=["ktest: 0 suites, pass:0 fail:0 skip:0", "ktest: all passed"]),
        F("no suite matches, as a KTAP run", "i386-no-match.log",
          run.Config("i386-32M-boot", "i386", "32M", cmdline="ktest=boot.no_such_case", table=T,
                     skips={}),
          FAILED, r"the kernel says: ktest: no suite matches 'boot\.no_such_case'"),
        F("no BIOS-e820 map", C, cmdline(), PASSED, r"the boot log has no BIOS-e820 memory map",
          replace=[("BIOS-e820: ", None)]),
        F("an expected string missing", C,
          cmdline(expect=['Unknown kernel command line parameters "unknown_param=1"']), PASSED,
          r"missing from the log: 'Unknown kernel command line"),
        # exit status
        F("all ok, exit status failed", C, cmdline(), FAILED,
          r"exit status 35 \(failed\), expected 33 \(passed\): the KTAP is all ok"),
        F("a case not ok, exit status passed", C, cmdline(), PASSED,
          r"exit status 33 \(passed\), expected 35 \(failed\): the KTAP has a result not ok",
          replace=case_fails + [("ok 2 cmdline", "not ok 2 cmdline")]),
        F("all ok, panic status", C, cmdline(), PANIC, r"exit status 37 \(panic\), expected 33"),
        F("all ok, QEMU status 0", C, cmdline(), 0, r"QEMU exited 0: a triple fault"),
        F("all ok, unknown status", C, cmdline(), 3, r"exit status 3 \(unknown\)"),
        F("what QEMU printed, when the status is wrong", C, cmdline(), 1,
          r"^QEMU printed: qemu-system-x86_64: cannot set up guest memory",
          note="QEMU printed: qemu-system-x86_64: cannot set up guest memory 'pc.ram'"),
        F("what QEMU printed, on a timeout", C, cmdline(), None, r"^QEMU printed: terminating",
          note="QEMU printed: terminating on signal 15"),
        F("what QEMU printed, status as expected: no problem", C, cmdline(), PASSED,
          note="QEMU printed: warning: host doesn't support requested feature"),
        # QEMU 7.2's edu device: a bus address past its dma_mask is clamped and
        # printed (the run still passes by its KTAP), a range outside its
        # buffer aborts QEMU (hw_error: status -6)
        F("the edu device clamped an address, all ok", C, cmdline(), PASSED,
          r"^QEMU's edu device complained: EDU: clamping DMA 0x0000000010000000 to "
          r"0x0000000000000000! \(and 1 more\)$",
          note="QEMU printed: EDU: clamping DMA 0x0000000010000000 to 0x0000000000000000!\n"
               "EDU: clamping DMA 0x0000000010001000 to 0x0000000000001000!"),
        F("the edu device aborted QEMU", C, cmdline(), -6,
          r"^QEMU's edu device complained: EDU: DMA range 0x0000000000040000-"
          r"0x0000000000040fff out of bounds",
          cut_after="ok 3 test_cmdline_repeated_and_dashes",
          note="QEMU printed: qemu: hardware error: EDU: DMA range 0x0000000000040000-"
               "0x0000000000040fff out of bounds (0x0000000000040000-0x0000000000040fff)!\n"
               "CPU #0:"),
        F("other QEMU output naming edu: no problem", C, cmdline(), PASSED,
          note="QEMU printed: edu-mmio: Invalid read at addr 0xFEA00000, size 4"),
        F("crash with the wrong status", "x86_64-crash-bug.log", crash, FAILED,
          r"exit status 35 \(failed\), expected 37 \(panic\)"),
        F("crash without its report", "x86_64-crash-bug.log", crash, PANIC,
          r"missing from the log: 'kernel BUG at", replace=[("kernel BUG at", "kernel oops at")]),
        # the hosted build's own exit status
        F("hosted, exit 1 with all ok", H, host(), 1,
          r"exit status 35 \(failed\), expected 33 \(passed\): the KTAP is all ok"),
        F("hosted, a sanitizer's exit 86", H, host(), 86,
          r"the hosted build crashed \(status 86: a sanitizer report\?"),
        F("hosted, a timeout", H, host(), None, r"no exit within 120s \(a hang\)"),
        # the fuzzers
        F("fuzzer exits 1", Z, fuzz(), 1, r"the fuzzer stopped with status 1"),
        F("fuzzer hangs", Z, fuzz(), None, r"no exit within 120s \(a hang\)"),
        F("fuzzer exits 0 at once", Z, fuzz(), 0,
          r"the fuzzer ran no input: no 'stat::number_of_executed_units:' above 0",
          cut_after="INFO: Running with entropic power schedule (0xFF, 100)."),
        F("fuzzer ran no unit", Z, fuzz(), 0, r"the fuzzer ran no input",
          replace=[("number_of_executed_units: 2493", "number_of_executed_units: 0")]),
        F("fuzzer without its Done line", Z, fuzz(), 0, r"no 'Done N runs' line",
          replace=[("Done 2493 runs", None)]),
        # expected failure (the leak suite)
        F("expected failures, all as expected", L, leak(), FAILED, counts=(5, 0, 0)),
        F("expected failures by glob", L,
          leak({"ktest_leak.*_leak_[!n]*": [BACK], "ktest_leak": [BACK]}), FAILED,
          counts=(5, 0, 0)),
        F("expected failures did not fail", L, leak(), FAILED,
          r"case ktest_leak\.test_ktest_leak_kmalloc_64 was expected to fail, but is ok",
          replace=[("# test_ktest_leak_kmalloc_64: slab objects", None),
                   ("not ok 3 test_ktest_leak_kmalloc_64", "ok 3 test_ktest_leak_kmalloc_64"),
                   ("# test_ktest_leak_pages_dma: free pages", None),
                   ("not ok 2 test_ktest_leak_pages_dma", "ok 2 test_ktest_leak_pages_dma"),
                   ("pass:1 fail:4", "pass:3 fail:2")], counts=(3, 2, 0)),
        F("expected failure skipped instead", L,
          leak(skips={"ktest_leak.test_ktest_leak_then_skip": ""}), FAILED,
          r"case ktest_leak\.test_ktest_leak_then_skip was expected to fail, but is skipped",
          replace=[("# test_ktest_leak_then_skip: ", None),
                   ("not ok 5 test_ktest_leak_then_skip",
                    "ok 5 test_ktest_leak_then_skip # SKIP skips after taking a page"),
                   ("pass:1 fail:4 skip:0", "pass:1 fail:3 skip:1")], counts=(4, 1, 0)),
        F("expected failure without one of its messages", L, leak(), FAILED,
          r"case ktest_leak\.test_ktest_leak_kmalloc_large failed, but without "
          r"'large kmalloc pages not back to baseline'",
          replace=[("large kmalloc pages not back to baseline: 0 before, 4 after (+4)",
                    "EXPECTATION FAILED at tests/kernel/ktest_leak_test.c:40")],
          counts=(4, 1, 0)),
        F("expected suite failure without its message", L, leak(), FAILED,
          r"suite ktest_leak is not ok, but without 'free pages in zone DMA not back",
          replace=[("# ktest_leak: free pages", None)]),
        F("expected suite failure, suite ok", L, leak(), FAILED,
          r"suite ktest_leak was expected to be not ok, but is ok",
          replace=[("not ok 1 ktest_leak", "ok 1 ktest_leak")]),
        F("expected failures, exit status passed", L, leak(), PASSED,
          r"exit status 33 \(passed\), expected 35 \(failed\): the KTAP has a result not ok"),
        F("an unexpected failure beside the expected", L,
          leak({k: v for k, v in LEAK.items() if not k.endswith("then_skip")}), FAILED,
          r"^not ok ktest_leak\.test_ktest_leak_then_skip$", counts=(4, 1, 0)),
        F("the case that leaks nothing fails", L, leak(), FAILED,
          r"^not ok ktest_leak\.test_ktest_leak_nothing$",
          replace=[("    ok 1 test_ktest_leak_nothing", "    not ok 1 test_ktest_leak_nothing"),
                   ("pass:1 fail:4", "pass:0 fail:5")], counts=(4, 1, 0)),
        F("expected failure that matches nothing", L,
          leak(dict(LEAK, **{"ktest_leak.test_ktest_leak_vmalloc": ["vmalloc"]})), FAILED,
          r"expect_fail 'ktest_leak\.test_ktest_leak_vmalloc' matches no result"),
        # configurations without KTAP
        F("list with a manual suite", X, listing(T), PASSED,
          insert_after=[("traps ", ["ktest_leak               4 cases (manual)"])]),
        F("list missing a suite", X, listing(dict(before, vmalloc=run.Suite(1, run.KERNELS))),
          PASSED, r"suite vmalloc \(SUITES\) is missing from the list"),
        F("list with a suite not in the table", X, listing(without("traps", before)),
          PASSED, r"suite traps is in the x86_64 build but not in tests/run's SUITES table"),
        F("list with fewer cases", X, listing(smaller("page_alloc", 19, before)), PASSED,
          r"suite page_alloc has 18 cases, fewer than its 19"),
        F("list not marking a manual suite", X,
          listing(dict(before, traps=run.Suite(11, run.KERNELS, manual=True))), PASSED,
          r"suite traps is not marked \(manual\)"),
        F("list marking a suite manual that is not", X, listing(), PASSED,
          r"suite bug is marked \(manual\) in the list",
          replace=[("bug" + " " * 22 + "4 cases", "bug" + " " * 22 + "4 cases (manual)")]),
        F("list with a suite twice", X, listing(), PASSED, r"suite traps is listed twice",
          append=["traps                    11 cases"]),
        F("list ending with 'ktest: FAILED'", X, listing(), PASSED,
          r"'ktest: FAILED' before any KTAP", append=["ktest: FAILED"]),
        F("list, exit status failed", X, listing(), FAILED,
          r"exit status 35 \(failed\), expected 33"),
        F("no match, exit status passed", "i386-no-match.log", no_match(), PASSED,
          r"exit status 33 \(passed\), expected 35"),
        F("no match after 'ktest: all passed'", "i386-no-match.log", no_match(), FAILED,
          r"'ktest: all passed' before any KTAP",
          insert_after=[("mmos: boot complete", ["ktest: all passed"])]),
        F("no match, text after", "i386-no-match.log", no_match(), FAILED,
          r"text after the last line 'ktest: no suite matches", append=["KTAP version 1"]),
        F("no match, KTAP printed", "i386-no-match.log", no_match(), FAILED,
          r"KTAP output where none was expected",
          insert_after=[("mmos: boot complete", ["KTAP version 1", "1..0"])]),
    ]


def verdict_problem(r, verdict, counts):
    """None if the result r is the verdict (None: passed, else a regex for
    one of its problems or "not ok SUITE.CASE") with counts (when given),
    else what is wrong."""
    named = r["problems"] + ["not ok " + key for key in r["failed"]]
    if counts is not None and (r["pass"], r["fail"], r["skip"]) != counts:
        return "counted %d passed, %d failed, %d skipped, expected %d, %d, %d" % (
            (r["pass"], r["fail"], r["skip"]) + tuple(counts))
    if verdict is None:
        if named or r["fail"]:
            return "judged a failure: %s" % "; ".join(named)
        return None
    if not r["fail"]:
        return "judged a pass, expected a failure matching %r" % verdict
    if not any(re.search(verdict, p) for p in named):
        return "no problem matches %r; got: %s" % (verdict, "; ".join(named))
    return None


def judge_fixture(run, f):
    """None if the fixture got its verdict, else what went wrong."""
    try:
        cfg, lines = f.cfg, f.lines(run)
    except (ValueError, OSError) as e:
        return "the fixture is broken: %s" % e
    if cfg.boot == "host":
        r = run.judge_host(cfg, f.status, lines, 0)
    elif cfg.boot == "fuzz":
        r = run.judge_fuzz(cfg, f.status, lines, 0)
    else:
        r = run.judge(cfg, f.status, f.note, lines, 0)
    return verdict_problem(r, f.verdict, f.counts)


def selection_checks(run):
    """expected_suites() against the kernel's selection rules, on the fixtures' table."""
    T = table(run)
    kernel_all = {n for n, s in T.items() if not s.manual}
    host_all = {n for n in kernel_all if "host-i386" in T[n].builds}
    # with case names: a case glob runs the suites that have a matching case
    named = {"boot": run.Suite(2, run.KERNELS, cases=["test_boot_protocol", "test_boot_ram_size"]),
             "slab": run.Suite(3, run.EVERYWHERE, cases=["test_slab_size", "test_slab_merge",
                                                         "test_slab_align"]),
             "ktest_leak": run.Suite(1, run.KERNELS, manual=True, cases=["test_ktest_leak_size"])}
    checks = [
        ("'*' selects every suite but the manual one", set(run.expected_suites("*", "i386", T)),
         kernel_all),
        ("'*' on the hosted build leaves out the kernel-only suites",
         set(run.expected_suites("*", "host-i386", T)), host_all),
        ("a manual suite by its exact name", run.expected_suites("ktest_leak", "x86_64", T),
         {"ktest_leak": 3}),
        ("a manual suite not by a glob", run.expected_suites("ktest_*", "x86_64", T), {}),
        ("a manual suite not on the hosted build",
         run.expected_suites("ktest_leak", "host-x86_64", T), {}),
        ("a case glob asks for one case", run.expected_suites("boot.test_boot_p*", "x86_64", T),
         {"boot": 1}),
        ("the whole suite and a case glob ask for all its cases",
         run.expected_suites("boot.x*,boot", "x86_64", T), {"boot": 5}),
        ("'?' and '*' as the kernel's glob_match()",
         run.expected_suites("?lab,mm_*,page[_]alloc", "x86_64", T), {"slab": 16, "mm_init": 8}),
        ("a case glob runs only the suites with a matching case",
         run.expected_suites("*.test_boot_*", "x86_64", named), {"boot": 2}),
        ("a case glob across suites asks for each matching case",
         run.expected_suites("*.*_size,slab.*_a*", "x86_64", named), {"boot": 1, "slab": 2}),
        ("a case glob matching no case selects nothing",
         run.expected_suites("boot.test_slab_*,ktest_leak.x", "x86_64", named), {}),
    ]
    out = [(name, None if got == want else "got %r, want %r" % (got, want))
           for name, got, want in checks]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "demo_test.c"), "w") as f:
            f.write('static struct ktest_case demo_cases[] = {\n\tKTEST_CASE(test_demo_one),\n'
                    '\tKTEST_CASE_DESIGN(test_demo_two),\n\tKTEST_CASE(test_demo_three),\n'
                    '\tKTEST_CASE_ATTR(test_demo_four, { .design = true }),\n'
                    '\tKTEST_CASE_ATTR(test_demo_five, { .design = false }),\n'
                    '\t{}\n};\n\nstatic struct ktest_suite '
                    'demo_suite = {\n\t.name = "demo",\n\t.cases = demo_cases,\n};\n')
        got = run.kernel_cases(tmp)
    want = {"demo": (["test_demo_one", "test_demo_two", "test_demo_three", "test_demo_four",
                      "test_demo_five"], {"test_demo_two", "test_demo_four"})}
    out.append(("kernel_cases() reads a suite's name, cases and design cases from its file",
                None if got == want else "got %r, want %r" % (got, want)))
    bad = [c.name for c in run.CONFIGS
           if c.kind == "ktap" and not c.expected()]
    out.append(("every KTAP configuration in CONFIGS expects a suite",
                "none expected by %s" % ", ".join(bad) if bad else None))
    return out


def design_checks(run):
    """design_filter(), expected_suites() under a filter and judge_design()
    on hand-made logs of a suite with one design case."""
    T = {"demo": run.Suite(2, run.EVERYWHERE, cases=["test_a", "test_b"], design={"test_b"}),
         "alld": run.Suite(1, run.EVERYWHERE, cases=["test_d"], design={"test_d"})}
    out = []

    def keeps(cmdline):
        keep, skip, refused = run.design_filter(cmdline)
        return refused if keep is None and refused else \
            None if keep is None else (keep(False), keep(True), skip)

    # expectations from KUnit's grammar (lib/kunit/attributes.c, v6.12), a
    # bool compared as 0 or 1
    for cmdline, want in [("", None), ("ktest.filter=design=false", (True, False, False)),
                          ("ktest.filter=design!=true ktest.filter_action=skip",
                           (True, False, True)),
                          ("ktest.filter=design=true", (False, True, False)),
                          ("ktest.filter=design!=false", (False, True, False)),
                          ("ktest.filter=design<true", (True, False, False)),
                          ("ktest.filter=design>=false", (True, True, False)),
                          ("ktest.filter=design==true", (False, True, False)),
                          ("ktest.filter=design=true,design=false", (False, False, False)),
                          ('"ktest.filter=design!=true, design<=true"', (True, False, False)),
                          ("ktest.filter=design=true,", (False, True, False)),
                          ("ktest.filter=speed>slow ktest.filter=design=true",
                           (False, True, False)),
                          ("ktest.filter=design=true ktest.filter=speed>slow",
                           "attribute not found"),
                          ("ktest.filter=design=yes", "invalid filter input"),
                          ('"ktest.filter= design=true"', "attribute not found"),
                          ("ktest.filter=design!true", "invalid filter operation"),
                          ("ktest.filter=design=", "filter value not found"),
                          ("ktest.filter=design", "filter operation not found"),
                          ("ktest.filter=design=true,,design=true", "filter operation not found"),
                          ("ktest.filter=" + ",".join(["design!=true"] * 5) + "x",
                           "filter longer than 63 bytes"),
                          ("ktest.filter=" + ",".join(["design!=true"] * 5)[:63],
                           "invalid filter input")]:
        got = keeps(cmdline)
        out.append(("design_filter(%r)" % cmdline,
                    None if got == want else "got %r, want %r" % (got, want)))
    for glob, cmdline, want in [
            ("demo,alld", "", {"demo": 2, "alld": 1}),
            ("demo,alld", "ktest.filter=design!=true", {"demo": 1}),
            ("demo,alld", "ktest.filter=design!=true ktest.filter_action=skip",
             {"demo": 2, "alld": 1}),
            ("demo.test_b", "ktest.filter=design=false", {}),
            ("demo.test_a", "ktest.filter=design=true", {})]:
        keep, skip, _ = run.design_filter(cmdline)
        got = run.expected_suites(glob, "x86_64", T, None if skip else keep)
        out.append(("expected_suites(%r) with %r" % (glob, cmdline),
                    None if got == want else "got %r, want %r" % (got, want)))

    def judged(cmdline, cases):
        """cases: (name, result, attribute line printed) of suite demo."""
        lines = ["KTAP version 1", "1..1", "    KTAP version 1", "    # Subtest: demo",
                 "    1..%d" % len(cases)]
        for i, (name, result, attr) in enumerate(cases, 1):
            if attr:
                lines.append("    # %s.design: true" % name)
            lines.append("    ok %d %s%s" % (i, name, result))
        lines += ["ok 1 demo", "ktest: 1 suites, pass:0 fail:0 skip:0", "ktest: all passed"]
        cfg = run.HostConfig("host-x86_64-demo", "qemu-512M", glob="demo", cmdline=cmdline,
                             table=T)
        problems = []
        run.judge_design(cfg, run.parse_ktap(lines), problems)
        return problems

    skipped = " # SKIP "     # KUnit's line for a filtered case: no reason
    for what, cmdline, cases, want in [
            ("the attribute on the design case only", "",
             [("test_a", "", False), ("test_b", "", True)], None),
            ("a design case without its attribute line", "",
             [("test_a", "", False), ("test_b", "", False)], "does not print"),
            ("an attribute line on a case declared with KTEST_CASE()", "",
             [("test_a", "", True), ("test_b", "", True)], "declares it with KTEST_CASE()"),
            ("the filter leaves the design case out", "ktest.filter=design!=true",
             [("test_a", "", False)], None),
            ("a design case the filter should have left out", "ktest.filter=design!=true",
             [("test_a", "", False), ("test_b", "", True)], "leaves it out"),
            ("filter_action=skip skips the design case",
             "ktest.filter=design=false ktest.filter_action=skip",
             [("test_a", "", False), ("test_b", skipped, True)], None),
            ("filter_action=skip, but the design case ran",
             "ktest.filter=design=false ktest.filter_action=skip",
             [("test_a", "", False), ("test_b", "", True)], "should skip it"),
            ("an invariant case skipped as filtered",
             "ktest.filter=design=false ktest.filter_action=skip",
             [("test_a", skipped, False), ("test_b", skipped, True)], "the filter keeps it"),
            ("an invariant case skipped with a reason is no filtered skip",
             "ktest.filter=design=false ktest.filter_action=skip",
             [("test_a", " # SKIP no DMA zone", False), ("test_b", skipped, True)], None),
            ("a refused filter runs nothing", "ktest.filter=design!=ture",
             [("test_a", "", False)], "yet suites ran")]:
        problems = judged(cmdline, cases)
        if want is None:
            bad = problems[0] if problems else None
        else:
            bad = None if any(want in p for p in problems) else \
                "no problem saying %r: %r" % (want, problems)
        out.append(("judge_design: " + what, bad))
    return out


def skips_file_checks(run, tmp):
    """read_skips() on malformed files: each a ValueError naming the line."""
    configs = [run.Config("x86_64-32M-a", "x86_64", "32M"),
               run.FuzzConfig("fuzz_b", 1, harness="fuzz_e820")]
    files = [
        ("a line with one word", "# head\nx86_64-32M-a\n", r"expected-skips:2: 'x86_64-32M-a' is "
         r"not 'CONFIG SUITE\.CASE  # reason'"),
        ("a case without its suite", "x86_64-32M-a test_a  # why\n", r"is not 'CONFIG SUITE"),
        ("a configuration not in CONFIGS", "x86_64-1M-z boot.test_a\n",
         r"expected-skips:1: x86_64-1M-z is not a KTAP configuration"),
        ("a configuration without KTAP", "fuzz_b boot.test_a\n", r"fuzz_b is not a KTAP"),
        ("a line twice", "x86_64-32M-a boot.test_a\nx86_64-32M-a boot.test_a  # again\n",
         r"expected-skips:2: x86_64-32M-a boot\.test_a is listed twice"),
    ]
    out = []
    path = os.path.join(tmp, "expected-skips")
    for name, text, want in files:
        with open(path, "w") as f:
            f.write(text)
        try:
            got = "read as %r" % run.read_skips(path, configs)
        except ValueError as e:
            got = None if re.search(want, str(e)) else "ValueError %r does not match %r" % (
                str(e), want)
        out.append(("expected-skips: " + name, got))
    with open(path, "w") as f:
        f.write("# head\n\nx86_64-32M-a boot.test_a  # no memory # at all\nx86_64-32M-a e.f\n")
    got, want = run.read_skips(path, configs), {"x86_64-32M-a": {"boot.test_a":
                                                                  "no memory # at all", "e.f": ""}}
    out.append(("expected-skips: comments, a reason with '#', none",
                None if got == want else "got %r, want %r" % (got, want)))
    return out


def program_checks(run):
    """The code that runs the programs, with stand-ins for them (shell
    scripts that print a recorded log and exit with a chosen status):
    run_host(), run_fuzz(), run_qemu() and main()."""
    out = []
    T = table(run)
    with tempfile.TemporaryDirectory() as tmp:
        def log(name):
            return shlex.quote(os.path.join(HERE, "logs", name))

        def fake(cfg, body):
            cfg.binary, cfg.log = os.path.join(tmp, cfg.name), os.path.join(tmp, cfg.name + ".log")
            with open(cfg.binary, "w") as f:
                f.write("#!/bin/sh\n%s\n" % body)
            os.chmod(cfg.binary, 0o755)
            return cfg

        def host(name, body, **kw):
            return fake(run.HostConfig(name, "qemu-64G", glob="mm_init,memblock,e820,gfp",
                                       table=T, skips=HOST_SKIPS, **kw), body)

        def fuzzer(name, body):
            return fake(run.FuzzConfig(name, 1, harness="fuzz_e820"), body)

        def qemu(name, body):
            return fake(run.Config(name, "x86_64", "32M", cmdline="ktest=cmdline,boot", table=T,
                                   skips={}), body)

        # QEMU's stand-in writes its serial log where -serial file:PATH says
        serial = 'for a; do case $a in file:*) log=${a#file:};; esac; done; '
        host_ok = host("fake-host-ok", "cat %s; exit 0" % log("host-x86_64-64G.log"))
        host_crash = host("fake-host-crash", "cat %s; exit 86" % log("host-x86_64-64G.log"))
        stale = qemu("fake-qemu-stale", "exit 33")
        with open(stale.log, "w") as f, open(os.path.join(HERE, "logs",
                                                          "x86_64-cmdline.log")) as g:
            f.write(g.read())   # a whole passing log from an earlier run
        runs = [
            ("run_host: exit 0 and a whole log pass", run.run_host, host_ok, None, (28, 0, 1)),
            ("run_host: exit 86 is a crash", run.run_host, host_crash,
             r"the hosted build crashed \(status 86", None),
            ("run_host: a timeout is a hang", run.run_host,
             host("fake-host-hang", "exec sleep 10", timeout=0.3),
             r"no exit within 0\.3s \(a hang\)", None),
            ("run_fuzz: a whole run passes", run.run_fuzz,
             fuzzer("fake-fuzz-ok", "cat %s; exit 0" % log("fuzz-e820.log")), None, (1, 0, 0)),
            ("run_fuzz: exit 0 with no run fails", run.run_fuzz,
             fuzzer("fake-fuzz-early", "exit 0"), r"the fuzzer ran no input", None),
            ("run_qemu: a serial log and exit 33 pass", lambda c: run.run_qemu(c, tmp),
             qemu("fake-qemu-ok", serial + 'cat %s > "$log"; exit 33' % log("x86_64-cmdline.log")),
             None, (13, 0, 0)),
            ("run_qemu: the last run's log is not judged", lambda c: run.run_qemu(c, tmp), stale,
             r"^no KTAP output$", None),
            ("run_qemu: what QEMU printed is shown", lambda c: run.run_qemu(c, tmp),
             qemu("fake-qemu-says", "echo 'qemu-system-x86_64: cannot set up guest memory'; "
                  "exit 1"), r"^QEMU printed: qemu-system-x86_64: cannot set up guest memory$",
             None),
        ]
        for name, runner, cfg, verdict, counts in runs:
            out.append((name, verdict_problem(runner(cfg), verdict, counts)))
        out += main_checks(run, tmp, [host_ok, host_crash], host)
        out += skips_file_checks(run, tmp)
    return out


def main_checks(run, tmp, configs, host):
    """main()'s exit status and last line, its expected skips and
    --update-skips, on the hosted build's stand-ins."""
    broken = host("fake-host-broken", "exit 0")
    os.remove(broken.binary)
    os.mkdir(broken.binary)        # not a program: run_host() raises PermissionError
    configs = configs + [broken]
    skips = os.path.join(tmp, "expected-skips")

    def main(args, skip_lines):
        if skip_lines is not None:
            with open(skips, "w") as f:
                f.write("".join(line + "\n" for line in skip_lines))
        out, err = io.StringIO(), io.StringIO()
        status = run.main(args + ["-j", "1"], configs=configs, out=out, err=err,
                          skips_file=skips)
        return status, out.getvalue() + err.getvalue()

    def check(name, got, status, last):
        s, text = got
        lines = text.splitlines()
        if s != status:
            return (name, "exit status %s, expected %s; it printed: %s" % (s, status, text))
        if not re.search(last, text):
            return (name, "no line matches %r; it printed: %s" % (last, text))
        return (name, None)

    listed = ["fake-host-ok %s  # no Linux reference for 0 MiB" % GOLDEN]
    out = [
        check("main: -k matching nothing is status 2", main(["-k", "no-such-*"], listed), 2,
              r"no configuration matches 'no-such-\*'"),
        check("main: all passed is status 0", main(["-k", "fake-host-ok"], listed), 0,
              r"(?m)^ok   fake-host-ok .*\n.*\n28 passed, 0 failed, 1 skipped\n\Z"),
        check("main: a failure is status 1", main(["-k", "fake-host-[oc]*"], listed), 1,
              r"(?m)^FAIL fake-host-crash .*[\s\S]*\n56 passed, 1 failed, 2 skipped\n\Z"),
        check("main: a skip the file does not list fails", main(["-k", "fake-host-ok"], []), 1,
              r"problem: case %s skipped \(no Linux reference for 0 MiB\), but" % GOLDEN),
        check("main: an exception is a failed configuration", main(["-k", "fake-host-b*"],
                                                                    listed), 1,
              r"(?m)problem: tests/run stopped with PermissionError: [\s\S]*"
              r"\n0 passed, 1 failed, 0 skipped\n\Z"),
        check("main: a malformed expected-skips is status 2", main(["-k", "fake-host-ok"],
                                                                   ["fake-host-ok"]), 2,
              r"expected-skips:1: 'fake-host-ok' is not"),
        check("main: --update-skips records the skips", main(["--update-skips", "-k",
                                                              "fake-host-ok"], []), 0,
              r"expected-skips: the skips of 1 configurations recorded"),
    ]
    got = run.read_skips(skips, configs)
    want = {"fake-host-ok": {GOLDEN: "no Linux reference for 0 MiB"}}
    out.append(("main: --update-skips wrote the skip and its reason",
                None if got == want else "got %r, want %r" % (got, want)))
    out.append(check("main: the recorded skips pass", main(["-k", "fake-host-ok"], None), 0,
                     r"28 passed, 0 failed, 1 skipped"))
    old = "fake-host-crash %s  # an old line" % GOLDEN
    out.append(check("main: --update-skips does not record a configuration that failed",
                     main(["--update-skips", "-k", "fake-host-[oc]*"], [old]), 1,
                     r"expected-skips: not recorded, as they failed: fake-host-crash\n"))
    got = run.read_skips(skips, configs)
    out.append(("main: --update-skips kept the failed configuration's old lines",
                None if got.get("fake-host-crash") == {GOLDEN: "an old line"} and
                got.get("fake-host-ok") == want["fake-host-ok"] else "got %r" % got))
    return out


def cmdline_checks():
    """make's CMDLINE reaches the recipes byte for byte: a "$1" must not be
    expanded by make (memmap=64M$128M once became memmap=64M28M) nor by the
    shell. The $(BUILD)/cmdline stamp is the text tools/mkiso gets, so make
    writes it into a scratch BUILD and it is read back."""
    text = """memmap=64M$128M a="b c" d='e\\f' $$x"""
    root = os.path.dirname(os.path.dirname(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        stamp = os.path.join(tmp, "cmdline")
        proc = subprocess.run(["make", "-s", "-C", root, "BUILD=" + tmp, stamp,
                               "CMDLINE=" + text], capture_output=True, text=True)
        if proc.returncode:
            return [("make: CMDLINE kept byte for byte",
                     "make failed (%d): %s" % (proc.returncode, proc.stderr.strip()))]
        with open(stamp) as f:
            got = f.read()
    return [("make: CMDLINE kept byte for byte",
             None if got == text + "\n" else "stamp has %r, not %r" % (got, text + "\n"))]


def kernel_args(host, line):
    """[(param, val)] as the kernel's own next_arg() splits line (the hosted
    build's mmos-host --next-arg runs kernel/cmdline.c)."""
    out = subprocess.run([host, "--next-arg", line], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    args = []
    for tag, text in zip(out[0::2], out[1::2]):
        args.append((tag[2:], None if text == "N" else text[2:]))
    return args


def grub_cmdline_checks(runner):
    """tools/grub-cmdline: for fixed and random lines, either the words it
    writes into grub.cfg reach the kernel (through GRUB's lexer, which takes
    a single-quoted word literally, and its loader) as a line the kernel's
    next_arg() splits into the same parameters as the line itself, or it
    refuses a line whose parameters hold what GRUB's loader would escape
    (' \\ ") or a control character. The split is the kernel's own, run by
    the hosted build; tests/run's linux_args(), which computes the sum
    boot_test checks on a GRUB boot, must agree with it."""
    root = os.path.dirname(os.path.dirname(HERE))
    tool = os.path.join(root, "tools", "grub-cmdline")
    host = os.path.join(root, "build", "host", "x86_64", "mmos-host")
    name = "tools/grub-cmdline: GRUB delivers the parameters or the line is refused"
    if not os.access(host, os.X_OK):
        return [(name, "%s is missing: make host" % os.path.relpath(host, root))]
    rnd = random.Random(18)
    lines = ['ktest=cmdline test_str="hello;# world$1"', '"a=b c"', 'a="b c', 'a=', '"a="',
             "d='e'", "a\\b", 'a=b"c d"', "  x   y  ", "", "memmap=64M$0x10000000 a|b&c", "x\ty",
             '="  x=1', "=a=b", '"="']
    lines += ["".join(rnd.choice('ab= "\\\';#$|') for _ in range(rnd.randint(0, 12)))
              for _ in range(150)]
    problems, model = [], []
    for line in lines:
        proc = subprocess.run([tool, line], capture_output=True, text=True)
        want = kernel_args(host, line)
        if "\n" not in line and runner.linux_args(line) != want:
            model.append("%r: tests/run's linux_args() gives %r, the kernel %r" % (
                line, runner.linux_args(line), want))
        if proc.returncode == 0:
            words = re.findall(r"'([^']*)'", proc.stdout)
            if proc.stdout.strip() != " ".join("'%s'" % w for w in words):
                problems.append("%r: output %r is not single-quoted words" % (line, proc.stdout))
                continue
            got = kernel_args(host, runner.grub_delivers(words))
            if got != want:
                problems.append("%r: the kernel would get %r, not %r" % (line, got, want))
        else:
            parts = [p for p, v in want] + [v for p, v in want if v is not None]
            if not (any(c in "".join(parts) for c in "'\\\"") or any(ord(c) < 32 for c in line)
                    or any(p == "" for p, v in want)) or "grub-cmdline: " not in proc.stderr:
                problems.append("%r: refused (%s) though GRUB can pass it" % (line, proc.stderr.strip()))
    return [(name, "; ".join(problems[:3]) or None),
            ("tests/run linux_args() splits as the kernel's next_arg()", "; ".join(model[:3]) or None)]


def run(runner):
    """[(check, None or what went wrong)]: every fixture, selection and program check."""
    out = [("log: " + f.name, judge_fixture(runner, f)) for f in fixtures(runner)]
    out += [("selection: " + name, problem) for name, problem in selection_checks(runner)]
    out += [("design: " + name, problem) for name, problem in design_checks(runner)]
    out += [("program: " + name, problem) for name, problem in program_checks(runner)]
    return out + cmdline_checks() + grub_cmdline_checks(runner)


if __name__ == "__main__":
    import importlib.machinery
    import importlib.util
    import sys
    sys.dont_write_bytecode = True   # no __pycache__ in the tree
    path = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "run")
    loader = importlib.machinery.SourceFileLoader("tests_run", path)
    spec = importlib.util.spec_from_loader("tests_run", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    results = run(mod)
    for name, problem in results:
        print("%-4s %s%s" % ("FAIL" if problem else "ok", name, ": " + problem if problem else ""))
    failed = sum(1 for _, p in results if p)
    print("%d passed, %d failed" % (len(results) - failed, failed))
    sys.exit(1 if failed else 0)
