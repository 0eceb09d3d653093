//! A programme's participants as coordinators look for them: search by name or email, filter
//! by role, status, volunteers and waiting time, in sign-up order or longest waiting first;
//! and consent records.

use anyhow::Context;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::participants::Participant;
use super::schema::{consents, participants};
use super::{DbConnection, DbError};
use crate::domain::{ParticipantStatus, Role};

/// In which order a list comes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// In sign-up order (the API's pages).
    #[default]
    SignUp,
    /// Longest waiting first (the coordinator's list).
    LongestWaiting,
}

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    /// Name or email contains this (case-insensitive on ASCII).
    pub query: Option<String>,
    /// Only this role.
    pub role: Option<Role>,
    /// Only this status.
    pub status: Option<ParticipantStatus>,
    /// Only volunteers (true) or only non-volunteers (false).
    pub volunteer: Option<bool>,
    /// Only people waiting at least this many days.
    pub waiting_days: Option<i64>,
    /// The order.
    pub order: ListOrder,
}

/// One page (from 1) of a programme's participants in the filter's order, and the total
/// matching the filter (the one people query of the pages and the API).
///
/// # Errors
/// A failed query.
pub fn list(
    conn: &mut DbConnection,
    programme_id: i32,
    filter: &PeopleFilter,
    page: i64,
    per_page: i64,
    now: NaiveDateTime,
) -> Result<(Vec<Participant>, i64), DbError> {
    let filtered = || {
        let mut q = participants::table
            .filter(participants::programme_id.eq(programme_id))
            .into_boxed();
        if let Some(role) = filter.role {
            q = q.filter(participants::role.eq(role.code()));
        }
        if let Some(status) = filter.status {
            q = q.filter(participants::status.eq(status.code()));
        }
        if let Some(volunteer) = filter.volunteer {
            q = q.filter(participants::volunteer.eq(volunteer));
        }
        if let Some(days) = filter.waiting_days {
            q = q.filter(participants::waiting_since.le(now - Duration::days(days)));
        }
        if let Some(text) = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let escaped = text
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let pattern = format!("%{escaped}%");
            q = q.filter(
                diesel::dsl::sql::<diesel::sql_types::Bool>(
                    "(LOWER(first_name || ' ' || last_name) LIKE ",
                )
                .bind::<diesel::sql_types::Text, _>(pattern.clone())
                .sql(" ESCAPE '\\' OR email LIKE ")
                .bind::<diesel::sql_types::Text, _>(pattern)
                .sql(" ESCAPE '\\')"),
            );
        }
        q
    };
    let total: i64 = filtered()
        .count()
        .get_result(conn)
        .context("counting participants")?;
    let ordered = match filter.order {
        ListOrder::SignUp => filtered().order(participants::id.asc()),
        ListOrder::LongestWaiting => {
            filtered().order((participants::waiting_since.asc(), participants::id.asc()))
        }
    };
    let items = ordered
        .limit(per_page)
        .offset(super::page_offset(page, per_page))
        .select(Participant::as_select())
        .load(conn)
        .context("listing participants")?;
    Ok((items, total))
}

/// One consent given (and perhaps withdrawn); serialised as is into the person's data export.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct ConsentRecord {
    /// What it was given for, e.g. `privacy_notice`.
    pub purpose: String,
    /// The notice's version.
    pub notice_version: String,
    /// The language it was read in.
    pub language: String,
    /// When.
    pub given_at: NaiveDateTime,
    /// When withdrawn.
    pub withdrawn_at: Option<NaiveDateTime>,
}

/// A participant's consent records, oldest first.
///
/// # Errors
/// A failed query.
pub fn consents(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<Vec<ConsentRecord>, DbError> {
    Ok(consents::table
        .filter(consents::participant_id.eq(participant_id))
        .order(consents::id.asc())
        .select((
            consents::purpose,
            consents::notice_version,
            consents::language,
            consents::given_at,
            consents::withdrawn_at,
        ))
        .load(conn)
        .with_context(|| format!("reading the consents of participant {participant_id}"))?)
}
