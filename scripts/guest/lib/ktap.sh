# SPDX-License-Identifier: GPL-2.0-only
# KTAP output for end-to-end test scripts; sourced.
#
#   ktap_plan N
#   ktap_result NAME CMD...   run CMD; ok when it exits 0
#   ktap_ok NAME / ktap_fail NAME WHY / ktap_skip NAME WHY
#   ktap_finish               exit status: non-zero if anything failed

ktap_n=0
ktap_failed=0

ktap_plan() {
	echo "KTAP version 1"
	echo "1..$1"
}

ktap_ok() {
	ktap_n=$((ktap_n + 1))
	echo "ok $ktap_n $1"
}

ktap_fail() {
	ktap_n=$((ktap_n + 1))
	ktap_failed=$((ktap_failed + 1))
	echo "# $1: $2"
	echo "not ok $ktap_n $1"
}

ktap_skip() {
	ktap_n=$((ktap_n + 1))
	echo "ok $ktap_n $1 # SKIP $2"
}

ktap_result() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		ktap_ok "$name"
	else
		ktap_fail "$name" "$(echo "$out" | tail -n 3 | tr '\n' ' ')"
	fi
}

ktap_finish() {
	[ "$ktap_failed" -eq 0 ]
}
