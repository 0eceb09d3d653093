//! Whether two people may be paired now, outside a run: before a coordinator pins a pair or
//! matches two people by hand. The same rules as a run's pool (see [`super`]) plus the matching
//! core's hard rules; the answer names every problem so a coordinator can act on it.
//!
//! The words for coordinators live with the pages; here are only stable codes.

use chrono::NaiveDateTime;
use matching::compat::{self, Evaluation, Exclusion, Rule};

use super::{effective_weights, features, is_seeker, RunOptions, Unmatched};
use crate::coordinator::readiness;
use crate::db::matches::{self, RuleKind};
use crate::db::participants::{self, Participant};
use crate::db::{DbConnection, DbError};
use crate::domain::{ParticipantStatus, Programme};
use crate::introductions::room::{self, Taken};

/// Why two people cannot be paired (by hand or by a pin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairProblem {
    /// The programme is archived: it makes no new pairs.
    ProgrammeArchived,
    /// No participant with this id in the programme.
    NoSuchPerson(i32),
    /// Not someone looking for a buddy (an arriving member who is not a volunteer).
    NotASeeker(i32),
    /// Not someone offering to be a buddy.
    NotABuddy(i32),
    /// Not confirmed (pending or withdrawn).
    NotConfirmed(i32),
    /// The seeker already has a live match.
    SeekerMatched(i32),
    /// The buddy has no capacity left.
    BuddyFull(i32),
    /// The buddy's code of conduct or safeguarding training is not recorded.
    BuddyNotReady(i32),
    /// A coordinator rejected the pair, or one side declined it, before.
    Forbidden,
    /// Hard rules of the matching core, all that apply.
    Rules(Vec<Exclusion>),
}

impl PairProblem {
    /// A stable code for the API: `no_such_person`, `not_a_seeker`, ..., or the first broken
    /// rule (`no_common_language`, `no_common_slot`, `too_far`, `seeker_preference`,
    /// `buddy_preference`, `needs_child_clearance`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::ProgrammeArchived => "programme_archived",
            Self::NoSuchPerson(_) => "no_such_person",
            Self::NotASeeker(_) => "not_a_seeker",
            Self::NotABuddy(_) => "not_a_buddy",
            Self::NotConfirmed(_) => "not_confirmed",
            Self::SeekerMatched(_) => Taken::SeekerMatched.code(),
            Self::BuddyFull(_) => Taken::BuddyFull.code(),
            Self::BuddyNotReady(_) => "buddy_not_ready",
            Self::Forbidden => "forbidden",
            Self::Rules(list) => list.first().map_or("excluded", |e| rule_code(e.rule())),
        }
    }
}

/// A hard rule of the matching core as a stable code (API, message ids).
#[must_use]
pub fn rule_code(rule: Rule) -> &'static str {
    match rule {
        Rule::NoCommonLanguage => "no_common_language",
        Rule::NoCommonSlot => "no_common_slot",
        Rule::TooFar => "too_far",
        Rule::SeekerPreference => "seeker_preference",
        Rule::BuddyPreference => "buddy_preference",
        Rule::NeedsChildClearance => "needs_child_clearance",
        Rule::Forbidden => "forbidden",
    }
}

/// The main rule of an unmatched seeker (the one that excluded the most buddies), as a code.
#[must_use]
pub fn unmatched_main_rule(u: &Unmatched) -> Option<&'static str> {
    u.exclusions.and_then(|s| s.main_rule()).map(rule_code)
}

/// Checks whether `seeker_id` and `buddy_id` of `programme` may be paired now: the programme
/// open (not archived), both confirmed, the
/// seeker free, the buddy ready with capacity left, the pair not forbidden, and every hard rule
/// of the matching core met. `Ok(Err(..))` names what is wrong; `Ok(Ok(..))` gives the core's
/// evaluation (score and reasons).
///
/// # Errors
/// Storage failures or corrupt stored profiles.
pub fn check_pair(
    conn: &mut DbConnection,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    now: NaiveDateTime,
) -> Result<Result<compat::Explanation, PairProblem>, DbError> {
    if !programme.is_open() {
        return Ok(Err(PairProblem::ProgrammeArchived));
    }
    let find = |conn: &mut DbConnection, id: i32| -> Result<Option<Participant>, DbError> {
        Ok(participants::find(conn, id)?.filter(|p| p.programme_id == programme.id))
    };
    let Some(seeker) = find(conn, seeker_id)? else {
        return Ok(Err(PairProblem::NoSuchPerson(seeker_id)));
    };
    let Some(buddy) = find(conn, buddy_id)? else {
        return Ok(Err(PairProblem::NoSuchPerson(buddy_id)));
    };
    if !is_seeker(&seeker) {
        return Ok(Err(PairProblem::NotASeeker(seeker_id)));
    }
    if is_seeker(&buddy) {
        return Ok(Err(PairProblem::NotABuddy(buddy_id)));
    }
    for p in [&seeker, &buddy] {
        if p.status != ParticipantStatus::Confirmed {
            return Ok(Err(PairProblem::NotConfirmed(p.id)));
        }
    }
    let free = match room::places_left(conn, programme.id, seeker_id, &buddy)? {
        Ok(free) => free,
        Err(Taken::SeekerMatched) => return Ok(Err(PairProblem::SeekerMatched(seeker_id))),
        Err(Taken::BuddyFull) => return Ok(Err(PairProblem::BuddyFull(buddy_id))),
    };
    let ready = readiness::find(conn, buddy_id)?;
    if !ready.as_ref().is_some_and(|r| r.is_ready(false)) {
        return Ok(Err(PairProblem::BuddyNotReady(buddy_id)));
    }
    let child = ready.as_ref().is_some_and(|r| r.is_ready(true));
    if matches::has_rule(conn, seeker_id, buddy_id, RuleKind::Forbidden)? {
        return Ok(Err(PairProblem::Forbidden));
    }
    let features_error = |e: features::FeaturesError| DbError::Unexpected(anyhow::Error::new(e));
    let s = features::seeker(&seeker, programme, now).map_err(features_error)?;
    let b = features::buddy(
        &buddy,
        programme,
        u32::try_from(free).unwrap_or(1),
        child,
        now,
    )
    .map_err(features_error)?;
    let weights = effective_weights(programme, &RunOptions::default())
        .map_err(|e| DbError::Unexpected(anyhow::Error::new(e)))?;
    Ok(match compat::evaluate(&s, &b, &weights) {
        Evaluation::Feasible { explanation } => Ok(explanation),
        Evaluation::Excluded { exclusions } => Err(PairProblem::Rules(exclusions)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use matching::compat::Level;

    #[test]
    fn a_problem_has_a_stable_code_and_rules_report_the_first_broken_one() {
        assert_eq!(PairProblem::BuddyFull(3).code(), "buddy_has_no_capacity");
        assert_eq!(
            PairProblem::SeekerMatched(3).code(),
            "seeker_already_matched"
        );
        assert_eq!(PairProblem::Rules(Vec::new()).code(), "excluded");
        let rules = PairProblem::Rules(vec![
            Exclusion::NoCommonSlot,
            Exclusion::NoCommonLanguage {
                min_level: Level::A2,
            },
        ]);
        assert_eq!(rules.code(), "no_common_slot");
    }
}
