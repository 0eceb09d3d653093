//! The aggregates behind a programme's outcomes ([`crate::outcomes`]): counts grouped in SQL,
//! one query per figure, so the cost grows with the groups and not with the rows. No names,
//! contacts or free text are ever read here.
//!
//! Every figure is for a set of programmes (one, or all for an admin). The queries are plain
//! SQL that both backends run. Their only inputs are programme ids and period bounds, formatted
//! from typed values (`i32`s, a `NaiveDateTime`), never from text a person typed. The few expressions the backends spell differently (the first language of a
//! profile) are chosen by backend.

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use super::{DbConnection, DbError};

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

/// Matches a coordinator approved in the period (whatever became of them): distinct seekers
/// (`arriving`) and distinct buddies (`receiving`).
///
/// # Errors
/// A failed query.
pub fn matched_people(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<(i64, i64), DbError> {
    let ids = id_list(programmes);
    let filter = format!(
        "FROM matches WHERE programme_id IN ({ids}) \
         AND status IN ('approved', 'declined', 'active', 'closed') \
         AND {within}",
        within = within("decided_at", span),
    );
    both_sides(conn, &filter, "matched people")
}

/// Distinct seekers and distinct buddies of the matches `filter` (a FROM ... WHERE clause) picks.
fn both_sides(conn: &mut DbConnection, filter: &str, what: &str) -> Result<(i64, i64), DbError> {
    #[derive(QueryableByName)]
    struct Sides {
        #[diesel(sql_type = BigInt)]
        seekers: i64,
        #[diesel(sql_type = BigInt)]
        buddies: i64,
    }
    let sides: Sides = diesel::sql_query(format!(
        "SELECT COUNT(DISTINCT seeker_id) AS seekers, COUNT(DISTINCT buddy_id) AS buddies {filter}"
    ))
    .get_result(conn)
    .with_context(|| format!("outcomes: {what}"))?;
    Ok((sides.seekers, sides.buddies))
}

/// The condition "live at `t`": both accepted before `t` and not closed by then.
fn live_at(t: NaiveDateTime) -> String {
    format!(
        "active_since IS NOT NULL AND active_since < {t} AND (closed_at IS NULL OR closed_at >= {t})",
        t = at(t)
    )
}

/// Matches live at the end of the period: distinct seekers and distinct buddies.
///
/// # Errors
/// A failed query.
pub fn active_people(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<(i64, i64), DbError> {
    let ids = id_list(programmes);
    let filter = format!(
        "FROM matches WHERE programme_id IN ({ids}) AND {}",
        live_at(end)
    );
    both_sides(conn, &filter, "active people")
}

/// Pairs created in the period: both accepted in it.
///
/// # Errors
/// A failed query.
pub fn pairs_created(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<i64, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COUNT(*) AS n FROM matches WHERE programme_id IN ({ids}) \
         AND {within}",
        within = within("active_since", span),
    );
    one(conn, &sql, "pairs created")
}

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

/// Live matches now per stage (code; `introduced` for matches from before stages were kept).
///
/// # Errors
/// A failed query.
pub fn live_stages(
    conn: &mut DbConnection,
    programmes: &[i32],
) -> Result<Vec<GroupCount>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COALESCE(stage, 'introduced') AS key, COUNT(*) AS n FROM matches \
         WHERE programme_id IN ({ids}) AND status = 'active' \
         GROUP BY COALESCE(stage, 'introduced')"
    );
    groups(conn, &sql, "live stages")
}

/// A day's change in the number of live matches at one stage: entries begun that day minus
/// entries ended that day (closed entries are left out: a closed match is no longer live).
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct StageDelta {
    /// The stage code.
    #[diesel(sql_type = Text)]
    pub stage: String,
    /// The day, `YYYY-MM-DD`.
    #[diesel(sql_type = Text)]
    pub day: String,
    /// Begun minus ended that day.
    #[diesel(sql_type = BigInt)]
    pub delta: i64,
}

