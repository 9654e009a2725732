#!/usr/bin/env bash
# export.sh [TREE [DEST]]: write the commits TREE has on top of the 'base' tag
# as git format-patch files plus 'series' into DEST (default: patches/), with
# the cover letter built from doc/cover-letter.txt, ready to be sent as they
# are (git send-email DEST/*.patch):
#  - titled [PATCH vN NN/MM], N = post_version of config/post.version;
#  - each patch with its entry of doc/changelog.txt below its '---' line,
#    where git am ignores it (a patch without one gets a warning naming it);
#  - To: and Cc: headers from scripts/get_maintainer.pl, run in TREE (the
#    series applied: it adds GUP's MAINTAINERS entry) on each patch, plus the
#    maintainers of post_series_files, who get every patch; maintainers go in
#    To:, reviewers and lists in Cc:, the patch author in neither.  The cover
#    letter gets them all.
# Then git am of the export onto a fresh base (work/export-check) must give
# TREE's tree, and TREE's authors, dates and commit messages.  Everything is
# written to a staging directory first: DEST changes only when the whole
# export worked.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tree=$(realpath "${1:-$TREE}")
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
# work/linux -> patches/ replaces the series: only from a tree that was
# built from this very patches/ (apply.sh's stamp), so that patches/ newer
# than the tree (a pull, a checkout) are not undone.  FORCE=1 overrides.
if [ "$tree" = "$(realpath "$TREE")" ] &&
	[ "$(realpath -m "$dest")" = "$(realpath -m "$TOP/patches")" ] &&
	[ -f "$TOP/patches/series" ] && [ "${FORCE:-0}" != 1 ]; then
	[ "$(cut -d' ' -f1 "$TREE/.git/applied" 2>/dev/null)" = "$(series_id "$TOP/patches")" ] ||
		die "patches/ changed since work/linux was built from it: 'make apply' \
merges nothing, so export would undo those changes (FORCE=1 to export anyway)"
fi
[ -f "$tree/scripts/get_maintainer.pl" ] || die "$tree has no scripts/get_maintainer.pl"
"$TOP/scripts/changelog.sh" lint 2>"$log" ||
	die "$(sed -n 's/^FAILED: changelog: //p' "$log")"

stagedir=$(mktemp -d "$(dirname "$(realpath -m "$dest")")/.export.XXXXXX")
trap 'rm -rf "$stagedir"' EXIT
tmp=$stagedir/.work
mkdir "$tmp"
prefix=PATCH
[ "${post_version:-1}" -le 1 ] || prefix="PATCH v$post_version"
# The cover letter's subject is the first line of doc/cover-letter.txt and
# its body the rest.  format-patch takes them from the description of the
# branch it exports: a branch of our own at HEAD, whatever TREE has checked
# out (a detached HEAD or another branch would get git's placeholder).  The
# user's format.to/cc/headers and diff.noprefix do not apply: To/Cc come
# below, and git am needs the a/ b/ prefixes.
git -C "$tree" branch -f gupws-export HEAD >"$log" 2>&1 ||
	die "cannot point branch gupws-export at HEAD" "$log"
git -C "$tree" config branch.gupws-export.description "$(cat "$cover")"
git -C "$tree" -c diff.noprefix=false format-patch -q --no-to --no-cc \
	--no-add-header --cover-letter --cover-from-description=subject \
	--subject-prefix="$prefix" --zero-commit --no-signature -o "$stagedir" \
	"$BASE_TAG..gupws-export" >"$log" 2>&1 || die "git format-patch failed" "$log"
