//! Outcomes on a lived-through demo programme (`demo --history-months`): every figure the SQL
//! aggregates give is checked against a plain count over the stored rows, and every published
//! count is at least five or hidden.

use std::collections::HashMap;

use buddymatch::db::programmes;
use buddymatch::db::schema::{checkins, matches, participants};
use buddymatch::outcomes::suppression::{Cell, MIN_CELL};
use buddymatch::outcomes::{self, Breakdown, BySide, Period};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::cli_support::{stderr, CliDb};

fn shown(c: Cell, expected: usize) {
    match c {
        Cell::Shown(v) => assert_eq!(v, expected as u64),
        Cell::Hidden => assert!(
            (expected as u64) < MIN_CELL || expected == 0,
            "{expected} hidden"
        ),
    }
}

fn by_side(s: &BySide, arriving: usize, receiving: usize) {
    if s.total != Cell::Hidden {
        assert_eq!(s.total, Cell::Shown((arriving + receiving) as u64));
    }
    for (cell, want) in [(s.arriving, arriving), (s.receiving, receiving)] {
        if let Cell::Shown(v) = cell {
            assert_eq!(v, want as u64);
        }
    }
}

fn assert_suppressed(b: &Breakdown) {
    for r in &b.rows {
        if let Cell::Shown(v) = r.count {
            assert!(v >= MIN_CELL, "{} shown as {v}", r.code);
        }
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    let (p, w) = (part as u64, whole as u64);
    (p >= MIN_CELL && w - p >= MIN_CELL)
        .then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

#[test]
fn outcomes_agree_with_plain_counts_of_the_stored_rows() {
    let db = CliDb::new();
    let out = db.run(&[
        "demo",
        "--programme",
        "outcomes",
        "--seekers",
        "90",
        "--buddies",
        "70",
        "--seed",
        "11",
        "--history-months",
        "10",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pool = db.db();
    let mut conn = pool.get().expect("connection");
    let programme = programmes::by_slug(&mut conn, "outcomes")
        .expect("query")
        .expect("programme");
    let now = chrono::Utc::now().naive_utc();
    let period = Period::parse(None, None, None, now.date()).expect("default period");
    let (from, to) = (period.start(), period.end());
    let o = outcomes::outcomes(&mut conn, &programme, &period, now).expect("outcomes");
    let within = |t: Option<NaiveDateTime>| t.is_some_and(|t| t >= from && t < to);

    // The stored rows, read plainly.
    let people: Vec<(i32, String, Option<NaiveDateTime>)> = participants::table
        .filter(participants::programme_id.eq(programme.id))
        .select((
            participants::id,
            participants::role,
            participants::confirmed_at,
        ))
        .load(&mut conn)
        .expect("people");
    type MatchRow = (
        i32,
        i32,
        String,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<String>,
        Option<String>,
    );
    let all: Vec<MatchRow> = matches::table
        .filter(matches::programme_id.eq(programme.id))
        .select((
            matches::seeker_id,
            matches::buddy_id,
            matches::status,
            matches::decided_at,
            matches::active_since,
            matches::closed_at,
            matches::close_reason,
            matches::stage,
        ))
        .load(&mut conn)
        .expect("matches");
    let answers: Vec<(i32, String, Option<NaiveDateTime>, Option<i32>)> = checkins::table
        .select((
            checkins::participant_id,
            checkins::side,
            checkins::answered_at,
            checkins::going,
        ))
        .load(&mut conn)
        .expect("check-ins");

    // Sign-ups confirmed in the period, by role.
    let confirmed = |role: &str| {
        people
            .iter()
            .filter(|(_, r, at)| r == role && within(*at))
            .count()
    };
    by_side(&o.confirmed, confirmed("arriving"), confirmed("receiving"));

    // Approved in the period; live at its end; pairs created.
    let decided = |m: &&MatchRow| {
        ["approved", "declined", "active", "closed"].contains(&m.2.as_str()) && within(m.3)
    };
    let distinct = |pick: fn(&MatchRow) -> i32, keep: &dyn Fn(&&MatchRow) -> bool| {
        let mut ids: Vec<i32> = all.iter().filter(keep).map(pick).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    by_side(
        &o.matched,
        distinct(|m| m.0, &decided),
        distinct(|m| m.1, &decided),
    );
    let live_at_end = |m: &&MatchRow| m.4.is_some_and(|a| a < to) && m.5.map_or(true, |c| c >= to);
    by_side(
        &o.active,
        distinct(|m| m.0, &live_at_end),
        distinct(|m| m.1, &live_at_end),
    );
    let created = all.iter().filter(|m| within(m.4)).count();
    shown(o.pairs_created, created);
    assert!(created >= 5, "the demo history creates pairs: {created}");

    // Satisfaction: each person's latest "how is it going" in the period.
    let mut latest: HashMap<i32, (NaiveDateTime, String, i32)> = HashMap::new();
    for (pid, side, at, going) in &answers {
        let (Some(at), Some(going)) = (*at, *going) else {
            continue;
        };
        if !within(Some(at)) {
            continue;
        }
        let e = latest.entry(*pid).or_insert((at, side.clone(), going));
        if at > e.0 {
            *e = (at, side.clone(), going);
        }
    }
    for (side, figure) in [
        ("seeker", &o.satisfaction_arriving),
        ("buddy", &o.satisfaction_receiving),
    ] {
        let mine: Vec<_> = latest.values().filter(|v| v.1 == side).collect();
        let high = mine.iter().filter(|v| v.2 >= 4).count();
        shown(figure.answered, mine.len());
        assert_eq!(figure.percent_high, percent(high, mine.len()), "{side}");
    }
    assert!(
        o.satisfaction_arriving.percent_high.is_some(),
        "{:?}",
        o.satisfaction_arriving
    );

    // Stages now, closures in the period.
    for row in &o.stages_now.rows {
        let want = all
            .iter()
            .filter(|m| m.2 == "active" && m.7.as_deref().unwrap_or("introduced") == row.code)
            .count();
        if let Cell::Shown(v) = row.count {
            assert_eq!(v, want as u64, "{}", row.code);
        }
    }
    let live = all.iter().filter(|m| m.2 == "active").count();
    shown(o.stages_now.total, live);
    let closed = all.iter().filter(|m| m.4.is_some() && within(m.5)).count();
    shown(o.closures.total, closed);
    assert_suppressed(&o.stages_now);
    assert_suppressed(&o.closures);

    // The funnel narrows; shown counts are at least five.
    let steps: Vec<u64> = o.funnel.iter().filter_map(|s| s.count.value()).collect();
    assert!(steps.windows(2).all(|w| w[0] >= w[1]), "{:?}", o.funnel);
    assert_eq!(
        o.funnel[0].count,
        Cell::Shown(90),
        "every arriving member signed up"
    );
    for b in &o.breakdowns {
        assert_suppressed(&b.breakdown);
        let side_total = people
            .iter()
            .filter(|(_, r, at)| *r == b.side && at.is_some_and(|t| t < to))
            .count();
        shown(b.breakdown.total, side_total);
    }
    // Belonging: answered in the period by arriving members, first against latest.
    assert!(o.belonging.answered != Cell::Shown(0));
}
