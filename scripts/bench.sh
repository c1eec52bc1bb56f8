#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: boot each target's virtual board with amp_mode=bench (one
# after the other, so they do not compete for the host), collect the
# "amp-bench:" lines of scripts/guest/bench.sh from the consoles and print
# one table comparing the resource-table module (amp_rsc) with the
# remoteproc core's own handling (core_rsc_table=1), and both with the raw
# doorbell round trip. Consoles: build/<target>/bench.log.
#
# usage: bench.sh [TARGET...]      (default: every target, AMP_TARGETS)
# Environment: BENCH_MSGS (10000 messages per latency and throughput
# figure), BENCH_STARTS (5 starts per median), BENCH_TIMEOUT (seconds per
# board, 3600).

set -uo pipefail
. "$(dirname "$0")/lib.sh"

targets=$(amp_targets "$@") || exit 1
msgs=${BENCH_MSGS:-10000}
starts=${BENCH_STARTS:-5}
timeout=${BENCH_TIMEOUT:-3600}
logs=()
rc=0

"$AMP_TOP/scripts/deps.sh" || exit 1
start=$(date +%s)
for t in $targets; do
	log=$AMP_BUILD/$t/bench.log
	mkdir -p "$AMP_BUILD/$t"
	rm -f "$log"
	amp_log "$t: building and booting (console: $log)"
	t0=$(date +%s)
	AMP_APPEND="amp_bench_msgs=$msgs amp_bench_starts=$starts" \
		"$AMP_TOP/scripts/board-run.sh" "$t" bench "$log" "$timeout" ||
		amp_log "$t: QEMU exited with status $?"
	amp_log "$t: $(($(date +%s) - t0)) s"
	grep -aq 'amp-bench: done' "$log" 2>/dev/null || rc=1
	logs+=("$t=$log")
done
amp_log "all boards: $(($(date +%s) - start)) s"

python3 "$AMP_TOP/scripts/bench_table.py" "${logs[@]}" || rc=1
exit $rc
