#!/usr/bin/env bash
# export.sh [TREE [DEST]]: write the commits TREE has on top of the 'base' tag
# as git format-patch files plus 'series' into DEST (default: patches/), with
# the cover letter built from doc/cover-letter.txt.  Everything is written to
# a staging directory first: DEST changes only when the whole export worked.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tree=${1:-$TREE}
dest=${2:-$TOP/patches}
cover=${COVER:-$TOP/doc/cover-letter.txt}
stage "export: $(realpath --relative-to="$TOP" "$tree") -> $(realpath -m --relative-to="$TOP" "$dest")"
log=$LOGS/export.log
git -C "$tree" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null ||
	die "no '$BASE_TAG' tag in $tree"
[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
	die "$tree has uncommitted changes: commit them first"
n=$(git -C "$tree" rev-list --count "$BASE_TAG..HEAD")
[ "$n" -gt 0 ] || die "$tree has no commits on top of $BASE_TAG"
[ -f "$cover" ] || die "$cover missing"

stagedir=$(mktemp -d "$(dirname "$(realpath -m "$dest")")/.export.XXXXXX")
trap 'rm -rf "$stagedir"' EXIT
# The cover letter's subject is the first line of doc/cover-letter.txt and
# its body the rest; the branch description is how format-patch takes them.
git -C "$tree" config branch.master.description "$(cat "$cover")"
git -C "$tree" format-patch -q --cover-letter --cover-from-description=subject \
	--zero-commit --no-signature -o "$stagedir" \
	"$BASE_TAG..HEAD" >"$log" 2>&1 || die "git format-patch failed" "$log"
for p in "$stagedir"/[0-9][0-9][0-9][0-9]-*.patch; do
	case ${p##*/} in 0000-cover-letter.patch) ;; *) echo "${p##*/}" ;; esac
done >"$stagedir/series"
[ "$(wc -l <"$stagedir/series")" -eq "$n" ] || die "exported $(wc -l <"$stagedir/series") of $n patches" "$log"

mkdir -p "$dest"
find "$dest" -maxdepth 1 \( -name '*.patch' -o -name series \) -delete
mv "$stagedir"/* "$dest"/
# work/linux now matches patches/: tell apply.sh (see its stamp).
if [ "$(realpath "$tree")" = "$(realpath "$TREE")" ] &&
	[ "$(realpath "$dest")" = "$(realpath "$TOP/patches")" ]; then
	echo "$(series_id "$dest") $(git -C "$tree" rev-parse HEAD)" >"$TREE/.git/applied"
fi
done_stage "$n patches"
