#!/bin/sh
# The benchmark job, run inside the VM: each command of /tests/bench.list
# prints 'BENCH <command> get=<us> put=<us>' with the median of its repeats.
cd /tmp || exit 1
while read -r line; do
	# shellcheck disable=SC2086  # the line is a command and its arguments
	$line >/tmp/out 2>&1 || { echo "BENCH-FAIL $line"; cat /tmp/out; continue; }
	get=$(sed -n 's/.*get:\([0-9]*\).*/\1/p' /tmp/out | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	put=$(sed -n 's/.*put:\([0-9]*\).*/\1/p' /tmp/out | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	echo "BENCH $line get=$get put=$put"
done </tests/bench.list
