#!/usr/bin/env bash
# Benchmark times are refused when the guest clock was jiffies: need_clock
# on sample consoles (the last clocksource line wins), then bench_boot, the
# boot of every job that prints times, through boot.sh with a stand-in QEMU
# that checks the clock setup (TCG, -icount, one vCPU) and writes the logs.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/clock-test
rm -rf "$t"
mkdir -p "$t/bin"
fail() { echo "$1:"; cat "$t/out"; exit 1; }
# console LINE...: a kernel console as the serial port writes it (CR LF).
console() {
	{
		echo '[    0.000000] Linux version 6.1.0 (gupws) #1 SMP'
		printf '%s\n' "$@"
		echo '[    2.000000] Run /init as init process'
	} | sed 's/$/\r/' >"$t/console.log"
}
# Lines of real boots: a bench boot as bench_boot makes it (-icount, one
# vCPU), and a plain TCG boot of the same kernel on a busy host.
tsc_early='[    0.325289] clocksource: Switched to clocksource tsc-early'
tsc='[    1.328614] clocksource: Switched to clocksource tsc'
jiffies='[    0.660000] clocksource: Switched to clocksource refined-jiffies'
unstable='[    0.040000] tsc: Marking TSC unstable due to could not calculate TSC khz'
ok() { # ok CLOCK DESCRIPTION: need_clock accepts the console, names CLOCK
	(need_clock "$t/console.log") >"$t/out" 2>&1 || fail "$2: refused"
	[ "$(cat "$t/out")" = "$1" ] || fail "$2: not '$1'"
}
refused() { # refused WHY DESCRIPTION: need_clock refuses it, names the log
	! (need_clock "$t/console.log") >"$t/out" 2>&1 || fail "$2: accepted"
	grep -q "^FAILED: .*$1.*neither printed nor judged (log: $t/console.log)$" "$t/out" ||
		fail "$2: no clear failure line"
}

console "$tsc_early" "$tsc"
ok tsc "tsc-early, then tsc"
console "$tsc_early"
ok tsc-early "tsc-early only"
console "$unstable" "$jiffies"
refused "clocksource was refined-jiffies" "TSC unstable, refined-jiffies"
grep -q '^    .*Switched to clocksource refined-jiffies$' "$t/out" ||
	fail "the clocksource lines not shown"
console "$tsc_early" "$tsc" "$jiffies"
refused "clocksource was refined-jiffies" "tsc, then refined-jiffies (the last one wins)"
console "$jiffies" "$tsc"
ok tsc "refined-jiffies, then tsc (the last one wins)"
console '[    0.3] clocksource: Switched to clocksource jiffies'
refused "clocksource was jiffies" "jiffies"
console
refused "clock is unknown" "no clocksource line"
rm "$t/console.log"
refused "clock is unknown" "no console log"

# bench_boot through boot.sh, QEMU replaced by a script that records its
# arguments and writes CONSOLE as the kernel console, a BENCH line as the job.
cat >"$t/bin/qemu-system-x86_64" <<'EOF'
#!/bin/sh
printf '%s\n' "$@" >"$FAKE_DIR/args"
con=
while [ $# -gt 0 ]; do
	case $1 in
	-serial)
		if [ -z "$con" ]; then con=${2#file:}; else job=${2#file:}; fi
		shift
		;;
	esac
	shift
done
cp "$FAKE_DIR/console.log" "$con"
printf 'BENCH gup_test -T -u -w -n 1 get=1234 put=56\nGUPWS-END\n' >"$job"
EOF
chmod +x "$t/bin/qemu-system-x86_64"
: >"$t/bzImage"
: >"$t/initramfs.cpio"
boot() { # boot: bench_boot into $t/run, output in $t/out
	(PATH=$t/bin:$PATH FAKE_DIR=$t ACCEL=kvm BOOT_SMP=2 BOOT_QEMU_ARGS=-foo \
		bench_boot "$t/bzImage" "$t/initramfs.cpio" "$t/run") >"$t/out" 2>&1
}

console "$tsc_early" "$tsc"
boot || fail "bench_boot of a tsc guest failed"
[ "$(cat "$t/run/clock")" = tsc ] || fail "clock '$(cat "$t/run/clock")', not tsc"
args=" $(paste -sd' ' "$t/args") "
for a in '-accel tcg' '-smp 1' '-icount shift=0,sleep=off' '-append .* gupws.job=bench'; do
	grep -q -e " $a " <<<"$args" || fail "QEMU not run with '$a'"
done
! grep -q -e ' -foo ' <<<"$args" || fail "BOOT_QEMU_ARGS not replaced"

console "$unstable" "$jiffies"
! boot || fail "bench_boot of a refined-jiffies guest passed"
grep -q "^FAILED: .*clocksource was refined-jiffies.*(log: $t/run/console.log)$" "$t/out" ||
	fail "bench_boot: no clear failure line"
rm -rf "$t"
echo "clock: jiffies guests refused (with the log named), tsc ones accepted"
