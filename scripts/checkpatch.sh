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
	# tag's form is still checked (GIT_COMMIT_ID).
	if (cd "$TREE" && perl scripts/checkpatch.pl --strict --no-summary \
		--show-types --ignore UNKNOWN_COMMIT_ID "$pdir/$p") >>"$log" 2>&1; then
		echo "ok checkpatch $p"
	else
		echo "not ok checkpatch $p"
		fail=1
	fi
done <"$pdir/series"
[ $fail -eq 0 ] || { grep -E '^(ERROR|WARNING|CHECK|#)' "$log" | head -30; die "checkpatch reported problems" "$log"; }
done_stage ""
