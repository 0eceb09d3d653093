//! Multi-row inserts of many people at once (the demo population; tens of thousands of rows in a
//! few hundred statements). The columns come from the same row types as the single insert
//! ([`super::participants::insert`]), so the two cannot drift apart.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::participants::{ConsentRow, HouseholdRow, ProfileColumns, RoleRow};
use super::schema::{consents, household_members, participants, role_history, volunteer_readiness};
use super::{batch_execute, DbConnection, DbError};
use crate::domain::{Email, NewParticipant, ParticipantStatus};

/// Rows per multi-row INSERT (35 columns x 400 rows stays under SQLite's 32766 bound values).
const BATCH: usize = 400;

/// One confirmed person with what a coordinator and time would have set.
#[derive(Debug, Clone, Copy)]
pub struct ConfirmedPerson<'a> {
    /// The profile.
    pub person: &'a NewParticipant,
    /// Signed up, confirmed and waiting since.
    pub since: NaiveDateTime,
    /// Cleared to buddy children.
    pub safeguarding_cleared: bool,
    /// A volunteer's readiness, recorded at `since`: `Some(true)` with the child checks,
    /// `Some(false)` without them, `None` for no record.
    pub ready: Option<bool>,
}

#[derive(Insertable)]
#[diesel(table_name = volunteer_readiness)]
#[diesel(treat_none_as_default_value = false)] // see HouseholdRow: keeps the insert one statement
struct ReadinessRow {
    participant_id: i32,
    code_of_conduct_signed_at: Option<NaiveDateTime>,
    safeguarding_training_at: Option<NaiveDateTime>,
    child_safeguarding_training_at: Option<NaiveDateTime>,
    background_check_at: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
}

/// Stores confirmed participants with their role history, consent, household and readiness,
/// in batches. Call inside a transaction.
///
/// # Errors
/// A failed insert, e.g. an email already in the programme (a unique violation).
pub fn insert_confirmed(
    conn: &mut DbConnection,
    programme_id: i32,
    people: &[ConfirmedPerson<'_>],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    for chunk in people.chunks(BATCH) {
        let rows = chunk
            .iter()
            .map(|c| {
                Ok((
                    ProfileColumns::from_profile(c.person, now)?,
                    (
                        participants::programme_id.eq(programme_id),
                        participants::safeguarding_cleared.eq(c.safeguarding_cleared),
                        participants::status.eq(ParticipantStatus::Confirmed.code()),
                        participants::confirmed_at.eq(Some(c.since)),
                        participants::waiting_since.eq(c.since),
                        participants::created_at.eq(c.since),
                    ),
                ))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        // People with an email go in one statement and their ids are read back by email
        // (portable: no multi-row RETURNING, whose row order SQLite does not promise); people
        // without one go one by one with RETURNING.
        let (with_email, without): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .zip(chunk)
            .partition(|(_, c)| c.person.email.is_some());
        let mut own_ids = Vec::with_capacity(without.len());
        for (row, _) in without {
            let id: i32 = diesel::insert_into(participants::table)
                .values(row)
                .returning(participants::id)
                .get_result(conn)?;
            own_ids.push(id);
        }
        let mut own_ids = own_ids.into_iter();
        let with_email: Vec<_> = with_email.into_iter().map(|(row, _)| row).collect();
        if !with_email.is_empty() {
            batch_execute!(
                conn,
                diesel::insert_into(participants::table).values(with_email)
            )?;
        }
        let emails: Vec<&str> = chunk
            .iter()
            .filter_map(|c| c.person.email.as_ref().map(Email::as_str))
            .collect();
        let ids: HashMap<String, i32> = participants::table
            .filter(participants::programme_id.eq(programme_id))
            .filter(participants::email.eq_any(&emails))
            .select((participants::email.assume_not_null(), participants::id))
            .load::<(String, i32)>(conn)
            .context("reading back the ids of a batch")?
            .into_iter()
            .collect();

        let mut history = Vec::with_capacity(chunk.len());
        let mut consent = Vec::with_capacity(chunk.len());
        let mut household = Vec::new();
        let mut readiness = Vec::new();
        for c in chunk {
            // Same order as inserted: the people without email took `own_ids` in turn.
            let id = match &c.person.email {
                Some(email) => ids.get(email.as_str()).copied(),
                None => own_ids.next(),
            }
            .ok_or_else(|| {
                DbError::Unexpected(anyhow::anyhow!(
                    "{} vanished after insert",
                    c.person.first_name
                ))
            })?;
            if let Some(child) = c.ready {
                let child = child.then_some(c.since);
                readiness.push(ReadinessRow {
                    participant_id: id,
                    code_of_conduct_signed_at: Some(c.since),
                    safeguarding_training_at: Some(c.since),
                    child_safeguarding_training_at: child,
                    background_check_at: child,
                    updated_at: now,
                });
            }
            history.push(RoleRow::new(id, c.person, c.since));
            consent.push(ConsentRow::new(id, c.person, c.since));
            household.extend(HouseholdRow::all(id, c.person));
        }
        batch_execute!(
            conn,
            diesel::insert_into(role_history::table).values(history)
        )?;
        batch_execute!(conn, diesel::insert_into(consents::table).values(consent))?;
        if !readiness.is_empty() {
            batch_execute!(
                conn,
                diesel::insert_into(volunteer_readiness::table).values(readiness)
            )?;
        }
        for members in household.chunks(BATCH * 4) {
            batch_execute!(
                conn,
                diesel::insert_into(household_members::table).values(members.to_vec())
            )?;
        }
    }
    Ok(())
}
