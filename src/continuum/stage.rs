//! The stage rules: where a live match is on the connections continuum, as a pure function of
//! both sides' check-in answers, a few facts about the match, the programme's thresholds and the
//! moment asked about. No I/O and no clock: the scheduler and the tests pass `now`.
//!
//! | stage             | holds when                                                              |
//! |-------------------|-------------------------------------------------------------------------|
//! | `closed`          | the match is closed (wins over everything)                              |
//! | `paused`          | a pause runs: `now` is before `paused_until`                            |
//! | `stalled`         | no meeting reported (or no answer at all) for `stall_periods` periods,  |
//! |                   | counted from the latest of: both accepting, the end of a pause, the     |
//! |                   | last answer reporting a meeting; exactly at the threshold counts        |
//! | `independent`     | met at least once, and the latest answer of *both* sides says they will |
//! |                   | carry on without the programme, or the arriving member became a         |
//! |                   | volunteer (never stalled: they carry on by themselves)                  |
//! | `mutual`          | `building_trust`, and each side has reported giving and receiving       |
//! | `building_trust`  | meetings reported in at least `regular_periods` different check-in      |
//! |                   | periods, and the latest trust rating of every side that gave one is at  |
//! |                   | least `trust_threshold` (one rating at least)                           |
//! | `getting_to_know` | met at least once                                                       |
//! | `introduced`      | both accepted, no meeting reported yet                                  |
//!
//! The path stages each require the one before, so adding an answer that reports a meeting, full
//! trust, giving, receiving and carrying on never moves a match back along the path. A falling
//! trust rating can: trust is what the latest answers say.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{Met, Side, Stage};

/// A programme's thresholds for the stage rules. Zero periods count as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageRules {
    /// Days between check-ins (one check-in period).
    pub period_days: u32,
    /// Periods without a meeting before a match is stalled.
    pub stall_periods: u32,
    /// Lowest trust rating (1-5) that counts towards `building_trust`.
    pub trust_threshold: u8,
    /// Different periods with a meeting that count as meeting regularly.
    pub regular_periods: u32,
}

impl Default for StageRules {
    /// The programme defaults: a check-in every 14 days, stalled after two periods without a
    /// meeting, trust 4 of 5, meetings in two periods.
    fn default() -> Self {
        Self {
            period_days: 14,
            stall_periods: 2,
            trust_threshold: 4,
            regular_periods: 2,
        }
    }
}

/// What the rules need to know about the match itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchFacts {
    /// When both accepted.
    pub active_since: NaiveDateTime,
    /// When the latest pause ended, if any: the stall clock starts again there.
    pub clock_from: Option<NaiveDateTime>,
    /// A pause runs until this day.
    pub paused_until: Option<NaiveDate>,
    /// The match is closed.
    pub closed: bool,
    /// The arriving member (the seeker) has since become a receiving member or volunteer.
    pub arriving_became_volunteer: bool,
}

/// What the rules read of one side's answered check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideAnswer {
    /// Who answered.
    pub side: Side,
    /// When.
    pub answered_at: NaiveDateTime,
    /// Met since the last check-in.
    pub met: Met,
    /// "Can you count on your buddy?" 1-5, if answered.
    pub trust: Option<u8>,
    /// Reported giving something (any integration domain).
    pub gave_something: bool,
    /// Reported receiving something.
    pub received_something: bool,
    /// Will carry on without the programme.
    pub carry_on_without_programme: bool,
}

/// The check-in period (0-based) that `at` falls in, counted in whole days from `active_since`;
/// 0 before it. `period_days` 0 counts as 1.
#[must_use]
pub fn period_of(active_since: NaiveDateTime, at: NaiveDateTime, period_days: u32) -> u32 {
    let days = (at - active_since).num_days().max(0);
    let period = days / i64::from(period_days.max(1));
    u32::try_from(period).unwrap_or(u32::MAX)
}

/// The stage of a match at `now`. Answers may come in any order; those after `now` are ignored.
#[must_use]
pub fn stage(
    facts: &MatchFacts,
    answers: &[SideAnswer],
    rules: &StageRules,
    now: NaiveDateTime,
) -> Stage {
    if facts.closed {
        return Stage::Closed;
    }
    if facts.paused_until.is_some_and(|until| now.date() < until) {
        return Stage::Paused;
    }
    let mut known: Vec<&SideAnswer> = answers.iter().filter(|a| a.answered_at <= now).collect();
    // Time, then side, then every answer field: the same answers in any order sort the same.
    known.sort_by_key(|a| {
        (
            a.answered_at,
            a.side == Side::Buddy,
            a.met.code(),
            a.trust,
            a.gave_something,
            a.received_something,
            a.carry_on_without_programme,
        )
    });
    let path = path_stage(facts, &known, rules);
    if path != Stage::Independent && stalled(facts, &known, rules, now) {
        return Stage::Stalled;
    }
    path
}

