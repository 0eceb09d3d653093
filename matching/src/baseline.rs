//! The "first come, first served" baseline: what matching by hand in a spreadsheet gives on the
//! same cohort, to show next to the optimal result.
//!
//! Seekers are taken one by one in sign-up order; each gets, among the feasible buddies that
//! still have room, the one with the highest score (the lowest buddy index on a tie), and keeps
//! it. The hard rules and scores are exactly those of [`crate::assign::solve`]: the same
//! [`Problem`] (its edges, forbidden pairs and pins; pinned pairs are placed first, as a
//! coordinator would). Only the order of decisions differs, which is why an early seeker can take
//! the one buddy a later seeker needed while another buddy would have suited the early one too.
//!
//! Pure and deterministic; `O(E)` time and `O(n + m)` extra memory for `E` edges (an index of
//! `O(E)` only when the edges are not grouped by seeker).
//!
//! ```
//! use matching::assign::{Edge, Problem};
//! use matching::baseline::first_come_first_served;
//!
//! // Seeker 0 signed up first and takes buddy 0 (its best); seeker 1, who could only have had
//! // buddy 0, stays unmatched, though buddy 1 would have suited seeker 0 as well.
//! let problem = Problem::new(
//!     2,
//!     vec![1, 1],
//!     vec![
//!         Edge { seeker: 0, buddy: 0, score: 60 },
//!         Edge { seeker: 0, buddy: 1, score: 50 },
//!         Edge { seeker: 1, buddy: 0, score: 70 },
//!     ],
//! );
//! let greedy = first_come_first_served(&problem, &[0, 1])?;
//! assert_eq!(greedy.buddy_of, vec![Some(0), None]);
//! assert_eq!((greedy.matched, greedy.total_score), (1, 60));
//! # Ok::<(), matching::assign::AssignError>(())
//! ```

use std::collections::HashMap;

use crate::assign::{
    buddy_set, AssignError, Assignment, Buddies, Edge, Pricing, Problem, UnmatchedReason,
};

fn check_range(problem: &Problem, seeker: u32, buddy: u32) -> Result<(), AssignError> {
    if seeker as usize >= problem.num_seekers {
        return Err(AssignError::SeekerOutOfRange {
            seeker,
            num_seekers: problem.num_seekers,
        });
    }
    if buddy as usize >= problem.capacities.len() {
        return Err(AssignError::BuddyOutOfRange {
            buddy,
            num_buddies: problem.capacities.len(),
        });
    }
    Ok(())
}

/// The edges of each seeker: ranges of `edges` when they are grouped by seeker (as the scorer
/// writes them), else an index sorted by seeker. No copy of the edges either way.
struct BySeeker<'a> {
    edges: &'a [Edge],
    starts: Vec<usize>,
    order: Option<Vec<u32>>,
}

impl<'a> BySeeker<'a> {
    fn new(problem: &'a Problem) -> Result<Self, AssignError> {
        let edges = &problem.edges;
        // The common case, cheaply: grouped edges need no counting, only their bounds (two
        // tight passes instead of one per-edge bookkeeping pass over millions of edges).
        if edges.windows(2).all(|w| w[0].seeker <= w[1].seeker) {
            let bad_seeker = edges
                .last()
                .filter(|e| e.seeker as usize >= problem.num_seekers);
            let max_buddy = edges.iter().map(|e| e.buddy).max().unwrap_or(0) as usize;
            if bad_seeker.is_some() || max_buddy >= problem.capacities.len() {
                let e = edges
                    .iter()
                    .find(|e| check_range(problem, e.seeker, e.buddy).is_err())
                    .copied()
                    .unwrap_or(Edge {
                        seeker: 0,
                        buddy: 0,
                        score: 0,
                    });
                check_range(problem, e.seeker, e.buddy)?;
            }
            let starts = (0..=problem.num_seekers)
                .map(|s| edges.partition_point(|e| (e.seeker as usize) < s))
                .collect();
            return Ok(Self {
                edges,
                starts,
                order: None,
            });
        }
        let mut counts = vec![0_usize; problem.num_seekers + 1];
        let mut grouped = true;
        for (k, e) in edges.iter().enumerate() {
            check_range(problem, e.seeker, e.buddy)?;
            counts[e.seeker as usize + 1] += 1;
            grouped &= k == 0 || edges[k - 1].seeker <= e.seeker;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let order = (!grouped).then(|| {
            let mut next = counts.clone();
            let mut order = vec![0_u32; edges.len()];
            for (k, e) in edges.iter().enumerate() {
                let slot = &mut next[e.seeker as usize];
                order[*slot] = u32::try_from(k).unwrap_or(u32::MAX);
                *slot += 1;
            }
            order
        });
        Ok(Self {
            edges,
            starts: counts,
            order,
        })
    }

    /// The seeker's edges as one slice, when the edges are grouped.
    fn slice(&self, seeker: usize) -> Option<&'a [Edge]> {
        match self.order {
            Some(_) => None,
            None => self.edges.get(self.starts[seeker]..self.starts[seeker + 1]),
        }
    }

