//! Plausible check-in histories for the demo's matches (`buddymatch demo --history-months N`):
//! which course each match takes and what each side answers in each check-in period. Pure and
//! deterministic like the population: the plan of a match depends only on (seed, match key).
//!
//! The shares follow what buddy programmes report: most pairs meet and settle into a steady
//! rhythm, a quarter grow into a two-way relationship, some fade quietly (the stalled pairs a
//! coordinator should notice), some end early and are re-matched, a few run their course.
//! Arriving members are never made volunteers by the generator alone: a few of the thriving
//! ones *say* they would like to become a buddy, and the demo then records the role change as a
//! coordinator would.

use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::checkin::{CheckinAnswer, GoOnAnswer, MetHow};
use crate::domain::{CloseReason, IntegrationDomain, Met, Side};
use matching::compat::Domains;

/// The course a match takes over the simulated months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Course {
    /// Meets often, trust grows, both give and receive: `mutual`, later `independent`.
    Thriving,
    /// Meets regularly with good trust; the arriving member mostly receives: `building_trust`.
    Steady,
    /// Meets once or twice, then answers stop or say "did not meet": `stalled`.
    Fading,
    /// Ends at check-in `at_period` with `reason` (a re-match for two of the reasons).
    EndsEarly {
        /// The neutral reason given.
        reason: CloseReason,
        /// The check-in period whose answer ends it.
        at_period: u32,
    },
}

/// What happens to one match in the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchPlan {
    /// Whether the match is lived through at all (three in four); the others stay proposals
    /// waiting for review.
    pub lived: bool,
    /// Days before today that both accepted (at least 1, at most the history's length).
    pub started_days_ago: u32,
    /// Its course.
    pub course: Course,
    /// The arriving member says (from their eighth check-in) they would like to become a buddy.
    pub seeker_offers_to_volunteer: bool,
}

fn rng_for(seed: u64, key: i32, salt: u64) -> ChaCha8Rng {
    let key = u64::from(key.unsigned_abs());
    ChaCha8Rng::seed_from_u64(seed ^ key.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt)
}

/// The plan of the match with key `key` (e.g. its id) in a history of `history_days` days.
#[must_use]
pub fn plan(seed: u64, key: i32, history_days: u32) -> MatchPlan {
    let mut rng = rng_for(seed, key, 0x0068_6973_746f_7279);
    let started_days_ago = rng.gen_range(1..=history_days.max(1));
    let roll: u32 = rng.gen_range(0..100);
    let course = match roll {
        0..=24 => Course::Thriving,
        25..=64 => Course::Steady,
        65..=79 => Course::Fading,
        _ => Course::EndsEarly {
            reason: match rng.gen_range(0..10) {
                0..=3 => CloseReason::NotAGoodFit,
                4..=5 => CloseReason::NoLongerAvailable,
                6..=7 => CloseReason::MovedAway,
                _ => CloseReason::Completed,
            },
            at_period: rng.gen_range(2..=4),
        },
    };
    let seeker_offers_to_volunteer = course == Course::Thriving && rng.gen_range(0..100) < 30;
    MatchPlan {
        lived: rng.gen_range(0..4) != 0,
        started_days_ago,
        course,
        seeker_offers_to_volunteer,
    }
}

/// How likely a side answers a check-in of this course (in percent).
fn answer_rate(course: Course, period: u32) -> u32 {
    match course {
        Course::Thriving => 95,
        Course::Steady | Course::EndsEarly { .. } => 85,
        Course::Fading if period <= 1 => 80,
        Course::Fading => 35,
    }
}

fn domains(rng: &mut ChaCha8Rng, how_many: usize) -> Domains {
    (0..how_many).fold(Domains::new(), |acc, _| {
        let all = IntegrationDomain::ALL;
        acc.with(all[rng.gen_range(0..all.len())])
    })
}

/// What `side` answers in check-in `period` (1 = the first) of the match `key` planned as `p`,
/// or None when that side does not answer. `ask_arriving` says whether the arriving member is
/// asked the belonging and conversation questions this time.
#[must_use]
pub fn answer(
    seed: u64,
    key: i32,
    p: &MatchPlan,
    side: Side,
    period: u32,
    ask_arriving: bool,
) -> Option<CheckinAnswer> {
    let salt = u64::from(period) << 8 | u64::from(side == Side::Seeker);
    let mut rng = rng_for(seed, key, salt);
    if rng.gen_range(0..100) >= answer_rate(p.course, period) {
        return None;
    }
    // Later periods of a good course go better; `grow` is 0 at the first check-in.
    let grow = u8::try_from(period.saturating_sub(1).min(3)).unwrap_or(3);
    let (met, going, trust, gave, received) = match p.course {
        Course::Thriving => (
            if period == 1 { Met::Once } else { Met::Several },
            (3 + grow).min(5),
            (3 + grow).min(5),
            domains(
                &mut rng,
                usize::from(period >= 2) + usize::from(period >= 3),
            ),
            domains(&mut rng, 1 + usize::from(period >= 2)),
        ),
        Course::Steady | Course::EndsEarly { .. } => (
            if rng.gen_range(0..3) == 0 {
                Met::Several
            } else {
                Met::Once
            },
            rng.gen_range(3..=4),
            (2 + grow).min(4),
            if side == Side::Buddy {
                domains(&mut rng, 1)
            } else {
                Domains::new()
            },
            if side == Side::Seeker {
                domains(&mut rng, 1)
            } else {
                Domains::new()
            },
        ),
        Course::Fading => (
            if period <= 1 { Met::Once } else { Met::None },
            if period <= 1 { 3 } else { 2 },
            2,
            Domains::new(),
            Domains::new(),
        ),
    };
    let go_on = match p.course {
        Course::EndsEarly { reason, at_period } if period >= at_period => {
            GoOnAnswer::End { reason }
        }
        _ => GoOnAnswer::Yes,
    };
    let met_how = match met {
        Met::None => Vec::new(),
        _ if rng.gen_range(0..4) == 0 => vec![MetHow::InPerson, MetHow::Phone],
        _ => vec![MetHow::InPerson],
    };
    let arriving = side == Side::Seeker && ask_arriving;
    let thriving = p.course == Course::Thriving;
    Some(CheckinAnswer {
        side,
        met,
        met_how,
        going,
        trust,
        gave,
        received,
        go_on,
        carry_on_without_programme: thriving && period >= 10,
        note: None,
        belonging: arriving.then(|| (2 + grow / 2 + u8::from(thriving)).min(5)),
        conversation: arriving.then(|| (1 + grow).min(5)),
        wants_to_volunteer: side == Side::Seeker && p.seeker_offers_to_volunteer && period >= 8,
    })
}

