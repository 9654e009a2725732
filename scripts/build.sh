#!/usr/bin/env bash
# build.sh SRC OUT VARIANT: configure (tinyconfig + fragments) and build the
# kernel in SRC out of tree into OUT, with ccache.  VARIANT is 'normal' or
# 'debug'.  Also installs the UAPI headers into OUT/usr/include for the
# selftests.  The log is OUT.log.
#
# GUPWS_ARCH=arm64 cross-compiles for arm64 (aarch64-linux-gnu-) and also
# merges config/arm64.config (QEMU's virt machine); the lines of the other
# fragments whose option only another architecture has (x86's protection
# keys) are left out there.  Without GUPWS_ARCH: x86_64.
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
arch_setup
need gcc "${CROSS}gcc" make flex bison bc ccache
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
# native_frag FRAGMENT: FRAGMENT less the lines whose option only other
# architectures define (only in arch/*/ Kconfig files, none of them
# KARCH's), for a cross build.  OUT/kconfig.defs: every definition, as
# 'FILE:config SYM'.
native_frag() {
	local l sym defs
	while read -r l; do
		case $l in CONFIG_*=*) ;; *) echo "$l"; continue ;; esac
		sym=${l%%=*}
		defs=$(grep -F ":config ${sym#CONFIG_}" "$out/kconfig.defs" |
			grep -x "[^:]*:config ${sym#CONFIG_}" | cut -d: -f1 || true)
		if [ -n "$defs" ] && ! grep -qv '^arch/[^/]*/' <<<"$defs" &&
			! grep -q "^arch/$KARCH/" <<<"$defs"; then
			echo "# $l: no such option on $KARCH"
		else
			echo "$l"
		fi
	done <"$1"
}
if [ "$KARCH" = x86_64 ]; then
	frags=("$TOP/config/kernel.config")
	[ "$variant" = debug ] && frags+=("$TOP/config/debug.config")
else
	find "$src" -path "$src/.out-*" -prune -o -name 'Kconfig*' -print0 |
		xargs -0 grep -Hx 'config [A-Za-z0-9_]*' | sed "s|^$src/||" >"$out/kconfig.defs"
	native_frag "$TOP/config/kernel.config" >"$out/kernel.frag"
	frags=("$out/kernel.frag")
	if [ "$variant" = debug ]; then
		native_frag "$TOP/config/debug.config" >"$out/debug.frag"
		frags+=("$out/debug.frag")
	fi
	frags+=("$TOP/config/$KARCH.config")
fi
series_frag "$TOP/config/series.config" >"$out/series.frag"
[ "$variant" = debug ] && series_frag "$TOP/config/series-debug.config" >>"$out/series.frag"
frags+=("$out/series.frag")
# GUPWS_EXTRA_CONFIG=FILE: a fragment merged last (e.g. the page_ref
# tracepoints, for make bench to measure the pin check's put probe).
if [ -n "${GUPWS_EXTRA_CONFIG:-}" ]; then
	[ -f "$GUPWS_EXTRA_CONFIG" ] || die "GUPWS_EXTRA_CONFIG=$GUPWS_EXTRA_CONFIG: no such file"
	frags+=("$(realpath "$GUPWS_EXTRA_CONFIG")")
fi
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache}
export CCACHE_BASEDIR=$src
K=(make -C "$src" O="$out" ARCH="$KARCH" CC="ccache ${CROSS}gcc" HOSTCC="ccache gcc")
[ -z "$CROSS" ] || K+=(CROSS_COMPILE="$CROSS")

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
"${K[@]}" -j"$(nproc)" "$KIMAGE" >>"$log" 2>&1 || die "kernel build failed" "$log"
"${K[@]}" headers >>"$log" 2>&1 || die "headers_install failed" "$log"
done_stage "$(grep -c 'warning:' "$log" || true) warnings"
