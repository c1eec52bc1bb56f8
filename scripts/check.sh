#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Every test of the project: lint, the host tools' tests, the fuzz target,
# then KUnit and end-to-end tests on the virtual board of each test target
# (AMP_TARGETS in lib.sh: arm and arm64 on 6.12, arm64 on 6.1), or of the
# targets named.
# Each part leaves KTAP under build/results/; the last line counts every test
# case of every part: "N passed, N failed[, N skipped]".
#
# usage: check.sh [TARGET...]

set -uo pipefail
. "$(dirname "$0")/lib.sh"

targets=$(amp_targets "$@") || exit 1
results=$AMP_BUILD/results
rm -rf "$results"
mkdir -p "$results"
start=$(date +%s)

# A part that could not even produce KTAP still counts, as one failure.
fail_part() { # file name reason
	printf 'KTAP version 1\n1..1\n# %s\nnot ok 1 %s\n' "$3" "$2" >"$1"
}

# Prepare one target (in the foreground: builds share the cores and the
# firmware build directory), then boot it in the background.
boot_target() {
	local target=$1 dir=$AMP_BUILD/$1 board arch kimage initrd dtb
	mkdir -p "$dir"
	amp_log "$target: kernel, modules, initramfs, board DTB"
	board=$("$AMP_TOP/scripts/board-prepare.sh" "$target") || {
		fail_part "$results/$target-build.ktap" "build_$target" \
			"could not build the $target test system"
		return 1
	}
	read -r arch kimage initrd dtb <<<"$board"
	amp_log "$target: booting the virtual board (console: $dir/console.log)"
	(
		"$AMP_TOP/scripts/qemu-run.sh" "$arch" "$kimage" "$initrd" "$dtb" \
			check "$dir/console.log" "${AMP_QEMU_TIMEOUT:-1200}"
		echo $? >"$dir/qemu.status"
	) &
}

# With AMP_TESTS (comma-separated shell patterns), only the KUnit modules
# and e2e scripts matching one ran; suites are matched by their file stem.
selected() {
	local pat pats
	[ -z "${AMP_TESTS:-}" ] && return 0
	IFS=, read -ra pats <<<"$AMP_TESTS"
	for pat in "${pats[@]}"; do
		# shellcheck disable=SC2053
		[[ $1 == $pat ]] && return 0
	done
	return 1
}

collect_target() {
	local target=$1 dir=$AMP_BUILD/$1 args=()
	[ -f "$dir/qemu.status" ] || return 0
	for f in "$AMP_TOP"/kunit/*_kunit.c; do
		[ -e "$f" ] && selected "$(basename "$f" _kunit.c)" &&
			args+=(--expect-suite "$(basename "$f" _kunit.c)")
	done
	for f in "$AMP_TOP"/scripts/e2e/*.sh; do
		[ -e "$f" ] && selected "$(basename "$f" .sh)" &&
			args+=(--expect-e2e "$(basename "$f" .sh)")
	done
	python3 "$AMP_TOP/scripts/ktap.py" split "$dir/console.log" \
		"$results/$target" --exit "$(cat "$dir/qemu.status")" "${args[@]}"
}

"$AMP_TOP/scripts/deps.sh" || exit 1

for target in $targets; do
	rm -f "$AMP_BUILD/$target/qemu.status"
	boot_target "$target"
done

if [ -n "${AMP_TESTS:-}" ]; then
	amp_log "AMP_TESTS=$AMP_TESTS: only those board tests"
else
amp_log "host tools: rsctool tests"
if [ -x "$AMP_TOP/tools/rsctool/tests/run.sh" ]; then
	"$AMP_TOP/tools/rsctool/tests/run.sh" >"$results/rsctool.ktap" ||
		amp_log "rsctool tests failed"
fi

amp_log "lint"
# shellcheck disable=SC2086 # a list of targets
"$AMP_TOP/scripts/lint.sh" $targets >"$results/lint.ktap" || amp_log "lint failed"

if [ -f "$AMP_TOP/tools/fuzz/Makefile" ]; then
	secs=${FUZZ_SECONDS:-60}
	amp_log "fuzzing the resource-table parser for $secs s"
	if make -s -C "$AMP_TOP/tools/fuzz" run FUZZ_SECONDS="$secs" \
		O="$AMP_BUILD/fuzz" >"$AMP_BUILD/fuzz.log" 2>&1; then
		printf 'KTAP version 1\n1..1\nok 1 fuzz_rsc_parse_%ss\n' "$secs" \
			>"$results/fuzz.ktap"
	else
		tail -n 40 "$AMP_BUILD/fuzz.log" >&2
		fail_part "$results/fuzz.ktap" "fuzz_rsc_parse_${secs}s" \
			"finding or build failure; see $AMP_BUILD/fuzz.log"
	fi
fi
fi

amp_log "waiting for the virtual boards"
wait
for target in $targets; do
	collect_target "$target"
done

amp_log "done in $(($(date +%s) - start)) s; results in $results"
python3 "$AMP_TOP/scripts/ktap.py" summary "$results"
