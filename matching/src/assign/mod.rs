//! Exact capacitated assignment (b-matching) of seekers to buddies.
//!
//! # The problem
//!
//! There are `num_seekers` seekers and `capacities.len()` buddies; buddy `b` can take up to
//! `capacities[b]` seekers and every seeker gets at most one buddy. Only the pairs listed as
//! [`Edge`]s are feasible (the graph is sparse: infeasible pairs are simply absent), each with an
//! integer score (higher is better). [`Problem::pinned`] pairs must be in the result and
//! [`Problem::forbidden`] pairs are removed. [`solve`] returns an optimal [`Assignment`] for the
//! chosen [`Objective`]:
//!
//! * [`Objective::MostMatchedThenScore`] (default): first the largest possible number of matched
//!   seekers, then, among those assignments, the largest total score.
//! * [`Objective::WaitingPriority`]: first the largest number matched, then the largest total
//!   of [`Problem::waiting_days`] over the matched seekers (so a seeker who has waited longer is
//!   preferred whenever only one of two can be matched), then the largest total score.
//! * [`Objective::Fairness`]: first the largest number matched, then the largest possible
//!   *minimum* score among all matched pairs (pins included) — the worst-off pair is lifted as
//!   high as it can go — then the largest total score subject to that minimum.
//!
//! All three are lexicographic and exact (integer arithmetic, no tolerance).
//!
//! # The algorithm
//!
//! A min-cost flow solved by successive shortest augmenting paths of the Jonker–Volgenant
//! family: Dijkstra with potentials over the sparse bipartite graph, one augmentation per
//! seeker, buddies as single capacitated nodes (capacity is never expanded into copies).
//! Scores become costs `max_score - score`; each seeker also has a private "unmatched" option
//! whose cost exceeds any possible difference in total cost, which makes "most matched first"
//! exact (the big-M weight is computed from the instance and checked for overflow). A greedy
//! start assigns every seeker to a cheapest buddy with room when that is consistent with the
//! duals.
//!
//! Independent connected components are solved in parallel (rayon). Seekers with many edges are
//! first solved on the subgraph of their cheapest edges; the dual potentials of that solution are
//! then checked against *every* feasible edge, and violated edges are added until the check
//! passes — the check is an optimality certificate for the full graph, so the result is exact.
//! [`Objective::Fairness`] binary-searches the bottleneck over the distinct scores, each step a
//! maximum-cardinality test solved by the same machinery.
//!
//! [`solve_priced`] solves a problem that lists only some edges of each seeker, scoring the
//! others on demand where the certificate asks for them (see [`Pricing`]): the same optimum in
//! memory that grows with the number of people rather than the number of feasible pairs.
//!
//! # Complexity
//!
//! For `n` seekers, `m` buddies and `E` feasible edges: `O(E)` to validate and check, plus
//! `O(n · (E' + m) log E')` in the worst case for the searches over the candidate edges `E'`
//! (`E' <= E`); in practice each search touches a small neighbourhood of its seeker. Fairness
//! multiplies the search part by `O(log E)`. Memory is `O(n + m + E)`.
//!
//! # Determinism
//!
//! The same [`Problem`] always yields the same [`Assignment`], independently of the number of
//! threads: ties are broken by a fixed order of seekers, buddies and a fixed hash of the pair.
//!
//! # Example
//!
//! ```
//! use matching::assign::{solve, Edge, Objective, Problem, UnmatchedReason};
//!
//! // Two seekers, one buddy with room for one: seeker 1 fits better.
//! let mut problem = Problem::new(
//!     3,
//!     vec![1],
//!     vec![
//!         Edge { seeker: 0, buddy: 0, score: 400 },
//!         Edge { seeker: 1, buddy: 0, score: 900 },
//!     ],
//! );
//! problem.objective = Objective::MostMatchedThenScore;
//! let result = solve(&problem)?;
//! assert_eq!(result.buddy_of, vec![None, Some(0), None]);
//! assert_eq!((result.matched, result.total_score), (1, 900));
//! assert_eq!(
//!     result.unmatched,
//!     vec![
//!         (0, UnmatchedReason::AllFeasibleBuddiesTaken),
//!         (2, UnmatchedReason::NoFeasibleBuddy),
//!     ]
//! );
//! # Ok::<(), matching::assign::AssignError>(())
//! ```

