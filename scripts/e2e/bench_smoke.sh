#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench's guest side, cut down to a smoke test so that it does not
# rot between benchmark runs: /amp/bench.sh with 100 messages, one start
# and the amp_rsc mode only must finish and report every figure, the
# doorbell floor of amp_doorbell_bench included.

. /amp/lib/ktap.sh

ktap_plan 6

# Not "out": ktap_result keeps each case's output in that variable.
bench_out=$(amp_bench_msgs=100 amp_bench_starts=1 amp_bench_modes=amp \
	sh /amp/bench.sh 2>&1)
echo "$bench_out" | sed 's/^/# /'

has() { echo "$bench_out" | grep -Eq "^amp-bench: $1 [0-9]+(\.[0-9]+)?$"; }
finished() { echo "$bench_out" | grep -qx 'amp-bench: done'; }
ktap_result bench_script_finishes finished
ktap_result doorbell_floor_reported has 'floor doorbell_p(50|99)_us'
ktap_result start_latency_reported has 'amp start_ms'
ktap_result latency_1_byte_reported has 'amp lat1_p50_us'
ktap_result latency_496_bytes_reported has 'amp lat496_p99_us'
ktap_result throughput_reported has 'amp tput496_mbs'
ktap_finish
