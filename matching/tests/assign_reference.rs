//! `assign::solve` against `pathfinding::kuhn_munkres` on larger instances (dense rows, so the
//! candidate sparsification and its optimality check are exercised), with capacities expanded
//! into repeated columns and one "unmatched" column per seeker for the reference.

#[path = "common/km_reference.rs"]
mod km_reference;

use km_reference::{popular, random, reference};
use matching::assign::{solve, Problem};
use proptest::prelude::*;

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
