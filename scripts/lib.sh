# SPDX-License-Identifier: GPL-2.0-only
# Shared settings for the build and test scripts; sourced, never run.

AMP_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AMP_CACHE=${AMP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/amp-rproc}
AMP_BUILD=${AMP_BUILD:-$AMP_TOP/build}
# The board targets, the one list of them (make TARGET=..., every script
# and the Makefile read it from here). A target is a test arch on a kernel
# series: "arm" and "arm64" run the 6.12 test kernels with every debug
# option; "arm64-6.1" runs the oldest supported kernel, which must build and
# load the modules too.
AMP_TARGETS="arm arm64 arm64-6.1"

amp_log() { printf '[%s] %s\n' "${0##*/}" "$*" >&2; }
amp_die() { amp_log "error: $*"; exit 1; }

# amp_targets [TARGET...]: the targets named, or all of them when none is.
# A name not in the list stops the caller before anything is built, so a
# typo costs nothing; call as targets=$(amp_targets "$@") || exit 1.
amp_targets() {
	local t v
	# shellcheck disable=SC2086 # the list splits into its words
	[ $# -gt 0 ] || set -- $AMP_TARGETS
	for t in "$@"; do
		for v in $AMP_TARGETS; do
			[ "$t" = "$v" ] && continue 2
		done
		amp_die "unknown target '$t'; the targets are: $AMP_TARGETS"
	done
	echo "$*"
}

# amp_target TARGET: the one target of make demo or make shell, checked.
amp_target() {
	[ $# -eq 1 ] || amp_die "one target, not '$*'; the targets are: $AMP_TARGETS"
	amp_targets "$1"
}

amp_target_arch() { echo "${1%%-*}"; }

amp_target_series() {
	case "$1" in
	*-*) echo "${1#*-}" ;;
	*) echo 6.12 ;;
	esac
}

# amp_targets_6_12 TARGET...: those of the targets given that run the 6.12
# kernels (no series in the name), which lint builds with sparse and
# make modules builds for.
amp_targets_6_12() {
	local t picked=()
	for t in "$@"; do
		[ "$(amp_target_series "$t")" = 6.12 ] && picked+=("$t")
	done
	echo "${picked[*]}"
}

# Cross compiler prefix for a kernel ARCH.
amp_cross() {
	case "$1" in
	arm) echo arm-linux-gnueabihf- ;;
	arm64) echo aarch64-linux-gnu- ;;
	*) amp_die "unsupported ARCH '$1' (arm, arm64)" ;;
	esac
}

# Debian architecture name for a kernel ARCH.
amp_debarch() {
	case "$1" in
	arm) echo armhf ;;
	arm64) echo arm64 ;;
	*) amp_die "unsupported ARCH '$1'" ;;
	esac
}

# Version of the installed linux-source-<series> package, e.g. 6.12.
amp_kver() {
	dpkg-query -W -f '${Version}' "linux-source-$1" 2>/dev/null ||
		amp_die "linux-source-$1 is not installed (run: make deps)"
}

# Extracted kernel source tree for a series; extracts on first use.
amp_ksrc() {
	local series=$1 ver dir tarball
	ver=$(amp_kver "$series")
	ver=${ver//\~/-}
	dir=$AMP_CACHE/src/linux-$ver
	if [ ! -f "$dir/.amp-extracted" ]; then
		tarball=/usr/src/linux-source-$series.tar.xz
		[ -f "$tarball" ] || amp_die "$tarball missing (run: make deps)"
		amp_log "extracting $tarball into $dir"
		rm -rf "$dir" && mkdir -p "$dir"
		tar -xJf "$tarball" -C "$dir" --strip-components=1 ||
			amp_die "cannot extract $tarball"
		touch "$dir/.amp-extracted"
	fi
	echo "$dir"
}

# QEMU binary and machine arguments for an ARCH. The DTB is dumped with the
# very same arguments it is later booted with.
amp_qemu() {
	case "$1" in
	arm) echo qemu-system-arm ;;
	arm64) echo qemu-system-aarch64 ;;
	esac
}

amp_qemu_machine() {
	case "$1" in
	arm) echo "-M virt,highmem=off -cpu cortex-a15" ;;
	arm64) echo "-M virt,gic-version=2 -cpu cortex-a57" ;;
	esac
	echo "-smp 2 -m 1G -accel tcg,thread=single -nic none"
}

# Kernel image inside a test kernel build directory.
amp_kimage() {
	case "$1" in
	arm) echo "$2/arch/arm/boot/zImage" ;;
	arm64) echo "$2/arch/arm64/boot/Image" ;;
	esac
}
