#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the virtual AMP board for one ARCH. With a LOG, the console goes to
# that file (LOG "-": to stdout) and QEMU is killed after TIMEOUT seconds
# (exit status 124); without one, the console is this terminal.
#
# usage: qemu-run.sh ARCH KERNEL INITRD DTB MODE [LOG TIMEOUT]

set -euo pipefail
. "$(dirname "$0")/lib.sh"

arch=${1:?usage: qemu-run.sh ARCH KERNEL INITRD DTB MODE [LOG TIMEOUT]}
kernel=${2:?}
initrd=${3:?}
dtb=${4:?}
mode=${5:?}
log=${6:-}
timeout=${7:-600}

append="console=ttyAMA0 panic=-1 oops=panic printk.devkmsg=on amp_mode=$mode"
# Only these tests (check mode); the guest's /init reads it from its env.
[ -n "${AMP_TESTS:-}" ] && append="$append amp_tests=$AMP_TESTS"
# More of the command line (bench and demo settings, loglevel...).
[ -n "${AMP_APPEND:-}" ] && append="$append $AMP_APPEND"
# shellcheck disable=SC2046
set -- "$(amp_qemu "$arch")" $(amp_qemu_machine "$arch") -no-reboot \
	-kernel "$kernel" -initrd "$initrd" -dtb "$dtb" -append "$append"

if [ -z "$log" ]; then
	exec "$@" -nographic
fi
serial=file:$log
[ "$log" = - ] && serial=stdio
timeout -k 10 "$timeout" "$@" -display none -monitor none \
	-serial "$serial" </dev/null
