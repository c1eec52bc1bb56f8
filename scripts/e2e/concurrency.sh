#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Lifecycle steps that race: starts and stops from two processes at once,
# firmware changes during a start, an unbind during a start and during a
# recovery, unloading the modules a bound driver uses, and a remote that
# rings its doorbell all the time through traffic, detach, a probe that
# attaches, and stop. After each, the remoteproc is in a state its sysfs
# says, and the next normal start echoes.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
FW_FIXED=rpmsg-echo-fixed.elf
RAW=1024	# 0x400: echo endpoint
PARAM=/sys/module/amp_rproc/parameters/detach_on_unbind

ktap_plan 11

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

echo_n() {
	d=$(rpmsg_dev "$RAW") || { echo "no echo device"; return 1; }
	rpmsgbench echo -n "$1" "$d" >/dev/null || { echo "no echo"; return 1; }
}

# Stops a remote whatever the power count two starters left: each stop
# takes one count, the last one stops.
stop_all() {
	i=0
	while [ "$(rproc_state)" != offline ]; do
		echo stop >"$(rproc_dir)/state" 2>/dev/null
		i=$((i + 1))
		[ "$i" -le 20 ] || { echo "state '$(rproc_state)' after 20 stops"; return 1; }
	done
}

normal_cycle() {
	rproc_start "$FW" && echo_n 100 && rproc_stop
}

# Two writers of "start" at once: one boots the remote, the other finds
# it running or, blocked behind the first, counts a second user the core
# keeps. An unbind then stops it all the same: the next probe finds it
# off, not running to be attached to.
two_starts() {
	r=$(rproc_dir) || return 1
	echo "$FW" >"$r/firmware" || return 1
	(echo start >"$r/state") 2>/dev/null &
	(echo start >"$r/state") 2>/dev/null &
	wait
	st=$(rproc_state)
	[ "$st" = running ] || { echo "two starts: state '$st'"; return 1; }
	echo_n 10 && unbind && bind || return 1
	wait_for '[ "$(rproc_state)" = offline ]' 50 ||
		{ echo "after the rebind: state '$(rproc_state)'"; return 1; }
	normal_cycle
}
ktap_result two_starts_at_once two_starts

# Two processes each starting and stopping 10 times, interleaved.
start_stop_loop() {
	r=$(rproc_dir)
	i=0
	while [ "$i" -lt 10 ]; do
		echo start >"$r/state" 2>/dev/null
		echo stop >"$r/state" 2>/dev/null
		i=$((i + 1))
	done
}
two_loops() {
	r=$(rproc_dir) || return 1
	echo "$FW" >"$r/firmware" || return 1
	start_stop_loop &
	start_stop_loop &
	wait
	st=$(rproc_state)
	case "$st" in
	running | offline) ;;
	*) echo "after the loops: state '$st'"; return 1 ;;
	esac
	stop_all && normal_cycle
}
ktap_result start_stop_from_two_processes two_loops

# The firmware name changes while a start loads it: the start runs one
# image whole, the name is one of the two, changes are refused while the
# remote runs.
fw_flip() {
	r=$(rproc_dir)
	i=0
	while [ "$i" -lt 30 ]; do
		echo "$FW_FIXED" >"$r/firmware" 2>/dev/null
		echo "$FW" >"$r/firmware" 2>/dev/null
		i=$((i + 1))
	done
}
fw_change_during_start() {
	r=$(rproc_dir) || return 1
	echo "$FW" >"$r/firmware" || return 1
	fw_flip &
	echo start >"$r/state"
	wait
	st=$(rproc_state)
	[ "$st" = running ] || { echo "state '$st'"; return 1; }
	fw=$(cat "$r/firmware")
	case "$fw" in
	"$FW" | "$FW_FIXED") ;;
	*) echo "firmware '$fw'"; return 1 ;;
	esac
	(echo "$FW" >"$r/firmware") 2>/dev/null &&
		{ echo "firmware changed while running"; return 1; }
	echo_n 100 && rproc_stop && normal_cycle
}
ktap_result firmware_change_during_start fw_change_during_start

