#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The reference firmware with each of its resource tables: the same echo
# remote built with vrings the host places (ST style), vrings at fixed
# addresses, vrings in a carveout of the vdev (NuttX style) and two rpmsg
# vdevs. Each image is chosen through the remoteproc's firmware attribute,
# started, echoes on every vdev, shows where its vrings went in its trace,
# and stops; the firmware cannot be changed while it runs.

. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)
MSGS=100

# IMAGE:VDEVS:VRINGS, VRINGS the vrings' addresses (hex, as the firmware
# traces them) per vdev, vdevs separated by '/'. The host places ST's
# vrings in the board's vdev<N>vring<M> regions and the carveout image's
# in its carveout (0x7f700000), packed at their 0x1000 alignment.
VARIANTS='rpmsg-echo.elf:1:7f400000,7f410000
rpmsg-echo-fixed.elf:1:7f400000,7f410000
rpmsg-echo-carveout.elf:1:7f700000,7f702000
rpmsg-echo-2vdev.elf:2:7f400000,7f410000/7f420000,7f430000'

# 1 + per image 7 cases and one per vdev.
ktap_plan 34

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
ktap_result driver_bound_offline \
	wait_for '[ "$(rproc_state)" = offline ]' 50

# The /dev node of the rpmsg char device of endpoint $1 on vdev $2.
vdev_rpmsg_now() {
	for d in /sys/class/rpmsg/rpmsg[0-9]*; do
		[ -e "$d/dst" ] && [ "$(cat "$d/dst")" = "$1" ] || continue
		case "$(readlink -f "$d")" in
		*"#vdev$2/"*) ;;
		*) continue ;;
		esac
		[ -c "/dev/${d##*/}" ] || return 1
		echo "/dev/${d##*/}"
		return 0
	done
	return 1
}

vdev_rpmsg() {
	wait_for "vdev_rpmsg_now $1 $2" 50 || return 1
	vdev_rpmsg_now "$1" "$2"
}

# Sets the firmware attribute and reads it back.
set_firmware() {
	r=$(rproc_dir) || return 1
	echo "$1" >"$r/firmware" || return 1
	got=$(cat "$r/firmware")
	[ "$got" = "$1" ] || { echo "firmware reads '$got'"; return 1; }
	st=$(cat "$r/state")
	[ "$st" = offline ] || { echo "state '$st' after setting it"; return 1; }
}

start_running() {
	r=$(rproc_dir) || return 1
	echo start >"$r/state" || return 1
	wait_for '[ "$(cat '"$r"'/state)" = running ]' 100 ||
		{ echo "state '$(cat "$r/state")'"; return 1; }
}

# Writing the firmware attribute of a running remote fails with EBUSY and
# changes neither the firmware nor the state.
firmware_busy() {
	r=$(rproc_dir) || return 1
	err=$( (echo rpmsg-echo.elf >"$r/firmware") 2>&1) &&
		{ echo "write accepted"; return 1; }
	echo "$err" | grep -qi 'busy' || { echo "refused with: $err"; return 1; }
	got=$(cat "$r/firmware")
	[ "$got" = "$1" ] || { echo "firmware now '$got'"; return 1; }
	st=$(cat "$r/state")
	[ "$st" = running ] || { echo "state '$st'"; return 1; }
}

echo_on_vdev() {
	dev=$(vdev_rpmsg "$RAW" "$1") || { echo "no rpmsg-raw device on vdev$1"; return 1; }
	rpmsgbench echo -n "$MSGS" -m 1 -M 496 "$dev"
}

trace_up() {
	t=$(rproc_trace) || return 1
	echo "$t" | grep -q 'rpmsg-echo: up' || { echo "no start line"; return 1; }
	v=0
	while [ "$v" -lt "$1" ]; do
		echo "$t" | grep -q "rpmsg-echo: vdev $v ready" ||
			{ echo "vdev $v not ready in the trace"; return 1; }
		v=$((v + 1))
	done
}

# The vrings of each vdev are where the table asked for them.
vrings_placed() {
	t=$(rproc_trace) || return 1
	v=0
	for pair in $(echo "$1" | tr '/' ' '); do
		want="vdev $v ready, vrings at ${pair%,*} and ${pair#*,}"
		echo "$t" | grep -q "$want" ||
			{ echo "no '$want' in: $(echo "$t" | grep ready)"; return 1; }
		v=$((v + 1))
	done
}

stop_offline() {
	r=$(rproc_dir) || return 1
	echo stop >"$r/state" || return 1
	wait_for '[ "$(cat '"$r"'/state)" = offline ]' 100 ||
		{ echo "state '$(cat "$r/state")'"; return 1; }
}

no_rpmsg_left() {
	v=0
	while [ "$v" -lt "$1" ]; do
		! vdev_rpmsg_now "$RAW" "$v" || { echo "vdev$v still there"; return 1; }
		v=$((v + 1))
	done
}

for spec in $VARIANTS; do
	fw=${spec%%:*}
	vrings=${spec##*:}
	nvdev=${spec#*:}
	nvdev=${nvdev%%:*}
	img=$(echo "${fw%.elf}" | tr -- '-' '_')
	ktap_result "${img}_firmware_set" set_firmware "$fw"
	ktap_result "${img}_start_running" start_running
	ktap_result "${img}_firmware_busy_while_running" firmware_busy "$fw"
	v=0
	while [ "$v" -lt "$nvdev" ]; do
		ktap_result "${img}_vdev${v}_echo_${MSGS}_messages" echo_on_vdev "$v"
		v=$((v + 1))
	done
	ktap_result "${img}_trace_has_firmware_lines" trace_up "$nvdev"
	ktap_result "${img}_vrings_placed" vrings_placed "$vrings"
	ktap_result "${img}_stop_offline" stop_offline
	ktap_result "${img}_rpmsg_devices_removed" no_rpmsg_left "$nvdev"
	# Whatever failed, the next image starts from offline.
	[ "$(rproc_state)" = offline ] || stop_offline >/dev/null
done

modprobe -r amp_rproc
ktap_finish
