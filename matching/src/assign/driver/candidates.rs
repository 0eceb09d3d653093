//! The candidate loop: each row's cheapest edges first, the optimality certificate over the
//! whole graph, and the violating edges added until it holds (or every usable edge is a
//! candidate).

use super::super::ssp::{self, Graph, Start, FREE, UNMATCHED};
use super::components::solve_candidates;
use super::{Prepared, Stats, Tuning};
use crate::pair_hash::mix;
use rayon::prelude::*;

/// How edge costs are derived from scores in one optimisation.
#[derive(Clone, Copy)]
pub(crate) enum Costs {
    /// `cost = top - score`: maximise the total score.
    Score { top: i64 },
    /// Every edge costs 0: maximise the number matched only.
    Cardinality,
}

impl Costs {
    #[inline]
    pub(super) fn of(self, score: i64) -> i64 {
        match self {
            Self::Score { top } => top - score,
            Self::Cardinality => 0,
        }
    }
}

/// An optimum over the unpinned seekers with the dual potentials that certify it.
pub(crate) struct Optimum {
    /// The chosen edge (index into `p.edges`) of each seeker, `None` when unmatched (and for
    /// pinned seekers).
    pub chosen: Vec<Option<usize>>,
    /// Row potential of each unpinned seeker (0 for pinned ones): no usable edge has a negative
    /// reduced cost `cost - u[i] - v[j]`.
    pub u: Vec<i64>,
    /// Column potential of each buddy: 0 with room left, `<= 0` when full.
    pub v: Vec<i64>,
}

/// The optimum over the unpinned seekers and its certificate (see [`Optimum`]).
pub(crate) fn optimise(
    p: &Prepared<'_>,
    min_score: i64,
    costs: Costs,
    dummy: &[i64],
    tuning: Tuning,
    stats: &mut Stats,
) -> Optimum {
    debug_assert!(tuning.candidates >= 1 && tuning.added_per_round >= 1);
    stats.calls += 1;
    let n = p.n;
    let m = p.m;
    let active: Vec<usize> = p.active().collect();
    // Candidate edges per seeker (indices into `p.edges`) and a lower bound on the cost of the
    // seeker's other usable edges (`i64::MAX` when every usable edge is a candidate).
    let mut cand: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut bound: Vec<i64> = vec![i64::MAX; n];
    let initial: Vec<(usize, Vec<usize>, i64)> = active
        .par_iter()
        .map(|&i| {
            let (c, b) = select(p, i, min_score, costs, tuning);
            (i, c, b)
        })
        .collect();
    for (i, c, b) in initial {
        cand[i] = c;
        bound[i] = b;
    }
    let mut col_of = vec![UNMATCHED; n];
    let mut row_cost = vec![0i64; n];
    let mut v = vec![0i64; m];
    let mut round = 0;
    let mut last_violating = usize::MAX;
    let mut everything = false;
    loop {
        round += 1;
        stats.rounds += 1;
        solve_candidates(p, &cand, costs, dummy, &mut col_of, &mut row_cost, &mut v);
        let u = |i: usize| match col_of[i] {
            UNMATCHED => dummy[i],
            j => row_cost[i] - v[j as usize],
        };
        let vmax = v.iter().copied().max().unwrap_or(0);
        // Certificate: no usable edge has a negative reduced cost `c - u[i] - v[j]`.
        let violations: Vec<(usize, Vec<usize>)> = active
            .par_iter()
            .filter_map(|&i| {
                let ui = u(i);
                if bound[i] == i64::MAX || bound[i] - ui - vmax >= 0 {
                    return None;
                }
                let mut bad: Vec<(i64, usize)> = (p.row_start[i]..p.row_start[i + 1])
                    .filter_map(|k| {
                        let e = &p.edges[k];
                        let reduced = costs.of(e.score) - ui - v[e.buddy as usize];
                        (p.usable(k, min_score) && reduced < 0).then_some((reduced, k))
                    })
                    .collect();
                // Only the most violating edges: a seeker left unmatched in a round violates
                // with nearly all its edges, and adding them all makes the next round as big
                // as the whole graph.
                if bad.len() > tuning.added_per_round {
                    bad.select_nth_unstable(tuning.added_per_round - 1);
                    bad.truncate(tuning.added_per_round);
                }
                let bad: Vec<usize> = bad.into_iter().map(|(_, k)| k).collect();
                (!bad.is_empty()).then_some((i, bad))
            })
            .collect();
        if violations.is_empty() {
            let chosen = (0..n)
                .map(|i| {
                    let b = col_of[i];
                    if b == UNMATCHED {
                        return None;
                    }
                    cand[i].iter().copied().find(|&k| p.edges[k].buddy == b)
                })
                .collect();
            let mut row = vec![0i64; n];
            for &i in &active {
                row[i] = u(i);
            }
            return Optimum { chosen, u: row, v };
        }
        let stalled = tuning.stall && violations.len() >= last_violating;
        last_violating = violations.len();
        if !everything && (round >= tuning.max_rounds || stalled) {
            everything = true;
            if round >= tuning.max_rounds {
                stats.last_resort += 1;
            } else {
                stats.stalled += 1;
            }
            for &i in &active {
                cand[i] = (p.row_start[i]..p.row_start[i + 1])
                    .filter(|&k| p.usable(k, min_score))
                    .collect();
                bound[i] = i64::MAX;
            }
        } else {
            for (i, bad) in violations {
                cand[i].extend(bad);
                cand[i].sort_unstable();
            }
        }
    }
}

