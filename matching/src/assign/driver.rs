//! Validation, pins, candidate sparsification, component splitting and the optimality check.
//!
//! Dense or high-degree rows are first solved on a *candidate* subgraph (each row's
//! [`CANDIDATES`] cheapest edges). The component solutions carry dual potentials that are a
//! certificate of optimality: if no edge of the *whole* graph has a negative reduced cost, the
//! candidate solution is optimal for the whole graph. Otherwise each row's most violating edges
//! (at most [`ADDED_PER_ROUND`]) are added and the candidate problem is solved again; after
//! [`MAX_ROUNDS`] rounds every usable edge becomes a candidate, so the loop always ends with an
//! exact optimum.

use super::ssp::{self, Graph, FREE, UNMATCHED};
use super::{AssignError, Edge, Problem, MAX_SCORE};
use rayon::prelude::*;
use std::borrow::Cow;

/// Number of cheapest edges per row in the first candidate subgraph.
const CANDIDATES: usize = 12;
/// Rows with at most this many edges keep all of them as candidates.
const KEEP_ALL: usize = 2 * CANDIDATES;
/// After this many rounds with violations, every usable edge becomes a candidate.
const MAX_ROUNDS: usize = 16;
/// Violating edges added to a row per round, those with the most negative reduced cost first.
const ADDED_PER_ROUND: usize = CANDIDATES;

/// The limits of the candidate scheme. The solver always uses [`Tuning::DEFAULT`]; the limits
/// are a value rather than constants only so that unit tests can shrink them and reach the
/// last-resort path (every usable edge a candidate) on instances small enough to check against
/// an exact reference, which the default limits reach only on large adversarial instances.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tuning {
    /// Cheapest edges per row in the first candidate subgraph; at least 1.
    pub candidates: usize,
    /// Rows with at most this many edges keep all of them as candidates.
    pub keep_all: usize,
    /// Violating edges added to a row per round; at least 1.
    pub added_per_round: usize,
    /// Rounds with violations after which every usable edge becomes a candidate.
    pub max_rounds: usize,
}

impl Tuning {
    /// The limits of every normal call.
    pub(crate) const DEFAULT: Self = Self {
        candidates: CANDIDATES,
        keep_all: KEEP_ALL,
        added_per_round: ADDED_PER_ROUND,
        max_rounds: MAX_ROUNDS,
    };
}

/// What the candidate loop did, summed over the [`optimise`] calls of one solve (the tests
/// check with it that the last-resort path was taken).
#[derive(Clone, Copy, Debug, Default)]
#[cfg_attr(not(test), allow(dead_code))] // only the tests read it
pub(crate) struct Stats {
    /// Calls of [`optimise`].
    pub calls: usize,
    /// Candidate rounds (solves of a candidate subgraph), over all calls.
    pub rounds: usize,
    /// Calls that ended with every usable edge a candidate after `max_rounds` rounds.
    pub last_resort: usize,
}

/// A validated problem: edges grouped by seeker, pins applied.
pub(crate) struct Prepared<'a> {
    pub n: usize,
    pub m: usize,
    pub edges: Cow<'a, [Edge]>,
    /// `row_start[i]..row_start[i + 1]` are the edges of seeker `i` in `edges`.
    pub row_start: Vec<usize>,
    /// Per edge: removed by a forbidden pair (`None` when nothing is forbidden).
    pub forbidden: Option<Vec<bool>>,
    /// Pinned buddy of each seeker, or [`FREE`].
    pub pinned_to: Vec<u32>,
    /// Score of each seeker's pin (0 when not pinned).
    pub pinned_score: Vec<i64>,
    /// Capacities left after the pins.
    pub cap: Vec<u32>,
    /// Per seeker: has at least one edge that is not forbidden.
    pub has_feasible: Vec<bool>,
    /// Lowest score of any edge (0 without edges).
    pub score_lo: i64,
    /// Highest score of any edge (0 without edges).
    pub score_hi: i64,
}

/// What one parallel chunk of edges looks like.
struct Summary {
    ok: bool,
    sorted: bool,
    first: u32,
    last: u32,
    lo: i64,
    hi: i64,
    dup: Option<Edge>,
}

