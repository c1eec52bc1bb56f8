#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Static checks of everything the project writes, as KTAP on stdout:
# checkpatch --strict, kernel-doc -Wall, a sparse (C=2) + W=1 -Werror build
# for each 6.12 test target (of those named, or of all), and on the bindings
# yamllint plus what the kernel's dt_binding_check does: dt-doc-validate,
# then every example compiled and validated against the schemas. Each
# check's complaints go to stderr.
#
# usage: lint.sh [TARGET...]

set -uo pipefail
. "$(dirname "$0")/lib.sh"

targets=$(amp_targets "$@") || exit 1
ksrc=$(amp_ksrc 6.12)
cd "$AMP_TOP" || exit 1

# Every C file and header the project writes, kernel side and tools alike.
mapfile -t c_files < <(git ls-files --cached --others --exclude-standard \
	'*.c' '*.h' | grep -v '^build/' | sort)
mapfile -t kernel_files < <(printf '%s\n' "${c_files[@]}" |
	grep -E '^(drivers|include|kunit|tools/bench)/')
mapfile -t bindings < <(git ls-files --cached --others --exclude-standard 2>/dev/null \
	'Documentation/devicetree/bindings/*.yaml')

# The 6.12 targets; other series only need to build.
# shellcheck disable=SC2086 # a list of targets
sparse_targets=$(amp_targets_6_12 $targets)

checks=()
add() { checks+=("$1"); }
for t in $sparse_targets; do add "sparse_w1_build_$t"; done
add checkpatch_strict
add kernel_doc
add yamllint_bindings
add dt_binding_check

echo "KTAP version 1"
echo "1..${#checks[@]}"
n=0
failed=0
report() { # name status(0 ok, 1 fail, 2 skip) [reason]
	n=$((n + 1))
	case "$2" in
	0) echo "ok $n $1" ;;
	2) echo "ok $n $1 # SKIP $3" ;;
	*) echo "not ok $n $1"; failed=1 ;;
	esac
}

for t in $sparse_targets; do
	log=$AMP_BUILD/$t/modules/build.log
	if "$AMP_TOP/scripts/modules-build.sh" "$t" C=2 >/dev/null &&
		! grep -E 'warning:|error:' "$log" >&2; then
		report "sparse_w1_build_$t" 0
	else
		report "sparse_w1_build_$t" 1
	fi
done

# checkpatch --strict, with the per-file exceptions of
# scripts/checkpatch-exceptions (each with its reason there).
checkpatch() {
	perl "$ksrc/scripts/checkpatch.pl" --strict --no-tree --quiet \
		--no-summary --show-types "$@" >&2
}
checkpatch_all() {
	local rc=0 f ignore plain=()
	for f in "${c_files[@]}"; do
		ignore=$(awk -v f="$f" '$1 == f { print $2 }' \
			"$AMP_TOP/scripts/checkpatch-exceptions")
		if [ -n "$ignore" ]; then
			checkpatch --ignore "$ignore" -f "$f" || rc=1
		else
			plain+=("$f")
		fi
	done
	[ ${#plain[@]} -eq 0 ] || checkpatch -f "${plain[@]}" || rc=1
	return $rc
}
if [ ${#c_files[@]} -eq 0 ]; then
	report checkpatch_strict 2 "no C files"
elif checkpatch_all; then
	report checkpatch_strict 0
else
	report checkpatch_strict 1
fi

if [ ${#kernel_files[@]} -eq 0 ]; then
	report kernel_doc 2 "no kernel files"
else
	out=$(perl "$ksrc/scripts/kernel-doc" -none -Wall "${kernel_files[@]}" 2>&1)
	if [ -z "$out" ]; then
		report kernel_doc 0
	else
		echo "$out" >&2
		report kernel_doc 1
	fi
fi

# dt-validate reports problems but exits 0: any output is a failure.
dt_binding_check() {
	local dir=$AMP_TOP/Documentation/devicetree/bindings tmp b name out
	tmp=$AMP_BUILD/dt-bindings
	rm -rf "$tmp" && mkdir -p "$tmp"
	dt-doc-validate -u "$dir" "${bindings[@]}" >&2 || return 1
	dt-mk-schema -j "$dir" >"$tmp/processed-schema.json" || return 1
	for b in "${bindings[@]}"; do
		name=$(basename "$b" .yaml)
		dt-extract-example "$b" >"$tmp/$name.dts" &&
			cpp -P -nostdinc -undef -D__DTS__ -x assembler-with-cpp \
				-I "$ksrc/include" -I "$ksrc/scripts/dtc/include-prefixes" \
				"$tmp/$name.dts" >"$tmp/$name.pp.dts" &&
			dtc -q -@ -O dtb -o "$tmp/$name.dtb" "$tmp/$name.pp.dts" ||
			return 1
		out=$(dt-validate -s "$tmp/processed-schema.json" "$tmp/$name.dtb" 2>&1)
		if [ -n "$out" ]; then
			echo "$out" >&2
			return 1
		fi
	done
}

if [ ${#bindings[@]} -eq 0 ]; then
	report yamllint_bindings 2 "no bindings"
	report dt_binding_check 2 "no bindings"
else
	if yamllint -s -c "$ksrc/Documentation/devicetree/bindings/.yamllint" \
		"${bindings[@]}" >&2; then
		report yamllint_bindings 0
	else
		report yamllint_bindings 1
	fi
	if dt_binding_check; then
		report dt_binding_check 0
	else
		report dt_binding_check 1
	fi
fi

exit $failed
