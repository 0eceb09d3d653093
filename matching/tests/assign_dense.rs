//! The dense path of `matching::assign` (complete components searched with an array scan,
//! rows served in order of decreasing regret, and the certificate rounds that fall back to
//! every edge once they stop converging) on the structured classes of Dell'Amico & Toth (2000)
//! and Burkard, Dell'Amico & Martello, "Assignment Problems", ch. 4 — Machol–Wien,
//! row/column-dependent products, low-rank products, two-cost and uniform — small enough for
//! `pathfinding::kuhn_munkres` on the capacity-expanded matrix. Square and rectangular, with
//! capacities.

#[path = "common/km_reference.rs"]
#[allow(dead_code)] // only `reference` is used here
mod km_reference;

use km_reference::reference;
use matching::assign::{solve, Edge, Problem};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A complete instance (every pair an edge, listed seeker by seeker in buddy order) of one
/// structured class, as scores `C - cost`.
fn structured(class: u8, seed: u64, n: usize, m: usize, max_cap: u32) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let a: Vec<i64> = (0..n.max(m)).map(|_| rng.gen_range(1..=30)).collect();
    let b: Vec<i64> = (0..n.max(m)).map(|_| rng.gen_range(1..=30)).collect();
    let f: Vec<[i64; 3]> = (0..n.max(m))
        .map(|_| {
            [
                rng.gen_range(0..=9),
                rng.gen_range(0..=9),
                rng.gen_range(0..=9),
            ]
        })
        .collect();
    let g: Vec<[i64; 3]> = (0..n.max(m))
        .map(|_| {
            [
                rng.gen_range(0..=9),
                rng.gen_range(0..=9),
                rng.gen_range(0..=9),
            ]
        })
        .collect();
    let mut cost = |i: usize, j: usize| -> i64 {
        match class % 5 {
            0 => (i * j) as i64,                          // Machol–Wien
            1 => a[i] * b[j],                             // row/column-dependent
            2 => (0..3).map(|t| f[i][t] * g[j][t]).sum(), // rank 3
            3 => {
                if rng.gen_bool(0.5) {
                    1
                } else {
                    1000
                }
            } // two-cost
            _ => rng.gen_range(0..=20),                   // uniform, many ties
        }
    };
    let mut edges = Vec::with_capacity(n * m);
    for i in 0..n {
        for j in 0..m {
            edges.push(Edge {
                seeker: i as u32,
                buddy: j as u32,
                score: 100_000 - cost(i, j),
            });
        }
    }
    let caps = (0..m).map(|_| rng.gen_range(1..=max_cap)).collect();
    Problem::new(n, caps, edges)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Every class, square and rectangular, capacities 1 to 3, large enough (up to 60 x 60)
    /// that the candidate rounds run and usually fall back to the complete graph.
    #[test]
    fn structured_classes_match_kuhn_munkres(
        class in 0u8..5,
        seed in any::<u64>(),
        n in 1usize..60,
        m in 1usize..60,
        max_cap in 1u32..=3,
    ) {
        let p = structured(class, seed, n, m, max_cap);
        let got = solve(&p).expect("valid problem");
        prop_assert_eq!((got.matched, got.total_score), reference(&p));
        let mut load = vec![0u32; m];
        for b in got.buddy_of.iter().flatten() {
            load[*b as usize] += 1;
        }
        prop_assert!(load.iter().zip(&p.capacities).all(|(l, c)| l <= c));
        prop_assert_eq!(solve(&p).expect("valid problem"), got, "deterministic");
    }
}

/// Machol–Wien 120 x 120 (`c = i·j`): the optimum is the anti-diagonal, cost
/// `Σ i·(n-1-i)`.
#[test]
fn machol_wien_is_the_anti_diagonal() {
    let n = 120usize;
    let p = structured(0, 0, n, n, 1);
    let got = solve(&p).expect("valid problem");
    let cost: i64 = (0..n).map(|i| (i * (n - 1 - i)) as i64).sum();
    assert_eq!(got.matched, n);
    assert_eq!(got.total_score, 100_000 * n as i64 - cost);
}
