//! A programme's outcomes for a period, worded as the IFRC framework's social-connections
//! indicators: who took part, pairs created, satisfaction, belonging and conversation in the
//! local language (first answer against latest), the continuum (stages now, the funnel, matches
//! still active after 3, 6 and 12 months, closures by reason), arriving members who became
//! buddies, and waiting times. Every count is published through [`suppression`]: nothing under
//! five people is shown, nor can it be worked out from a total. Nothing here names anyone.
//!
//! The figures come from SQL aggregates ([`crate::db::outcomes`]); this module only combines,
//! bands and suppresses them.

pub mod over_time;
pub mod period;
pub mod suppression;
pub mod waiting;

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDateTime};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::outcomes::{self as store, ArrivingQuestion, Dimension, FirstAndLatest, Span};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::{CloseReason, Programme};
use crate::matching_runs::fairness::age_band;
pub use over_time::StagesAt;
pub use period::{Period, PeriodKind};
use suppression::{publish, share, Cell};
pub use waiting::Waiting;

/// Months after which the share of matches still active is reported.
pub const RETENTION_MONTHS: [u32; 3] = [3, 6, 12];

/// A count of arriving and of receiving members, with their total.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct BySide {
    /// Arriving members (seekers).
    pub arriving: Cell,
    /// Receiving members (buddies).
    pub receiving: Cell,
    /// Both.
    pub total: Cell,
}

impl BySide {
    fn of(arriving: i64, receiving: i64) -> Self {
        let p = publish(&[n(arriving), n(receiving)]);
        Self {
            arriving: p.cells[0],
            receiving: p.cells[1],
            total: p.total,
        }
    }
}

/// A rating question's share of 4 or 5 out of 5 for one side.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Satisfaction {
    /// People whose latest rating in the period counts.
    pub answered: Cell,
    /// Percent of them rating 4 or 5 (null when it would show fewer than five people).
    pub percent_high: Option<f64>,
}

/// An arriving members' question over time.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Trend {
    /// Arriving members whose latest answer falls in the period.
    pub answered: Cell,
    /// Percent of them answering 4 or 5.
    pub percent_high: Option<f64>,
    /// Of them, those who had answered before (first answer earlier than latest).
    pub repeated: Cell,
    /// Percent of those answering 4 or 5 the first time.
    pub percent_high_first: Option<f64>,
    /// Percent of the same people answering 4 or 5 the latest time.
    pub percent_high_latest: Option<f64>,
}

/// A labelled count (a stage, a close reason, a funnel step, a group).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Labelled {
    /// Code (stage, reason, step or group).
    pub code: String,
    /// How many.
    pub count: Cell,
}

/// A breakdown of one population into groups, with its total.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Breakdown {
    /// The rows.
    pub rows: Vec<Labelled>,
    /// All of them.
    pub total: Cell,
}

impl Breakdown {
    fn of(rows: Vec<(String, i64)>) -> Self {
        let p = publish(&rows.iter().map(|(_, c)| n(*c)).collect::<Vec<_>>());
        Self {
            rows: rows
                .into_iter()
                .zip(p.cells)
                .map(|((code, _), count)| Labelled { code, count })
                .collect(),
            total: p.total,
        }
    }
}

/// The share of matches still active some months after both accepted.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Retention {
    /// Months.
    pub months: u32,
    /// Matches that began at least that long before the period's end.
    pub matches: Cell,
    /// Percent of them still active that long after they began.
    pub percent_still_active: Option<f64>,
}

/// Participants of one side broken down by one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SideBreakdown {
    /// `arriving` or `receiving`.
    pub side: String,
    /// `gender`, `age_band`, `area` or `main_language`.
    pub dimension: String,
    /// The groups.
    pub breakdown: Breakdown,
}

