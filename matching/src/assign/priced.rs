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
//! The first round solves the listed problem from scratch; every later round starts from the
//! previous round's optimum and potentials (same costs, a few more edges: only the seekers the
//! added edges concern are searched again, see `ssp::warm`). The pairs a seeker was scored
//! against are kept (buddy and score, 6 bytes a pair, plus a bitset of the buddies scored), so a
//! later round scores it only against buddies it was not scored against before: on the
//! service's 50 000 x 40 000 demo the later rounds price the same ~12 000 seekers against
//! nearly the same buddies, which took as long as the first round each time. The number of
//! rounds is not capped (every round adds at least one missing edge, so the loop ends), and on
//! the service's populations it is two to four.
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
    /// Seekers scored again against some buddies, over all rounds (a seeker whose pairs from
    /// earlier rounds cover every buddy the certificate asks about is not counted).
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
    /// Repairs those rounds ran: a buddy with room and a negative potential (it lost a seeker,
    /// or the first round had capped it at its number of edges) gets its potential back to 0
    /// or is filled again. One buddy can need more than one.
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
    // The pairs scored in earlier rounds, per seeker, when scores fit 16 bits above the range's
    // low end (`compact`); otherwise every round scores again.
    let compact = (range.1 - range.0 <= i64::from(u16::MAX)).then_some(range.0);
    let mut cache: Vec<Scored> = (0..work.num_seekers).map(|_| Scored::default()).collect();
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
        let words = num_buddies.div_ceil(64);
        let found: Vec<(bool, usize, Vec<Edge>)> = cache
            .par_iter_mut()
            .enumerate()
            .filter(|(i, _)| !cert.pinned[*i])
            .filter_map(|(i, known)| {
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
                let wanted = by_v[..len].iter().map(|&(_, j)| j);
                let mut scored = Vec::new();
                let (fresh, priced) = if let (Some(lo), false) = (compact, known.off) {
                    // Score only the buddies not scored in an earlier round, and keep them.
                    if known.covered.is_empty() {
                        known.covered = vec![0; words];
                    }
                    let covered = &known.covered;
                    let fresh = buddy_set(num_buddies, wanted.filter(|&j| !has(covered, j)));
                    let any = fresh.iter().any(|&w| w != 0);
                    if any {
                        pricing.edges_to(seeker, Buddies::Only(&fresh), &mut scored);
                        for (c, f) in known.covered.iter_mut().zip(&fresh) {
                            *c |= f;
                        }
                        // Exactly: these lists are most of the priced solve's extra memory.
                        known.buddies.reserve_exact(scored.len());
                        known.scores.reserve_exact(scored.len());
                        for &(b, score) in &scored {
                            // In range by the pricing's contract, so it fits (`compact`); a
                            // pricing that breaks it is scored afresh from then on.
                            match u16::try_from(score - lo) {
                                Ok(x) => {
                                    known.buddies.push(b);
                                    known.scores.push(x);
                                }
                                Err(_) => known.off = true,
                            }
                        }
                    }
                    let priced = scored.len();
                    if !known.off {
                        scored.clear();
                        scored.extend(
                            known
                                .buddies
                                .iter()
                                .zip(&known.scores)
                                .map(|(&b, &x)| (b, lo + i64::from(x))),
                        );
                    } else {
                        *known = Scored {
                            off: true,
                            ..Scored::default()
                        };
                        let set = buddy_set(num_buddies, by_v[..len].iter().map(|&(_, j)| j));
                        scored.clear();
                        pricing.edges_to(seeker, Buddies::Only(&set), &mut scored);
                    }
                    (any, priced)
                } else {
                    let set = buddy_set(num_buddies, wanted);
                    pricing.edges_to(seeker, Buddies::Only(&set), &mut scored);
                    (true, scored.len())
                };
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
                Some((fresh, priced, edges))
            })
            .collect();
        drop(p); // it borrows the listed edges, which grow below
        stats.seekers_priced += found.iter().filter(|x| x.0).count();
        stats.pairs_priced += found.iter().map(|x| x.1).sum::<usize>();
        if found.iter().all(|x| x.2.is_empty()) {
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

/// The pairs of one seeker scored in earlier rounds: the buddies it was scored against and the
/// feasible pairs among them (listed or not), each score as its offset from the low end of the
/// score range.
#[derive(Default)]
struct Scored {
    /// Bit `b % 64` of word `b / 64`: buddy `b` was scored (empty: none was).
    covered: Vec<u64>,
    buddies: Vec<u32>,
    scores: Vec<u16>,
    /// A score out of the pricing's range was seen: this seeker is scored afresh every round.
    off: bool,
}

/// Whether buddy `j`'s bit is set.
#[inline]
fn has(set: &[u64], j: u32) -> bool {
    set.get(j as usize / 64)
        .is_some_and(|w| w & (1 << (j % 64)) != 0)
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
