//! The last-resort path of the candidate loop: after `max_rounds` rounds with violations every
//! usable edge becomes a candidate. With the default limits no instance small enough for an
//! exact reference gets there, so these tests shrink the limits ([`Tuning`]) to force the path
//! and check the result against the oracles of the integration tests (included by path), and
//! check with [`Stats`] that the path was taken. One genuine instance that needs more than the
//! default 16 rounds is checked as well.

#[path = "../../tests/common/brute_force.rs"]
mod brute_force;
#[path = "../../tests/common/km_reference.rs"]
#[allow(dead_code)] // its `random` instances never need the last resort
mod km_reference;

use super::driver::{Stats, Tuning};
use super::{solve_tuned, Assignment, Problem};
use brute_force::{brute, key, pins_ok, problem};
use km_reference::{popular, reference};
use proptest::prelude::*;

/// The returned assignment only uses allowed edges within capacity, keeps the pins, and its
/// totals are those of its pairs.
fn check_feasible(p: &Problem, got: &Assignment) -> Result<(), TestCaseError> {
    let mut load = vec![0u32; p.capacities.len()];
    for (s, b) in got.buddy_of.iter().enumerate() {
        if let Some(b) = *b {
            load[b as usize] += 1;
            prop_assert!(
                p.edges
                    .iter()
                    .any(|e| e.seeker as usize == s && e.buddy == b),
                "seeker {} got a non-edge buddy {}",
                s,
                b
            );
            prop_assert!(!p.forbidden.contains(&(s as u32, b)));
        }
    }
    for (b, &l) in load.iter().enumerate() {
        prop_assert!(l <= p.capacities[b], "buddy {} over capacity", b);
    }
    for &(s, b) in &p.pinned {
        prop_assert_eq!(got.buddy_of[s as usize], Some(b));
    }
    let k = key(p, &got.buddy_of);
    prop_assert_eq!((k.0, k.2), (got.matched, got.total_score));
    prop_assert_eq!(got.unmatched.len(), p.num_seekers - got.matched);
    Ok(())
}

/// The round counts that the last resort implies: a call ends at the latest in the round after
/// the fallback (every usable edge is then a candidate, so the certificate holds), and a single
/// call that took it used exactly `max(max_rounds, 1)` candidate rounds plus that one.
fn check_rounds(stats: Stats, max_rounds: usize) -> Result<(), TestCaseError> {
    let limit = max_rounds.max(1) + 1;
    prop_assert!(stats.last_resort <= stats.calls, "{:?}", stats);
    prop_assert!(stats.rounds <= stats.calls * limit, "{:?}", stats);
    if stats.calls == 1 && stats.last_resort == 1 {
        prop_assert_eq!(stats.rounds, limit);
    }
    Ok(())
}

proptest! {
    // Only the cases that took the last-resort path count (the others, and those with
    // inadmissible pins, are rejected), hence the raised rejection limit.
    #![proptest_config(ProptestConfig {
        cases: 300,
        max_global_rejects: 5000,
        ..ProptestConfig::default()
    })]

    /// Small instances of every objective, with pins and forbidden pairs, against exhaustive
    /// search. One candidate per row and one edge added per round, so every row with two or more
    /// edges is sparsified; the last resort comes after 0 to 2 rounds (0 behaves as 1), i.e. also
    /// after a round that added edges.
    #[test]
    fn last_resort_matches_brute_force(p in problem(), max_rounds in 0usize..=2) {
        prop_assume!(pins_ok(&p).is_ok());
        let tuning = Tuning {
            candidates: 1,
            keep_all: 1,
            added_per_round: 1,
            max_rounds,
            stall: false,
        };
        let (got, stats) = solve_tuned(&p, tuning).expect("valid problem");
        check_feasible(&p, &got)?;
        prop_assert_eq!(key(&p, &got.buddy_of), brute(&p));
        check_rounds(stats, max_rounds)?;
        prop_assume!(stats.last_resort > 0);
    }

    /// Dense rows that all prefer the same buddies (most matched, then total score) with the
    /// default candidate sets but a round limit of 0 to 2, against Kuhn–Munkres.
    #[test]
    fn last_resort_matches_kuhn_munkres(
        seed in any::<u64>(),
        n in 30usize..60,
        m in 26usize..48,
        max_rounds in 0usize..=2,
    ) {
        let p = popular(seed, n, m);
        let tuning = Tuning { max_rounds, stall: false, ..Tuning::DEFAULT };
        let (got, stats) = solve_tuned(&p, tuning).expect("valid problem");
        check_feasible(&p, &got)?;
        prop_assert_eq!((got.matched, got.total_score), reference(&p));
        prop_assert_eq!(stats.calls, 1);
        check_rounds(stats, max_rounds)?;
        prop_assume!(stats.last_resort > 0);
    }

    /// The early fallback (violations stopped shrinking, [`Tuning::stall`]) against exhaustive
    /// search, every objective, pins and forbidden pairs, with one candidate per row.
    #[test]
    fn stall_fallback_matches_brute_force(p in problem()) {
        prop_assume!(pins_ok(&p).is_ok());
        let tuning = Tuning {
            candidates: 1,
            keep_all: 1,
            added_per_round: 1,
            max_rounds: 16,
            stall: true,
        };
        let (got, stats) = solve_tuned(&p, tuning).expect("valid problem");
        check_feasible(&p, &got)?;
        prop_assert_eq!(key(&p, &got.buddy_of), brute(&p));
        // About a third of these cases stall; all of them must be exact.
        prop_assert!(stats.stalled <= stats.calls);
    }

    /// The early fallback on dense "everyone prefers the same buddies" rows against
    /// Kuhn–Munkres, with the default limits.
    #[test]
    fn stall_fallback_matches_kuhn_munkres(seed in any::<u64>(), n in 30usize..80, m in 26usize..60) {
        let p = popular(seed, n, m);
        let (got, stats) = solve_tuned(&p, Tuning::DEFAULT).expect("valid problem");
        check_feasible(&p, &got)?;
        prop_assert_eq!((got.matched, got.total_score), reference(&p));
        prop_assume!(stats.stalled > 0);
    }
}

/// A genuine instance that needs the last resort with the default limits (but no stall rule,
/// which falls back earlier): 220 seekers who all
/// prefer the same buddies. A round adds at most 12 edges to a row, and proving the optimum
/// needs edges deeper in the rows than 16 rounds reach (200 seekers still finish in 16 rounds).
/// If the default limits change, this instance may have to grow.
#[test]
fn popular_220_needs_the_last_resort_without_the_stall_rule() {
    let p = popular(0, 220, 220);
    let tuning = Tuning {
        stall: false,
        ..Tuning::DEFAULT
    };
    let (got, stats) = solve_tuned(&p, tuning).expect("valid problem");
    assert_eq!(super::solve(&p).as_ref(), Ok(&got));
    assert_eq!(stats.last_resort, 1, "{stats:?}");
    check_rounds(stats, Tuning::DEFAULT.max_rounds).expect("round counts");
    check_feasible(&p, &got).expect("feasible");
    assert_eq!((got.matched, got.total_score), reference(&p));
}