mod driver;
mod error;
mod priced;
mod ssp;
#[cfg(test)]
mod tests;

pub use error::AssignError;
pub use priced::{buddy_set, solve_priced, Buddies, Pricing, PricingStats};

use driver::{Costs, Stats, Tuning};
use serde::{Deserialize, Serialize};
use ssp::FREE;

/// Largest accepted absolute score (2^40, about 1.1e12).
pub const MAX_SCORE: i64 = 1 << 40;

/// A feasible (seeker, buddy) pair with its score; higher scores are better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edge {
    /// Seeker index, `0..num_seekers`.
    pub seeker: u32,
    /// Buddy index, `0..capacities.len()`.
    pub buddy: u32,
    /// Score of the pair, within `-MAX_SCORE..=MAX_SCORE`.
    pub score: i64,
}

/// What "best" means; see the [module documentation](self) for the exact definitions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Objective {
    /// Most seekers matched, then highest total score.
    #[default]
    MostMatchedThenScore,
    /// Most seekers matched, then most waiting days among the matched, then highest total score.
    WaitingPriority,
    /// Most seekers matched, then the highest minimum matched score, then highest total score.
    Fairness,
}

/// An assignment problem. Build it with [`Problem::new`] and set the optional fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Number of seekers.
    pub num_seekers: usize,
    /// Capacity of each buddy (how many seekers it can take).
    pub capacities: Vec<u32>,
    /// Feasible pairs; any order (grouped by seeker is fastest), no pair twice.
    pub edges: Vec<Edge>,
    /// `(seeker, buddy)` pairs that must be in the result.
    pub pinned: Vec<(u32, u32)>,
    /// `(seeker, buddy)` pairs that must not be in the result (pairs that are not edges are
    /// ignored).
    pub forbidden: Vec<(u32, u32)>,
    /// Waiting days per seeker for [`Objective::WaitingPriority`]; empty means all zero.
    pub waiting_days: Vec<u32>,
    /// The objective.
    pub objective: Objective,
}

impl Problem {
    /// A problem with no pins, no forbidden pairs, no waiting days and the default objective.
    #[must_use]
    pub fn new(num_seekers: usize, capacities: Vec<u32>, edges: Vec<Edge>) -> Self {
        Self {
            num_seekers,
            capacities,
            edges,
            ..Self::default()
        }
    }
}

/// Why a seeker is left without a buddy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnmatchedReason {
    /// The seeker has no feasible pair at all (no edge, or all its edges are forbidden).
    NoFeasibleBuddy,
    /// The seeker has feasible pairs, but every such buddy's capacity is better used by others
    /// (or is used up by pins) under the objective.
    AllFeasibleBuddiesTaken,
}

/// An optimal assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Buddy of each seeker (`None`: unmatched); pinned pairs included.
    pub buddy_of: Vec<Option<u32>>,
    /// Number of matched seekers (pins included).
    pub matched: usize,
    /// Sum of the scores of all matched pairs (pins included).
    pub total_score: i64,
    /// Each unmatched seeker, in increasing order, with the reason.
    pub unmatched: Vec<(u32, UnmatchedReason)>,
}

/// Solves `problem` exactly for its [`Objective`].
///
/// # Errors
///
/// An [`AssignError`] when an index is out of range, a pair is listed twice, a score is beyond
/// [`MAX_SCORE`], `waiting_days` has the wrong length, a pin is not a feasible edge (or is
/// forbidden), a seeker is pinned twice, the pins of a buddy exceed its capacity, or the exact
/// lexicographic weights would overflow 64-bit integers.
///
/// # Panics
///
/// Never on any input; the solver only indexes arrays it sized itself.
pub fn solve(problem: &Problem) -> Result<Assignment, AssignError> {
    solve_tuned(problem, Tuning::DEFAULT).map(|(assignment, _)| assignment)
}

/// [`solve`] with the given limits of the candidate scheme, and what the candidate loop did.
/// Only the unit tests pass other limits than [`Tuning::DEFAULT`].
fn solve_tuned(problem: &Problem, tuning: Tuning) -> Result<(Assignment, Stats), AssignError> {
    let mut stats = Stats::default();
    let p = driver::prepare(problem)?;
    let (assignment, _) = solve_prepared(problem, &p, tuning, None, None, &mut stats)?;
    Ok((assignment, stats))
}

