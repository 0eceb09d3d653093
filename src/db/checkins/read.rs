//! Reading check-ins: by id, a match's, a person's, and the answered facts the stage rules
//! read.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{into_checkins, Checkin, CheckinRow};
use crate::db::schema::checkins;
use crate::db::{DbConnection, DbError};
use crate::domain::{Met, Side};

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
