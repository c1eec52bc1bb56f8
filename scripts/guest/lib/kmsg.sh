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
