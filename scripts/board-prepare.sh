#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build what one test target's virtual board boots: the kernel (cached),
# the modules, the initramfs with firmware and tests, and the board DTB.
# Prints "ARCH KERNEL_IMAGE INITRD DTB" on one line.
#
# usage: board-prepare.sh TARGET     (one of AMP_TARGETS in lib.sh)

set -euo pipefail
. "$(dirname "$0")/lib.sh"

target=$(amp_target "${1:?usage: board-prepare.sh TARGET}")
arch=$(amp_target_arch "$target")
kdir=$("$AMP_TOP/scripts/kernel-build.sh" "$target")
mods=$(KDIR=$kdir "$AMP_TOP/scripts/modules-build.sh" "$target")
initrd=$("$AMP_TOP/scripts/initramfs.sh" "$target" "$kdir" "$mods")
dtb=$("$AMP_TOP/scripts/board-dtb.sh" "$arch")
echo "$arch $(amp_kimage "$arch" "$kdir") $initrd $dtb"
