#!/bin/sh
# The selftest job, run inside the VM: every line of /tests/test.list is a
# command and one TAP test; exit code 4 (KSFT_SKIP) is a skip.  A line may
# start with 'expect-warn=FUNC ' to declare a kernel warning in FUNC that
# the test provokes on purpose: the host accepts such a WARNING only between
# the two markers written to the kernel log here, and only in FUNC.
cd /tmp || exit 1
grep -v '^#' /tests/test.list | grep -v '^ *$' >/tmp/tests
echo "TAP version 13"
echo "1..$(wc -l </tmp/tests)"
i=0
fail=0
while read -r line; do
	i=$((i + 1))
	expect=
	case $line in
	expect-warn=*)
		expect=${line%% *}
		expect=${expect#expect-warn=}
		line=${line#* }
		;;
	esac
	echo "# $i: $line"
	echo "gupws: test $i: $line" >/dev/kmsg
	[ -n "$expect" ] && echo "gupws: expect-warn begin $expect" >/dev/kmsg
	# shellcheck disable=SC2086  # the line is a command and its arguments
	{
		$line 2>&1
		echo $? >/tmp/rc
	} | sed 's/^/# /'
	[ -n "$expect" ] && echo "gupws: expect-warn end $expect" >/dev/kmsg
	rc=$(cat /tmp/rc)
	case $rc in
	0) echo "ok $i $line" ;;
	4) echo "ok $i $line # SKIP" ;;
	*)
		echo "not ok $i $line # exit $rc"
		fail=1
		;;
	esac
done </tmp/tests
exit $fail
