#!/usr/bin/env bash
# post.sh: the rest of 'make post', after 'make export' wrote patches/ from
# work/linux: no changelog entry that matches no patch, checkpatch --strict
# clean, core-api's HTML of work/linux without a warning the base does not
# have.  Ends with the command that sends the series as it is.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$TOP/scripts/changelog.sh" check "$TOP/patches"
out=$LOGS/checkpatch.out
"$TOP/scripts/checkpatch.sh" >"$out" || { grep '^not ok' "$out"; exit 1; }
"$TOP/scripts/htmldocs.sh" "$TREE"
echo "Ready to post $(wc -l <"$TOP/patches/series") patches; each file has its To: and Cc:."
echo "  git send-email --dry-run patches/*.patch   # then without --dry-run"
