//! The introduction part of a match's life on the `matches` table: each side's answer, the step
//! to active when both said yes, the one reminder, and the pairs still waiting. Every update is
//! conditional on the match still being approved, so two requests (or two app instances) never
//! both change it.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::continuum;
use super::matches::Match;
use super::schema::{matches, programmes};
use super::{DbConnection, DbError};
use crate::domain::{IntroductionAnswer, MatchStatus, Side, Stage};

/// Stores a yes from one side of an approved match that side had not answered; false when the
/// match is no longer waiting for that answer.
///
/// # Errors
/// The update fails.
pub fn accept(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = matches::table
        .find(match_id)
        .filter(matches::status.eq(MatchStatus::Approved.code()));
    let yes = Some(IntroductionAnswer::Accepted.code());
    let changed = match side {
        Side::Seeker => diesel::update(target.filter(matches::seeker_response.is_null()))
            .set((
                matches::seeker_response.eq(yes),
                matches::updated_at.eq(now),
            ))
            .execute(conn),
        Side::Buddy => diesel::update(target.filter(matches::buddy_response.is_null()))
            .set((matches::buddy_response.eq(yes), matches::updated_at.eq(now)))
            .execute(conn),
    }
    .with_context(|| format!("storing an acceptance of match {match_id}"))?;
    Ok(changed == 1)
}

/// Approved -> active since `now`, at the first stage of the continuum (kept in the stage
/// history); false when it was not approved.
///
/// # Errors
/// The update fails.
pub fn activate(
    conn: &mut DbConnection,
    match_id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::status.eq(MatchStatus::Approved.code())),
    )
    .set((
        matches::status.eq(MatchStatus::Active.code()),
        matches::stage.eq(Some(Stage::Introduced.code())),
        matches::active_since.eq(Some(now)),
        matches::stage_since.eq(Some(now)),
        matches::updated_at.eq(now),
    ))
    .execute(conn)
    .with_context(|| format!("activating match {match_id}"))?;
    if changed == 1 {
        continuum::record_stage_change(conn, match_id, Stage::Introduced, now, None)?;
    }
    Ok(changed == 1)
}

/// Stores a no from one side: the approved match becomes declined with the reason; false when it
/// was not approved any more.
///
/// # Errors
/// The update fails.
pub fn decline(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = matches::table
        .find(match_id)
        .filter(matches::status.eq(MatchStatus::Approved.code()));
    let no = Some(IntroductionAnswer::Declined.code());
    let common = (
        matches::status.eq(MatchStatus::Declined.code()),
        matches::reject_reason.eq(reason),
        matches::updated_at.eq(now),
    );
    let changed = match side {
        Side::Seeker => diesel::update(target)
            .set((common, matches::seeker_response.eq(no)))
            .execute(conn),
        Side::Buddy => diesel::update(target)
            .set((common, matches::buddy_response.eq(no)))
            .execute(conn),
    }
    .with_context(|| format!("storing a decline of match {match_id}"))?;
    Ok(changed == 1)
}

/// Approved matches not yet reminded with an answer missing: (id, approved at, the programme's
/// days to answer).
///
/// # Errors
/// The query fails.
pub fn reminder_candidates(
    conn: &mut DbConnection,
) -> Result<Vec<(i32, NaiveDateTime, i32)>, DbError> {
    Ok(matches::table
        .inner_join(programmes::table.on(programmes::id.eq(matches::programme_id)))
        .filter(matches::status.eq(MatchStatus::Approved.code()))
        .filter(matches::reminded_at.is_null())
        .filter(
            matches::seeker_response
                .is_null()
                .or(matches::buddy_response.is_null()),
        )
        .filter(matches::decided_at.is_not_null())
        .select((
            matches::id,
            matches::decided_at.assume_not_null(),
            programmes::response_days,
        ))
        .load(conn)
        .context("finding introductions to remind")?)
}

/// Claims the one reminder of an approved match; false when it was reminded already (by this or
/// another instance) or is no longer approved.
///
/// # Errors
/// The update fails.
pub fn claim_reminder(
    conn: &mut DbConnection,
    match_id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let claimed = diesel::update(
        matches::table
            .find(match_id)
            .filter(matches::status.eq(MatchStatus::Approved.code()))
            .filter(matches::reminded_at.is_null()),
    )
    .set(matches::reminded_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("claiming the reminder of match {match_id}"))?;
    Ok(claimed == 1)
}

/// A programme's approved matches decided before `cutoff` with an answer missing, longest
/// waiting first, each with when it was reminded.
///
/// # Errors
/// The query fails.
pub fn waiting(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
) -> Result<Vec<(Match, Option<NaiveDateTime>)>, DbError> {
    let rows: Vec<Match> = matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Approved.code()))
        .filter(matches::decided_at.le(cutoff))
        .filter(
            matches::seeker_response
                .is_null()
                .or(matches::buddy_response.is_null()),
        )
        .order((matches::decided_at.asc(), matches::id.asc()))
        .select(Match::as_select())
        .load(conn)
        .context("listing waiting introductions")?;
    let reminded: Vec<(i32, Option<NaiveDateTime>)> = matches::table
        .filter(matches::id.eq_any(rows.iter().map(|m| m.id).collect::<Vec<_>>()))
        .select((matches::id, matches::reminded_at))
        .load(conn)
        .context("reading when waiting introductions were reminded")?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let at = reminded
                .iter()
                .find(|(id, _)| *id == m.id)
                .and_then(|(_, r)| *r);
            (m, at)
        })
        .collect())
}
