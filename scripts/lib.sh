# shellcheck shell=bash
# Common helpers for the workspace scripts: stage timing, logs, failure lines.
# Sourced, never run.
# shellcheck disable=SC2034  # variables for the scripts that source this

# shellcheck source=../config/base.version
. "$(dirname "${BASH_SOURCE[0]}")/../config/base.version"
# shellcheck source=../config/post.version
. "$(dirname "${BASH_SOURCE[0]}")/../config/post.version"

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

# guest_clock CONSOLE: the clocksource the guest whose kernel console log is
# CONSOLE timed with: the last 'clocksource: Switched to clocksource NAME'
# line wins (tsc-early gives way to tsc, a TSC found unstable to
# refined-jiffies).  Empty when the log has no such line.
guest_clock() {
	sed -n 's/.*clocksource: Switched to clocksource \([^[:space:]]*\).*/\1/p' "$1" 2>/dev/null |
		tail -n1 || true
}

# need_clock CONSOLE: print the guest clock of CONSOLE when its times can be
# trusted; otherwise say why not, naming CONSOLE, and exit 1.  A jiffies
# clocksource moves in whole timer ticks (4000 us at HZ=250): a timed GUP
# call reads 0 or a multiple of the tick, which is no measurement.
need_clock() {
	local console=$1 clock why
	clock=$(guest_clock "$console")
	case $clock in
	"") why="no such log, or no 'clocksource: Switched to clocksource' line in it: the guest clock is unknown" ;;
	*jiffies) why="the guest clocksource was $clock, which moves in whole timer ticks: every time would be 0 or a multiple of the tick" ;;
	*)
		echo "$clock"
		return 0
		;;
	esac
	printf 'FAILED: %s: %s; its times are neither printed nor judged (log: %s)\n' \
		"${STAGE:-benchmark}" "$why" "$console" >&2
	grep -aiE 'clocksource|tsc' "$console" 2>/dev/null | tr -d '\r' | sed 's/^/    /' >&2
	exit 1
}

# bench_boot KERNEL INITRD OUT [APPEND]: boot the bench job as every job
# that prints benchmark times does ('make', 'make bench'), and refuse it
# (need_clock) unless its guest had a real clock; the clock's name is left
# in OUT/clock.  Under plain TCG the guest's clocks follow the host: what
# gup_test times depends on whatever else the host does (it varied by a
# factor of two between identical boots here), and plain TCG boots here
# failed to calibrate the TSC against the PIT, marked it unstable and timed
# with refined-jiffies.  With -icount shift=0 and one vCPU, every guest
# clock counts guest instructions (1 ns each): the TSC calibrates exactly,
# and the same kernel on the same input measures within a few guest us,
# busy host or not.  -icount is TCG's only, so these boots are TCG even
# where KVM works.
bench_boot() {
	ACCEL=tcg BOOT_SMP=1 BOOT_QEMU_ARGS="-icount shift=0,sleep=off" \
		BOOT_APPEND="${4:-${BOOT_APPEND:-}}" \
		"$TOP/scripts/boot.sh" "$1" "$2" bench "$3"
	need_clock "$3/console.log" >"$3/clock"
}

# arch_setup: the architecture that build.sh, initramfs.sh and boot.sh build
# for and boot, from GUPWS_ARCH (unset: x86_64, what 'make' and 'make test'
# use; arm64: 'make test-arm64').  Not the kernel's ARCH, which a shell may
# have set for other work.  Sets KARCH (the kernel's name for it), CROSS
# (the cross compiler's prefix, empty for the host's), KIMAGE (the make
# target), KIMAGE_PATH (its path in a build directory) and QEMU.
arch_setup() {
	case ${GUPWS_ARCH:-x86_64} in
	x86_64)
		KARCH=x86_64 CROSS='' KIMAGE=bzImage KIMAGE_PATH=arch/x86/boot/bzImage
		QEMU=qemu-system-x86_64
		;;
	arm64)
		KARCH=arm64 CROSS=aarch64-linux-gnu- KIMAGE=Image
		KIMAGE_PATH=arch/arm64/boot/Image QEMU=qemu-system-aarch64
		;;
	*) die "GUPWS_ARCH=$GUPWS_ARCH: the scripts build and boot x86_64 and arm64 only" ;;
	esac
}

# Test-script bookkeeping (test.sh, test-arm64.sh): each check is a line
# 'ok - ...' or 'not ok - ...'; finish prints 'N passed, N failed' last.
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }
# check NAME CMD...: one check, its output shown indented.
check() {
	local name=$1
	shift
	if "$@" 2>&1 | sed -u 's/^/    /'; then
		ok "$name"
	else
		notok "$name"
		return 1
	fi
}
# tally FILE: add a 'P F S' totals file to the counts.
tally() {
	local p f
	read -r p f _ <"$1" || return 1
	passed=$((passed + p)) failed=$((failed + f))
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
