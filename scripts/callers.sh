#!/usr/bin/env bash
# callers.sh [--subset] [SRC]: prove that every in-tree caller of a GUP entry
# point still compiles, without new warnings, after the series.
#
# SRC (default: patches/ applied to a fresh base in work/callers-src) must be
# a work tree of the base repository (it needs the 'base' tag).  Callers are
# the .c files that name one of GUP_FUNCS below as a word ('git grep -w'),
# outside tools/, Documentation/, include/ and samples/, in SRC or in the base
# (so a caller the series converts away is still built); mm/ is included.
#
# Builds, each out of tree with ccache and its own log:
#   x86_64   allmodconfig in work/build/allmod: every caller outside arch/
#            and under arch/x86/
#   s390     defconfig (s390x-linux-gnu-) in work/build/cross-s390: the
#            callers under arch/s390/, and mm/gup.o
#   powerpc  ppc64le_defconfig (powerpc64le-linux-gnu-) in
#            work/build/cross-ppc: the callers under arch/powerpc/, and mm/gup.o
#   arm64    defconfig (aarch64-linux-gnu-) in work/build/cross-arm64: the
#            callers under arch/arm64/, and mm/gup.o
#   arm      multi_v7_defconfig with LPAE, huge pages and THP (what arm needs
#            for GUP-fast and huge page GUP; arm-linux-gnueabihf-) in
#            work/build/cross-arm: the callers under arch/arm/, and mm/gup.o
#   arm-nommu  stm32_defconfig (arm-linux-gnueabihf-, CONFIG_MMU off) in
#            work/build/cross-arm-nommu: mm/gup.o and mm/nommu.o, the GUP of
#            a kernel without an MMU, which no other build compiles
# The cross compilers are installed from Debian's archive when missing.
#
# Only objects Kbuild builds in that configuration are compiled: the object
# lists of every directory Kbuild descends into are read once per
# configuration (a 'make -n' walk that prints them, cached in the build
# directory), so a file in a disabled directory, a file whose option is off,
# and a file built from another directory's Makefile (virt/kvm/*.c from
# arch/x86/kvm/) are all handled as Kbuild itself would.  The others are
# 'skip ... (not in this config)'; callers under the remaining arch/ trees
# are 'skip ... (arch not built)'.
#
# --subset (CI's time budget) builds a fixed set instead:
#   x86_64   the callers the series changes (git diff base, SRC's commits and
#            uncommitted changes), plus SUBSET_X86 below
#   s390, powerpc   the callers under that arch/ the series changes, plus
#            mm/gup.o
#   (no arm64 nor arm: 'make test-arm64' builds mm/gup.o for arm64)
#
# CALLERS_ARCH='NAME...' (x86_64 s390 powerpc arm64 arm arm-nommu) builds
# only those.
#
# One line per object: 'ok callers ARCH path/file.o', 'not ok callers ARCH
# path/file.o' with the compiler's warning and error lines indented below it,
# or 'skip callers ARCH path/file.o (REASON)'.  An object fails when it does
# not compile, when a 'warning:' line names its source (or object) file or
# a file the series changes, or when it is module code that calls a GUP
# export in a symbol namespace (get_user_pages*(): GET_USER_PAGES) and does
# not import the namespace itself (scripts/nscheck.sh).  Last line:
# 'callers: N built, N failed, N skipped'; exit 1 when any failed.  Logs:
# work/logs/callers-*.log.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

GUP_FUNCS=(get_user_pages get_user_pages_remote get_user_pages_unlocked
	get_user_pages_fast get_user_pages_fast_only get_user_page_fast_only
	pin_user_pages pin_user_pages_remote pin_user_pages_unlocked
	pin_user_pages_fast pin_user_pages_fast_only follow_page get_dump_page)
# The fixed part of the x86_64 subset: the GUP core and its test module, and
# one caller for each of the main ways GUP is used (FOLL_LONGTERM pins for
# DMA and RDMA, io_uring's registered buffers, iov_iter's get/pin, remote GUP
# for uprobes and KVM, a small driver using the _unlocked variant).
SUBSET_X86=(mm/gup.c mm/gup_test.c virt/kvm/kvm_main.c io_uring/rsrc.c
	drivers/virt/nitro_enclaves/ne_misc_dev.c drivers/infiniband/core/umem.c
	drivers/vfio/vfio_iommu_type1.c lib/iov_iter.c kernel/events/uprobes.c)
