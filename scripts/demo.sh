#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make demo: build and boot one virtual board (default arm64) with
# amp_mode=demo and show on this terminal what scripts/guest/demo.sh does:
# the remote started through sysfs, its trace, echo traffic, the state
# transitions. The console shows the demo's own lines and kernel lines of
# note (errors, reports); all of it is kept in build/<target>/demo.log.
# Exits non-zero when the demo failed or the kernel reported a problem.
#
# usage: demo.sh [TARGET]      (one of AMP_TARGETS in lib.sh; arm64)

set -uo pipefail
. "$(dirname "$0")/lib.sh"

target=$(amp_target "${@:-arm64}") || exit 1
log=$AMP_BUILD/$target/demo.log
start=$(date +%s)

"$AMP_TOP/scripts/deps.sh" || exit 1
# Kernel reports: the lines make check and make bench fail on too.
bad=$(python3 "$AMP_TOP/scripts/kernel_reports.py") ||
	amp_die "scripts/kernel_reports.py failed"
mkdir -p "$AMP_BUILD/$target"
amp_log "building the $target board (cached kernel, modules, firmware, initramfs)"
board=$("$AMP_TOP/scripts/board-prepare.sh" "$target") ||
	amp_die "could not build the $target board"
read -r arch kimage initrd dtb <<<"$board"
amp_log "booting it: QEMU $(amp_qemu "$arch"), Linux on CPU0, the remote on CPU1"

# quiet: the boot's own messages stay in the kernel's log; the demo shows
# those that matter. Kernel lines carry a timestamp, the demo's do not.
AMP_APPEND=quiet "$AMP_TOP/scripts/qemu-run.sh" "$arch" "$kimage" "$initrd" \
	"$dtb" demo - "${DEMO_TIMEOUT:-300}" | tr -d '\r' | tee "$log" |
	bad=$bad awk '!/^\[ *[0-9]+\.[0-9]+\]/ || $0 ~ ENVIRON["bad"] { print; fflush() }'
qemu=${PIPESTATUS[0]}

secs=$(($(date +%s) - start))
echo
if [ "$qemu" -ne 0 ]; then
	amp_log "FAILED: QEMU exited with status $qemu (124: timeout); console: $log"
	exit 1
fi
if grep -Eq "$bad" "$log"; then
	amp_log "FAILED: the kernel reported a problem; console: $log"
	exit 1
fi
if ! grep -q '^amp-demo: PASSED' "$log"; then
	amp_log "FAILED: see above; console: $log"
	exit 1
fi
amp_log "demo passed in $secs s (console: $log)"
cat <<EOT

An interactive shell on the same board:   make shell TARGET=$target
(TARGET= one of: $AMP_TARGETS; leave with 'poweroff -f' or Ctrl-a x).
There, as in the demo:
    modprobe amp_psci_reset; modprobe amp_mbox; modprobe amp_rproc
    echo start > /sys/class/remoteproc/remoteproc0/state
    cat /sys/kernel/debug/remoteproc/remoteproc0/trace0
    rpmsgbench echo -n 100 /dev/rpmsg0
EOT
