# SPDX-License-Identifier: MIT
"""tests/runner/selftest.py - the test of tests/run's verdicts.

Owns: the fixtures, each a log in tests/runner/logs/ (recorded from real
runs and trimmed, or hand-made) or such a log with a few lines edited, the
configuration it is judged as, QEMU's exit status, and the verdict it must
get: passed, or failed with a problem (or a failed case) matching a regex.
The logs go through tests/run's own judge(), the code the real runs use;
run() takes that module as its argument. The fixtures carry their own table
of suites (TABLE, not tests/run's SUITES) so that a suite added to the
kernel changes no verdict here.
Tests: tests/run --self-test (the runner-selftest configuration of make
test), or python3 tests/runner/selftest.py.
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PASSED, FAILED, PANIC = 33, 35, 37   # QEMU's status for the kernel's exit codes


class Fixture:
    """log: a file in logs/; cfg: the configuration; verdict: None to pass,
    else a regex for one problem or "not ok SUITE.CASE" of the run. Edits,
    on the text after the printk stamp, each required to find its line:
    replace [(text, new text, or None to drop the line)] on every line that
    contains text; insert_after [(text, [lines])] and cut_after text (the log
    ends there) at the one line that contains text; append [lines]. counts:
    the run's (passed, failed, skipped) when they matter."""
    def __init__(self, name, log, cfg, status, verdict=None, replace=(), insert_after=(),
                 cut_after=None, append=(), counts=None):
        self.name, self.log, self.cfg, self.status, self.verdict = name, log, cfg, status, verdict
        self.replace, self.insert_after, self.cut_after = replace, insert_after, cut_after
        self.append, self.counts = append, counts

    def lines(self, run):
        with open(os.path.join(HERE, "logs", self.log)) as f:
            lines = [(r[:len(r) - len(run.strip(r))], run.strip(r)) for r in f.read().splitlines()]

        def one(text, what):
            hits = [i for i, (_, b) in enumerate(lines) if text in b]
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


