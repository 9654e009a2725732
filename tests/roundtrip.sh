#!/usr/bin/env bash
# The series survives a round trip: apply patches/ to a fresh base, export
# that tree, apply the export to another fresh base.  Both trees must be
# identical and the exported patches byte-identical to patches/ (headers and
# changelog entries included).  The export is one that can be posted: its
# subjects read [PATCH vN NN/MM], each patch has To: and Cc: and its
# changelog entry below '---', and the cover letter has every patch's
# addresses, the shortlog and the diffstat of the whole series.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

a=$WORK/rt-a b=$WORK/rt-b exp=$WORK/rt-export
rm -rf "$exp"
"$TOP/scripts/apply.sh" "$TOP/patches" "$a" >/dev/null
"$TOP/scripts/export.sh" "$a" "$exp" >/dev/null
"$TOP/scripts/apply.sh" "$exp" "$b" >/dev/null
ta=$(git -C "$a" rev-parse 'HEAD^{tree}') tb=$(git -C "$b" rev-parse 'HEAD^{tree}')
[ "$ta" = "$tb" ] || { echo "trees differ: $ta $tb"; exit 1; }
cmp "$TOP/patches/series" "$exp/series"
while read -r p; do
	cmp "$TOP/patches/$p" "$exp/$p" || { echo "$p differs after the round trip"; exit 1; }
done <"$exp/series"

# headers PATCH: its mail headers, continuation lines joined.
headers() {
	sed '/^$/q' "$1" | sed -e ':a' -e '$!N;s/\n[ \t]\+/ /;ta' -e 'P;D'
}
n=$(wc -l <"$exp/series")
# format-patch numbers with as many digits as the count has: 01/93, 001/110.
w=${#n}
prefix=PATCH
[ "$post_version" -le 1 ] || prefix="PATCH v$post_version"
i=0
while read -r p; do
	i=$((i + 1))
	h=$(headers "$exp/$p")
	grep -qF "Subject: [$prefix $(printf '%0*d' "$w" "$i")/$n] " <<<"$h" ||
		{ echo "$p: no 'Subject: [$prefix $(printf '%0*d' "$w" "$i")/$n]'"; exit 1; }
	grep -q '^To: .*@' <<<"$h" || { echo "$p: no To: header"; exit 1; }
	subject=$(git mailinfo /dev/null /dev/null <"$exp/$p" | sed -n 's/^Subject: //p')
	entry=$("$TOP/scripts/changelog.sh" entry "$subject")
	if [ -n "$entry" ]; then
		[ "$(sed '1,/^---$/d' "$exp/$p" | head -n "$(wc -l <<<"$entry")")" = "$entry" ] ||
			{ echo "$p: its changelog entry is not right below '---'"; exit 1; }
	fi
	# Every address of a patch is in the cover letter's To: or Cc:.
	sed -n 's/^\(To\|Cc\): //p' <<<"$h" | tr ',' '\n' | sed 's/^ *//'
done <"$exp/series" | LC_ALL=C sort -u >"$exp/addresses"
ch=$(headers "$exp/0000-cover-letter.patch")
grep -qF "Subject: [$prefix $(printf '%0*d' "$w" 0)/$n] $(head -n1 "$TOP/doc/cover-letter.txt")" <<<"$ch" ||
	{ echo "cover letter: no 'Subject: [$prefix $(printf '%0*d' "$w" 0)/$n] ' + doc/cover-letter.txt's first line"; exit 1; }
! grep -qF '*** ' "$exp/0000-cover-letter.patch" ||
	{ echo "cover letter: git's placeholder text"; exit 1; }
missing=$(LC_ALL=C comm -23 "$exp/addresses" \
	<(sed -n 's/^\(To\|Cc\): //p' <<<"$ch" | tr ',' '\n' | sed 's/^ *//' | LC_ALL=C sort -u))
[ -z "$missing" ] || { echo "cover letter lacks: $missing"; exit 1; }
# The shortlog lists every subject, the diffstat is the whole series'.
diff <(sed -n '/^[^ ].* ([0-9]*):$/,/^$/p' "$exp/0000-cover-letter.patch" | sed '1d;$d' |
	sed -e ':a' -e '$!N;s/\n    / /;ta' -e 'P;D' | sed 's/^  //') \
	<(git -C "$a" log --reverse --format=%s "$BASE_TAG..HEAD") ||
	{ echo "the cover letter's shortlog is not the series'"; exit 1; }
stat=$(git -C "$a" diff --shortstat "$BASE_TAG" HEAD)
grep -qxF "$stat" "$exp/0000-cover-letter.patch" ||
	{ echo "the cover letter's diffstat does not end with '$stat'"; exit 1; }
echo "round trip: $n patches, [$prefix NN/$n], To/Cc, changelog, tree $ta"