/// The dual potentials that certify an optimum (see [`priced`]): with them, an edge missing
/// from the problem would improve the result only if `top - score - u[seeker] - v[buddy] < 0`.
pub(crate) struct Certificate {
    /// Scores become costs `top - score`.
    pub top: i64,
    /// Row potential of each seeker (meaningless for pinned seekers).
    pub u: Vec<i64>,
    /// Column potential of each buddy (0 with room left, `<= 0` when full).
    pub v: Vec<i64>,
    /// Capacity of each buddy left after the pins (0: the buddy cannot take anyone else).
    pub cap: Vec<u32>,
    /// Whether each seeker is pinned.
    pub pinned: Vec<bool>,
    /// Buddy of each unpinned seeker in the optimum, or `ssp::UNMATCHED` (for a warm start).
    pub col_of: Vec<u32>,
    /// Cost of leaving each seeker unmatched (a warm start needs the same costs).
    pub dummy: Vec<i64>,
}

/// Solves a prepared problem. `range` widens the score range the costs are built from (the
/// priced solve fixes it to the range of every edge, listed or not, so that the certificate of
/// one round speaks about the same costs as the next). The certificate is `None` when nothing
/// can be matched, and for [`Objective::Fairness`].
///
/// `warm`, the certificate of an optimum of the same costs on a subset of `p`'s edges (the
/// previous round of the priced solve), is the solver's starting point when its costs (`top`,
/// unmatched costs) are the same: the result is the same optimum value as from scratch.
fn solve_prepared(
    problem: &Problem,
    p: &driver::Prepared<'_>,
    tuning: Tuning,
    range: Option<(i64, i64)>,
    warm: Option<&Certificate>,
    stats: &mut Stats,
) -> Result<(Assignment, Option<Certificate>), AssignError> {
    let active: Vec<usize> = p.active().collect();
    let (lo, hi) = match (range, p.edges.is_empty()) {
        (Some((a, b)), true) => (a, b),
        (Some((a, b)), false) => (p.score_lo.min(a), p.score_hi.max(b)),
        (None, _) => (p.score_lo, p.score_hi),
    };
    let total_cap: u64 = p.cap.iter().map(|&c| u64::from(c)).sum();
    let most = (active.len() as u64).min(total_cap);
    if p.edges.is_empty() || most == 0 {
        return Ok((finish(p, &vec![None; p.n]), None));
    }
    let min_score = match problem.objective {
        Objective::Fairness => bottleneck(p, &active, lo, hi, tuning, stats)?,
        _ => i64::MIN,
    };
    let (lo, hi) = if min_score > lo {
        score_range(p, &active, min_score)
    } else {
        (lo, hi)
    };
    let range = hi - lo;
    // Any two assignments with the same number matched differ by at most `spread` in cost.
    let spread = i64::try_from(most)
        .ok()
        .and_then(|k| k.checked_mul(range))
        .ok_or(AssignError::WeightOverflow)?;
    let dummy: Vec<i64> = match problem.objective {
        Objective::WaitingPriority if !problem.waiting_days.is_empty() => {
            let unit = spread.checked_add(1).ok_or(AssignError::WeightOverflow)?;
            let sum_w: i64 = active
                .iter()
                .map(|&i| i64::from(problem.waiting_days[i]))
                .sum();
            let base = unit
                .checked_mul(sum_w)
                .and_then(|x| x.checked_add(spread))
                .and_then(|x| x.checked_add(1))
                .ok_or(AssignError::WeightOverflow)?;
            let mut d = vec![0i64; p.n];
            for &i in &active {
                d[i] = unit
                    .checked_mul(i64::from(problem.waiting_days[i]))
                    .and_then(|x| x.checked_add(base))
                    .ok_or(AssignError::WeightOverflow)?;
            }
            d
        }
        _ => vec![spread.checked_add(1).ok_or(AssignError::WeightOverflow)?; p.n],
    };
    // Distances and potentials stay within a small multiple of the largest option cost.
    let worst = dummy.iter().copied().max().unwrap_or(0);
    if worst
        .checked_add(range)
        .and_then(|x| x.checked_mul(4))
        .is_none()
    {
        return Err(AssignError::WeightOverflow);
    }
    let costs = Costs::Score { top: hi };
    let warm = warm
        .filter(|w| problem.objective != Objective::Fairness && w.top == hi && w.dummy == dummy);
    let optimum =
        match warm.and_then(|w| driver::optimise_warm(p, costs, &dummy, &w.col_of, &w.v, stats)) {
            Some(optimum) => optimum,
            None => driver::optimise(p, min_score, costs, &dummy, tuning, stats),
        };
    let certificate = (problem.objective != Objective::Fairness).then(|| Certificate {
        top: hi,
        col_of: optimum
            .chosen
            .iter()
            .map(|k| k.map_or(ssp::UNMATCHED, |k| p.edges[k].buddy))
            .collect(),
        u: optimum.u,
        v: optimum.v,
        cap: p.cap.clone(),
        pinned: p.pinned_to.iter().map(|&b| b != FREE).collect(),
        dummy,
    });
    Ok((finish(p, &optimum.chosen), certificate))
}

