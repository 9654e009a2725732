#!/bin/sh
# Prints the list of test commands (guest/run-test.sh runs them) or, with
# 'bench', of benchmark commands (guest/run-bench.sh).  Paths are the
# initramfs's.  Kept small enough for TCG: see README.md for the timings.

# mainline's run_vmtests.sh GUP matrix: memory x command x write x share x n.
gup_matrix() {
	for huge in -t -T "-H"; do
		for cmd in -u -U -a -b -L; do
			for write in -w -W; do
				for share in -S ""; do
					for n in 1 512 123; do
						echo "gup_test -m $GUP_MB $huge $cmd $write $share -n $n" |
							tr -s ' '
					done
				done
			done
		done
	done
}

GUP_MB=${GUP_MB:-128}
case ${1:-test} in
test)
	# Long-term pins on every kind of memory: refused where a file system
	# tracks dirty pages, coherent with the process's memory where taken.
	# First, on the fresh boot: its hugetlb cases are then the first
	# long-term pins of the pool, all in ZONE_MOVABLE (movablecore=).
	echo "gup_longterm -e"
	echo "gup_longterm -e"
	gup_matrix
	# Dump pages 0, 19 and 0x1000 of a THP range, pinned (-F is FOLL_WRITE).
	echo "gup_test -ct -F 0x1 0 19 0x1000"
	echo "madv_populate"
	# Dirty COW and GUP after fork (CVE-2016-5195, CVE-2020-29374).  Each
	# selftest of the series runs twice in one boot: a second run must
	# give the same result (nothing left behind by the first).
	echo "gup_cow"
	echo "gup_cow"
	# Every GUP entry point: first what a correct caller may do, which must
	# not warn; then (-b) the caller bugs too, which provoke warnings in
	# is_valid_gup_args() on purpose, and only there.
	echo "gup_args"
	echo "expect-warn=mm/gup.c:is_valid_gup_args gup_args -b"
	# GUP racing every change of page tables, for GUP_STRESS_SECONDS
	# (make stress runs it alone, for longer).  Up to 8 MiB of memory that no
	# counter explains may come and go (KASAN's stack depot grows by 2).
	echo "gup_stress -t ${GUP_STRESS_SECONDS:-10} -l 8"
	echo "gup_stress -t ${GUP_STRESS_SECONDS:-10} -l 8"
	# The GUP pin check (skipped when it is off): correct releases, which
	# must not be reported nor warn; then (-m) the mistakes gup_test makes
	# on purpose, each reported once, with a warning in gup_pin_report();
	# the THP freed with a pincount is also the page allocator's bad page,
	# and so is the hugetlb page it gives back to the pool pinned, when it
	# shrinks the pool (and grows it back).  Twice: each run makes its
	# mistakes from culprits of its own.
	echo "gup_pin_check"
	echo "expect-warn=mm/gup_pin_check.c:gup_pin_report+bad-page gup_pin_check -m"
	echo "expect-warn=mm/gup_pin_check.c:gup_pin_report+bad-page gup_pin_check -m"
	# Pins balance, without a warning; then (-b) unpin calls given a -errno
	# for a count too, which warn on purpose, and only there.
	echo "gup_pin_balance"
	# io_uring's fixed buffers (a long-term pin whose caller checks the
	# vmas): what it takes and what it refuses, on the VM's ext4 too
	# (-e: a missing ext4 fails the test instead of skipping its cases).
	echo "gup_io_uring -e"
	echo "gup_io_uring -e"
	echo "expect-warn=mm/gup.c:unpin_count_is_errno gup_pin_balance -b"
	# Two calls of each slow entry point over THP, PTE-mapped THP, 4 KiB
	# pages, holes, the zero pages, pages shared with a child, page-table
	# and VMA boundaries, and hugetlb: every page returned, each folio's
	# references and pins before, during and after, the pin counters.
	echo "gup_runs"
	echo "gup_runs"
	;;
bench)
	# -u: get_user_pages_fast(); -a: a short-term pin
	# (pin_user_pages_fast_shortterm() in the series); -a -F 0x10000:
	# pin_user_pages_fast() long-term, the series' default; -L:
	# pin_user_pages() long-term; -U: get_user_pages(); -b: a short-term
	# pin_user_pages().  The base takes the same commands.  -T: 4 KiB pages,
	# -t: THP, -H: hugetlb.  Each at 1, 8, 64, 512 and 4096 pages a call
	# (BENCH_SIZES), to show how each path's cost grows with the work.
	for huge in -T -t -H; do
		for cmd in -u -a '-a -F 0x10000' -L -U -b; do
			for n in ${BENCH_SIZES:-1 8 64 512 4096}; do
				echo "gup_test -m $GUP_MB -r ${REPEATS:-9} $huge $cmd -w -n $n"
			done
		done
	done
	;;
esac
