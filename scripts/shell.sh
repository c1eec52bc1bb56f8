#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the virtual board for one test target with an interactive shell on the
# console. The project's modules are in /lib/modules/*/extra, the firmware
# in /lib/firmware. Leave with 'poweroff -f' (or Ctrl-a x).
#
# usage: shell.sh TARGET     (arm, arm64, arm64-6.1)

exec "$(dirname "$0")/board-run.sh" "${1:?usage: shell.sh TARGET}" shell
