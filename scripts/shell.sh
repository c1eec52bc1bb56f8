#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the virtual board for one test target with an interactive shell on the
# console. The project's modules are in /lib/modules/*/extra, the firmware
# in /lib/firmware. Leave with 'poweroff -f' (or Ctrl-a x).
#
# usage: shell.sh TARGET     (one of AMP_TARGETS in lib.sh)

. "$(dirname "$0")/lib.sh"

target=$(amp_target "$@") || exit 1
exec "$AMP_TOP/scripts/board-run.sh" "$target" shell
