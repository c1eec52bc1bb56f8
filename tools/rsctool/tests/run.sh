#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build rsctool, generate the test images (mkimage.py) and run every case
# in their cases.tsv plus the command-line cases below. Results go to
# stdout as KTAP version 1; build output and diagnostics go to stderr or
# "#" lines. Exit status 0 when every case passed.
#
# Environment: O (build directory, default <top>/build/tools), RSCTOOL (an
# already built binary; skips the build).

set -u

tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tool_dir=$(dirname "$tests_dir")
top=$(cd "$tool_dir/../.." && pwd)
O=${O:-$top/build/tools}
work=$O/rsctool-tests

ktap_bail() {
	echo "KTAP version 1"
	echo "1..1"
	echo "# $1"
	echo "not ok 1 $2"
	exit 1
}

if [ -z "${RSCTOOL:-}" ]; then
	make -C "$tool_dir" O="$O" >&2 || ktap_bail "cannot build rsctool" build
	RSCTOOL=$O/rsctool
fi
[ -x "$RSCTOOL" ] || ktap_bail "$RSCTOOL is not executable" build
RSCTOOL=$(cd "$(dirname "$RSCTOOL")" && pwd)/$(basename "$RSCTOOL")

rm -rf "$work"
mkdir -p "$work"
python3 "$tests_dir/mkimage.py" "$work" >&2 ||
	ktap_bail "mkimage.py failed" generate

# As in cases.tsv; args are split on spaces, "(none)" for no arguments.
cli_cases=(
	"cli	help	--help	0	=usage: rsctool [options] dump FILE	exit status: 0 valid"
	"cli	help_short	-h	0	=usage: rsctool [options] dump FILE"
	"cli	version	--version	0	rsctool "
	"cli	no_args	(none)	2	rsctool: missing command	usage: rsctool"
	"cli	bad_command	frob st32.elf	2	rsctool: unknown command"
	"cli	bad_option	--frob dump st32.elf	2	rsctool: unknown option"
	"cli	dump_no_file	dump	2	dump takes exactly one FILE"
	"cli	dump_two_files	dump st32.elf st64.elf	2	dump takes exactly one FILE"
	"cli	check_no_file	check	2	check needs a FILE"
	"cli	json_check	--json check st32.elf	2	--json applies to dump only"
	"cli	mem_dump	--mem 0:1 dump st32.elf	2	--mem applies to check only"
	"cli	mem_bad	check --mem 0x1000 st32.elf	2	bad --mem region"
	"cli	mem_zero	check --mem 0x1000:0 st32.elf	2	bad --mem region"
	"cli	mem_missing_arg	check st32.elf --mem	2	option needs an argument"
	"cli	option_after	dump st32.elf --json	0	\"kind\": \"vdev\""
)

mapfile -t file_cases <"$work/cases.tsv"
cases=("${cli_cases[@]}" "${file_cases[@]}")

echo "KTAP version 1"
echo "1..${#cases[@]}"

n=0
failed=0
out=$work/out.txt
for line in "${cases[@]}"; do
	n=$((n + 1))
	IFS=$'\t' read -r -a f <<<"$line"
	kind=${f[0]}
	name=${f[1]}
	args=()
	[ "${f[2]}" = "(none)" ] || read -r -a args <<<"${f[2]}"
	want=${f[3]}
	why=()

	(cd "$work" && "$RSCTOOL" "${args[@]}") >"$out" 2>&1
	code=$?
	[ "$code" = "$want" ] || why+=("exit status $code, expected $want")

	for phrase in "${f[@]:4}"; do
		[ "$phrase" = "-" ] && continue
		if [ "${phrase:0:1}" = "=" ]; then
			grep -qxF -- "${phrase:1}" "$out" ||
				why+=("no line: ${phrase:1}")
		else
			grep -qF -- "$phrase" "$out" || why+=("missing: $phrase")
		fi
	done

	if [ "$kind" = json ] && [ "$code" = 0 ] &&
	   ! python3 -m json.tool "$out" >/dev/null 2>&1; then
		why+=("output is not valid JSON")
	fi

	if [ ${#why[@]} -eq 0 ]; then
		echo "ok $n $name"
		continue
	fi
	failed=$((failed + 1))
	echo "# rsctool ${f[2]}"
	for w in "${why[@]}"; do
		echo "# $w"
	done
	sed -n '1,20s/^/# | /p' "$out"
	echo "not ok $n $name"
done

echo "# rsctool: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