CROSS_PKGS=(gcc-s390x-linux-gnu gcc-powerpc64le-linux-gnu)
# Only the full run builds these.
FULL_CROSS_PKGS=(gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf)
# The options added to arm's multi_v7_defconfig.
ARM_OPTS=(ARM_LPAE TRANSPARENT_HUGEPAGE HUGETLBFS)
JOBS=2

usage() {
	echo "usage: $0 [--subset] [SRC]" >&2
	exit 2
}

subset=0 src=
for a in "$@"; do
	case $a in
	--subset) subset=1 ;;
	-*) usage ;;
	*) [ -z "$src" ] || usage; src=$a ;;
	esac
done
# CI's subset builds its fixed set whatever the environment says; a name
# that is no architecture here would build nothing and pass.
[ "$subset" -eq 0 ] || CALLERS_ARCH=
for a in ${CALLERS_ARCH:-}; do
	case $a in
	x86_64 | s390 | powerpc | arm64 | arm | arm-nommu) ;;
	*) die "CALLERS_ARCH: no architecture '$a' here (x86_64 s390 powerpc arm64 arm arm-nommu)" ;;
	esac
done

need git make gcc ccache flock awk sha1sum nice nm objcopy
mkdir -p "$WORK/build"
exec 9>"$WORK/build/.callers.lock"
flock -n 9 || die "another callers.sh is running (lock: $WORK/build/.callers.lock)"

# --- the source tree -------------------------------------------------------
if [ -z "$src" ]; then
	src=$WORK/callers-src
	"$TOP/scripts/apply.sh" "$TOP/patches" "$src"
fi
src=$(realpath "$src")
git -C "$src" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null ||
	die "$src is not a work tree of the base repository (no '$BASE_TAG' tag)"
[ ! -e "$src/.config" ] ||
	die "$src has a .config: out-of-tree builds need a clean source tree"

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.ccache}
export CCACHE_BASEDIR=$src
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- the callers -----------------------------------------------------------
stage "callers: find the callers of ${#GUP_FUNCS[@]} GUP entry points"
pat=()
for f in "${GUP_FUNCS[@]}"; do pat+=(-e "$f"); done
spec=('*.c' ':!tools/' ':!Documentation/' ':!include/' ':!samples/')
{
	git -C "$src" grep -l -w "${pat[@]}" -- "${spec[@]}" || true
	git -C "$src" grep -l -w "${pat[@]}" "$BASE_TAG" -- "${spec[@]}" |
		sed "s/^$BASE_TAG://" || true
} | sort -u | while read -r f; do
	[ ! -f "$src/$f" ] || echo "$f"
done >"$tmp/callers"
# Files the series changes: its commits and anything uncommitted in SRC.
git -C "$src" diff --name-only "$BASE_TAG" >"$tmp/touched"
grep -xFf "$tmp/touched" "$tmp/callers" >"$tmp/changed" || true
cp "$tmp/callers" "$LOGS/callers-files.log"
# GUP exports in a symbol namespace: 'SYMBOL NAMESPACE' (none in the base).
sed -n 's/^EXPORT_SYMBOL_NS\(_GPL\)\?(\([a-z0-9_]*\), *\([A-Z0-9_]*\));$/\2 \3/p' \
	"$src/mm/gup.c" >"$tmp/ns-exports"
done_stage "$(wc -l <"$tmp/callers") files, $(wc -l <"$tmp/changed") changed by the series"

# pick ARCH: the caller sources to build for ARCH (x86_64, s390, powerpc,
# arm64, arm).
pick() {
	local arch=$1 f
	if [ "$arch" = x86_64 ]; then
		if [ "$subset" = 1 ]; then
			for f in "${SUBSET_X86[@]}"; do
				if [ -f "$src/$f" ]; then
					echo "$f"
				else
					echo "NOTE: subset file $f is not in $src" >&2
				fi
			done
			cat "$tmp/changed"
		else
			cat "$tmp/callers"
		fi | grep -v '^arch/' || true
		if [ "$subset" = 1 ]; then
			grep '^arch/x86/' "$tmp/changed" || true
		else
			grep '^arch/x86/' "$tmp/callers" || true
		fi
	elif [ "$arch" = arm-nommu ]; then
		printf '%s\n' mm/gup.c mm/nommu.c
	else
		echo mm/gup.c
		# The series' own changes to this architecture, callers or not.
		grep "^arch/$arch/.*\.c$" "$tmp/touched" || true
		if [ "$subset" = 1 ]; then
			grep "^arch/$arch/" "$tmp/changed" || true
		else
			grep "^arch/$arch/" "$tmp/callers" || true
		fi
	fi | sort -u
}

