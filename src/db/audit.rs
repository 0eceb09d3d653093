//! The audit log: who viewed or changed what, and when. Written in the same transaction as the
//! change it records; visible to admins.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::audit_log;
use super::{DbConnection, DbError};

/// One thing to record.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    /// Who (None: the system or the command line).
    pub coordinator_id: Option<i32>,
    /// Which programme it concerns.
    pub programme_id: Option<i32>,
    /// What happened, e.g. `participant.view`, `match.approve`, `run.start`.
    pub action: &'a str,
    /// What kind of thing, e.g. `participant`, `match`, `matching_run`.
    pub subject_type: &'a str,
    /// Its id.
    pub subject_id: Option<i32>,
    /// Short detail without personal data (e.g. the reason code of a rejection).
    pub detail: &'a str,
}

/// A recorded entry.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = audit_log)]
pub struct AuditRecord {
    /// Id.
    pub id: i32,
    /// Who.
    pub coordinator_id: Option<i32>,
    /// Programme.
    pub programme_id: Option<i32>,
    /// What happened.
    pub action: String,
    /// Kind of subject.
    pub subject_type: String,
    /// Subject id.
    pub subject_id: Option<i32>,
    /// Detail.
    pub detail: String,
    /// When.
    pub at: NaiveDateTime,
}

/// Records an entry.
///
/// # Errors
/// A failed insert.
pub fn record(
    conn: &mut DbConnection,
    entry: &AuditEntry<'_>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::coordinator_id.eq(entry.coordinator_id),
            audit_log::programme_id.eq(entry.programme_id),
            audit_log::action.eq(entry.action),
            audit_log::subject_type.eq(entry.subject_type),
            audit_log::subject_id.eq(entry.subject_id),
            audit_log::detail.eq(entry.detail),
            audit_log::at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Which entries the audit page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Who acted: `Some(Some(id))` a coordinator, `Some(None)` no coordinator (participants and
    /// the system), `None` anyone.
    pub coordinator: Option<Option<i32>>,
    /// This action only.
    pub action: Option<String>,
    /// At or after.
    pub from: Option<NaiveDateTime>,
    /// Before.
    pub until: Option<NaiveDateTime>,
}

/// The entries `filter` keeps, newest first, one page (`page` starts at 1).
///
/// # Errors
/// A failed query.
pub fn filtered(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    page: i64,
    per_page: i64,
) -> Result<Vec<AuditRecord>, DbError> {
    let mut query = audit_log::table.into_boxed();
    match filter.coordinator {
        Some(Some(id)) => query = query.filter(audit_log::coordinator_id.eq(id)),
        Some(None) => query = query.filter(audit_log::coordinator_id.is_null()),
        None => {}
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_log::action.eq(action.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::at.lt(until));
    }
    Ok(query
        .order(audit_log::id.desc())
        .limit(per_page)
        .offset(super::page_offset(page, per_page))
        .select(AuditRecord::as_select())
        .load(conn)
        .context("reading the audit log")?)
}

/// The newest entries first, one page (`page` starts at 1).
///
/// # Errors
/// A failed query.
pub fn recent(
    conn: &mut DbConnection,
    page: i64,
    per_page: i64,
) -> Result<Vec<AuditRecord>, DbError> {
    Ok(audit_log::table
        .order(audit_log::id.desc())
        .limit(per_page)
        .offset(super::page_offset(page, per_page))
        .select(AuditRecord::as_select())
        .load(conn)?)
}
