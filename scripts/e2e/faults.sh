#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# A misbehaving remote on the virtual board: for each fault the reference
# firmware injects on command, the kernel keeps running, says what went
# wrong, and the remote can be stopped, started and used again.

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: echo endpoint

ktap_plan 13

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
wait_for '[ "$(rproc_state)" = offline ]' 50

# Starts the remote and checks it echoes.
healthy() {
	rproc_start "$FW" || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 20 "$d"
}

# After a fault: stop must work and the remote must come back.
recovers() {
	if [ "$(rproc_state)" != offline ]; then
		rproc_stop || rproc_stop || return 1
	fi
	healthy
}

ktap_result healthy_before_faults healthy

# The kernel's messages are looked for in what it logged after the fault
# was sent (log_since): the KUnit suites of the same boot print them too.

# crash: the remote reports it and the core recovers it.
crash_recovered() {
	log_mark
	rproc_fault crash || return 1
	wait_for 'log_since | grep -q "the remote crashed: it reports a crash"' 50 || return 1
	wait_for 'log_since | grep -q "recovering"' 50 || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100 || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 20 "$d"
}
ktap_result crash_recovered crash_recovered
free_coredumps

# hang: the remote stops serving messages but still obeys shutdown.
hang_detected() {
	rproc_fault hang || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	! rpmsgbench echo -n 1 "$d" 2>/dev/null
}
ktap_result hang_seen_as_no_echo hang_detected
ktap_result recovers_after_hang recovers

# bad-used-len: the remote claims more bytes than a buffer holds. The
# transport refuses the entry before rpmsg sees it, stops the device and
# reports the remote crashed, so the core recovers it.
bad_len_refused() {
	log_mark
	rproc_fault bad-used-len || return 1
	d=$(rpmsg_dev "$RAW") || return 1
	! rpmsgbench echo -n 1 "$d" 2>/dev/null || return 1
	wait_for 'log_since | grep -q "claims 65536 bytes of the 512-byte buffer"' 50 ||
		return 1
	log_since | grep -q "ring corrupted by the remote; device stopped" || return 1
	wait_for 'log_since | grep -q "handling crash #"' 50 || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100
}
ktap_result oversized_used_len_refused bad_len_refused
free_coredumps
ktap_result recovers_after_bad_used_len recovers

# bad-used-idx: the remote moves its used index 1000 ahead of what it was
# given. The ring is refused before anything is read from it, the device
# stopped and the remote reported crashed, so the core recovers it.
bad_idx_refused() {
	log_mark
	rproc_fault bad-used-idx || return 1
	wait_for 'log_since | grep -q "used index [0-9]* is not within the 16 buffers made available"' 50 ||
		return 1
	log_since | grep -q "ring corrupted by the remote; device stopped" || return 1
	wait_for 'log_since | grep -q "handling crash #"' 50 || return 1
	wait_for '[ "$(rproc_state)" = running ]' 100
}
ktap_result lying_used_idx_refused bad_idx_refused
traffic_after_recovery() {
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 20 "$d"
}
ktap_result traffic_after_lying_used_idx traffic_after_recovery
free_coredumps

# storm: 100000 doorbells; the kernel keeps serving.
storm_survived() {
	rproc_fault storm || return 1
	sleep 2
	d=$(rpmsg_dev "$RAW") || return 1
	rpmsgbench echo -n 20 "$d"
}
ktap_result notification_storm_survived storm_survived

# no-shutdown-ack: the stop is forced and reported (the board cannot power
# a CPU off, so it fails); the request is withdrawn, and a later stop and
# start work.
no_ack_reported() {
	log_mark
	rproc_fault no-shutdown-ack || return 1
	sleep 0.2
	echo stop >"$(rproc_dir)/state" 2>/dev/null
	log_since | grep -q "did not acknowledge the shutdown request"
}
ktap_result missing_shutdown_ack_reported no_ack_reported
# Past the remote's 2 s of deafness.
sleep 2
ktap_result recovers_after_missing_ack recovers

# stream: the remote sends unasked as fast as buffers allow and, when none
# is posted, waits for one without hearing the mailbox, as OpenAMP's
# rpmsg_send() does for up to 15 s. A stop shows it the device reset (the
# status in its table loses DRIVER_OK) before asking it to shut down, so
# it stops streaming and acknowledges the request in time. The endpoint is
# opened once, for reading and writing: rpmsg_char takes one open at a
# time on 6.1.
stream_stopped() {
	c=$(rpmsg_dev 1027) || return 1
	exec 3<>"$c" || return 1
	cat <&3 >/dev/null 2>&1 &
	reader=$!
	log_mark
	printf stream >&3 || { kill "$reader"; exec 3<&-; return 1; }
	wait_for 'rproc_trace | grep -q "streaming to host endpoint"' 50 ||
		{ kill "$reader"; exec 3<&-; echo "no stream"; return 1; }
	sleep 0.5
	rproc_stop || { kill "$reader"; exec 3<&-; echo "stop failed"; return 1; }
	kill "$reader" 2>/dev/null
	exec 3<&-
	! log_since | grep -q "did not acknowledge" ||
		{ echo "the shutdown request went unanswered"; return 1; }
}
ktap_result stop_while_streaming_acknowledged stream_stopped
ktap_result starts_after_stream healthy

rproc_stop
modprobe -r amp_rproc
ktap_finish
