//! Hand-checked cases, edge cases, errors and determinism of `assign::solve`.

use matching::assign::{solve, AssignError, Edge, Objective, Problem, UnmatchedReason};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn e(seeker: u32, buddy: u32, score: i64) -> Edge {
    Edge {
        seeker,
        buddy,
        score,
    }
}

/// Scores from a cost matrix (`score = -cost`), all pairs feasible.
fn from_costs(costs: &[&[i64]]) -> Problem {
    let m = costs[0].len();
    let edges = costs
        .iter()
        .enumerate()
        .flat_map(|(s, row)| {
            row.iter()
                .enumerate()
                .map(move |(b, &c)| e(s as u32, b as u32, -c))
        })
        .collect();
    Problem::new(costs.len(), vec![1; m], edges)
}

#[test]
fn empty_problem() {
    let r = solve(&Problem::new(0, vec![], vec![])).expect("empty is valid");
    assert_eq!((r.matched, r.total_score), (0, 0));
    assert!(r.buddy_of.is_empty() && r.unmatched.is_empty());
}

#[test]
fn all_infeasible() {
    let r = solve(&Problem::new(3, vec![2, 2], vec![])).expect("valid");
    assert_eq!(r.buddy_of, vec![None; 3]);
    assert_eq!(
        r.unmatched,
        (0..3)
            .map(|s| (s, UnmatchedReason::NoFeasibleBuddy))
            .collect::<Vec<_>>()
    );
}

/// 3x3 cost matrix, minimum 15 by enumerating all 6 permutations by hand:
/// (0,1,2)=18 (0,2,1)=15 (1,0,2)=17 (1,2,0)=16 (2,0,1)=16 (2,1,0)=18.
#[test]
fn three_by_three_by_hand() {
    let p = from_costs(&[&[8, 4, 7], &[5, 2, 3], &[9, 4, 8]]);
    let r = solve(&p).expect("valid");
    assert_eq!(r.total_score, -15);
    assert_eq!(r.buddy_of, vec![Some(0), Some(2), Some(1)]);
}

/// A 4x4 rating matrix to maximise; the optimum is checked against all 24 permutations.
#[test]
fn four_by_four_enumerated() {
    let rating: [[i64; 4]; 4] = [
        [7, 53, 183, 439],
        [497, 383, 563, 79],
        [627, 343, 773, 959],
        [447, 283, 463, 29],
    ];
    let mut best = i64::MIN;
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let mut v = [a, b, c, d];
                    v.sort_unstable();
                    if v == [0, 1, 2, 3] {
                        best = best.max(rating[0][a] + rating[1][b] + rating[2][c] + rating[3][d]);
                    }
                }
            }
        }
    }
    let edges = (0..4)
        .flat_map(|s| (0..4).map(move |b| e(s, b, rating[s as usize][b as usize])))
        .collect();
    let r = solve(&Problem::new(4, vec![1; 4], edges)).expect("valid");
    assert_eq!(r.total_score, best);
    assert_eq!(r.matched, 4);
}

#[test]
fn most_matched_beats_score() {
    // Matching seeker 0 with buddy 0 alone scores 100, but both seekers can be matched.
    let p = Problem::new(2, vec![1, 1], vec![e(0, 0, 100), e(0, 1, 1), e(1, 0, 1)]);
    let r = solve(&p).expect("valid");
    assert_eq!(r.buddy_of, vec![Some(1), Some(0)]);
    assert_eq!((r.matched, r.total_score), (2, 2));
}

#[test]
fn more_seekers_than_capacity() {
    let edges = (0..5)
        .map(|s| e(s, 0, i64::from(s) * 10))
        .chain((0..5).map(|s| e(s, 1, 1)))
        .collect();
    let r = solve(&Problem::new(5, vec![2, 1], edges)).expect("valid");
    assert_eq!(r.matched, 3);
    // Buddy 0 takes the two best (40 and 30), buddy 1 one of the rest (score 1).
    assert_eq!(r.total_score, 71);
    assert_eq!(r.buddy_of[4], Some(0));
    assert_eq!(r.buddy_of[3], Some(0));
    assert_eq!(r.unmatched.len(), 2);
    assert!(r
        .unmatched
        .iter()
        .all(|u| u.1 == UnmatchedReason::AllFeasibleBuddiesTaken));
}

#[test]
fn capacity_is_used_inside_the_algorithm() {
    // One buddy with capacity 3 takes three seekers.
    let edges = (0..4).map(|s| e(s, 0, 5)).collect();
    let r = solve(&Problem::new(4, vec![3], edges)).expect("valid");
    assert_eq!((r.matched, r.total_score), (3, 15));
}

#[test]
fn waiting_priority_prefers_longer_wait() {
    let mut p = Problem::new(2, vec![1], vec![e(0, 0, 100), e(1, 0, 1)]);
    p.waiting_days = vec![10, 50];
    // By score seeker 0 wins; by waiting time the longer-waiting seeker 1 does.
    assert_eq!(solve(&p).expect("valid").buddy_of, vec![Some(0), None]);
    p.objective = Objective::WaitingPriority;
    assert_eq!(solve(&p).expect("valid").buddy_of, vec![None, Some(0)]);
}

#[test]
fn fairness_lifts_the_worst_pair() {
    // (s0-b0, s1-b1) totals 110 with a worst pair of 10; (s0-b1, s1-b0) totals 90, worst 40.
    let mut p = Problem::new(
        2,
        vec![1, 1],
        vec![e(0, 0, 100), e(0, 1, 40), e(1, 0, 50), e(1, 1, 10)],
    );
    let r = solve(&p).expect("valid");
    assert_eq!(
        (r.buddy_of.clone(), r.total_score),
        (vec![Some(0), Some(1)], 110)
    );
    p.objective = Objective::Fairness;
    let r = solve(&p).expect("valid");
    assert_eq!(
        (r.buddy_of.clone(), r.total_score),
        (vec![Some(1), Some(0)], 90)
    );
}

