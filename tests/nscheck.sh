#!/usr/bin/env bash
# nscheck.sh on host-compiled objects: module code that calls a namespaced
# export without importing the namespace is reported, and nothing else is:
# the same code with the import (alone or among other .modinfo entries),
# the same code built in (no -DMODULE), module code that calls only exports
# outside the namespace.  A near-miss namespace is no import; powerpc64
# ELFv1's dotted symbols are the functions' (a stand-in CROSS_COMPILE nm);
# a failing nm and a missing command file fail the script.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

t=$WORK/nscheck-test
rm -rf "$t"
mkdir -p "$t/bin"
printf '%s\n' 'get_user_pages_fast GET_USER_PAGES' 'get_user_pages GET_USER_PAGES' \
	>"$t/exports"
# obj NAME CALL MODINFO MODULE: NAME.o calls CALL(); MODINFO is '-' or a
# comma-separated list of .modinfo entries (tag=value), one string each as
# MODULE_INFO() makes them; the command file has -DMODULE when MODULE is 1
# (as Kbuild writes for an object of a module).
obj() {
	local flags='' e n=0
	[ "$4" = 1 ] && flags=-DMODULE
	{
		echo "extern int $2(unsigned long, int, unsigned int, void **);"
		if [ "$3" != - ]; then
			for e in ${3//,/ }; do
				n=$((n + 1))
				echo "static const char mi${n}[] __attribute__((used, section(\".modinfo\"), aligned(1))) = \"$e\";"
			done
		fi
		echo "int probe(void) { return $2(0, 1, 0, (void **)0); }"
	} >"$t/$1.c"
	echo "cmd_$1.o := gcc -Wp,-MMD $flags -DKBUILD_BASENAME='\"$1\"' -c -o $1.o $1.c" \
		>"$t/.$1.o.cmd"
	gcc $flags -c -o "$t/$1.o" "$t/$1.c"
}
fail() { echo "$1:"; cat "$t/out"; exit 1; }
# run NAME [CROSS_COMPILE]: nscheck.sh on NAME.o, output in $t/out.
run() { "$TOP/scripts/nscheck.sh" "$t/exports" "${2:-}" "$t/$1.o" >"$t/out" 2>&1; }
reported() { # reported NAME SYMBOL DESCRIPTION [CROSS_COMPILE]
	run "$1" "${4:-}" || fail "$3: nscheck.sh failed"
	[ "$(cat "$t/out")" = "calls $2(), exported in symbol namespace GET_USER_PAGES, without MODULE_IMPORT_NS(GET_USER_PAGES)" ] ||
		fail "$3: not reported as such"
}
passes() { # passes NAME DESCRIPTION
	run "$1" || fail "$2: nscheck.sh failed"
	[ ! -s "$t/out" ] || fail "$2: reported"
}

obj missing get_user_pages_fast license=GPL 1
reported missing get_user_pages_fast "module code without the import"
obj wrongns get_user_pages license=GPL,import_ns=OTHER_NS 1
reported wrongns get_user_pages "an import of another namespace"
obj nearmiss get_user_pages_fast import_ns=GET_USER_PAGES_X 1
reported nearmiss get_user_pages_fast "an import of GET_USER_PAGES_X"
obj imported get_user_pages_fast import_ns=GET_USER_PAGES 1
passes imported "module code with the import"
obj amongothers get_user_pages license=GPL,import_ns=GET_USER_PAGES,description=x 1
passes amongothers "the import among other .modinfo entries"
obj builtin get_user_pages_fast - 0
passes builtin "built-in code without the import"
obj pin pin_user_pages_fast license=GPL 1
passes pin "module code that only pins"

# A cross nm as powerpc64's ELFv1 objects show it: the function's symbol
# with a dot.  The object itself is the host's (the stand-ins ignore it).
# shellcheck disable=SC2016 # the stand-ins' own variables
{
	printf '#!/bin/sh\necho "                 U .get_user_pages_fast"\n' >"$t/bin/elfv1-nm"
	printf '#!/bin/sh\nfor a; do out=$a; done\n: >"$out"\n' >"$t/bin/elfv1-objcopy"
	printf '#!/bin/sh\necho "nm: broken" >&2\nexit 1\n' >"$t/bin/bad-nm"
}
chmod +x "$t/bin/"*
reported pin get_user_pages_fast "an ELFv1 dotted symbol" "$t/bin/elfv1-"
! run missing "$t/bin/bad-" || fail "a failing nm: nscheck.sh succeeded"
grep -q "^FAILED: .*nm -u .* failed" "$t/out" || fail "a failing nm: no clear failure line"
rm "$t/.missing.o.cmd"
! run missing || fail "no command file: nscheck.sh succeeded"
grep -q "^FAILED: .*no .*\.missing\.o\.cmd" "$t/out" || fail "no command file: no clear failure line"
echo "    nscheck: missing, wrong and near-miss imports reported (ELFv1 dotted symbols too); an import, built-in code, a pin call pass; a failing nm or a missing command file fails"
