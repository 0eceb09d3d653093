//! A live match's place on the connections continuum: the facts the stage rules read, the stage
//! and its history, pausing and closing, coordinator notes and concerns.
//!
//! Changes are conditional updates (the stage only when it differs, a close only of a live
//! match, a concern handled once), so two app instances running the scheduler at the same time
//! never write the same change twice.

use std::collections::HashSet;

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::matches::LIVE_STATUSES;
use super::schema::{
    concerns, match_notes, match_stage_changes, matches, participants, programmes,
};
use super::{DbConnection, DbError};
use crate::domain::{CloseReason, MatchStatus, Role, Side, Stage};

/// An active match with what the stage rules need to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = matches)]
pub struct LiveMatch {
    /// Match id.
    pub id: i32,
    /// Programme.
    pub programme_id: i32,
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// Always active here.
    pub status: MatchStatus,
    /// The stage stored last (None: activated before stages were kept).
    pub stage: Option<Stage>,
    /// When both accepted.
    pub active_since: Option<NaiveDateTime>,
    /// Since when the stage holds.
    pub stage_since: Option<NaiveDateTime>,
    /// Paused until this day.
    pub paused_until: Option<NaiveDate>,
    /// When it was closed.
    pub closed_at: Option<NaiveDateTime>,
    /// Why it was closed.
    pub close_reason: Option<CloseReason>,
    /// When the scheduler last computed its stage.
    pub stage_checked_at: Option<NaiveDateTime>,
    /// When it last started again after a pause.
    pub resumed_at: Option<NaiveDateTime>,
}

/// A programme's settings for the stage rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable)]
pub struct Thresholds {
    /// Days between check-ins.
    pub checkin_every_days: i32,
    /// Periods without a meeting or an answer before a match is stalled.
    pub stall_periods: i32,
    /// Lowest trust rating that counts towards `building_trust`.
    pub trust_threshold: i32,
    /// Consecutive periods with a meeting that count as meeting regularly.
    pub regular_periods: i32,
}

/// Up to `limit` active matches with an id above `after_id` (a page of the scheduler's pass),
/// of one programme or of all, by id.
///
/// # Errors
/// A failed query.
pub fn live_matches(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    after_id: i32,
    limit: i64,
) -> Result<Vec<LiveMatch>, DbError> {
    let mut query = matches::table
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(matches::id.gt(after_id))
        .into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    Ok(query
        .order(matches::id.asc())
        .limit(limit)
        .select(LiveMatch::as_select())
        .load(conn)
        .context("reading live matches")?)
}

/// Of these seekers, the ones whose role is now `receiving`: an arriving member who became a
/// buddy or volunteer (a stage rule: the match is then `independent`).
///
/// # Errors
/// A failed query.
pub fn seekers_now_receiving(
    conn: &mut DbConnection,
    seeker_ids: &[i32],
) -> Result<HashSet<i32>, DbError> {
    let ids: Vec<i32> = participants::table
        .filter(participants::id.eq_any(seeker_ids))
        .filter(participants::role.eq(Role::Receiving.code()))
        .select(participants::id)
        .load(conn)
        .context("reading which seekers became receiving members")?;
    Ok(ids.into_iter().collect())
}

/// The live-match facts of one match, whatever its status.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, match_id: i32) -> Result<Option<LiveMatch>, DbError> {
    Ok(matches::table
        .find(match_id)
        .select(LiveMatch::as_select())
        .first(conn)
        .optional()
        .with_context(|| format!("reading the continuum facts of match {match_id}"))?)
}

/// The stage rules' thresholds of a programme.
///
/// # Errors
/// A failed query.
pub fn thresholds(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Option<Thresholds>, DbError> {
    Ok(programmes::table
        .find(programme_id)
        .select((
            programmes::checkin_every_days,
            programmes::stall_periods,
            programmes::trust_threshold,
            programmes::regular_periods,
        ))
        .first(conn)
        .optional()
        .with_context(|| format!("reading the continuum thresholds of programme {programme_id}"))?)
}

/// Sets the stage of a match and keeps the change in its history, only when it differs from the
/// stored one; returns whether it changed. `by` is the coordinator who changed it (None: the
/// scheduler or the participants).
///
/// # Errors
/// A failed query.
pub fn set_stage(
    conn: &mut DbConnection,
    match_id: i32,
    stage: Stage,
    at: NaiveDateTime,
    by: Option<i32>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::stage.is_null().or(matches::stage.ne(stage.code()))),
    )
    .set((
        matches::stage.eq(Some(stage.code())),
        matches::stage_since.eq(Some(at)),
        matches::updated_at.eq(at),
    ))
    .execute(conn)
    .with_context(|| format!("setting the stage of match {match_id} to {stage}"))?;
    if changed == 1 {
        record_stage_change(conn, match_id, stage, at, by)?;
    }
    Ok(changed == 1)
}

