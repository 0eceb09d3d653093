//! Property tests of the first-come-first-served baseline against the exact solver: the greedy
//! result is a feasible assignment under the same rules, never matches more people than the
//! optimum, never has a higher total among equally many matched, and is deterministic.

use matching::assign::{solve, Edge, Objective, Problem};
use matching::baseline::first_come_first_served;
use proptest::prelude::*;

fn problem() -> impl Strategy<Value = (Problem, Vec<u32>)> {
    (1usize..=8, 1usize..=6).prop_flat_map(|(n, m)| {
        (
            proptest::collection::vec(0u32..=2, m),
            proptest::collection::vec(proptest::option::weighted(0.5, 0i64..=100), n * m),
            proptest::collection::vec((0..n as u32, 0..m as u32), 0..3),
            Just((0..n as u32).collect::<Vec<u32>>()).prop_shuffle(),
        )
            .prop_map(move |(capacities, scores, forbidden, order)| {
                let mut edges: Vec<Edge> = scores
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
                if order.first().is_some_and(|s| s % 2 == 0) {
                    edges.reverse(); // not grouped by seeker: the baseline's other path
                }
                let mut p = Problem::new(n, capacities, edges);
                p.forbidden = forbidden;
                p.objective = Objective::MostMatchedThenScore;
                (p, order)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn greedy_is_feasible_and_never_beats_the_optimum((p, order) in problem()) {
        let greedy = first_come_first_served(&p, &order).expect("valid");
        let optimal = solve(&p).expect("valid");
        let mut load = vec![0u32; p.capacities.len()];
        let mut total = 0;
        for (s, b) in greedy.buddy_of.iter().enumerate() {
            if let Some(b) = *b {
                load[b as usize] += 1;
                let e = p.edges.iter().find(|e| e.seeker as usize == s && e.buddy == b);
                prop_assert!(e.is_some());
                prop_assert!(!p.forbidden.contains(&(s as u32, b)));
                total += e.map_or(0, |e| e.score);
            }
        }
        for (b, &l) in load.iter().enumerate() {
            prop_assert!(l <= p.capacities[b]);
        }
        prop_assert_eq!(total, greedy.total_score);
        prop_assert_eq!(greedy.matched + greedy.unmatched.len(), p.num_seekers);
        prop_assert!(greedy.matched <= optimal.matched);
        if greedy.matched == optimal.matched {
            prop_assert!(greedy.total_score <= optimal.total_score);
        }
        prop_assert_eq!(first_come_first_served(&p, &order).expect("valid"), greedy);
    }
}
