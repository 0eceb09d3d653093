//! The priced solve (short lists plus pairs scored on demand) against the solve on every edge:
//! the same optimum for every objective, and the same first-come-first-served baseline, on
//! random problems and on synthetic city populations.

#[path = "../benches/scoring/population.rs"]
mod population;

use std::collections::HashSet;

use matching::assign::{solve, solve_priced, Buddies, Edge, Objective, Pricing, Problem};
use matching::baseline::{first_come_first_served, first_come_first_served_priced};
use matching::compat::{score_all, shortlist_all, Weights};
use proptest::prelude::*;

/// Every edge, by seeker; each seeker's `k` best (score, then lower buddy) are "listed".
/// Forbidden pairs are never listed, but `edges_to` returns them (the solver must drop them).
struct Explicit {
    rows: Vec<Vec<(u32, i64)>>,
    forbidden: HashSet<(u32, u32)>,
    k: usize,
    range: (i64, i64),
}

impl Explicit {
    fn new(p: &Problem, k: usize, range: (i64, i64)) -> Self {
        let mut rows = vec![Vec::new(); p.num_seekers];
        for e in &p.edges {
            rows[e.seeker as usize].push((e.buddy, e.score));
        }
        for r in &mut rows {
            r.sort_unstable();
        }
        let forbidden = p.forbidden.iter().copied().collect();
        Self {
            rows,
            forbidden,
            k,
            range,
        }
    }

    /// The seeker's allowed edges, best first.
    fn ranked(&self, s: usize) -> Vec<(u32, i64)> {
        let mut r: Vec<(u32, i64)> = self.rows[s]
            .iter()
            .copied()
            .filter(|&(b, _)| !self.forbidden.contains(&(s as u32, b)))
            .collect();
        r.sort_by_key(|&(b, score)| (std::cmp::Reverse(score), b));
        r
    }

    fn listed(&self) -> Vec<Edge> {
        (0..self.rows.len())
            .flat_map(|s| {
                self.ranked(s)
                    .into_iter()
                    .take(self.k)
                    .map(move |(buddy, score)| Edge {
                        seeker: s as u32,
                        buddy,
                        score,
                    })
            })
            .collect()
    }
}

impl Pricing for Explicit {
    fn score_range(&self) -> (i64, i64) {
        self.range
    }

    fn missing_bound(&self, seeker: u32) -> Option<i64> {
        self.ranked(seeker as usize).get(self.k).map(|&(_, s)| s)
    }

    fn edges_to(&self, seeker: u32, buddies: Buddies<'_>, out: &mut Vec<(u32, i64)>) {
        let row = &self.rows[seeker as usize];
        match buddies {
            Buddies::All => out.extend(row.iter().copied()),
            Buddies::Only(set) => out.extend(
                row.iter()
                    .copied()
                    .filter(|&(b, _)| set[b as usize / 64] & (1 << (b % 64)) != 0),
            ),
        }
    }
}

fn objective() -> impl Strategy<Value = Objective> {
    prop_oneof![
        Just(Objective::MostMatchedThenScore),
        Just(Objective::WaitingPriority),
        Just(Objective::Fairness),
    ]
}

/// What must agree between two optimal assignments of one problem.
fn value(p: &Problem, a: &matching::assign::Assignment) -> (usize, i64, u64, i64) {
    let waiting: u64 = a
        .buddy_of
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_some())
        .map(|(s, _)| p.waiting_days.get(s).map_or(0, |&w| u64::from(w)))
        .sum();
    let min_score = a
        .buddy_of
        .iter()
        .enumerate()
        .filter_map(|(s, b)| {
            let b = (*b)?;
            p.edges
                .iter()
                .find(|e| e.seeker as usize == s && e.buddy == b)
                .map(|e| e.score)
        })
        .min()
        .unwrap_or(i64::MIN);
    // Only the objective's own terms must agree; the rest may differ between optima.
    let waiting = if p.objective == Objective::WaitingPriority {
        waiting
    } else {
        0
    };
    let min_score = if p.objective == Objective::Fairness {
        min_score
    } else {
        0
    };
    (a.matched, a.total_score, waiting, min_score)
}

/// The assignment uses only edges of `full`, not forbidden, within every capacity.
fn check_feasible(full: &Problem, a: &matching::assign::Assignment) {
    let edges: HashSet<(u32, u32)> = full.edges.iter().map(|e| (e.seeker, e.buddy)).collect();
    let forbidden: HashSet<(u32, u32)> = full.forbidden.iter().copied().collect();
    let mut load = vec![0u32; full.capacities.len()];
    for (s, b) in a.buddy_of.iter().enumerate() {
        if let Some(b) = *b {
            let pair = (s as u32, b);
            assert!(
                edges.contains(&pair) && !forbidden.contains(&pair),
                "{pair:?}"
            );
            load[b as usize] += 1;
        }
    }
    for (j, &l) in load.iter().enumerate() {
        assert!(l <= full.capacities[j], "buddy {j} over capacity");
    }
}

