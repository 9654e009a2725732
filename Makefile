# Workspace for the GUP patch series on top of Debian's linux-source-6.1.
# Flow: base (pristine tarball, git tag 'base') -> series (patches/) ->
# kernel (tinyconfig + config/*.config) -> VM (QEMU, busybox initramfs) ->
# results (TAP, kernel reports, benchmark).  See README.md.

S := scripts
DURATION ?= 600
VARIANT ?= debug

.PHONY: all test test-arm64 deps base apply export post range-diff htmldocs checkpatch bench insntrace callers callers-ci stress clean distclean

all:            ## build work/linux, boot it, print selftest and benchmark summaries
	@$(S)/main.sh

test:           ## everything CI checks; ends with 'N passed, N failed'
	@$(S)/test.sh

test-arm64:     ## the selftests on arm64 (cross build, QEMU virt, TCG); not in 'make test'
	@$(S)/test-arm64.sh

deps:           ## install the Debian packages, the pinned kernel source included
	@$(S)/deps.sh

base: deps      ## unpack the pristine base into work/linux
	@$(S)/base.sh

apply: base     ## bring work/linux up to date with patches/
	@$(S)/apply.sh

export:         ## work/linux's commits on top of 'base' -> patches/, ready to post (v, To/Cc, changelog)
	@$(S)/export.sh

post: base      ## 'make export', then no stale changelog entry, checkpatch, htmldocs: ready to send
	@$(S)/export.sh && $(S)/post.sh

range-diff: apply  ## what changed in each patch since the previous posting (config/post.version)
	@$(S)/rangediff.sh

htmldocs: apply  ## core-api's HTML of work/linux, no warning that the base's does not have
	@$(S)/htmldocs.sh

checkpatch: base  ## scripts/checkpatch.pl --strict on every patch
	@$(S)/checkpatch.sh

bench: deps     ## series vs base, alternating boots, as ratios
	@$(S)/bench.sh

insntrace: deps ## after 'make bench': where one GUP call's instructions go, series vs base
	@$(S)/insntrace.sh

callers: deps   ## every in-tree GUP caller compiles: x86_64 allmodconfig, s390, ppc64le, arm64, arm, arm !MMU
	@$(S)/callers.sh

callers-ci: deps  ## the fixed subset of 'make callers' that CI has time for
	@$(S)/callers.sh --subset

stress: deps    ## gup_stress alone for DURATION s (600) in the VARIANT (debug) kernel
	@DURATION='$(DURATION)' VARIANT='$(VARIANT)' $(S)/stress.sh

clean:          ## remove builds and runs, keep work/linux
	rm -rf work/build work/runs work/logs

distclean:      ## remove everything generated, work/linux included
	rm -rf work