/// A programme's outcomes for a period.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Outcomes {
    /// First day (included).
    pub from: chrono::NaiveDate,
    /// Last day (included).
    pub to: chrono::NaiveDate,
    /// Sign-ups confirmed in the period.
    pub confirmed: BySide,
    /// People a coordinator approved a match for in the period.
    pub matched: BySide,
    /// People in a live match at the end of the period.
    pub active: BySide,
    /// Pairs created (both accepted) in the period.
    pub pairs_created: Cell,
    /// "How is it going?" (check-ins and exit questions), arriving members.
    pub satisfaction_arriving: Satisfaction,
    /// The same, receiving members.
    pub satisfaction_receiving: Satisfaction,
    /// "I feel I belong here", arriving members.
    pub belonging: Trend,
    /// "I can hold a simple conversation in the local language", arriving members.
    pub conversation: Trend,
    /// Live matches now, per stage.
    pub stages_now: Breakdown,
    /// Live matches per stage at the end of each month of the period and of its last day.
    pub stages_over_time: Vec<StagesAt>,
    /// Arriving members up to the period's end: signed up, confirmed, matched, introduced, met,
    /// building trust, mutual, independent.
    pub funnel: Vec<Labelled>,
    /// Matches still active after 3, 6 and 12 months.
    pub retention: Vec<Retention>,
    /// Matches closed in the period, by reason.
    pub closures: Breakdown,
    /// Arriving members who became receiving members or volunteers in the period.
    pub became_buddies: Cell,
    /// Waiting for a buddy.
    pub waiting: Waiting,
    /// Participants (confirmed by the period's end) by side and gender, age band, area, main
    /// language.
    pub breakdowns: Vec<SideBreakdown>,
}

fn n(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn satisfaction(rows: &[store::SideRating], side: &str) -> Satisfaction {
    let (answered, high) = rows
        .iter()
        .find(|r| r.side == side)
        .map_or((0, 0), |r| (n(r.answered), n(r.high)));
    Satisfaction {
        answered: suppression::count(answered),
        percent_high: share(high, answered),
    }
}

fn trend(f: &FirstAndLatest) -> Trend {
    let (answered, repeated) = (n(f.answered), n(f.repeated));
    Trend {
        answered: suppression::count(answered),
        percent_high: share(n(f.latest_high), answered),
        repeated: suppression::count(repeated),
        percent_high_first: share(n(f.repeated_first_high), repeated),
        percent_high_latest: share(n(f.repeated_latest_high), repeated),
    }
}

fn retention(
    lives: &[(NaiveDateTime, Option<NaiveDateTime>)],
    end: NaiveDateTime,
) -> Vec<Retention> {
    RETENTION_MONTHS
        .iter()
        .map(|&months| {
            let after = |t: NaiveDateTime| t.checked_add_months(Months::new(months));
            let cohort: Vec<_> = lives
                .iter()
                .filter(|(began, _)| after(*began).is_some_and(|a| a <= end))
                .collect();
            let still = cohort
                .iter()
                .filter(|(began, closed)| {
                    closed.map_or(true, |c| after(*began).is_some_and(|a| c >= a))
                })
                .count();
            let total = cohort.len() as u64;
            Retention {
                months,
                matches: suppression::count(total),
                percent_still_active: share(still as u64, total),
            }
        })
        .collect()
}

fn breakdowns(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<Vec<SideBreakdown>, DbError> {
    let names = ["gender", "age_band", "area", "main_language"];
    let mut out = Vec::new();
    let counts = store::participants_by_each(conn, programmes, end)?;
    for ((dimension, name), rows) in Dimension::ALL.into_iter().zip(names).zip(counts) {
        for side in ["arriving", "receiving"] {
            let mut groups: BTreeMap<String, i64> = BTreeMap::new();
            for r in rows.iter().filter(|r| r.a == side) {
                let key = match (dimension, r.b.parse::<i32>()) {
                    (Dimension::BirthYear, Ok(year)) => age_band(end.year() - year).to_owned(),
                    _ => r.b.clone(),
                };
                *groups.entry(key).or_default() += r.n;
            }
            out.push(SideBreakdown {
                side: side.to_owned(),
                dimension: name.to_owned(),
                breakdown: Breakdown::of(groups.into_iter().collect()),
            });
        }
    }
    Ok(out)
}

/// The outcomes of `programme` for `period`, as of `now`.
///
/// # Errors
/// Storage failures.
pub fn outcomes(
    db: &Db,
    programme: &Programme,
    period: &Period,
    now: NaiveDateTime,
) -> Result<Outcomes, DbError> {
    outcomes_of(db, &[programme.id], period, now)
}

/// What the three groups of queries of [`outcomes_of`] give.
struct Answers {
    satisfaction: Vec<store::SideRating>,
    belonging: FirstAndLatest,
    conversation: FirstAndLatest,
    stage_deltas: Vec<store::StageDelta>,
    live_stages: Vec<store::GroupCount>,
    closures: Vec<store::GroupCount>,
    lives: Vec<(NaiveDateTime, Option<NaiveDateTime>)>,
    became_buddies: i64,
}

struct Path {
    funnel: store::Funnel,
    waiting: Waiting,
}

struct People {
    confirmed: Vec<store::GroupCount>,
    matched: (i64, i64),
    active: (i64, i64),
    pairs_created: i64,
    breakdowns: Vec<SideBreakdown>,
}

/// Pools smaller than this read the groups one after the other (three at once would take every
/// connection from the requests around).
const PARALLEL_MIN_POOL: u32 = 4;

/// The result of a query thread (a panic in it is an error, not a crash of the request).
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, Result<T, DbError>>) -> Result<T, DbError> {
    h.join().unwrap_or_else(|_| {
        Err(DbError::Unexpected(anyhow::anyhow!(
            "an outcomes query thread panicked"
        )))
    })
}

/// Runs one query and logs how long it took (`RUST_LOG=buddymatch::outcomes=debug`).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = std::time::Instant::now();
    let out = f();
    tracing::debug!(what, ms = started.elapsed().as_millis(), "outcomes query");
    out
}

