#!/usr/bin/env bash
# test-arm64.sh: 'make test-arm64': the GUP selftests on arm64, whose GUP-fast
# and huge page paths are architecture code of their own.  The series in
# patches/ is applied to a fresh base in work/check-arm64, cross-compiled
# for arm64 (tinyconfig + config/kernel.config [+ debug.config] +
# config/arm64.config + config/series[-debug].config: scripts/build.sh) in
# the normal and the debug (KASAN + lockdep) variant, and each is booted
# under QEMU's virt machine (TCG) with the same initramfs job as 'make
# test': guest/tests.sh's list, the selftests cross-compiled statically,
# Debian's arm64 busybox.  Each check is a line 'ok ...' or 'not ok ...';
# the last line is 'N passed, N failed'.  Not part of 'make test'.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

export GUPWS_ARCH=arm64
arch_setup

"$TOP/scripts/deps.sh" arm64 || { notok "deps (arm64)"; finish; }

src=$WORK/check-arm64
check "series applies to the pinned base" "$TOP/scripts/apply.sh" "$TOP/patches" "$src" ||
	finish
for variant in normal debug; do
	build=$src/.out-$variant
	run=$WORK/runs/check-arm64-$variant
	check "build (arm64 $variant)" "$TOP/scripts/build.sh" "$src" "$build" "$variant" ||
		continue
	if [ "$variant" = normal ]; then
		check "no warnings in files the series touches (arm64)" \
			"$TOP/scripts/warnings.sh" "$src" "$build.log"
	fi
	# As on x86 (test.sh): KASAN under TCG is slow, the debug kernel runs
	# the same tests on smaller buffers.  arm64 has no protection keys in
	# 6.1: gup_args skips those cases in both variants.
	mb=128
	[ "$variant" = debug ] && mb=16
	check "initramfs (arm64 $variant)" env GUP_MB=$mb "$TOP/scripts/initramfs.sh" \
		"$src" "$build" || continue
	check "boot (arm64 $variant)" "$TOP/scripts/boot.sh" \
		"$build/$KIMAGE_PATH" "$build/initramfs.cpio" test "$run" || continue
	"$TOP/scripts/results.sh" "$run" "$src" 2>&1 | sed -u 's/^/    /'
	tally "$run/totals" || notok "selftest results (arm64 $variant)"
done
finish