#[test]
fn pinned_and_forbidden() {
    let edges = vec![e(0, 0, 10), e(0, 1, 1), e(1, 0, 9), e(1, 1, 8)];
    let mut p = Problem::new(2, vec![1, 1], edges);
    assert_eq!(solve(&p).expect("valid").buddy_of, vec![Some(0), Some(1)]);
    p.pinned = vec![(1, 0)];
    let r = solve(&p).expect("valid");
    assert_eq!((r.buddy_of, r.total_score), (vec![Some(1), Some(0)], 10));
    p.pinned.clear();
    p.forbidden = vec![(0, 0), (0, 1)];
    let r = solve(&p).expect("valid");
    assert_eq!(r.buddy_of, vec![None, Some(0)]);
    assert_eq!(r.unmatched, vec![(0, UnmatchedReason::NoFeasibleBuddy)]);
}

#[test]
fn errors_are_clear() {
    let base = Problem::new(2, vec![1, 1], vec![e(0, 0, 1), e(1, 0, 1)]);
    let with = |f: &dyn Fn(&mut Problem)| {
        let mut p = base.clone();
        f(&mut p);
        solve(&p).expect_err("invalid")
    };
    assert_eq!(
        with(&|p| p.pinned = vec![(0, 1)]),
        AssignError::PinnedPairInfeasible {
            seeker: 0,
            buddy: 1
        }
    );
    assert_eq!(
        with(&|p| {
            p.pinned = vec![(0, 0)];
            p.forbidden = vec![(0, 0)];
        }),
        AssignError::PinnedPairInfeasible {
            seeker: 0,
            buddy: 0
        }
    );
    assert_eq!(
        with(&|p| p.pinned = vec![(0, 0), (0, 0)]),
        AssignError::SeekerPinnedTwice { seeker: 0 }
    );
    assert_eq!(
        with(&|p| p.pinned = vec![(0, 0), (1, 0)]),
        AssignError::PinsExceedCapacity {
            buddy: 0,
            capacity: 1
        }
    );
    assert_eq!(
        with(&|p| p.edges.push(e(5, 0, 1))),
        AssignError::SeekerOutOfRange {
            seeker: 5,
            num_seekers: 2
        }
    );
    assert_eq!(
        with(&|p| p.edges.push(e(0, 9, 1))),
        AssignError::BuddyOutOfRange {
            buddy: 9,
            num_buddies: 2
        }
    );
    assert_eq!(
        with(&|p| p.edges.push(e(0, 0, 2))),
        AssignError::DuplicateEdge {
            seeker: 0,
            buddy: 0
        }
    );
    assert_eq!(
        with(&|p| p.edges[0].score = i64::MAX),
        AssignError::ScoreOutOfRange {
            seeker: 0,
            buddy: 0,
            score: i64::MAX
        }
    );
    assert_eq!(
        with(&|p| p.waiting_days = vec![1]),
        AssignError::WaitingDaysLength {
            got: 1,
            expected: 2
        }
    );
    let msg = AssignError::PinnedPairInfeasible {
        seeker: 3,
        buddy: 4,
    }
    .to_string();
    assert!(msg.contains("seeker 3") && msg.contains("buddy 4"));
}

#[test]
fn edge_order_does_not_matter_for_the_optimum() {
    let p = random(11, 300, 200, 0.1, 3);
    let mut q = p.clone();
    q.edges.reverse();
    let (a, b) = (solve(&p).expect("valid"), solve(&q).expect("valid"));
    assert_eq!((a.matched, a.total_score), (b.matched, b.total_score));
}

fn random(seed: u64, n: usize, m: usize, density: f64, max_cap: u32) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let capacities = (0..m).map(|_| rng.gen_range(1..=max_cap)).collect();
    let mut edges = Vec::new();
    for s in 0..n as u32 {
        for b in 0..m as u32 {
            if rng.gen_bool(density) {
                edges.push(e(s, b, rng.gen_range(0..=9)));
            }
        }
    }
    Problem::new(n, capacities, edges)
}

#[test]
fn deterministic_across_runs_and_threads() {
    for objective in [
        Objective::MostMatchedThenScore,
        Objective::WaitingPriority,
        Objective::Fairness,
    ] {
        let mut p = random(5, 400, 150, 0.2, 2);
        p.objective = objective;
        p.waiting_days = (0..400).map(|s| (s * 37 % 90) as u32).collect();
        let first = solve(&p).expect("valid");
        assert_eq!(first, solve(&p).expect("valid"));
        let single = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
            .install(|| solve(&p).expect("valid"));
        assert_eq!(first, single);
    }
}

#[test]
fn duplicate_across_a_long_row_is_found() {
    // One seeker with 40 000 edges; the repeated pair is far from its first occurrence.
    let mut edges: Vec<Edge> = (0..40_000).map(|b| e(0, b, 1)).collect();
    edges.push(e(0, 5, 2));
    edges.extend((0..10).map(|b| e(1, b, 1)));
    let p = Problem::new(2, vec![1; 40_000], edges);
    assert_eq!(
        solve(&p),
        Err(AssignError::DuplicateEdge {
            seeker: 0,
            buddy: 5
        })
    );
    let mut q = p.clone();
    q.edges.reverse();
    assert!(matches!(
        solve(&q),
        Err(AssignError::DuplicateEdge { seeker: 0, .. })
    ));
}
