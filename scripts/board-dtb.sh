#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Make the virtual AMP board's DTB for one ARCH: QEMU's own virt DTB with
# CPU1 taken away from Linux (it is the remote processor), plus the board
# overlay from dts/. Prints the DTB's path.
#
# usage: board-dtb.sh ARCH

set -euo pipefail
. "$(dirname "$0")/lib.sh"

arch=${1:?usage: board-dtb.sh ARCH}
out=$AMP_BUILD/board/$arch
mkdir -p "$out"

# shellcheck disable=SC2046
"$(amp_qemu "$arch")" $(amp_qemu_machine "$arch") -display none \
	-machine dumpdtb="$out/qemu.dtb" >"$out/dumpdtb.log" 2>&1 ||
	amp_die "QEMU could not dump its DTB; see $out/dumpdtb.log"

cp "$out/qemu.dtb" "$out/base.dtb"
# cpu-map references cpu@1 by phandle: drop that core first. Its path
# differs between QEMU versions (with and without a socket level).
for parent in /cpus/cpu-map/socket0/cluster0 /cpus/cpu-map/cluster0; do
	if fdtget -l "$out/base.dtb" "$parent" 2>/dev/null | grep -qx core1; then
		fdtput -r "$out/base.dtb" "$parent/core1"
	fi
done
fdtput -r "$out/base.dtb" /cpus/cpu@1 ||
	amp_die "QEMU's DTB has no /cpus/cpu@1 (was -smp 2 lost?)"

dtc -@ -q -I dts -O dtb -o "$out/board.dtbo" "$AMP_TOP/dts/virt-amp-board.dtso"
fdtoverlay -i "$out/base.dtb" -o "$out/board.dtb" "$out/board.dtbo" ||
	amp_die "cannot apply dts/virt-amp-board.dtso"
echo "$out/board.dtb"
