#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Every allocation failure: each lifecycle step that a sysfs write drives
# (probe and unbind through the driver's bind/unbind files, start, stop,
# detach through state, recovery through recovery, attach through a bind
# that finds the remote running) is run again and again with the N-th
# allocation of that write failing (fail-nth, for failslab and
# fail_page_alloc alike), N = 1, 1 + stride, ..., until a run makes fewer
# than N allocations. Each run that had a failure injected must end
# either with an error returned to the writer and the remote as it was
# before the step, or with the step done; the normal step must then work
# and traffic flow. Leaks show in the kmemleak scan at the end of the
# boot.
#
# The stride is amp_fail_stride on the kernel command line (default 89; 1
# in make soak, which tries every allocation).

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
FW_FIXED=rpmsg-echo-fixed.elf	# attach: vrings where a running remote has them
RAW=1024	# 0x400: echo endpoint
PARAM=/sys/module/amp_rproc/parameters/detach_on_unbind
STRIDE=$(sed -n 's/.*amp_fail_stride=\([0-9]*\).*/\1/p' /proc/cmdline)
STRIDE=${STRIDE:-89}
# No step makes this many allocations; a run still injecting there is a
# loop that never ends.
LIMIT=20000
STEPS="probe start stop recovery detach attach unbind"

ktap_plan $(($(echo $STEPS | wc -w) + 1))

if [ ! -e /proc/thread-self/fail-nth ]; then
	for s in $STEPS; do
		ktap_skip "alloc_faults_$s" "no fault injection in this kernel"
	done
	ktap_skip alloc_faults_unload "no fault injection in this kernel"
	exit 0
fi

# Sleeping allocations and single pages fail too; the failures are quiet
# (no stack dump per injection).
for a in failslab fail_page_alloc; do
	echo N >/sys/kernel/debug/$a/ignore-gfp-wait
	echo 0 >/sys/kernel/debug/$a/verbose
done
echo N >/sys/kernel/debug/fail_page_alloc/ignore-gfp-highmem
echo 0 >/sys/kernel/debug/fail_page_alloc/min-order

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
wait_for '[ "$(rproc_state)" = offline ]' 50
DEV=$(basename "$(readlink -f "$(rproc_dir)/device")")
DRV=$(readlink -f "$(rproc_dir)/device/driver")

bound() {
	[ -e "/sys/bus/platform/devices/$DEV/driver" ]
}

bind() {
	bound || echo "$DEV" >"$DRV/bind"
}

unbind() {
	! bound || echo "$DEV" >"$DRV/unbind"
}

echo_10() {
	d=$(rpmsg_dev "$RAW") || { echo "no echo device"; return 1; }
	rpmsgbench echo -n 10 "$d" >/dev/null || { echo "no echo"; return 1; }
}

# A remote running on its own, detached, as a boot loader leaves it.
detached_remote() {
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		rproc_start "$FW_FIXED" && echo 1 >"$PARAM" && unbind &&
		echo 0 >"$PARAM"
}

# Each step: before_S puts the board where step S starts, act_S N runs it
# with the N-th allocation failing and prints fail-nth's line, after_S
# OUTCOME checks what a run left (OUTCOME: the step's errno or "ok"),
# then normal_S runs the step and its follow-up without failures.

before_probe() { unbind; }
act_probe() { fail-nth "$1" "$DRV/bind" "$DEV"; }
after_probe() {
	if [ "$1" = ok ]; then
		wait_for '[ "$(rproc_state)" = offline ]' 50 ||
			{ echo "bound, state '$(rproc_state)'"; return 1; }
	else
		! rproc_dir >/dev/null 2>&1 ||
			{ echo "probe failed ($1), a remoteproc is left"; return 1; }
	fi
}
normal_probe() {
	unbind && bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		rproc_start "$FW" && echo_10 && rproc_stop
}