for p in "$stagedir"/[0-9][0-9][0-9][0-9]-*.patch; do
	case ${p##*/} in 0000-cover-letter.patch) ;; *) echo "${p##*/}" ;; esac
done >"$stagedir/series"
[ "$(wc -l <"$stagedir/series")" -eq "$n" ] || die "exported $(wc -l <"$stagedir/series") of $n patches" "$log"

# To/Cc.  The base is a tarball without upstream history: get_maintainer
# must not look in git (--no-git, --no-git-fallback: TREE's history is the
# series alone; --no-fixes: the commit a Fixes: tag names is not there).
# --roles tells maintainers (any M: status) from reviewers and lists.
mlog=$LOGS/export-maintainers.log
gm="perl scripts/get_maintainer.pl --no-git --no-git-fallback --no-fixes --roles"
(cd "$tree" && sed "s|^|$stagedir/|" "$stagedir/series" |
	xargs -P2 -I{} sh -c "$gm \"\$1\" >\"\$1.gm\"" sh {}) >"$mlog" 2>&1 ||
	die "scripts/get_maintainer.pl failed" "$mlog"
# shellcheck disable=SC2086  # a list of files
(cd "$tree" && $gm -f $post_series_files) >"$tmp/series.gm" 2>>"$mlog" ||
	die "scripts/get_maintainer.pl -f $post_series_files failed" "$mlog"
# tocc < GM: get_maintainer --roles lines as 'To<TAB>who' or 'Cc<TAB>who'.
tocc() {
	awk '{
		if (match($0, /^[^<(]*<[^>]*>/)) {
			who = substr($0, 1, RLENGTH); roles = substr($0, RLENGTH + 1)
			sub(/^ *\(/, "", roles); sub(/\)$/, "", roles)
			n = split(roles, r, ","); to = 0
			for (i = 1; i <= n; i++) if (r[i] !~ /^reviewer/) to = 1
		} else {
			who = $1; to = 0
		}
		print (to ? "To" : "Cc") "\t" who
	}'
}
# headers SELF < TOCC: the To: and Cc: headers, each address once, the one
# SELF (the author) left out; whoever is in To: is not in Cc: too.
headers() {
	awk -F '\t' -v self="$(tr '[:upper:]' '[:lower:]' <<<"$1")" '
		{
			a = $2
			if (match(a, /<[^>]*>/)) a = substr(a, RSTART + 1, RLENGTH - 2)
			a = tolower(a)
			if (a == self || seen[$1, a]++) next
			if ($1 == "To") { to[a] = 1; tl[++nt] = $2 } else { ca[++nc] = a; cl[nc] = $2 }
		}
		function out(h, l, n,   i) {
			for (i = 1; i <= n; i++)
				printf "%s%s%s\n", i == 1 ? h ": " : "    ", l[i], i < n ? "," : ""
		}
		END {
			out("To", tl, nt)
			for (i = 1; i <= nc; i++) if (!(ca[i] in to)) c[++m] = cl[i]
			out("Cc", c, m)
		}'
}
# rewrite PATCH HEADERS CHANGELOG: the headers go after the Subject: header,
# the changelog (if any) right below the first '---' line, then a blank line.
rewrite() {
	awk -v hf="$2" -v cf="$3" '
		function cat(f,   l) { while ((getline l <f) > 0) print l; close(f) }
		!hdone && insub && !/^[ \t]/ { cat(hf); hdone = 1 }
		!hdone && /^Subject: / { insub = 1 }
		{ print }
		hdone && !cdone && /^---$/ {
			cdone = 1
			if ((getline l <cf) > 0) { close(cf); cat(cf); print "" }
		}' "$1" >"$1.new"
	mv "$1.new" "$1"
}
tocc <"$tmp/series.gm" >"$tmp/series.tocc"
: >"$tmp/all.tocc"
while read -r p; do
	f=$stagedir/$p
	mailinfo=$(git mailinfo /dev/null /dev/null <"$f")
	subject=$(sed -n 's/^Subject: //p' <<<"$mailinfo")
	email=$(sed -n 's/^Email: //p' <<<"$mailinfo")
	"$TOP/scripts/changelog.sh" entry "$subject" >"$tmp/$p.log"
	{ tocc <"$f.gm"; cat "$tmp/series.tocc"; } | tee -a "$tmp/all.tocc" |
		headers "$email" >"$tmp/$p.hdr"
	[ -s "$tmp/$p.hdr" ] || die "get_maintainer named no one for $p" "$mlog"
	rewrite "$f" "$tmp/$p.hdr" "$tmp/$p.log"
	rm "$f.gm"
done <"$stagedir/series"
email=$(git -C "$tree" log -1 --format=%ae)
headers "$email" <"$tmp/all.tocc" >"$tmp/cover.hdr"
rewrite "$stagedir/0000-cover-letter.patch" "$tmp/cover.hdr" /dev/null

# Patches without an entry only warn; stale entries fail 'make post' and
# 'make test', but not the export.
"$TOP/scripts/changelog.sh" check "$stagedir" >"$tmp/changelog.out" 2>&1 || true
sed -n -e 's/^WARNING: /WARNING: export: /p' \
	-e "s/^stale /WARNING: export: stale /p" "$tmp/changelog.out" >&2

# What is sent must be what was tested: git am of the export onto a fresh
# base gives TREE's tree, and TREE's authors, dates and messages (nothing of
# the changelog or the headers gets into a commit).
amlog=$LOGS/export-am.log
chk=$WORK/export-check
"$TOP/scripts/apply.sh" "$stagedir" "$chk" >"$amlog" 2>&1 ||
	die "git am of the export onto a fresh $BASE_TAG failed" "$amlog"
[ "$(git -C "$chk" rev-parse 'HEAD^{tree}')" = "$(git -C "$tree" rev-parse 'HEAD^{tree}')" ] ||
	die "git am of the export onto $BASE_TAG gives another tree than $tree's"
fmt='%an <%ae> %ad%n%B'
diff <(git -C "$tree" log --reverse --format="$fmt" "$BASE_TAG..HEAD") \
	<(git -C "$chk" log --reverse --format="$fmt" "$BASE_TAG..HEAD") >"$amlog.diff" ||
	die "git am of the export gives other commit messages or authors than $tree's" "$amlog.diff"

rm -rf "$tmp"
mkdir -p "$dest"
find "$dest" -maxdepth 1 \( -name '*.patch' -o -name series \) -delete
mv "$stagedir"/* "$dest"/
# work/linux now matches patches/: tell apply.sh (see its stamp).
if [ "$tree" = "$(realpath "$TREE")" ] &&
	[ "$(realpath "$dest")" = "$(realpath "$TOP/patches")" ]; then
	echo "$(series_id "$dest") $(git -C "$tree" rev-parse HEAD)" >"$TREE/.git/applied"
fi
done_stage "$n patches, [$prefix NN/$n], git am gives the same tree"