/// The optimum over the unpinned seekers and its certificate, like [`optimise`] with every
/// usable edge a candidate, but starting from `start_col`/`start_v`: the buddy (or
/// [`UNMATCHED`]) of each seeker and the buddy potentials of an optimum of the same `costs` and
/// `dummy` on a subset of the edges (the previous round of the priced solve). The whole problem
/// is one graph with the buddies' real capacities; only the seekers the added edges concern
/// are searched again (see `ssp::solve_warm`). `None` when the edges do not fit the solver's
/// 32-bit indices or the start does not fit the problem (the caller then solves from scratch).
pub(crate) fn optimise_warm(
    p: &Prepared<'_>,
    costs: Costs,
    dummy: &[i64],
    start_col: &[u32],
    start_v: &[i64],
    stats: &mut Stats,
) -> Option<Optimum> {
    let n = p.n;
    let too_many = u32::try_from(p.edges.len()).is_err();
    if too_many || start_col.len() != n || start_v.len() != p.m || dummy.len() != n {
        return None;
    }
    stats.calls += 1;
    stats.rounds += 1;
    // Every seeker is a row (pinned ones without edges), every buddy a column.
    let mut start = Vec::with_capacity(n + 1);
    let mut col = Vec::with_capacity(p.edges.len());
    let mut cost = Vec::with_capacity(p.edges.len());
    let mut edge = Vec::with_capacity(p.edges.len());
    start.push(0u32);
    for i in 0..n {
        if p.pinned_to[i] == FREE {
            for k in p.row_start[i]..p.row_start[i + 1] {
                if p.usable(k, i64::MIN) {
                    let e = &p.edges[k];
                    col.push(e.buddy);
                    cost.push(costs.of(e.score));
                    edge.push(k as u32);
                }
            }
        }
        start.push(col.len() as u32);
    }
    let hint: Vec<u32> = (0..n)
        .map(|i| {
            if p.pinned_to[i] == FREE {
                start_col[i]
            } else {
                UNMATCHED
            }
        })
        .collect();
    // A buddy can take at most as many seekers as it has edges: one slot more than that keeps
    // it "with room" exactly as its real capacity does (so its potential stays 0), and the
    // solver's slots grow with the edges, not with a capacity of, say, u32::MAX.
    let mut degree = vec![0u32; p.cap.len()];
    for &j in &col {
        degree[j as usize] += 1;
    }
    let cap: Vec<u32> = p
        .cap
        .iter()
        .zip(&degree)
        .map(|(&c, &d)| c.min(d.saturating_add(1)))
        .collect();
    let graph = Graph {
        start: &start,
        col: &col,
        cost: &cost,
        cap: &cap,
        dummy,
    };
    let (solution, warm) = ssp::solve_warm(
        &graph,
        &Start {
            col_of: &hint,
            v: start_v,
        },
    );
    stats.warm_free_rows += warm.free_rows;
    stats.warm_repairs += warm.repairs;
    let mut chosen = vec![None; n];
    let mut u = vec![0i64; n];
    for i in p.active() {
        let j = solution.col_of[i];
        if j == UNMATCHED {
            u[i] = dummy[i];
            continue;
        }
        u[i] = solution.row_cost[i] - solution.v[j as usize];
        chosen[i] = (start[i] as usize..start[i + 1] as usize)
            .find(|&e| col[e] == j)
            .map(|e| edge[e] as usize);
    }
    Some(Optimum {
        chosen,
        u,
        v: solution.v,
    })
}

/// The cheapest `tuning.candidates` usable edges of seeker `i` (all of them for low degree), and
/// a lower bound on the cost of the others. Ties are broken by a fixed hash of the pair, so tied
/// seekers spread over different buddies.
fn select(
    p: &Prepared<'_>,
    i: usize,
    min_score: i64,
    costs: Costs,
    tuning: Tuning,
) -> (Vec<usize>, i64) {
    let candidates = tuning.candidates;
    let range = p.row_start[i]..p.row_start[i + 1];
    if range.len() <= tuning.keep_all {
        return (
            range.filter(|&k| p.usable(k, min_score)).collect(),
            i64::MAX,
        );
    }
    // The best candidates so far, sorted by (cost, hash).
    let mut best: Vec<(i64, u64, usize)> = Vec::with_capacity(candidates + 1);
    let mut worst_cost = i64::MAX;
    let mut skipped = false;
    let base = range.start;
    for (off, e) in p.edges[range].iter().enumerate() {
        let c = costs.of(e.score);
        if c > worst_cost {
            skipped = true;
            continue;
        }
        let k = base + off;
        if !p.usable(k, min_score) {
            continue;
        }
        let h = mix(i as u64, u64::from(e.buddy));
        if best.len() == candidates {
            let worst = best[candidates - 1];
            if (c, h) >= (worst.0, worst.1) {
                skipped = true;
                continue;
            }
            best.pop();
            skipped = true;
        }
        let pos = best.partition_point(|x| (x.0, x.1) < (c, h));
        best.insert(pos, (c, h, k));
        if best.len() == candidates {
            worst_cost = best[candidates - 1].0;
        }
    }
    let bound = if skipped { worst_cost } else { i64::MAX };
    let mut out: Vec<usize> = best.into_iter().map(|x| x.2).collect();
    out.sort_unstable();
    (out, bound)
}
