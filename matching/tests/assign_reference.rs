//! `assign::solve` against `pathfinding::kuhn_munkres` on larger instances (dense rows, so the
//! candidate sparsification and its optimality check are exercised), with capacities expanded
//! into repeated columns and one "unmatched" column per seeker for the reference.

use matching::assign::{solve, Edge, Problem};
use pathfinding::prelude::{kuhn_munkres, Matrix};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// (matched, total) of the lexicographic optimum, by Kuhn–Munkres on the expanded matrix.
fn reference(p: &Problem) -> (usize, i64) {
    let n = p.num_seekers;
    let slots: Vec<usize> = p
        .capacities
        .iter()
        .enumerate()
        .flat_map(|(b, &c)| std::iter::repeat(b).take(c as usize))
        .collect();
    let max = p.edges.iter().map(|e| e.score).max().unwrap_or(0).max(0);
    let big = (max + 1) * n as i64 + 1;
    let mut w = Matrix::new(n, slots.len() + n, 0i64);
    for e in &p.edges {
        assert!(e.score >= 0);
        for (k, &b) in slots.iter().enumerate() {
            if b == e.buddy as usize {
                w[(e.seeker as usize, k)] = big + e.score;
            }
        }
    }
    let (total, _) = kuhn_munkres(&w);
    ((total / big) as usize, total % big)
}

fn random(seed: u64, n: usize, m: usize, density: f64, max_score: i64, max_cap: u32) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let capacities = (0..m).map(|_| rng.gen_range(0..=max_cap)).collect();
    let mut edges = Vec::new();
    for s in 0..n {
        for b in 0..m {
            if rng.gen_bool(density) {
                let score = rng.gen_range(0..=max_score);
                edges.push(Edge {
                    seeker: s as u32,
                    buddy: b as u32,
                    score,
                });
            }
        }
    }
    Problem::new(n, capacities, edges)
}

/// Dense rows whose scores fall with the buddy index (`2 * (m - b)` plus noise 0..=3),
/// capacities 1.
fn popular(seed: u64, n: usize, m: usize) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut edges = Vec::with_capacity(n * m);
    for s in 0..n {
        for b in 0..m {
            edges.push(Edge {
                seeker: s as u32,
                buddy: b as u32,
                score: 2 * (m - b) as i64 + rng.gen_range(0..=3),
            });
        }
    }
    Problem::new(n, vec![1; m], edges)
}

fn check(p: &Problem) -> Result<(), TestCaseError> {
    let got = solve(p).expect("valid problem");
    let mut load = vec![0u32; p.capacities.len()];
    let mut total = 0;
    for (s, b) in got.buddy_of.iter().enumerate() {
        if let Some(b) = *b {
            load[b as usize] += 1;
            let e = p
                .edges
                .iter()
                .find(|e| e.seeker as usize == s && e.buddy == b);
            prop_assert!(e.is_some(), "seeker {} got a non-edge buddy {}", s, b);
            total += e.map_or(0, |e| e.score);
        }
    }
    for (b, &l) in load.iter().enumerate() {
        prop_assert!(l <= p.capacities[b]);
    }
    prop_assert_eq!(total, got.total_score);
    prop_assert_eq!((got.matched, got.total_score), reference(p));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Wide score range (few ties): dense and half-dense rows wider than the candidate set.
    #[test]
    fn wide_scores(seed in any::<u64>(), n in 10usize..36, m in 26usize..48, dense in any::<bool>()) {
        check(&random(seed, n, m, if dense { 1.0 } else { 0.6 }, 1_000_000, 2))?;
    }

    /// Narrow score range: many ties, exercises the tight-edge matching phase.
    #[test]
    fn tied_scores(seed in any::<u64>(), n in 10usize..30, m in 26usize..40) {
        check(&random(seed, n, m, 0.9, 3, 2))?;
    }

    /// Sparse with scarce capacity: many seekers are left unmatched.
    #[test]
    fn scarce_capacity(seed in any::<u64>(), n in 10usize..40, m in 3usize..30) {
        check(&random(seed, n, m, 0.3, 1000, 1))?;
    }

    /// Every seeker prefers the same few buddies (scores fall with the buddy's index, plus a
    /// little noise), so the cheapest-edge candidates of all rows pile onto those buddies: most
    /// seekers are unmatched in the first round and violate the certificate, and several rounds
    /// add edges before the optimum is proved.
    #[test]
    fn popular_buddies_need_several_rounds(seed in any::<u64>(), n in 30usize..60, m in 26usize..48) {
        check(&popular(seed, n, m))?;
    }
}

/// A square dense instance, as in the scipy comparison, at a size the reference can do.
#[test]
fn square_dense_60() {
    let p = random(7, 60, 60, 1.0, 1_000_000, 1);
    check(&p).expect("agrees with kuhn_munkres");
}
