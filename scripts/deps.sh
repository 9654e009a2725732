#!/usr/bin/env bash
# deps.sh [arm64]: install what the workspace needs from Debian's archive,
# the kernel source package pinned in config/base.version included.
# Idempotent: a second run installs nothing.
#
# 'arm64' ('make test-arm64'): also the arm64 cross compiler, its C library
# (the selftests link statically), QEMU for arm, and busybox-static for
# arm64 in work/deps/arm64/busybox.  That one is Debian's arm64 package of
# the busybox-static version installed for the host, fetched with apt from
# the host's own Debian sources, with an index and cache of its own in
# work/deps/arm64/apt (the host's apt configuration is not changed: arm64
# is not added as a dpkg architecture).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKGS=(build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils
	ccache qemu-system-x86 busybox-static e2fsprogs shellcheck perl python3
	git rsync gdb python3-ply python3-sphinx python3-sphinx-rtd-theme
	coccinelle)
ARM64_PKGS=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm)

target=${1:-}
case $target in
"") ;;
arm64) PKGS+=("${ARM64_PKGS[@]}") ;;
*) die "usage: $0 [arm64]" ;;
esac


missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

have=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)

# busybox_arm64: work/deps/arm64/busybox, Debian's arm64 build of the host's
# busybox-static version (so that the host busybox's applet list is its).
busybox_arm64() {
	local dir=$WORK/deps/arm64 want got deb
	local o=(-o "Dir::Etc::SourceList=$dir/apt/sources.list"
		-o "Dir::Etc::SourceParts=$dir/apt/none" -o "Dir::State::Lists=$dir/apt/lists"
		-o "Dir::Cache=$dir/apt/cache" -o "Dir::Etc::PreferencesParts=$dir/apt/none"
		-o "Dir::Etc::Preferences=$dir/apt/none/prefs" -o "APT::Architectures::=arm64"
		-o "Acquire::Languages=none" -o "APT::Sandbox::User=root")
	want=$(dpkg-query -W -f='${Version}' busybox-static)
	if [ -x "$dir/busybox" ] && [ "$(cat "$dir/busybox.version" 2>/dev/null)" = "$want" ]; then
		return 0
	fi
	rm -rf "$dir"
	mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/apt/none"
	# The archives (URI, suite, component) the host's busybox-static comes
	# from, as 'apt-cache policy' names them, for arm64.
	apt-cache policy busybox-static | awk '$2 ~ /:\/\// && $NF == "Packages" {
		n = split($3, s, "/"); print "deb [arch=arm64] " $2, s[1], s[n] }' |
		sort -u >"$dir/apt/sources.list"
	[ -s "$dir/apt/sources.list" ] || die "no archive of busybox-static in 'apt-cache policy'" "$log"
	{
		apt-get "${o[@]}" update &&
			(cd "$dir" && { apt-get "${o[@]}" download "busybox-static:arm64=$want" ||
				apt-get "${o[@]}" download "busybox-static:arm64"; })
	} >>"$log" 2>&1 || die "fetching busybox-static:arm64 failed" "$log"
	deb=$(ls "$dir"/busybox-static_*_arm64.deb)
	got=$(dpkg-deb -f "$deb" Version)
	# A rebuild of the same source (+bN) has the same applets.
	[ "${got%+b*}" = "${want%+b*}" ] ||
		die "busybox-static:arm64 is $got, the host's is $want: their applets may differ" "$log"
	dpkg-deb -x "$deb" "$dir/root" >>"$log" 2>&1 || die "unpacking $deb failed" "$log"
	cp "$dir/root/bin/busybox" "$dir/busybox"
	echo "$want" >"$dir/busybox.version"
	rm -rf "$dir/apt" "$dir/root"
}

stage "deps"
log=$LOGS/deps.log
: >"$log"
if [ ${#missing[@]} -eq 0 ] && [ "$have" = "$version" ]; then
	[ "$target" != arm64 ] || busybox_arm64
	done_stage "all installed, $package $have"
	exit 0
fi

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update >>"$log" 2>&1 || die "apt-get update failed" "$log"

want="$package=$version"
if [ "$have" != "$version" ]; then
	if ! apt-cache madison "$package" | awk '{print $3}' | grep -qxF "$version"; then
		newest=$(apt-cache madison "$package" | awk '{print $3}' | sort -V | tail -n1)
		[ -n "$newest" ] || die "no $package in the archive" "$log"
		echo "NOTE: pinned $package $version is no longer in the archive;" \
			"falling back to the newest, $newest"
		want="$package=$newest"
	fi
fi
if [ "$have" = "${want#*=}" ]; then
	want=
fi
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends --allow-downgrades \
	"${missing[@]}" $want >>"$log" 2>&1 ||
	die "apt-get install failed" "$log"
[ "$target" != arm64 ] || busybox_arm64
done_stage "$package $(dpkg-query -W -f='${Version}' "$package")"
