#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The comparison mode: with amp_rproc core_rsc_table=1 the kernel's
# remoteproc core handles the firmware's v1 resource table itself (vrings,
# vdev buffers, trace) instead of amp_rsc. The same firmware must boot and
# echo rpmsg traffic byte for byte, start after stop, and leave nothing
# behind.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)

ktap_plan 10

modprobe amp_psci_reset
modprobe amp_mbox
modprobe -r amp_rproc 2>/dev/null
modprobe amp_rproc core_rsc_table=1
ktap_result driver_bound_in_core_table_mode \
	sh -c '. /amp/lib/rproc.sh
		wait_for "[ \"\$(rproc_state)\" = offline ]" 50 &&
		[ "$(cat /sys/module/amp_rproc/parameters/core_rsc_table)" = Y ]'

log_mark
ktap_result start_reaches_running rproc_start "$FW"

dev=$(rpmsg_dev "$RAW")
ktap_result rpmsg_raw_device_appears test -c "$dev"

ktap_result echo_1000_messages_1_to_496_bytes \
	rpmsgbench echo -n 1000 -m 1 -M 496 -S 7 "$dev"

# The core's own trace handling: debugfs trace0 shows the firmware's lines.
ktap_result trace_through_core \
	sh -c '. /amp/lib/rproc.sh; rproc_trace | grep -q "rpmsg-echo: up"'

# The core places vrings and buffers in the board's regions, which the
# driver registers as carveouts under their names, not in memory of its own.
in_board_regions() {
	rproc_trace | grep -q "vrings at 7f400000 and 7f410000" || return 1
	log_since | grep -q "assigned reserved memory node vdev0buffer"
}
ktap_result vrings_and_buffers_in_board_regions in_board_regions

ktap_result stop_reaches_offline rproc_stop
ktap_result rpmsg_device_removed_on_stop \
	sh -c '. /amp/lib/rproc.sh; ! rpmsg_dev_now '"$RAW"

restart_and_echo() {
	rproc_start "$FW" || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 200 -S 11 "$d" && rproc_stop
}
ktap_result restart_and_echo_again restart_and_echo

[ "$(rproc_state)" = offline ] || rproc_stop
ktap_result module_unloads modprobe -r amp_rproc
ktap_finish
