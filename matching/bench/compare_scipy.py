#!/usr/bin/env python3
"""Compare `cargo run --release -p matching --example solve` with scipy on the same instances.

    pip install scipy numpy
    cargo build --release -p matching --example solve
    python3 matching/bench/compare_scipy.py [--workdir /tmp/buddymatch-bench] [--only NAME] [--repeat N]

For each instance it writes the harness file, runs `solve` (its own `solve_seconds`, the solve
alone) and `scipy.optimize.linear_sum_assignment(maximize=True)` (timed around the call alone),
checks that both reach the same optimum (matched count and total score), and prints a table.
Each solver runs `--repeat` times (default 3) on each instance; the table gives the median time,
which keeps one run disturbed by other work on a small machine from deciding the figure.

"Most matched first" for scipy: capacities are expanded into repeated columns and infeasible
entries get -BIG with BIG > n * max_score, so scipy maximises the matched count first; its
assignments that land on -BIG entries are dropped (they are "unmatched"). scipy's total then
equals (matched * 0) + total score of the feasible pairs, and its matched count is the number
of feasible pairs it chose.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOLVE = os.path.join(ROOT, "target", "release", "examples", "solve")

# name, seekers, buddies, max score, density, min capacity, max capacity, seed
INSTANCES = [
    ("dense 4000x4000, 0..99", 4000, 4000, 99, 1.0, 1, 1, 1),
    ("dense 4000x4000, 0..1e6", 4000, 4000, 1_000_000, 1.0, 1, 1, 2),
    ("rect 2000x4000, 0..1e6", 2000, 4000, 1_000_000, 1.0, 1, 1, 3),
    ("rect 4000x2000, 0..1e6", 4000, 2000, 1_000_000, 1.0, 1, 1, 4),
    ("sparse 10000x8000, 5%, cap 1-3", 10000, 8000, 1_000_000, 0.05, 1, 3, 5),
    ("scarce 6000x2000, 2%, cap 1-2", 6000, 2000, 1_000_000, 0.02, 1, 2, 6),
]


def make(n, m, hi, dens, cmin, cmax, seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, hi + 1, size=(n, m), dtype=np.int64)
    feas = np.ones((n, m), dtype=bool) if dens >= 1 else rng.random((n, m)) < dens
    caps = rng.integers(cmin, cmax + 1, size=m)
    return scores, feas, caps


def write(path, scores, feas, caps):
    n, m = scores.shape
    with open(path, "w") as f:
        f.write(f"{n} {m}\n")
        f.write(" ".join(map(str, caps)) + "\n")
        for i in range(n):
            row = scores[i].astype(str)
            row[~feas[i]] = "-"
            f.write(" ".join(row))
            f.write("\n")


def run_solve(path):
    t = time.perf_counter()
    p = subprocess.run([SOLVE, "--input", path], capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"solve failed on {path}: {p.stderr}")
    head = p.stdout.split("\n", 1)[0].split()
    secs = float(p.stderr.strip().split()[-1])
    return int(head[1]), int(head[3]), secs, wall, p.stdout


def run_scipy(scores, feas, caps):
    n, m = scores.shape
    cols = np.repeat(np.arange(m), caps)
    big = float(n) * (scores.max() + 1) + 1
    w = scores[:, cols].astype(np.float64)
    w[~feas[:, cols]] = -big
    # Feasible entries get +big so that every extra matched seeker outweighs any score total.
    w[feas[:, cols]] += big
    t = time.perf_counter()
    r, c = linear_sum_assignment(w, maximize=True)
    secs = time.perf_counter() - t
    ok = feas[r, cols[c]]
    return int(ok.sum()), int(scores[r[ok], cols[c[ok]]].sum()), secs


def check_solution(out, scores, feas, caps, matched, total):
    lines = out.strip().split("\n")[1:]
    load = np.zeros(len(caps), dtype=np.int64)
    got_total = 0
    got_matched = 0
    for line in lines:
        s, b = line.split()
        if b == "-":
            continue
        s, b = int(s), int(b)
        assert feas[s, b], f"seeker {s} got infeasible buddy {b}"
        load[b] += 1
        got_total += int(scores[s, b])
        got_matched += 1
    assert (load <= caps).all(), "capacity exceeded"
    assert (got_matched, got_total) == (matched, total), "printed pairs disagree with the summary"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", default="/tmp/buddymatch-bench")
    ap.add_argument("--only", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    rows = []
    for k, (name, n, m, hi, dens, cmin, cmax, seed) in enumerate(INSTANCES):
        if args.only and args.only not in name:
            continue
        scores, feas, caps = make(n, m, hi, dens, cmin, cmax, seed)
        path = os.path.join(args.workdir, f"instance{k}.txt")
        if not os.path.exists(path):
            write(path, scores, feas, caps)
        ours = [run_solve(path) for _ in range(max(1, args.repeat))]
        matched, total, _, _, out = ours[0]
        if any((o[0], o[1], o[4]) != (matched, total, out) for o in ours):
            sys.exit(f"solve is not deterministic on {name}")
        check_solution(out, scores, feas, caps, matched, total)
        secs = statistics.median(o[2] for o in ours)
        theirs = [run_scipy(scores, feas, caps) for _ in range(max(1, args.repeat))]
        s_matched, s_total, _ = theirs[0]
        s_secs = statistics.median(t[2] for t in theirs)
        same = (matched, total) == (s_matched, s_total)
        rows.append((name, matched, total, secs, s_secs, same))
        print(f"{name}: ours {matched}/{total} {secs:.3f}s, scipy {s_matched}/{s_total} {s_secs:.3f}s",
              file=sys.stderr)
        if not same:
            sys.exit(f"MISMATCH on {name}: ours {(matched, total)} scipy {(s_matched, s_total)}")
    print("| instance | matched | total score | solve (s) | scipy (s) | speed-up | same optimum |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, matched, total, secs, s_secs, same in rows:
        print(f"| {name} | {matched} | {total} | {secs:.3f} | {s_secs:.3f} | {s_secs / secs:.1f}x | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()
