//! Answers: by the person through the form's link (once), or recorded by a coordinator after
//! a phone call.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::last_period;
use super::{json_list, NewAnswer};
use crate::db::schema::checkins;
use crate::db::{DbConnection, DbError};
use crate::domain::{CloseReason, Side};

/// Stores the answer of check-in `id` if it has none yet; false when it was answered already
/// (one answer per check-in, also when two answers arrive at the same moment).
///
/// # Errors
/// The update fails.
pub fn answer(
    conn: &mut DbConnection,
    id: i32,
    answer: &NewAnswer,
    answered_at: NaiveDateTime,
) -> Result<bool, DbError> {
    answer_as(conn, id, answer, answered_at, None)
}

fn answer_as(
    conn: &mut DbConnection,
    id: i32,
    a: &NewAnswer,
    answered_at: NaiveDateTime,
    recorded_by: Option<i32>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        checkins::table
            .find(id)
            .filter(checkins::answered_at.is_null()),
    )
    .set((
        (
            checkins::answered_at.eq(Some(answered_at)),
            checkins::recorded_by.eq(recorded_by),
            checkins::met.eq(Some(a.met.code())),
            checkins::met_in_person.eq(a.met_in_person),
            checkins::met_online.eq(a.met_online),
            checkins::met_by_phone.eq(a.met_by_phone),
            checkins::going.eq(a.going.map(i32::from)),
            checkins::trust.eq(a.trust.map(i32::from)),
        ),
        (
            checkins::gave.eq(json_list(&a.gave)?),
            checkins::received.eq(json_list(&a.received)?),
            checkins::go_on.eq(Some(a.go_on.code())),
            checkins::pause_until.eq(a.pause_until),
            checkins::end_reason.eq(a.end_reason.map(CloseReason::code)),
            checkins::carry_on_without_programme.eq(a.carry_on_without_programme),
            checkins::wants_to_volunteer.eq(a.wants_to_volunteer),
            checkins::note.eq(a.note.as_deref()),
            checkins::belonging.eq(a.belonging.map(i32::from)),
            checkins::conversation.eq(a.conversation.map(i32::from)),
        ),
    ))
    .execute(conn)
    .with_context(|| format!("storing the answer to check-in {id}"))?;
    if changed == 1 {
        crate::db::answer_links::relink_checkin(conn, id)?;
    }
    Ok(changed == 1)
}

/// A coordinator records one side's answer after a phone call: it answers that side's latest
/// open check-in (so no reminder follows), or else a new check-in in the next free period.
/// Returns the check-in's id.
///
/// # Errors
/// A failed query; a unique violation when another check-in of that side was written at the
/// same moment (the caller may try again).
pub fn record_by_coordinator(
    conn: &mut DbConnection,
    match_id: i32,
    participant_id: i32,
    side: Side,
    a: &NewAnswer,
    recorded_by: i32,
    at: NaiveDateTime,
) -> Result<i32, DbError> {
    let open: Option<i32> = checkins::table
        .filter(checkins::match_id.eq(match_id))
        .filter(checkins::side.eq(side.code()))
        .filter(checkins::answered_at.is_null())
        .order(checkins::period.desc())
        .select(checkins::id)
        .first(conn)
        .optional()
        .with_context(|| format!("finding the open check-in of the {side} of match {match_id}"))?;
    if let Some(id) = open {
        if answer_as(conn, id, a, at, Some(recorded_by))? {
            return Ok(id);
        }
    }
    let period = last_period(conn, match_id, side)?.unwrap_or(0) + 1;
    let id = diesel::insert_into(checkins::table)
        .values((
            checkins::match_id.eq(match_id),
            checkins::participant_id.eq(participant_id),
            checkins::side.eq(side.code()),
            checkins::period.eq(period),
            checkins::due_at.eq(at),
            checkins::created_at.eq(at),
        ))
        .returning(checkins::id)
        .get_result::<i32>(conn)
        .with_context(|| {
            format!("recording check-in {period} of the {side} of match {match_id}")
        })?;
    answer_as(conn, id, a, at, Some(recorded_by))?;
    Ok(id)
}
