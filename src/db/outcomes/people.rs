//! Who took part: confirmed sign-ups by role, role changes to buddy, waits to an
//! introduction and waiting now, and the breakdowns of participants by [`Dimension`].

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use super::{at, groups, id_list, indexed_by, one, truth, within, GroupCount, PairCount, Span};
use crate::db::{DbConnection, DbError};

/// People of the programme whose sign-up was confirmed in the period, by role.
///
/// # Errors
/// A failed query.
pub fn confirmed_by_role(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<Vec<GroupCount>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT role AS key, COUNT(*) AS n FROM participants \
         WHERE programme_id IN ({ids}) AND {within} \
         GROUP BY role",
        within = within("confirmed_at", span),
    );
    groups(conn, &sql, "confirmed sign-ups")
}

/// Arriving members who became receiving members or volunteers in the period (a role change
/// kept in the history after an entry as an arriving member).
///
/// # Errors
/// A failed query.
pub fn became_buddies(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<i64, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COUNT(DISTINCT r.participant_id) AS n FROM role_history r \
         WHERE r.participant_id IN (SELECT id FROM participants WHERE programme_id IN ({ids})) \
           AND {within} \
           AND (r.role = 'receiving' OR r.volunteer = {yes}) \
           AND EXISTS (SELECT 1 FROM role_history e WHERE e.participant_id = r.participant_id \
                       AND e.since < r.since AND e.role = 'arriving' AND e.volunteer = {no})",
        within = within("r.since", span),
        yes = truth(conn, true),
        no = truth(conn, false),
    );
    one(conn, &sql, "became buddies")
}

/// Seekers introduced (approved) in the period: when they were confirmed and when approved.
///
/// # Errors
/// A failed query.
pub fn waits_to_introduction(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<Vec<(NaiveDateTime, NaiveDateTime)>, DbError> {
    let ids = id_list(programmes);
    #[derive(QueryableByName)]
    struct Wait {
        #[diesel(sql_type = Timestamp)]
        confirmed: NaiveDateTime,
        #[diesel(sql_type = Timestamp)]
        decided: NaiveDateTime,
    }
    let sql = format!(
        "SELECT p.confirmed_at AS confirmed, MIN(m.decided_at) AS decided FROM matches m \
         JOIN participants p ON p.id = m.seeker_id \
         WHERE m.programme_id IN ({ids}) AND p.confirmed_at IS NOT NULL \
           AND m.status IN ('approved', 'declined', 'active', 'closed') \
           AND {within} \
         GROUP BY m.seeker_id, p.confirmed_at",
        within = within("m.decided_at", span),
    );
    let rows: Vec<Wait> = diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: waits to introduction")?;
    Ok(rows.into_iter().map(|w| (w.confirmed, w.decided)).collect())
}

/// Since when each confirmed seeker without a live match has been waiting.
///
/// # Errors
/// A failed query.
pub fn waiting_now(
    conn: &mut DbConnection,
    programmes: &[i32],
) -> Result<Vec<NaiveDateTime>, DbError> {
    let ids = id_list(programmes);
    #[derive(QueryableByName)]
    struct Since {
        #[diesel(sql_type = Timestamp)]
        since: NaiveDateTime,
    }
    let sql = format!(
        "SELECT p.waiting_since AS since FROM participants p {index} \
         WHERE p.programme_id IN ({ids}) AND p.status = 'confirmed' \
           AND p.role = 'arriving' AND p.volunteer = {no} \
           AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.seeker_id = p.id \
                           AND m.status IN ('approved', 'active'))",
        no = truth(conn, false),
        index = indexed_by(conn, "participants_programme_status"),
    );
    let rows: Vec<Since> = diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: waiting now")?;
    Ok(rows.into_iter().map(|s| s.since).collect())
}

/// What a breakdown of participants groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Gender code.
    Gender,
    /// Birth year (the caller bands it).
    BirthYear,
    /// Area slug.
    Area,
    /// The first language listed.
    MainLanguage,
}

impl Dimension {
    /// Every dimension, in the order of the report.
    pub const ALL: [Self; 4] = [
        Self::Gender,
        Self::BirthYear,
        Self::Area,
        Self::MainLanguage,
    ];

    /// The column it groups by.
    fn column(self) -> &'static str {
        match self {
            Self::Gender => "gender",
            Self::BirthYear => "birth_year",
            Self::Area => "area",
            Self::MainLanguage => "main_language",
        }
    }

    /// The column as text, `unknown` for none.
    fn key(self) -> String {
        match self {
            Self::BirthYear => "COALESCE(CAST(birth_year AS TEXT), 'unknown')".to_owned(),
            _ => format!("COALESCE({}, 'unknown')", self.column()),
        }
    }
}

/// People confirmed before `end` (and not withdrawn), by role and each of [`Dimension::ALL`]:
/// for each dimension (in that order), its counts by role (`a`) and group (`b`).
///
/// One pass over the participants on PostgreSQL (grouping sets); SQLite, which has none, reads
/// one index per dimension in group order (`participants_by_*`), grouping by the plain column so
/// that no sorting is needed.
///
/// # Errors
/// A failed query.
pub fn participants_by_each(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<[Vec<PairCount>; 4], DbError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        dimension: i64,
        #[diesel(sql_type = Text)]
        a: String,
        #[diesel(sql_type = Text)]
        b: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let ids = id_list(programmes);
    let filter = format!(
        "FROM participants WHERE programme_id IN ({ids}) AND status = 'confirmed' \
         AND confirmed_at < {}",
        at(end)
    );
    let sql = match conn {
        DbConnection::Postgresql(_) => {
            // The dimension grouped in each set: the one whose GROUPING() is 0.
            let which = |f: &dyn Fn(usize, Dimension) -> String| {
                let arms: String = Dimension::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, d)| format!(" WHEN GROUPING({}) = 0 THEN {}", d.column(), f(i, *d)))
                    .collect();
                format!("CASE{arms} END")
            };
            let sets: Vec<String> = Dimension::ALL
                .iter()
                .map(|d| format!("(role, {})", d.column()))
                .collect();
            format!(
                "SELECT CAST({dimension} AS BIGINT) AS dimension, role AS a, {key} AS b, \
                        COUNT(*) AS n {filter} GROUP BY GROUPING SETS ({sets})",
                dimension = which(&|i, _| i.to_string()),
                key = which(&|_, d| d.key()),
                sets = sets.join(", "),
            )
        }
        DbConnection::Sqlite(_) => Dimension::ALL
            .iter()
            .enumerate()
            .map(|(i, d)| {
                format!(
                    "SELECT {i} AS dimension, role AS a, {key} AS b, COUNT(*) AS n {filter} \
                     GROUP BY role, {column}",
                    key = d.key(),
                    column = d.column()
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL "),
    };
    let rows: Vec<Row> = diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: participants by group")?;
    let mut out: [Vec<PairCount>; 4] = Default::default();
    for r in rows {
        if let Some(group) = usize::try_from(r.dimension)
            .ok()
            .and_then(|i| out.get_mut(i))
        {
            group.push(PairCount {
                a: r.a,
                b: r.b,
                n: r.n,
            });
        }
    }
    Ok(out)
}