/// Adds one entry to a match's stage history (the caller has changed `matches.stage`).
///
/// # Errors
/// The insert fails.
pub fn record_stage_change(
    conn: &mut DbConnection,
    match_id: i32,
    stage: Stage,
    at: NaiveDateTime,
    by: Option<i32>,
) -> Result<(), DbError> {
    diesel::insert_into(match_stage_changes::table)
        .values((
            match_stage_changes::match_id.eq(match_id),
            match_stage_changes::stage.eq(stage.code()),
            match_stage_changes::changed_at.eq(at),
            match_stage_changes::changed_by.eq(by),
        ))
        .execute(conn)
        .with_context(|| format!("recording stage {stage} of match {match_id}"))?;
    // Each entry ends when the next one (in time) begins: the outcomes count the stages at past
    // dates from these spans. Recomputed for the whole (short) history, so that an entry
    // written with an earlier time than the last one (a simulated history) still fits.
    diesel::sql_query(format!(
        "UPDATE match_stage_changes SET ended_at = COALESCE((SELECT MIN(n.changed_at) \
           FROM match_stage_changes n WHERE n.match_id = match_stage_changes.match_id \
           AND (n.changed_at > match_stage_changes.changed_at \
                OR (n.changed_at = match_stage_changes.changed_at \
                    AND n.id > match_stage_changes.id))), {open}) \
         WHERE match_id = {match_id}",
        open = super::answer_links::OPEN_END
    ))
    .execute(conn)
    .with_context(|| format!("ending the stages of match {match_id} in turn"))?;
    Ok(())
}

/// Notes when the scheduler last computed the stage of a match (changed or not).
///
/// # Errors
/// The update fails.
pub fn mark_checked(
    conn: &mut DbConnection,
    match_id: i32,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(matches::table.find(match_id))
        .set(matches::stage_checked_at.eq(Some(at)))
        .execute(conn)
        .with_context(|| format!("noting the stage check of match {match_id}"))?;
    Ok(())
}

/// One change of a match's stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = match_stage_changes)]
pub struct StageChange {
    /// The new stage.
    pub stage: Stage,
    /// When.
    pub changed_at: NaiveDateTime,
    /// The coordinator who changed it (None: the scheduler or the participants).
    pub changed_by: Option<i32>,
}

/// A match's stage history, oldest first.
///
/// # Errors
/// A failed query.
pub fn stage_history(conn: &mut DbConnection, match_id: i32) -> Result<Vec<StageChange>, DbError> {
    Ok(match_stage_changes::table
        .filter(match_stage_changes::match_id.eq(match_id))
        .order((
            match_stage_changes::changed_at.asc(),
            match_stage_changes::id.asc(),
        ))
        .select(StageChange::as_select())
        .load(conn)
        .with_context(|| format!("reading the stage history of match {match_id}"))?)
}

/// Pauses an active match until a day (stage `paused`, kept in the history); false when it is
/// not active. Pausing a paused match moves the day.
///
/// # Errors
/// A failed query.
pub fn pause(
    conn: &mut DbConnection,
    match_id: i32,
    until: NaiveDate,
    at: NaiveDateTime,
    by: Option<i32>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::status.eq(MatchStatus::Active.code())),
    )
    .set((
        matches::paused_until.eq(Some(until)),
        matches::updated_at.eq(at),
    ))
    .execute(conn)
    .with_context(|| format!("pausing match {match_id}"))?;
    if changed == 1 {
        set_stage(conn, match_id, Stage::Paused, at, by)?;
    }
    Ok(changed == 1)
}

/// Ends the pause of an active match; false when it was not paused. The stored stage stays
/// `paused` until the caller sets the one the stage rules give now.
///
/// # Errors
/// A failed query.
pub fn resume(conn: &mut DbConnection, match_id: i32, at: NaiveDateTime) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::status.eq(MatchStatus::Active.code()))
            .filter(matches::paused_until.is_not_null()),
    )
    .set((
        matches::paused_until.eq(None::<NaiveDate>),
        matches::resumed_at.eq(Some(at)),
        matches::updated_at.eq(at),
    ))
    .execute(conn)
    .with_context(|| format!("resuming match {match_id}"))?;
    Ok(changed == 1)
}

/// Closes a live (approved or active) match with a neutral reason: status `closed`, stage
/// `closed` (kept in the history); false when it was not live. Re-matching (pair forbidden,
/// seeker back in the pool) is the caller's, in the same transaction.
///
/// # Errors
/// A failed query.
pub fn close(
    conn: &mut DbConnection,
    match_id: i32,
    reason: CloseReason,
    at: NaiveDateTime,
    by: Option<i32>,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::status.eq_any(LIVE_STATUSES)),
    )
    .set((
        matches::status.eq(MatchStatus::Closed.code()),
        matches::close_reason.eq(Some(reason.code())),
        matches::closed_at.eq(Some(at)),
        matches::paused_until.eq(None::<NaiveDate>),
        matches::updated_at.eq(at),
    ))
    .execute(conn)
    .with_context(|| format!("closing match {match_id} ({reason})"))?;
    if changed == 1 {
        set_stage(conn, match_id, Stage::Closed, at, by)?;
    }
    Ok(changed == 1)
}

