#!/usr/bin/env bash
# The series survives a round trip: apply patches/ to a fresh base, export
# that tree, apply the export to another fresh base.  Both trees must be
# identical and the exported patches byte-identical to patches/.
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
echo "round trip: $(wc -l <"$exp/series") patches, tree $ta"
