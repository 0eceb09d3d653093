//! The large matching run without the service: a synthetic city population (seekers x buddies),
//! short lists of 96, the priced solve; prints each phase's time, the pricing statistics and
//! the optimum (matched, total score).
//!
//! ```text
//! cargo build --release -p matching --example priced_run
//! target/release/examples/priced_run 50000 40000 11      # seekers, buddies, seed [, list length]
//! target/release/examples/priced_run features.json       # {seekers, buddies, weights} as JSON
//! ```

#[path = "../benches/scoring/population.rs"]
mod population;

use std::time::Instant;

use matching::assign::{solve_priced, Edge, Problem};
use matching::compat::{shortlist_all, Buddy, Seeker, Weights};

/// A population written as JSON.
#[derive(serde::Deserialize)]
struct Population {
    seekers: Vec<Seeker>,
    buddies: Vec<Buddy>,
    weights: Weights,
}

fn main() {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<usize> = raw.iter().filter_map(|a| a.parse().ok()).collect();
    let (seekers, buddies, weights, seed) = match raw.first() {
        Some(path) if path.parse::<usize>().is_err() => {
            let text = std::fs::read_to_string(path).expect("readable file");
            let p: Population = serde_json::from_str(&text).expect("a population");
            (p.seekers, p.buddies, p.weights, 0)
        }
        _ => {
            let n = args.first().copied().unwrap_or(10_000);
            let m = args.get(1).copied().unwrap_or(8_000);
            let seed = args.get(2).copied().unwrap_or(1) as u64;
            (
                population::seekers(n, seed),
                population::buddies(m, seed),
                Weights::default(),
                seed,
            )
        }
    };
    let (n, m) = (seekers.len(), buddies.len());
    let k = args.get(3).copied().unwrap_or(96);
    let t = Instant::now();
    let lists = shortlist_all(&seekers, &buddies, &weights, &[], k);
    let score = t.elapsed();
    let edges: Vec<Edge> = (0..n)
        .flat_map(|s| {
            lists.of_seeker(s).map(move |(buddy, score)| Edge {
                seeker: s as u32,
                buddy,
                score: i64::from(score),
            })
        })
        .collect();
    let mut problem = Problem::new(n, buddies.iter().map(|b| b.capacity).collect(), edges);
    problem.waiting_days = seekers.iter().map(|s| s.waiting_days).collect();
    let t = Instant::now();
    let (assignment, stats) = solve_priced(&problem, &lists).expect("valid problem");
    let solve = t.elapsed();
    println!(
        "{n} x {m} seed {seed}: feasible {} listed {}; score {:.2} s, solve {:.2} s; \
         matched {} total {}; {stats:?}",
        lists.feasible_pairs(),
        lists.listed_pairs(),
        score.as_secs_f64(),
        solve.as_secs_f64(),
        assignment.matched,
        assignment.total_score,
    );
}
