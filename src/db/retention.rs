//! What the retention pass reads and changes: people who left long ago, the written words of
//! matches that ended long ago, and old audit entries that name someone.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_log, checkins, concerns, match_notes, matches, participants};
use super::{DbConnection, DbError};
use crate::domain::{MatchStatus, ParticipantStatus};

/// At most `limit` people of a programme who withdrew (left) before `cutoff`.
///
/// # Errors
/// A failed query.
pub fn left_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<i32>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::status.eq(ParticipantStatus::Withdrawn.code()))
        .filter(participants::updated_at.lt(cutoff))
        .order(participants::id.asc())
        .limit(limit)
        .select(participants::id)
        .load(conn)
        .context("finding people who left before the retention period")?)
}

/// At most `limit` people of an archived programme whose time in it ended before `cutoff`: no
/// match going on (approved or active) and none that ended since `cutoff`. The caller checks
/// that the programme was archived before `cutoff`.
///
/// # Errors
/// A failed query.
pub fn done_in_archive_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<i32>, DbError> {
    let live = MatchStatus::codes(MatchStatus::LIVE);
    let still_in = |m: &NaiveDateTime| matches::status.eq_any(live).or(matches::closed_at.ge(*m));
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            matches::table
                .filter(matches::seeker_id.eq(participants::id))
                .filter(still_in(&cutoff)),
        )))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            matches::table
                .filter(matches::buddy_id.eq(participants::id))
                .filter(still_in(&cutoff)),
        )))
        .order(participants::id.asc())
        .limit(limit)
        .select(participants::id)
        .load(conn)
        .context("finding people whose time in an archived programme ended")?)
}

/// Deletes what people wrote about the programme's matches that closed before `cutoff`: notes,
/// the text of concerns, the comments of check-ins. The answers themselves (numbers, choices)
/// stay for the programme's figures. Returns how many texts went.
///
/// # Errors
/// A failed query.
pub fn forget_texts_of_matches_closed_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
) -> Result<usize, DbError> {
    let closed = matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Closed.code()))
        .filter(matches::closed_at.lt(cutoff))
        .select(matches::id);
    let notes = diesel::delete(match_notes::table.filter(match_notes::match_id.eq_any(closed)))
        .execute(conn)
        .context("deleting notes of long-ended matches")?;
    let concern_texts = diesel::update(
        concerns::table
            .filter(concerns::match_id.eq_any(closed.nullable()))
            .filter(concerns::body.ne("")),
    )
    .set(concerns::body.eq(""))
    .execute(conn)
    .context("emptying concerns of long-ended matches")?;
    let comments = diesel::update(
        checkins::table
            .filter(checkins::match_id.eq_any(closed))
            .filter(checkins::note.is_not_null()),
    )
    .set(checkins::note.eq(None::<String>))
    .execute(conn)
    .context("emptying check-in comments of long-ended matches")?;
    Ok(notes + concern_texts + comments)
}

/// Takes out who an audit entry of the programme from before `cutoff` was about (a participant
/// or a match, which leads to two participants) and its detail; who did it and what stays.
/// Returns how many entries changed.
///
/// # Errors
/// A failed query.
pub fn pseudonymise_audit_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        audit_log::table
            .filter(audit_log::programme_id.eq(programme_id))
            .filter(audit_log::at.lt(cutoff))
            .filter(audit_log::subject_type.eq_any(["participant", "match"]))
            .filter(
                audit_log::subject_id
                    .is_not_null()
                    .or(audit_log::detail.ne("")),
            ),
    )
    .set((
        audit_log::subject_id.eq(None::<i32>),
        audit_log::detail.eq(""),
    ))
    .execute(conn)
    .context("pseudonymising old audit entries")?)
}
