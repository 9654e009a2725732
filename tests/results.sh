#!/usr/bin/env bash
# results.sh tells an expected warning (declared by the test, inside its
# window, in the declared function) from every other kernel report, and
# counts TAP results.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/results-test
rm -rf "$t"
mkdir -p "$t"
job() {
	printf 'TAP version 13\n1..2\nok 1 a\n%s\nGUPWS-END\n' "$1" >"$t/job.log"
}
warn='WARNING: CPU: 0 PID: 80 at mm/gup.c:2100 is_valid_gup_args+0x4e/0x90'
expect() { # expect PASS|FAIL DESCRIPTION
	local want=$1 got=PASS
	"$TOP/scripts/results.sh" "$t" >"$t/out" 2>&1 || got=FAIL
	[ "$got" = "$want" ] || { echo "$2: got $got, want $want"; cat "$t/out"; exit 1; }
}

job "ok 2 b"
printf 'boot\ngupws: expect-warn begin is_valid_gup_args\n%s\ngupws: expect-warn end is_valid_gup_args\n' \
	"$warn" >"$t/console.log"
expect PASS "declared warning in its window"
grep -q 'expected warnings: 1' "$t/out" || { echo "expected warning not counted"; exit 1; }
# The serial console writes CR LF.
sed -i 's/$/\r/' "$t/console.log"
expect PASS "declared warning in its window, CR LF line ends"

printf 'boot\n%s\n' "$warn" >"$t/console.log"
expect FAIL "warning outside any window"

# FILE:FUNC with a source tree: the warning is judged by the line it comes
# from, so an inlined FUNC (reported under its caller's name) is recognised,
# and a warning from another line of the same file is not.
mkdir -p "$t/src/mm"
printf 'int x;\nstatic inline bool is_valid_gup_args(void)\n{\n\tWARN_ON_ONCE(1);\n}\n' \
	>"$t/src/mm/gup.c"
window() {
	printf 'gupws: expect-warn begin mm/gup.c:is_valid_gup_args\r\n%s\r\n' "$1"
	printf 'gupws: expect-warn end mm/gup.c:is_valid_gup_args\r\n'
}
expect_src() { # like expect, with the source tree
	local want=$1 got=PASS
	"$TOP/scripts/results.sh" "$t" "$t/src" >"$t/out" 2>&1 || got=FAIL
	[ "$got" = "$want" ] || { echo "$2: got $got, want $want"; cat "$t/out"; exit 1; }
}
window 'WARNING: CPU: 0 PID: 9 at mm/gup.c:4 get_user_pages_fast+0x1/0x9' >"$t/console.log"
expect_src PASS "inlined FUNC, warning from its lines"
window 'WARNING: CPU: 0 PID: 9 at mm/gup.c:1 get_user_pages_fast+0x1/0x9' >"$t/console.log"
expect_src FAIL "warning from another line of the file"
window 'WARNING: CPU: 0 PID: 9 at mm/other.c:4 foo+0x1/0x9' >"$t/console.log"
expect_src FAIL "warning from another file"

printf 'gupws: expect-warn begin other_func\n%s\ngupws: expect-warn end other_func\n' \
	"$warn" >"$t/console.log"
expect FAIL "warning in another function than declared"

for r in 'BUG: KASAN: use-after-free in foo+0x1/0x2' 'WARNING: possible circular locking dependency detected' \
	'Oops: 0000 [#1] SMP' 'BUG: unable to handle page fault for address: 0'; do
	printf 'gupws: expect-warn begin is_valid_gup_args\n%s\n' "$r" >"$t/console.log"
	expect FAIL "report '$r'"
done

# A bad page is expected only in a window that declares +bad-page.
bad='BUG: Bad page state in process gup_pin_check  pfn:1a200'
printf 'gupws: expect-warn begin mm/gup.c:is_valid_gup_args+bad-page\n%s\n%s\n' "$bad" \
	'WARNING: CPU: 0 PID: 9 at mm/gup.c:4 get_user_pages_fast+0x1/0x9' |
	sed '$a gupws: expect-warn end mm/gup.c:is_valid_gup_args+bad-page' >"$t/console.log"
expect_src PASS "bad page and warning in a +bad-page window"
grep -q 'expected warnings: 2' "$t/out" || { echo "bad page not counted"; cat "$t/out"; exit 1; }
printf 'gupws: expect-warn begin mm/gup.c:is_valid_gup_args\n%s\n' "$bad" >"$t/console.log"
expect_src FAIL "bad page in a window without +bad-page"
printf 'gupws: expect-warn begin x:y+bad-page\ngupws: expect-warn end x:y+bad-page\n%s\n' \
	"$bad" >"$t/console.log"
expect_src FAIL "bad page after its window"

printf 'clean\n' >"$t/console.log"
job "not ok 2 b"
expect FAIL "a failing test"
job ""
expect FAIL "a test that never reported"
[ "$(cat "$t/totals")" = "2 1 0" ] || { echo "totals $(cat "$t/totals")"; exit 1; }
job "ok 2 b # SKIP"
expect PASS "a skip"
[ "$(cat "$t/totals")" = "2 0 1" ] || { echo "totals $(cat "$t/totals")"; exit 1; }
# A boot that died before its job printed anything: no plan, no results.
: >"$t/job.log"
expect FAIL "a job with no results at all"
rm -rf "$t"
echo "results: expected and unexpected kernel reports told apart"
