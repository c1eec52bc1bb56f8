#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# amp_mode=demo: what the stack does, for a person at the terminal. Loads
# the drivers, starts the reference firmware on CPU1 through sysfs, shows
# its trace, the rpmsg channels it announces, an echo exchange through
# /dev/rpmsgN and the rpmsg-tty round trip, then stops it. Exits non-zero at the first thing that goes wrong, after
# saying what.

. /amp/lib/rproc.sh

FW=rpmsg-echo.elf
RAW=1024	# 0x400: the echo endpoint (rpmsg-raw)

step() { printf '\n-- %s\n' "$*"; }
say() { printf '   %s\n' "$*"; }
die() {
	printf '\namp-demo: FAILED: %s\n' "$*"
	exit 1
}

# Kernel messages of note since the last mark, indented.
mark() { kmsg_mark=$(dmesg | wc -l); }
kernel_lines() {
	dmesg | tail -n +$((kmsg_mark + 1)) | grep -E "$1" |
		sed 's/^\[[ 0-9.]*\] */   kernel: /'
}

# Seconds since boot, to the hundredth.
now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }

printf '== amp-rproc demo: Linux %s (%s) on CPU0, the remote on CPU1 ==\n' \
	"$(uname -r)" "$(uname -m)"
if [ -e /proc/lockdep ]; then
	say "booted in $(now) s (QEMU TCG; lockdep and other debug options slow this kernel)"
else
	say "booted in $(now) s (QEMU TCG)"
fi

step "loading the drivers: amp_psci_reset, amp_mbox, amp_rproc"
mark
for m in amp_psci_reset amp_mbox amp_rproc; do
	modprobe "$m" || die "modprobe $m"
done
wait_for 'rproc_dir' 50 || die "no remoteproc bound to amp_rproc"
r=$(rproc_dir)
rp=${r##*/}
kernel_lines 'amp_rproc|remoteproc'
say "$r: firmware $(cat "$r/firmware"), state $(cat "$r/state")"
[ "$(cat "$r/state")" = offline ] || die "state is not offline"

step "echo $FW > $r/firmware; echo start > $r/state"
mark
t0=$(now)
echo "$FW" >"$r/firmware" || die "cannot set the firmware"
echo start >"$r/state" || die "start failed"
say "state: offline -> $(cat "$r/state") ($(elapsed "$t0" "$(now)") s)"
[ "$(cat "$r/state")" = running ] || die "state is not running"
dev=$(rpmsg_dev "$RAW") || die "no rpmsg device for address 0x400"
say "$dev ready after $(elapsed "$t0" "$(now)") s"
kernel_lines 'remoteproc|rproc|virtio|rpmsg'

step "the remote's trace: /sys/kernel/debug/remoteproc/$rp/trace0"
rproc_trace | grep . | sed 's/^/   | /'
rproc_trace | grep -q 'rpmsg-echo: up' || die "no trace from the remote"

step "rpmsg channels the remote announced (/sys/bus/rpmsg/devices)"
for d in /sys/bus/rpmsg/devices/*; do
	[ -e "$d/dst" ] || continue
	dst=$(cat "$d/dst")
	# The bus's own devices (name service, control) have no remote end.
	[ "$dst" = 0xffffffff ] || [ $((dst)) -lt 1024 ] && continue
	say "$(printf '%-20s' "$(cat "$d/name")") remote address $dst"
done

step "messages through $dev, each printed as it comes back"
# One message per write() and per read(). The reader runs in the
# background so that a lost echo times out; it holds the device only
# while it runs (rpmsg char devices open once at a time).
exec 3<>"$dev" || die "cannot open $dev"
for msg in "hello from Linux on CPU0" "the remote runs bare metal on CPU1" \
	"rpmsg over virtio, kicked through the mailbox" "bye"; do
	dd bs=512 count=1 <&3 >/tmp/echo 2>/dev/null &
	reader=$!
	printf '%s' "$msg" >&3 || die "write to $dev"
	say "sent \"$msg\""
	if ! wait_for "! kill -0 $reader" 50; then
		kill "$reader"
		die "no echo within 5 s on $dev"
	fi
	got=$(cat /tmp/echo)
	say "  got \"$got\""
	[ "$got" = "$msg" ] || die "echo mismatch on $dev"
done
exec 3<&-

step "rpmsgbench echo: 200 random messages of 1..496 bytes, checked byte for byte"
out=$(rpmsgbench echo -n 200 -m 1 -M 496 "$dev" 2>&1) || die "$out"
say "$out"

tty=$(ls /dev/ttyRPMSG* 2>/dev/null | head -n 1)
step "rpmsg-tty round trip through ${tty:-/dev/ttyRPMSG?}"
[ -c "$tty" ] || die "no rpmsg tty"
stty -F "$tty" raw -echo
exec 3<>"$tty"
printf 'line over a tty\n' >&3
got=$(timeout 5 head -c 16 <&3)
exec 3<&-
say "sent \"line over a tty\", got \"$(echo "$got" | tr -d '\n')\""
[ "$got" = "line over a tty" ] || die "rpmsg-tty echo mismatch"

step "echo stop > $r/state"
mark
t0=$(now)
echo stop >"$r/state" || die "stop failed"
wait_for '[ "$(cat '"$r"'/state)" = offline ]' 100 || die "state is not offline"
say "state: running -> $(cat "$r/state") ($(elapsed "$t0" "$(now)") s)"
kernel_lines 'remoteproc|rproc'
rpmsg_dev_now "$RAW" >/dev/null && die "$dev still there after stop"
say "$dev is gone"
modprobe -r amp_rproc || die "cannot unload the drivers"
exit 0
