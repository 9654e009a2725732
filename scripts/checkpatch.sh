#!/usr/bin/env bash
# checkpatch.sh [PATCHDIR]: every patch of the series must pass
# scripts/checkpatch.pl --strict from the base tree with no error, warning or
# check.  Prints one TAP-style line a patch; exits 1 when any failed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pdir=$(realpath "${1:-$TOP/patches}")
"$TOP/scripts/base.sh"
stage "checkpatch --strict: $(wc -l <"$pdir/series") patches"
log=$LOGS/checkpatch.log
: >"$log"
fail=0
while read -r p; do
	# checkpatch reads the tree it runs in (spelling.txt, const_structs);
	# the base tree is the right one for a series posted against it.  That
	# tree is a source tarball with no upstream history, so the commit a
	# 'Fixes:' tag names cannot be looked up in it (UNKNOWN_COMMIT_ID); the
	# tag's form is still checked (GIT_COMMIT_ID), and its id and subject
	# against doc/upstream-ids.txt below.
	if (cd "$TREE" && perl scripts/checkpatch.pl --strict --no-summary \
		--show-types --ignore UNKNOWN_COMMIT_ID "$pdir/$p") >>"$log" 2>&1; then
		echo "ok checkpatch $p"
	else
		echo "not ok checkpatch $p"
		fail=1
	fi
done <"$pdir/series"
# The ids of 'Fixes:' tags, which checkpatch could not look up above: each
# must be one of doc/upstream-ids.txt, with the subject listed there.
ids=$TOP/doc/upstream-ids.txt
while read -r p; do
	while IFS= read -r tag; do
		id=${tag#Fixes: }
		id=${id%% *}
		subject=$(printf '%s\n' "$tag" | sed -n 's/^Fixes: [0-9a-f]* ("\(.*\)")$/\1/p')
		if grep -qxF "$id $subject" "$ids"; then
			echo "ok checkpatch $p: Fixes: $id is a known upstream commit"
		else
			echo "not ok checkpatch $p: Fixes: $id (\"$subject\") is not in doc/upstream-ids.txt"
			fail=1
		fi
	done < <(grep '^Fixes: ' "$pdir/$p" || true)
done <"$pdir/series"
[ $fail -eq 0 ] || { grep -E '^(ERROR|WARNING|CHECK|#)' "$log" | head -30; die "checkpatch reported problems" "$log"; }
done_stage ""
