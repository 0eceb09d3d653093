//! Criterion benchmarks of `compat::score_all` on the synthetic city population (fixed seed).
//! The full-size figure (10000 x 10000, time and peak memory) comes from the `score_bench`
//! example; see `matching/README.md`.

#[path = "scoring/population.rs"]
mod population;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matching::compat::{score_all, Weights};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_all");
    group.sample_size(10);
    for (n, m) in [(1000, 1000), (3000, 3000)] {
        let seekers = population::seekers(n, 42);
        let buddies = population::buddies(m, 42);
        let weights = Weights::default();
        group.bench_function(format!("city_{n}x{m}"), |b| {
            b.iter(|| score_all(black_box(&seekers), black_box(&buddies), &weights, &[]).len());
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
