#!/usr/bin/env bash
# boot.sh KERNEL INITRAMFS JOB OUTDIR: boot KERNEL under QEMU with the
# initramfs, an ext4 disk and a swap disk, run JOB (test or bench) and leave
# the kernel console in OUTDIR/console.log and the job's output in
# OUTDIR/job.log.  KVM when /dev/kvm answers, TCG otherwise (ACCEL=tcg forces).
#
# GUPWS_ARCH=arm64: QEMU's virt machine under TCG (ACCEL overrides), CPU
# BOOT_CPU (default max, with QEMU's own cheap pointer authentication: the
# architected one costs TCG dearly); the console is the PL011, the job
# writes to a virtio console (virt has one UART): gupws.out=hvc0.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kernel=$1 initrd=$2 job=$3 out=$4
timeout=${BOOT_TIMEOUT:-900}
mkdir -p "$out"
arch_setup
need "$QEMU" mkfs.ext4 timeout

# kvm_works: /dev/kvm exists on some machines but hangs.  The test is to boot
# the kernel itself with KVM for a few seconds and see it print its banner.
kvm_works() {
	[ -w /dev/kvm ] || return 1
	local con=$out/kvm-probe.log
	rm -f "$con"
	timeout 20 qemu-system-x86_64 -accel kvm -m 256M -display none -vga none \
		-monitor none -no-reboot -kernel "$kernel" -append "console=ttyS0 panic=-1" \
		-serial "file:$con" >/dev/null 2>&1
	grep -q 'Linux version' "$con" 2>/dev/null
}
if [ "$KARCH" != x86_64 ]; then
	ACCEL=${ACCEL:-tcg}
elif [ -z "${ACCEL:-}" ]; then
	if [ -f "$WORK/accel" ]; then
		ACCEL=$(cat "$WORK/accel")
	else
		if kvm_works; then ACCEL=kvm; else ACCEL=tcg; fi
		echo "$ACCEL" >"$WORK/accel"
	fi
fi

stage "boot: $(realpath --relative-to="$TOP" "$kernel") job=$job ($ACCEL)"
rm -f "$out/console.log" "$out/job.log"
disk=$out/ext4.img swap=$out/swap.img
trap 'rm -f "$disk" "$swap"' EXIT
truncate -s 256M "$disk"
truncate -s 256M "$swap"
mkfs.ext4 -q -F "$disk" >"$out/mkfs.log" 2>&1 || die "mkfs.ext4 failed" "$out/mkfs.log"

# The test job's hugetlb pool comes from ZONE_MOVABLE as far as it can
# (huge pages are allocated movable): gup_args checks that a long-term pin
# migrates such a page out of the zone.
append="gupws.job=$job"
[ "$job" = test ] && append="$append movablecore=512M"

# BOOT_QEMU_ARGS: extra QEMU options, split at spaces.
read -r -a extra <<<"${BOOT_QEMU_ARGS:-}"
set +e
if [ "$KARCH" = x86_64 ]; then
	timeout --foreground "$timeout" qemu-system-x86_64 -accel "$ACCEL" \
		-m 1536M -smp "${BOOT_SMP:-2}" -display none -vga none -monitor none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 loglevel=7 panic=-1 $append ${BOOT_APPEND:-}" \
		-drive "file=$disk,if=virtio,format=raw" \
		-drive "file=$swap,if=virtio,format=raw" \
		-serial "file:$out/console.log" -serial "file:$out/job.log" \
		"${extra[@]}" \
		>"$out/qemu.log" 2>&1
else
	timeout --foreground "$timeout" "$QEMU" -M virt -accel "$ACCEL" \
		-cpu "${BOOT_CPU:-max,pauth-impdef=on}" \
		-m 1536M -smp "${BOOT_SMP:-2}" -display none -monitor none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyAMA0 loglevel=7 panic=-1 gupws.out=hvc0 $append ${BOOT_APPEND:-}" \
		-drive "file=$disk,if=virtio,format=raw" \
		-drive "file=$swap,if=virtio,format=raw" \
		-serial "file:$out/console.log" \
		-device virtio-serial-pci -chardev "file,id=job,path=$out/job.log" \
		-device virtconsole,chardev=job -nic none \
		"${extra[@]}" \
		>"$out/qemu.log" 2>&1
fi
rc=$?
set -e
[ $rc -ne 124 ] || die "the VM did not finish within ${timeout}s" "$out/console.log"
[ $rc -eq 0 ] || die "qemu exited with $rc" "$out/qemu.log"
grep -q '^GUPWS-END' "$out/job.log" ||
	die "the VM did not reach the end of the job" "$out/console.log"
done_stage ""
