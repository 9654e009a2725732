#!/usr/bin/env bash
# changelog.sh: the per-patch changelog, doc/changelog.txt (CHANGELOG=FILE
# for another), which 'make export' writes below each patch's '---' line.
#   changelog.sh lint            only the checks that every mode makes
#   changelog.sh entry SUBJECT   print the entry of the patch titled SUBJECT
#                                (nothing when it has none)
#   changelog.sh check PATCHDIR  warn, naming it, about each patch of
#                                PATCHDIR/series without an entry; fail
#                                naming each entry that matches no patch
# Every mode fails on a missing file, on two entries for one subject, and on
# an entry line that git apply could take for the start of a diff.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STAGE=changelog
file=${CHANGELOG:-$TOP/doc/changelog.txt}
rel=$(realpath -m --relative-to="$TOP" "$file")
[ -f "$file" ] || die "$rel missing"
# Below '---', git apply skips text up to the first diff: an entry must not
# look like the start of one.
bad=$(grep -nE '^(diff |--- |\+\+\+ |@@ |Index: |---$)' "$file" || true)
[ -z "$bad" ] || die "$rel:${bad%%:*}: a changelog line must not look like a diff: ${bad#*:}"

# subjects: every 'Subject: ' line of the changelog, as 'LINE<TAB>SUBJECT'.
subjects() {
	awk '/^Subject: / { print NR "\t" substr($0, 10) }' "$file"
}
dup=$(subjects | cut -f2 | sort | uniq -d)
[ -z "$dup" ] || die "$rel has more than one entry for: $dup"

# patch_subject PATCH: the subject git am gives the commit of PATCH.
patch_subject() {
	git mailinfo /dev/null /dev/null <"$1" | sed -n 's/^Subject: //p'
}

case ${1:-} in
lint) ;;
entry)
	# The subject through the environment: awk -v would expand backslashes.
	want=$2 awk '
		/^#/ { next }
		/^Subject: / { on = substr($0, 10) == ENVIRON["want"]; next }
		on { body[++n] = $0 }
		END {
			first = 1; last = n
			while (first <= n && body[first] ~ /^[ \t]*$/) first++
			while (last >= first && body[last] ~ /^[ \t]*$/) last--
			for (i = first; i <= last; i++) print body[i]
		}' "$file"
	;;
check)
	pdir=$2
	have=$(subjects)
	want=
	while read -r p; do
		s=$(patch_subject "$pdir/$p")
		want+="$s"$'\n'
		grep -qxF "$s" <(cut -f2 <<<"$have") ||
			echo "WARNING: no changelog entry in $rel for $p: $s"
	done <"$pdir/series"
	stale=0
	while IFS=$'\t' read -r line s; do
		[ -n "$s" ] || continue
		if ! grep -qxF "$s" <<<"$want"; then
			echo "stale changelog entry, matching no patch: $rel:$line: $s"
			stale=1
		fi
	done <<<"$have"
	[ "$stale" -eq 0 ] || die "$rel has entries that match no patch of $pdir (renamed or dropped?)"
	echo "changelog: $(wc -l <"$pdir/series") patches, $(grep -c . <<<"$have") entries"
	;;
*)
	echo "usage: $0 lint | entry SUBJECT | check PATCHDIR" >&2
	exit 2
	;;
esac