def fixtures(run):
    T = table(run)

    def cmdline(**kw):   # x86_64-cmdline.log: ktest=cmdline,boot, 13 cases, all ok
        return run.Config("x86_64-32M-cmdline", "x86_64", "32M",
                          cmdline=kw.pop("cmdline", "ktest=cmdline,boot"), table=kw.pop("table", T),
                          **kw)

    def leak(expect_fail=LEAK, **kw):
        return run.Config("x86_64-32M-ktest-leak", "x86_64", "32M", cmdline="ktest=ktest_leak",
                          expect_fail=expect_fail, table=T, **kw)

    def no_match(**kw):
        return run.Config("i386-32M-no-match", "i386", "32M", cmdline="ktest=boot.no_such_case",
                          kind="message", exit_code=run.EXIT_FAIL,
                          expect=["ktest: no suite matches 'boot.no_such_case'"], table=T, **kw)

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
    F = Fixture
    # x86_64-cmdline.log with test_cmdline_unknown not ok, and the counts that follow
    case_fails = [("ok 4 test_cmdline_unknown", "not ok 4 test_cmdline_unknown"),
                  ("pass:8 fail:0", "pass:7 fail:1"), ("pass:13 fail:0", "pass:12 fail:1"),
                  ("all passed", "FAILED")]
    crash = run.Config("x86_64-crash-bug", "x86_64", "256M", cmdline="", crash="BUG",
                       expect=CRASH_BUG)
    return [
        # recorded logs that pass
        F("recorded x86_64 ktest=cmdline,boot", C, cmdline(), PASSED, counts=(13, 0, 0)),
        F("recorded i386 memmap= quick suites", "i386-memmap.log",
          run.Config("i386-1G-memmap", "i386", "1G", cmdline=MM_QUICK, table=T), PASSED,
          counts=(33, 0, 1)),
        F("recorded hosted 64G", "host-x86_64-64G.log",
          run.HostConfig("host-x86_64-64G-asan", "qemu-64G", glob="mm_init,memblock,e820,gfp",
                         table=T), run.host_status(0), counts=(28, 0, 1)),
        F("recorded crash=BUG", "x86_64-crash-bug.log", crash, PANIC),
        F("recorded ktest=list", X, listing(), PASSED),
        F("recorded no-match", "i386-no-match.log", no_match(), FAILED),
        # recorded from kernels broken on purpose: cmdline's suite reported not ok
        # after a leak line, all its cases ok; the top plan one too many and
        # gfp's one short
        F("recorded suite-level not ok", "x86_64-suite-leak.log", cmdline(), FAILED,
          r"suite cmdline is not ok, though none of its cases failed", counts=(13, 1, 0)),
        F("recorded suite plan one short", "i386-bad-plans.log",
          run.Config("i386-1G-memmap", "i386", "1G", cmdline=MM_QUICK, table=T), PASSED,
          r"suite gfp: plan 1\.\.5 but 6 case results"),
        F("recorded top-level plan one too many", "i386-bad-plans.log",
          run.Config("i386-1G-memmap", "i386", "1G", cmdline=MM_QUICK, table=T), PASSED,
          r"plan 1\.\.6 but 5 suites reported"),
        # a not ok anywhere
        F("suite not ok, all its cases ok", C, cmdline(), FAILED,
          r"suite cmdline is not ok, though none of its cases failed",
          replace=[("ok 2 cmdline", "not ok 2 cmdline"), ("all passed", "FAILED")]),
        F("a case not ok is a failed case", C, cmdline(), FAILED,
          r"^not ok cmdline\.test_cmdline_unknown$",
          replace=case_fails + [("ok 2 cmdline", "not ok 2 cmdline")], counts=(12, 1, 0)),
        F("suite ok with a case not ok", C, cmdline(), FAILED,
          r"suite cmdline is ok, but its case test_cmdline_unknown is not ok", replace=case_fails),
        F("suite skipped with a case run", C, cmdline(), PASSED,
          r"suite boot is reported skipped, but not all its cases were",
          replace=[("ok 1 boot", "ok 1 boot # SKIP all cases skipped")]),
        F("suite statistics line disagrees", C, cmdline(), PASSED,
          r"suite boot: its line 'pass:4 fail:0 skip:1' does not match",
          replace=[("# boot: pass:5 fail:0 skip:0", "# boot: pass:4 fail:0 skip:1")]),
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
        F("a kernel-only suite in a hosted glob is not expected", "host-x86_64-64G.log",
          run.HostConfig("host-x86_64-64G-asan", "qemu-64G",
                         glob="mm_init,memblock,e820,gfp,boot", table=T),
          run.host_status(0), counts=(28, 0, 1)),
        # plans and numbering
        F("top-level plan too large", C, cmdline(), PASSED, r"plan 1\.\.3 but 2 suites reported",
          replace=[("1..2", "1..3")]),
        F("top-level plan too small", C, cmdline(), PASSED, r"more suites than the plan 1\.\.1",
          replace=[("1..2", "1..1")]),
        F("top-level plan missing", C, cmdline(), PASSED, r"no plan line after the top",
          replace=[("1..2", None)]),
        F("top-level plan not from 1", C, cmdline(), PASSED, r"top-level plan '0\.\.2'",
          replace=[("1..2", "0..2")]),
        F("suite plan larger than its results", C, cmdline(), PASSED,
          r"suite cmdline: plan 1\.\.9 but 8 case results", replace=[("1..8", "1..9")]),
        F("suite plan missing", C, cmdline(), PASSED, r"suite boot has no plan line",
          replace=[("1..5", None)]),
        F("suite without its Subtest line", C, cmdline(), PASSED,
          r"suite 1 has no '# Subtest:' line", replace=[("# Subtest: boot", None)]),
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
        F("log ends before its last line", C, cmdline(), PASSED,
          r"the log ends before 'ktest: all passed' or 'ktest: FAILED'",
          replace=[("ktest: all passed", None)]),
        F("log ends before any KTAP", C, cmdline(), PASSED, r"^no KTAP output$",
          cut_after="mmos: boot complete"),
        F("text after the last line", C, cmdline(), PASSED,
          r"text after the last line 'ktest: all passed': 'mmos shell",
          append=["mmos shell: type help"]),
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
          run.Config("i386-32M-boot", "i386", "32M", cmdline="ktest=boot.no_such_case", table=T),
          FAILED, r"the kernel says: ktest: no suite matches 'boot\.no_such_case'"),
        F("no BIOS-e820 map", C, cmdline(), PASSED, r"the boot log has no BIOS-e820 memory map",
          replace=[("BIOS-e820: ", None)]),
        F("an expected string missing", C,
          cmdline(expect=['Unknown kernel command line parameters "unknown_param=1"']), PASSED,
          r"missing from the log: 'Unknown kernel command line"),
        # exit status
        F("all ok, exit status failed", C, cmdline(), FAILED,
          r"exit status 35 \(failed\), but the KTAP is all ok: 33 expected"),
        F("a case not ok, exit status passed", C, cmdline(), PASSED,
          r"exit status 33 \(passed\), but the KTAP has a result not ok: 35 expected",
          replace=case_fails + [("ok 2 cmdline", "not ok 2 cmdline")]),
        F("all ok, panic status", C, cmdline(), PANIC, r"kernel panic \(exit status 37\)"),
        F("all ok, QEMU status 0", C, cmdline(), 0, r"QEMU exited 0: a triple fault"),
        F("all ok, unknown status", C, cmdline(), 3, r"exit status 3 \(unknown\)"),
        F("crash with the wrong status", "x86_64-crash-bug.log", crash, FAILED,
          r"exit status 35, expected 37 \(panic\)"),
        F("crash without its report", "x86_64-crash-bug.log", crash, PANIC,
          r"missing from the log: 'kernel BUG at", replace=[("kernel BUG at", "kernel oops at")]),
        # expected failure (the leak suite)
        F("expected failures, all as expected", L, leak(), FAILED, counts=(5, 0, 0)),
        F("expected failures by glob", L,
          leak({"ktest_leak.*_leak_[!n]*": [BACK], "ktest_leak": [BACK]}), FAILED,
          counts=(5, 0, 0)),
        F("expected failure did not fail", L, leak(), FAILED,
          r"case ktest_leak\.test_ktest_leak_kmalloc_64 was expected to fail, but is ok",
          replace=[("# test_ktest_leak_kmalloc_64: slab objects", None),
                   ("not ok 3 test_ktest_leak_kmalloc_64", "ok 3 test_ktest_leak_kmalloc_64"),
                   ("pass:1 fail:4", "pass:2 fail:3")], counts=(4, 1, 0)),
        F("expected failure skipped instead", L, leak(), FAILED,
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
          r"exit status 33 \(passed\): this configuration must end with 35"),
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
        F("list, exit status failed", X, listing(), FAILED,
          r"exit status 35 \(failed\), expected 33"),
        F("no match, exit status passed", "i386-no-match.log", no_match(), PASSED,
          r"exit status 33 \(passed\), expected 35"),
        F("no match, text after", "i386-no-match.log", no_match(), FAILED,
          r"text after the last line 'ktest: no suite matches", append=["KTAP version 1"]),
        F("no match, KTAP printed", "i386-no-match.log", no_match(), FAILED,
          r"KTAP output where none was expected",
          insert_after=[("mmos: boot complete", ["KTAP version 1", "1..0"])]),
    ]


