#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Smoke test of the virtual board and of the project's modules: CPU1 is the
# remote's, its memory is reserved, every module loads and unloads.

. /amp/lib/ktap.sh

krel=$(uname -r)
modules=$(for ko in /lib/modules/"$krel"/extra/*.ko; do
	[ -e "$ko" ] && basename "$ko" .ko
done)

ktap_plan $((4 + 2 * $(echo "$modules" | wc -w)))

# Linux must never see CPU1: it runs the remote firmware.
cpu1_not_linux() {
	[ "$(cat /sys/devices/system/cpu/present)" = 0 ] &&
		[ ! -e /sys/devices/system/cpu/cpu1 ]
}
ktap_result cpu1_belongs_to_remote cpu1_not_linux

# The remote's memory is reserved and never part of Linux's System RAM.
remote_memory_reserved() {
	node=/proc/device-tree/reserved-memory/remote@7f000000
	[ -e "$node/no-map" ] || return 1
	! grep -i 'system ram' /proc/iomem | while read -r range _; do
		start=$((0x${range%-*}))
		end=$((0x${range#*-}))
		[ "$start" -le $((0x7f000000)) ] && [ "$end" -ge $((0x7f000000)) ] &&
			echo "0x7f000000 is inside System RAM $range"
	done | grep -q .
}
ktap_result remote_memory_reserved remote_memory_reserved

ktap_result remoteproc_class_present test -d /sys/class/remoteproc
ktap_result rpmsg_bus_present test -d /sys/bus/rpmsg

for m in $modules; do
	ktap_result "load_$m" modprobe "$m"
done
# Unload users before what they use: take whatever nobody holds, again
# and again, then check each module went.
for _ in 1 2 3 4 5 6 7 8; do
	for m in $modules; do
		[ "$(cat "/sys/module/$m/refcnt" 2>/dev/null)" = 0 ] && rmmod "$m"
	done
done
for m in $modules; do
	ktap_result "unload_$m" test ! -d "/sys/module/$m"
done

ktap_finish
