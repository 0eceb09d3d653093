//! Archive, reopen, delete: each in one transaction with the programme row held, each audited.
//!
//! Archiving takes the row as a settings change does (see `db::programmes::hold_for_change`);
//! every writer of new people and every new run reads it with `intake_now`, so a sign-up or a
//! run that started before the archiving is stored first, and one that comes after is refused.

use chrono::NaiveDateTime;

use crate::db::audit::{self, AuditEntry};
use crate::db::programme_archive::{self as store, Holdings};
use crate::db::{programmes, Db, DbConnection, DbError};
use crate::domain::Programme;

/// Who acts, for the audit log.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    /// The coordinator (an admin); `None` for the command line.
    pub coordinator_id: Option<i32>,
    /// How: `""` for the admin pages, `"api"`, `"cli"` (the audit entry's detail).
    pub via: &'a str,
}

/// Why a programme was not archived, reopened or deleted.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// No programme has this slug.
    #[error("there is no programme `{0}`")]
    NotFound(String),
    /// Deleting needs the programme archived first.
    #[error("the programme is open: archive it before deleting it")]
    NotArchived,
    /// Deleting needs every person's data gone first.
    #[error(
        "the programme still holds personal data: {} people, {} matches going on",
        .0.participants,
        .0.live_matches
    )]
    StillHolds(Holdings),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// The programme `slug` with its row held for a change, read again under the hold.
fn held(conn: &mut DbConnection, slug: &str) -> Result<Programme, ArchiveError> {
    let missing = || ArchiveError::NotFound(slug.to_owned());
    let found = programmes::by_slug(conn, slug)?.ok_or_else(missing)?;
    programmes::hold_for_change(conn, found.id)?;
    programmes::by_id(conn, found.id)?.ok_or_else(missing)
}

fn record(
    conn: &mut DbConnection,
    by: Actor<'_>,
    programme_id: Option<i32>,
    action: &str,
    subject_id: i32,
    detail: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: by.coordinator_id,
            programme_id,
            action,
            subject_type: "programme",
            subject_id: Some(subject_id),
            detail,
        },
        now,
    )
}

/// Archives the programme (`programme.archive`): sign-up closes and no new runs start; check-ins,
/// introductions already under way and the retention period go on. Returns it with what it held
/// at that moment (no one can join after it). Archiving an archived programme changes nothing
/// and records nothing.
///
/// # Errors
/// [`ArchiveError::NotFound`] or storage failures.
pub fn archive(
    db: &Db,
    slug: &str,
    by: Actor<'_>,
    now: NaiveDateTime,
) -> Result<(Programme, Holdings), ArchiveError> {
    db.write(|conn| {
        let p = held(conn, slug)?;
        let holds = store::holdings(conn, p.id)?;
        if !p.is_open() {
            return Ok((p, holds));
        }
        store::set_archived_at(conn, p.id, Some(now))?;
        record(conn, by, Some(p.id), "programme.archive", p.id, by.via, now)?;
        // Read back: the stored time (PostgreSQL keeps microseconds) is the one reported.
        let archived = programmes::by_id(conn, p.id)?
            .ok_or_else(|| ArchiveError::NotFound(slug.to_owned()))?;
        Ok((archived, holds))
    })
}

/// Reopens an archived programme (`programme.reopen`): sign-up and runs work again. Reopening an
/// open programme changes nothing and records nothing.
///
/// # Errors
/// [`ArchiveError::NotFound`] or storage failures.
pub fn reopen(
    db: &Db,
    slug: &str,
    by: Actor<'_>,
    now: NaiveDateTime,
) -> Result<Programme, ArchiveError> {
    db.write(|conn| {
        let p = held(conn, slug)?;
        if p.is_open() {
            return Ok(p);
        }
        store::set_archived_at(conn, p.id, None)?;
        record(conn, by, Some(p.id), "programme.reopen", p.id, by.via, now)?;
        Ok(Programme {
            archived_at: None,
            phone_region: None,
            ..p
        })
    })
}

/// Deletes an archived programme that holds no personal data any more (`programme.delete`, with
/// the slug as detail; the programme's earlier audit entries stay, without it).
///
/// # Errors
/// [`ArchiveError::NotFound`], [`ArchiveError::NotArchived`], [`ArchiveError::StillHolds`] or
/// storage failures.
pub fn delete(db: &Db, slug: &str, by: Actor<'_>, now: NaiveDateTime) -> Result<(), ArchiveError> {
    db.write(|conn| {
        let p = held(conn, slug)?;
        if p.is_open() {
            return Err(ArchiveError::NotArchived);
        }
        let holds = store::holdings(conn, p.id)?;
        if !holds.is_empty() {
            return Err(ArchiveError::StillHolds(holds));
        }
        store::delete(conn, p.id)?;
        record(conn, by, None, "programme.delete", p.id, &p.slug, now)?;
        Ok(())
    })
}

/// The programme and what personal data it still holds.
///
/// # Errors
/// [`ArchiveError::NotFound`] or storage failures.
pub fn status(db: &Db, slug: &str) -> Result<(Programme, Holdings), ArchiveError> {
    let mut conn = db.get()?;
    let p = programmes::by_slug(&mut conn, slug)?
        .ok_or_else(|| ArchiveError::NotFound(slug.to_owned()))?;
    let holds = store::holdings(&mut conn, p.id)?;
    Ok((p, holds))
}
