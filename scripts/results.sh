#!/usr/bin/env bash
# results.sh OUTDIR [SRC]: judge one test boot.  Prints the TAP totals and
# every kernel report (WARNING, BUG, Oops, KASAN, lockdep, ...) found in the
# console that no test declared; writes 'PASSED FAILED SKIPPED' to
# OUTDIR/totals and exits 1 when anything failed.
#
# A test declares the warnings it provokes as FILE:FUNC (guest/tests.sh).
# One is expected only inside that test's window, and only if it is raised
# from FUNC's lines in SRC/FILE (FUNC may be inlined, so its name need not
# appear); without SRC, only if the report names FUNC.  FILE:FUNC+bad-page
# also expects "BUG: Bad page state" reports in that window (a page freed in
# a state that the page allocator refuses, on purpose).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1 src=${2:-}
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
elif [ "$ran" -eq 0 ]; then
	echo "not ok: the job reported no test results"
	fail=$((fail + 1))
fi
grep '^not ok ' "$job" || true

# Kernel reports.  For each FILE:FUNC declared in the console, the lines of
# FUNC's body in SRC/FILE: "FILE:FUNC FIRST LAST" a line.
ranges=$(sed -n 's/.*gupws: expect-warn begin \([^ \r]*\).*/\1/p' "$console" | sort -u |
	sed 's/+bad-page$//' | sort -u | while IFS=: read -r file func; do
		{ [ -n "$src" ] && [ -f "$src/$file" ]; } || continue
		awk -v f="$func" -v id="$file:$func" '
			!first && $0 ~ "^[a-z].*[ *]" f "\\(" { first = NR }
			first && /^}/ { print id, first, NR; exit }
		' "$src/$file"
	done)
unexpected=$(awk -v ranges="$ranges" '
	BEGIN {
		n = split(ranges, r, "\n")
		for (i = 1; i <= n; i++) {
			split(r[i], f, " ")
			lo[f[1]] = f[2]; hi[f[1]] = f[3]
		}
	}
	{ sub(/\r$/, "") }	# the serial console ends its lines with CR LF
	/gupws: expect-warn begin / {
		want = $NF; bad_page = sub(/\+bad-page$/, "", want); next
	}
	/gupws: expect-warn end / { want = ""; bad_page = 0; next }
	/BUG: Bad page state / && bad_page { expected++; next }
	/WARNING: CPU: / {
		if (want != "" && expected_here(want)) { expected++; next }
		print; next
	}
	/BUG: |Oops|general protection fault|kernel BUG at|KASAN:|UBSAN:|Kernel panic|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|WARNING: possible|WARNING: suspicious|INFO: task .* blocked|soft lockup|hard LOCKUP|stack-protector|refcount_t: / { print }
	END { print "# expected warnings: " expected + 0 > "/dev/stderr" }
	function expected_here(w,    file, func, at, line) {
		file = w; sub(/:[^:]*$/, "", file)
		func = w; sub(/^.*:/, "", func)
		if (w in lo) {
			if (!match($0, / at [^ ]*:[0-9]+ /))
				return 0
			at = substr($0, RSTART + 4, RLENGTH - 5)
			line = at; sub(/^.*:/, "", line); sub(/:[0-9]+$/, "", at)
			return at == file && line + 0 >= lo[w] && line + 0 <= hi[w]
		}
		return index($0, " " func "+0x") > 0
	}
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
