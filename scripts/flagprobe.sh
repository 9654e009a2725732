#!/usr/bin/env bash
# flagprobe.sh SRC OUT: GUP's internal FOLL_* flags must be out of reach of
# code outside mm/.  For each flag that SRC's mm/gup_internal.h defines, a
# probe file in lib/ that includes what lib/vsprintf.c includes from mm/
# (<linux/mm.h> and "../mm/internal.h") and names the flag must fail to
# compile, because the flag is undeclared; a probe naming a public flag
# (FOLL_WRITE) must compile, so that a broken probe cannot pass.  The
# compiler command is lib/vsprintf.o's own, from the build in OUT.  Prints
# one 'ok'/'not ok' line a flag; exits 1 if any is 'not ok'.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$(realpath "$1") out=$(realpath "$2")
hdr=$src/mm/gup_internal.h
cmdfile=$out/lib/.vsprintf.o.cmd
[ -f "$hdr" ] || die "no $hdr: the series does not have it" /dev/null
[ -f "$cmdfile" ] || die "no $cmdfile: build $out first" /dev/null

# The compiler command only: objtool and the like follow after a ';'.
cmd=$(sed -n 's/^cmd_lib\/vsprintf\.o := //p' "$cmdfile")
cmd=${cmd%%;*}
[ -n "$cmd" ] || die "no compiler command in $cmdfile" "$cmdfile"
cmd=${cmd//lib\/vsprintf/lib\/gup_flag_probe}
cmd=${cmd//lib\/.vsprintf/lib\/.gup_flag_probe}
cmd=${cmd//vsprintf/gup_flag_probe}

probe=$src/lib/gup_flag_probe.c
log=$LOGS/flagprobe.log
: >"$log"
trap 'rm -f "$probe" "$out/lib/gup_flag_probe.o" "$out/lib/.gup_flag_probe.o.d"' EXIT

# compiles FLAG: does a file outside mm/ that names FLAG compile?
compiles() {
	cat >"$probe" <<-EOF
		// SPDX-License-Identifier: GPL-2.0
		/* What lib/vsprintf.c sees of mm/: may it name $1? */
		#include <linux/mm.h>
		#include "../mm/internal.h"
		unsigned int gup_flag_probe = $1;
	EOF
	echo "== $1" >>"$log"
	(cd "$out" && LC_ALL=C eval "$cmd") >>"$log" 2>&1
}

flags=$(sed -n 's/^#define \(FOLL_[A-Z_]*\)[[:space:]]*0x[0-9a-fA-F]*$/\1/p' "$hdr")
[ -n "$flags" ] || die "no internal FOLL_* flag defined in $hdr" "$hdr"
fail=0
if compiles FOLL_WRITE; then
	echo "ok a file outside mm/ can name a public flag (FOLL_WRITE)"
else
	echo "not ok a file outside mm/ cannot even name FOLL_WRITE: the probe is broken"
	fail=1
fi
for f in $flags; do
	if compiles "$f"; then
		echo "not ok $f can be named outside mm/"
		fail=1
	elif grep -q "'$f' undeclared" "$log"; then
		echo "ok $f cannot be named outside mm/"
	else
		echo "not ok $f: the probe failed for another reason (see $log)"
		fail=1
	fi
done
[ $fail -eq 0 ] || die "internal FOLL_* flags reachable outside mm/" "$log"