before_start() {
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		echo "$FW" >"$(rproc_dir)/firmware"
}
act_start() { fail-nth "$1" "$(rproc_dir)/state" start; }
after_start() {
	st=$(rproc_state)
	if [ "$1" = ok ]; then
		[ "$st" = running ] || { echo "started, state '$st'"; return 1; }
		rproc_stop
	else
		[ "$st" = offline ] ||
			{ echo "start failed ($1), state '$st'"; return 1; }
	fi
}
normal_start() { rproc_start "$FW" && echo_10 && rproc_stop; }

before_stop() { bind && rproc_start "$FW"; }
act_stop() { fail-nth "$1" "$(rproc_dir)/state" stop; }
after_stop() {
	st=$(rproc_state)
	if [ "$1" = ok ]; then
		[ "$st" = offline ] || { echo "stopped, state '$st'"; return 1; }
	else
		[ "$st" = running ] ||
			{ echo "stop failed ($1), state '$st'"; return 1; }
		rproc_stop
	fi
}
normal_stop() { rproc_start "$FW" && echo_10 && rproc_stop; }

# A crashed remote the core was told not to recover: "recover" restarts it.
before_recovery() {
	bind && rproc_start "$FW" || return 1
	r=$(rproc_dir)
	echo disabled >"$r/recovery" && rproc_fault crash &&
		wait_for '[ "$(rproc_state)" = crashed ]' 50 || return 1
	log_mark
}
act_recovery() { fail-nth "$1" "$(rproc_dir)/recovery" recover; }
# The core does not return a recovery's failure to the writer: a write
# that went through and left the remote off must have logged why. Such a
# recovery leaves the core's power count held, the remoteproc unable to
# start until the driver rebinds.
after_recovery() {
	st=$(rproc_state)
	r=$(rproc_dir)
	echo enabled >"$r/recovery"
	if [ "$1" = ok ]; then
		case "$st" in
		running) rproc_stop ;;
		offline) log_since | grep -q -i -E "fail|cannot" ||
				{ echo "recovery failed silently"; return 1; }
			 unbind ;;
		*) echo "recovery: state '$st'"; return 1 ;;
		esac
	else
		# Failed before the recovery began: the remote is still down.
		case "$st" in
		offline) unbind ;;
		crashed) echo recover >"$r/recovery" &&
			 wait_for '[ "$(rproc_state)" = running ]' 100 &&
			 rproc_stop ;;
		*) echo "recovery failed ($1), state '$st'"; return 1 ;;
		esac
	fi
}
normal_recovery() {
	bind && rproc_start "$FW" || return 1
	log_mark
	rproc_fault crash &&
		wait_for 'log_since | grep -q "handling crash #"' 50 &&
		wait_for '[ "$(rproc_state)" = running ]' 100 &&
		echo_10 && rproc_stop && free_coredumps
}

before_detach() {
	unbind && detached_remote && bind &&
		wait_for '[ "$(rproc_state)" = attached ]' 100
}
act_detach() { fail-nth "$1" "$(rproc_dir)/state" detach; }
# A detached remote keeps running: the driver attaches again to stop it.
after_detach() {
	st=$(rproc_state)
	if [ "$1" = ok ]; then
		[ "$st" = detached ] || { echo "detached, state '$st'"; return 1; }
		unbind && bind &&
			wait_for '[ "$(rproc_state)" = attached ]' 100 || return 1
	else
		[ "$st" = attached ] ||
			{ echo "detach failed ($1), state '$st'"; return 1; }
	fi
	rproc_stop
}
normal_detach() {
	before_detach && echo_10 && echo detach >"$(rproc_dir)/state" &&
		[ "$(rproc_state)" = detached ] && unbind && bind &&
		wait_for '[ "$(rproc_state)" = attached ]' 100 && echo_10 &&
		rproc_stop
}