    fn of(&self, seeker: usize) -> impl Iterator<Item = &'a Edge> + '_ {
        let range = self.starts[seeker]..self.starts[seeker + 1];
        let edges = self.edges;
        range.map(move |k| match &self.order {
            Some(order) => &edges[order[k] as usize],
            None => &edges[k],
        })
    }
}

/// The highest-scoring edge whose buddy has room and is not banned; the lowest buddy index on a
/// tie. A plain loop: it runs over every edge of a run.
fn best_with_room<'e>(
    edges: impl Iterator<Item = &'e Edge>,
    room: &[u32],
    banned: &[u32],
) -> Option<&'e Edge> {
    let mut best: Option<&Edge> = None;
    for e in edges {
        if room[e.buddy as usize] == 0 || banned.contains(&e.buddy) {
            continue;
        }
        let better = best.map_or(true, |b| {
            e.score > b.score || (e.score == b.score && e.buddy < b.buddy)
        });
        if better {
            best = Some(e);
        }
    }
    best
}

/// The greedy assignment in `order` (seeker indices; seekers not listed follow by index, and
/// repeats are ignored). The result's `unmatched` lists every seeker without a buddy: with no
/// feasible pair at all, or whose feasible buddies were all taken when their turn came.
///
/// One pass over each seeker's edges (no sorting), so it costs a small fraction of a solve.
///
/// # Errors
/// An index out of range, or a pinned pair that is not a feasible edge (or is forbidden).
pub fn first_come_first_served(
    problem: &Problem,
    order: &[u32],
) -> Result<Assignment, AssignError> {
    greedy(problem, order, None)
}

/// [`first_come_first_served`] on a problem that lists only some edges of each seeker, the
/// rest scored on demand by `pricing` (see [`solve_priced`](crate::assign::solve_priced)); the
/// same result as on the full edge list. A seeker is scored again only when a missing edge
/// could beat (or tie) its best listed buddy with room, and then only against the buddies
/// that still have room.
///
/// # Errors
/// As [`first_come_first_served`].
pub fn first_come_first_served_priced(
    problem: &Problem,
    order: &[u32],
    pricing: &dyn Pricing,
) -> Result<Assignment, AssignError> {
    greedy(problem, order, Some(pricing))
}

/// The best buddy with room among the seeker's missing edges, when one could beat `best`;
/// `with_room` is the set of buddies with room.
fn best_priced(
    pricing: &dyn Pricing,
    seeker: u32,
    best: Option<&Edge>,
    (room, with_room): (&[u32], &[u64]),
    banned: &[u32],
) -> Option<Edge> {
    let bound = pricing.missing_bound(seeker)?;
    if best.is_some_and(|e| e.score > bound) {
        return None;
    }
    let mut scored = Vec::new();
    pricing.edges_to(seeker, Buddies::Only(with_room), &mut scored);
    let edges: Vec<Edge> = scored
        .into_iter()
        .map(|(buddy, score)| Edge {
            seeker,
            buddy,
            score,
        })
        .collect();
    best_with_room(edges.iter(), room, banned).copied()
}

