//! Storing and changing participants: insert and admit, profile updates, role changes,
//! backdating, status, a partner's erasure, and deletion.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::find;
use super::rows::{ConsentRow, HouseholdRow, ProfileColumns, RoleRow};
use crate::db::schema::{consents, household_members, participants, role_history};
use crate::db::{DbConnection, DbError};
use crate::domain::{NewParticipant, ParticipantStatus, Role};

fn replace_household(conn: &mut DbConnection, id: i32, p: &NewParticipant) -> Result<(), DbError> {
    diesel::delete(household_members::table.filter(household_members::participant_id.eq(id)))
        .execute(conn)?;
    add_household(conn, id, p)
}

fn add_household(conn: &mut DbConnection, id: i32, p: &NewParticipant) -> Result<(), DbError> {
    // One row at a time: diesel's MultiConnection has no batch insert (and households are small).
    for row in HouseholdRow::all(id, p) {
        diesel::insert_into(household_members::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Stores a new participant with status `status`, their first role-history entry, their consent
/// to the privacy notice (in their message language) and their household. Call inside a
/// transaction ([`crate::db::Db::write`]). Returns the new id.
///
/// # Errors
/// A failed insert, e.g. the email exists in this programme (a unique violation).
pub fn insert(
    conn: &mut DbConnection,
    programme_id: i32,
    p: &NewParticipant,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    let columns = ProfileColumns::from_profile(p, now)?;
    let id: i32 = diesel::insert_into(participants::table)
        .values((
            columns,
            participants::programme_id.eq(programme_id),
            participants::safeguarding_cleared.eq(false),
            participants::status.eq(status.code()),
            participants::confirmed_at.eq((status == ParticipantStatus::Confirmed).then_some(now)),
            participants::waiting_since.eq(now),
            participants::created_at.eq(now),
        ))
        .returning(participants::id)
        .get_result(conn)?;
    diesel::insert_into(role_history::table)
        .values(RoleRow::new(id, p, now))
        .execute(conn)?;
    diesel::insert_into(consents::table)
        .values(ConsentRow::new(id, p, now))
        .execute(conn)?;
    add_household(conn, id, p)?;
    Ok(id)
}

/// What became of a person offered to a programme by [`admit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admitted {
    /// Stored, with this id.
    Stored(i32),
    /// Not stored: the programme is archived.
    Closed,
    /// Not stored: the programme no longer has the chosen area (an admin removed it).
    AreaGone,
}

/// Stores a new participant as [`insert`] does, if the programme still takes people and still
/// has their area, checked with the programme row held until the transaction ends (see
/// [`crate::db::programmes::intake_now`]), so archiving or removing the area at the same moment
/// waits for this or makes this wait. Every writer of new people comes through here.
///
/// # Errors
/// As [`insert`].
pub fn admit(
    conn: &mut DbConnection,
    programme_id: i32,
    p: &NewParticipant,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<Admitted, DbError> {
    let intake = crate::db::programmes::intake_now(conn, programme_id)?;
    if intake.closed {
        return Ok(Admitted::Closed);
    }
    if p.area.as_ref().is_some_and(|a| !intake.areas.contains(a)) {
        return Ok(Admitted::AreaGone);
    }
    insert(conn, programme_id, p, status, now).map(Admitted::Stored)
}

/// What [`update`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Updated {
    /// The profile is stored.
    Stored,
    /// There is no such participant.
    NotFound,
    /// The new area was removed from the programme since the form was read; nothing changed.
    AreaGone,
}

/// Replaces a participant's profile; a change of role or volunteer offer is added to the history.
/// A new area is checked again with the programme row held, as a sign-up's is ([`admit`]): an
/// admin may have removed it since the form was read.
///
/// # Errors
/// A failed query (e.g. the new email is taken in this programme).
pub fn update(
    conn: &mut DbConnection,
    id: i32,
    p: &NewParticipant,
    now: NaiveDateTime,
) -> Result<Updated, DbError> {
    let Some(before) = find(conn, id)? else {
        return Ok(Updated::NotFound);
    };
    if let Some(area) = p.area.as_ref().filter(|a| before.area.as_ref() != Some(*a)) {
        let intake = crate::db::programmes::intake_now(conn, before.programme_id)?;
        if !intake.areas.contains(area) {
            return Ok(Updated::AreaGone);
        }
    }
    diesel::update(participants::table.find(id))
        .set(ProfileColumns::from_profile(p, now)?)
        .execute(conn)?;
    if before.role != p.role.code() || before.volunteer != p.volunteer {
        diesel::insert_into(role_history::table)
            .values(RoleRow::new(id, p, now))
            .execute(conn)?;
    }
    replace_household(conn, id, p)?;
    Ok(Updated::Stored)
}

/// Changes a participant's role and volunteer offer (e.g. an arriving member who became a
/// buddy), keeping the change in the role history; false when there is no such participant.
///
/// # Errors
/// A failed query.
pub fn change_role(
    conn: &mut DbConnection,
    id: i32,
    role: Role,
    volunteer: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(participants::table.find(id))
        .set((
            participants::role.eq(role.code()),
            participants::volunteer.eq(volunteer),
            participants::updated_at.eq(now),
        ))
        .execute(conn)
        .with_context(|| format!("changing the role of participant {id}"))?;
    if changed == 1 {
        diesel::insert_into(role_history::table)
            .values(RoleRow {
                participant_id: id,
                role: role.code().to_owned(),
                volunteer,
                since: now,
            })
            .execute(conn)
            .with_context(|| format!("keeping the role change of participant {id}"))?;
    }
    Ok(changed == 1)
}

/// Moves a participant's sign-up, confirmation, waiting start and first role back to `at` when
/// they are later (the demo's history: people signed up before their match began).
///
/// # Errors
/// A failed query.
pub fn backdate_sign_up(
    conn: &mut DbConnection,
    id: i32,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    let me = participants::table.find(id);
    diesel::update(me.filter(participants::created_at.gt(at)))
        .set(participants::created_at.eq(at))
        .execute(conn)
        .and_then(|_| {
            diesel::update(me.filter(participants::confirmed_at.gt(at)))
                .set(participants::confirmed_at.eq(at))
                .execute(conn)
        })
        .and_then(|_| {
            diesel::update(me.filter(participants::waiting_since.gt(at)))
                .set(participants::waiting_since.eq(at))
                .execute(conn)
        })
        .and_then(|_| {
            diesel::update(
                role_history::table
                    .filter(role_history::participant_id.eq(id))
                    .filter(role_history::since.gt(at)),
            )
            .set(role_history::since.eq(at))
            .execute(conn)
        })
        .with_context(|| format!("moving the sign-up of participant {id} back"))?;
    Ok(())
}

/// Sets the status; confirming also starts the waiting time. Returns false when there is no such
/// participant.
///
/// # Errors
/// A failed query.
pub fn set_status(
    conn: &mut DbConnection,
    id: i32,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = participants::table.find(id);
    let changed = if status == ParticipantStatus::Confirmed {
        diesel::update(target)
            .set((
                participants::status.eq(status.code()),
                participants::confirmed_at.eq(Some(now)),
                participants::waiting_since.eq(now),
                participants::updated_at.eq(now),
            ))
            .execute(conn)?
    } else {
        diesel::update(target)
            .set((
                participants::status.eq(status.code()),
                participants::updated_at.eq(now),
            ))
            .execute(conn)?
    };
    Ok(changed == 1)
}

/// Notes that a buddy of this participant erased their data now (their page says the match
/// ended rather than that nobody was introduced yet).
///
/// # Errors
/// A failed query.
pub fn note_partner_left(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(participants::table.find(id))
        .set(participants::partner_left_at.eq(Some(now)))
        .execute(conn)
        .with_context(|| format!("noting that the buddy of participant {id} left"))?;
    Ok(())
}

/// Deletes a participant and everything hanging off them. Returns false when there was none.
///
/// # Errors
/// A failed query.
pub fn delete(conn: &mut DbConnection, id: i32) -> Result<bool, DbError> {
    // Children first: SQLite enforces ON DELETE CASCADE only with foreign_keys on, which we set,
    // but being explicit keeps the order visible.
    diesel::delete(household_members::table.filter(household_members::participant_id.eq(id)))
        .execute(conn)?;
    diesel::delete(role_history::table.filter(role_history::participant_id.eq(id)))
        .execute(conn)?;
    diesel::delete(consents::table.filter(consents::participant_id.eq(id))).execute(conn)?;
    diesel::delete(
        crate::db::schema::participant_tokens::table
            .filter(crate::db::schema::participant_tokens::participant_id.eq(id)),
    )
    .execute(conn)?;
    let partners = crate::db::answer_links::partners_of(conn, id)?;
    let deleted = diesel::delete(participants::table.find(id)).execute(conn)? == 1;
    // Their matches, and the partners' answers about them, went with them (cascade).
    crate::db::answer_links::relink(conn, &partners)?;
    Ok(deleted)
}

/// Holds these participants' rows until the transaction ends (PostgreSQL `FOR UPDATE`, in id
/// order so two callers never wait on each other crosswise), so that a check of their live
/// matches stays true until the change it allows is written. SQLite needs nothing: its writers
/// already take turns ([`crate::db::Db::write`]).
///
/// # Errors
/// A failed query.
pub fn hold(conn: &mut DbConnection, ids: &[i32]) -> Result<(), DbError> {
    if let DbConnection::Postgresql(c) = conn {
        participants::table
            .filter(participants::id.eq_any(ids))
            .order(participants::id.asc())
            .select(participants::id)
            .for_update()
            .load::<i32>(c)
            .context("holding participants' rows")?;
    }
    Ok(())
}
