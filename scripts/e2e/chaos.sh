#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# A remote that misbehaves on purpose: for each seed the reference
# firmware does what its chaos mode picks (firmware/chaos.c: corrupt the
# used ring, the descriptors, the available index, its resource table or
# trace, flood doorbells, crash mid-transfer, stay deaf to shutdown), while
# the host sends it traffic. After each, the host must still run, must have
# said what the remote did where it can tell, and a clean start of the
# same firmware must echo 1000 messages byte for byte.
#
# Seeds: amp_chaos_seeds on the kernel command line (space-separated, as
# the soak passes them), else 0 to 9: one of each kind.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: echo endpoint

seeds=$(sed -n 's/.*amp_chaos_seeds=\([0-9,]*\).*/\1/p' /proc/cmdline | tr , ' ')
[ -n "$seeds" ] || seeds="0 1 2 3 4 5 6 7 8 9"

ktap_plan $(($(echo "$seeds" | wc -w) + 1))

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
wait_for '[ "$(rproc_state)" = offline ]' 50

# What the host says when it notices a kind (none: it has nothing to
# notice, the remote only hurts itself).
host_says() {
	case "$1" in
	used-idx) echo "is not within the" ;;
	used-id) echo "not a buffer made available" ;;
	used-len) echo "bytes of the 512-byte buffer" ;;
	desc) echo "was changed by the remote" ;;
	crash) echo "the remote crashed: it reports a crash" ;;
	deaf) echo "did not acknowledge the shutdown request" ;;
	esac
}

# Kinds the host must notice while traffic flows, and report the remote
# crashed for.
must_crash() {
	case "$1" in
	used-idx | used-id | used-len | desc | crash) return 0 ;;
	esac
	return 1
}

# Stops the remote whatever state chaos left it in. A remote deaf to the
# shutdown request (6 s) cannot be forced off on this board (a CPU powers
# itself off): each stop fails until its deafness is over.
stop_any() {
	n=0
	while [ "$(rproc_state)" != offline ]; do
		n=$((n + 1))
		[ "$n" -le 20 ] || return 1
		echo stop >"$(rproc_dir)/state" 2>/dev/null ||
			sleep 1
	done
}

# Recovery is off while the remote misbehaves: a remote reported crashed
# stays "crashed", with the trace that says what it did.
one_seed() {
	seed=$1
	log_mark
	rproc_start "$FW" || { echo "no start"; return 1; }
	echo disabled >"$(rproc_dir)/recovery" || return 1
	d=$(rpmsg_dev "$RAW") || { echo "no echo device"; return 1; }
	c=$(rpmsg_dev 1027) || { echo "no control device"; return 1; }
	printf 'chaos %s' "$seed" >"$c" || return 1
	# Traffic for the remote to misbehave on; it may well fail.
	rpmsgbench echo -n 20 "$d" >/dev/null 2>&1
	kind=$(rproc_trace 2>/dev/null |
		sed -n "s/.*chaos seed $seed: \([a-z-]*\).*/\1/p" | tail -n 1)
	[ -n "$kind" ] || { echo "seed $seed: the remote did not say what it did"; return 1; }
	says=$(host_says "$kind")
	if must_crash "$kind"; then
		wait_for '[ "$(rproc_state)" = crashed ]' 50 ||
			{ echo "seed $seed ($kind): state '$(rproc_state)', not crashed"; return 1; }
		log_since | grep -q "$says" ||
			{ echo "seed $seed ($kind): the host did not say \"$says\""; return 1; }
	fi
	stop_any || { echo "seed $seed ($kind): no stop"; return 1; }
	if [ "$kind" = deaf ]; then
		log_since | grep -q "$says" ||
			{ echo "seed $seed: the host did not say \"$says\""; return 1; }
	fi
	echo enabled >"$(rproc_dir)/recovery"
	free_coredumps
	rproc_start "$FW" || { echo "seed $seed ($kind): no clean start after"; return 1; }
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 1000 "$d" >/dev/null ||
		{ echo "seed $seed ($kind): no clean echo after"; return 1; }
	rproc_stop || return 1
	echo "seed $seed: $kind"
}

# A seed that failed leaves the board as the next one expects.
run_seed() {
	one_seed "$1"
	rc=$?
	if [ "$rc" != 0 ]; then
		stop_any >/dev/null 2>&1
		echo enabled >"$(rproc_dir)/recovery" 2>/dev/null
		free_coredumps
	fi
	return "$rc"
}

for seed in $seeds; do
	ktap_result "chaos_seed_$seed" run_seed "$seed"
done

ktap_result unload_after_chaos modprobe -r amp_rproc
ktap_finish
