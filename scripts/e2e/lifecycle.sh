#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The remote's lifecycle through the remoteproc core's user interfaces on
# the virtual board: repeated stop/start with traffic, unloading the driver
# while the remote runs, the character device /dev/remoteprocN, and crash
# recovery with its devcoredump.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: echo endpoint
FW_DA=$((0x7f000000))	# the firmware region: its image, reset vector first
CYCLES=${AMP_LIFECYCLE_CYCLES:-50}

ktap_plan 20

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
wait_for '[ "$(rproc_state)" = offline ]' 50

# Echoes $1 (default 10) messages through the echo endpoint.
traffic() {
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n "${1:-10}" "$d" >/dev/null
}

# CPU1's power state as PSCI's AFFINITY_INFO reports it, through the reset
# controller's debugfs: on, off or on-pending.
cpu1_state() {
	cat /sys/kernel/debug/amp_psci_reset/*/cpu_state
}

# --- 1. stop/start cycles ---------------------------------------------------

# Each cycle reads sysfs with the shell's own read: under TCG every fork
# costs, and 50 cycles make many of them.
cycle_dev() { # sets dev to the echo endpoint's /dev node
	for d in /sys/class/rpmsg/rpmsg[0-9]*; do
		[ -e "$d/dst" ] || continue
		read -r dst <"$d/dst"
		dev=/dev/${d##*/}
		[ "$dst" = "$RAW" ] && [ -c "$dev" ] && return 0
	done
	return 1
}

cycle_wait_dev() {
	n=0
	while ! cycle_dev; do
		n=$((n + 1))
		[ "$n" -ge 100 ] && return 1
		sleep 0.05
	done
}

