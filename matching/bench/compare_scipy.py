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

# The structured suite (issue 12): classes of Dell'Amico & Toth (2000) and Burkard, Dell'Amico &
# Martello, "Assignment Problems", ch. 4, as *costs* c[i][j] turned into scores C - c[i][j]
# (C = max cost), all feasible. name, class, seekers, buddies, max capacity, seed.
SUITE = [
    ("uniform", 1000, 1000, 1, 11),
    ("uniform", 2000, 1000, 1, 12),
    ("geometric", 1000, 1000, 1, 13),
    ("geometric", 2000, 2000, 1, 14),
    ("machol-wien", 1000, 1000, 1, 0),
    ("machol-wien", 2000, 2000, 1, 0),
    ("row-col", 1000, 1000, 1, 15),
    ("row-col", 2000, 1000, 3, 16),
    ("flow-shop", 1000, 1000, 1, 17),
    ("flow-shop", 2000, 2000, 1, 18),
    ("two-cost", 1000, 1000, 1, 19),
    ("two-cost", 2000, 2000, 1, 20),
    ("simonetti", 1000, 1000, 1, 21),
    ("simonetti", 1000, 2000, 1, 22),
    ("low-rank-6", 1000, 1000, 1, 23),
    ("low-rank-6", 3000, 3000, 1, 24),
    ("low-rank-6", 3000, 1500, 2, 25),
]


def make_class(kind, n, m, cmax, seed):
    """Cost matrix of one class, turned into non-negative integer scores, and capacities."""
    rng = np.random.default_rng(seed)
    i = np.arange(n, dtype=np.int64)[:, None]
    j = np.arange(m, dtype=np.int64)[None, :]
    if kind == "uniform":  # c ~ U[0, 1e5]
        cost = rng.integers(0, 100_001, size=(n, m), dtype=np.int64)
    elif kind == "geometric":  # points in [0, 1e5]^2, c = rounded Euclidean distance
        a = rng.integers(0, 100_001, size=(n, 2)).astype(np.float64)
        b = rng.integers(0, 100_001, size=(m, 2)).astype(np.float64)
        cost = np.rint(np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))).astype(np.int64)
    elif kind == "machol-wien":  # c = i * j (score n*n - i*j in the issue)
        cost = i * j
    elif kind == "row-col":  # row- and column-dependent: c = a_i * b_j, a, b ~ U[1, 1000]
        a = rng.integers(1, 1001, size=(n, 1), dtype=np.int64)
        b = rng.integers(1, 1001, size=(1, m), dtype=np.int64)
        cost = a * b
    elif kind == "flow-shop":  # no-wait flow shop, 10 machines, p ~ U[1, 100]: delay of j after i
        p = rng.integers(1, 101, size=(max(n, m), 10), dtype=np.int64)
        ci = np.cumsum(p[:n], axis=1)  # completion of job i on machine k, relative
        cj = np.cumsum(p[:m], axis=1) - p[:m]  # start of job j on machine k, relative
        cost = np.max(ci[:, None, :] - cj[None, :, :], axis=2)
    elif kind == "two-cost":  # c = 1 or 1e5, half each
        cost = np.where(rng.random((n, m)) < 0.5, 1, 100_000).astype(np.int64)
    elif kind == "simonetti":  # Simonetti-like: c = (i * j) mod n + noise U[0, 9]
        cost = (i * j) % n * 10 + rng.integers(0, 10, size=(n, m), dtype=np.int64)
    elif kind == "low-rank-6":  # rounded product of two random rank-6 factors U[0, 1000]
        a = rng.integers(0, 1001, size=(n, 6), dtype=np.int64)
        b = rng.integers(0, 1001, size=(6, m), dtype=np.int64)
        cost = a @ b
    else:
        raise ValueError(kind)
    scores = cost.max() - cost
    caps = rng.integers(1, cmax + 1, size=m) if cmax > 1 else np.ones(m, dtype=np.int64)
    return scores, np.ones((n, m), dtype=bool), caps


def suite_name(kind, n, m, cmax):
    return f"{kind} {n}x{m}" + (f", cap 1-{cmax}" if cmax > 1 else "")


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


def run_solve(path, solve=SOLVE):
    t = time.perf_counter()
    p = subprocess.run([solve, "--input", path], capture_output=True, text=True)
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
    ap.add_argument("--solve", default=SOLVE, help="the solve binary (default: the release example)")
    ap.add_argument("--suite", choices=["classic", "structured", "all"], default="all",
                    help="the first six rows, the structured classes of issue 12, or both")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    rows = []
    todo = []
    if args.suite in ("classic", "all"):
        for k, (name, n, m, hi, dens, cmin, cmax, seed) in enumerate(INSTANCES):
            todo.append((name, f"instance{k}.txt",
                         lambda a=(n, m, hi, dens, cmin, cmax, seed): make(*a)))
    if args.suite in ("structured", "all"):
        for kind, n, m, cmax, seed in SUITE:
            name = suite_name(kind, n, m, cmax)
            todo.append((name, f"suite-{kind}-{n}x{m}-{cmax}-{seed}.txt",
                         lambda a=(kind, n, m, cmax, seed): make_class(*a)))
    for name, fname, gen in todo:
        if args.only and args.only not in name:
            continue
        scores, feas, caps = gen()
        path = os.path.join(args.workdir, fname)
        if not os.path.exists(path):
            write(path, scores, feas, caps)
        ours = [run_solve(path, args.solve) for _ in range(max(1, args.repeat))]
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
    print("| instance | matched | total score | solve (s) | scipy (s) | ours/scipy | same optimum |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, matched, total, secs, s_secs, same in rows:
        print(f"| {name} | {matched} | {total} | {secs:.3f} | {s_secs:.3f} | {secs / s_secs:.3f} | {'yes' if same else 'NO'} |")
    if rows:
        ratios = [r[3] / r[4] for r in rows]
        geo = float(np.exp(np.mean(np.log(ratios))))
        worst = max(zip(ratios, (r[0] for r in rows)))
        print(f"\ngeometric mean ours/scipy {geo:.3f}, worst {worst[0]:.3f} ({worst[1]}), "
              f"{len(rows)} instances, repeat {args.repeat}")


if __name__ == "__main__":
    main()
