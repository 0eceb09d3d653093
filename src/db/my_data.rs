//! The queries behind a participant's own data (`crate::introductions::my_data`): the matches
//! shown to them, their role history, withdrawal, erasure and the anonymous erasure counts.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::Serialize;

use super::matches::{Match, LIVE_STATUSES};
use super::schema::{consents, erasures, matches, pair_rules, role_history};
use super::{DbConnection, DbError};
use crate::domain::MatchStatus;

/// The person's matches in a status shown to participants, newest first.
///
/// # Errors
/// A failed query.
pub fn shown_matches(conn: &mut DbConnection, participant_id: i32) -> Result<Vec<Match>, DbError> {
    Ok(matches::table
        .filter(
            matches::seeker_id
                .eq(participant_id)
                .or(matches::buddy_id.eq(participant_id)),
        )
        .filter(matches::status.eq_any(MatchStatus::codes(MatchStatus::SHOWN_TO_PARTICIPANT)))
        .order(matches::id.desc())
        .select(Match::as_select())
        .load(conn)
        .with_context(|| format!("reading the matches of participant {participant_id}"))?)
}

/// One entry of a person's role history, serialised as is into their data export.
#[derive(Debug, Clone, Serialize, Queryable)]
pub struct RoleRecord {
    /// `arriving` or `receiving`.
    pub role: String,
    /// Offered to be a buddy.
    pub volunteer: bool,
    /// From when.
    pub since: NaiveDateTime,
}

/// A participant's role history, oldest first.
///
/// # Errors
/// A failed query.
pub fn role_history(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<Vec<RoleRecord>, DbError> {
    Ok(role_history::table
        .filter(role_history::participant_id.eq(participant_id))
        .order(role_history::id.asc())
        .select((
            role_history::role,
            role_history::volunteer,
            role_history::since,
        ))
        .load(conn)
        .with_context(|| format!("reading the role history of participant {participant_id}"))?)
}

/// The person's live matches: (match id, seeker id, buddy id).
///
/// # Errors
/// A failed query.
pub fn live_matches(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<Vec<(i32, i32, i32)>, DbError> {
    Ok(matches::table
        .filter(
            matches::seeker_id
                .eq(participant_id)
                .or(matches::buddy_id.eq(participant_id)),
        )
        .filter(matches::status.eq_any(LIVE_STATUSES))
        .select((matches::id, matches::seeker_id, matches::buddy_id))
        .load(conn)
        .with_context(|| format!("reading the live matches of participant {participant_id}"))?)
}

/// Notes why a closed match ended from the person's side (`withdrawn`, `erased`) next to its
/// neutral close reason.
///
/// # Errors
/// The update fails.
pub fn note_close_cause(
    conn: &mut DbConnection,
    id: i32,
    code: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(matches::table.find(id))
        .set((
            matches::reject_reason.eq(Some(code)),
            matches::updated_at.eq(now),
        ))
        .execute(conn)
        .with_context(|| format!("noting why match {id} closed"))?;
    Ok(())
}

/// Marks the open proposals involving the person `superseded`.
///
/// # Errors
/// The update fails.
pub fn supersede_proposals(
    conn: &mut DbConnection,
    participant_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        matches::table
            .filter(
                matches::seeker_id
                    .eq(participant_id)
                    .or(matches::buddy_id.eq(participant_id)),
            )
            .filter(matches::status.eq(MatchStatus::Proposed.code())),
    )
    .set((
        matches::status.eq(MatchStatus::Superseded.code()),
        matches::updated_at.eq(now),
    ))
    .execute(conn)
    .with_context(|| format!("dropping the proposals of participant {participant_id}"))?;
    Ok(())
}

/// Sets `withdrawn_at` on every consent of the person not withdrawn yet.
///
/// # Errors
/// The update fails.
pub fn withdraw_consents(
    conn: &mut DbConnection,
    participant_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        consents::table
            .filter(consents::participant_id.eq(participant_id))
            .filter(consents::withdrawn_at.is_null()),
    )
    .set(consents::withdrawn_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("withdrawing the consents of participant {participant_id}"))?;
    Ok(())
}

/// The anonymous record of one erasure.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = erasures)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewErasure<'a> {
    /// Programme.
    pub programme_id: i32,
    /// The erased person's role.
    pub role: &'a str,
    /// Whether they volunteered.
    pub volunteer: bool,
    /// Whether they had a live match.
    pub was_matched: bool,
    /// When.
    pub erased_at: NaiveDateTime,
}

/// Stores the anonymous record of an erasure.
///
/// # Errors
/// The insert fails.
pub fn record_erasure(conn: &mut DbConnection, erasure: &NewErasure<'_>) -> Result<(), DbError> {
    diesel::insert_into(erasures::table)
        .values(erasure)
        .execute(conn)
        .context("recording an erasure")?;
    Ok(())
}

/// Deletes every match the person was in and every pair rule naming them (erasure).
///
/// # Errors
/// A delete fails.
pub fn delete_matches_and_pair_rules(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<(), DbError> {
    let partners = super::answer_links::partners_of(conn, participant_id)?;
    diesel::delete(
        matches::table.filter(
            matches::seeker_id
                .eq(participant_id)
                .or(matches::buddy_id.eq(participant_id)),
        ),
    )
    .execute(conn)
    .with_context(|| format!("deleting the matches of participant {participant_id}"))?;
    diesel::delete(
        pair_rules::table.filter(
            pair_rules::seeker_id
                .eq(participant_id)
                .or(pair_rules::buddy_id.eq(participant_id)),
        ),
    )
    .execute(conn)
    .with_context(|| format!("deleting the pair rules of participant {participant_id}"))?;
    // The partners' answers about those matches went with them.
    super::answer_links::relink(conn, &partners)?;
    Ok(())
}

/// Anonymous erasure counts of a programme: (role, volunteer, how many).
///
/// # Errors
/// A failed query.
pub fn erasure_counts(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<(String, bool, i64)>, DbError> {
    Ok(erasures::table
        .filter(erasures::programme_id.eq(programme_id))
        .group_by((erasures::role, erasures::volunteer))
        .select((erasures::role, erasures::volunteer, count_star()))
        .order((erasures::role.asc(), erasures::volunteer.asc()))
        .load(conn)
        .with_context(|| format!("counting the erasures of programme {programme_id}"))?)
}
