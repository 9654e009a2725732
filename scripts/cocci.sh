#!/usr/bin/env bash
# cocci.sh SRC [FILES...]: GUP pin/put mispairing, with the semantic patch
# SRC/scripts/coccinelle/api/gup_pin_release.cocci (COCCI=FILE overrides).
#  1. The samples in tests/cocci: each bad-*.c must be reported on exactly
#     the lines its '// expect: N...' comment lists, each good-*.c not at all.
#     So a rule that is weakened or a sample that stops being bad fails.
#  2. FILES (paths in SRC), by default the C files the series changes
#     ('git diff --name-only base' in SRC): none may be reported.
# Prints one 'ok'/'not ok' line a check; on failure, the reports and the log
# (work/logs/cocci.log), and exits 1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || die "usage: $0 SRC [FILES...]"
src=$(realpath "$1")
shift
cocci=${COCCI:-$src/scripts/coccinelle/api/gup_pin_release.cocci}
samples=$TOP/tests/cocci
log=$LOGS/cocci.log
: >"$log"

stage "coccinelle: GUP pin/put pairing"
need spatch git
[ -f "$cocci" ] || die "no $cocci: SRC has no gup_pin_release.cocci (COCCI=FILE names another)" "$log"

# reported FILE: the lines spatch reports in FILE, sorted, one a line.
# spatch's own output goes to the log; a spatch failure is fatal.
reported() {
	local out
	{
		echo "== spatch -D report $1"
	} >>"$log"
	out=$(spatch -D report --no-show-diff --very-quiet --no-includes \
		--include-headers --cocci-file "$cocci" "$1" 2>>"$log") ||
		die "spatch failed on $1" "$log"
	[ -z "$out" ] || printf '%s\n' "$out" >>"$log"
	printf '%s\n' "$out" | sed -n 's/^[^:]*:\([0-9][0-9]*\):.*/\1/p' | sort -n | uniq
}

# expected FILE: the lines FILE's '// expect:' comment lists ('none': none).
expected() {
	local want
	want=$(sed -n 's|^// expect:[[:space:]]*||p' "$1" | head -n1)
	[ -n "$want" ] || die "$1 has no '// expect: LINE...' or '// expect: none' comment" "$log"
	[ "$want" = none ] && return 0
	printf '%s\n' "$want" | tr -s ' \t' '\n' | sed '/^$/d' | sort -n | uniq
}

n=0
shopt -s nullglob
for f in "$samples"/bad-*.c "$samples"/good-*.c; do
	n=$((n + 1))
	name=${f##*/}
	want=$(expected "$f")
	got=$(reported "$f")
	case $name in
	bad-*) [ -n "$want" ] || die "$name is a bad sample that expects no report" "$log" ;;
	good-*) [ -z "$want" ] || die "$name is a good sample that expects reports" "$log" ;;
	esac
	if [ "$got" = "$want" ] && [ -z "$want" ]; then
		ok "cocci sample $name: no report"
	elif [ "$got" = "$want" ]; then
		ok "cocci sample $name: reported lines [$(echo "$want" | paste -sd' ')]"
	else
		notok "cocci sample $name: expected lines [$(echo "$want" | paste -sd' ')]," \
			"reported [$(echo "$got" | paste -sd' ')]"
	fi
done
[ "$n" -gt 0 ] || die "no bad-*.c or good-*.c sample in $samples" "$log"

if [ $# -eq 0 ]; then
	git -C "$src" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null ||
		die "$src has no '$BASE_TAG' tag to diff against; name the FILES" "$log"
	mapfile -t files < <(git -C "$src" diff --name-only --diff-filter=d "$BASE_TAG" -- '*.c')
else
	files=("$@")
fi
for f in "${files[@]}"; do
	[ -f "$src/$f" ] || die "no $src/$f" "$log"
	got=$(cd "$src" && reported "$f")
	if [ -z "$got" ]; then
		ok "cocci $f: no pin/put mispairing"
	else
		grep -F "$f:" "$log" | sed 's/^/    /'
		notok "cocci $f: pin/put mispairing reported on lines [$(echo "$got" | paste -sd' ')]"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || die "$failed of $((passed + failed)) checks failed" "$log"
done_stage "$n samples, ${#files[@]} files"
