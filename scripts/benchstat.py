#!/usr/bin/env python3
"""benchstat.py RUNS ROUNDS: compare the bench boots in RUNS/{base,series}-N.

gup_test times two things per case: the get (pin or reference) and the put
(unpin_user_pages(), or put_page() of each page for get_user_pages*()).
Each is judged on its own.  A time is the median of the in-guest repeats;
across rounds the median is taken again.  The ratio is series/base.  The
A/A noise of a time is the largest relative distance of a single base round
from the base median; a time is 'slower' when its ratio exceeds 1 + three
times that noise, with a floor of 1% (bench.sh runs QEMU with -icount, so
time is an instruction count and the A/A noise is close to zero).
Exits 1 if any case is slower, in its get or its put.
"""
import re
import statistics
import sys


def read(path):
    cases = {}
    with open(path) as f:
        for line in f:
            m = re.match(r"BENCH gup_test (.*) get=(\d+) put=(\d+)", line)
            if m:
                cases[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    if not cases:
        sys.exit(f"benchstat: no BENCH lines in {path}")
    return cases


def judge(base, series):
    """(base median, series median, ratio, noise, slower) of one time."""
    bm, sm = statistics.median(base), statistics.median(series)
    noise = max(abs(x - bm) / bm for x in base) if bm else 0.0
    ratio = sm / bm if bm else 1.0
    return bm, sm, ratio, noise, ratio > 1 + max(3 * noise, 0.01)


def main():
    runs, rounds = sys.argv[1], int(sys.argv[2])
    data = {k: [read(f"{runs}/{k}-{r}/job.log") for r in range(1, rounds + 1)]
            for k in ("base", "series")}
    print(f"{'case':42} {'base get':>9} {'series':>9} {'ratio':>6} {'A/A':>6}"
          f" {'put ratio':>9} {'A/A':>6}  verdict")
    slower = 0
    worst_noise = 0.0
    for case in data["base"][0]:
        try:
            get = judge(*[[r[case][0] for r in data[k]] for k in ("base", "series")])
            put = judge(*[[r[case][1] for r in data[k]] for k in ("base", "series")])
        except KeyError:
            sys.exit(f"benchstat: case '{case}' missing from a round in {runs}")
        worst_noise = max(worst_noise, get[3], put[3])
        what = [w for w, j in (("get", get), ("put", put)) if j[4]]
        verdict = "slower (" + ", ".join(what) + ")" if what else "ok"
        slower += bool(what)
        print(f"{case:42} {get[0]:9.0f} {get[1]:9.0f} {get[2]:6.3f} {get[3]:6.3f}"
              f" {put[2]:9.3f} {put[3]:6.3f}  {verdict}")
    print(f"rounds: {rounds}; worst A/A noise {worst_noise:.3f}; cases slower than noise: {slower}")
    return 1 if slower else 0


if __name__ == "__main__":
    sys.exit(main())
