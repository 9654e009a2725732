#!/usr/bin/env bash
# nscheck.sh EXPORTS CROSS_COMPILE OBJ: does module code import the symbol
# namespace of each namespaced export it calls?
#
# EXPORTS has lines 'SYMBOL NAMESPACE' (scripts/callers.sh writes them from
# the EXPORT_SYMBOL_NS*() of SRC's mm/gup.c: get_user_pages*() are in
# GET_USER_PAGES).  OBJ is module code when its Kbuild command file
# (DIR/.NAME.o.cmd, next to it) compiles it with -DMODULE.  For each SYMBOL
# that such an OBJ leaves undefined while its own .modinfo section has no
# 'import_ns=NAMESPACE', one line: 'calls SYMBOL(), exported in symbol
# namespace NAMESPACE, without MODULE_IMPORT_NS(NAMESPACE)'.  Nothing for
# an object that is fine or is not module code.
#
# Per object, not per module: each file that calls such a function imports
# the namespace itself, so that the import marks where the calls are.
# modpost, which would accept one import anywhere in the module, needs a
# whole module build; this needs only the object.  The binutils are
# CROSS_COMPILE's ('' for the host).  Exits 1 when OBJ has no command file
# or a tool fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -eq 3 ] || die "usage: $0 EXPORTS CROSS_COMPILE OBJ"
exports=$1 cross=$2 obj=$3
cmd=$(dirname "$obj")/.$(basename "$obj").cmd
[ -s "$exports" ] || exit 0
[ -f "$cmd" ] || die "no $cmd: OBJ must be an object that Kbuild built"
grep -qE -- '(^| )-DMODULE( |$)' "$cmd" || exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${cross}nm" -u "$obj" >"$tmp/nm" 2>&1 || die "${cross}nm -u $obj failed" "$tmp/nm"
# The names, without the dot that powerpc64's ELFv1 puts before a function's
# symbol (.get_user_pages_fast), which modpost drops too.
awk '{ s = $NF; sub(/^\./, "", s); print s }' "$tmp/nm" >"$tmp/undef"
"${cross}objcopy" -O binary -j .modinfo "$obj" "$tmp/modinfo" 2>"$tmp/err" ||
	die "${cross}objcopy of $obj's .modinfo failed" "$tmp/err"
tr '\0' '\n' <"$tmp/modinfo" >"$tmp/imports"
while read -r sym ns; do
	if grep -qxF "$sym" "$tmp/undef" && ! grep -qxF "import_ns=$ns" "$tmp/imports"; then
		echo "calls $sym(), exported in symbol namespace $ns, without MODULE_IMPORT_NS($ns)"
	fi
done <"$exports"