/// Runs `f` on a connection of its own; logs how long it took (`RUST_LOG=buddymatch::outcomes=debug`).
fn on_own_connection<T>(
    db: &Db,
    group: &str,
    f: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
) -> Result<T, DbError> {
    let started = std::time::Instant::now();
    let out = f(&mut *db.get()?);
    tracing::debug!(
        group,
        ms = started.elapsed().as_millis(),
        "outcomes query group"
    );
    out
}

/// The outcomes of several programmes together (an admin's view across programmes): every
/// count over all of them, suppressed as for one.
///
/// The twenty or so aggregate queries run in three groups at once, each on its own pooled
/// connection (one snapshot per group: a report, not a transaction), when the pool has at
/// least [`PARALLEL_MIN_POOL`] connections.
///
/// # Errors
/// Storage failures.
pub fn outcomes_of(
    db: &Db,
    programmes: &[i32],
    period: &Period,
    now: NaiveDateTime,
) -> Result<Outcomes, DbError> {
    let id = programmes;
    let span = Span {
        from: period.start(),
        to: period.end(),
    };
    let end = span.to;
    let points = period.points();
    let answers = |c: &mut DbConnection| {
        Ok(Answers {
            satisfaction: timed("satisfaction", || store::satisfaction(c, id, span))?,
            belonging: timed("belonging", || {
                store::first_and_latest(c, id, ArrivingQuestion::Belonging, span)
            })?,
            conversation: timed("conversation", || {
                store::first_and_latest(c, id, ArrivingQuestion::Conversation, span)
            })?,
            stage_deltas: timed("stage_deltas", || {
                store::stage_deltas(c, id, period.day_after())
            })?,
            live_stages: timed("live_stages", || store::live_stages(c, id))?,
            closures: timed("closures", || store::closures(c, id, span))?,
            lives: timed("lives", || store::match_lives(c, id, end))?,
            became_buddies: timed("became_buddies", || store::became_buddies(c, id, span))?,
        })
    };
    let path = |c: &mut DbConnection| {
        Ok(Path {
            funnel: timed("funnel", || store::funnel(c, id, end))?,
            waiting: timed("waiting", || waiting::waiting(c, id, span, now))?,
        })
    };
    let people = |c: &mut DbConnection| {
        Ok(People {
            confirmed: timed("confirmed", || store::confirmed_by_role(c, id, span))?,
            matched: timed("matched", || store::matched_people(c, id, span))?,
            active: timed("active", || store::active_people(c, id, end))?,
            pairs_created: timed("pairs_created", || store::pairs_created(c, id, span))?,
            breakdowns: timed("breakdowns", || breakdowns(c, id, end))?,
        })
    };
    let (answers, path, people) = if db.max_connections() >= PARALLEL_MIN_POOL {
        std::thread::scope(|s| {
            let a = s.spawn(|| on_own_connection(db, "answers", answers));
            let p = s.spawn(|| on_own_connection(db, "path", path));
            let people = on_own_connection(db, "people", people);
            (joined(a), joined(p), people)
        })
    } else {
        let c = &mut *db.get()?;
        (answers(c), path(c), people(c))
    };
    let (a, p, people) = (answers?, path?, people?);
    let role = |code: &str| {
        people
            .confirmed
            .iter()
            .find(|g| g.key == code)
            .map_or(0, |g| g.n)
    };
    let f = &p.funnel;
    let funnel = [
        ("signed_up", f.signed_up),
        ("confirmed", f.confirmed),
        ("matched", f.matched),
        ("introduced", f.introduced),
        ("met", f.met),
        ("building_trust", f.building_trust),
        ("mutual", f.mutual),
        ("independent", f.independent),
    ]
    .into_iter()
    .map(|(code, v)| Labelled {
        code: code.to_owned(),
        count: suppression::count(n(v)),
    })
    .collect();
    let count_of = |groups: &[store::GroupCount], code: &str| {
        groups.iter().find(|g| g.key == code).map_or(0, |g| g.n)
    };
    Ok(Outcomes {
        from: period.first,
        to: period.last,
        confirmed: BySide::of(role("arriving"), role("receiving")),
        matched: BySide::of(people.matched.0, people.matched.1),
        active: BySide::of(people.active.0, people.active.1),
        pairs_created: suppression::count(n(people.pairs_created)),
        satisfaction_arriving: satisfaction(&a.satisfaction, "seeker"),
        satisfaction_receiving: satisfaction(&a.satisfaction, "buddy"),
        belonging: trend(&a.belonging),
        conversation: trend(&a.conversation),
        stages_now: Breakdown::of(
            over_time::live_stages()
                .map(|s| (s.code().to_owned(), count_of(&a.live_stages, s.code())))
                .collect(),
        ),
        funnel,
        stages_over_time: over_time::stages_at(&points, &a.stage_deltas),
        retention: retention(&a.lives, end),
        closures: Breakdown::of(
            CloseReason::ALL
                .iter()
                .map(|r| (r.code().to_owned(), count_of(&a.closures, r.code())))
                .collect(),
        ),
        became_buddies: suppression::count(n(a.became_buddies)),
        waiting: p.waiting,
        breakdowns: people.breakdowns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a time")
    }

    #[test]
    fn retention_counts_matches_old_enough_and_still_going() {
        let end = t("2026-12-01 00:00");
        // Eight matches began a year ago: six still live, one closed after 4 months, one after
        // 13 months (so active at 12). Two began last month (too young for any figure).
        let mut lives = vec![(t("2025-11-15 10:00"), None); 6];
        lives.push((t("2025-11-15 10:00"), Some(t("2026-03-20 10:00"))));
        lives.push((t("2025-11-15 10:00"), Some(t("2026-12-20 10:00"))));
        lives.push((t("2026-11-10 10:00"), None));
        lives.push((t("2026-11-12 10:00"), None));
        let r = retention(&lives, end);
        assert_eq!(r[0].months, 3);
        assert_eq!(r[0].matches, Cell::Shown(8));
        // At 3 months all 8 were active: 8 of 8, but "not active" is 0 < 5: hidden.
        assert_eq!(r[0].percent_still_active, None);
        // At 12 months: 7 of 8 (the 4-month one ended): 1 not active is under 5: hidden too.
        assert_eq!(r[2].percent_still_active, None);
        // Enough of both: 10 young-enough matches, 5 ended early.
        let mut lives = vec![(t("2025-01-01 10:00"), None); 5];
        lives.extend(vec![
            (t("2025-01-01 10:00"), Some(t("2025-02-01 10:00")));
            5
        ]);
        let r = retention(&lives, end);
        assert_eq!(r[0].percent_still_active, Some(50.0));
    }
}
