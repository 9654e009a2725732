#!/usr/bin/env bash
# insntrace.sh: where the instructions of one GUP call go, series against
# base.  Boots each kernel (work/base-tree and TRACE_SRC, default work/linux,
# as built by 'make bench') under QEMU TCG with its gdb stub, runs one
# benchmark case (TRACE_CASE, default '-T -L -w -n 1'), and single-steps one
# iteration of gup_test's loop: from one call of TRACE_FN (default
# pin_user_pages) to the next, in the second ioctl, when every page has
# been faulted in.  Prints the instructions each function executed in
# either kernel, and the difference.  make bench says how much a case
# costs; this says where.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

case=${TRACE_CASE:--T -L -w -n 1}
fn=${TRACE_FN:-pin_user_pages}
src=$(realpath "${TRACE_SRC:-$WORK/linux}")
base=$WORK/base-tree
out=$WORK/runs/insntrace
need gdb qemu-system-x86_64 python3 nm
[ -f "$src/.out-normal/vmlinux" ] || die "no $src/.out-normal/vmlinux: run make bench (or BENCH_SRC=$src make bench) first"
[ -f "$base/.out-normal/vmlinux" ] || die "no $base/.out-normal/vmlinux: run make bench first"
mkdir -p "$out"

stage "insntrace: initramfs for '$case'"
BENCH_CASES="$case" "$TOP/scripts/initramfs.sh" "$src" "$src/.out-normal" \
	>"$out/initramfs.log" 2>&1 || die "initramfs failed" "$out/initramfs.log"
cp "$src/.out-normal/initramfs.cpio" "$out/initramfs.cpio"
done_stage

# trace NAME BUILD: the program counters of one iteration, in $out/NAME.pcs.
trace() {
	local name=$1 b=$2 qpid
	stage "insntrace: $name"
	rm -f "$out/$name.pcs" "$out/disk.img"
	truncate -s 256M "$out/disk.img"
	mkfs.ext4 -q -F "$out/disk.img"
	qemu-system-x86_64 -accel tcg -m 1536M -smp 1 -display none -vga none \
		-monitor none -no-reboot -kernel "$b/arch/x86/boot/bzImage" \
		-initrd "$out/initramfs.cpio" \
		-append "console=ttyS0 panic=-1 nokaslr gupws.job=bench" \
		-drive "file=$out/disk.img,if=virtio,format=raw" \
		-serial "file:$out/$name.console" -serial null \
		-icount shift=0,sleep=off -gdb tcp::1234 -S >"$out/$name.qemu.log" 2>&1 &
	qpid=$!
	TRACE_OUT=$out/$name.pcs TRACE_FN=$fn timeout 600 gdb -q -batch \
		-x "$TOP/scripts/insntrace.py" "$b/vmlinux" >"$out/$name.gdb.log" 2>&1 || true
	kill "$qpid" 2>/dev/null || true
	wait "$qpid" 2>/dev/null || true
	rm -f "$out/disk.img"
	[ -s "$out/$name.pcs" ] || die "no trace of $fn" "$out/$name.gdb.log"
	done_stage "$(wc -l <"$out/$name.pcs") instructions"
}
trace base "$base/.out-normal"
trace series "$src/.out-normal"
python3 "$TOP/scripts/insnattr.py" "$out/base.pcs" "$base/.out-normal/vmlinux" \
	"$out/series.pcs" "$src/.out-normal/vmlinux" | tee "$out/report.txt"
