//! Property tests: `assign::solve` against exhaustive search on small instances, for every
//! objective, with random capacities, forbidden and pinned pairs.

#[path = "common/brute_force.rs"]
mod brute_force;

use brute_force::{brute, key, pins_ok, problem};
use matching::assign::solve;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn matches_brute_force(p in problem()) {
        let got = solve(&p);
        match pins_ok(&p) {
            Err(e) => prop_assert_eq!(got, Err(e)),
            Ok(()) => {
                let got = got.expect("valid problem");
                // Feasibility of the returned assignment.
                let mut load = vec![0u32; p.capacities.len()];
                for (s, b) in got.buddy_of.iter().enumerate() {
                    if let Some(b) = b {
                        load[*b as usize] += 1;
                        prop_assert!(p.edges.iter().any(|e| e.seeker as usize == s && e.buddy == *b));
                        prop_assert!(!p.forbidden.contains(&(s as u32, *b)));
                    }
                }
                for (b, &l) in load.iter().enumerate() {
                    prop_assert!(l <= p.capacities[b]);
                }
                for &(s, b) in &p.pinned {
                    prop_assert_eq!(got.buddy_of[s as usize], Some(b));
                }
                let k = key(&p, &got.buddy_of);
                prop_assert_eq!(k.0, got.matched);
                prop_assert_eq!(k.2, got.total_score);
                prop_assert_eq!(k, brute(&p));
                prop_assert_eq!(got.unmatched.len(), p.num_seekers - got.matched);
            }
        }
    }
}
