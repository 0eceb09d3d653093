//! Solving with edges the caller does not list: a short list per seeker up front, the rest
//! scored on demand ("pricing", as in column generation).
//!
//! A large run has hundreds of millions of feasible pairs; storing them all takes more memory
//! than the solve needs. [`solve_priced`] takes a [`Problem`] that lists only some edges of each
//! seeker (say its best dozen) and a [`Pricing`] that can score any seeker against any buddies
//! on the fly. It solves the listed problem, then asks for the missing edges that the optimum's
//! dual potentials say could improve it (a negative reduced cost `top - score - u[i] - v[j]`),
//! adds at most [`ADDED_PER_ROUND`] of the most violating per seeker, and solves again, until no
//! missing edge violates the certificate. The result is then optimal for *every* feasible edge,
//! exactly as if all of them had been listed.
//!
//! What keeps the pricing cheap: a seeker whose missing edges all score at most `bound`
//! ([`Pricing::missing_bound`]) can only violate with buddies whose potential
//! `v[j] > top - u[i] - bound`, so most seekers are skipped outright and the others are scored
//! only against those buddies (buddies sorted by potential once per round).
//!
//! Each round solves the listed problem from scratch; the number of rounds is not capped (every
//! round adds at least one missing edge, so the loop ends), and on the service's populations it
//! is two to four.
//!
//! [`Objective::Fairness`] needs every edge for its bottleneck search: it lists them all first
//! (the memory of the full problem), then solves as [`solve`](super::solve) does.

use rayon::prelude::*;
use std::collections::HashSet;

use super::driver::{self, Stats, Tuning};
use super::{solve_prepared, AssignError, Assignment, Edge, Objective, Problem};

/// Violating edges added to a seeker per round, the most violating first (ties: lower buddy).
pub const ADDED_PER_ROUND: usize = 16;

/// Which buddies [`Pricing::edges_to`] should score a seeker against.
#[derive(Debug, Clone, Copy)]
pub enum Buddies<'a> {
    /// Every buddy.
    All,
    /// The buddies whose bit is set: bit `b % 64` of word `b / 64` for buddy `b`.
    Only(&'a [u64]),
}

/// A bitset of buddy indices for [`Buddies::Only`].
#[must_use]
pub fn buddy_set(num_buddies: usize, members: impl Iterator<Item = u32>) -> Vec<u64> {
    let mut set = vec![0u64; num_buddies.div_ceil(64)];
    for b in members {
        if let Some(w) = set.get_mut(b as usize / 64) {
            *w |= 1 << (b % 64);
        }
    }
    set
}

/// Scores pairs on demand for [`solve_priced`].
pub trait Pricing: Sync {
    /// Lowest and highest score any edge can have.
    fn score_range(&self) -> (i64, i64);
    /// An upper bound on the score of every feasible edge of `seeker` that the problem does not
    /// list; `None` when it lists them all.
    fn missing_bound(&self, seeker: u32) -> Option<i64>;
    /// Appends every feasible `(buddy, score)` of `seeker` among `buddies` to `out`, in
    /// increasing buddy order (listed edges included).
    fn edges_to(&self, seeker: u32, buddies: Buddies<'_>, out: &mut Vec<(u32, i64)>);
}

/// What the pricing loop did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PricingStats {
    /// Solves of the listed problem.
    pub rounds: usize,
    /// Seekers scored again against some buddies, over all rounds.
    pub seekers_priced: usize,
    /// Feasible pairs found when scoring seekers again, over all rounds.
    pub pairs_priced: usize,
    /// Edges added to the listed problem, over all rounds.
    pub edges_added: usize,
    /// Edges of the final listed problem.
    pub edges_listed: usize,
    /// Seekers searched again by the rounds after the first, which start from the previous
    /// round's optimum (the seekers with added edges, and those the new potentials displace).
    pub warm_rows: usize,
    /// Buddies those rounds repaired (a buddy that lost a seeker and had to get its potential
    /// back to 0 or be filled again).
    pub warm_repairs: usize,
}

