#!/usr/bin/env bash
# htmldocs.sh [SRC]: the documentation the series changes builds without a
# new warning.  'make htmldocs SPHINXDIRS=core-api' of SRC (default
# work/linux; core-api holds pin_user_pages.rst and the kernel-doc of
# mm/gup.c and include/linux/mm*.h) must print no warning or error that the
# pristine base's does not print too.  The base's own (6.1 with Debian's
# Sphinx: slab.h's kernel-doc, a toctree entry outside core-api, no dot(1))
# are found by building the base the same way, once: its warnings are kept
# in work/htmldocs-base/, keyed by the base and Sphinx versions.  Warnings
# are compared without line numbers and tree paths, so that the base's
# warnings still match in a file the series changes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$(realpath "${1:-$TREE}")
need sphinx-build make
stage "htmldocs core-api: $(realpath --relative-to="$TOP" "$src")"
log=$LOGS/htmldocs.log
cache=$WORK/htmldocs-base

# docs DIR LOG: core-api's HTML of DIR, from scratch (Sphinx does not
# repeat the warnings of a document it does not read again), in DIR/.out-docs.
docs() {
	rm -rf "$1/.out-docs"
	make -C "$1" O="$1/.out-docs" -j2 htmldocs SPHINXDIRS=core-api >"$2" 2>&1 ||
		die "make htmldocs SPHINXDIRS=core-api failed in $1" "$2"
}
# warnings DIR < LOG: its warning and error lines, with DIR's path and line
# numbers taken out, sorted.
warnings() {
	grep -E '(WARNING|ERROR|SEVERE|CRITICAL)|(warning|error):' |
		sed -e "s|$1/||g" -e 's|:[0-9][0-9]*:|:|g' | LC_ALL=C sort || true
}

key="$package $version, $(sphinx-build --version 2>&1)"
if [ "$(cat "$cache/key" 2>/dev/null)" != "$key" ]; then
	base=$cache/linux
	rm -rf "$cache"
	mkdir -p "$cache"
	"$TOP/scripts/base.sh"
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$base" "$BASE_TAG" >"$cache/worktree.log" 2>&1 ||
		die "git worktree add of $BASE_TAG failed" "$cache/worktree.log"
	docs "$base" "$cache/htmldocs.log"
	warnings "$base" <"$cache/htmldocs.log" >"$cache/warnings"
	# Only the warnings are needed again: drop the checkout.
	git -C "$TREE" worktree remove --force "$base"
	echo "$key" >"$cache/key"
fi

docs "$src" "$log"
warnings "$src" <"$log" >"$log.warnings"
new=$(LC_ALL=C comm -13 "$cache/warnings" "$log.warnings")
if [ -n "$new" ]; then
	# Show them as Sphinx printed them, line numbers included.
	grep -E '(WARNING|ERROR|SEVERE|CRITICAL)|(warning|error):' "$log" |
		while IFS= read -r line; do
			w=$(sed -e "s|$src/||g" -e 's|:[0-9][0-9]*:|:|g' <<<"$line")
			! grep -qxF -- "$w" <<<"$new" || echo "$line"
		done
	die "$(grep -c . <<<"$new") warning(s) that the base's core-api does not have" "$log"
fi
done_stage "no new warning; the base has $(grep -c . "$cache/warnings" || true)"
