#!/usr/bin/env bash
# Unpack Debian's linux-source tarball into work/linux as a git repository
# whose first commit is the pristine base, tagged 'base'.  Does nothing when
# that repository already exists.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if git -C "$TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	exit 0
fi

stage "base: unpack $package into work/linux"
need git tar xz
log=$LOGS/base.log
tarball=/usr/src/$package.tar.xz
[ -f "$tarball" ] || die "$tarball missing; run 'make deps'"
pkgver=$(dpkg-query -W -f='${Version}' "$package")

tmp=$WORK/linux.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
run "$log" tar -C "$tmp" --strip-components=1 -xf "$tarball"
{
	git -C "$tmp" init -q -b master &&
		git -C "$tmp" config user.name "$(git -C "$TOP" config user.name || echo gupws)" &&
		git -C "$tmp" config user.email "$(git -C "$TOP" config user.email || echo gupws@localhost)" &&
		git -C "$tmp" config core.abbrev 12 &&
		git -C "$tmp" config diff.renames true &&
		# Debian's tarball ignores every top-level path: force the add.
		git -C "$tmp" add -f -A . &&
		# Fixed dates make the base commit the same on every machine.
		GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" \
			GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" \
			git -C "$tmp" commit -q -m "Linux $pkgver (Debian $package, pristine)" &&
		git -C "$tmp" tag "$BASE_TAG"
} >>"$log" 2>&1 || die "creating the base repository failed" "$log"
echo "$pkgver" >"$tmp/.git/base-version"
rm -rf "$TREE"
mv "$tmp" "$TREE"
done_stage "$package $pkgver, $(git -C "$TREE" ls-files | wc -l) files"
