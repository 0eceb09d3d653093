//! The `checkins` table: one row per (match, side, period), from the moment a check-in is due to
//! its one answer. The unique key (match, side, period) makes scheduling safe across app
//! instances: whoever inserts the row first owns it, and the other insert is a no-op that sends
//! nothing. Reminders and answers are conditional updates, so each happens once.
//!
//! Values are stored as given: the check-in form's parser validates them before they get here.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::max;
use diesel::prelude::*;

use super::schema::{checkins, matches};
use super::{DbConnection, DbError};
use crate::domain::{CloseReason, GoOn, MatchStatus, Met, Side};

/// The period of the exit questions asked of both sides when a match closes (check-ins proper
/// count from 1).
pub const EXIT_PERIOD: i32 = 0;

/// One side's answer to a check-in (from the form by link, or recorded by a coordinator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnswer {
    /// Did they meet since last time?
    pub met: Met,
    /// Met in person.
    pub met_in_person: bool,
    /// Met online.
    pub met_online: bool,
    /// Spoke by phone.
    pub met_by_phone: bool,
    /// How is it going (1-5).
    pub going: Option<u8>,
    /// Can they count on their buddy (1-5).
    pub trust: Option<u8>,
    /// Integration domain codes where they gave something.
    pub gave: Vec<String>,
    /// Integration domain codes where they received something.
    pub received: Vec<String>,
    /// Go on, pause or end.
    pub go_on: GoOn,
    /// Pause until this day (with [`GoOn::Pause`]).
    pub pause_until: Option<NaiveDate>,
    /// Why to end (with [`GoOn::End`]).
    pub end_reason: Option<CloseReason>,
    /// They will carry on without the programme.
    pub carry_on_without_programme: bool,
    /// An arriving member who would like to become a buddy.
    pub wants_to_volunteer: bool,
    /// Something for the coordinator (seen only by coordinators).
    pub note: Option<String>,
    /// "I feel I belong here" (1-5), asked of arriving members every few months.
    pub belonging: Option<u8>,
    /// "I can hold a simple conversation in the local language" (1-5).
    pub conversation: Option<u8>,
}

/// A stored check-in, with its answer when it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    /// Id.
    pub id: i32,
    /// The match.
    pub match_id: i32,
    /// The person asked.
    pub participant_id: i32,
    /// Their side of the match.
    pub side: Side,
    /// 1 = the first check-in after the match became active.
    pub period: i32,
    /// When it is (was) due.
    pub due_at: NaiveDateTime,
    /// When the email went into the outbox.
    pub sent_at: Option<NaiveDateTime>,
    /// When the one reminder went.
    pub reminded_at: Option<NaiveDateTime>,
    /// When it was answered.
    pub answered_at: Option<NaiveDateTime>,
    /// The coordinator who recorded the answer after a call (None: answered by link).
    pub recorded_by: Option<i32>,
    /// The answer (None until answered).
    pub answer: Option<NewAnswer>,
    /// Created.
    pub created_at: NaiveDateTime,
}

/// The row as stored; `into_checkin` parses the JSON lists and gathers the answer.
#[derive(Queryable, Selectable)]
#[diesel(table_name = checkins)]
struct CheckinRow {
    id: i32,
    match_id: i32,
    participant_id: i32,
    side: Side,
    period: i32,
    due_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
    reminded_at: Option<NaiveDateTime>,
    answered_at: Option<NaiveDateTime>,
    recorded_by: Option<i32>,
    met: Option<Met>,
    met_in_person: bool,
    met_online: bool,
    met_by_phone: bool,
    going: Option<i32>,
    trust: Option<i32>,
    gave: String,
    received: String,
    go_on: Option<GoOn>,
    pause_until: Option<NaiveDate>,
    end_reason: Option<CloseReason>,
    carry_on_without_programme: bool,
    wants_to_volunteer: bool,
    note: Option<String>,
    belonging: Option<i32>,
    conversation: Option<i32>,
    created_at: NaiveDateTime,
}

/// A stored rating back to 1-5 (a value out of `u8` range would be a corrupt row: dropped).
fn rating(stored: Option<i32>) -> Option<u8> {
    stored.and_then(|v| u8::try_from(v).ok())
}

