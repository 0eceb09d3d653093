//! Reading participants: by id, by ids, by email, a programme's confirmed people, the outline
//! of a run's people, and households.

use std::collections::HashMap;

use anyhow::Context;
use diesel::prelude::*;

use super::Participant;
use crate::db::schema::{household_members, participants};
use crate::db::{DbConnection, DbError};
use crate::domain::{Email, HouseholdMemberInput, ParticipantStatus, Phone};

/// The participant with this id.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Participant>, DbError> {
    Ok(participants::table
        .find(id)
        .select(Participant::as_select())
        .first(conn)
        .optional()?)
}

/// The participants with these ids (one query; ids not found are left out).
///
/// # Errors
/// A failed query.
pub fn by_ids(conn: &mut DbConnection, ids: &[i32]) -> Result<Vec<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::id.eq_any(ids))
        .select(Participant::as_select())
        .load(conn)
        .with_context(|| format!("reading {} participants by id", ids.len()))?)
}

/// What the review table needs of a person: a name to tell them apart and their area.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PersonOutline {
    /// First name.
    pub first_name: String,
    /// Last name (the table shows its initial).
    pub last_name: String,
    /// Area id.
    pub area: Option<String>,
}

/// The outline of everyone in a run's proposals, by id (two sub-selects, no list of ids to
/// bind, so a run of any size is one query).
///
/// # Errors
/// A failed query.
pub fn outlines_in_run(
    conn: &mut DbConnection,
    run_id: i32,
) -> Result<HashMap<i32, PersonOutline>, DbError> {
    use crate::db::schema::matches;
    let in_run = matches::table.filter(matches::run_id.eq(run_id));
    let rows: Vec<(i32, String, String, Option<String>)> = participants::table
        .filter(
            participants::id
                .eq_any(in_run.select(matches::seeker_id))
                .or(participants::id.eq_any(in_run.select(matches::buddy_id))),
        )
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
            participants::area,
        ))
        .load(conn)
        .with_context(|| format!("reading the people of run {run_id}"))?;
    Ok(rows
        .into_iter()
        .map(|(id, first_name, last_name, area)| {
            (
                id,
                PersonOutline {
                    first_name,
                    last_name,
                    area,
                },
            )
        })
        .collect())
}

/// A programme's confirmed participants, by id: the people a matching run may pair.
///
/// # Errors
/// A failed query.
pub fn confirmed_of_programme(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::status.eq(ParticipantStatus::Confirmed.code()))
        .order(participants::id.asc())
        .select(Participant::as_select())
        .load(conn)
        .with_context(|| {
            format!("reading the confirmed participants of programme {programme_id}")
        })?)
}

/// The participant with this email in this programme.
///
/// # Errors
/// A failed query.
pub fn find_by_email(
    conn: &mut DbConnection,
    programme_id: i32,
    email: &Email,
) -> Result<Option<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::email.eq(email.as_str()))
        .select(Participant::as_select())
        .first(conn)
        .optional()?)
}

/// The first participant with this phone number (E.164) in this programme.
///
/// # Errors
/// A failed query.
pub fn find_by_phone(
    conn: &mut DbConnection,
    programme_id: i32,
    phone: &Phone,
) -> Result<Option<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::phone.eq(phone.as_str()))
        .order(participants::id.asc())
        .select(Participant::as_select())
        .first(conn)
        .optional()?)
}

/// A participant's household members.
///
/// # Errors
/// A failed query.
pub fn household(conn: &mut DbConnection, id: i32) -> Result<Vec<HouseholdMemberInput>, DbError> {
    Ok(household_members::table
        .filter(household_members::participant_id.eq(id))
        .order(household_members::id.asc())
        .select((household_members::first_name, household_members::birth_year))
        .load::<(String, Option<i32>)>(conn)?
        .into_iter()
        .map(|(first_name, birth_year)| HouseholdMemberInput {
            first_name,
            birth_year,
        })
        .collect())
}

/// Household members of many participants in one query, by participant.
///
/// # Errors
/// A failed query.
pub fn households(
    conn: &mut DbConnection,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<HouseholdMemberInput>>, DbError> {
    let rows: Vec<(i32, String, Option<i32>)> = household_members::table
        .filter(household_members::participant_id.eq_any(ids))
        .order(household_members::id.asc())
        .select((
            household_members::participant_id,
            household_members::first_name,
            household_members::birth_year,
        ))
        .load(conn)
        .context("loading household members")?;
    let mut map: std::collections::HashMap<i32, Vec<HouseholdMemberInput>> =
        std::collections::HashMap::new();
    for (pid, first_name, birth_year) in rows {
        map.entry(pid).or_default().push(HouseholdMemberInput {
            first_name,
            birth_year,
        });
    }
    Ok(map)
}