before_attach() { unbind && detached_remote; }
act_attach() { fail-nth "$1" "$DRV/bind" "$DEV"; }
# A failed attach may leave the remote running or, when the failure came
# after the core attached, stopped as the core stops what it unregisters.
after_attach() {
	if [ "$1" = ok ]; then
		wait_for '[ "$(rproc_state)" = attached ]' 100 ||
			{ echo "attached, state '$(rproc_state)'"; return 1; }
		rproc_stop
	else
		! rproc_dir >/dev/null 2>&1 ||
			{ echo "attach failed ($1), a remoteproc is left"; return 1; }
		bind && wait_for '[ "$(rproc_state)" != "" ]' 50 || return 1
		case "$(rproc_state)" in
		attached) rproc_stop ;;
		offline) ;;
		*) echo "after a failed attach ($1): state '$(rproc_state)'"
		   return 1 ;;
		esac
	fi
}
normal_attach() {
	before_attach && bind &&
		wait_for '[ "$(rproc_state)" = attached ]' 100 && echo_10 &&
		rproc_stop
}

before_unbind() { bind && rproc_start "$FW"; }
act_unbind() { fail-nth "$1" "$DRV/unbind" "$DEV"; }
# A failure before the driver core acts leaves the driver bound and the
# remote running; after it, unbind cannot fail.
after_unbind() {
	if [ "$1" = ok ]; then
		! rproc_dir >/dev/null 2>&1 || { echo "a remoteproc is left"; return 1; }
	else
		st=$(rproc_state)
		[ "$st" = running ] ||
			{ echo "unbind failed ($1), state '$st'"; return 1; }
		unbind
	fi
}
normal_unbind() { bind && rproc_start "$FW" && echo_10 && unbind; }

# sweep STEP: every N until the step runs out of allocations.
sweep() {
	step=$1
	n=1
	runs=0
	failed=0
	while [ "$n" -le "$LIMIT" ]; do
		"before_$step" || { echo "$step: no set-up before N=$n"; return 1; }
		set -- $("act_$step" "$n")
		[ $# -eq 2 ] || { echo "$step N=$n: fail-nth failed"; return 1; }
		"after_$step" "$2" || { echo "$step N=$n ($1 $2)"; return 1; }
		[ "$1" = not-reached ] && break
		runs=$((runs + 1))
		[ "$2" = ok ] || failed=$((failed + 1))
		"normal_$step" >/dev/null ||
			{ echo "$step N=$n ($2): the next normal $step failed"; return 1; }
		free_coredumps
		n=$((n + STRIDE))
	done
	[ "$n" -le "$LIMIT" ] || { echo "$step: still allocating at $LIMIT"; return 1; }
	[ "$runs" -gt 0 ] || { echo "$step: no allocation to fail"; return 1; }
	kmsg "amp-alloc-faults: $step: $runs runs with a failure (stride $STRIDE), $failed returned an error, $((n - 1)) allocations or fewer"
}

# Bound, the remote off: where each step's set-up starts from, whatever a
# failed step left.
baseline() {
	bind && wait_for '[ -n "$(rproc_state)" ]' 50 || return 1
	echo enabled >"$(rproc_dir)/recovery"
	n=0
	while [ "$(rproc_state)" != offline ]; do
		n=$((n + 1))
		[ "$n" -le 5 ] || return 1
		echo stop >"$(rproc_dir)/state" 2>/dev/null || sleep 1
	done
	free_coredumps
}

# What injected failures make the kernel print that is not a defect of
# this project: kmemleak, denied memory for its own bookkeeping, scans
# wider; rpmsg_ctrl's probe, failing, puts a device it gave no release()
# (a WARNING and its call trace; drivers/rpmsg/rpmsg_ctrl.c).
kmsg "amp-expect: kmemleak: Cannot allocate a scan area, scanning the full object"
kmsg "amp-expect: Device 'rpmsg_ctrl[0-9]+' does not have a release\(\) function"
kmsg "amp-expect: WARNING: CPU: [0-9]+ PID: [0-9]+ at drivers/base/core.c:[0-9]+ device_release"
kmsg "amp-expect: Call trace:"
for s in $STEPS; do
	baseline || kmsg "amp-alloc-faults: the board is not at its baseline before $s"
	ktap_result "alloc_faults_$s" sweep "$s"
done
kmsg "amp-expect-end"

ktap_result alloc_faults_unload modprobe -r amp_rproc
ktap_finish
