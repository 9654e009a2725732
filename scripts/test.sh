#!/usr/bin/env bash
# test.sh: everything CI checks ('make test').  The series in patches/ is
# applied to a fresh base in work/check (work/linux is left alone), then
# checked, built in the normal and the debug variant, booted and tested.
# Each check is a line 'ok ...' or 'not ok ...'; the last line is
# 'N passed, N failed'.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/deps.sh" || { notok "deps"; finish; }
check "shellcheck of the tooling" shellcheck -x "$TOP"/scripts/*.sh "$TOP"/tests/*.sh \
	"$TOP"/.ci/run
check "shellcheck of the guest scripts" shellcheck -s sh "$TOP"/guest/*
for t in "$TOP"/tests/*.sh; do
	check "tooling test ${t##*/}" bash "$t"
done

"$TOP/scripts/checkpatch.sh" >"$LOGS/checkpatch.out" 2>&1
while read -r line; do
	case $line in
	"ok checkpatch "*) ok "${line#ok }" ;;
	"not ok checkpatch "*) notok "${line#not ok }" ;;
	*) echo "    $line" ;;
	esac
done <"$LOGS/checkpatch.out"

# Each patch's changelog entry (written below its '---' line by make
# export): a patch without one is a warning, an entry for no patch an error.
check "changelog: no entry in doc/changelog.txt matches no patch" \
	"$TOP/scripts/changelog.sh" check "$TOP/patches"

src=$WORK/check
check "series applies to the pinned base" "$TOP/scripts/apply.sh" "$TOP/patches" "$src" ||
	finish
# kernel-doc of the file the series is about must be warning-free.
kerneldoc() {
	local out
	out=$(cd "$src" && perl scripts/kernel-doc -none mm/gup.c 2>&1)
	[ -z "$out" ] || { echo "$out"; return 1; }
}
check "kernel-doc -none mm/gup.c is clean" kerneldoc
# The semantic patch that keeps pins and gets released each their own way:
# its samples, and every C file the series touches.
check "coccinelle: GUP pin/put pairing (samples, files the series touches)" \
	"$TOP/scripts/cocci.sh" "$src"
# A short-term pin says why it is short: checkpatch's rule, on its samples
# and on every call in the tree.
check "checkpatch GUP_SHORTTERM_PIN (samples, every call in the tree)" \
	"$TOP/scripts/shortterm.sh" "$src"
# The documentation the series changes: core-api's HTML (pin_user_pages.rst,
# the kernel-doc of mm/gup.c and include/linux/mm*.h) with no warning that
# the base's does not have.
check "make htmldocs SPHINXDIRS=core-api: no warning the base does not have" \
	"$TOP/scripts/htmldocs.sh" "$src"
# Every in-tree caller still compiles: the subset that fits CI's time (the
# full run is 'make callers', reported in the cover letter).
check "GUP callers compile (allmodconfig + s390 + powerpc, subset)" \
	"$TOP/scripts/callers.sh" --subset

for variant in normal debug; do
	build=$src/.out-$variant
	run=$WORK/runs/check-$variant
	check "build ($variant)" "$TOP/scripts/build.sh" "$src" "$build" "$variant" || continue
	if [ "$variant" = normal ]; then
		check "no warnings in files the series touches" \
			"$TOP/scripts/warnings.sh" "$src" "$build.log"
		check "GUP's internal FOLL_* flags cannot be named outside mm/" \
			"$TOP/scripts/flagprobe.sh" "$src" "$build"
	fi
	# KASAN under TCG is slow: the debug kernel runs the same tests on
	# smaller buffers (GUP_MB), which still cover THP and hugetlb.
	# It also has protection keys (config/debug.config): its VM gets a
	# CPU with PKU, so that gup_args checks them instead of skipping.
	mb=128 cpu=
	[ "$variant" = debug ] && mb=16 cpu="-cpu max"
	check "initramfs ($variant)" env GUP_MB=$mb "$TOP/scripts/initramfs.sh" \
		"$src" "$build" || continue
	check "boot ($variant)" env BOOT_QEMU_ARGS="$cpu" "$TOP/scripts/boot.sh" \
		"$build/arch/x86/boot/bzImage" "$build/initramfs.cpio" test "$run" || continue
	"$TOP/scripts/results.sh" "$run" "$src" 2>&1 | sed -u 's/^/    /'
	tally "$run/totals" || notok "selftest results ($variant)"
done
# Each patch compiles on its own (the changed objects of this config): a
# series that only builds at its end is not bisectable.
check "every patch compiles on its own" "$TOP/scripts/bisect.sh" "$src" "$src/.out-normal"
finish
