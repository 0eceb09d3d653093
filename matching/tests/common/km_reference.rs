//! Kuhn–Munkres reference (`pathfinding`) for the most-matched-then-score optimum, with
//! capacities expanded into repeated columns and one "unmatched" column per seeker, and the
//! larger random instances it is run on; shared by `assign_reference.rs` and the solver's unit
//! tests (`src/assign/tests.rs`, which includes this file by path).

use matching::assign::{Edge, Problem};
use pathfinding::prelude::{kuhn_munkres, Matrix};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// (matched, total) of the lexicographic optimum, by Kuhn–Munkres on the expanded matrix.
pub fn reference(p: &Problem) -> (usize, i64) {
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

pub fn random(
    seed: u64,
    n: usize,
    m: usize,
    density: f64,
    max_score: i64,
    max_cap: u32,
) -> Problem {
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
pub fn popular(seed: u64, n: usize, m: usize) -> Problem {
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
