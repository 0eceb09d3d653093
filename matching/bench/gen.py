#!/usr/bin/env python3
"""Write a benchmark instance: gen.py OUT seekers buddies maxscore density capmin capmax seed"""
import sys
import numpy as np

def write(path, scores, feasible, caps):
    n, m = scores.shape
    with open(path, "w") as f:
        f.write(f"{n} {m}\n")
        f.write(" ".join(map(str, caps)) + "\n")
        s = scores.astype(str)
        if feasible is not None:
            s[~feasible] = "-"
        f.write("\n".join(" ".join(row) for row in s))
        f.write("\n")

if __name__ == "__main__":
    out, n, m, hi, dens, cmin, cmax, seed = sys.argv[1:]
    rng = np.random.default_rng(int(seed))
    n, m, hi = int(n), int(m), int(hi)
    scores = rng.integers(0, hi + 1, size=(n, m))
    feas = None if float(dens) >= 1 else rng.random((n, m)) < float(dens)
    caps = rng.integers(int(cmin), int(cmax) + 1, size=m)
    write(out, scores, feas, caps)
