#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# rpmsg end to end on the virtual board: the platform driver loads the
# reference firmware onto CPU1, the resource-table module registers its
# rpmsg virtio device, and messages flow through the kernel's rpmsg
# drivers to the remote and back.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)

ktap_plan 10

modprobe rpmsg_client_sample
# No udev on the board: load the providers the driver needs first.
modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
ktap_result driver_bound_offline \
	wait_for '[ "$(rproc_state)" = offline ]' 50

# The sample client's goodbye below must be of this start.
log_mark
ktap_result start_reaches_running rproc_start "$FW"

dev=$(rpmsg_dev "$RAW")
ktap_result rpmsg_raw_device_appears test -c "$dev"

ktap_result echo_1000_messages_1_to_496_bytes \
	rpmsgbench echo -n 1000 -m 1 -M 496 "$dev"

trace_has() { rproc_trace | grep -q "$1"; }
ktap_result trace_has_firmware_lines \
	sh -c '. /amp/lib/rproc.sh; rproc_trace | grep -q "rpmsg-echo: up" &&
		rproc_trace | grep -q "vdev 0 ready"'

tty_round_trip() {
	tty=$(ls /dev/ttyRPMSG* 2>/dev/null | head -n 1)
	[ -c "$tty" ] || return 1
	stty -F "$tty" raw -echo
	exec 3<>"$tty"
	printf 'amp-tty-check\n' >&3
	got=$(timeout 5 head -c 14 <&3)
	exec 3<&-
	[ "$got" = "amp-tty-check" ]
}
ktap_result rpmsg_tty_round_trip tty_round_trip

# The kernel's sample client sends 100 messages and says goodbye once the
# remote echoed them all.
ktap_result client_sample_completes \
	wait_for 'log_since | grep -q "rpmsg_client_sample.*goodbye"' 100

ktap_result stop_reaches_offline rproc_stop
ktap_result rpmsg_device_removed_on_stop \
	sh -c '. /amp/lib/rproc.sh; ! rpmsg_dev_now '"$RAW"

restart_and_echo() {
	rproc_start "$FW" || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 100 "$d" && rproc_stop
}
ktap_result restart_and_echo_again restart_and_echo

# Leave the board as the next script expects it.
[ "$(rproc_state)" = offline ] || rproc_stop
modprobe -r amp_rproc rpmsg_client_sample
ktap_finish