def judge_fixture(run, f):
    """None if the fixture got its verdict, else what went wrong."""
    try:
        cfg = f.cfg
        r = run.judge(cfg, f.status, "timeout after %ds" % cfg.timeout, f.lines(run), 0)
    except (ValueError, OSError) as e:
        return "the fixture is broken: %s" % e
    named = r["problems"] + ["not ok " + key for key in r["failed"]]
    if f.counts is not None and (r["pass"], r["fail"], r["skip"]) != f.counts:
        return "counted %d passed, %d failed, %d skipped, expected %d, %d, %d" % (
            (r["pass"], r["fail"], r["skip"]) + f.counts)
    if f.verdict is None:
        if named or r["fail"]:
            return "judged a failure: %s" % "; ".join(named)
        return None
    if not r["fail"]:
        return "judged a pass, expected a failure matching %r" % f.verdict
    if not any(re.search(f.verdict, p) for p in named):
        return "no problem matches %r; got: %s" % (f.verdict, "; ".join(named))
    return None


def selection_checks(run):
    """expected_suites() against the kernel's selection rules, on the fixtures' table."""
    T = table(run)
    kernel_all = {n for n, s in T.items() if not s.manual}
    host_all = {n for n in kernel_all if "host-i386" in T[n].builds}
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
    ]
    out = [(name, None if got == want else "got %r, want %r" % (got, want))
           for name, got, want in checks]
    bad = [c.name for c in run.CONFIGS
           if c.kind == "ktap" and not c.expected()]
    out.append(("every KTAP configuration in CONFIGS expects a suite",
                "none expected by %s" % ", ".join(bad) if bad else None))
    return out


def run(runner):
    """[(check, None or what went wrong)], every fixture and selection check."""
    out = [("log: " + f.name, judge_fixture(runner, f)) for f in fixtures(runner)]
    return out + [("selection: " + name, problem) for name, problem in selection_checks(runner)]


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