cycles() {
	r=$(rproc_dir) || return 1
	cpu=$(echo /sys/kernel/debug/amp_psci_reset/*/cpu_state)
	read -r t0 _ </proc/uptime
	i=0
	while [ "$i" -lt "$CYCLES" ]; do
		i=$((i + 1))
		# rproc_boot() returns once the remote runs; the rpmsg
		# channels follow when it announces them.
		echo "$FW" >"$r/firmware" && echo start >"$r/state" ||
			{ echo "cycle $i: start failed"; return 1; }
		read -r s <"$r/state"
		[ "$s" = running ] || { echo "cycle $i: state $s"; return 1; }
		read -r c <"$cpu"
		[ "$c" = on ] || { echo "cycle $i: running, CPU1 $c"; return 1; }
		cycle_wait_dev || { echo "cycle $i: no echo device"; return 1; }
		rpmsgbench echo -n 10 "$dev" >/dev/null ||
			{ echo "cycle $i: echo failed"; return 1; }
		echo stop >"$r/state" || { echo "cycle $i: stop failed"; return 1; }
		read -r s <"$r/state"
		[ "$s" = offline ] || { echo "cycle $i: state $s"; return 1; }
		read -r c <"$cpu"
		[ "$c" = off ] || { echo "cycle $i: offline, CPU1 $c"; return 1; }
		if cycle_dev; then
			echo "cycle $i: rpmsg device left after stop"
			return 1
		fi
	done
	read -r t1 _ </proc/uptime
	echo "# $CYCLES stop/start cycles in $(echo "$t0 $t1" |
		awk '{ printf "%.1f", $2 - $1 }') s" >/dev/kmsg
}
ktap_result "stop_start_${CYCLES}_cycles_with_echo" cycles

# --- 2. unloading the driver while the remote runs ---------------------------

# The reloaded driver finds the remote off: its probe reads the core reset's
# status (PSCI AFFINITY_INFO for CPU1) and would attach to a remote still
# running, leaving the state "detached" or "attached".
reload_finds_cpu_off() {
	modprobe amp_rproc || return 1
	wait_for 'rproc_dir' 50 || return 1
	s=$(rproc_state)
	[ "$s" = offline ] || { echo "reloaded driver sees state $s"; return 1; }
	! log_since | grep -q "remote already running"
}

# rmmod_running OPEN: unloads amp_rproc with the remote running, with the
# echo device held open when OPEN is 1; the remote must be stopped cleanly.
rmmod_running() {
	rproc_start "$FW" && traffic 10 || return 1
	if [ "$1" = 1 ]; then
		d=$(rpmsg_dev "$RAW") || return 1
		exec 3<>"$d"
	fi
	log_mark
	modprobe -r amp_rproc || { echo "modprobe -r failed"; return 1; }
	[ "$1" = 1 ] && exec 3>&-
	[ ! -d /sys/module/amp_rproc ] || { echo "still loaded"; return 1; }
	c=$(cpu1_state)
	[ "$c" = off ] || { echo "CPU1 $c after rmmod"; return 1; }
	if rproc_dir >/dev/null; then
		echo "remoteproc device left"
		return 1
	fi
	log_since | grep -q "stopped remote processor" ||
		{ echo "no stop in the log"; return 1; }
	if log_since | grep -E -q "did not (acknowledge|power off)|can't stop"; then
		log_since | tail -n 5
		return 1
	fi
	reload_finds_cpu_off
}
# The remote boots afresh (its trace says so) and echoes.
start_after_reload() {
	rproc_start "$FW" && traffic 10 &&
		rproc_trace | grep -q "rpmsg-echo: up" && rproc_stop
}
ktap_result rmmod_while_running_stops_remote rmmod_running 0
ktap_result start_with_echo_after_reload start_after_reload
ktap_result rmmod_with_rpmsg_dev_open_stops_remote rmmod_running 1
ktap_result start_with_echo_after_second_reload start_after_reload

# --- 3. the character device -------------------------------------------------

cdev() {
	echo "/dev/$(basename "$(rproc_dir)")"
}

# Started through the cdev without shutdown-on-release: closing it leaves
# the remote running.
cdev_start_keeps_running() {
	c=$(cdev)
	[ -c "$c" ] || { echo "no $c"; return 1; }
	echo "$FW" >"$(rproc_dir)/firmware" || return 1
	rproc-cdev -s 0 -w start "$c" || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100 || return 1
	sleep 0.5
	[ "$(rproc_state)" = running ] && traffic 10
}
ktap_result cdev_start_without_release_keeps_running cdev_start_keeps_running

cdev_stop() {
	rproc-cdev -w stop "$(cdev)" &&
		wait_for '[ "$(rproc_state)" = offline ]' 100
}
ktap_result cdev_stop_reaches_offline cdev_stop

# With shutdown-on-release: running while the file is open, offline once
# it is closed.
cdev_release_stops() {
	c=$(cdev)
	rm -f /tmp/hold
	mkfifo /tmp/hold || return 1
	rproc-cdev -s 1 -w start -h "$c" </tmp/hold >/tmp/rproc-cdev.out 2>&1 &
	pid=$!
	exec 4>/tmp/hold
	ok=1
	if ! wait_for '[ "$(rproc_state)" = running ]' 100; then
		echo "not running with the cdev open"
		ok=0
	elif ! traffic 10; then
		echo "no echo with the cdev open"
		ok=0
	fi
	exec 4>&-
	wait "$pid" || { cat /tmp/rproc-cdev.out; ok=0; }
	rm -f /tmp/hold
	# The setting belongs to the rproc, not to the file: clear it.
	rproc-cdev -s 0 "$c" >/dev/null
	[ "$ok" = 1 ] || return 1
	grep -q "shutdown-on-release: 1" /tmp/rproc-cdev.out || return 1
	s=$(rproc_state)
	[ "$s" = offline ] || { echo "state $s after close"; return 1; }
	! rpmsg_dev_now "$RAW" >/dev/null
}
ktap_result cdev_shutdown_on_release_stops_on_close cdev_release_stops

# --- 4. crash, recovery, coredump --------------------------------------------

dumps() {
	ls -d /sys/class/devcoredump/devcd* 2>/dev/null
}

# crash_and_recover: sends "crash" and waits for the core to bring the
# remote back, running and echoing.
crash_and_recover() {
	log_mark
	rproc_fault crash || return 1
	wait_for 'log_since | grep -q "the remote crashed: it reports a crash"' 50 ||
		{ echo "crash not reported"; return 1; }
	wait_for 'log_since | grep -q "recovering"' 50 ||
		{ echo "no recovery"; return 1; }
	wait_for '[ "$(rproc_state)" = running ]' 100 ||
		{ echo "state $(rproc_state) after recovery"; return 1; }
	traffic 10
}

# ELF headers are parsed from one od of the file's first 1 KiB (held in
# b_0, b_1, ...): under TCG each od run costs, and a dump has several
# program headers.
elf_load() {
	i=0
	for x in $(od -A n -t u1 -v -N 1024 "$1"); do
		eval "b_$i=$x"
		i=$((i + 1))
	done
	elf_len=$i
}

# Sets v to the little-endian value of $2 bytes at offset $1.
le() {
	v=0
	k=$(($1 + $2 - 1))
	[ "$k" -lt "$elf_len" ] || { v=-1; return 1; }
	while [ "$k" -ge "$1" ]; do
		eval "x=\$b_$k"
		v=$((v * 256 + x))
		k=$((k - 1))
	done
}

# Sets seg to the file offset of the PT_LOAD segment at paddr $1 with at
# least $2 bytes in the file, in the ELF last loaded; empty if none.
elf_find_load() {
	seg=
	le 4 1
	if [ "$v" = 2 ]; then
		le 32 8; phoff=$v; le 54 2; phent=$v; le 56 2; phnum=$v
		o_off=8; o_pa=24; o_fsz=32; w=8
	else
		le 28 4; phoff=$v; le 42 2; phent=$v; le 44 2; phnum=$v
		o_off=4; o_pa=12; o_fsz=16; w=4
	fi
	n=0
	while [ "$n" -lt "$phnum" ]; do
		p=$((phoff + n * phent))
		n=$((n + 1))
		le "$p" 4 || return 1
		[ "$v" = 1 ] || continue
		le $((p + o_pa)) $w; [ "$v" = "$1" ] || continue
		le $((p + o_fsz)) $w; [ "$v" -ge "$2" ] || continue
		le $((p + o_off)) $w; seg=$v
		return 0
	done
	return 1
}

bytes() { # FILE OFFSET COUNT
	od -A n -t x1 -j "$2" -N "$3" "$1" | tr -s ' \n' ' '
}

# The dump is an ELF core of the remote's class and machine with a PT_LOAD
# for each region of the remote, its firmware region holding the image's
# first 256 bytes, as loaded.
check_core() {
	core=$1
	img=/lib/firmware/$FW
	case $(uname -m) in
	aarch64) class=2 ;;
	*) class=1 ;;
	esac
	elf_load "$img"
	le 18 2; machine=$v
	elf_find_load "$FW_DA" 256 ||
		{ echo "firmware has no segment at $FW_DA"; return 1; }
	ioff=$seg
	elf_load "$core"
	le 0 4
	[ "$v" = $((0x464c457f)) ] || { echo "no ELF magic"; return 1; }
	le 4 1
	[ "$v" = "$class" ] || { echo "class $v, expected $class"; return 1; }
	le 16 2
	[ "$v" = 4 ] || { echo "e_type $v, not ET_CORE"; return 1; }
	le 18 2
	[ "$v" = "$machine" ] ||
		{ echo "machine $v, the firmware's is $machine"; return 1; }
	for region in $((0x7f400000)):65536 $((0x7f410000)):65536 \
		"$FW_DA:$((0x400000))"; do
		elf_find_load "${region%:*}" "${region#*:}" ||
			{ echo "no PT_LOAD for region $region"; return 1; }
	done
	[ "$(bytes "$core" "$seg" 256)" = "$(bytes "$img" "$ioff" 256)" ] ||
		{ echo "firmware region differs from the image"; return 1; }
}

# The one devcoredump there is: of this remote, and an ELF core of it.
check_dump() {
	r=$(rproc_dir)
	set -- $(dumps)
	[ "$#" = 1 ] || { echo "$# dumps"; return 1; }
	[ "$(basename "$(readlink -f "$1/failing_device")")" = \
		"$(basename "$r")" ] || { echo "dump of another device"; return 1; }
	cat "$1/data" >/tmp/core || return 1
	check_core /tmp/core
	ret=$?
	rm -f /tmp/core
	return $ret
}

# The core starts remotes with coredumps disabled and recovery enabled;
# with coredumps enabled through sysfs, a crash is recovered and dumped.
crash_dumps() {
	r=$(rproc_dir)
	free_coredumps || { echo "old dumps stay"; return 1; }
	rproc_start "$FW" || return 1
	c=$(cat "$r/coredump")
	[ "$c" = disabled ] || { echo "coredump: $c"; return 1; }
	echo enabled >"$r/coredump" || return 1
	c=$(cat "$r/coredump")
	[ "$c" = enabled ] || { echo "coredump: $c"; return 1; }
	c=$(cat "$r/recovery")
	[ "$c" = enabled ] || { echo "recovery: $c"; return 1; }
	crash_and_recover || return 1
	wait_for 'dumps' 50 || { echo "no devcoredump"; return 1; }
	check_dump
}
ktap_result crash_recovers_and_dumps_elf_core crash_dumps

# The dump segments survive the recovery: the next crash dumps again.
crash_again_dumps() {
	free_coredumps || { echo "old dumps stay"; return 1; }
	crash_and_recover || return 1
	wait_for 'dumps' 50 || { echo "no devcoredump"; return 1; }
	check_dump
}
ktap_result second_crash_dumps_again crash_again_dumps

# inline: the dump is read straight from the remote's memory, and the
# recovery waits until user space has read it and let it go.
inline_dump() {
	r=$(rproc_dir)
	free_coredumps || { echo "old dumps stay"; return 1; }
	echo inline >"$r/coredump" || return 1
	rproc_fault crash || return 1
	wait_for 'dumps' 100 || { echo "no devcoredump"; return 1; }
	check_dump || return 1
	s=$(rproc_state)
	[ "$s" != running ] || { echo "recovered before the dump went"; return 1; }
	free_coredumps || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100 ||
		{ echo "state $(rproc_state) after the dump went"; return 1; }
	traffic 10
}
ktap_result inline_dump_read_then_recovered inline_dump

no_dump_when_disabled() {
	free_coredumps || return 1
	echo disabled >"$(rproc_dir)/coredump" || return 1
	crash_and_recover || return 1
	sleep 1
	[ -z "$(dumps)" ] || { echo "a dump appeared"; return 1; }
}
ktap_result crash_with_coredump_disabled_dumps_nothing no_dump_when_disabled

# With recovery disabled a crash leaves the remote "crashed".
crash_stays() {
	r=$(rproc_dir)
	echo disabled >"$r/recovery" || return 1
	log_mark
	rproc_fault crash || return 1
	wait_for '[ "$(rproc_state)" = crashed ]' 50 ||
		{ echo "state $(rproc_state)"; return 1; }
	sleep 1
	s=$(rproc_state)
	[ "$s" = crashed ] || { echo "state $s, not crashed"; return 1; }
	! log_since | grep -q "recovering"
}
ktap_result crash_without_recovery_stays_crashed crash_stays

recover_by_hand() {
	echo recover >"$(rproc_dir)/recovery" || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100 ||
		{ echo "state $(rproc_state)"; return 1; }
	traffic 10
}
ktap_result recover_command_brings_it_back recover_by_hand

debugfs_recover() {
	d=/sys/kernel/debug/remoteproc/$(basename "$(rproc_dir)")
	rproc_fault crash || return 1
	wait_for '[ "$(rproc_state)" = crashed ]' 50 || return 1
	echo recover >"$d/recovery" || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100 ||
		{ echo "state $(rproc_state)"; return 1; }
	traffic 10
}
ktap_result debugfs_recover_brings_it_back debugfs_recover

stop_start_crashed() {
	rproc_fault crash || return 1
	wait_for '[ "$(rproc_state)" = crashed ]' 50 || return 1
	rproc_stop || { echo "stop: state $(rproc_state)"; return 1; }
	rproc_start "$FW" && traffic 10
}
ktap_result stop_start_brings_crashed_back stop_start_crashed

recovery_enabled_again() {
	r=$(rproc_dir)
	echo enabled >"$r/recovery" && crash_and_recover
}
ktap_result recovery_reenabled_recovers recovery_enabled_again

ktap_result coredump_setting_kept sh -c \
	'. /amp/lib/rproc.sh; [ "$(cat "$(rproc_dir)/coredump")" = disabled ]'

ktap_result final_stop rproc_stop
free_coredumps
ktap_result no_dump_left sh -c '! ls -d /sys/class/devcoredump/devcd* 2>/dev/null'
modprobe -r amp_rproc
ktap_finish
