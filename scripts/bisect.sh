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
for c in $(git -C "$src" rev-list --reverse "$BASE_TAG..$head"); do
	objs=(mm/gup.o)
	while read -r f; do
		[ -f "$out/${f%.c}.o" ] && objs+=("${f%.c}.o")
	done < <(git -C "$src" diff --name-only "$c~1" "$c" -- '*.c')
	git -C "$src" checkout -q "$c"
	cp "$out/.config.bisect" "$out/.config"
	subject=$(git -C "$src" log -1 --format=%s "$c")
	echo "=== $subject: ${objs[*]}" >>"$log"
	if make -s -C "$src" O="$out" ARCH=x86_64 CC="ccache gcc" -j"$(nproc)" \
		"${objs[@]}" >"$log.one" 2>&1 && ! grep -q 'warning:' "$log.one"; then
		echo "ok bisect $subject"
	else
		echo "not ok bisect $subject"
		fail=1
	fi
	cat "$log.one" >>"$log"
done
rm -f "$log.one"
[ $fail -eq 0 ] || die "a patch does not compile on its own" "$log"
done_stage ""
