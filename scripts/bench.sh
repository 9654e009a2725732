#!/usr/bin/env bash
# bench.sh: the series (patches/, applied to a fresh base in work/bench-src)
# against the unpatched base, same config, same initramfs, alternating boots
# for ROUNDS rounds (default 5).  Reports each case as a ratio series/base,
# next to the A/A noise: the spread between the base's own rounds, each
# booted with a different gupws.round=N (see below).
# To find which patch costs what: BENCH_UPTO=N measures only the first N
# patches of the series, BENCH_CASES=REGEX only the matching cases
# (e.g. BENCH_CASES='-H -L' for hugetlb long-term pins).  BENCH_APPEND is
# added to the series' kernel command line only (e.g. gup_pin_check=on, to
# measure what the GUP pin check costs when it is on).  BENCH_SRC=DIR
# measures the kernel tree DIR as it is (work/linux while you edit it)
# instead of applying patches/.  A boot whose guest timed with jiffies
# fails the job, naming its console log (bench_boot, need_clock: lib.sh).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

rounds=${ROUNDS:-5}
src=$WORK/bench-src
pdir=$TOP/patches
if [ -n "${BENCH_UPTO:-}" ]; then
	[[ $BENCH_UPTO =~ ^[0-9]+$ ]] || die "BENCH_UPTO must be a number of patches, not '$BENCH_UPTO'"
	pdir=$WORK/bench-patches
	rm -rf "$pdir"
	mkdir -p "$pdir"
	head -n "$BENCH_UPTO" "$TOP/patches/series" >"$pdir/series"
	while read -r p; do cp "$TOP/patches/$p" "$pdir/"; done <"$pdir/series"
fi
if [ -n "${BENCH_SRC:-}" ]; then
	src=$(realpath "$BENCH_SRC")
	[ -f "$src/mm/gup.c" ] || die "BENCH_SRC=$BENCH_SRC is not a kernel tree"
else
	"$TOP/scripts/apply.sh" "$pdir" "$src"
fi
if [ ! -d "$WORK/base-tree" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$WORK/base-tree" "$BASE_TAG"
fi
sb=$src/.out-normal bb=$WORK/base-tree/.out-normal
"$TOP/scripts/build.sh" "$src" "$sb" normal
"$TOP/scripts/build.sh" "$WORK/base-tree" "$bb" normal
# One initramfs for both kernels: the same user space measures both.
"$TOP/scripts/initramfs.sh" "$src" "$sb"
runs=$WORK/runs/bench
rm -rf "$runs"
for r in $(seq "$rounds"); do
	for k in base series; do
		append=
		if [ $k = base ]; then b=$bb; else b=$sb append=${BENCH_APPEND:-}; fi
		# bench_boot (lib.sh): -icount, so guest time is an instruction
		# count.  Two boots of one kernel on one command line are then
		# all but identical (a few guest us apart at most here), timer
		# ticks included, so their spread says little.  gupws.round=N
		# (which nothing reads) moves where the ticks fall in each timed
		# window, as any other change to the kernel would: the A/A noise
		# is the spread that this alone makes between the base's rounds.
		bench_boot "$b/arch/x86/boot/bzImage" "$sb/initramfs.cpio" "$runs/$k-$r" \
			"gupws.round=$r $append"
		! grep '^BENCH-FAIL' "$runs/$k-$r/job.log" || die "a benchmark failed" "$runs/$k-$r/job.log"
	done
done
{
	echo "guest clock: $(sort -u "$runs"/*/clock | paste -sd' '), QEMU -icount shift=0, one vCPU:" \
		"times in 1000s of guest instructions"
	python3 "$TOP/scripts/benchstat.py" "$runs" "$rounds"
} | tee "$runs/report.txt"