# --- cross compilers -------------------------------------------------------
install_cross() {
	local p missing=() log=$LOGS/callers-deps.log sudo=
	[ "$subset" = 1 ] || CROSS_PKGS+=("${FULL_CROSS_PKGS[@]}")
	for p in "${CROSS_PKGS[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	stage "callers: install ${missing[*]}"
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	: >"$log"
	$sudo apt-get update >>"$log" 2>&1 || die "apt-get update failed" "$log"
	$sudo apt-get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1 ||
		die "apt-get install failed" "$log"
	done_stage
}
install_cross
need s390x-linux-gnu-gcc powerpc64le-linux-gnu-gcc
[ "$subset" = 1 ] || need aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc

# --- building --------------------------------------------------------------
built=0 failed=0 skipped=0

# norm_awk: an awk function norm(PATH) that turns a path from the build (absolute
# under SRC, relative to the build directory, or with '..' in it) into a path
# relative to SRC.  Needs -v abs=SRC/ -v rel=RELATIVE-SRC/.
norm_awk='
function norm(p,   n, i, k, part, out, r) {
	if (index(p, abs) == 1) p = substr(p, length(abs) + 1)
	else if (index(p, rel) == 1) p = substr(p, length(rel) + 1)
	n = split(p, part, "/"); k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "" || part[i] == ".") continue
		if (part[i] == ".." && k > 0 && out[k] != "..") { k--; continue }
		out[++k] = part[i]
	}
	r = ""
	for (i = 1; i <= k; i++) r = r (i > 1 ? "/" : "") out[i]
	return r
}'

# objmap NAME OUT MAKE...: OUT/.callers-objmap, lines 'OBJ TARGET': every
# object Kbuild builds in this configuration, as a path relative to SRC and as
# the target its Makefile names (arch/x86/kvm/../../../virt/kvm/kvm_main.o).
objmap() {
	local name=$1 out=$2 key log kb
	log=$LOGS/callers-$name-objs.log
	shift 2
	# Read by every make of the walk: in each Kbuild directory, the default
	# goal becomes one that prints the directory's objects and descends.
	cat >"$out/.callers-objs.mk" <<'EOF'
# Written by scripts/callers.sh for its 'make -n' walk (MAKEFILES=this file).
ifeq ($(origin obj),command line)
.SECONDEXPANSION:
.DEFAULT_GOAL := callers-objs
callers-objs: $$(subdir-ym)
	@echo 'CALLERS-OBJS $(real-obj-y) $(real-obj-m) $(lib-y)'
endif
EOF
	# The lists depend on the configuration and the Kbuild files only.
	kb=('*Makefile*' '*Kbuild*' '*.mk')
	key=$({
		cat "$out/.config" "$out/.callers-objs.mk"
		git -C "$src" ls-files -s -- "${kb[@]}"
		git -C "$src" diff HEAD -- "${kb[@]}"
	} | sha1sum | cut -d' ' -f1)
	if [ -f "$out/.callers-objmap" ] && [ "$(cat "$out/.callers-objmap.key" 2>/dev/null)" = "$key" ]; then
		return 0
	fi
	MAKEFILES=$out/.callers-objs.mk "$@" -n -k -j"$JOBS" >"$log" 2>&1 || true
	grep -q "CALLERS-OBJS .*mm/gup\.o" "$log" ||
		die "could not list the objects Kbuild builds for $name" "$log"
	grep -o "CALLERS-OBJS [^']*" "$log" | tr ' ' '\n' | grep '\.o$' |
		awk -v abs="$src/" -v rel="$(realpath -m --relative-to="$out" "$src")/" \
			"$norm_awk"'{ o = norm($0); if (!(o in seen)) { seen[o] = 1; print o, $0 } }' \
			>"$out/.callers-objmap"
	echo "$key" >"$out/.callers-objmap.key"
}

