#!/usr/bin/env bash
# apply.sh [PATCHDIR [DIR]]: make DIR (a work tree of the base repository) the
# pristine base plus the series in PATCHDIR (default patches/) applied with
# 'git am', one commit per patch.  Without DIR: bring work/linux up to date,
# but never throw away work there that was not exported.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pdir=$(realpath "${1:-$TOP/patches}")
dir=${2:+$(realpath -m "$2")}
log=$LOGS/apply.log

# am_series DIR: reset DIR to base and apply the series; dies naming the patch.
am_series() {
	local d=$1 p
	git -C "$d" am --abort >/dev/null 2>&1 || true
	git -C "$d" reset -q --hard "$BASE_TAG"
	git -C "$d" clean -q -fdx -e '/.out-*'
	: >"$log"
	while read -r p; do
		[ -f "$pdir/$p" ] || die "series names $p, which is not in $pdir"
		if ! git -C "$d" am -q --whitespace=nowarn "$pdir/$p" >>"$log" 2>&1; then
			git -C "$d" am --abort >/dev/null 2>&1 || true
			die "$p does not apply to $BASE_TAG" "$log"
		fi
	done <"$pdir/series"
}

[ -f "$pdir/series" ] || die "$pdir/series missing"
"$TOP/scripts/base.sh"

if [ -n "$dir" ]; then
	stage "apply: series onto a fresh base in $(realpath -m --relative-to="$TOP" "$dir")"
	if [ ! -d "$dir" ]; then
		git -C "$TREE" worktree prune
		git -C "$TREE" worktree add -q --detach "$dir" "$BASE_TAG" >"$log" 2>&1 ||
			die "git worktree add failed" "$log"
	fi
	am_series "$dir"
	done_stage "$(wc -l <"$pdir/series") patches"
	exit 0
fi

# work/linux: re-apply only when it holds nothing but an earlier apply.
sid=$(series_id "$pdir")
stamp=$TREE/.git/applied
head=$(git -C "$TREE" rev-parse HEAD)
if [ -f "$stamp" ] && [ "$(cut -d' ' -f1 "$stamp")" = "$sid" ]; then
	exit 0
fi
dirty=$(git -C "$TREE" status --porcelain --untracked-files=no)
if [ -n "$dirty" ] || { [ "$head" != "$(git -C "$TREE" rev-parse "$BASE_TAG")" ] &&
	[ "$head" != "$(cut -d' ' -f2 "$stamp" 2>/dev/null)" ]; }; then
	echo "NOTE: work/linux has work that is not in patches/ (run 'make export');" \
		"building it as it is"
	exit 0
fi
stage "apply: patches/ onto $BASE_TAG in work/linux"
git -C "$TREE" checkout -q master 2>/dev/null || true
am_series "$TREE"
echo "$sid $(git -C "$TREE" rev-parse HEAD)" >"$stamp"
done_stage "$(wc -l <"$pdir/series") patches"