/// The furthest stage along the path that the answers support.
fn path_stage(facts: &MatchFacts, known: &[&SideAnswer], rules: &StageRules) -> Stage {
    let meetings: Vec<&&SideAnswer> = known.iter().filter(|a| a.met != Met::None).collect();
    if meetings.is_empty() {
        return Stage::Introduced;
    }
    if facts.arriving_became_volunteer || both_carry_on(known) {
        return Stage::Independent;
    }
    let mut periods: Vec<u32> = meetings
        .iter()
        .map(|a| period_of(facts.active_since, a.answered_at, rules.period_days))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let regular = periods.len() >= usize::try_from(rules.regular_periods.max(1)).unwrap_or(1);
    if !(regular && trusting(known, rules.trust_threshold)) {
        return Stage::GettingToKnow;
    }
    let reciprocal = [Side::Seeker, Side::Buddy].iter().all(|side| {
        let mine = || known.iter().filter(|a| a.side == *side);
        mine().any(|a| a.gave_something) && mine().any(|a| a.received_something)
    });
    if reciprocal {
        Stage::Mutual
    } else {
        Stage::BuildingTrust
    }
}

/// The latest answer of `side` (answers sorted by time).
fn latest<'a>(known: &[&'a SideAnswer], side: Side) -> Option<&'a SideAnswer> {
    known.iter().rev().find(|a| a.side == side).copied()
}

/// Both sides' latest answers say they will carry on without the programme.
fn both_carry_on(known: &[&SideAnswer]) -> bool {
    [Side::Seeker, Side::Buddy]
        .iter()
        .all(|side| latest(known, *side).is_some_and(|a| a.carry_on_without_programme))
}

/// The latest trust rating of every side that gave one reaches the threshold (one at least).
fn trusting(known: &[&SideAnswer], threshold: u8) -> bool {
    let ratings: Vec<u8> = [Side::Seeker, Side::Buddy]
        .iter()
        .filter_map(|side| {
            known
                .iter()
                .rev()
                .filter(|a| a.side == *side)
                .find_map(|a| a.trust)
        })
        .collect();
    !ratings.is_empty() && ratings.iter().all(|t| *t >= threshold)
}