impl CheckinRow {
    fn into_checkin(self) -> Result<Checkin, DbError> {
        let codes = |raw: &str, what: &str| -> Result<Vec<String>, DbError> {
            Ok(serde_json::from_str(raw).with_context(|| {
                format!("check-in {}: stored {what} is not a JSON list", self.id)
            })?)
        };
        // An answered row always has `met` and `go_on`; without them there is no answer.
        let answer = match (self.answered_at, self.met, self.go_on) {
            (Some(_), Some(met), Some(go_on)) => Some(NewAnswer {
                met,
                met_in_person: self.met_in_person,
                met_online: self.met_online,
                met_by_phone: self.met_by_phone,
                going: rating(self.going),
                trust: rating(self.trust),
                gave: codes(&self.gave, "gave")?,
                received: codes(&self.received, "received")?,
                go_on,
                pause_until: self.pause_until,
                end_reason: self.end_reason,
                carry_on_without_programme: self.carry_on_without_programme,
                wants_to_volunteer: self.wants_to_volunteer,
                note: self.note.clone(),
                belonging: rating(self.belonging),
                conversation: rating(self.conversation),
            }),
            _ => None,
        };
        Ok(Checkin {
            id: self.id,
            match_id: self.match_id,
            participant_id: self.participant_id,
            side: self.side,
            period: self.period,
            due_at: self.due_at,
            sent_at: self.sent_at,
            reminded_at: self.reminded_at,
            answered_at: self.answered_at,
            recorded_by: self.recorded_by,
            answer,
            created_at: self.created_at,
        })
    }
}

fn into_checkins(rows: Vec<CheckinRow>) -> Result<Vec<Checkin>, DbError> {
    rows.into_iter().map(CheckinRow::into_checkin).collect()
}

fn json_list(codes: &[String]) -> Result<String, DbError> {
    Ok(serde_json::to_string(codes).context("writing domain codes as JSON")?)
}

/// Records that a check-in is due for one side of a match in `period`; returns its id, or None
/// when that (match, side, period) exists already (scheduled before, or by another instance at
/// the same moment: the caller then sends nothing).
///
/// The insert runs in a savepoint: on PostgreSQL a refused insert would otherwise abort the
/// caller's whole transaction.
///
/// # Errors
/// The insert fails for another reason than the duplicate.
pub fn schedule(
    conn: &mut DbConnection,
    match_id: i32,
    participant_id: i32,
    side: Side,
    period: i32,
    due_at: NaiveDateTime,
) -> Result<Option<i32>, DbError> {
    let inserted = conn.transaction::<i32, diesel::result::Error, _>(|c| {
        diesel::insert_into(checkins::table)
            .values((
                checkins::match_id.eq(match_id),
                checkins::participant_id.eq(participant_id),
                checkins::side.eq(side.code()),
                checkins::period.eq(period),
                checkins::due_at.eq(due_at),
                checkins::created_at.eq(due_at),
            ))
            .returning(checkins::id)
            .get_result::<i32>(c)
    });
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(e) => {
            let e = DbError::from(anyhow::Error::new(e).context(format!(
                "scheduling check-in {period} of the {side} of match {match_id}"
            )));
            if e.is_unique_violation() {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// The check-in with this id.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Checkin>, DbError> {
    checkins::table
        .find(id)
        .select(CheckinRow::as_select())
        .first(conn)
        .optional()
        .with_context(|| format!("reading check-in {id}"))?
        .map(CheckinRow::into_checkin)
        .transpose()
}

/// Both sides' check-ins of a match, by period (oldest first), seeker before buddy.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn for_match(conn: &mut DbConnection, match_id: i32) -> Result<Vec<Checkin>, DbError> {
    let rows = checkins::table
        .filter(checkins::match_id.eq(match_id))
        // "seeker" sorts after "buddy": descending puts the seeker first.
        .order((
            checkins::period.asc(),
            checkins::side.desc(),
            checkins::id.asc(),
        ))
        .select(CheckinRow::as_select())
        .load(conn)
        .with_context(|| format!("reading the check-ins of match {match_id}"))?;
    into_checkins(rows)
}

/// The check-ins a person was asked (their own answers only, never the partner's), oldest first:
/// for their data export.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn for_participant(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<Vec<Checkin>, DbError> {
    let rows = checkins::table
        .filter(checkins::participant_id.eq(participant_id))
        .order((checkins::match_id.asc(), checkins::period.asc()))
        .select(CheckinRow::as_select())
        .load(conn)
        .with_context(|| format!("reading the check-ins of participant {participant_id}"))?;
    into_checkins(rows)
}

/// The highest period scheduled or recorded for one side of a match (None: none yet).
///
/// # Errors
/// A failed query.
pub fn last_period(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
) -> Result<Option<i32>, DbError> {
    Ok(checkins::table
        .filter(checkins::match_id.eq(match_id))
        .filter(checkins::side.eq(side.code()))
        .select(max(checkins::period))
        .first(conn)
        .with_context(|| format!("reading the last check-in period of match {match_id}"))?)
}

/// The highest period scheduled or recorded of each of these matches (matches without any are
/// left out): one query for a page of the scheduler's pass.
///
/// # Errors
/// A failed query.
pub fn last_periods(
    conn: &mut DbConnection,
    match_ids: &[i32],
) -> Result<HashMap<i32, i32>, DbError> {
    let rows: Vec<(i32, Option<i32>)> = checkins::table
        .filter(checkins::match_id.eq_any(match_ids))
        .group_by(checkins::match_id)
        .select((checkins::match_id, max(checkins::period)))
        .load(conn)
        .context("reading the last check-in periods of a page of matches")?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, period)| period.map(|p| (id, p)))
        .collect())
}

