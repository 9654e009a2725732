#!/usr/bin/env bash
# A failing step names itself and its log, exits non-zero, and leaves the
# destination patches directory exactly as it was.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/fail-test
rm -rf "$t"
mkdir -p "$t"
cp -r "$TOP/patches" "$t/patches"
before=$(cd "$t/patches" && sha1sum -- *)

# 1. A patch that does not apply.
cp -r "$TOP/patches" "$t/broken"
first=$(head -n1 "$t/broken/series")
sed -i '0,/^@@ .*/s//@@ -1,3 +1,3 @@\n-this line is not in the base/' "$t/broken/$first"
if "$TOP/scripts/apply.sh" "$t/broken" "$WORK/fail-tree" >"$t/out" 2>&1; then
	echo "a broken patch applied"; exit 1
fi
grep -q "^FAILED: apply: .*$first does not apply .*(log: " "$t/out" ||
	{ echo "no clear failure line:"; cat "$t/out"; exit 1; }

# 2. Exporting a tree with uncommitted work refuses and writes nothing.
"$TOP/scripts/apply.sh" "$TOP/patches" "$WORK/fail-tree" >/dev/null
echo "/* scratch */" >>"$WORK/fail-tree/mm/gup.c"
if "$TOP/scripts/export.sh" "$WORK/fail-tree" "$t/patches" >"$t/out" 2>&1; then
	echo "export of a dirty tree succeeded"; exit 1
fi
grep -q '^FAILED: export: .*uncommitted changes' "$t/out" ||
	{ echo "no clear failure line:"; cat "$t/out"; exit 1; }
git -C "$WORK/fail-tree" checkout -q -- mm/gup.c

# 3. Exporting with the cover letter text missing fails before writing.
if (COVER=$t/none "$TOP/scripts/export.sh" "$WORK/fail-tree" "$t/patches" \
	>"$t/out" 2>&1); then
	echo "export without a cover letter succeeded"; exit 1
fi
grep -q '^FAILED: export: ' "$t/out" || { cat "$t/out"; exit 1; }

# 4. A changelog that lacks a patch's entry and has one for no patch: the
# export still works, and warns naming both.
first=$(head -n1 "$TOP/patches/series")
subject=$(git mailinfo /dev/null /dev/null <"$TOP/patches/$first" | sed -n 's/^Subject: //p')
{
	awk -v s="Subject: $subject" '/^Subject: / { skip = $0 == s } !skip' "$TOP/doc/changelog.txt"
	printf 'Subject: a patch that was dropped\nv2: gone.\n'
} >"$t/changelog"
CHANGELOG=$t/changelog "$TOP/scripts/export.sh" "$WORK/fail-tree" "$t/exp" >"$t/out" 2>&1 ||
	{ echo "export failed on changelog warnings:"; cat "$t/out"; exit 1; }
for w in "no changelog entry .* for $first: " "stale changelog entry.*: a patch that was dropped"; do
	grep -q "^WARNING: export: $w" "$t/out" || { echo "no warning '$w':"; cat "$t/out"; exit 1; }
done

[ "$before" = "$(cd "$t/patches" && sha1sum -- *)" ] ||
	{ echo "a failed step changed the patches directory"; exit 1; }
rm -rf "$t"
echo "failures are reported and leave patches/ untouched"
