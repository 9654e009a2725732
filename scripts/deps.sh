#!/usr/bin/env bash
# Install what the workspace needs from Debian's archive, the kernel source
# package pinned in config/base.version included.  Idempotent: a second run
# installs nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKGS=(build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils
	ccache qemu-system-x86 busybox-static e2fsprogs shellcheck perl python3
	git rsync gdb python3-ply python3-sphinx python3-sphinx-rtd-theme)


missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

have=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)

stage "deps"
log=$LOGS/deps.log
: >"$log"
if [ ${#missing[@]} -eq 0 ] && [ "$have" = "$version" ]; then
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
done_stage "$package $(dpkg-query -W -f='${Version}' "$package")"