/// What the stage rules read of one answered check-in.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = checkins)]
pub struct AnsweredFacts {
    /// The match.
    pub match_id: i32,
    /// Who answered.
    pub side: Side,
    /// When (always set: only answered rows are read).
    pub answered_at: Option<NaiveDateTime>,
    /// Met since last time.
    pub met: Option<Met>,
    /// Trust rating.
    pub trust: Option<i32>,
    /// Domains given in, as a JSON list (`[]` for none).
    pub gave: String,
    /// Domains received in, as a JSON list.
    pub received: String,
    /// Will carry on without the programme.
    pub carry_on_without_programme: bool,
}

impl AnsweredFacts {
    /// Whether a JSON list column names at least one domain (without parsing it: `[]` is none).
    #[must_use]
    pub fn lists_something(json: &str) -> bool {
        json.trim() != "[]" && !json.trim().is_empty()
    }
}

/// The answered check-ins of these matches, by match and answer time: one query for a page of
/// the scheduler's pass.
///
/// # Errors
/// A failed query.
pub fn answered_facts(
    conn: &mut DbConnection,
    match_ids: &[i32],
) -> Result<Vec<AnsweredFacts>, DbError> {
    Ok(checkins::table
        .filter(checkins::match_id.eq_any(match_ids))
        .filter(checkins::answered_at.is_not_null())
        .order((
            checkins::match_id.asc(),
            checkins::answered_at.asc(),
            checkins::id.asc(),
        ))
        .select(AnsweredFacts::as_select())
        .load(conn)
        .context("reading the answered check-ins of a page of matches")?)
}

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
        super::answer_links::relink_checkin(conn, id)?;
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

/// Check-ins due at `now` whose email has not gone yet, of active matches that are not paused
/// (of one programme or of all), oldest due first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn due_to_send(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::sent_at.is_null())
        .filter(checkins::answered_at.is_null())
        .filter(checkins::due_at.le(now))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(matches::paused_until.is_null())
        .order((checkins::due_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding check-ins to send")?;
    into_checkins(rows)
}

/// Exit questions (period [`EXIT_PERIOD`]) of closed matches whose email has not gone yet (of
/// one programme or of all), oldest first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn exits_to_send(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::period.eq(EXIT_PERIOD))
        .filter(checkins::sent_at.is_null())
        .filter(checkins::answered_at.is_null())
        .filter(matches::status.eq(MatchStatus::Closed.code()))
        .order((checkins::due_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding exit questions to send")?;
    into_checkins(rows)
}

/// Claims the sending of check-in `id`: false when it was sent already (by this or another
/// instance) or answered meanwhile.
///
/// # Errors
/// The update fails.
pub fn claim_send(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> Result<bool, DbError> {
    let claimed = diesel::update(
        checkins::table
            .find(id)
            .filter(checkins::sent_at.is_null())
            .filter(checkins::answered_at.is_null()),
    )
    .set(checkins::sent_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("claiming the sending of check-in {id}"))?;
    Ok(claimed == 1)
}

/// Claims the one reminder of check-in `id`: false when it was reminded already (by this or
/// another instance) or is answered.
///
/// # Errors
/// The update fails.
pub fn claim_reminder(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let claimed = diesel::update(
        checkins::table
            .find(id)
            .filter(checkins::reminded_at.is_null())
            .filter(checkins::answered_at.is_null()),
    )
    .set(checkins::reminded_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("claiming the reminder of check-in {id}"))?;
    Ok(claimed == 1)
}

/// Check-ins sent between the two times (inclusive), not answered and not reminded, of active matches that are
/// not paused (of one programme or of all), oldest sent first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn due_for_reminder(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    sent_between: (NaiveDateTime, NaiveDateTime),
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::answered_at.is_null())
        .filter(checkins::reminded_at.is_null())
        .filter(checkins::sent_at.ge(sent_between.0))
        .filter(checkins::sent_at.le(sent_between.1))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(matches::paused_until.is_null())
        .order((checkins::sent_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding check-ins to remind")?;
    into_checkins(rows)
}

/// Check-ins of a programme's matches (any status: exit questions come after the close) whose
/// email went out at or before `up_to` and that have no answer yet, oldest sent first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn open_sent(
    conn: &mut DbConnection,
    programme_id: i32,
    up_to: NaiveDateTime,
) -> Result<Vec<Checkin>, DbError> {
    let rows = checkins::table
        .inner_join(matches::table)
        .filter(matches::programme_id.eq(programme_id))
        .filter(checkins::answered_at.is_null())
        .filter(checkins::sent_at.le(up_to))
        .order((checkins::sent_at.asc(), checkins::id.asc()))
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding the open check-ins of a programme")?;
    into_checkins(rows)
}