fn greedy(
    problem: &Problem,
    order: &[u32],
    pricing: Option<&dyn Pricing>,
) -> Result<Assignment, AssignError> {
    let by_seeker = BySeeker::new(problem)?;
    // Forbidden pairs are few: look them up only for seekers that have one.
    let mut forbidden: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(s, b) in &problem.forbidden {
        forbidden.entry(s).or_default().push(b);
    }
    let allowed = |e: &Edge| {
        forbidden
            .get(&e.seeker)
            .map_or(true, |bs| !bs.contains(&e.buddy))
    };
    let has_feasible = |s: usize| by_seeker.of(s).any(&allowed);

    let mut room = problem.capacities.clone();
    let mut buddy_of: Vec<Option<u32>> = vec![None; problem.num_seekers];
    let mut total_score = 0_i64;
    for &(s, b) in &problem.pinned {
        check_range(problem, s, b)?;
        let edge = by_seeker
            .of(s as usize)
            .find(|e| e.buddy == b && allowed(e));
        match (edge, buddy_of[s as usize]) {
            (_, Some(_)) => return Err(AssignError::SeekerPinnedTwice { seeker: s }),
            (Some(e), None) if room[b as usize] > 0 => {
                room[b as usize] -= 1;
                buddy_of[s as usize] = Some(b);
                total_score += e.score;
            }
            _ => {
                return Err(AssignError::PinnedPairInfeasible {
                    seeker: s,
                    buddy: b,
                })
            }
        }
    }

    let mut with_room = buddy_set(
        room.len(),
        (0..room.len()).filter(|&j| room[j] > 0).map(|j| j as u32),
    );
    let listed = order
        .iter()
        .copied()
        .filter(|&s| (s as usize) < problem.num_seekers);
    let all = 0..u32::try_from(problem.num_seekers).unwrap_or(u32::MAX);
    let mut seen = vec![false; problem.num_seekers];
    for s in listed.chain(all) {
        let i = s as usize;
        if std::mem::replace(&mut seen[i], true) || buddy_of[i].is_some() {
            continue;
        }
        // The highest score with room; the lowest buddy index on a tie. The seeker's forbidden
        // buddies are looked up once, not per edge (a run has millions of edges).
        let banned = forbidden.get(&s).map_or(&[][..], Vec::as_slice);
        let listed = match by_seeker.slice(i) {
            Some(edges) => best_with_room(edges.iter(), &room, banned),
            None => best_with_room(by_seeker.of(i), &room, banned),
        };
        let priced = pricing.and_then(|p| best_priced(p, s, listed, (&room, &with_room), banned));
        if let Some(e) = priced.as_ref().or(listed) {
            room[e.buddy as usize] -= 1;
            if room[e.buddy as usize] == 0 {
                with_room[e.buddy as usize / 64] &= !(1 << (e.buddy % 64));
            }
            buddy_of[i] = Some(e.buddy);
            total_score += e.score;
        }
    }

    let unmatched = buddy_of
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_none())
        .map(|(s, _)| {
            let reason = if has_feasible(s) {
                UnmatchedReason::AllFeasibleBuddiesTaken
            } else {
                UnmatchedReason::NoFeasibleBuddy
            };
            (u32::try_from(s).unwrap_or(u32::MAX), reason)
        })
        .collect();
    Ok(Assignment {
        matched: buddy_of.iter().filter(|b| b.is_some()).count(),
        buddy_of,
        total_score,
        unmatched,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assign::solve;

    fn edge(seeker: u32, buddy: u32, score: i64) -> Edge {
        Edge {
            seeker,
            buddy,
            score,
        }
    }

    #[test]
    fn optimal_matches_more_people_than_first_come_first_served() {
        // Hand-checked: three seekers in sign-up order 0, 1, 2, three buddies with one place each.
        // Greedy: seeker 0 takes buddy 0 (80 > 70), seeker 1 (only buddy 0) is left out,
        // seeker 2 takes buddy 1 (40 > 30): 2 matched, 80 + 40 = 120.
        let mut problem = Problem::new(
            3,
            vec![1, 1, 1],
            vec![
                edge(0, 0, 80),
                edge(0, 1, 70),
                edge(1, 0, 60),
                edge(2, 1, 40),
                edge(2, 2, 30),
            ],
        );
        let greedy = first_come_first_served(&problem, &[0, 1, 2]).expect("valid");
        assert_eq!(greedy.buddy_of, vec![Some(0), None, Some(1)]);
        assert_eq!((greedy.matched, greedy.total_score), (2, 120));
        assert_eq!(
            greedy.unmatched,
            vec![(1, UnmatchedReason::AllFeasibleBuddiesTaken)]
        );
        // Optimal: 0-1 (70), 1-0 (60), 2-2 (30): everyone, 160.
        let optimal = solve(&problem).expect("valid");
        assert_eq!((optimal.matched, optimal.total_score), (3, 160));

        // Another order gives another greedy result: the baseline depends on who came first.
        problem.capacities = vec![1, 1, 0];
        let later_first = first_come_first_served(&problem, &[1, 2, 0]).expect("valid");
        assert_eq!(later_first.buddy_of, vec![None, Some(0), Some(1)]);
        assert_eq!((later_first.matched, later_first.total_score), (2, 100));
    }

    #[test]
    fn forbidden_pairs_pins_and_unlisted_seekers() {
        let mut problem = Problem::new(
            3,
            vec![2, 1],
            vec![
                edge(0, 0, 90),
                edge(0, 1, 10),
                edge(1, 0, 50),
                edge(2, 0, 99),
            ],
        );
        problem.forbidden = vec![(0, 0)];
        problem.pinned = vec![(1, 0)];
        // Seeker 2 is not listed: it comes after the listed ones.
        let r = first_come_first_served(&problem, &[0, 0, 7]).expect("valid");
        assert_eq!(r.buddy_of, vec![Some(1), Some(0), Some(0)]);
        assert_eq!(r.total_score, 10 + 50 + 99);
        assert!(r.unmatched.is_empty());

        problem.pinned = vec![(0, 0)];
        assert_eq!(
            first_come_first_served(&problem, &[]),
            Err(AssignError::PinnedPairInfeasible {
                seeker: 0,
                buddy: 0
            })
        );
        problem.pinned = vec![];
        problem.edges.push(edge(5, 0, 1));
        assert!(matches!(
            first_come_first_served(&problem, &[]),
            Err(AssignError::SeekerOutOfRange { seeker: 5, .. })
        ));
    }

    #[test]
    fn a_seeker_without_feasible_pairs_is_reported_so() {
        let problem = Problem::new(2, vec![1], vec![edge(0, 0, 5)]);
        let r = first_come_first_served(&problem, &[1, 0]).expect("valid");
        assert_eq!(r.unmatched, vec![(1, UnmatchedReason::NoFeasibleBuddy)]);
    }
}
