#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install what the build, the tests and the demo need, and nothing twice:
# when everything is present this costs one dpkg query.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

packages=(
	make gcc bc bison flex cpio kmod xz-utils python3 perl rsync file
	libssl-dev libelf-dev
	gcc-arm-linux-gnueabihf gcc-aarch64-linux-gnu
	libc6-dev-armhf-cross libc6-dev-arm64-cross
	qemu-system-arm device-tree-compiler
	linux-source-6.12 linux-source-6.1
	sparse dt-schema yamllint
	clang llvm libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$' || missing+=("$p")
done

foreign=()
for target in $AMP_TARGETS; do
	d=$(amp_debarch "$(amp_target_arch "$target")")
	[ -x "$AMP_CACHE/busybox/$d/bin/busybox" ] && continue
	dpkg --print-foreign-architectures | grep -qx "$d" || foreign+=("$d")
done

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo

if [ ${#missing[@]} -gt 0 ] || [ ${#foreign[@]} -gt 0 ]; then
	for d in "${foreign[@]}"; do
		amp_log "adding dpkg architecture $d (for busybox-static:$d)"
		$sudo dpkg --add-architecture "$d"
	done
	amp_log "apt-get update"
	# Indexes of the foreign architectures may partly fail; downloads work.
	$sudo apt-get update -q >/dev/null || amp_log "apt-get update reported errors; continuing"
fi

if [ ${#missing[@]} -gt 0 ]; then
	amp_log "installing: ${missing[*]}"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}" >/dev/null ||
		amp_die "apt-get install failed for: ${missing[*]}"
fi

# busybox-static for each target arch: the armhf and arm64 packages conflict
# when installed, so unpack them into the cache instead.
for target in $AMP_TARGETS; do
	d=$(amp_debarch "$(amp_target_arch "$target")")
	dest=$AMP_CACHE/busybox/$d
	[ -x "$dest/bin/busybox" ] && continue
	amp_log "fetching busybox-static:$d"
	tmp=$(mktemp -d)
	# apt downloads as user _apt when it can write there
	chown _apt "$tmp" 2>/dev/null || true
	(cd "$tmp" && apt-get download -q "busybox-static:$d" >/dev/null) ||
		amp_die "cannot download busybox-static:$d"
	rm -rf "$dest" && mkdir -p "$dest"
	dpkg-deb -x "$tmp"/busybox-static_*.deb "$dest"
	rm -rf "$tmp"
	[ -x "$dest/bin/busybox" ] || amp_die "busybox-static:$d has no bin/busybox"
done
