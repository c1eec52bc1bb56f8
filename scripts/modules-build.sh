#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the project's modules for one test target against its kernel (KDIR,
# or the target's cached kernel) and print the directory holding them. Each
# target builds in its own copy of the tree, so objects for different
# kernels never meet. Extra make arguments (C=2...) may follow the TARGET.
#
# usage: modules-build.sh TARGET [make args...]

set -euo pipefail
. "$(dirname "$0")/lib.sh"

target=${1:?usage: modules-build.sh TARGET [make args...]}
shift
arch=$(amp_target_arch "$target")
kdir=${KDIR:-$("$AMP_TOP/scripts/kernel-build.sh" "$target")}
out=$AMP_BUILD/$target/modules

mkdir -p "$out"
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod*' \
	--exclude='.*.cmd' --exclude='Module.symvers' --exclude='modules.order' \
	--include='/Kbuild' --include='/include/***' --include='/lib/***' \
	--include='/drivers/***' \
	--include='/kunit/***' --include='/dts/***' \
	--include='/tools/' --include='/tools/bench/***' --exclude='*' \
	"$AMP_TOP/" "$out/src/"

log=$out/build.log
if ! make -C "$kdir" ARCH="$arch" CROSS_COMPILE="$(amp_cross "$arch")" \
	M="$out/src" W=1 KCFLAGS=-Werror "$@" modules >"$log" 2>&1; then
	cat "$log" >&2
	amp_die "module build failed for $target"
fi
echo "$out/src"
