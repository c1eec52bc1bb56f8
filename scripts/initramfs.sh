#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Pack the test initramfs for one test target: busybox, /init, the kernel's and the
# project's modules (with modules.dep, so modprobe resolves dependencies),
# the end-to-end tests and the firmware under /lib/firmware. Prints its path.
#
# usage: initramfs.sh TARGET KDIR MODULES_DIR

set -euo pipefail
. "$(dirname "$0")/lib.sh"

target=${1:?usage: initramfs.sh TARGET KDIR MODULES_DIR}
arch=$(amp_target_arch "$target")
kdir=${2:?}
mods=${3:?}
out=$AMP_BUILD/$target/initramfs
root=$out/root
krel=$(cat "$kdir/include/config/kernel.release")
busybox=$AMP_CACHE/busybox/$(amp_debarch "$arch")/bin/busybox
[ -x "$busybox" ] || amp_die "$busybox missing (run: make deps)"

rm -rf "$root"
mkdir -p "$root"/{bin,amp/lib,amp/e2e,lib/firmware,lib/modules}
cp "$busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh" # for #! lines, before /init installs the rest
install -m 755 "$AMP_TOP/scripts/guest/init" "$root/init"
cp "$AMP_TOP"/scripts/guest/lib/*.sh "$root/amp/lib/"
cp "$AMP_TOP"/scripts/guest/*.sh "$root/amp/" # demo.sh, bench.sh
cp "$AMP_TOP"/scripts/e2e/*.sh "$root/amp/e2e/"

cp -a "$kdir/modinstall/lib/modules/$krel" "$root/lib/modules/"
rm -f "$root/lib/modules/$krel"/{build,source}
mkdir -p "$root/lib/modules/$krel/extra/"{kunit,bench}
find "$mods" -name '*.ko' ! -path '*/kunit/*' ! -path '*/tools/bench/*' \
	-exec cp {} "$root/lib/modules/$krel/extra/" \;
# Test modules run one by one (guest/init); the helpers they share do not.
find "$mods/kunit" -name '*_kunit.ko' \
	-exec cp {} "$root/lib/modules/$krel/extra/kunit/" \;
find "$mods/kunit" -name '*.ko' ! -name '*_kunit.ko' \
	-exec cp {} "$root/lib/modules/$krel/extra/" \;
# Benchmarks: loading one runs it, so they stay out of the tests' way.
if [ -d "$mods/tools/bench" ]; then
	find "$mods/tools/bench" -name '*.ko' \
		-exec cp {} "$root/lib/modules/$krel/extra/bench/" \;
fi
depmod -b "$root" "$krel"

# The reference firmware; make rebuilds only what changed.
if [ -f "$AMP_TOP/firmware/Makefile" ]; then
	make -s -C "$AMP_TOP/firmware" O="$AMP_BUILD/firmware" >&2 ||
		amp_die "firmware build failed"
fi
# Guest-side test tools (rpmsgbench, rproc-cdev, fail-nth).
make -s -C "$AMP_TOP/tools/rpmsgbench" O="$AMP_BUILD/guest-tools" >&2 ||
	amp_die "guest tools build failed"
mkdir -p "$root/usr/bin"
cp "$AMP_BUILD/guest-tools/$arch/rpmsgbench" \
	"$AMP_BUILD/guest-tools/$arch/rproc-cdev" \
	"$AMP_BUILD/guest-tools/$arch/fail-nth" "$root/usr/bin/"

if [ -d "$AMP_BUILD/firmware/$arch" ]; then
	find "$AMP_BUILD/firmware/$arch" -maxdepth 1 -name '*.elf' \
		-exec cp {} "$root/lib/firmware/" \;
fi

(cd "$root" && find . | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$out/initramfs.cpio.gz"
echo "$out/initramfs.cpio.gz"
