#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# A remote that runs before the driver binds is attached to, not
# restarted: traffic flows, its trace is readable, it can be detached and
# attached again, and stopped. The board has no boot loader to start it:
# the driver itself boots it, then unbinds with detach_on_unbind set,
# leaving it running as a boot loader would. (The core detaches only a
# remote it attached to: "detach" on a running one is refused.)
#
# The image is rpmsg-echo-fixed.elf, whose vrings are at fixed addresses
# as those of a remote started without a host have to be; its resource
# table lies in the board's rsc-table region, where the driver finds it.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo-fixed.elf
RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)
PARAM=/sys/module/amp_rproc/parameters/detach_on_unbind

ktap_plan 15

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
ktap_result driver_bound_offline \
	wait_for '[ "$(rproc_state)" = offline ]' 50

ktap_result start_reaches_running rproc_start "$FW"

echo_100() {
	dev=$(rpmsg_dev "$RAW") || { echo "no rpmsg-raw device"; return 1; }
	rpmsgbench echo -n 100 -m 1 -M 496 "$dev"
}
ktap_result echo_before_handover echo_100

detach_refused() {
	r=$(rproc_dir) || return 1
	(echo detach >"$r/state") 2>/dev/null && { echo "detach accepted"; return 1; }
	st=$(cat "$r/state")
	[ "$st" = running ] || { echo "state '$st'"; return 1; }
}
ktap_result detach_of_a_booted_remote_refused detach_refused

# The driver goes, the remote stays: the next probe finds it running.
# Only the driver's message of this unbind counts, not one that an
# earlier test of the same boot caused.
handover() {
	echo 1 >"$PARAM" || return 1
	log_mark
	modprobe -r amp_rproc || return 1
	! rproc_dir >/dev/null || { echo "remoteproc still registered"; return 1; }
	log_since | grep -q 'the remote keeps running, detached'
}
ktap_result unbind_leaves_remote_running handover

# $1: "attached" expected.
reprobe() {
	modprobe amp_rproc || return 1
	wait_for '[ "$(rproc_state)" = "'"$1"'" ]' 100 ||
		{ echo "state '$(rproc_state)'"; return 1; }
}
ktap_result probe_attaches_to_running_remote reprobe attached
ktap_result echo_after_attach echo_100

# One boot and one more bring-up per host: nothing was reloaded, and the
# remote went back to waiting for a host after each detach.
# $1: hosts so far.
trace_count() {
	t=$(rproc_trace) || { echo "trace unreadable"; return 1; }
	n=$(echo "$t" | grep -c 'rpmsg-echo: up')
	[ "$n" = 1 ] || { echo "$n boots in the trace"; return 1; }
	n=$(echo "$t" | grep -c 'rpmsg-echo: vdev 0 ready, vrings at 7f400000')
	[ "$n" = "$1" ] || { echo "vdev 0 up $n times, not $1"; return 1; }
	n=$(echo "$t" | grep -c 'rpmsg-echo: host detached')
	[ "$n" = $(($1 - 1)) ] || { echo "$n detaches in the trace"; return 1; }
}
ktap_result trace_shows_one_boot_two_hosts trace_count 2

detach_state() {
	r=$(rproc_dir) || return 1
	echo detach >"$r/state" || return 1
	st=$(cat "$r/state")
	[ "$st" = detached ] || { echo "state '$st'"; return 1; }
}
ktap_result detach_reaches_detached detach_state
ktap_result rpmsg_device_removed_on_detach \
	sh -c '. /amp/lib/rproc.sh; ! rpmsg_dev_now '"$RAW"

# $1: the state expected once the driver is back.
reload() {
	modprobe -r amp_rproc || return 1
	! rproc_dir >/dev/null || { echo "remoteproc still registered"; return 1; }
	reprobe "$1"
}

# A detached remote is left alone when the driver goes (no shutdown).
ktap_result reprobe_attaches_again reload attached
ktap_result echo_after_reattach echo_100
ktap_result trace_shows_three_hosts trace_count 3

stop_state() {
	r=$(rproc_dir) || return 1
	echo stop >"$r/state" || return 1
	wait_for '[ "$(cat '"$r"'/state)" = offline ]' 100 ||
		{ echo "state '$(cat "$r/state")'"; return 1; }
}
ktap_result stop_from_attached_reaches_offline stop_state

# The remote really powered off: a new probe does not attach.
ktap_result reprobe_finds_remote_off reload offline

# Leave the board as the next script expects it.
[ "$(rproc_state)" = offline ] || stop_state >/dev/null
modprobe -r amp_rproc
ktap_finish
