//! Criterion benchmarks of `assign::solve` on fixed-seed random instances.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matching::assign::{solve, Edge, Objective, Problem};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn random(n: usize, m: usize, density: f64, max_score: i64, caps: (u32, u32)) -> Problem {
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let capacities = (0..m).map(|_| rng.gen_range(caps.0..=caps.1)).collect();
    let mut edges = Vec::new();
    for s in 0..n as u32 {
        for b in 0..m as u32 {
            if density >= 1.0 || rng.gen_bool(density) {
                edges.push(Edge {
                    seeker: s,
                    buddy: b,
                    score: rng.gen_range(0..=max_score),
                });
            }
        }
    }
    Problem::new(n, capacities, edges)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("assign");
    group.sample_size(10);
    let cases = [
        (
            "dense_1000_scores_0_99",
            random(1000, 1000, 1.0, 99, (1, 1)),
        ),
        (
            "dense_1000_scores_0_1e6",
            random(1000, 1000, 1.0, 1_000_000, (1, 1)),
        ),
        (
            "sparse_2500x2000_5pct_cap_1_3",
            random(2500, 2000, 0.05, 1_000_000, (1, 3)),
        ),
        (
            "scarce_2000x500_10pct_cap_1_2",
            random(2000, 500, 0.1, 1000, (1, 2)),
        ),
    ];
    for (name, p) in &cases {
        group.bench_function(*name, |b| b.iter(|| solve(black_box(p))));
    }
    let mut fair = random(1000, 800, 0.05, 1000, (1, 2));
    fair.objective = Objective::Fairness;
    group.bench_function("fairness_1000x800_5pct", |b| {
        b.iter(|| solve(black_box(&fair)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
