#!/usr/bin/env bash
# initramfs.sh SRC BUILD: build the selftests the job lists, statically,
# from SRC's tools/testing/selftests/mm against BUILD's UAPI headers, and pack
# them with busybox and guest/ into BUILD/initramfs.cpio.  TEST_CASES=REGEX
# keeps only the matching lines of the test list (a quick boot for one test).
# GUPWS_ARCH=arm64: the selftests cross-compiled, and the arm64 busybox that
# 'scripts/deps.sh arm64' fetched (work/deps/arm64/busybox).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$(realpath "$1") build=$(realpath "$2")
log=$build/initramfs.log
stage "initramfs: selftests from $(realpath --relative-to="$TOP" "$src")"
arch_setup
need gcc busybox
[ -x /bin/busybox ] && file_bb=/bin/busybox || file_bb=$(command -v busybox)
ldd "$file_bb" >/dev/null 2>&1 && die "$file_bb is not static; install busybox-static"
# The applets are the host busybox's: the arm64 one cannot run here, and
# deps.sh fetched it in the host's busybox-static version.
list_bb=$file_bb
selmake=()
if [ -n "$CROSS" ]; then
	need "${CROSS}gcc"
	file_bb=$WORK/deps/$KARCH/busybox
	[ -x "$file_bb" ] || die "$file_bb missing; run 'scripts/deps.sh $KARCH'"
	selmake=(CROSS_COMPILE="$CROSS" ARCH="$KARCH" MACHINE="$KARCH")
fi
seldir=$src/tools/testing/selftests/mm
[ -d "$seldir" ] || die "$seldir missing: the series must move selftests/vm there"

root=$build/initramfs
rm -rf "$root"
mkdir -p "$root/tests"
sh "$TOP/guest/tests.sh" test | grep -e "${TEST_CASES:-}" >"$root/tests/test.list" ||
	die "no test case matches TEST_CASES='${TEST_CASES:-}'"
sh "$TOP/guest/tests.sh" bench | grep -e "${BENCH_CASES:-}" >"$root/tests/bench.list" ||
	die "no benchmark case matches BENCH_CASES='${BENCH_CASES:-}'"
progs=$(cat "$root/tests/test.list" "$root/tests/bench.list" |
	sed 's/^expect-warn=[^ ]* //' | awk '{print $1}' | sort -u)
out=$build/selftests
mkdir -p "$out"
targets=()
for p in $progs; do
	# A tree without a listed test (make bench of the first patches) just
	# does not get it: the job then reports it as failing, not skipped.
	if [ -f "$seldir/$p.c" ]; then
		targets+=("$out/$p")
	else
		echo "initramfs: $p is not in $seldir" >&2
	fi
done
make -C "$seldir" "${selmake[@]}" OUTPUT="$out" top_srcdir="$src" \
	KHDR_INCLUDES="-isystem $build/usr/include" EXTRA_CFLAGS="-static -O2" \
	"${targets[@]}" >"$log" 2>&1 || die "building the selftests failed" "$log"
# A warning in a test is a bug in the test (an undeclared memmem() once
# truncated its result): the selftests build without any.
! grep -q 'warning:' "$log" || die "the selftests build with warnings" "$log"
cp "${targets[@]}" "$root/tests/"
cp "$TOP/guest/run-test.sh" "$TOP/guest/run-bench.sh" "$root/tests/"

gen=$build/gen_init_cpio
gcc -O2 -o "$gen" "$src/usr/gen_init_cpio.c" >>"$log" 2>&1 ||
	die "building gen_init_cpio failed" "$log"
{
	echo "dir /dev 755 0 0"
	echo "nod /dev/console 600 0 0 c 5 1"
	for d in bin sbin proc sys tmp mnt tests; do echo "dir /$d 755 0 0"; done
	echo "file /bin/busybox $file_bb 755 0 0"
	for a in $("$list_bb" --list); do
		[ "$a" = busybox ] || echo "slink /bin/$a /bin/busybox 777 0 0"
	done
	echo "file /init $TOP/guest/init 755 0 0"
	for f in "$root"/tests/*; do
		echo "file /tests/${f##*/} $f 755 0 0"
	done
} >"$build/initramfs.list"
"$gen" "$build/initramfs.list" >"$build/initramfs.cpio" 2>>"$log" ||
	die "packing the initramfs failed" "$log"
done_stage "$(echo "$progs" | wc -w) programs, $(($(stat -c %s "$build/initramfs.cpio") / 1024)) KiB"
