# SPDX-License-Identifier: GPL-2.0-only
# Helpers to log into the kernel's ring buffer; sourced.

kmsg() {
	printf '%s\n' "$*" >/dev/kmsg
}

# Copy stdin to /dev/kmsg line by line (empty lines carry nothing).
to_kmsg() {
	while IFS= read -r line; do
		[ -n "$line" ] && printf '%s\n' "$line" >/dev/kmsg
	done
}

# log_mark, then log_since: what the kernel logged after the mark. A test
# that looks for a message its own action causes reads log_since, never
# all of dmesg: an earlier test or KUnit suite of the same boot may have
# printed the same message, and the test would pass without its action
# having had any effect. The mark is a line of its own rather than a line
# count because the ring buffer wraps; each mark has its own number, kept
# in a file since tests take their steps in subshells.
log_mark() {
	log_mark_n=0
	[ -e /tmp/amp-log-marks ] && read -r log_mark_n </tmp/amp-log-marks
	log_mark_n=$((log_mark_n + 1))
	echo "$log_mark_n" >/tmp/amp-log-marks
	log_mark_line="amp-log-mark $log_mark_n"
	kmsg "$log_mark_line"
}

log_since() {
	dmesg | sed -n "/ $log_mark_line\$/,\$p"
}
