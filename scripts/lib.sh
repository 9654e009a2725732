# shellcheck shell=bash
# Common helpers for the workspace scripts: stage timing, logs, failure lines.
# Sourced, never run.
# shellcheck disable=SC2034  # variables for the scripts that source this

# shellcheck source=../config/base.version
. "$(dirname "${BASH_SOURCE[0]}")/../config/base.version"

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$TOP/work}
LOGS=$WORK/logs
TREE=$WORK/linux
BASE_TAG=base
mkdir -p "$LOGS"

# stage NAME: announce a stage and remember when it started.
stage() {
	STAGE=$1
	STAGE_T0=$(date +%s)
	printf '==> %s\n' "$STAGE"
}

# done_stage [DETAIL]: report how long the current stage took.
done_stage() {
	printf '    %s done in %ss%s\n' "$STAGE" "$(($(date +%s) - STAGE_T0))" \
		"${1:+ ($1)}"
}

# die MESSAGE [LOG]: one clear line naming the stage and its log, then exit 1.
die() {
	if [ -n "${2:-}" ]; then
		printf 'FAILED: %s: %s (log: %s)\n' "${STAGE:-setup}" "$1" "$2" >&2
		if [ -f "$2" ]; then
			printf -- '--- last lines of %s ---\n' "$2" >&2
			tail -n 15 "$2" >&2
		fi
	else
		printf 'FAILED: %s: %s\n' "${STAGE:-setup}" "$1" >&2
	fi
	exit 1
}

# run LOG CMD...: run a command with its output in LOG; die naming LOG on failure.
run() {
	local log=$1
	shift
	"$@" >"$log" 2>&1 || die "'$*' failed" "$log"
}

# need TOOL...: fail early and clearly when a tool is missing.
need() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 ||
			die "required tool '$t' not found; run 'make deps'"
	done
}

# series_id PATCHDIR: a hash of the series in PATCHDIR (list and patches).
series_id() {
	local p
	{
		cat "$1/series"
		while read -r p; do cat "$1/$p"; done <"$1/series"
	} | sha1sum | cut -d' ' -f1
}

# git in the kernel work tree, with the project's identity.
kgit() {
	git -C "$TREE" "$@"
}
