# SPDX-License-Identifier: MIT
# mmos - one non-recursive Makefile for both arches.
#
#   make [ARCH=x86_64|i386]   build build/$(ARCH)/mmos.elf, mmos.bin and mmos.iso
#   make run [MEM=6G] [CMDLINE=...] [DEVICES=...] [BOOT=iso|kernel]
#                             boot in QEMU (GRUB from the ISO, or -kernel), serial on this terminal
#   make DEBUG=1 ...          the same at -Og, for gdb, in build/$(ARCH)-debug
#   make test                 both arches: build, then the QEMU test matrix
#   make qemu-gdb / make gdb  QEMU halted with a gdb stub / gdb attached with symbols
#   make lab-skeleton LAB=n   a student tree for lab n in build/lab<n> (docs/labs/)
#   make grade LAB=n [STUDENT=dir]   grade lab n: points per case, build/grade-lab<n>.json
#   make clean

ARCH ?= x86_64
MEM ?= 6G
CMDLINE ?=
# The recipes take the command line from the environment, byte for byte:
# $(value) keeps make from expanding the "$1" of memmap=64M$128M, and the
# shell never parses the text (tools/grub-cmdline quotes it for grub.cfg).
export MMOS_CMDLINE := $(value CMDLINE)
# How make run boots: iso (GRUB from the ISO, as a real machine does; GRUB
# re-quotes the line, and tools/grub-cmdline refuses what it would change)
# or kernel (QEMU's -kernel, which passes CMDLINE byte for byte).
BOOT ?= iso
VERSION := 0.1
# DEBUG=1: -Og (gdb sees locals and arguments) in a build directory of its
# own, so the -O2 build the tests run is never mixed with it.
DEBUG ?= 0
ifeq ($(DEBUG),1)
  BUILD := build/$(ARCH)-debug
  OPT := -Og
else
  BUILD := build/$(ARCH)
  OPT := -O2
endif

ifeq ($(ARCH),x86_64)
  ARCH_CFLAGS := -m64 -mcmodel=kernel -mno-red-zone -DCONFIG_X86_64
  NASM_FMT := elf64
  LD_EMU := elf_x86_64
  LIBGCC := $(shell $(CC) -m64 -print-libgcc-file-name)
else ifeq ($(ARCH),i386)
  ARCH_CFLAGS := -m32 -march=i686 -DCONFIG_X86_32
  NASM_FMT := elf32
  LD_EMU := elf_i386
  LIBGCC := $(shell $(CC) -m32 -print-libgcc-file-name)
else
  $(error ARCH must be x86_64 or i386, not '$(ARCH)')
endif

CC ?= gcc
CFLAGS := -std=gnu11 $(OPT) -g -Wall -Wextra -Werror -ffreestanding -fno-builtin \
	-fno-stack-protector -fno-pie -fno-pic -fno-omit-frame-pointer \
	-fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables \
	-mgeneral-regs-only -MD -MP $(ARCH_CFLAGS) -DMMOS_VERSION=\"$(VERSION)\" \
	-I. -Ikernel/include -Imm/include -Iarch/x86/include
NASMFLAGS := -f $(NASM_FMT) -g -F dwarf
LDFLAGS := -m $(LD_EMU) -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments --build-id=none \
	-T $(BUILD)/linker.ld