/// The matches' stage history before the day `before`, as per-day changes of the live count of
/// each stage (from each entry's start and end): the number at any midnight is the sum of the
/// changes of the days before it. Read from `stage_day_deltas`, which triggers keep as the stage
/// history is written and [`compact_stage_days`] sums up: a few thousand rows at most, whatever
/// the number of matches.
///
/// # Errors
/// A failed query.
pub fn stage_deltas(
    conn: &mut DbConnection,
    programmes: &[i32],
    before: NaiveDate,
) -> Result<Vec<StageDelta>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT stage, day, SUM(delta) AS delta FROM stage_day_deltas \
         WHERE programme_id IN ({ids}) AND day < '{before}' \
         GROUP BY stage, day",
        before = before.format("%Y-%m-%d"),
    );
    Ok(diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: stages over time")?)
}

/// Sums the per-day stage changes the triggers appended since the last time into one row per
/// programme, stage and day (the housekeeping's hourly pass); returns how many rows went.
/// Run it in a write transaction ([`crate::db::Db::write`]). On PostgreSQL one statement
/// deletes and re-adds what it saw, so changes other transactions append meanwhile stay as
/// they are.
///
/// # Errors
/// A failed statement.
pub fn compact_stage_days(conn: &mut DbConnection) -> Result<usize, DbError> {
    // One row per programme, stage and day of the changes `rows` (a FROM clause) gives.
    let summed = |rows: &str| {
        format!(
            "INSERT INTO stage_day_deltas (programme_id, stage, day, delta) \
             SELECT programme_id, stage, day, SUM(delta) FROM {rows} \
             GROUP BY programme_id, stage, day HAVING SUM(delta) <> 0"
        )
    };
    let removed = match conn {
        DbConnection::Postgresql(c) => {
            #[derive(QueryableByName)]
            struct Removed {
                #[diesel(sql_type = BigInt)]
                removed: i64,
            }
            let r: Removed = diesel::sql_query(format!(
                "WITH gone AS (DELETE FROM stage_day_deltas \
                               RETURNING programme_id, stage, day, delta), \
                      kept AS ({} RETURNING 1) \
                 SELECT (SELECT COUNT(*) FROM gone) - (SELECT COUNT(*) FROM kept) AS removed",
                summed("gone")
            ))
            .get_result(c)
            .context("summing up the stage changes per day")?;
            usize::try_from(r.removed).unwrap_or(0)
        }
        DbConnection::Sqlite(c) => {
            // Writers take turns on SQLite: nothing is appended between these statements.
            #[derive(QueryableByName)]
            struct Last {
                #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
                id: Option<i64>,
            }
            let Some(last) = diesel::sql_query("SELECT MAX(id) AS id FROM stage_day_deltas")
                .get_result::<Last>(c)
                .context("finding the stage changes to sum up")?
                .id
            else {
                return Ok(0);
            };
            let kept = diesel::sql_query(summed(&format!("stage_day_deltas WHERE id <= {last}")))
                .execute(c)
                .context("summing up the stage changes per day")?;
            let gone =
                diesel::sql_query(format!("DELETE FROM stage_day_deltas WHERE id <= {last}"))
                    .execute(c)
                    .context("removing the stage changes summed up")?;
            gone.saturating_sub(kept)
        }
    };
    Ok(removed)
}

/// The funnel up to `end`, in distinct arriving members (seekers): signed up, confirmed,
/// matched (approved), introduced (both accepted), then reaching each stage of the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Arriving members who signed up.
    pub signed_up: i64,
    /// ... whose sign-up was confirmed.
    pub confirmed: i64,
    /// Seekers a coordinator approved a match for.
    pub matched: i64,
    /// Seekers in a match both accepted.
    pub introduced: i64,
    /// Seekers whose match reached at least `getting_to_know` (they met).
    pub met: i64,
    /// ... at least `building_trust`.
    pub building_trust: i64,
    /// ... at least `mutual`.
    pub mutual: i64,
    /// ... `independent`.
    pub independent: i64,
}

