# SPDX-License-Identifier: GPL-2.0-only
# Driving the board's remote processor from shell tests; sourced.

# Waits up to $2 tenths of a second for command $1 (a string) to succeed.
# The counter has a name of its own: $1 is evaluated here, and a caller's
# variable it named would otherwise be the counter.
wait_for() {
	wait_for_n=0
	while ! eval "$1" >/dev/null 2>&1; do
		wait_for_n=$((wait_for_n + 1))
		[ "$wait_for_n" -ge "$2" ] && return 1
		sleep 0.1
	done
}

# The sysfs directory of the remoteproc bound to the project's driver.
rproc_dir() {
	for r in /sys/class/remoteproc/remoteproc*; do
		[ -e "$r/device/of_node/compatible" ] || continue
		grep -q 'amp,rproc' "$r/device/of_node/compatible" &&
			echo "$r" && return 0
	done
	return 1
}

rproc_state() {
	cat "$(rproc_dir)/state"
}

# rproc_start FIRMWARE: boots it and waits for "running".
rproc_start() {
	r=$(rproc_dir) || return 1
	echo "$1" >"$r/firmware" && echo start >"$r/state" &&
		wait_for '[ "$(cat '"$r"'/state)" = running ]' 100
}

rproc_stop() {
	r=$(rproc_dir) || return 1
	echo stop >"$r/state" &&
		wait_for '[ "$(cat '"$r"'/state)" = offline ]' 100
}

# The /dev node of the rpmsg char device whose remote address is $1
# (decimal), waiting up to 5 s for it.
rpmsg_dev() {
	wait_for "rpmsg_dev_now $1" 50 || return 1
	rpmsg_dev_now "$1"
}

# devtmpfs creates the node a moment after the class device appears.
rpmsg_dev_now() {
	for d in /sys/class/rpmsg/rpmsg[0-9]*; do
		[ -e "$d/dst" ] && [ "$(cat "$d/dst")" = "$1" ] || continue
		[ -c "/dev/${d##*/}" ] || return 1
		echo "/dev/${d##*/}"
		return 0
	done
	return 1
}

# The remote's first trace buffer, through the remoteproc's debugfs.
rproc_trace() {
	cat "/sys/kernel/debug/remoteproc/$(basename "$(rproc_dir)")/trace0"
}

# rproc_fault CMD: sends a fault command to the reference firmware's
# control endpoint (rpmsg-raw at 0x403).
rproc_fault() {
	c=$(rpmsg_dev 1027) || return 1
	printf '%s' "$1" >"$c"
}

# Frees every devcoredump (they linger for minutes, and devcoredump drops
# a new dump of a device that still has one); waits until they are gone.
free_coredumps() {
	for c in /sys/class/devcoredump/devcd*/data; do
		[ -e "$c" ] && echo 1 >"$c"
	done
	# Freed from a work item.
	wait_for '! ls -d /sys/class/devcoredump/devcd* 2>/dev/null' 50
}