pub(crate) fn prepare(p: &Problem) -> Result<Prepared<'_>, AssignError> {
    let n = p.num_seekers;
    let m = p.capacities.len();
    if !p.waiting_days.is_empty() && p.waiting_days.len() != n {
        return Err(AssignError::WaitingDaysLength {
            got: p.waiting_days.len(),
            expected: n,
        });
    }
    let seeker_ok = |s: u32| {
        if (s as usize) < n {
            Ok(s as usize)
        } else {
            Err(AssignError::SeekerOutOfRange {
                seeker: s,
                num_seekers: n,
            })
        }
    };
    let buddy_ok = |b: u32| {
        if (b as usize) < m {
            Ok(b as usize)
        } else {
            Err(AssignError::BuddyOutOfRange {
                buddy: b,
                num_buddies: m,
            })
        }
    };
    // One parallel pass: every index and score in range, grouped by seeker, score range.
    const CHUNK: usize = 1 << 15;
    let summary = p
        .edges
        .par_chunks(CHUNK)
        .map_init(
            || vec![u32::MAX; m],
            |stamp, ch| {
                let mut s = Summary {
                    ok: true,
                    sorted: true,
                    first: ch[0].seeker,
                    last: ch[ch.len() - 1].seeker,
                    lo: i64::MAX,
                    hi: i64::MIN,
                    dup: None,
                };
                let mut prev = s.first;
                for e in ch {
                    s.ok &= (e.seeker as usize) < n
                        && (e.buddy as usize) < m
                        && (-MAX_SCORE..=MAX_SCORE).contains(&e.score);
                    s.sorted &= e.seeker >= prev;
                    prev = e.seeker;
                    s.lo = s.lo.min(e.score);
                    s.hi = s.hi.max(e.score);
                    // Within a sorted chunk a seeker's edges are contiguous, so a stamp equal to
                    // the seeker means the pair was seen before (rows cut by a chunk boundary are
                    // checked again below).
                    if let Some(st) = stamp.get_mut(e.buddy as usize) {
                        if *st == e.seeker
                            && s.dup.is_none()
                            && e.seeker != s.first
                            && e.seeker != s.last
                        {
                            s.dup = Some(*e);
                        }
                        *st = e.seeker;
                    }
                }
                s
            },
        )
        .reduce_with(|a, b| Summary {
            ok: a.ok && b.ok,
            sorted: a.sorted && b.sorted && a.last <= b.first,
            first: a.first,
            last: b.last,
            lo: a.lo.min(b.lo),
            hi: a.hi.max(b.hi),
            dup: a.dup.or(b.dup),
        });
    let (sorted, score_lo, score_hi, dup) = match summary {
        None => (true, 0, 0, None),
        Some(s) if s.ok => (s.sorted, s.lo, s.hi, s.dup),
        Some(_) => {
            for e in &p.edges {
                seeker_ok(e.seeker)?;
                buddy_ok(e.buddy)?;
                if !(-MAX_SCORE..=MAX_SCORE).contains(&e.score) {
                    return Err(AssignError::ScoreOutOfRange {
                        seeker: e.seeker,
                        buddy: e.buddy,
                        score: e.score,
                    });
                }
            }
            unreachable!("a chunk reported an invalid edge")
        }
    };
    let (edges, row_start): (Cow<'_, [Edge]>, Vec<usize>) = if sorted {
        let row_start = (0..=n)
            .map(|i| p.edges.partition_point(|e| (e.seeker as usize) < i))
            .collect();
        (Cow::Borrowed(&p.edges), row_start)
    } else {
        let mut row_start = vec![0usize; n + 1];
        for e in &p.edges {
            row_start[e.seeker as usize + 1] += 1;
        }
        for i in 0..n {
            row_start[i + 1] += row_start[i];
        }
        // Stable counting sort by seeker: keeps the caller's order within a seeker.
        let mut next = row_start.clone();
        let mut out = vec![
            Edge {
                seeker: 0,
                buddy: 0,
                score: 0
            };
            p.edges.len()
        ];
        for e in &p.edges {
            let k = &mut next[e.seeker as usize];
            out[*k] = *e;
            *k += 1;
        }
        (Cow::Owned(out), row_start)
    };
    let mut stamp = vec![u32::MAX; m];
    let dup = if sorted {
        // The first and last row of each chunk may continue in another chunk: check them
        // whole. The smallest seeker with a duplicate is reported.
        let mut found = dup;
        for c in (0..edges.len()).step_by(CHUNK) {
            let end = (c + CHUNK).min(edges.len());
            for i in [edges[c].seeker, edges[end - 1].seeker] {
                if found.is_some_and(|d| d.seeker <= i) {
                    continue;
                }
                let row = &edges[row_start[i as usize]..row_start[i as usize + 1]];
                for e in row {
                    if stamp[e.buddy as usize] == i {
                        found = Some(*e);
                        break;
                    }
                    stamp[e.buddy as usize] = i;
                }
                for e in row {
                    stamp[e.buddy as usize] = u32::MAX;
                }
            }
        }
        found
    } else {
        // Stamp each buddy with the seeker that last used it (per thread).
        (0..n)
            .into_par_iter()
            .with_min_len(64)
            .map_init(
                || vec![u32::MAX; m],
                |stamp, i| {
                    for e in &edges[row_start[i]..row_start[i + 1]] {
                        let b = e.buddy as usize;
                        if stamp[b] == i as u32 {
                            return Some(*e);
                        }
                        stamp[b] = i as u32;
                    }
                    None
                },
            )
            .find_first(Option::is_some)
            .flatten()
    };
    if let Some(e) = dup {
        return Err(AssignError::DuplicateEdge {
            seeker: e.seeker,
            buddy: e.buddy,
        });
    }

    let mut has_feasible: Vec<bool> = (0..n).map(|i| row_start[i + 1] > row_start[i]).collect();
    let forbidden = if p.forbidden.is_empty() {
        None
    } else {
        let mut fb = p.forbidden.clone();
        for &(s, b) in &fb {
            seeker_ok(s)?;
            buddy_ok(b)?;
        }
        fb.sort_unstable();
        let mut dead = vec![false; edges.len()];
        let mut k = 0;
        while k < fb.len() {
            let s = fb[k].0;
            let mut end = k;
            while end < fb.len() && fb[end].0 == s {
                stamp[fb[end].1 as usize] = s;
                end += 1;
            }
            let si = s as usize;
            let mut any = false;
            for (off, e) in edges[row_start[si]..row_start[si + 1]].iter().enumerate() {
                if stamp[e.buddy as usize] == s {
                    dead[row_start[si] + off] = true;
                } else {
                    any = true;
                }
            }
            has_feasible[si] = any;
            for &(_, b) in &fb[k..end] {
                stamp[b as usize] = u32::MAX;
            }
            k = end;
        }
        Some(dead)
    };

    let mut pinned_to = vec![FREE; n];
    let mut pinned_score = vec![0i64; n];
    let mut cap = p.capacities.clone();
    for &(s, b) in &p.pinned {
        let si = seeker_ok(s)?;
        let bi = buddy_ok(b)?;
        if pinned_to[si] != FREE {
            return Err(AssignError::SeekerPinnedTwice { seeker: s });
        }
        let found = (row_start[si]..row_start[si + 1])
            .find(|&k| edges[k].buddy == b && forbidden.as_ref().map_or(true, |dead| !dead[k]));
        let Some(k) = found else {
            return Err(AssignError::PinnedPairInfeasible {
                seeker: s,
                buddy: b,
            });
        };
        if cap[bi] == 0 {
            return Err(AssignError::PinsExceedCapacity {
                buddy: b,
                capacity: p.capacities[bi],
            });
        }
        cap[bi] -= 1;
        pinned_to[si] = b;
        pinned_score[si] = edges[k].score;
    }
    Ok(Prepared {
        n,
        m,
        edges,
        row_start,
        forbidden,
        pinned_to,
        pinned_score,
        cap,
        has_feasible,
        score_lo,
        score_hi,
    })
}

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
    fn of(self, score: i64) -> i64 {
        match self {
            Self::Score { top } => top - score,
            Self::Cardinality => 0,
        }
    }
}