/// No meeting for `stall_periods` periods since the latest of acceptance, the end of a pause and
/// the last reported meeting.
fn stalled(
    facts: &MatchFacts,
    known: &[&SideAnswer],
    rules: &StageRules,
    now: NaiveDateTime,
) -> bool {
    let last_meeting = known
        .iter()
        .filter(|a| a.met != Met::None)
        .map(|a| a.answered_at)
        .max();
    let reference = [Some(facts.active_since), facts.clock_from, last_meeting]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(facts.active_since);
    let limit = i64::from(rules.stall_periods.max(1)) * i64::from(rules.period_days.max(1));
    (now - reference).num_days() >= limit
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use proptest::prelude::*;

    use super::*;

    fn start() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 1, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("a date")
    }

    fn day(n: i64) -> NaiveDateTime {
        start() + Duration::days(n)
    }

    fn facts() -> MatchFacts {
        MatchFacts {
            active_since: start(),
            clock_from: None,
            paused_until: None,
            closed: false,
            arriving_became_volunteer: false,
        }
    }

    fn met(side: Side, at: i64, trust: u8) -> SideAnswer {
        SideAnswer {
            side,
            answered_at: day(at),
            met: Met::Once,
            trust: Some(trust),
            gave_something: false,
            received_something: false,
            carry_on_without_programme: false,
        }
    }

    fn not_met(side: Side, at: i64) -> SideAnswer {
        SideAnswer {
            met: Met::None,
            ..met(side, at, 3)
        }
    }

    fn giving(mut a: SideAnswer) -> SideAnswer {
        a.gave_something = true;
        a.received_something = true;
        a
    }

    fn carrying_on(mut a: SideAnswer) -> SideAnswer {
        a.carry_on_without_programme = true;
        a
    }

    fn at(answers: &[SideAnswer], now: i64) -> Stage {
        stage(&facts(), answers, &StageRules::default(), day(now))
    }

    /// Meetings in periods 0 and 1 (days 7 and 21) from both sides, trust 5.
    fn trusting_pair() -> Vec<SideAnswer> {
        vec![
            met(Side::Seeker, 7, 5),
            met(Side::Buddy, 7, 4),
            met(Side::Seeker, 21, 5),
            met(Side::Buddy, 21, 5),
        ]
    }

    #[test]
    fn every_stage_is_reachable() {
        assert_eq!(at(&[], 3), Stage::Introduced);
        assert_eq!(at(&[met(Side::Seeker, 7, 3)], 8), Stage::GettingToKnow);
        assert_eq!(at(&trusting_pair(), 22), Stage::BuildingTrust);
        let mut mutual = trusting_pair();
        mutual.push(giving(met(Side::Seeker, 35, 5)));
        mutual.push(giving(met(Side::Buddy, 35, 5)));
        assert_eq!(at(&mutual, 36), Stage::Mutual);
        let mut independent = mutual.clone();
        independent.push(carrying_on(met(Side::Seeker, 49, 5)));
        independent.push(carrying_on(met(Side::Buddy, 49, 5)));
        assert_eq!(at(&independent, 50), Stage::Independent);
        assert_eq!(at(&[], 28), Stage::Stalled);
        let paused = MatchFacts {
            paused_until: NaiveDate::from_ymd_opt(2027, 2, 1),
            ..facts()
        };
        assert_eq!(
            stage(&paused, &[], &StageRules::default(), day(10)),
            Stage::Paused
        );
        let closed = MatchFacts {
            closed: true,
            ..facts()
        };
        assert_eq!(
            stage(&closed, &[], &StageRules::default(), day(10)),
            Stage::Closed
        );
    }

    #[test]
    fn closed_beats_paused_beats_stalled() {
        let rules = StageRules::default();
        let paused = MatchFacts {
            paused_until: NaiveDate::from_ymd_opt(2027, 6, 1),
            ..facts()
        };
        // 100 days without a meeting would be stalled, but the pause runs.
        assert_eq!(stage(&paused, &[], &rules, day(100)), Stage::Paused);
        let closed = MatchFacts {
            closed: true,
            ..paused
        };
        assert_eq!(stage(&closed, &[], &rules, day(100)), Stage::Closed);
        // On the pause's last day it is over.
        let ends = NaiveDate::from_ymd_opt(2027, 1, 11).expect("a date");
        let ended = MatchFacts {
            paused_until: Some(ends),
            clock_from: Some(day(10)),
            ..facts()
        };
        assert_eq!(stage(&ended, &[], &rules, day(10)), Stage::Introduced);
    }

    #[test]
    fn stalled_exactly_at_the_threshold() {
        let answers = [met(Side::Seeker, 5, 3)];
        // 2 periods x 14 days after the meeting on day 5.
        assert_eq!(
            stage(
                &facts(),
                &answers,
                &StageRules::default(),
                day(33) - Duration::seconds(1)
            ),
            Stage::GettingToKnow
        );
        assert_eq!(at(&answers, 33), Stage::Stalled);
        // Answers without a meeting do not hold off a stall.
        let silent = [met(Side::Seeker, 5, 3), not_met(Side::Buddy, 30)];
        assert_eq!(at(&silent, 33), Stage::Stalled);
        // No answer at all: from acceptance.
        assert_eq!(at(&[], 27), Stage::Introduced);
        assert_eq!(at(&[], 28), Stage::Stalled);
    }

    #[test]
    fn the_end_of_a_pause_restarts_the_stall_clock() {
        let resumed = MatchFacts {
            clock_from: Some(day(40)),
            ..facts()
        };
        let rules = StageRules::default();
        assert_eq!(stage(&resumed, &[], &rules, day(67)), Stage::Introduced);
        assert_eq!(stage(&resumed, &[], &rules, day(68)), Stage::Stalled);
    }

    #[test]
    fn falling_trust_leaves_building_trust() {
        let mut answers = trusting_pair();
        assert_eq!(at(&answers, 22), Stage::BuildingTrust);
        answers.push(met(Side::Buddy, 30, 2));
        assert_eq!(at(&answers, 31), Stage::GettingToKnow);
        answers.push(met(Side::Buddy, 40, 4));
        assert_eq!(at(&answers, 41), Stage::BuildingTrust);
    }

    #[test]
    fn one_silent_side_blocks_mutual_and_carrying_on_but_not_the_volunteer_route() {
        let answers = vec![
            giving(carrying_on(met(Side::Seeker, 7, 5))),
            giving(carrying_on(met(Side::Seeker, 21, 5))),
        ];
        assert_eq!(at(&answers, 22), Stage::BuildingTrust);
        let volunteer = MatchFacts {
            arriving_became_volunteer: true,
            ..facts()
        };
        assert_eq!(
            stage(&volunteer, &answers, &StageRules::default(), day(22)),
            Stage::Independent
        );
        // ... and an independent pair is not stalled when it stops answering.
        assert_eq!(
            stage(&volunteer, &answers, &StageRules::default(), day(200)),
            Stage::Independent
        );
    }

    #[test]
    fn thresholds_are_per_programme() {
        let answers = trusting_pair();
        let stricter = StageRules {
            regular_periods: 3,
            ..StageRules::default()
        };
        assert_eq!(
            stage(&facts(), &answers, &stricter, day(22)),
            Stage::GettingToKnow
        );
        let demanding = StageRules {
            trust_threshold: 5,
            ..StageRules::default()
        };
        assert_eq!(
            stage(&facts(), &answers, &demanding, day(22)),
            Stage::BuildingTrust
        );
        let mut lower = answers.clone();
        lower.push(met(Side::Buddy, 23, 4));
        assert_eq!(
            stage(&facts(), &lower, &demanding, day(24)),
            Stage::GettingToKnow
        );
        let monthly = StageRules {
            period_days: 30,
            ..StageRules::default()
        };
        // Days 7 and 21 are one period when periods are 30 days long.
        assert_eq!(
            stage(&facts(), &answers, &monthly, day(22)),
            Stage::GettingToKnow
        );
        // Degenerate settings count as one.
        let zero = StageRules {
            period_days: 0,
            stall_periods: 0,
            trust_threshold: 4,
            regular_periods: 0,
        };
        assert_eq!(stage(&facts(), &[], &zero, day(1)), Stage::Stalled);
        assert_eq!(period_of(start(), day(3), 0), 3);
    }

    #[test]
    fn answers_after_now_are_ignored() {
        assert_eq!(at(&trusting_pair(), 10), Stage::GettingToKnow);
        assert_eq!(at(&trusting_pair(), 6), Stage::Introduced);
    }

    #[test]
    fn period_numbers_count_whole_days() {
        assert_eq!(period_of(start(), day(13), 14), 0);
        assert_eq!(period_of(start(), day(14), 14), 1);
        assert_eq!(period_of(start(), day(-3), 14), 0);
    }

    fn path_rank(s: Stage) -> Option<u8> {
        match s {
            Stage::Introduced => Some(0),
            Stage::GettingToKnow => Some(1),
            Stage::BuildingTrust => Some(2),
            Stage::Mutual => Some(3),
            Stage::Independent => Some(4),
            Stage::Stalled | Stage::Paused | Stage::Closed => None,
        }
    }

    fn any_answer() -> impl Strategy<Value = SideAnswer> {
        (
            any::<bool>(),
            0i64..120,
            0u8..3,
            proptest::option::of(1u8..=5),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(buddy, at, met, trust, gave, received, carry)| SideAnswer {
                    side: if buddy { Side::Buddy } else { Side::Seeker },
                    answered_at: day(at),
                    met: [Met::None, Met::Once, Met::Several][usize::from(met)],
                    trust,
                    gave_something: gave,
                    received_something: received,
                    carry_on_without_programme: carry,
                },
            )
    }

    fn any_rules() -> impl Strategy<Value = StageRules> {
        (7u32..40, 1u32..4, 1u8..=5, 1u32..4).prop_map(|(p, s, t, r)| StageRules {
            period_days: p,
            stall_periods: s,
            trust_threshold: t,
            regular_periods: r,
        })
    }

    proptest! {
        #[test]
        fn the_order_of_answers_does_not_matter(
            answers in proptest::collection::vec(any_answer(), 0..12),
            rules in any_rules(),
            now in 0i64..150,
        ) {
            let mut reversed = answers.clone();
            reversed.reverse();
            let mut rotated = answers.clone();
            rotated.rotate_left(answers.len() / 2);
            let expected = stage(&facts(), &answers, &rules, day(now));
            prop_assert_eq!(stage(&facts(), &reversed, &rules, day(now)), expected);
            prop_assert_eq!(stage(&facts(), &rotated, &rules, day(now)), expected);
        }

        #[test]
        fn a_glowing_answer_never_moves_a_match_back_along_the_path(
            answers in proptest::collection::vec(any_answer(), 0..12),
            rules in any_rules(),
            side_is_buddy in any::<bool>(),
        ) {
            let now = day(130);
            let before = stage(&facts(), &answers, &rules, now);
            let mut more = answers.clone();
            more.push(SideAnswer {
                side: if side_is_buddy { Side::Buddy } else { Side::Seeker },
                answered_at: now,
                met: Met::Several,
                trust: Some(5),
                gave_something: true,
                received_something: true,
                carry_on_without_programme: true,
            });
            let after = stage(&facts(), &more, &rules, now);
            if let (Some(b), Some(a)) = (path_rank(before), path_rank(after)) {
                prop_assert!(a >= b, "{:?} -> {:?}", before, after);
            }
            // A meeting reported just now is never stalled.
            prop_assert_ne!(after, Stage::Stalled);
        }

        #[test]
        fn without_answers_introduced_until_the_stall_threshold(
            rules in any_rules(),
            now in 0i64..200,
        ) {
            let limit = i64::from(rules.stall_periods * rules.period_days);
            let expected = if now >= limit { Stage::Stalled } else { Stage::Introduced };
            prop_assert_eq!(stage(&facts(), &[], &rules, day(now)), expected);
        }
    }
}