/// Lowest and highest usable score at or above `min_score`.
fn score_range(p: &driver::Prepared<'_>, active: &[usize], min_score: i64) -> (i64, i64) {
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for &i in active {
        for k in p.row_start[i]..p.row_start[i + 1] {
            if p.usable(k, min_score) {
                let s = p.edges[k].score;
                lo = lo.min(s);
                hi = hi.max(s);
            }
        }
    }
    (lo, hi)
}

/// The largest threshold `t` such that the edges scoring `>= t` still match as many seekers as
/// all edges do, capped by the lowest pinned score (a pin is always in the result).
fn bottleneck(
    p: &driver::Prepared<'_>,
    active: &[usize],
    lo: i64,
    hi: i64,
    tuning: Tuning,
    stats: &mut Stats,
) -> Result<i64, AssignError> {
    let pin_min = (0..p.n)
        .filter(|&i| p.pinned_to[i] != FREE)
        .map(|i| p.pinned_score[i])
        .min()
        .unwrap_or(i64::MAX);
    let mut scores: Vec<i64> = active
        .iter()
        .flat_map(|&i| p.row_start[i]..p.row_start[i + 1])
        .filter(|&k| p.usable(k, i64::MIN))
        .map(|k| p.edges[k].score)
        .filter(|&s| s <= pin_min)
        .collect();
    if pin_min < i64::MAX {
        // A threshold equal to the lowest pin is as good as any active score below it.
        scores.push(pin_min);
    }
    scores.sort_unstable();
    scores.dedup();
    debug_assert!(lo <= hi);
    let ones = vec![1i64; p.n];
    let mut count = |t: i64| {
        driver::optimise(p, t, Costs::Cardinality, &ones, tuning, stats)
            .chosen
            .iter()
            .filter(|k| k.is_some())
            .count()
    };
    let target = count(i64::MIN);
    if scores.is_empty() {
        return Ok(i64::MIN);
    }
    // Invariant: scores[a] is feasible (or a == 0, which always is), scores[b] is not (b == len).
    let (mut a, mut b) = (0usize, scores.len());
    while b - a > 1 {
        let mid = a + (b - a) / 2;
        if count(scores[mid]) == target {
            a = mid;
        } else {
            b = mid;
        }
    }
    Ok(if a == 0 { i64::MIN } else { scores[a] })
}

fn finish(p: &driver::Prepared<'_>, chosen: &[Option<usize>]) -> Assignment {
    let mut buddy_of = vec![None; p.n];
    let mut total_score = 0i64;
    let mut matched = 0usize;
    let mut unmatched = Vec::new();
    for i in 0..p.n {
        if p.pinned_to[i] != FREE {
            buddy_of[i] = Some(p.pinned_to[i]);
            total_score += p.pinned_score[i];
            matched += 1;
        } else if let Some(k) = chosen[i] {
            buddy_of[i] = Some(p.edges[k].buddy);
            matched += 1;
            total_score += p.edges[k].score;
        } else {
            let reason = if p.has_feasible[i] {
                UnmatchedReason::AllFeasibleBuddiesTaken
            } else {
                UnmatchedReason::NoFeasibleBuddy
            };
            unmatched.push((i as u32, reason));
        }
    }
    Assignment {
        buddy_of,
        matched,
        total_score,
        unmatched,
    }
}