# nscheck OUT CROSS_COMPILE <LIST: 'TARGET MESSAGE' for each object of LIST
# that was built and that scripts/nscheck.sh finds calling a namespaced GUP
# export without importing its namespace.
nscheck() {
	local out=$1 cross=$2 f t o
	while read -r f t o _; do
		if [ "$f" != build ] || [ ! -f "$out/$o" ]; then continue; fi
		"$TOP/scripts/nscheck.sh" "$tmp/ns-exports" "$cross" "$out/$o" |
			sed "s|^|$t |"
	done
}

# build_arch NAME CONFIG OUT [CROSS_COMPILE [OPTION...]]: configure OUT (the
# make target CONFIG, then each OPTION switched on), prepare, list the
# objects and build the picked callers; prints the per-object lines.
build_arch() {
	local name=$1 config=$2 out=$3 cross=${4:-} karch=${1%-nommu} f o t n opts=()
	shift $(($# < 4 ? $# : 4))
	case " ${CALLERS_ARCH:-$name} " in
	*" $name "*) ;;
	*) return 0 ;;
	esac
	for o in "$@"; do opts+=(--enable "$o"); done
	local plog=$LOGS/callers-$name-prepare.log log=$LOGS/callers-$name.log
	local K=(nice -n 10 make -C "$src" O="$out" ARCH="$karch" HOSTCC="ccache gcc"
		CC="ccache ${cross}gcc")
	[ -z "$cross" ] || K+=(CROSS_COMPILE="$cross")

	stage "callers: $name $config${*:+ + $*} and prepare in ${out#"$WORK"/}"
	# A build directory belongs to one source tree.
	if [ -d "$out" ] && [ "$(cat "$out/.callers-src" 2>/dev/null)" != "$src" ]; then
		rm -rf "$out"
	fi
	mkdir -p "$out"
	echo "$src" >"$out/.callers-src"
	(
		"${K[@]}" "$config" &&
			if [ ${#opts[@]} -gt 0 ]; then
				"$src/scripts/config" --file "$out/.config" "${opts[@]}" &&
					"${K[@]}" olddefconfig &&
					for o in "$@"; do
						grep -qx "CONFIG_$o=y" "$out/.config" ||
							{ echo "CONFIG_$o=y did not hold"; exit 1; }
					done
			fi &&
			"${K[@]}" -j"$JOBS" prepare
	) >"$plog" 2>&1 || die "$name: configuring or 'make prepare' failed" "$plog"
	objmap "$name" "$out" "${K[@]}"
	done_stage "$(wc -l <"$out/.callers-objmap") objects in this config"

	# The list: 'build TARGET OBJ SRC' or 'nomap OBJ OBJ SRC'.
	pick "$name" >"$tmp/$name.pick"
	awk 'NR == FNR { t[$1] = $2; next }
		{ o = $0; sub(/\.c$/, ".o", o)
		  print (o in t ? "build " t[o] : "nomap " o), o, $0 }' \
		"$out/.callers-objmap" "$tmp/$name.pick" >"$tmp/$name.list"
	n=$(grep -c '^build ' "$tmp/$name.list" || true)

	stage "callers: $name: build $n objects ($(grep -c '^nomap ' "$tmp/$name.list" || true) not in this config)"
	: >"$log"
	if [ "$n" -gt 0 ]; then
		# Remove the objects first so that each is compiled (ccache replays
		# the warnings of a cache hit) and its output is in the log.
		while read -r f t o _; do
			if [ "$f" = build ]; then rm -f "$out/$o"; fi
		done <"$tmp/$name.list"
		awk '$1 == "build" { print $2 }' "$tmp/$name.list" >"$tmp/$name.targets"
		# -Otarget: each object's compiler output comes out in one piece,
		# after its '  CC  path/file.o' line.
		xargs -a "$tmp/$name.targets" -d '\n' "${K[@]}" -k -j"$JOBS" -Otarget \
			>"$log" 2>&1 || true
	fi
	while read -r f t o _; do
		if [ "$f" = build ] && [ -f "$out/$o" ]; then echo "$t"; fi
	done <"$tmp/$name.list" >"$tmp/$name.exists"

	nscheck "$out" "$cross" <"$tmp/$name.list" >"$tmp/$name.ns"

	awk -v arch="$name" -v logf="$log" -v abs="$src/" \
		-v rel="$(realpath -m --relative-to="$out" "$src")/" \
		-v counts="$tmp/$name.counts" "$norm_awk"'
	FILENAME == ARGV[1] { touched[$0] = 1; next }
	FILENAME == ARGV[2] { exists[$0] = 1; next }
	FILENAME == ARGV[3] { kind[++n] = $1; tgt[n] = $2; obj[n] = $3; srcf[n] = $4
		want[$2] = n; next }
	FILENAME == ARGV[4] { t = $1; sub(/^[^ ]+ /, "")
		m = (t in nsmsg) ? nsmsg[t] "\n    " $0 : $0; nsmsg[t] = m; next }
	# The build log.
	/^make(\[[0-9]+\])?: / {
		cur = 0
		if ($0 ~ /No rule to make target /) {
			t = $0; sub(/.*No rule to make target /, "", t); t = substr(t, 2)
			sub(/[^A-Za-z0-9_.\/+,-].*/, "", t); norule[t] = 1
		} else if (match($0, /: [^ ]*\.o\] Error [0-9]+$/)) {
			t = substr($0, RSTART + 2); sub(/\] Error [0-9]+$/, "", t); error[t] = 1
		}
		next
	}
	/^  [A-Z][A-Z0-9_]*( +\[M\])? +[^ ]+$/ { cur = ($NF in want) ? want[$NF] : 0; next }
	cur && /(warning|error): / {
		file = $0; sub(/:.*/, "", file); f = norm(file); line = $0
		if (file != line) line = f substr($0, length(file) + 1)
		ndiag[cur]++; diag[cur, ndiag[cur]] = line
		if ($0 ~ /warning: / && (f == srcf[cur] || f == obj[cur] || f in touched))
			bad[cur] = 1
	}
	END {
		for (i = 1; i <= n; i++) {
			if (kind[i] == "nomap" || tgt[i] in norule) {
				printf "skip callers %s %s (not in this config)\n", arch, obj[i]
				nskip++; continue
			}
			if (tgt[i] in exists && !(tgt[i] in error) && !bad[i] &&
			    !(tgt[i] in nsmsg)) {
				printf "ok callers %s %s\n", arch, obj[i]; nok++
				for (j = 1; j <= ndiag[i]; j++)
					printf "    (elsewhere) %s\n", diag[i, j]
				continue
			}
			printf "not ok callers %s %s\n", arch, obj[i]; nfail++
			if (tgt[i] in nsmsg) printf "    %s\n", nsmsg[tgt[i]]
			for (j = 1; j <= ndiag[i] && j <= 30; j++) printf "    %s\n", diag[i, j]
			if (ndiag[i] > 30) printf "    ... %d more\n", ndiag[i] - 30
			if (!ndiag[i] && !(tgt[i] in nsmsg))
				printf "    (no compiler output for it)\n"
			printf "    (log: %s)\n", logf
		}
		print nok + 0, nfail + 0, nskip + 0 > counts
	}' "$tmp/touched" "$tmp/$name.exists" "$tmp/$name.list" "$tmp/$name.ns" "$log"
	read -r a b c <"$tmp/$name.counts"
	built=$((built + a)) failed=$((failed + b)) skipped=$((skipped + c))
	done_stage "$a built, $b failed, $c skipped"
}

build_arch x86_64 allmodconfig "$WORK/build/allmod"
build_arch s390 defconfig "$WORK/build/cross-s390" s390x-linux-gnu-
build_arch powerpc ppc64le_defconfig "$WORK/build/cross-ppc" powerpc64le-linux-gnu-
if [ "$subset" = 0 ]; then
	build_arch arm64 defconfig "$WORK/build/cross-arm64" aarch64-linux-gnu-
	build_arch arm multi_v7_defconfig "$WORK/build/cross-arm" arm-linux-gnueabihf- \
		"${ARM_OPTS[@]}"
	build_arch arm-nommu stm32_defconfig "$WORK/build/cross-arm-nommu" \
		arm-linux-gnueabihf-
fi

# Callers under the arch/ trees no pass builds.
if [ "$subset" = 0 ]; then
	grep '^arch/' "$tmp/callers" | grep -Ev '^arch/(x86|s390|powerpc|arm64|arm)/' |
		while read -r f; do
			a=${f#arch/}
			echo "skip callers ${a%%/*} ${f%.c}.o (arch not built)"
		done >"$tmp/other" || true
	cat "$tmp/other"
	skipped=$((skipped + $(wc -l <"$tmp/other")))
fi

echo "callers: $built built, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
