#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build (or find in the cache) the kernel of one test target from Debian's
# linux-source package and print its build directory. The cache key is the
# kernel package version plus a hash of the config fragments and of
# $recipe, so a changed fragment, recipe or kernel package builds anew and
# a hit costs nothing.
#
# usage: kernel-build.sh TARGET      (one of AMP_TARGETS in lib.sh)

set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Bump when the way the kernel is built changes (targets, install steps).
recipe=1

target=$(amp_target "${1:?usage: kernel-build.sh TARGET}")
arch=$(amp_target_arch "$target")
series=$(amp_target_series "$target")
cross=$(amp_cross "$arch")
kconfig_dir=$AMP_TOP/scripts/kconfig

fragments=("$kconfig_dir/common.config" "$kconfig_dir/$arch.config")
# The 6.12 test kernels run every test under the debug options; the oldest
# supported kernel only has to build and load the modules.
[ "$series" = 6.12 ] && fragments+=("$kconfig_dir/debug.config")

ver=$(amp_kver "$series")
ver=${ver//\~/-}
hash=$({ cat "${fragments[@]}"; echo "recipe $recipe"; } | sha256sum | cut -c1-12)
out=$AMP_CACHE/kernel/$ver-$arch-$hash

case "$arch" in
arm) image=zImage ;;
arm64) image=Image ;;
esac

if [ -f "$out/.amp-built" ]; then
	echo "$out"
	exit 0
fi

src=$(amp_ksrc "$series")
mkdir -p "$AMP_CACHE/kernel"
exec 9>"$AMP_CACHE/kernel/.lock-$target"
flock 9
# Another build may have finished while this one waited for the lock.
if [ -f "$out/.amp-built" ]; then
	echo "$out"
	exit 0
fi

# Unfinished builds of this target under other keys are of no further use.
for stale in "$AMP_CACHE/kernel/$ver-$arch-"*; do
	[ -d "$stale" ] && [ ! -f "$stale/.amp-built" ] && rm -rf "$stale"
done

amp_log "building linux $ver for $arch into $out (once; cached)"
rm -rf "$out"
mkdir -p "$out"
cat "${fragments[@]}" >"$out/.config"
kmake() {
	make -C "$src" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" \
		-j"$(nproc)" "$@"
}
kmake olddefconfig >"$out/build.log" 2>&1 ||
	amp_die "olddefconfig failed; see $out/build.log"

# olddefconfig silently drops what a dependency forbids: insist on every line.
missing=0
while read -r line; do
	case "$line" in
	CONFIG_*=*) ;;
	*) continue ;;
	esac
	if ! grep -qxF "$line" "$out/.config"; then
		amp_log "config fragment line not honoured: $line"
		missing=1
	fi
done < <(cat "${fragments[@]}")
[ "$missing" = 0 ] || amp_die "kernel config incomplete for $target"

start=$(date +%s)
if ! kmake "$image" modules >>"$out/build.log" 2>&1; then
	tail -n 30 "$out/build.log" >&2
	amp_die "kernel build failed; see $out/build.log"
fi
# The kernel's own modules (rpmsg sample client) go into the initramfs.
kmake INSTALL_MOD_PATH="$out/modinstall" INSTALL_MOD_STRIP=1 \
	modules_install >>"$out/build.log" 2>&1 ||
	amp_die "modules_install failed; see $out/build.log"
amp_log "built linux $ver for $arch in $(($(date +%s) - start)) s"
touch "$out/.amp-built"
echo "$out"
