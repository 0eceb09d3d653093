//! What people said: satisfaction per side and first against latest answers of the arriving
//! members' 1–5 questions.

use anyhow::Context;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{at, id_list, indexed_by, within, Span};
use crate::db::{DbConnection, DbError};

/// Of each side, the people whose latest "how is it going" (check-in or exit question) in the
/// period was given: how many, and how many rated it 4 or 5.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct SideRating {
    /// `seeker` or `buddy`.
    #[diesel(sql_type = Text)]
    pub side: String,
    /// People who answered.
    #[diesel(sql_type = BigInt)]
    pub answered: i64,
    /// Of them, 4 or 5.
    #[diesel(sql_type = BigInt)]
    pub high: i64,
}

/// Satisfaction per side: each person's latest rating of "how is it going" in the period.
///
/// # Errors
/// A failed query.
pub fn satisfaction(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<Vec<SideRating>, DbError> {
    let ids = id_list(programmes);
    // An answer is a person's latest in the period when it falls in it and their next answer
    // came after it, or has not come (`going_next_at`, kept by `db::answer_links`).
    let sql = format!(
        "SELECT side, COUNT(*) AS answered, \
                COALESCE(SUM(CASE WHEN going >= 4 THEN 1 ELSE 0 END), 0) AS high \
         FROM checkins {index} \
         WHERE going IS NOT NULL AND {within} \
           AND going_next_at >= {hi} AND programme_id IN ({ids}) \
         GROUP BY side",
        within = within("answered_at", span),
        hi = at(span.to),
        index = indexed_by(conn, "checkins_latest_going"),
    );
    Ok(diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: satisfaction")?)
}

/// A 1–5 question of arriving members (belonging, conversation) over time: the people who
/// answered it in the period (their latest answer), and among those who had answered it before,
/// their first answer against their latest.
#[derive(Debug, Clone, Default, PartialEq, Eq, QueryableByName)]
pub struct FirstAndLatest {
    /// People whose latest answer falls in the period.
    #[diesel(sql_type = BigInt)]
    pub answered: i64,
    /// Of them, latest 4 or 5.
    #[diesel(sql_type = BigInt)]
    pub latest_high: i64,
    /// People with an earlier answer too (first before latest).
    #[diesel(sql_type = BigInt)]
    pub repeated: i64,
    /// Of those, first answer 4 or 5.
    #[diesel(sql_type = BigInt)]
    pub repeated_first_high: i64,
    /// Of those, latest answer 4 or 5.
    #[diesel(sql_type = BigInt)]
    pub repeated_latest_high: i64,
}

/// Which 1–5 question of arriving members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrivingQuestion {
    /// "I feel I belong here".
    Belonging,
    /// "I can hold a simple conversation in the local language".
    Conversation,
}

impl ArrivingQuestion {
    fn column(self) -> &'static str {
        match self {
            Self::Belonging => "belonging",
            Self::Conversation => "conversation",
        }
    }
}

/// First against latest answers of one arriving members' question (see [`FirstAndLatest`]).
///
/// # Errors
/// A failed query.
pub fn first_and_latest(
    conn: &mut DbConnection,
    programmes: &[i32],
    question: ArrivingQuestion,
    span: Span,
) -> Result<FirstAndLatest, DbError> {
    let ids = id_list(programmes);
    let q = question.column();
    // Each person's latest answer in the period (see `satisfaction`) carries their first one.
    let sql = format!(
        "SELECT COUNT(*) AS answered, \
           COALESCE(SUM(CASE WHEN {q} >= 4 THEN 1 ELSE 0 END), 0) AS latest_high, \
           COALESCE(SUM(CASE WHEN {q}_first_at < answered_at THEN 1 ELSE 0 END), 0) AS repeated, \
           COALESCE(SUM(CASE WHEN {q}_first_at < answered_at AND {q}_first >= 4 THEN 1 ELSE 0 END), 0) \
             AS repeated_first_high, \
           COALESCE(SUM(CASE WHEN {q}_first_at < answered_at AND {q} >= 4 THEN 1 ELSE 0 END), 0) \
             AS repeated_latest_high \
         FROM checkins {index} \
         WHERE {q} IS NOT NULL AND side = 'seeker' AND {within} \
           AND {q}_next_at >= {hi} AND programme_id IN ({ids})",
        within = within("answered_at", span),
        hi = at(span.to),
        index = indexed_by(conn, &format!("checkins_latest_{q}")),
    );
    Ok(diesel::sql_query(sql)
        .get_result(conn)
        .with_context(|| format!("outcomes: {q} first and latest"))?)
}
