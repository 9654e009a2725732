#!/usr/bin/env bash
# bisect.sh SRC OUT: every commit of the series in SRC must compile on its
# own.  For each commit, checked out in turn, build the objects of the C files
# it changes that OUT's configuration builds, plus mm/gup.o, with no warning.
# OUT must hold a finished build of SRC's HEAD.  SRC is left at its HEAD.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$(realpath "$1") out=$(realpath "$2")
log=$LOGS/bisect.log
head=$(git -C "$src" rev-parse HEAD)
[ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] ||
	die "$src has uncommitted changes"
stage "bisect: each patch compiles on its own"
: >"$log"
# An earlier commit's Kconfig may not know an option of HEAD's .config
# (one the series adds): make would drop it for good.  Every commit starts
# from HEAD's .config instead, and gets it back at the end.
cp "$out/.config" "$out/.config.bisect"
trap 'git -C "$src" checkout -q "$head"; cp "$out/.config.bisect" "$out/.config"' EXIT
fail=0
# compiles CC: the objects of this commit compile with CC, without a warning.
compiles() {
	make -s -C "$src" O="$out" ARCH=x86_64 CC="$1" -j"$(nproc)" \
		"${objs[@]}" >"$log.one" 2>&1 && ! grep -q 'warning:' "$log.one"
}
for c in $(git -C "$src" rev-list --reverse "$BASE_TAG..$head"); do
	objs=(mm/gup.o)
	while read -r f; do
		[ -f "$out/${f%.c}.o" ] && objs+=("${f%.c}.o")
	done < <(git -C "$src" diff --name-only "$c~1" "$c" -- '*.c')
	git -C "$src" checkout -q "$c"
	cp "$out/.config.bisect" "$out/.config"
	subject=$(git -C "$src" log -1 --format=%s "$c")
	echo "=== $subject: ${objs[*]}" >>"$log"
	# This commit's Kconfig decides what HEAD's options become, without
	# asking: the build's own syncconfig would prompt for a choice whose
	# state differs between this Kconfig and HEAD's .config (the unwinder
	# choice, at some commits) and fail on the closed input.  Its messages (the
	# config fragments' own 'override' warnings) are logged, not judged.
	# A ccache hit found by preprocessing can replay the dependency file
	# of another state of the tree, naming a header this commit does not
	# have (fixdep then fails): a failure is tried again without ccache.
	if make -s -C "$src" O="$out" ARCH=x86_64 olddefconfig >"$log.cfg" 2>&1 &&
		{ compiles "ccache gcc" || CCACHE_DISABLE=1 compiles gcc; }; then
		echo "ok bisect $subject"
	else
		echo "not ok bisect $subject"
		fail=1
	fi
	cat "$log.cfg" "$log.one" >>"$log" 2>/dev/null || true
done
rm -f "$log.one" "$log.cfg"
[ $fail -eq 0 ] || die "a patch does not compile on its own" "$log"
done_stage ""
