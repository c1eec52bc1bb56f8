# SPDX-License-Identifier: GPL-2.0-only
#
# amp-rproc: remoteproc platform driver, resource-table module, virtual AMP
# board and tools. `make help` lists the targets.

# kbuild reads ./Kbuild, never this file.

SCRIPTS := $(CURDIR)/scripts
BUILD ?= $(CURDIR)/build
export AMP_BUILD := $(BUILD)

# The virtual boards' targets: the one list is AMP_TARGETS in
# scripts/lib.sh. TARGET= picks one or several, space-separated.
amp_lib = $(shell bash -c '. "$(SCRIPTS)/lib.sh" && $(1)')
ALL_TARGETS := $(call amp_lib,echo $$AMP_TARGETS)
TARGETS_6_12 := $(call amp_lib,amp_targets_6_12 $$AMP_TARGETS)

.PHONY: all modules modules_install tools kernel lint check soak fuzz shell \
	demo bench deps clean help

ifneq ($(KDIR),)
# A user's kernel: a board's /lib/modules/$(uname -r)/build, or a cross
# build with ARCH= and CROSS_COMPILE=. Builds in this tree like any
# out-of-tree module.
all: modules tools

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install
else
# No KDIR: the test kernels (built once, cached) of the targets.

# A name that is not a target stops make before anything installs or builds.
# BENCH_TARGETS is the old name of TARGET for make bench.
unknown := $(filter-out $(ALL_TARGETS),$(TARGET) $(BENCH_TARGETS))
ifneq ($(unknown),)
$(error unknown target '$(unknown)'; the targets are: $(ALL_TARGETS))
endif
ifneq ($(filter demo shell,$(MAKECMDGOALS)),)
ifneq ($(word 2,$(TARGET)),)
$(error make demo and make shell boot one board, not '$(TARGET)'; the targets are: $(ALL_TARGETS))
endif
endif
# AMP_TARGETS= once picked the targets of make check: it would now be
# ignored and every target run.
ifneq ($(origin AMP_TARGETS),undefined)
$(error AMP_TARGETS= is now TARGET=; the targets are: $(ALL_TARGETS))
endif
# ARCH= is the kernel's and goes with KDIR=; these goals once took a board
# target through it, which would now be ignored without a word.
ifeq ($(origin ARCH),command line)
ifneq ($(filter all modules kernel check soak demo shell bench,$(or $(MAKECMDGOALS),all)),)
$(error ARCH= goes with KDIR= (a kernel of your own); a virtual board is TARGET=, the targets are: $(ALL_TARGETS))
endif
endif

all: modules tools

# The 6.12 targets unless TARGET= names others.
modules: deps
	@for target in $(or $(TARGET),$(TARGETS_6_12)); do \
		$(SCRIPTS)/modules-build.sh $$target || exit 1; \
	done
endif

tools:
	$(MAKE) -C tools/rsctool O=$(BUILD)/tools

kernel: deps
	@for target in $(or $(TARGET),$(ALL_TARGETS)); do \
		$(SCRIPTS)/kernel-build.sh $$target || exit 1; \
	done

deps:
	@$(SCRIPTS)/deps.sh

lint: deps
	@mkdir -p $(BUILD) && $(SCRIPTS)/lint.sh $(TARGET) > $(BUILD)/lint.ktap; rc=$$?; \
		cat $(BUILD)/lint.ktap; exit $$rc

# All targets unless TARGET= names some.
check:
	@$(SCRIPTS)/check.sh $(TARGET)

# The long versions of the soak, chaos, allocation-failure and race tests
# (hours): all targets unless TARGET= names some.
soak:
	@$(SCRIPTS)/soak.sh $(TARGET)

fuzz: deps
	$(MAKE) -C tools/fuzz run O=$(BUILD)/fuzz FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60)

# An interactive shell on the virtual board of TARGET (arm64 by default).
shell: deps
	@$(SCRIPTS)/shell.sh $(or $(TARGET),arm64)

# The virtual board of TARGET (arm64 by default) at work: the remote
# started through sysfs, its trace, echo traffic.
demo: deps
	@$(SCRIPTS)/demo.sh $(or $(TARGET),arm64)

# Start latency, rpmsg latency and throughput, amp_rsc against the core's
# own resource-table handling, on each board of TARGET (all by default;
# BENCH_MSGS, BENCH_STARTS).
bench: deps
	@$(SCRIPTS)/bench.sh $(or $(TARGET),$(BENCH_TARGETS))

clean:
	rm -rf $(BUILD)
	find . \( -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name 'Module.symvers' -o -name 'modules.order' \
		\) -not -path './.git/*' -delete

help:
	@echo 'Virtual board targets: TARGET=$(ALL_TARGETS) (one or several, space-separated)'
	@echo
	@echo 'make            build the modules (for the 6.12 test kernels, or KDIR=) and rsctool'
	@echo 'make check      every test: lint, tools, fuzz, KUnit + end-to-end on each target'
	@echo '                (TARGET=: those only; AMP_TESTS=pattern,...: those board tests only)'
	@echo 'make soak       1000 cycles, 100 crashes, 100 chaos seeds, every allocation failed (hours)'
	@echo 'make lint       checkpatch --strict, kernel-doc, sparse, W=1, bindings'
	@echo 'make demo       the remote on the virtual board started, traced, echoing (TARGET=arm64)'
	@echo 'make shell      shell on the virtual board (TARGET=arm64)'
	@echo 'make bench      start/latency/throughput: amp_rsc vs the core, on each target'
	@echo 'make fuzz       fuzz the resource-table parser (FUZZ_SECONDS=60)'
	@echo 'make kernel     build the test kernels of each target (cached in ~/.cache/amp-rproc)'
	@echo 'make deps       install what the above need (apt-get)'
	@echo 'make KDIR=/lib/modules/$$(uname -r)/build     build for a board'
	@echo 'make KDIR=... ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-   cross build'
