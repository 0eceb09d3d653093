//! Exhaustive-search oracle and small random instances (every objective, random capacities,
//! forbidden and pinned pairs), shared by `assign_bruteforce.rs` and the solver's unit tests
//! (`src/assign/tests.rs`, which includes this file by path).

use matching::assign::{AssignError, Edge, Objective, Problem};
use proptest::prelude::*;

/// The objective value of an assignment as a lexicographic key (larger is better).
pub fn key(p: &Problem, buddy_of: &[Option<u32>]) -> (usize, i64, i64) {
    let score = |s: usize, b: u32| {
        p.edges
            .iter()
            .find(|e| e.seeker as usize == s && e.buddy == b)
            .map(|e| e.score)
    };
    let matched = buddy_of.iter().filter(|b| b.is_some()).count();
    let total: i64 = buddy_of
        .iter()
        .enumerate()
        .filter_map(|(s, b)| b.map(|b| score(s, b).expect("edge")))
        .sum();
    let second = match p.objective {
        Objective::MostMatchedThenScore => 0,
        Objective::WaitingPriority => buddy_of
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_some())
            .map(|(s, _)| i64::from(p.waiting_days.get(s).copied().unwrap_or(0)))
            .sum(),
        Objective::Fairness => buddy_of
            .iter()
            .enumerate()
            .filter_map(|(s, b)| b.map(|b| score(s, b).expect("edge")))
            .min()
            .unwrap_or(i64::MAX),
    };
    (matched, second, total)
}

/// Best key over all feasible assignments, by exhaustive search.
pub fn brute(p: &Problem) -> (usize, i64, i64) {
    let n = p.num_seekers;
    // Options of each seeker: its pin, or "unmatched" and each allowed edge.
    let options: Vec<Vec<Option<(u32, i64)>>> = (0..n)
        .map(|s| {
            let score = |b: u32| {
                p.edges
                    .iter()
                    .find(|e| e.seeker as usize == s && e.buddy == b)
                    .map(|e| e.score)
            };
            match p.pinned.iter().find(|x| x.0 as usize == s) {
                Some(&(_, b)) => vec![Some((b, score(b).expect("pinned edge")))],
                None => std::iter::once(None)
                    .chain(
                        p.edges
                            .iter()
                            .filter(|e| e.seeker as usize == s)
                            .filter(|e| !p.forbidden.contains(&(e.seeker, e.buddy)))
                            .map(|e| Some((e.buddy, e.score))),
                    )
                    .collect(),
            }
        })
        .collect();
    let wait = |s: usize| i64::from(p.waiting_days.get(s).copied().unwrap_or(0));
    #[allow(clippy::too_many_arguments)]
    fn rec(
        p: &Problem,
        options: &[Vec<Option<(u32, i64)>>],
        wait: &dyn Fn(usize) -> i64,
        s: usize,
        load: &mut Vec<u32>,
        acc: (usize, i64, i64, i64),
        best: &mut (usize, i64, i64),
    ) {
        if s == options.len() {
            let (matched, total, waited, min) = acc;
            let second = match p.objective {
                Objective::MostMatchedThenScore => 0,
                Objective::WaitingPriority => waited,
                Objective::Fairness => min,
            };
            *best = (*best).max((matched, second, total));
            return;
        }
        for o in &options[s] {
            match *o {
                None => rec(p, options, wait, s + 1, load, acc, best),
                Some((b, score)) => {
                    if load[b as usize] == p.capacities[b as usize] {
                        continue;
                    }
                    load[b as usize] += 1;
                    let next = (acc.0 + 1, acc.1 + score, acc.2 + wait(s), acc.3.min(score));
                    rec(p, options, wait, s + 1, load, next, best);
                    load[b as usize] -= 1;
                }
            }
        }
    }
    let mut best = (0, i64::MIN, i64::MIN);
    let mut load = vec![0; p.capacities.len()];
    rec(
        p,
        &options,
        &wait,
        0,
        &mut load,
        (0, 0, 0, i64::MAX),
        &mut best,
    );
    best
}

pub fn problem() -> impl Strategy<Value = Problem> {
    (1usize..=7, 1usize..=7, 0u8..3).prop_flat_map(|(n, m, obj)| {
        let objective = [
            Objective::MostMatchedThenScore,
            Objective::WaitingPriority,
            Objective::Fairness,
        ][obj as usize];
        (
            proptest::collection::vec(0u32..=2, m),
            proptest::collection::vec(proptest::option::weighted(0.6, -5i64..=20), n * m),
            proptest::collection::vec((0..n as u32, 0..m as u32), 0..3),
            proptest::collection::vec((0..n as u32, 0..m as u32), 0..2),
            proptest::collection::vec(0u32..30, n),
        )
            .prop_map(
                move |(capacities, scores, forbidden, pinned, waiting_days)| {
                    let edges = scores
                        .iter()
                        .enumerate()
                        .filter_map(|(k, s)| {
                            s.map(|score| Edge {
                                seeker: (k / m) as u32,
                                buddy: (k % m) as u32,
                                score,
                            })
                        })
                        .collect();
                    Problem {
                        num_seekers: n,
                        capacities,
                        edges,
                        pinned,
                        forbidden,
                        waiting_days,
                        objective,
                    }
                },
            )
    })
}

/// Whether the pins are admissible, mirroring the documented errors.
pub fn pins_ok(p: &Problem) -> Result<(), AssignError> {
    let mut load = vec![0u32; p.capacities.len()];
    let mut seen = vec![false; p.num_seekers];
    for &(s, b) in &p.pinned {
        if seen[s as usize] {
            return Err(AssignError::SeekerPinnedTwice { seeker: s });
        }
        seen[s as usize] = true;
        let feasible =
            p.edges.iter().any(|e| e.seeker == s && e.buddy == b) && !p.forbidden.contains(&(s, b));
        if !feasible {
            return Err(AssignError::PinnedPairInfeasible {
                seeker: s,
                buddy: b,
            });
        }
        load[b as usize] += 1;
        if load[b as usize] > p.capacities[b as usize] {
            return Err(AssignError::PinsExceedCapacity {
                buddy: b,
                capacity: p.capacities[b as usize],
            });
        }
    }
    Ok(())
}