/// The exit answer (satisfaction 1 to 5, belonging for the arriving side) of a side of a closed
/// match, or None when that side does not answer.
#[must_use]
pub fn exit_answer(seed: u64, key: i32, p: &MatchPlan, side: Side) -> Option<(u8, Option<u8>)> {
    let mut rng = rng_for(seed, key, 0x65_78_69_74 | u64::from(side == Side::Seeker));
    if rng.gen_range(0..100) >= 60 {
        return None;
    }
    let satisfied = match p.course {
        Course::EndsEarly {
            reason: CloseReason::Completed,
            ..
        } => rng.gen_range(4..=5),
        Course::EndsEarly {
            reason: CloseReason::NotAGoodFit,
            ..
        } => rng.gen_range(2..=3),
        _ => rng.gen_range(3..=4),
    };
    Some((
        satisfied,
        (side == Side::Seeker).then(|| rng.gen_range(2..=4)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(n: i32) -> Vec<MatchPlan> {
        (1..=n).map(|k| plan(7, k, 180)).collect()
    }

    #[test]
    fn plans_are_deterministic_and_within_the_history() {
        assert_eq!(plans(50), plans(50));
        let other_seed: Vec<_> = (1..=50).map(|k| plan(8, k, 180)).collect();
        assert_ne!(plans(50), other_seed);
        assert!(plans(500)
            .iter()
            .all(|p| (1..=180).contains(&p.started_days_ago)));
    }

    #[test]
    fn every_course_occurs_in_plausible_shares() {
        let all = plans(2000);
        let share = |f: &dyn Fn(&Course) -> bool| all.iter().filter(|p| f(&p.course)).count();
        let thriving = share(&|c| *c == Course::Thriving);
        let steady = share(&|c| *c == Course::Steady);
        let fading = share(&|c| *c == Course::Fading);
        let ends = share(&|c| matches!(c, Course::EndsEarly { .. }));
        assert!((400..600).contains(&thriving), "{thriving}");
        assert!((700..900).contains(&steady), "{steady}");
        assert!((220..380).contains(&fading), "{fading}");
        assert!((320..480).contains(&ends), "{ends}");
        let re_match = share(&|c| {
            matches!(
                c,
                Course::EndsEarly {
                    reason: CloseReason::NotAGoodFit,
                    ..
                }
            )
        });
        assert!(re_match > 0);
        assert!(all.iter().any(|p| p.seeker_offers_to_volunteer));
        assert!(all
            .iter()
            .all(|p| !p.seeker_offers_to_volunteer || p.course == Course::Thriving));
    }

    #[test]
    fn thriving_pairs_become_two_way_and_fading_ones_stop_meeting() {
        let all = plans(400);
        let (key, thriving) = all
            .iter()
            .enumerate()
            .find(|(_, p)| p.course == Course::Thriving)
            .map(|(i, p)| (i32::try_from(i + 1).expect("small"), *p))
            .expect("a thriving plan");
        let later: Vec<_> = (3..=8)
            .filter_map(|period| answer(7, key, &thriving, Side::Seeker, period, false))
            .collect();
        assert!(!later.is_empty());
        assert!(later
            .iter()
            .all(|a| a.gave.count() > 0 && a.received.count() > 0 && a.trust >= 4));

        let (key, fading) = all
            .iter()
            .enumerate()
            .find(|(_, p)| p.course == Course::Fading)
            .map(|(i, p)| (i32::try_from(i + 1).expect("small"), *p))
            .expect("a fading plan");
        assert!((2..=8)
            .filter_map(|period| answer(7, key, &fading, Side::Buddy, period, false))
            .all(|a| a.met == Met::None));
    }

    #[test]
    fn an_early_end_comes_at_its_period_and_arriving_questions_only_when_asked() {
        for (i, p) in plans(400).iter().enumerate() {
            let key = i32::try_from(i + 1).expect("small");
            for period in 1..=6 {
                for side in [Side::Seeker, Side::Buddy] {
                    let Some(a) = answer(7, key, p, side, period, period == 1) else {
                        continue;
                    };
                    let ends = matches!(a.go_on, GoOnAnswer::End { .. });
                    let due = matches!(p.course, Course::EndsEarly { at_period, .. } if period >= at_period);
                    assert_eq!(ends, due);
                    let asked = side == Side::Seeker && period == 1;
                    assert_eq!(a.belonging.is_some(), asked);
                    assert_eq!(a.conversation.is_some(), asked);
                    assert!(side == Side::Seeker || !a.wants_to_volunteer);
                    assert!((1..=5).contains(&a.going) && (1..=5).contains(&a.trust));
                }
            }
        }
    }
}
