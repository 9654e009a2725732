#!/usr/bin/env bash
# rangediff.sh: what changed since the previous posting, patch by patch, for
# the changelog entries (doc/changelog.txt): git range-diff of the patches/
# of project commit post_previous (config/post.version), applied to a fresh
# base in work/prev-tree, against work/linux.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

stage "range-diff: patches/ of $post_previous -> work/linux"
log=$LOGS/range-diff.log
prev=$WORK/prev-patches
rm -rf "$prev"
mkdir -p "$prev"
git -C "$TOP" archive "$post_previous" patches 2>"$log" |
	tar -x -C "$prev" --strip-components=1 2>>"$log" ||
	die "no patches/ in project commit $post_previous" "$log"
"$TOP/scripts/apply.sh" "$prev" "$WORK/prev-tree" >>"$log" 2>&1 ||
	die "the previous posting does not apply" "$log"
git -C "$TREE" range-diff --no-color --creation-factor=80 \
	"$BASE_TAG..$(git -C "$WORK/prev-tree" rev-parse HEAD)" "$BASE_TAG..HEAD"
done_stage "$(wc -l <"$prev/series") -> $(git -C "$TREE" rev-list --count "$BASE_TAG..HEAD") patches"
