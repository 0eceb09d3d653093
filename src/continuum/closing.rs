//! Pausing, resuming and closing a live match, from a check-in answer, a participant's data page
//! or a coordinator. An early end that calls for a new buddy ([`CloseReason::rematches`]) also
//! forbids the pair, in the same transaction: the seeker is back in the pool for the next run
//! (waiting counted from the original sign-up, which is unchanged) and the buddy's place is free,
//! because both count only live matches.

use chrono::{NaiveDate, NaiveDateTime};

use super::ContinuumError;
use crate::db::audit::{self, AuditEntry};
use crate::db::checkins;
use crate::db::continuum as store;
use crate::db::matches::{self, RuleKind};
use crate::db::DbConnection;
use crate::domain::checkin::GoOnAnswer;
use crate::domain::{CloseReason, Side};

/// Who asks for the change (kept in the stage history and the audit log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// One of the two people, by a link of theirs.
    Participant(Side),
    /// A coordinator (account id).
    Coordinator(i32),
}

impl Actor {
    fn coordinator(self) -> Option<i32> {
        match self {
            Self::Coordinator(id) => Some(id),
            Self::Participant(_) => None,
        }
    }

    fn detail(self) -> String {
        match self {
            Self::Participant(side) => format!("by the {side}"),
            Self::Coordinator(_) => "by a coordinator".to_owned(),
        }
    }
}

fn record(
    conn: &mut DbConnection,
    programme_id: i32,
    match_id: i32,
    action: &str,
    detail: &str,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<(), ContinuumError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: actor.coordinator(),
            programme_id: Some(programme_id),
            action,
            subject_type: "match",
            subject_id: Some(match_id),
            detail,
        },
        now,
    )?;
    Ok(())
}

/// Pauses an active match until `until` (stage `paused`); false when it is not active.
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn pause(
    conn: &mut DbConnection,
    match_id: i32,
    until: NaiveDate,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    if !store::pause(conn, match_id, until, now, actor.coordinator())? {
        return Ok(false);
    }
    let detail = format!("until {until} {}", actor.detail());
    record(
        conn,
        m.programme_id,
        match_id,
        "match.paused",
        &detail,
        actor,
        now,
    )?;
    Ok(true)
}

/// Ends the pause of an active match now and gives it the stage the rules give (the stall clock
/// starts again today); false when it was not paused.
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn resume(
    conn: &mut DbConnection,
    match_id: i32,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    if !store::resume(conn, match_id, now)? {
        return Ok(false);
    }
    super::scheduler::refresh(conn, match_id, actor.coordinator(), now)?;
    let detail = actor.detail();
    record(
        conn,
        m.programme_id,
        match_id,
        "match.resumed",
        &detail,
        actor,
        now,
    )?;
    Ok(true)
}

/// Closes a live match with a neutral reason (stage `closed`) and queues the exit questions of
/// both sides (the scheduler sends them with a kind closing email); for a reason that calls for a
/// new buddy the pair is forbidden from then on. False when the match was not live (closed before,
/// by this or another request).
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn close(
    conn: &mut DbConnection,
    match_id: i32,
    reason: CloseReason,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    if !store::close(conn, match_id, reason, now, actor.coordinator())? {
        return Ok(false);
    }
    // The exit questions of both sides; the scheduler sends them with the closing email.
    for (side, person) in [(Side::Seeker, m.seeker_id), (Side::Buddy, m.buddy_id)] {
        checkins::schedule(conn, match_id, person, side, checkins::EXIT_PERIOD, now)?;
    }
    if reason.rematches() {
        matches::add_rule(
            conn,
            m.programme_id,
            m.seeker_id,
            m.buddy_id,
            RuleKind::Forbidden,
            &format!("closed as {reason} {}", actor.detail()),
            actor.coordinator(),
            now,
        )?;
    }
    let detail = format!("{reason} {}", actor.detail());
    record(
        conn,
        m.programme_id,
        match_id,
        "match.closed",
        &detail,
        actor,
        now,
    )?;
    Ok(true)
}

/// Applies the "Shall we go on?" answer of one side: nothing for yes, a pause, or the end.
/// Returns whether the match changed.
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn apply_go_on(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
    go_on: GoOnAnswer,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    apply_go_on_as(conn, match_id, go_on, Actor::Participant(side), now)
}

/// [`apply_go_on`] for any actor (a coordinator recording a call).
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn apply_go_on_as(
    conn: &mut DbConnection,
    match_id: i32,
    go_on: GoOnAnswer,
    actor: Actor,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    match go_on {
        GoOnAnswer::Yes => Ok(false),
        GoOnAnswer::Pause { until } => pause(conn, match_id, until, actor, now),
        GoOnAnswer::End { reason } => close(conn, match_id, reason, actor, now),
    }
}
