//! The `volunteer_readiness` table: one record per volunteer of what a coordinator has recorded
//! (code of conduct, trainings, background check). The rule that reads it lives in
//! `crate::coordinator::readiness`.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{participants, volunteer_readiness};
use super::{DbConnection, DbError};

/// A stored readiness record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = volunteer_readiness)]
pub struct Readiness {
    /// The volunteer.
    pub participant_id: i32,
    /// Code of conduct signed.
    pub code_of_conduct_signed_at: Option<NaiveDateTime>,
    /// Safeguarding / PSEA training.
    pub safeguarding_training_at: Option<NaiveDateTime>,
    /// Psychological first aid training (recorded, not required).
    pub first_aid_training_at: Option<NaiveDateTime>,
    /// Child safeguarding training.
    pub child_safeguarding_training_at: Option<NaiveDateTime>,
    /// Background check.
    pub background_check_at: Option<NaiveDateTime>,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A participant's readiness record, if one was recorded.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, participant_id: i32) -> Result<Option<Readiness>, DbError> {
    Ok(volunteer_readiness::table
        .find(participant_id)
        .select(Readiness::as_select())
        .first(conn)
        .optional()
        .with_context(|| format!("reading the readiness of participant {participant_id}"))?)
}

/// Every readiness record of a programme's participants, by participant id (one query for a
/// whole matching run).
///
/// # Errors
/// A failed query.
pub fn for_programme(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<HashMap<i32, Readiness>, DbError> {
    let rows: Vec<Readiness> = volunteer_readiness::table
        .inner_join(participants::table)
        .filter(participants::programme_id.eq(programme_id))
        .select(Readiness::as_select())
        .load(conn)
        .with_context(|| format!("reading the readiness records of programme {programme_id}"))?;
    Ok(rows.into_iter().map(|r| (r.participant_id, r)).collect())
}

/// The readiness records of these participants, by id (one list page at a time).
///
/// # Errors
/// A failed query.
pub fn for_ids(conn: &mut DbConnection, ids: &[i32]) -> Result<HashMap<i32, Readiness>, DbError> {
    let rows: Vec<Readiness> = volunteer_readiness::table
        .filter(volunteer_readiness::participant_id.eq_any(ids))
        .select(Readiness::as_select())
        .load(conn)
        .with_context(|| format!("reading the readiness of {} participants", ids.len()))?;
    Ok(rows.into_iter().map(|r| (r.participant_id, r)).collect())
}

/// Stores `record` (replacing the volunteer's record if there is one) and sets the volunteer's
/// `safeguarding_cleared` to `cleared`. Call inside a write transaction.
///
/// # Errors
/// A failed query.
pub fn save(conn: &mut DbConnection, record: &Readiness, cleared: bool) -> Result<(), DbError> {
    let participant_id = record.participant_id;
    let values = (
        volunteer_readiness::code_of_conduct_signed_at.eq(record.code_of_conduct_signed_at),
        volunteer_readiness::safeguarding_training_at.eq(record.safeguarding_training_at),
        volunteer_readiness::first_aid_training_at.eq(record.first_aid_training_at),
        volunteer_readiness::child_safeguarding_training_at
            .eq(record.child_safeguarding_training_at),
        volunteer_readiness::background_check_at.eq(record.background_check_at),
        volunteer_readiness::updated_at.eq(record.updated_at),
    );
    if find(conn, participant_id)?.is_some() {
        diesel::update(volunteer_readiness::table.find(participant_id))
            .set(values)
            .execute(conn)
            .with_context(|| format!("updating the readiness of participant {participant_id}"))?;
    } else {
        diesel::insert_into(volunteer_readiness::table)
            .values((
                volunteer_readiness::participant_id.eq(participant_id),
                values,
            ))
            .execute(conn)
            .with_context(|| format!("storing the readiness of participant {participant_id}"))?;
    }
    diesel::update(participants::table.find(participant_id))
        .set(participants::safeguarding_cleared.eq(cleared))
        .execute(conn)
        .with_context(|| format!("updating the clearance of participant {participant_id}"))?;
    Ok(())
}

/// Deletes a participant's readiness record (erasure).
///
/// # Errors
/// The delete fails.
pub fn delete(conn: &mut DbConnection, participant_id: i32) -> Result<(), DbError> {
    diesel::delete(
        volunteer_readiness::table.filter(volunteer_readiness::participant_id.eq(participant_id)),
    )
    .execute(conn)
    .with_context(|| format!("deleting the readiness of participant {participant_id}"))?;
    Ok(())
}
