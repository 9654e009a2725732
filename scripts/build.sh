#!/usr/bin/env bash
# build.sh SRC OUT VARIANT: configure (tinyconfig + fragments) and build the
# kernel in SRC out of tree into OUT, with ccache.  VARIANT is 'normal' or
# 'debug'.  Also installs the UAPI headers into OUT/usr/include for the
# selftests.  The log is OUT.log.
#
# The scripts use OUT=SRC/.out-VARIANT: with the build directory right below
# the source tree, Kbuild names sources by relative paths, so ccache finds
# the objects of any tree with the same contents, wherever it is checked out
# (work/linux, work/check, a CI clone).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

src=$(realpath "$1") out=$(realpath -m "$2") variant=${3:-normal}
log=$out.log
name=${out#"$WORK"/}

stage "build: $name ($variant)"
need gcc make flex bison bc ccache
mkdir -p "$out"
# config/series*.config hold options that the series adds: the base tree
# has no such symbols, so only the lines whose symbol SRC defines are used.
series_frag() {
	local l sym
	while read -r l; do
		case $l in CONFIG_*=*) ;; *) continue ;; esac
		sym=${l%%=*}
		grep -rqx --include='Kconfig*' "config ${sym#CONFIG_}" "$src" && echo "$l"
	done <"$1"
	return 0
}
frags=("$TOP/config/kernel.config")
[ "$variant" = debug ] && frags+=("$TOP/config/debug.config")
series_frag "$TOP/config/series.config" >"$out/series.frag"
[ "$variant" = debug ] && series_frag "$TOP/config/series-debug.config" >>"$out/series.frag"
frags+=("$out/series.frag")
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache}
export CCACHE_BASEDIR=$src
K=(make -C "$src" O="$out" ARCH=x86_64 CC="ccache gcc" HOSTCC="ccache gcc")

# not_honoured: the fragment lines that .config does not have.
not_honoured() {
	grep -h '^CONFIG_' "${frags[@]}" | while read -r l; do
		grep -qxF "$l" "$out/.config" || echo "$l"
	done
}
stamp=$(cat "${frags[@]}" | sha1sum | cut -d' ' -f1)
# Reconfigure when the fragments changed, and when something (a build of
# an older commit of the series) took an option out of .config.
if [ ! -f "$out/.config" ] || [ "$(cat "$out/.frag-stamp" 2>/dev/null)" != "$stamp" ] ||
	[ -n "$(not_honoured)" ]; then
	{
		"${K[@]}" tinyconfig &&
			KCONFIG_CONFIG=$out/.config "$src/scripts/kconfig/merge_config.sh" \
				-m -O "$out" "$out/.config" "${frags[@]}" &&
			"${K[@]}" olddefconfig
	} >"$log" 2>&1 || die "configuring the kernel failed" "$log"
	bad=$(not_honoured)
	[ -z "$bad" ] || die "config fragment not honoured: $(echo "$bad" | tr '\n' ' ')" "$log"
	echo "$stamp" >"$out/.frag-stamp"
else
	: >"$log"
fi
"${K[@]}" -j"$(nproc)" bzImage >>"$log" 2>&1 || die "kernel build failed" "$log"
"${K[@]}" headers >>"$log" 2>&1 || die "headers_install failed" "$log"
done_stage "$(grep -c 'warning:' "$log" || true) warnings"
