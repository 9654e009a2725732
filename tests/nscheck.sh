#!/usr/bin/env bash
# nscheck.sh on host-compiled objects: module code that calls a namespaced
# export without importing the namespace is reported, and nothing else is:
# the same code with the import, the same code built in (no -DMODULE), and
# module code that calls only exports outside the namespace.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/nscheck-test
rm -rf "$t"
mkdir -p "$t"
printf '%s\n' 'get_user_pages_fast GET_USER_PAGES' 'get_user_pages GET_USER_PAGES' \
	>"$t/exports"
# obj NAME CALL IMPORT MODULE: NAME.o calls CALL(), has 'import_ns=IMPORT'
# in .modinfo unless IMPORT is '-', and a command file with -DMODULE when
# MODULE is 1 (as Kbuild writes for an object of a module).
obj() {
	local flags=
	[ "$4" = 1 ] && flags=-DMODULE
	{
		echo "extern int $2(unsigned long, int, unsigned int, void **);"
		[ "$3" = - ] || echo "static const char ns[] __attribute__((used, section(\".modinfo\"), aligned(1))) = \"import_ns=$3\";"
		echo "int probe(void) { return $2(0, 1, 0, (void **)0); }"
	} >"$t/$1.c"
	echo "cmd_$1.o := gcc -Wp,-MMD $flags -DKBUILD_BASENAME='\"$1\"' -c -o $1.o $1.c" \
		>"$t/.$1.o.cmd"
	gcc $flags -c -o "$t/$1.o" "$t/$1.c"
}
fail() { echo "$1:"; cat "$t/out"; exit 1; }
run() { "$TOP/scripts/nscheck.sh" "$t/exports" "" "$t/$1.o" >"$t/out" 2>&1; }

obj missing get_user_pages_fast - 1
run missing || fail "module code without the import: nscheck.sh failed"
[ "$(cat "$t/out")" = "calls get_user_pages_fast(), exported in symbol namespace GET_USER_PAGES, without MODULE_IMPORT_NS(GET_USER_PAGES)" ] ||
	fail "module code without the import: not reported as such"
obj wrongns get_user_pages OTHER_NS 1
run wrongns || fail "an import of another namespace: nscheck.sh failed"
grep -q "calls get_user_pages()" "$t/out" || fail "an import of another namespace: not reported"
for c in "imported get_user_pages_fast GET_USER_PAGES 1" \
	"builtin get_user_pages_fast - 0" "pin pin_user_pages_fast - 1"; do
	# shellcheck disable=SC2086 # word splitting of the case wanted
	obj $c
	run "${c%% *}" || fail "${c%% *}: nscheck.sh failed"
	[ ! -s "$t/out" ] || fail "${c%% *}: reported"
done
echo "    nscheck: a missing or wrong import reported; an import, built-in code, a pin call pass"