/// A coordinator's note on a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = match_notes)]
pub struct MatchNote {
    /// Id.
    pub id: i32,
    /// The match.
    pub match_id: i32,
    /// The coordinator who wrote it (None: their account is gone).
    pub author_id: Option<i32>,
    /// The text.
    pub body: String,
    /// When.
    pub created_at: NaiveDateTime,
}

/// Adds a coordinator's note to a match; returns its id.
///
/// # Errors
/// The insert fails.
pub fn add_note(
    conn: &mut DbConnection,
    match_id: i32,
    author_id: i32,
    body: &str,
    at: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(match_notes::table)
        .values((
            match_notes::match_id.eq(match_id),
            match_notes::author_id.eq(Some(author_id)),
            match_notes::body.eq(body),
            match_notes::created_at.eq(at),
        ))
        .returning(match_notes::id)
        .get_result(conn)
        .with_context(|| format!("adding a note to match {match_id}"))?)
}

/// A match's notes, oldest first.
///
/// # Errors
/// A failed query.
pub fn notes_for(conn: &mut DbConnection, match_id: i32) -> Result<Vec<MatchNote>, DbError> {
    Ok(match_notes::table
        .filter(match_notes::match_id.eq(match_id))
        .order((match_notes::created_at.asc(), match_notes::id.asc()))
        .select(MatchNote::as_select())
        .load(conn)
        .with_context(|| format!("reading the notes of match {match_id}"))?)
}

/// A concern to store (safeguarding or a complaint), raised by a participant or noted by a
/// coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConcern<'a> {
    /// Programme.
    pub programme_id: i32,
    /// The match it is about, if any.
    pub match_id: Option<i32>,
    /// The participant who raised it (None: a coordinator noted it).
    pub raised_by_participant: Option<i32>,
    /// Their side of the match.
    pub side: Option<Side>,
    /// What they said.
    pub body: &'a str,
}

/// A stored concern. Never shown to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = concerns)]
pub struct Concern {
    /// Id.
    pub id: i32,
    /// Programme.
    pub programme_id: i32,
    /// The match it is about.
    pub match_id: Option<i32>,
    /// The participant who raised it.
    pub raised_by_participant: Option<i32>,
    /// Their side of the match.
    pub side: Option<Side>,
    /// What they said.
    pub body: String,
    /// When.
    pub created_at: NaiveDateTime,
    /// When a coordinator marked it handled.
    pub handled_at: Option<NaiveDateTime>,
    /// Who.
    pub handled_by: Option<i32>,
}

/// Stores a concern; returns its id.
///
/// # Errors
/// The insert fails.
pub fn raise_concern(
    conn: &mut DbConnection,
    concern: &NewConcern<'_>,
    at: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(concerns::table)
        .values((
            concerns::programme_id.eq(concern.programme_id),
            concerns::match_id.eq(concern.match_id),
            concerns::raised_by_participant.eq(concern.raised_by_participant),
            concerns::side.eq(concern.side.map(Side::code)),
            concerns::body.eq(concern.body),
            concerns::created_at.eq(at),
        ))
        .returning(concerns::id)
        .get_result(conn)
        .with_context(|| format!("storing a concern in programme {}", concern.programme_id))?)
}

/// A programme's concerns not handled yet, oldest first.
///
/// # Errors
/// A failed query.
pub fn open_concerns(conn: &mut DbConnection, programme_id: i32) -> Result<Vec<Concern>, DbError> {
    Ok(concerns::table
        .filter(concerns::programme_id.eq(programme_id))
        .filter(concerns::handled_at.is_null())
        .order((concerns::created_at.asc(), concerns::id.asc()))
        .select(Concern::as_select())
        .load(conn)
        .with_context(|| format!("reading the open concerns of programme {programme_id}"))?)
}

/// The concerns about one match, oldest first.
///
/// # Errors
/// A failed query.
pub fn concerns_of_match(conn: &mut DbConnection, match_id: i32) -> Result<Vec<Concern>, DbError> {
    Ok(concerns::table
        .filter(concerns::match_id.eq(match_id))
        .order((concerns::created_at.asc(), concerns::id.asc()))
        .select(Concern::as_select())
        .load(conn)
        .with_context(|| format!("reading the concerns about match {match_id}"))?)
}

/// The concerns a participant raised, oldest first (for their data export).
///
/// # Errors
/// A failed query.
pub fn concerns_raised_by(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<Vec<Concern>, DbError> {
    Ok(concerns::table
        .filter(concerns::raised_by_participant.eq(participant_id))
        .order((concerns::created_at.asc(), concerns::id.asc()))
        .select(Concern::as_select())
        .load(conn)
        .with_context(|| format!("reading the concerns raised by participant {participant_id}"))?)
}

/// Marks a concern handled; false when it was handled already.
///
/// # Errors
/// The update fails.
pub fn mark_handled(
    conn: &mut DbConnection,
    id: i32,
    by: i32,
    at: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        concerns::table
            .find(id)
            .filter(concerns::handled_at.is_null()),
    )
    .set((
        concerns::handled_at.eq(Some(at)),
        concerns::handled_by.eq(Some(by)),
    ))
    .execute(conn)
    .with_context(|| format!("marking concern {id} handled"))?;
    Ok(changed == 1)
}