impl Prepared<'_> {
    /// Whether edge `k` (of an unpinned seeker) may be used, given a minimum score.
    #[inline]
    pub(crate) fn usable(&self, k: usize, min_score: i64) -> bool {
        let e = &self.edges[k];
        self.cap[e.buddy as usize] > 0
            && e.score >= min_score
            && self.forbidden.as_ref().map_or(true, |dead| !dead[k])
    }

    /// Unpinned seekers (the rows of the optimisation).
    pub(crate) fn active(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.n).filter(|&i| self.pinned_to[i] == FREE)
    }
}

/// The optimum over the unpinned seekers: the chosen edge (index into `p.edges`) of each
/// seeker, `None` when unmatched (and for pinned seekers).
pub(crate) fn optimise(
    p: &Prepared<'_>,
    min_score: i64,
    costs: Costs,
    dummy: &[i64],
    tuning: Tuning,
    stats: &mut Stats,
) -> Vec<Option<usize>> {
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
            return (0..n)
                .map(|i| {
                    let b = col_of[i];
                    if b == UNMATCHED {
                        return None;
                    }
                    cand[i].iter().copied().find(|&k| p.edges[k].buddy == b)
                })
                .collect();
        }
        if round >= tuning.max_rounds {
            stats.last_resort += 1;
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

/// A fixed 64-bit mix (splitmix64 finaliser) of a seeker/buddy pair.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = (a << 32 | b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let g = parent[parent[x as usize] as usize];
        parent[x as usize] = g;
        x = g;
    }
    x
}

