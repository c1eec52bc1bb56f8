# SPDX-License-Identifier: GPL-2.0-only
#
# amp-rproc: remoteproc platform driver, resource-table module, virtual AMP
# board and tools. `make help` lists the targets.

# kbuild reads ./Kbuild, never this file.

SCRIPTS := $(CURDIR)/scripts
BUILD ?= $(CURDIR)/build
export AMP_BUILD := $(BUILD)

.PHONY: all modules modules_install tools kernel lint check fuzz shell \
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
# No KDIR: the test kernels of every test arch (built once, cached).
all: modules tools

modules: deps
	@for target in arm arm64; do \
		$(SCRIPTS)/modules-build.sh $$target || exit 1; \
	done
endif

tools:
	$(MAKE) -C tools/rsctool O=$(BUILD)/tools

kernel: deps
	@for target in arm arm64 arm64-6.1; do \
		$(SCRIPTS)/kernel-build.sh $$target || exit 1; \
	done

deps:
	@$(SCRIPTS)/deps.sh

lint: deps
	@mkdir -p $(BUILD) && $(SCRIPTS)/lint.sh > $(BUILD)/lint.ktap; rc=$$?; cat $(BUILD)/lint.ktap; \
		exit $$rc

check:
	@$(SCRIPTS)/check.sh

fuzz: deps
	$(MAKE) -C tools/fuzz run O=$(BUILD)/fuzz FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60)

# An interactive shell on the virtual board (ARCH=arm, arm64 or arm64-6.1).
shell: deps
	@$(SCRIPTS)/shell.sh $(or $(ARCH),arm64)

# The virtual board at work: the remote started through sysfs, its trace,
# echo traffic (ARCH=arm, arm64 or arm64-6.1).
demo: deps
	@$(SCRIPTS)/demo.sh $(or $(ARCH),arm64)

# Start latency, rpmsg latency and throughput, amp_rsc against the core's
# own resource-table handling, on each board (BENCH_TARGETS, BENCH_MSGS).
bench: deps
	@$(SCRIPTS)/bench.sh $(BENCH_TARGETS)

clean:
	rm -rf $(BUILD)
	find . \( -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name 'Module.symvers' -o -name 'modules.order' \
		\) -not -path './.git/*' -delete

help:
	@echo 'make            build the modules (for the test kernels, or KDIR=) and rsctool'
	@echo 'make check      every test: lint, tools, fuzz, KUnit + end-to-end on arm and arm64'
	@echo 'make lint       checkpatch --strict, kernel-doc, sparse, W=1, bindings'
	@echo 'make demo       the remote on the virtual board started, traced, echoing (ARCH=arm64)'
	@echo 'make shell      shell on the virtual board (ARCH=arm|arm64|arm64-6.1)'
	@echo 'make bench      start/latency/throughput: amp_rsc vs the core, arm, arm64, arm64-6.1'
	@echo 'make fuzz       fuzz the resource-table parser (FUZZ_SECONDS=60)'
	@echo 'make kernel     build the test kernels (cached in ~/.cache/amp-rproc)'
	@echo 'make deps       install what the above need (apt-get)'
	@echo 'make KDIR=/lib/modules/$$(uname -r)/build     build for a board'