C_SRCS := $(wildcard kernel/*.c kernel/dma/*.c kernel/drivers/*.c arch/x86/*.c arch/x86/mm/*.c arch/x86/$(ARCH)/*.c mm/*.c) \
	$(wildcard tests/kernel/*.c)
ASM_SRCS := boot/multiboot.asm $(wildcard arch/x86/$(ARCH)/*.asm)
OBJS := $(patsubst %.c,$(BUILD)/%.o,$(C_SRCS)) $(patsubst %.asm,$(BUILD)/%.asm.o,$(ASM_SRCS))

QEMU := qemu-system-x86_64
# Extra QEMU devices for make run/qemu-gdb: QEMU's educational PCI device by default
DEVICES ?= edu
QEMU_FLAGS := -machine pc -m $(MEM) -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	$(addprefix -device ,$(DEVICES))

.PHONY: all run qemu qemu-gdb gdb test test-kernel bench bench-count clean distclean deps deps-build deps-test deps-bench deps-debug
all: $(BUILD)/mmos.elf $(BUILD)/mmos.bin $(BUILD)/mmos.iso

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	@nasm $(NASMFLAGS) $(if $(filter x86_64,$(ARCH)),-DCONFIG_X86_64) $< -o $@

$(BUILD)/linker.ld: linker.ld Makefile
	@mkdir -p $(dir $@)
	@$(CC) -E -P -x c $(if $(filter x86_64,$(ARCH)),-DCONFIG_X86_64) $< -o $@

# Three links: the symbol table is generated from the previous link (see tools/link-kernel).
$(BUILD)/mmos.elf: $(OBJS) $(BUILD)/linker.ld tools/link-kernel tools/kallsyms.py
	@echo "  LD      $@"
	@CC="$(CC)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" LIBGCC="$(LIBGCC)" \
		tools/link-kernel $@ $(OBJS)

$(BUILD)/mmos.bin: $(BUILD)/mmos.elf
	@echo "  OBJCOPY $@"
	@objcopy -O binary $< $@

# The ISO's grub.cfg carries CMDLINE: the ISO is rebuilt when the command
# line differs from the one it was last built with.
$(BUILD)/cmdline: FORCE
	@mkdir -p $(BUILD)
	@printf '%s\n' "$$MMOS_CMDLINE" | cmp -s - $@ || printf '%s\n' "$$MMOS_CMDLINE" > $@

.PHONY: FORCE
FORCE:

$(BUILD)/mmos.iso: $(BUILD)/mmos.elf $(BUILD)/mmos.bin iso/boot/grub/grub.cfg tools/mkiso \
		$(BUILD)/cmdline
	@echo "  ISO     $@"
	@tools/mkiso $(BUILD) $@ "$$MMOS_CMDLINE" 0

# QEMU's status becomes the recipe's: 0 when the guest powered off (poweroff,
# quit, exit) or its ktest= run passed (isa-debug-exit 33); 1 when tests
# failed (35), 2 after a panic (37), anything else as QEMU gave it, each with
# a line on stderr saying which. make itself then exits 2 for any failed
# recipe, so a script tells a test failure from a panic by that line (or by
# running the recipe's QEMU command itself), not by make's status.
ifeq ($(BOOT),kernel)
RUN_DEPS := $(BUILD)/mmos.bin
RUN_BOOT = -kernel $(BUILD)/mmos.bin -append "$$MMOS_CMDLINE"
else ifeq ($(BOOT),iso)
RUN_DEPS := all
RUN_BOOT = -cdrom $(BUILD)/mmos.iso -boot d
else
$(error BOOT=$(BOOT): make run boots with BOOT=iso (GRUB, the default) or BOOT=kernel (QEMU -kernel))
endif

run qemu: deps-build $(RUN_DEPS)
	@$(QEMU) $(QEMU_FLAGS) -display none -serial mon:stdio $(RUN_BOOT); \
	rc=$$?; case $$rc in \
	0|33) exit 0 ;; \
	35) echo "make run: some tests failed (QEMU exit status 35)" >&2; exit 1 ;; \
	37) echo "make run: the kernel panicked (QEMU exit status 37)" >&2; exit 2 ;; \
	*) echo "make run: QEMU exit status $$rc" >&2; exit $$rc ;; \
	esac

# gdb needs the register layout of the arch it debugs: i386 runs under qemu-system-i386
# (with a CPU model that has PAE and NX) for a gdb session.
QEMU_GDB := $(if $(filter i386,$(ARCH)),qemu-system-i386 -cpu qemu64,$(QEMU))

# qemu-gdb boots with -kernel: the flat image and the ELF gdb reads, not the
# ISO (whose grub.cfg would have to carry CMDLINE, quotes and backslashes too).
qemu-gdb: deps-build $(BUILD)/mmos.bin $(BUILD)/mmos.elf
	@echo "QEMU is halted with a gdb stub on tcp::$(GDBPORT); run 'make gdb ARCH=$(ARCH)' in another terminal"
	$(QEMU_GDB) $(QEMU_FLAGS) -display none -serial mon:stdio -S -gdb tcp::$(GDBPORT) \
		-kernel $(BUILD)/mmos.bin -append "$$MMOS_CMDLINE"

gdb: deps-debug $(BUILD)/mmos.elf
	gdb -q -x tools/gdbinit -ex "set architecture $(if $(filter x86_64,$(ARCH)),i386:x86-64,i386)" \
		-ex "file $(BUILD)/mmos.elf" -ex "target remote localhost:$(GDBPORT)"

GDBPORT ?= $(shell expr `id -u` % 5000 + 25000)

# Debian packages by group (tools/install-deps): make and make run need only
# the build's; make test adds the hosted build's and the fuzzers'; make bench
# adds valgrind and the peer allocators; make gdb adds gdb.
deps:
	@tools/install-deps all
deps-build:
	@tools/install-deps build
deps-test:
	@tools/install-deps test
deps-bench:
	@tools/install-deps bench
deps-debug:
	@tools/install-deps debug

# tests/run prints the time from here (make's start, the package check
# included) to its end, split into build and tests, before its last line.
test: export MMOS_TEST_START := $(shell date +%s)
test: deps-test
	$(MAKE) ARCH=x86_64 all
	$(MAKE) ARCH=i386 all
	$(MAKE) host fuzzers
	tests/run

# The hosted build: mm/ and its suites as a Linux program, under ASan and UBSan
# (tests/host). tests/run runs it as part of the matrix.
HOST_CC ?= gcc
HOST_ARCH ?= x86_64
HOST_BUILD ?= build/host/$(HOST_ARCH)
HOST_ARCH_FLAGS := $(if $(filter i386,$(HOST_ARCH)),-m32 -DCONFIG_X86_32,-m64 -DCONFIG_X86_64)
HOST_SAN ?= -fsanitize=address,undefined -fno-sanitize-recover=undefined
HOST_OPT ?= -O1
HOST_CFLAGS := -std=gnu11 $(HOST_OPT) -g $(HOST_ARCH_FLAGS) -fno-omit-frame-pointer -fno-pie \
	$(HOST_SAN) -Wall -Wextra -Werror -MD -MP -DMMOS_VERSION=\"$(VERSION)\" \
	-Itests/host/include -I. -Ikernel/include -Imm/include -Iarch/x86/include
# The DMA API over mm/ (mm/dmapool.c calls it): built hosted and for the fuzzers too.
DMA_SRCS := $(wildcard kernel/dma/*.c) kernel/scatterlist.c arch/x86/pci-dma.c
HOST_SRCS := $(wildcard mm/*.c) kernel/ktest.c kernel/printk.c kernel/vsprintf.c \
	kernel/cmdline.c kernel/kallsyms.c kernel/string.c kernel/panic.c kernel/rbtree.c \
	arch/x86/e820.c arch/x86/multiboot.c arch/x86/mm/zones.c \
	$(DMA_SRCS) \
	$(addprefix tests/kernel/,mm_checks.c e820_test.c memblock_test.c mm_init_test.c \
		gfp_test.c gfp_parse_test.c page_alloc_test.c compound_test.c slab_test.c kmalloc_test.c \
		printk_test.c cmdline_test.c watermark_test.c multiboot_test.c ktest_leak_test.c \
		ktest_attr_test.c \
		vmap_area_test.c highmem_test.c vmalloc_test.c dma_test.c memmap_test.c \
		lab1_e820_test.c lab2_buddy_test.c lab3_split_test.c lab4_slab_test.c \
		lab5_vmalloc_test.c lab6_dma_test.c)
# The kernel's section bounds, from the host linker's own symbols (the
# "Memory:" line sizes the text, rodata, data and bss with them).
HOST_SECTION_SYMS := -Wl,--defsym=_text=__executable_start -Wl,--defsym=_erodata=__data_start \
	-Wl,--defsym=__bss_stop=_end
HOST_OBJS := $(patsubst %.c,$(HOST_BUILD)/%.o,$(HOST_SRCS)) $(HOST_BUILD)/tests/host/shim.o \
	$(HOST_BUILD)/tests/host/main.o

$(HOST_BUILD)/tools/bench/%.o: tools/bench/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_CFLAGS) -fno-builtin -Wno-unused-function -c $< -o $@

$(HOST_BUILD)/tests/host/%.o: tests/host/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_CFLAGS) -c $< -o $@

$(HOST_BUILD)/%.o: %.c tests/host/host_rename.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_CFLAGS) -include tests/host/host_rename.h -c $< -o $@

$(HOST_BUILD)/mmos-host: $(HOST_OBJS) tools/link-kernel tools/kallsyms.py
	@echo "  HOSTLD  $@"
	@CC="$(HOST_CC)" CFLAGS="$(HOST_CFLAGS)" LINK="$(HOST_CC) $(HOST_CFLAGS) -no-pie $(HOST_SECTION_SYMS)" \
		tools/link-kernel $@ $(HOST_OBJS)

# Fuzzing (clang's libFuzzer): tests/fuzz, in both flavours as the hosted
# build (build/fuzz/x86_64, build/fuzz/i386). make fuzz FUZZ_SECONDS=N runs each harness.
FUZZ_CC ?= clang
FUZZ_ARCH ?= x86_64
FUZZ_BUILD := build/fuzz/$(FUZZ_ARCH)
FUZZ_SECONDS ?= 60
FUZZ_ARCH_FLAGS := $(if $(filter i386,$(FUZZ_ARCH)),-m32 -DCONFIG_X86_32,-m64 -DCONFIG_X86_64)
FUZZ_CFLAGS := -std=gnu11 -O1 -g $(FUZZ_ARCH_FLAGS) -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Werror -Wno-unused-command-line-argument -MD -MP \
	-DMMOS_VERSION=\"$(VERSION)\" \
	-Itests/host/include -I. -Ikernel/include -Imm/include -Iarch/x86/include
FUZZ_LIB_SRCS := $(wildcard mm/*.c) kernel/ktest.c kernel/printk.c kernel/vsprintf.c \
	kernel/cmdline.c kernel/kallsyms.c kernel/string.c kernel/panic.c kernel/rbtree.c \
	arch/x86/e820.c arch/x86/multiboot.c arch/x86/mm/zones.c tests/kernel/mm_checks.c \
	$(DMA_SRCS)
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(FUZZ_LIB_SRCS)) $(FUZZ_BUILD)/tests/host/shim.o \
	$(FUZZ_BUILD)/kallsyms0.o
FUZZERS := $(FUZZ_BUILD)/fuzz_e820 $(FUZZ_BUILD)/fuzz_alloc

$(FUZZ_BUILD)/tests/host/shim.o: tests/host/shim.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/kallsyms0.o: tools/kallsyms.py
	@mkdir -p $(dir $@)
	@python3 tools/kallsyms.py < /dev/null > $(FUZZ_BUILD)/kallsyms0.c
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -c $(FUZZ_BUILD)/kallsyms0.c -o $@

$(FUZZ_BUILD)/%.o: %.c tests/host/host_rename.h
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -include tests/host/host_rename.h -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_LIB_OBJS)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(HOST_SECTION_SYMS) $^ -o $@

.SECONDARY:
.PHONY: fuzzers fuzzers-one fuzz fuzz-one
fuzzers:
	@$(MAKE) --no-print-directory FUZZ_ARCH=x86_64 fuzzers-one
	@$(MAKE) --no-print-directory FUZZ_ARCH=i386 fuzzers-one
fuzzers-one: $(FUZZERS)
fuzz: deps-test
	@$(MAKE) --no-print-directory FUZZ_ARCH=x86_64 fuzz-one
	@$(MAKE) --no-print-directory FUZZ_ARCH=i386 fuzz-one
fuzz-one: fuzzers-one
	@for f in $(FUZZERS); do n=$$(basename $$f); mkdir -p $(FUZZ_BUILD)/corpus-$$n; \
		echo "== $$n ($(FUZZ_ARCH)) for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus-$$n tests/fuzz/corpus/$$n \
			> $(FUZZ_BUILD)/$$n.log 2>&1; rc=$$?; \
		grep -E "^stat::(number_of_executed_units|new_units_added)" $(FUZZ_BUILD)/$$n.log; \
		if [ $$rc != 0 ]; then tail -40 $(FUZZ_BUILD)/$$n.log; exit 1; fi; done

.PHONY: host host-one test-host test-host-valgrind
# Both flavours: x86_64-like (-m64) and i386-like (-m32: PAE zones, HighMem, kmap slots).
host:
	@$(MAKE) --no-print-directory HOST_ARCH=x86_64 host-one
	@$(MAKE) --no-print-directory HOST_ARCH=i386 host-one
host-one: $(HOST_BUILD)/mmos-host
test-host: host
	tests/run -k 'host-*'
# The same program without sanitizers, under valgrind's memcheck, on every
# machine but qemu-64G (valgrind cannot reserve its 64 GiB arena). x86_64 only:
# valgrind needs an unstripped 32-bit ld.so (libc6-dbg:i386, a foreign-arch
# package) for the i386 flavour, which ASan and UBSan cover.
VG_HOST := build/host-plain/x86_64/mmos-host
test-host-valgrind: deps-bench
	$(MAKE) --no-print-directory HOST_SAN= HOST_ARCH=x86_64 HOST_BUILD=build/host-plain/x86_64 host-one
	@fail=0; for m in $$($(VG_HOST) --list-maps | grep -vx qemu-64G); do \
		log=build/host-plain/valgrind-$$m.log; \
		valgrind -q --error-exitcode=99 --leak-check=no $(VG_HOST) --map $$m > $$log 2>&1; \
		rc=$$?; echo "valgrind $$m: exit $$rc, $$(grep -c '^==' $$log) report lines," \
			"$$(grep -o 'ktest: [0-9]* suites.*' $$log)"; \
		if [ $$rc != 0 ]; then fail=1; grep -E '^==' $$log | head -20; fi; done; exit $$fail

# Benchmarks print numbers (and write build/bench/); they never fail on them.
# The allocator benchmark is the hosted mm/ at -O2, no sanitizers.
BENCH_BUILD := build/host-bench/x86_64
bench: deps-bench
	$(MAKE) ARCH=x86_64 all
	$(MAKE) HOST_SAN= HOST_BUILD=$(BENCH_BUILD) HOST_OPT=-O2 $(BENCH_BUILD)/alloc_bench
	tools/bench/boot-time
	tools/bench/run-bench $(BENCH_BUILD)/alloc_bench

# One pattern's instructions per operation and where they go (valgrind), e.g.
# make bench-count P=page_pair/buddy
bench-count: deps-bench
	$(MAKE) HOST_SAN= HOST_BUILD=$(BENCH_BUILD) HOST_OPT=-O2 $(BENCH_BUILD)/alloc_bench
	tools/bench/run-bench $(BENCH_BUILD)/alloc_bench --count $(P) $(OPS)

$(HOST_BUILD)/alloc_bench: $(filter-out %/main.o,$(HOST_OBJS)) $(HOST_BUILD)/tools/bench/alloc_bench.o \
		$(HOST_BUILD)/kallsyms-empty.o
	@echo "  HOSTLD  $@"
	@$(HOST_CC) $(HOST_CFLAGS) -no-pie $(HOST_SECTION_SYMS) $^ -ldl -o $@

$(HOST_BUILD)/kallsyms-empty.o: tools/kallsyms.py
	@mkdir -p $(dir $@)
	@python3 tools/kallsyms.py < /dev/null > $(HOST_BUILD)/kallsyms-empty.c
	@$(HOST_CC) $(HOST_CFLAGS) -c $(HOST_BUILD)/kallsyms-empty.c -o $@

# The labs (docs/labs/): a student tree with lab LAB's solutions replaced by
# stubs, and the grade of a tree (this one, or STUDENT=dir) for lab LAB.
.PHONY: lab-skeleton grade
lab-skeleton:
	@tools/lab-skeleton $(if $(FORCE),--force) $(LAB)
grade:
	@tools/grade $(LAB) $(if $(STUDENT),--student $(STUDENT))

# clean keeps the student trees make lab-skeleton wrote (build/lab<n>);
# distclean removes them too.
clean:
	@if [ -d build ]; then find build -mindepth 1 -maxdepth 1 ! -name 'lab[0-9]*' -exec rm -rf {} +; fi
distclean:
	rm -rf build

# Header dependencies (-MD): every object's, the fuzz harnesses' and the
# benchmark driver's included, so a header change rebuilds them all
-include $(OBJS:.o=.d) $(HOST_OBJS:.o=.d) $(FUZZ_LIB_OBJS:.o=.d) \
	$(wildcard $(FUZZ_BUILD)/tests/fuzz/*.d $(HOST_BUILD)/tools/bench/*.d)
