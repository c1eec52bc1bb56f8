#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The long runs make check runs short: on each virtual board, 1000
# start/echo/stop cycles and 100 crash/recovery cycles with memory use
# read before and after (scripts/e2e/soak.sh), chaos seeds 0 to 99
# (chaos.sh), every allocation of every lifecycle step failed in turn
# (alloc_faults.sh, stride 1) and the lifecycle races (concurrency.sh).
# Results as make check's: KTAP under build/results/, one summary line.
# Takes hours; SOAK_CYCLES, SOAK_CRASHES, SOAK_SEEDS (the last seed) and
# SOAK_FAIL_STRIDE shorten or lengthen it.
#
# usage: soak.sh [TARGET...]

set -uo pipefail
. "$(dirname "$0")/lib.sh"

cycles=${SOAK_CYCLES:-1000}
crashes=${SOAK_CRASHES:-100}
seeds=$(seq -s, 0 "${SOAK_SEEDS:-99}")
stride=${SOAK_FAIL_STRIDE:-1}

export AMP_TESTS=soak,chaos,alloc_faults,concurrency
export AMP_APPEND="amp_soak_cycles=$cycles amp_soak_crashes=$crashes amp_chaos_seeds=$seeds amp_fail_stride=$stride"
# Boards run side by side; each may take hours under TCG.
export AMP_QEMU_TIMEOUT=${AMP_QEMU_TIMEOUT:-36000}
amp_log "soak: $cycles cycles, $crashes crashes, chaos seeds 0-${SOAK_SEEDS:-99}, allocation failures every $stride"
exec "$AMP_TOP/scripts/check.sh" "$@"
