#!/usr/bin/env python3
"""benchstat.py RUNS ROUNDS: compare the bench boots in RUNS/{base,series}-N.

Each case's time is the median of the in-guest repeats; across rounds the
median is taken again.  The ratio is series/base.  The A/A noise of a case is
the largest relative distance of a single base round from the base median;
a case is 'slower' when its ratio exceeds 1 + three times that noise, with a
floor of 1% (bench.sh runs QEMU with -icount, so time is an instruction
count and the A/A noise is close to zero).
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
    return cases


def main():
    runs, rounds = sys.argv[1], int(sys.argv[2])
    data = {k: [read(f"{runs}/{k}-{r}/job.log") for r in range(1, rounds + 1)]
            for k in ("base", "series")}
    print(f"{'case':42} {'base get':>9} {'series':>9} {'ratio':>6} {'A/A':>6}"
          f" {'put ratio':>9}  verdict")
    slower = 0
    worst_noise = 0.0
    for case in data["base"][0]:
        b = [r[case][0] for r in data["base"]]
        s = [r[case][0] for r in data["series"]]
        bp = [r[case][1] for r in data["base"]]
        sp = [r[case][1] for r in data["series"]]
        bm, sm = statistics.median(b), statistics.median(s)
        noise = max(abs(x - bm) / bm for x in b) if bm else 0.0
        worst_noise = max(worst_noise, noise)
        ratio = sm / bm if bm else 1.0
        pratio = statistics.median(sp) / statistics.median(bp) if statistics.median(bp) else 1.0
        limit = 1 + max(3 * noise, 0.01)
        verdict = "slower" if ratio > limit else "ok"
        slower += verdict == "slower"
        print(f"{case:42} {bm:9.0f} {sm:9.0f} {ratio:6.3f} {noise:6.3f} {pratio:9.3f}  {verdict}")
    print(f"rounds: {rounds}; worst A/A noise {worst_noise:.3f}; cases slower than noise: {slower}")
    return 1 if slower else 0


if __name__ == "__main__":
    sys.exit(main())
