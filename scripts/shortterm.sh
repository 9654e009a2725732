#!/usr/bin/env bash
# shortterm.sh SRC: checkpatch's GUP_SHORTTERM_PIN rule (SRC's
# scripts/checkpatch.pl, 'checkpatch -f', only that type):
#  1. The samples in tests/shortterm: each bad-*.c must be warned about on
#     exactly the lines its '// expect: N...' comment lists, each good-*.c
#     not at all (so a weakened rule, or a sample that stopped being bad,
#     fails).
#  2. Every file of SRC that calls pin_user_pages_fast_shortterm(): no call
#     without its comment.
# One 'ok'/'not ok' line a check; on failure the warnings are in the log
# (work/logs/shortterm.log), and it exits 1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 SRC"
src=$(realpath "$1")
samples=$TOP/tests/shortterm
log=$LOGS/shortterm.log
: >"$log"

stage "checkpatch GUP_SHORTTERM_PIN"
need perl git
grep -q GUP_SHORTTERM_PIN "$src/scripts/checkpatch.pl" ||
	die "$src/scripts/checkpatch.pl has no GUP_SHORTTERM_PIN rule" "$log"

# warned FILE: the lines of FILE that the rule warns about, one a line.
warned() {
	local out
	echo "== checkpatch -f $1" >>"$log"
	# checkpatch exits 1 when it warns: that is the point here.
	out=$(cd "$src" && perl scripts/checkpatch.pl --no-tree -f --quiet \
		--show-types --types GUP_SHORTTERM_PIN "$1" 2>>"$log") || true
	[ -z "$out" ] || printf '%s\n' "$out" >>"$log"
	printf '%s\n' "$out" | sed -n 's/^#[0-9]*: FILE: [^:]*:\([0-9][0-9]*\):.*/\1/p' |
		sort -n | uniq
}

# expected FILE: the lines FILE's '// expect:' comment lists ('none': none).
expected() {
	local want
	want=$(sed -n 's|^// expect:[[:space:]]*||p' "$1" | head -n1)
	[ -n "$want" ] || die "$1 has no '// expect: LINE...' or '// expect: none' comment" "$log"
	[ "$want" = none ] && return 0
	printf '%s\n' "$want" | tr -s ' \t' '\n' | sed '/^$/d' | sort -n | uniq
}

# oneline TEXT: TEXT's lines as one line, for a message.
oneline() {
	printf '%s' "$1" | tr '\n' ' ' | sed 's/ *$//'
}

fail=0
n=0
shopt -s nullglob
for f in "$samples"/bad-*.c "$samples"/good-*.c; do
	n=$((n + 1))
	name=${f##*/}
	want=$(expected "$f")
	got=$(warned "$f")
	case $name in
	bad-*) [ -n "$want" ] || die "$name is a bad sample that expects no warning" "$log" ;;
	good-*) [ -z "$want" ] || die "$name is a good sample that expects warnings" "$log" ;;
	esac
	if [ "$got" = "$want" ]; then
		echo "ok - shortterm sample $name: warned on line(s) $(oneline "${want:-none}")"
	else
		echo "not ok - shortterm sample $name: warned on '$(oneline "$got")', expected '$(oneline "$want")'"
		fail=1
	fi
done
[ "$n" -gt 0 ] || die "no samples in $samples" "$log"

files=$(cd "$src" && { git grep -l -E '\bpin_user_pages_fast_shortterm\s*\(' -- \
	'*.c' '*.h' ':!Documentation' ':!scripts' ':!tools' || true; })
for f in $files; do
	got=$(warned "$f")
	if [ -z "$got" ]; then
		echo "ok - $f: every pin_user_pages_fast_shortterm() call says why the pin is short"
	else
		echo "not ok - $f: pin_user_pages_fast_shortterm() without a comment on line(s) $(oneline "$got")"
		fail=1
	fi
done
[ "$fail" = 0 ] || { echo "see $log"; exit 1; }
done_stage "$n samples, $(printf '%s\n' "$files" | grep -c .) files"
