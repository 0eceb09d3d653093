//! Scores a synthetic city population (seekers x buddies) once and prints time and pair counts;
//! run under `/usr/bin/time -v` for the peak memory:
//!
//! ```text
//! cargo build --release -p matching --example score_bench
//! /usr/bin/time -v target/release/examples/score_bench 10000 10000
//! ```

#[path = "../benches/scoring/population.rs"]
mod population;

use std::time::Instant;

use matching::compat::{score_all, Weights};

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(10_000);
    let m = args.get(1).copied().unwrap_or(n);
    let seed = args.get(2).copied().unwrap_or(42) as u64;
    let t = Instant::now();
    let seekers = population::seekers(n, seed);
    let buddies = population::buddies(m, seed);
    let generated = t.elapsed();
    let t = Instant::now();
    let pairs = score_all(&seekers, &buddies, &Weights::default(), &[]);
    let scored = t.elapsed();
    let total = (n * m).max(1);
    println!("population {n} seekers x {m} buddies (seed {seed}), generated in {generated:.2?}");
    println!(
        "scored in {scored:.3?} on {} threads: {} feasible pairs ({:.1}%), {:.1} MB of pairs, {} seekers without a feasible buddy",
        rayon::current_num_threads(),
        pairs.len(),
        100.0 * pairs.len() as f64 / total as f64,
        pairs.pair_bytes() as f64 / 1e6,
        pairs.no_feasible().len(),
    );
    if let Some(nf) = pairs.no_feasible().first() {
        let t = Instant::now();
        let sum = pairs.scorer().summarise(nf.seeker as usize);
        println!("one summary in {:.2?}: {sum:?}", t.elapsed());
    }
    if let Some(first) = pairs
        .iter()
        .max_by_key(|p| (p.score, std::cmp::Reverse((p.seeker, p.buddy))))
    {
        let t = Instant::now();
        let ev = pairs.explain(first.seeker as usize, first.buddy as usize);
        println!(
            "best pair {first:?} explained in {:.1?}: {ev:?}",
            t.elapsed()
        );
    }
}
