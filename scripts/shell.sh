#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the virtual board for one test target with an interactive shell on the
# console. The project's modules are in /lib/modules/*/extra, the firmware
# in /lib/firmware. Leave with 'poweroff -f' (or Ctrl-a x).
#
# usage: shell.sh TARGET     (arm, arm64, arm64-6.1)

set -euo pipefail
. "$(dirname "$0")/lib.sh"

target=${1:?usage: shell.sh TARGET}
arch=$(amp_target_arch "$target")
kdir=$("$AMP_TOP/scripts/kernel-build.sh" "$target")
mods=$(KDIR=$kdir "$AMP_TOP/scripts/modules-build.sh" "$target")
initrd=$("$AMP_TOP/scripts/initramfs.sh" "$target" "$kdir" "$mods")
dtb=$("$AMP_TOP/scripts/board-dtb.sh" "$arch")
exec "$AMP_TOP/scripts/qemu-run.sh" "$arch" "$(amp_kimage "$arch" "$kdir")" \
	"$initrd" "$dtb" shell
