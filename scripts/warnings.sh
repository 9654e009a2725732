#!/usr/bin/env bash
# warnings.sh SRC BUILDLOG: fail when the compiler warned about any file the
# series (SRC's commits on top of the base tag) touches.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$1 log=$2
stage "warnings in touched files"
files=$(git -C "$src" diff --name-only "$BASE_TAG..HEAD")
hits=$(grep -E '(warning|error): ' "$log" | grep -F "$files" || true)
if [ -n "$hits" ]; then
	echo "$hits"
	die "the build warns in files the series touches" "$log"
fi
done_stage "$(echo "$files" | wc -l) files touched"
