//! What a coordinator records on a match: a check-in after a phone call (for either side, marked
//! as recorded by them), a note, a concern marked handled. Each is audited.

use chrono::NaiveDateTime;

use super::closing::{self, Actor};
use super::{answers, scheduler, ContinuumError};
use crate::db::audit::{self, AuditEntry};
use crate::db::checkins;
use crate::db::continuum as store;
use crate::db::DbConnection;
use crate::domain::checkin::CheckinAnswer;
use crate::domain::Side;

fn record(
    conn: &mut DbConnection,
    programme_id: i32,
    coordinator_id: i32,
    action: &str,
    match_id: i32,
    detail: &str,
    now: NaiveDateTime,
) -> Result<(), ContinuumError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: Some(coordinator_id),
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

/// Records one side's check-in after a call: fills that side's open check-in (or adds the next
/// period), applies "go on / pause / end", and places the match on the continuum again. False
/// when the match is not active.
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn record_checkin(
    conn: &mut DbConnection,
    match_id: i32,
    answer: &CheckinAnswer,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    if m.status != crate::domain::MatchStatus::Active {
        return Ok(false);
    }
    let person = match answer.side {
        Side::Seeker => m.seeker_id,
        Side::Buddy => m.buddy_id,
    };
    checkins::record_by_coordinator(
        conn,
        match_id,
        person,
        answer.side,
        &answers::stored(answer),
        coordinator_id,
        now,
    )?;
    let detail = format!("for the {}", answer.side);
    record(
        conn,
        m.programme_id,
        coordinator_id,
        "checkin.recorded",
        match_id,
        &detail,
        now,
    )?;
    let actor = Actor::Coordinator(coordinator_id);
    closing::apply_go_on_as(conn, match_id, answer.go_on, actor, now)?;
    scheduler::refresh(conn, match_id, None, now)?;
    Ok(true)
}

/// Adds a coordinator's note (validated at the edge).
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn add_note(
    conn: &mut DbConnection,
    match_id: i32,
    body: &str,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<(), ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    store::add_note(conn, match_id, coordinator_id, body, now)?;
    record(
        conn,
        m.programme_id,
        coordinator_id,
        "match.note",
        match_id,
        "",
        now,
    )
}

/// Marks a concern about this match handled; false when it is not one of this match's open
/// concerns.
///
/// # Errors
/// Storage failures; the match does not exist.
pub fn concern_handled(
    conn: &mut DbConnection,
    match_id: i32,
    concern_id: i32,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    let ours = store::concerns_of_match(conn, match_id)?
        .iter()
        .any(|c| c.id == concern_id && c.handled_at.is_none());
    if !ours || !store::mark_handled(conn, concern_id, coordinator_id, now)? {
        return Ok(false);
    }
    record(
        conn,
        m.programme_id,
        coordinator_id,
        "concern.handled",
        match_id,
        "",
        now,
    )?;
    Ok(true)
}