# Unbind while a start is under way, at a few delays into it.
unbind_during_start() {
	for delay in 0 0.02 0.05 0.1 0.2; do
		bind && wait_for '[ "$(rproc_state)" = offline ]' 50 || return 1
		r=$(rproc_dir)
		echo "$FW" >"$r/firmware" || return 1
		(echo start >"$r/state") 2>/dev/null &
		sleep "$delay"
		unbind || { echo "unbind failed at $delay s"; return 1; }
		wait
		! rproc_dir >/dev/null 2>&1 ||
			{ echo "a remoteproc is left ($delay s)"; return 1; }
	done
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		normal_cycle
}
ktap_result unbind_during_start unbind_during_start

# Unbind while the core recovers a crashed remote, at a few delays.
unbind_during_recovery() {
	for delay in 0 0.02 0.05 0.1 0.2; do
		bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
			rproc_start "$FW" || return 1
		echo disabled >"$(rproc_dir)/coredump"
		rproc_fault crash || return 1
		sleep "$delay"
		unbind || { echo "unbind failed at $delay s"; return 1; }
		! rproc_dir >/dev/null 2>&1 ||
			{ echo "a remoteproc is left ($delay s)"; return 1; }
	done
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		normal_cycle
}
ktap_result unbind_during_recovery unbind_during_recovery

# Unbind with the remote crashed and left so (recovery disabled): it is
# stopped, or the next probe would find it running and attach to it.
unbind_crashed() {
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		rproc_start "$FW" || return 1
	r=$(rproc_dir)
	echo disabled >"$r/recovery" && echo disabled >"$r/coredump" &&
		rproc_fault crash || return 1
	wait_for '[ "$(rproc_state)" = crashed ]' 50 ||
		{ echo "no crash: state '$(rproc_state)'"; return 1; }
	unbind || { echo "unbind failed"; return 1; }
	! rpmsg_dev_now "$RAW" >/dev/null || { echo "an rpmsg device is left"; return 1; }
	bind && wait_for '[ "$(rproc_state)" = offline ]' 50 ||
		{ echo "after the rebind: state '$(rproc_state)'"; return 1; }
	normal_cycle
}
ktap_result unbind_while_crashed unbind_crashed

# The modules a bound driver uses stay while it does: the remote keeps
# running and echoing.
modules_held() {
	rproc_start "$FW" || return 1
	for m in amp_rsc amp_lib amp_mbox amp_psci_reset; do
		rmmod "$m" 2>/dev/null && { echo "$m unloaded under the driver"; return 1; }
		grep -q "^$m " /proc/modules || { echo "$m is gone"; return 1; }
	done
	st=$(rproc_state)
	[ "$st" = running ] || { echo "state '$st'"; return 1; }
	echo_n 100 && rproc_stop
}
ktap_result modules_in_use_stay_loaded modules_held

# The driver goes with the remote running; the helpers then unload too,
# and everything comes back.
unload_reload() {
	rproc_start "$FW" || return 1
	modprobe -r amp_rproc || return 1
	for m in amp_rproc amp_rsc amp_lib; do
		! grep -q "^$m " /proc/modules || { echo "$m still loaded"; return 1; }
	done
	modprobe amp_rproc && wait_for '[ "$(rproc_state)" = offline ]' 50 &&
		normal_cycle
}
ktap_result unload_with_remote_running unload_reload

# A remote ringing every 100 us from the "ring" command on, through
# traffic, a detach by unbind, the probe that attaches to it, and a stop.
ringing() {
	rproc_start "$FW_FIXED" || return 1
	rproc_fault ring || return 1
	echo_n 200 || return 1
	echo 1 >"$PARAM" || return 1
	unbind
	rc=$?
	echo 0 >"$PARAM"
	[ "$rc" = 0 ] || { echo "unbind failed"; return 1; }
	sleep 0.5
	bind && wait_for '[ "$(rproc_state)" = attached ]' 100 ||
		{ echo "no attach: state '$(rproc_state)'"; return 1; }
	echo_n 200 || return 1
	rproc_trace | grep -q "ringing channel" || { echo "not ringing"; return 1; }
	rproc_stop
}
ktap_result doorbells_all_the_time ringing
ktap_result starts_after_ringing normal_cycle

ktap_result unload_after_races modprobe -r amp_rproc
ktap_finish
