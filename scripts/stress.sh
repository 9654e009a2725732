#!/usr/bin/env bash
# stress.sh: 'make stress DURATION=SECONDS' (default 600) [VARIANT=normal].
# Builds work/linux (patches/ applied, as 'make' does) in the debug variant
# (KASAN, lockdep, the GUP pin check on; about 650 GUP calls a second here)
# or the normal one (about 3500), boots it with gup_stress alone for DURATION
# seconds, and prints its GUP calls, calls a second and checks, and every
# kernel report the console holds.  Exit 1 when a check failed or the
# kernel reported anything.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

duration=${DURATION:-600}
case $duration in
'' | *[!0-9]*) die "DURATION must be a number of seconds, not '$duration'" ;;
esac
[ "$duration" -ge 1 ] || die "DURATION must be at least 1"
variant=${VARIANT:-debug}
case $variant in
normal) mb=128 cpu= ;;
debug) mb=16 cpu="-cpu max" ;;
*) die "VARIANT must be debug or normal, not '$variant'" ;;
esac

"$TOP/scripts/deps.sh"
"$TOP/scripts/apply.sh"
build=$TREE/.out-$variant
run=$WORK/runs/stress-$variant
"$TOP/scripts/build.sh" "$TREE" "$build" "$variant"
# The VM as 'make test' boots this variant, with only the stress test, and
# time for it and the boot.
GUP_MB=$mb GUP_STRESS_SECONDS=$duration TEST_CASES='^gup_stress ' \
	"$TOP/scripts/initramfs.sh" "$TREE" "$build"
BOOT_QEMU_ARGS="$cpu" BOOT_TIMEOUT=$((duration + 900)) \
	"$TOP/scripts/boot.sh" "$build/arch/x86/boot/bzImage" "$build/initramfs.cpio" test "$run"
rc=0
"$TOP/scripts/results.sh" "$run" "$TREE" || rc=1
echo "gup_stress, $variant kernel, ${duration}s (log: $run/job.log):"
sed -n 's/^# # //p; s/^# \(\(not \)\{0,1\}ok [0-9].*\)/  \1/p' "$run/job.log" | sed 's/^/  /'
exit $rc
