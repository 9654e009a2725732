#!/usr/bin/env bash
# results.sh OUTDIR: judge one test boot.  Prints the TAP totals and every
# kernel report (WARNING, BUG, Oops, KASAN, lockdep, ...) found in the
# console that no test declared; writes 'PASSED FAILED SKIPPED' to
# OUTDIR/totals and exits 1 when anything failed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1
job=$out/job.log console=$out/console.log
{ [ -f "$job" ] && [ -f "$console" ]; } || die "no job or console log in $out"

pass=$(grep -c '^ok ' "$job" || true)
skip=$(grep -c '^ok .* # SKIP' "$job" || true)
fail=$(grep -c '^not ok ' "$job" || true)
pass=$((pass - skip))
planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$job" | head -n1)
ran=$((pass + skip + fail))
if [ -n "$planned" ] && [ "$ran" -ne "$planned" ]; then
	echo "not ok: the job planned $planned tests but reported $ran"
	fail=$((fail + planned - ran))
fi
grep '^not ok ' "$job" || true

# Kernel reports.  A WARNING is expected only inside an expect-warn window
# and only when it names the declared function.
unexpected=$(awk '
	{ sub(/\r$/, "") }	# the serial console ends its lines with CR LF
	/gupws: expect-warn begin / { want = $NF; next }
	/gupws: expect-warn end / { want = ""; next }
	/WARNING: CPU: / {
		if (want != "" && index($0, " " want "+0x")) { expected++; next }
		print; next
	}
	/BUG: |Oops|general protection fault|kernel BUG at|KASAN:|UBSAN:|Kernel panic|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|WARNING: possible|WARNING: suspicious|INFO: task .* blocked|soft lockup|hard LOCKUP|stack-protector|refcount_t: / { print }
	END { print "# expected warnings: " expected + 0 > "/dev/stderr" }
' "$console" 2>"$out/expected")
if [ -n "$unexpected" ]; then
	echo "not ok: kernel reports in $(realpath --relative-to="$TOP" "$console"):"
	printf '    %s\n' "$unexpected"
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
echo "$pass $fail $skip" >"$out/totals"
echo "selftests: $pass passed, $fail failed, $skip skipped ($(sed 's/^# //' "$out/expected"))"
[ "$fail" -eq 0 ]