/// Solves `problem` as if it listed every feasible edge that `pricing` knows.
///
/// The problem must list at least one edge that is not forbidden of every seeker that has a
/// feasible buddy (else the seeker is reported as having none), and the edge of every pin;
/// `problem.forbidden` applies to priced edges too. Every score the pricing returns must lie in
/// its [`Pricing::score_range`]. The result is
/// an optimum of the full problem for the [`Objective`]; among equally good assignments it may
/// choose another one than [`solve`](super::solve) on the full edge list.
///
/// # Errors
/// As [`solve`](super::solve).
pub fn solve_priced(
    problem: &Problem,
    pricing: &dyn Pricing,
) -> Result<(Assignment, PricingStats), AssignError> {
    let mut stats = PricingStats::default();
    let mut work = problem.clone();
    let forbidden: HashSet<(u32, u32)> = problem.forbidden.iter().copied().collect();
    if problem.objective == Objective::Fairness {
        work.edges = every_edge(problem, pricing);
        stats.edges_listed = work.edges.len();
        stats.rounds = 1;
        return super::solve(&work).map(|a| (a, stats));
    }
    group_by_seeker(&mut work.edges);
    let range = pricing.score_range();
    let mut inner = Stats::default();
    let mut previous: Option<super::Certificate> = None;
    loop {
        stats.rounds += 1;
        let p = driver::prepare(&work)?;
        // The listed edges are already each seeker's best: solve on all of them at once (the
        // plain solve's own candidate rounds would only repeat what this loop does).
        let tuning = Tuning {
            keep_all: usize::MAX,
            ..Tuning::DEFAULT
        };
        // From the second round on, the previous optimum is the starting point: the same costs
        // on fewer edges, so only the seekers the added edges concern are searched again.
        let (assignment, certificate) = solve_prepared(
            &work,
            &p,
            tuning,
            Some(range),
            previous.as_ref(),
            &mut inner,
        )?;
        stats.warm_rows = inner.warm_free_rows;
        stats.warm_repairs = inner.warm_repairs;
        let Some(cert) = certificate else {
            stats.edges_listed = work.edges.len();
            return Ok((assignment, stats));
        };
        // Buddies that can take someone, highest potential first (ties: lower index).
        let mut by_v: Vec<(i64, u32)> = (0..cert.v.len())
            .filter(|&j| cert.cap[j] > 0)
            .map(|j| (cert.v[j], j as u32))
            .collect();
        by_v.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let num_buddies = cert.v.len();
        let found: Vec<(usize, bool, Vec<Edge>)> = (0..work.num_seekers)
            .into_par_iter()
            .filter(|&i| !cert.pinned[i])
            .filter_map(|i| {
                let seeker = i as u32;
                let bound = pricing.missing_bound(seeker)?;
                let ui = cert.u[i];
                // A missing edge violates only if `score > top - u - v[j]`, and its score is
                // at most `bound`: only buddies with `v[j] > top - u - bound` can.
                let t = cert.top - ui - bound;
                let len = by_v.partition_point(|&(v, _)| v > t);
                if len == 0 {
                    return None;
                }
                let mut scored = Vec::new();
                let wanted = buddy_set(num_buddies, by_v[..len].iter().map(|&(_, j)| j));
                pricing.edges_to(seeker, Buddies::Only(&wanted), &mut scored);
                let priced = scored.len();
                let listed = &p.edges[p.row_start[i]..p.row_start[i + 1]];
                let mut bad: Vec<(i64, u32, i64)> = scored
                    .into_iter()
                    .filter_map(|(b, score)| {
                        let j = b as usize;
                        debug_assert!((range.0..=range.1).contains(&score));
                        let reduced = cert.top - score - ui - cert.v.get(j)?;
                        (cert.cap[j] > 0
                            && reduced < 0
                            && !forbidden.contains(&(seeker, b))
                            && !listed.iter().any(|e| e.buddy == b))
                        .then_some((reduced, b, score))
                    })
                    .collect();
                bad.sort_unstable();
                bad.truncate(ADDED_PER_ROUND);
                let edges: Vec<Edge> = bad
                    .into_iter()
                    .map(|(_, buddy, score)| Edge {
                        seeker,
                        buddy,
                        score,
                    })
                    .collect();
                Some((priced, !edges.is_empty(), edges))
            })
            .collect();
        drop(p); // it borrows the listed edges, which grow below
        stats.seekers_priced += found.len();
        stats.pairs_priced += found.iter().map(|x| x.0).sum::<usize>();
        if !found.iter().any(|x| x.1) {
            stats.edges_listed = work.edges.len();
            return Ok((assignment, stats));
        }
        let before = work.edges.len();
        work.edges.extend(found.into_iter().flat_map(|x| x.2));
        stats.edges_added += work.edges.len() - before;
        group_by_seeker(&mut work.edges);
        previous = Some(cert);
    }
}

/// Every feasible edge of every seeker, as `pricing` scores them.
fn every_edge(problem: &Problem, pricing: &dyn Pricing) -> Vec<Edge> {
    let rows: Vec<Vec<Edge>> = (0..problem.num_seekers)
        .into_par_iter()
        .map(|i| {
            let seeker = i as u32;
            let mut out = Vec::new();
            pricing.edges_to(seeker, Buddies::All, &mut out);
            out.into_iter()
                .map(|(buddy, score)| Edge {
                    seeker,
                    buddy,
                    score,
                })
                .collect()
        })
        .collect();
    rows.concat()
}

/// Sorts edges by seeker, then buddy: the order the solver reads fastest, and a fixed one.
fn group_by_seeker(edges: &mut [Edge]) {
    edges.par_sort_unstable_by_key(|e| (e.seeker, e.buddy));
}