fn random_problem() -> impl Strategy<Value = (Problem, usize, Vec<u32>)> {
    (1usize..=10, 1usize..=6, 1usize..=3).prop_flat_map(|(n, m, k)| {
        (
            proptest::collection::vec(0u32..=3, m),
            proptest::collection::vec(proptest::option::weighted(0.6, 0i64..=100), n * m),
            proptest::collection::vec((0..n as u32, 0..m as u32), 0..3),
            proptest::collection::vec(0u32..=60, n),
            objective(),
            proptest::bool::weighted(0.3),
            Just((0..n as u32).collect::<Vec<u32>>()).prop_shuffle(),
        )
            .prop_map(
                move |(capacities, scores, forbidden, waiting, objective, pin, order)| {
                    let edges: Vec<Edge> = scores
                        .iter()
                        .enumerate()
                        .filter_map(|(x, s)| {
                            s.map(|score| Edge {
                                seeker: (x / m) as u32,
                                buddy: (x % m) as u32,
                                score,
                            })
                        })
                        .collect();
                    let mut p = Problem::new(n, capacities, edges);
                    p.forbidden = forbidden;
                    p.waiting_days = waiting;
                    p.objective = objective;
                    // Pin the first usable edge of a buddy with room, when asked.
                    if pin {
                        if let Some(e) = p.edges.iter().find(|e| {
                            p.capacities[e.buddy as usize] > 0
                                && !p.forbidden.contains(&(e.seeker, e.buddy))
                        }) {
                            p.pinned = vec![(e.seeker, e.buddy)];
                        }
                    }
                    (p, k, order)
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn priced_solve_finds_the_optimum_of_every_edge((full, k, order) in random_problem()) {
        let pricing = Explicit::new(&full, k, (0, 100));
        let mut listed = full.clone();
        listed.edges = pricing.listed();
        // The pins' edges must be listed.
        for &(s, b) in &full.pinned {
            if !listed.edges.iter().any(|e| e.seeker == s && e.buddy == b) {
                let e = full.edges.iter().find(|e| e.seeker == s && e.buddy == b).copied();
                listed.edges.extend(e);
            }
        }
        let expected = solve(&full).expect("valid problem");
        let (got, _) = solve_priced(&listed, &pricing).expect("valid problem");
        check_feasible(&full, &got);
        prop_assert_eq!(value(&full, &got), value(&full, &expected));
        prop_assert_eq!(
            got.unmatched.iter().map(|u| u.0).collect::<Vec<_>>(),
            got.buddy_of.iter().enumerate().filter(|(_, b)| b.is_none()).map(|(s, _)| s as u32).collect::<Vec<_>>()
        );

        let greedy = first_come_first_served(&full, &order).expect("valid problem");
        let greedy_priced =
            first_come_first_served_priced(&listed, &order, &pricing).expect("valid problem");
        prop_assert_eq!(greedy_priced, greedy);
    }
}

/// Short lists of synthetic city populations against scoring and solving every pair.
#[test]
fn short_lists_of_a_city_give_the_optimum_of_every_pair() {
    for (n, m, seed, k) in [(400, 300, 1, 1), (600, 250, 2, 3), (300, 500, 3, 8)] {
        let seekers = population::seekers(n, seed);
        let buddies = population::buddies(m, seed);
        let weights = Weights::default();
        let forbidden = [(0, 0), (1, 2), (5, 7)];
        let all = score_all(&seekers, &buddies, &weights, &forbidden);
        let lists = shortlist_all(&seekers, &buddies, &weights, &forbidden, k);
        assert_eq!(lists.feasible_pairs(), all.len() as u64);
        assert_eq!(lists.no_feasible(), all.no_feasible());
        for s in 0..n {
            assert_eq!(lists.feasible_of(s) as usize, all.of_seeker(s).len());
            assert!(lists.of_seeker(s).len() <= k);
            // Listed pairs are the best: none left off scores higher than the lowest listed.
            let lowest = lists.of_seeker(s).map(|(_, sc)| sc).min();
            if let Some(bound) = lists.missing_bound(s as u32) {
                assert!(lowest.is_some_and(|l| i64::from(l) >= bound));
                let listed: HashSet<u32> = lists.of_seeker(s).map(|(b, _)| b).collect();
                let best_missing = all
                    .of_seeker(s)
                    .filter(|(b, _)| !listed.contains(b))
                    .map(|(_, sc)| i64::from(sc))
                    .max();
                assert_eq!(best_missing, Some(bound));
            }
        }
        let capacities: Vec<u32> = buddies.iter().map(|b| b.capacity).collect();
        let waiting: Vec<u32> = seekers.iter().map(|s| s.waiting_days).collect();
        for objective in [Objective::MostMatchedThenScore, Objective::WaitingPriority] {
            let edges = |it: &mut dyn Iterator<Item = (u32, u32, u16)>| -> Vec<Edge> {
                it.map(|(seeker, buddy, score)| Edge {
                    seeker,
                    buddy,
                    score: i64::from(score),
                })
                .collect()
            };
            let mut full = Problem::new(
                n,
                capacities.clone(),
                edges(&mut all.iter().map(|p| (p.seeker, p.buddy, p.score))),
            );
            full.objective = objective;
            full.waiting_days.clone_from(&waiting);
            let mut listed = full.clone();
            listed.edges = edges(
                &mut (0..n).flat_map(|s| lists.of_seeker(s).map(move |(b, sc)| (s as u32, b, sc))),
            );
            let expected = solve(&full).expect("valid");
            let (got, stats) = solve_priced(&listed, &lists).expect("valid");
            check_feasible(&full, &got);
            assert_eq!(
                value(&full, &got),
                value(&full, &expected),
                "n {n} m {m} k {k} {objective:?} {stats:?}"
            );
            let order: Vec<u32> = (0..n as u32).rev().collect();
            assert_eq!(
                first_come_first_served_priced(&listed, &order, &lists).expect("valid"),
                first_come_first_served(&full, &order).expect("valid")
            );
        }
    }
}

/// Larger random problems (tens of seekers, short lists of 1–3, capacities 0–3, forbidden
/// pairs, pins, unmatched seekers) where the priced solve needs several rounds: the rounds after
/// the first start from the previous optimum, and must still end at the optimum of every edge.
#[test]
fn warm_started_rounds_reach_the_optimum_of_every_edge() {
    use rand::{Rng, SeedableRng};
    let mut warm_cases = 0;
    let mut repaired = 0;
    for seed in 0..400u64 {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        // Some with many buddies, so seekers are priced against many of them.
        let (n, m) = if seed % 4 == 0 {
            (rng.gen_range(20..=60), rng.gen_range(60..=200))
        } else {
            (rng.gen_range(5..=40), rng.gen_range(3..=25))
        };
        let density = rng.gen_range(0.2..0.9);
        let top = if seed % 3 == 0 { 5 } else { 1000 };
        let mut edges = Vec::new();
        for s in 0..n {
            for b in 0..m {
                if rng.gen_bool(density) {
                    edges.push(Edge {
                        seeker: s as u32,
                        buddy: b as u32,
                        score: rng.gen_range(0..=top),
                    });
                }
            }
        }
        let mut capacities: Vec<u32> = (0..m).map(|_| rng.gen_range(0..=3)).collect();
        if seed % 7 == 0 {
            // "Takes everyone": the warm start's slots must not grow with the capacity.
            capacities[0] = u32::MAX;
        }
        let mut full = Problem::new(n, capacities, edges);
        full.forbidden = (0..rng.gen_range(0..4))
            .map(|_| (rng.gen_range(0..n as u32), rng.gen_range(0..m as u32)))
            .collect();
        if seed % 2 == 0 {
            full.objective = Objective::WaitingPriority;
            full.waiting_days = (0..n).map(|_| rng.gen_range(0..90)).collect();
        }
        if seed % 5 == 0 {
            let e = full.edges.iter().copied().find(|e| {
                full.capacities[e.buddy as usize] > 0
                    && !full.forbidden.contains(&(e.seeker, e.buddy))
            });
            full.pinned = e.map(|e| vec![(e.seeker, e.buddy)]).unwrap_or_default();
        }
        let k = rng.gen_range(1..=3);
        let pricing = Explicit::new(&full, k, (0, top));
        let mut listed = full.clone();
        listed.edges = pricing.listed();
        for &(s, b) in &full.pinned {
            if !listed.edges.iter().any(|e| e.seeker == s && e.buddy == b) {
                let e = full
                    .edges
                    .iter()
                    .find(|e| e.seeker == s && e.buddy == b)
                    .copied();
                listed.edges.extend(e);
            }
        }
        let expected = solve(&full).expect("valid problem");
        let (got, stats) = solve_priced(&listed, &pricing).expect("valid problem");
        check_feasible(&full, &got);
        assert_eq!(
            value(&full, &got),
            value(&full, &expected),
            "seed {seed}: {stats:?}"
        );
        if stats.rounds >= 2 {
            warm_cases += 1;
        }
        repaired += usize::from(stats.warm_repairs > 0);
    }
    // The warm start is what these cases exercise: most of them need it, many repair buddies.
    assert!(
        warm_cases >= 100,
        "only {warm_cases} cases with warm rounds"
    );
    assert!(repaired >= 50, "only {repaired} cases repaired a buddy");
}
