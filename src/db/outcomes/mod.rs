//! The aggregates behind a programme's outcomes ([`crate::outcomes`]): counts grouped in SQL,
//! one query per figure, so the cost grows with the groups and not with the rows. No names,
//! contacts or free text are ever read here.
//!
//! Every figure is for a set of programmes (one, or all for an admin). The queries are plain
//! SQL that both backends run. Their only inputs are programme ids and period bounds, formatted
//! from typed values (`i32`s, a `NaiveDateTime`), never from text a person typed. The few expressions the backends spell differently (the first language of a
//! profile) are chosen by backend.
//!
//! One file per subject: `people`, `matches`, `ratings`, `stages`, `funnel`; this module holds
//! the period, the count rows and the SQL-building helpers they share.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{DbConnection, DbError};

mod funnel;
mod matches;
mod people;
mod ratings;
mod stages;

pub use funnel::{funnel, Funnel};
pub use matches::{active_people, closures, match_lives, matched_people, pairs_created};
pub use people::{
    became_buddies, confirmed_by_role, participants_by_each, waiting_now, waits_to_introduction,
    Dimension,
};
pub use ratings::{first_and_latest, satisfaction, ArrivingQuestion, FirstAndLatest, SideRating};
pub use stages::{compact_stage_days, live_stages, stage_deltas, StageDelta};

/// A period `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First moment in.
    pub from: NaiveDateTime,
    /// First moment after.
    pub to: NaiveDateTime,
}

/// Programme ids as an SQL list (`NULL` for none: `IN (NULL)` matches nothing).
fn id_list(programmes: &[i32]) -> String {
    if programmes.is_empty() {
        return "NULL".to_owned();
    }
    programmes
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The condition "`column` falls in `span`".
fn within(column: &str, span: Span) -> String {
    format!(
        "{column} >= {} AND {column} < {}",
        at(span.from),
        at(span.to)
    )
}

/// A timestamp as an SQL literal both backends compare with their timestamp columns.
fn at(t: NaiveDateTime) -> String {
    format!("'{}'", t.format("%Y-%m-%d %H:%M:%S"))
}

/// One group's count.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct GroupCount {
    /// The group's code (`unknown` for none).
    #[diesel(sql_type = Text)]
    pub key: String,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Two groups' count (e.g. side and gender).
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct PairCount {
    /// First group code.
    #[diesel(sql_type = Text)]
    pub a: String,
    /// Second group code.
    #[diesel(sql_type = Text)]
    pub b: String,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

#[derive(QueryableByName)]
struct One {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn groups(conn: &mut DbConnection, sql: &str, what: &str) -> Result<Vec<GroupCount>, DbError> {
    Ok(diesel::sql_query(sql)
        .load(conn)
        .with_context(|| format!("outcomes: {what}"))?)
}

fn one(conn: &mut DbConnection, sql: &str, what: &str) -> Result<i64, DbError> {
    Ok(diesel::sql_query(sql)
        .get_result::<One>(conn)
        .with_context(|| format!("outcomes: {what}"))?
        .n)
}

/// On SQLite, `INDEXED BY index`: without statistics (SQLite keeps none unless told to) its
/// planner picks by the shape of the query alone: it reads the latest answers through the
/// answer-time index and visits every answer (100 times slower at 500 000 answers), and the
/// funnel's stage history match by match instead of in one pass over a covering index (3
/// times slower), and the people waiting through a breakdown index in language order, one
/// row lookup at a time (3 times slower). PostgreSQL plans from its statistics.
fn indexed_by(conn: &DbConnection, index: &str) -> String {
    match conn {
        DbConnection::Sqlite(_) => format!("INDEXED BY {index}"),
        DbConnection::Postgresql(_) => String::new(),
    }
}

/// A boolean literal as the backend stores it.
fn truth(conn: &DbConnection, value: bool) -> &'static str {
    match (conn, value) {
        (DbConnection::Postgresql(_), true) => "TRUE",
        (DbConnection::Postgresql(_), false) => "FALSE",
        (DbConnection::Sqlite(_), true) => "1",
        (DbConnection::Sqlite(_), false) => "0",
    }
}
