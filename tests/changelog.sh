#!/usr/bin/env bash
# The check of the per-patch changelog (doc/changelog.txt; make test checks
# the real one): a patch without an entry is only warned about, by name; an
# entry that matches no patch (renamed or dropped) fails the check, naming
# it; a line that git apply could take for a diff is refused.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/changelog-test
rm -rf "$t"
mkdir -p "$t"
cl=$TOP/doc/changelog.txt
cs=$TOP/scripts/changelog.sh

# 1. A patch's entry missing: a warning naming the patch, no failure.
first=$(head -n1 "$TOP/patches/series")
subject=$(git mailinfo /dev/null /dev/null <"$TOP/patches/$first" | sed -n 's/^Subject: //p')
awk -v s="Subject: $subject" '/^Subject: / { skip = $0 == s } !skip' "$cl" >"$t/missing"
CHANGELOG=$t/missing "$cs" check "$TOP/patches" >"$t/out" 2>&1 ||
	{ echo "a missing entry failed the check:"; cat "$t/out"; exit 1; }
grep -qF "WARNING: no changelog entry in $(realpath -m --relative-to="$TOP" "$t/missing") for $first: " "$t/out" ||
	{ echo "no warning naming $first:"; cat "$t/out"; exit 1; }
[ -z "$(CHANGELOG=$t/missing "$cs" entry "$subject")" ] || { echo "an entry for $first"; exit 1; }

# 2. A stale entry: the check fails, naming it.
{ cat "$cl"; printf '\nSubject: mm/gup: a patch that was dropped\nv2: gone.\n'; } >"$t/stale"
if CHANGELOG=$t/stale "$cs" check "$TOP/patches" >"$t/out" 2>&1; then
	echo "a stale entry passed the check"; exit 1
fi
grep -q "^stale changelog entry, matching no patch: .*: mm/gup: a patch that was dropped" "$t/out" ||
	{ cat "$t/out"; exit 1; }
grep -q '^FAILED: changelog: ' "$t/out" || { cat "$t/out"; exit 1; }

# 3. Lines git apply could take for a diff, and two entries for one patch.
{ cat "$cl"; printf 'Subject: x\n--- a/mm/gup.c\n'; } >"$t/diff"
if CHANGELOG=$t/diff "$cs" lint >"$t/out" 2>&1; then echo "a diff line passed"; exit 1; fi
grep -q '^FAILED: changelog: .*must not look like a diff' "$t/out" || { cat "$t/out"; exit 1; }
{ cat "$cl"; printf 'Subject: %s\nv2: again.\n' "$subject"; } >"$t/dup"
if CHANGELOG=$t/dup "$cs" lint >"$t/out" 2>&1; then echo "a duplicate entry passed"; exit 1; fi
grep -q '^FAILED: changelog: .*more than one entry' "$t/out" || { cat "$t/out"; exit 1; }

# 4. An entry is the text between its Subject: line and the next one,
# without the blank lines around it and without comments.
printf '# c\nSubject: a\n\nv3: x\n\nv2: y\n# c\n\nSubject: b\nv2: z\n' >"$t/fmt"
[ "$(CHANGELOG=$t/fmt "$cs" entry a)" = "$(printf 'v3: x\n\nv2: y')" ] ||
	{ echo "entry a:"; CHANGELOG=$t/fmt "$cs" entry a; exit 1; }
rm -rf "$t"
echo "changelog check: missing entries warn, stale ones fail, diff-like lines are refused"
