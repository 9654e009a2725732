#!/usr/bin/env python3
"""insnattr.py BASE.pcs BASE_VMLINUX SERIES.pcs SERIES_VMLINUX: the
instructions each function executed in two traces of insntrace.sh, and
the difference, largest first; functions that executed as many in both
are left out."""
import bisect
import collections
import subprocess
import sys


def count(pcs, vmlinux):
    syms = []
    nm = subprocess.run(["nm", "-n", vmlinux], capture_output=True,
                        text=True, check=True).stdout
    for line in nm.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            syms.append((int(f[0], 16), f[2]))
    addrs = [a for a, _ in syms]
    c = collections.Counter()
    with open(pcs) as f:
        for line in f:
            i = bisect.bisect_right(addrs, int(line, 16)) - 1
            c[syms[i][1] if i >= 0 else "?"] += 1
    return c


def main():
    a = count(sys.argv[1], sys.argv[2])
    b = count(sys.argv[3], sys.argv[4])
    print("%-40s %7s %7s %6s" % ("function", "base", "series", "diff"))
    for k in sorted(set(a) | set(b), key=lambda k: (-abs(b[k] - a[k]), k)):
        if a[k] != b[k]:
            print("%-40s %7d %7d %+6d" % (k, a[k], b[k], b[k] - a[k]))
    print("%-40s %7d %7d %+6d" % ("total", sum(a.values()), sum(b.values()),
                                   sum(b.values()) - sum(a.values())))


main()
