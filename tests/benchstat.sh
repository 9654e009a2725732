#!/usr/bin/env bash
# benchstat.py judges the get and the put time of each case against the A/A
# noise, reports which one is slower, and fails on bad input.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/benchstat-test
rm -rf "$t"
# run KERNEL ROUND GET PUT: one boot's job.log with two cases; the second
# ('-b') is the same in every boot.
run() {
	mkdir -p "$t/$1-$2"
	printf 'BENCH gup_test -a get=%s put=%s\nBENCH gup_test -b get=100 put=100\n' \
		"$3" "$4" >"$t/$1-$2/job.log"
}
stat() { python3 "$TOP/scripts/benchstat.py" "$t" 3 >"$t/out" 2>&1; }
fail() { echo "$1:"; cat "$t/out"; exit 1; }

for r in 1 2 3; do run base $r 1000 1000; run series $r 1000 1000; done
stat || fail "equal kernels judged slower"
grep -q '^-a .* ok$' "$t/out" || fail "equal case not ok"

# One instruction in fifteen on the put only: the put is slower, not the get.
for r in 1 2 3; do run series $r 1000 1067; done
! stat || fail "a 6.7% slower put passed"
grep -q '^-a .*slower (put)$' "$t/out" || fail "the put not named"
grep -q '^-b .* ok$' "$t/out" || fail "the unchanged case not ok"
grep -q 'cases slower than noise: 1$' "$t/out" || fail "wrong count"

# Within the 1% floor, and within three times the A/A noise.
for r in 1 2 3; do run series $r 1009 1000; done
stat || fail "0.9% judged slower"
run base 2 1040 1000
for r in 1 2 3; do run series $r 1100 1000; done
stat || fail "10% with 4% A/A noise judged slower"

rm "$t/series-2/job.log" && touch "$t/series-2/job.log"
! stat || fail "an empty job.log passed"
grep -q 'no BENCH lines in .*series-2/job.log' "$t/out" || fail "no clear error"
