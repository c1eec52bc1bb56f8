#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amp_mode=bench: measures the remote on this board and prints one
# "amp-bench: MODE METRIC VALUE" line per figure, which scripts/bench.sh
# collects from the console:
#
#   floor   doorbell_p50_us, doorbell_p99_us: one mailbox message
#           Linux -> remote -> Linux (amp_doorbell_bench, board-test.elf)
#   amp     the resource table handled by amp_rsc (the default)
#   core    the same firmware with amp_rproc core_rsc_table=1
#           start_ms: median time from "start" written to the state file
#           until /dev/rpmsgN of the echo endpoint opens;
#           lat1_p50_us ... lat496_p99_us: rpmsgbench latency, 1 and 496
#           bytes; tput496_mbs: rpmsgbench throughput, 496-byte messages
#
# Ends with "amp-bench: done", or "amp-bench: FAILED: WHY" and status 1.
# Environment (kernel command line): amp_bench_msgs (10000),
# amp_bench_starts (5), amp_bench_modes ("amp core").

. /amp/lib/rproc.sh

MSGS=${amp_bench_msgs:-10000}
STARTS=${amp_bench_starts:-5}
MODES=${amp_bench_modes:-amp core}
FW=rpmsg-echo.elf
RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)
WINDOW=16

out() { echo "amp-bench: $*"; }
fail() {
	out "FAILED: $*"
	exit 1
}

# "... p50 X us, p99 Y us" -> "X Y"
p50_p99() {
	sed -n 's/.*p50 \([0-9.]*\) us, p99 \([0-9.]*\) us.*/\1 \2/p'
}

# Lower case: "KASAN" and "UBSAN" in a console count as kernel reports
# (scripts/kernel_reports.py), for make bench as for make check, which runs
# this script too.
debug_options() {
	opts=
	dmesg | grep -q KernelAddressSanitizer && opts="$opts kasan"
	[ -e /proc/lockdep ] && opts="$opts lockdep"
	[ -e /sys/kernel/debug/kmemleak ] && opts="$opts kmemleak"
	grep -q ' __ubsan_handle' /proc/kallsyms && opts="$opts ubsan"
	echo "${opts# }"
}

out "kernel $(uname -r) $(uname -m)"
out "debug $(debug_options)"
out "msgs $MSGS"
out "starts $STARTS"

modprobe amp_psci_reset || fail "modprobe amp_psci_reset"
modprobe amp_mbox || fail "modprobe amp_mbox"
modprobe -r amp_rproc 2>/dev/null

# The floor, while amp_rproc leaves the remote alone.
modprobe amp_doorbell_bench count="$MSGS" ||
	fail "amp_doorbell_bench: $(dmesg | grep amp_doorbell_bench | tail -n 2)"
modprobe -r amp_doorbell_bench
# shellcheck disable=SC2046 # two numbers, split on purpose
set -- $(dmesg | grep 'amp_doorbell_bench: round trip' | tail -n 1 | p50_p99)
[ $# -eq 2 ] || fail "no doorbell figures"
out "floor doorbell_p50_us $1"
out "floor doorbell_p99_us $2"

bench_mode() {
	mode=$1
	core=0
	[ "$mode" = core ] && core=1
	modprobe amp_rproc core_rsc_table=$core || fail "$mode: modprobe amp_rproc"
	wait_for '[ "$(rproc_state)" = offline ]' 50 || fail "$mode: no remoteproc"
	r=$(rproc_dir)
	echo "$FW" >"$r/firmware"

	# One start untimed: the first reads the firmware file and warms the
	# caches, which no later start of either mode pays again.
	res=$(rpmsgbench start -n 1 "$r" 2>&1) || fail "$mode: $res"
	res=$(rpmsgbench start -n "$STARTS" "$r" 2>&1) || fail "$mode: $res"
	out "$mode start_ms $(echo "$res" | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')"

	rproc_start "$FW" || fail "$mode: start"
	dev=$(rpmsg_dev "$RAW") || fail "$mode: no rpmsg device"
	# Figures of a remote that does not echo right mean nothing.
	res=$(rpmsgbench echo -n 100 "$dev" 2>&1) || fail "$mode: $res"
	for size in 1 496; do
		res=$(rpmsgbench latency -n "$MSGS" -s $size "$dev" 2>&1) ||
			fail "$mode: $res"
		# shellcheck disable=SC2046
		set -- $(echo "$res" | p50_p99)
		out "$mode lat${size}_p50_us $1"
		out "$mode lat${size}_p99_us $2"
	done
	res=$(rpmsgbench throughput -n "$MSGS" -s 496 -w $WINDOW "$dev" 2>&1) ||
		fail "$mode: $res"
	out "$mode tput496_mbs $(echo "$res" | sed -n 's/.*: \([0-9.]*\) MB\/s.*/\1/p')"
	rproc_stop || fail "$mode: stop"
	modprobe -r amp_rproc || fail "$mode: modprobe -r amp_rproc"
}

for m in $MODES; do
	bench_mode "$m"
done
out "done"