/// The funnel up to `end` (see [`Funnel`]).
///
/// # Errors
/// A failed query.
pub fn funnel(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<Funnel, DbError> {
    #[derive(QueryableByName)]
    struct Two {
        #[diesel(sql_type = BigInt)]
        a: i64,
        #[diesel(sql_type = BigInt)]
        b: i64,
    }
    #[derive(QueryableByName)]
    struct Four {
        #[diesel(sql_type = BigInt)]
        met: i64,
        #[diesel(sql_type = BigInt)]
        trust: i64,
        #[diesel(sql_type = BigInt)]
        mutual: i64,
        #[diesel(sql_type = BigInt)]
        independent: i64,
    }
    let ids = id_list(programmes);
    let t = at(end);
    // Seekers: arriving members who do not offer to be a buddy, and anyone who was the seeker
    // of a match (an arriving member who became a buddy later is still counted).
    let people: Two = diesel::sql_query(format!(
        "SELECT COUNT(*) AS a, \
                COALESCE(SUM(CASE WHEN confirmed_at < {t} THEN 1 ELSE 0 END), 0) AS b \
         FROM participants WHERE programme_id IN ({ids}) AND created_at < {t} \
         AND ((role = 'arriving' AND volunteer = {no}) \
              OR id IN (SELECT seeker_id FROM matches WHERE programme_id IN ({ids})))",
        no = truth(conn, false)
    ))
    .get_result(conn)
    .context("outcomes: funnel, people")?;
    let matched: Two = diesel::sql_query(format!(
        "SELECT COUNT(DISTINCT CASE WHEN decided_at < {t} \
                  AND status IN ('approved', 'declined', 'active', 'closed') THEN seeker_id END) AS a, \
                COUNT(DISTINCT CASE WHEN active_since < {t} THEN seeker_id END) AS b \
         FROM matches WHERE programme_id IN ({ids})"
    ))
    .get_result(conn)
    .context("outcomes: funnel, matches")?;
    // Each seeker counts for every step up to the furthest stage any of their matches reached
    // (one grouping, not a distinct count per step). On SQLite the stage history is read in
    // time order (see `indexed_by`).
    let stages: Four = diesel::sql_query(format!(
        "SELECT {met} AS met, {trust} AS trust, {mutual} AS mutual, {independent} AS independent \
         FROM (SELECT m.seeker_id, MAX(CASE h.stage WHEN 'getting_to_know' THEN 1 \
                 WHEN 'building_trust' THEN 2 WHEN 'mutual' THEN 3 WHEN 'independent' THEN 4 \
                 END) AS furthest \
               FROM match_stage_changes h {index} JOIN matches m ON m.id = h.match_id \
               WHERE m.programme_id IN ({ids}) AND h.changed_at < {t} \
                 AND h.stage IN ('getting_to_know', 'building_trust', 'mutual', 'independent') \
               GROUP BY m.seeker_id) s",
        met = at_least(1),
        trust = at_least(2),
        mutual = at_least(3),
        independent = at_least(4),
        index = indexed_by(conn, "match_stage_changes_spans"),
    ))
    .get_result(conn)
    .context("outcomes: funnel, stages")?;
    Ok(Funnel {
        signed_up: people.a,
        confirmed: people.b,
        matched: matched.a,
        introduced: matched.b,
        met: stages.met,
        building_trust: stages.trust,
        mutual: stages.mutual,
        independent: stages.independent,
    })
}

/// "The seeker's furthest stage is step `step` or beyond", counted.
fn at_least(step: u8) -> String {
    format!("COALESCE(SUM(CASE WHEN furthest >= {step} THEN 1 ELSE 0 END), 0)")
}

/// When each match that both accepted before `end` began and (if so) closed: for the share still
/// active after 3, 6 and 12 months. Two timestamps a match.
///
/// # Errors
/// A failed query.
pub fn match_lives(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<Vec<(NaiveDateTime, Option<NaiveDateTime>)>, DbError> {
    use super::schema::matches;
    Ok(matches::table
        .filter(matches::programme_id.eq_any(programmes))
        .filter(matches::active_since.lt(end))
        .select((matches::active_since.assume_not_null(), matches::closed_at))
        .load(conn)
        .context("outcomes: match lives")?)
}

/// Matches that closed in the period (after both accepted), by close reason.
///
/// # Errors
/// A failed query.
pub fn closures(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<Vec<GroupCount>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COALESCE(close_reason, 'other') AS key, COUNT(*) AS n FROM matches \
         WHERE programme_id IN ({ids}) AND active_since IS NOT NULL \
         AND {within} GROUP BY COALESCE(close_reason, 'other')",
        within = within("closed_at", span),
    );
    groups(conn, &sql, "closures")
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
