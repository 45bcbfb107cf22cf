# SPDX-License-Identifier: MIT
"""tests/runner/mutate.py - is every check of tests/run proven by the self-test?

Owns: a mutation test of tests/runner/selftest.py. It removes, one at a
time, each line of tests/run that records a problem (problems.append,
self.problem, problems +=) or counts a broken run as failed, and makes a
few changes of meaning (MUTATIONS); each such copy of tests/run is loaded
and the self-test is run against it. A copy that still passes every
self-test check "survives": that check could be deleted and nothing would
notice, so it needs a fixture. Prints the survivors; exit 1 if any.
Not part of make test (it runs the self-test once per line, about a
minute). Run: python3 tests/runner/mutate.py
"""
import os
import re
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
RUN = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "run")
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import selftest  # noqa: E402

# a line that records a problem, or makes a broken run count as failed
TARGET = re.compile(r"problems\.append\(|self\.problem\(|problems \+= |r\[\"fail\"\] \+= 1")
# changes of meaning the deletions above cannot make: (name, text, replacement)
MUTATIONS = [
    ("'# SKIP' wins over 'not ok'", '"fail" if not ok else "skip" if skip else "pass"',
     '"skip" if skip else "fail" if not ok else "pass"'),
    ("any directive is a skip", 'skip = res.group(2) == "ok", res.group(5) == "SKIP"',
     'skip = res.group(2) == "ok", res.group(5) is not None'),
    ("a suite's own not ok is ignored", "any(s.ok is False or s.count(\"fail\") for s in k.suites)",
     "any(s.count(\"fail\") for s in k.suites)"),
    ("kernel reports allowed everywhere", "if reports and not cfg.expect_fail:", "if False:"),
    ("no kernel report allowed", "if reports and not cfg.expect_fail:", "if reports:"),
    ("main() ignores the expected-skips file",
     'c.skips = None if args.update_skips else skips.get(c.name, {})', "c.skips = None"),
    ("a case glob asks for one case", "cases |= {c for c in s.cases if glob_match(cglob, c)}",
     "fewest = max(fewest, 1)"),
    ("the old log is kept", "        os.remove(cfg.log)", "        pass"),
]


def load(text):
    mod = types.ModuleType("tests_run")
    mod.__file__ = RUN
    exec(compile(text, RUN, "exec"), mod.__dict__)
    return mod


def survives(text):
    """Does the self-test pass against this copy of tests/run? (An
    exception counts as a failed self-test.)"""
    try:
        return not any(problem for _, problem in selftest.run(load(text)))
    except Exception:
        return False


def mutants(src):
    """(what, mutated source) for each deletion and each change of meaning."""
    lines = src.split("\n")
    for i, line in enumerate(lines):
        if not TARGET.search(line):
            continue
        new = re.sub(r"problems \+= ", "problems += [] and ", line)
        new = re.sub(r"r\[\"fail\"\] \+= 1", "pass", new)
        new = re.sub(r"problems\.append\(|self\.problem\(", "(lambda *a: None)(", new)
        yield "line %d: %s" % (i + 1, line.strip()), "\n".join(lines[:i] + [new] + lines[i + 1:])
    for name, old, new in MUTATIONS:
        if src.count(old) != 1:
            yield "%s: the text to change is not in tests/run once" % name, None
        else:
            yield name, src.replace(old, new)


def main():
    with open(RUN) as f:
        src = f.read()
    if survives(src) is not True:
        sys.exit("mutate.py: the self-test fails on tests/run as it is; fix that first")
    alive, n = [], 0
    for what, text in mutants(src):
        n += 1
        if text is None or survives(text):
            alive.append(what)
            print("SURVIVES " + what)
    print("%d mutants, %d survive" % (n, len(alive)))
    return 1 if alive else 0


if __name__ == "__main__":
    sys.exit(main())
