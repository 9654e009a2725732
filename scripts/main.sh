#!/usr/bin/env bash
# main.sh: the main job ('make').  Brings work/linux up to date with
# patches/ (keeping unexported work there), builds it, boots it, runs the
# selftests and the GUP benchmark, and prints both summaries.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/deps.sh"
"$TOP/scripts/apply.sh"
build=$TREE/.out-normal
"$TOP/scripts/build.sh" "$TREE" "$build" normal
"$TOP/scripts/initramfs.sh" "$TREE" "$build"
"$TOP/scripts/boot.sh" "$build/arch/x86/boot/bzImage" "$build/initramfs.cpio" test "$WORK/runs/test"
rc=0
"$TOP/scripts/results.sh" "$WORK/runs/test" "$TREE" || rc=1
# The benchmark boots as 'make bench' boots (bench_boot: TCG, -icount, one
# vCPU, so the guest clock counts instructions), and is refused when the
# guest timed with jiffies.  Only this kernel is measured: ratios against
# the base need the base kernel built too, and several rounds to know the
# noise, which is what 'make bench' does (README.md).
bench=$WORK/runs/bench
bench_boot "$build/arch/x86/boot/bzImage" "$build/initramfs.cpio" "$bench"
echo "GUP benchmark of this kernel alone (median of the in-guest repeats, guest microseconds):"
echo "  clock $(cat "$bench/clock"), booted as 'make bench' boots (QEMU -icount shift=0, one vCPU):"
echo "  1 us = 1000 guest instructions, whatever the host's load.  Ratios against the"
echo "  unpatched base, with their A/A noise: make bench."
sed -n 's/^BENCH gup_test //p' "$bench/job.log" | column -t
grep '^BENCH-FAIL' "$bench/job.log" && rc=1
exit $rc
