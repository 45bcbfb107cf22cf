# SPDX-License-Identifier: MIT
"""tools/labs/hidden.py - the graders' hidden runs (never in a student tree).

Owns: the runs make grade adds to each lab's public ones: the same graded
suites on synthetic machines the lab text never names (tests/host/shim.c's
maps: holes inside buddy blocks, a zone boundary inside a block, RAM mostly
above 4 GiB, a tight machine), on i386 kernels, and fuzzing with further
fixed seeds. tools/lab-skeleton leaves this file out (labs.NOT_FOR_STUDENTS).
"""

RUNS = {
    1: ["host:overlapping", "host:holes-in-blocks:i386"],
    2: ["host:holes-in-blocks", "host:zone-inside-block:i386", "host:fragmented", "host:tight"],
    3: ["host:mostly-above-4G", "host:qemu-1G:i386"],
    4: ["host:no-dma", "host:zone-boundaries"],
    5: ["host:qemu-6G:i386", "host:mostly-above-4G", "qemu:i386:6G"],
    6: ["host:qemu-6G", "host:qemu-1G:i386", "host:no-dma", "qemu:x86_64:6G"],
}

# (harness, seed, runs)
FUZZ = {
    1: [("fuzz_e820", 7, 3000)],
    2: [("fuzz_alloc", 7, 3000)],
}
