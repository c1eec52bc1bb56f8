#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build what one test target needs and boot its virtual board in MODE
# (check, shell, demo, bench; see scripts/guest/init). With a LOG the
# console goes to that file and QEMU is killed after TIMEOUT seconds;
# without one the console is this terminal. AMP_TESTS (comma-separated
# patterns) restricts a check run to the KUnit modules and e2e scripts
# whose names match.
#
# usage: board-run.sh TARGET MODE [LOG [TIMEOUT]]

set -euo pipefail
. "$(dirname "$0")/lib.sh"

target=${1:?usage: board-run.sh TARGET MODE [LOG [TIMEOUT]]}
mode=${2:?usage: board-run.sh TARGET MODE [LOG [TIMEOUT]]}
board=$("$AMP_TOP/scripts/board-prepare.sh" "$target")
read -r arch kimage initrd dtb <<<"$board"
exec "$AMP_TOP/scripts/qemu-run.sh" "$arch" "$kimage" "$initrd" "$dtb" \
	"$mode" "${@:3}"
