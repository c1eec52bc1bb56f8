#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Many lifecycles in a row: start, echo, stop cycles and crash/recovery
# cycles of the reference firmware, with the kernel's memory use read
# before and after, which must stay flat. make check runs a short soak;
# make soak passes the long one on the kernel command line
# (amp_soak_cycles, amp_soak_crashes).

. /amp/lib/kmsg.sh
. /amp/lib/ktap.sh
. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: echo endpoint
CYCLES=${amp_soak_cycles:-10}
CRASHES=${amp_soak_crashes:-3}
# Growth allowed over the whole soak, in kB. KASAN holds freed objects in
# a quarantine of up to 1/32 of RAM before they go back to the slab, so
# slab growth is only bounded loosely there; kmemleak is the exact check.
# (Asked of the symbol table: the boot's KASAN line may have left dmesg.)
if grep -q -m 1 ' kasan_report$' /proc/kallsyms; then
	SLAB_SLACK=8192
else
	SLAB_SLACK=512
fi
VMALLOC_SLACK=512
# DMA memory (the CMA area dma_alloc_coherent() takes from) may only be
# held by what is still loaded: the same after the soak, to a page.
CMA_SLACK=4

ktap_plan 6

modprobe amp_psci_reset
modprobe amp_mbox
modprobe amp_rproc
wait_for '[ "$(rproc_state)" = offline ]' 50

# Slab, unreclaimable slab and vmalloc use and free CMA in kB, after
# dropping caches.
mem() {
	echo 3 >/proc/sys/vm/drop_caches
	sleep 1
	awk '/^Slab:/ { s = $2 } /^SUnreclaim:/ { u = $2 }
	     /^VmallocUsed:/ { v = $2 } /^CmaFree:/ { c = $2 }
	     END { print s, u, v, c + 0 }' /proc/meminfo
}

# Sets dev to the echo endpoint's node, with the shell's own reads: every
# fork costs under TCG, and cycles make many.
soak_dev() {
	n=0
	while :; do
		for d in /sys/class/rpmsg/rpmsg[0-9]*; do
			[ -e "$d/dst" ] || continue
			read -r dst <"$d/dst"
			dev=/dev/${d##*/}
			[ "$dst" = "$RAW" ] && [ -c "$dev" ] && return 0
		done
		n=$((n + 1))
		[ "$n" -ge 100 ] && return 1
		sleep 0.05
	done
}

one_cycle() {
	rproc_start "$FW" && soak_dev &&
		rpmsgbench echo -n 10 "$dev" >/dev/null && rproc_stop
}

# A warm-up cycle first: the first start fills caches that then stay.
one_cycle
set -- $(mem)
slab0=$1 unrec0=$2 vmalloc0=$3 cma0=$4

cycles() {
	i=0
	while [ "$i" -lt "$CYCLES" ]; do
		one_cycle || { echo "cycle $i failed"; return 1; }
		i=$((i + 1))
	done
	echo "$CYCLES cycles"
}
ktap_result start_echo_stop_cycles cycles

crash_cycles() {
	rproc_start "$FW" || return 1
	echo disabled >"$(rproc_dir)/coredump"
	i=0
	while [ "$i" -lt "$CRASHES" ]; do
		soak_dev || { echo "crash $i: no echo device"; return 1; }
		log_mark
		rproc_fault crash || return 1
		wait_for 'log_since | grep -q "handling crash #"' 50 ||
			{ echo "crash $i: not handled"; return 1; }
		wait_for '[ "$(rproc_state)" = running ]' 100 ||
			{ echo "crash $i: not recovered"; return 1; }
		soak_dev && rpmsgbench echo -n 10 "$dev" >/dev/null ||
			{ echo "crash $i: no echo after recovery"; return 1; }
		i=$((i + 1))
	done
	echo enabled >"$(rproc_dir)/coredump"
	rproc_stop
}
ktap_result crash_recovery_cycles crash_cycles

set -- $(mem)
kmsg "amp-soak: $CYCLES cycles, $CRASHES crashes: slab $slab0 -> $1 kB, unreclaimable $unrec0 -> $2 kB, vmalloc $vmalloc0 -> $3 kB, CMA free $cma0 -> $4 kB"
ktap_result slab_flat [ $(($2 - unrec0)) -le "$SLAB_SLACK" ]
ktap_result vmalloc_flat [ $(($3 - vmalloc0)) -le "$VMALLOC_SLACK" ]
ktap_result dma_flat [ $((cma0 - $4)) -le "$CMA_SLACK" ]
ktap_result unload_after_soak modprobe -r amp_rproc
ktap_finish