/// One sparse component with local indices.
struct Component {
    rows: Vec<u32>,
    cols: Vec<u32>,
    start: Vec<u32>,
    col: Vec<u32>,
    cost: Vec<i64>,
    cap: Vec<u32>,
    dummy: Vec<i64>,
}

/// Splits the candidate graph into connected components, solves them (in parallel) and
/// writes the global primal (`col_of`, `row_cost`) and dual (`v`) solution.
fn solve_candidates(
    p: &Prepared<'_>,
    cand: &[Vec<usize>],
    costs: Costs,
    dummy: &[i64],
    col_of: &mut [u32],
    row_cost: &mut [i64],
    v: &mut [i64],
) {
    let (n, m) = (p.n, p.m);
    // Union-find over seekers 0..n and buddies n..n+m.
    let mut parent: Vec<u32> = (0..(n + m) as u32).collect();
    for (i, c) in cand.iter().enumerate() {
        for &k in c {
            let a = find(&mut parent, i as u32);
            let b = find(&mut parent, (n + p.edges[k].buddy as usize) as u32);
            if a != b {
                // Smaller root index wins: deterministic.
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                parent[hi as usize] = lo;
            }
        }
    }
    // Number the components with at least one candidate edge, in order of their root.
    let mut comp_of_root = vec![u32::MAX; n + m];
    let mut comps: Vec<Component> = Vec::new();
    let mut local = vec![0u32; n + m];
    for x in 0..n + m {
        let is_row = x < n;
        if is_row && cand[x].is_empty() {
            continue;
        }
        if !is_row && p.cap[x - n] == 0 {
            continue;
        }
        let r = find(&mut parent, x as u32) as usize;
        if !is_row && comp_of_root[r] == u32::MAX {
            continue; // a buddy without candidate edges
        }
        if comp_of_root[r] == u32::MAX {
            comp_of_root[r] = comps.len() as u32;
            comps.push(Component {
                rows: Vec::new(),
                cols: Vec::new(),
                start: vec![0],
                col: Vec::new(),
                cost: Vec::new(),
                cap: Vec::new(),
                dummy: Vec::new(),
            });
        }
        let c = &mut comps[comp_of_root[r] as usize];
        if is_row {
            local[x] = c.rows.len() as u32;
            c.rows.push(x as u32);
        } else {
            local[x] = c.cols.len() as u32;
            c.cols.push((x - n) as u32);
        }
    }
    // Rows come before buddies in the scan, and a component's root is its smallest member,
    // so every buddy of a component is numbered after its first row: the loop above saw the
    // root (a row, because a component with edges has a row as smallest member) first.
    for c in &mut comps {
        let mut indeg = vec![0u32; c.cols.len()];
        for &i in &c.rows {
            for &k in &cand[i as usize] {
                let e = &p.edges[k];
                let j = local[n + e.buddy as usize];
                c.col.push(j);
                c.cost.push(costs.of(e.score));
                indeg[j as usize] += 1;
            }
            c.start.push(c.col.len() as u32);
            c.dummy.push(dummy[i as usize]);
        }
        c.cap = c
            .cols
            .iter()
            .zip(&indeg)
            .map(|(&b, &d)| p.cap[b as usize].min(d))
            .collect();
    }
    let solved: Vec<ssp::Solution> = comps
        .par_iter()
        .map(|c| {
            ssp::solve(&Graph {
                start: &c.start,
                col: &c.col,
                cost: &c.cost,
                cap: &c.cap,
                dummy: &c.dummy,
            })
        })
        .collect();
    col_of.fill(UNMATCHED);
    v.fill(0);
    for (c, s) in comps.iter().zip(&solved) {
        for (li, &i) in c.rows.iter().enumerate() {
            let j = s.col_of[li];
            if j != UNMATCHED {
                col_of[i as usize] = c.cols[j as usize];
                row_cost[i as usize] = s.row_cost[li];
            }
        }
        for (lj, &b) in c.cols.iter().enumerate() {
            v[b as usize] = s.v[lj];
        }
    }
}
