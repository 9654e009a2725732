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
"$TOP/scripts/boot.sh" "$build/arch/x86/boot/bzImage" "$build/initramfs.cpio" bench "$WORK/runs/bench"
echo "GUP benchmark (median of the repeats, microseconds; TCG: compare only as ratios):"
sed -n 's/^BENCH gup_test //p' "$WORK/runs/bench/job.log" | column -t
grep '^BENCH-FAIL' "$WORK/runs/bench/job.log" && rc=1
exit $rc
