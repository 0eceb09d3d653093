//! Outcomes on a lived-through demo programme (`demo --history-months`): every figure the SQL
//! aggregates give is checked against a plain count over the stored rows, and every published
//! count is at least five or hidden; the page and the API publish them, bad periods are 422.

use std::collections::HashMap;

use buddymatch::db::programmes;
use buddymatch::db::schema::{checkins, match_stage_changes, matches, participants};
use buddymatch::outcomes::suppression::{Cell, MIN_CELL};
use buddymatch::outcomes::{self, Breakdown, BySide, Period};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use buddymatch::accounts::store::CoordinatorRole;
use serde_json::Value;

use crate::api_support::{account_with_token, other_programme};
use crate::cli_support::{stderr, CliDb};
use crate::helpers::{spawn_app, TestApp};
use crate::review_support::demo_login;

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
    let programme = programmes::by_slug(&mut pool.get().expect("connection"), "outcomes")
        .expect("query")
        .expect("programme");
    let now = chrono::Utc::now().naive_utc();
    let period = Period::parse(None, None, None, now.date()).expect("default period");
    let (from, to) = (period.start(), period.end());
    let o = outcomes::outcomes(&pool, &programme, &period, now).expect("outcomes");
    let mut conn = pool.get().expect("connection");
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

    // Stages over time: at each point, every match's latest stage change before it.
    let history: Vec<(i32, String, NaiveDateTime)> = match_stage_changes::table
        .inner_join(matches::table)
        .filter(matches::programme_id.eq(programme.id))
        .order((match_stage_changes::changed_at, match_stage_changes::id))
        .select((
            match_stage_changes::match_id,
            match_stage_changes::stage,
            match_stage_changes::changed_at,
        ))
        .load(&mut conn)
        .expect("stage history");
    assert_eq!(o.stages_over_time.len(), period.points().len());
    for point in &o.stages_over_time {
        let instant = point
            .day
            .succ_opt()
            .expect("a next day")
            .and_time(chrono::NaiveTime::MIN);
        let mut current: HashMap<i32, &str> = HashMap::new();
        for (id, stage, _) in history.iter().filter(|h| h.2 < instant) {
            current.insert(*id, stage);
        }
        let live: Vec<&str> = current.into_values().filter(|s| *s != "closed").collect();
        shown(point.stages.total, live.len());
        assert_suppressed(&point.stages);
        for row in &point.stages.rows {
            if let Cell::Shown(v) = row.count {
                let want = live.iter().filter(|s| **s == row.code).count();
                assert_eq!(v, want as u64, "{} at {}", row.code, point.day);
            }
        }
    }
    let last = o.stages_over_time.last().expect("the period's last day");
    assert_eq!(last.day, period.last);
    assert_eq!(
        last.stages.total, o.stages_now.total,
        "the last point is now"
    );

    // Waiting spread over bands: the bands add up to the people counted.
    assert_eq!(o.waiting.introduced_by_days.total, o.waiting.introduced);
    assert_eq!(o.waiting.waiting_now_by_days.total, o.waiting.waiting_now);
    assert_suppressed(&o.waiting.introduced_by_days);
}

/// A demo programme with six months lived through, in the test app's own database.
async fn lived_programme(app: &TestApp) {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    tokio::task::spawn_blocking(move || {
        buddymatch::cli::demo::populate(&db, "demo", 60, 45, 4).expect("demo people");
        let programme = programmes::by_slug(&mut db.get().expect("connection"), "demo")
            .expect("query")
            .expect("programme");
        let now = chrono::Utc::now().naive_utc();
        buddymatch::cli::demo_history::simulate(&db, &settings, &programme, 6, 4, now)
            .expect("history");
    })
    .await
    .expect("blocking task");
}

#[tokio::test]
async fn the_outcomes_page_and_api_publish_the_figures_without_small_counts() {
    let app = spawn_app().await;
    lived_programme(&app).await;
    demo_login(&app).await;

    let page = app.get("/coordinator/programmes/demo/outcomes").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("body");
    for text in [
        "Outcomes of",
        "Volunteer/migrant pairs created",
        "From sign-up to a two-way connection",
        "<svg",
        "Chart: live matches by stage over the period",
        "Chart: days waited for a buddy",
        "Chart: belonging and conversation, first answer and latest",
        "How long people waited",
        "Participants by first language",
        "4 or 5 of 5",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(
        !html.contains(".demo@example.org"),
        "no participant contact on the report"
    );
    let bad = app
        .get("/coordinator/programmes/demo/outcomes?period=custom&from=2026-13-01&to=2026-01-01")
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad
        .text()
        .await
        .expect("body")
        .contains("Please enter a date like 2026-03-31."));

    let token = account_with_token(
        &app,
        "api@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    )
    .await;
    let get = |path: String| {
        let (client, token) = (app.client.clone(), token.clone());
        let url = format!("{}{path}", app.address);
        async move {
            client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .expect("sent")
        }
    };
    let r = get("/api/v1/programmes/demo/outcomes".into()).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["funnel"].as_array().map(Vec::len), Some(8), "{v}");
    let counts = [
        &v["pairs_created"],
        &v["confirmed"]["total"],
        &v["stages_now"]["total"],
    ];
    for c in counts {
        assert!(c.as_u64().is_some_and(|n| n >= 5) || c == "<5", "{c}");
    }
    let r = get("/api/v1/programmes/demo/outcomes?period=decade".into()).await;
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["error"]["fields"][0]["field"], "period", "{v}");
    let r = get("/api/v1/programmes/demo/outcomes?from=2026-01-01".into()).await;
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["error"]["fields"][0]["field"], "to", "{v}");
    other_programme(&app).await;
    let r = get("/api/v1/programmes/other/outcomes".into()).await;
    assert_eq!(r.status(), 404);

    // CSV: every table in long form, or one as laid out; UTF-8 with a byte-order mark.
    let r = get("/api/v1/programmes/demo/outcomes.csv".into()).await;
    assert_eq!(r.status(), 200);
    assert!(r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/csv")));
    let disposition = r
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"outcomes-demo-"),
        "{disposition}"
    );
    let body = r.bytes().await.expect("body");
    assert!(body.starts_with("\u{feff}table,row,column,value\n".as_bytes()));
    let text = String::from_utf8(body.to_vec()).expect("utf-8");
    assert!(text.contains("Volunteer/migrant pairs created"));
    assert!(!text.contains(".demo@example.org"));
    // Plain numbers for spreadsheets: digits and a point, "<5" or nothing; no signs, no
    // grouping, whatever the page's language.
    for line in text.lines().skip(1) {
        let value = line.rsplit(',').next().unwrap_or_default();
        assert!(
            value.is_empty() || value == "<5" || value.parse::<f64>().is_ok(),
            "not a plain number: {line}"
        );
    }
    let r = get("/api/v1/programmes/demo/outcomes.csv?table=funnel&period=year".into()).await;
    assert_eq!(r.status(), 200);
    let text = r.text().await.expect("body");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 9, "a heading and eight steps: {text}");
    assert!(lines[1].starts_with("Signed up,"), "{text}");
    let r = get("/api/v1/programmes/demo/outcomes.csv?table=nope".into()).await;
    assert_eq!(r.status(), 404);
    let r = get("/api/v1/programmes/demo/outcomes.csv?period=decade".into()).await;
    assert_eq!(r.status(), 422);
    // The page's download, in the coordinator's language.
    let page_csv = app
        .get("/coordinator/programmes/demo/outcomes.csv?table=participation&lang=de")
        .await;
    assert_eq!(page_csv.status(), 200);
    let text = page_csv.text().await.expect("body");
    assert!(text.lines().count() == 4, "{text}");

    // Across programmes: admins only.
    assert_eq!(app.get("/coordinator/outcomes").await.status(), 403);
}

#[tokio::test]
async fn admins_see_every_programme_together() {
    let app = spawn_app().await;
    lived_programme(&app).await;
    other_programme(&app).await;
    crate::review_support::add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
    crate::review_support::login(&app, "admin@example.org").await;
    let page = app.get("/coordinator/outcomes").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("body");
    assert!(html.contains("Outcomes of All programmes"), "{html}");
    assert!(html.contains("Volunteer/migrant pairs created"));
    let csv = app.get("/coordinator/outcomes.csv?table=funnel").await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.expect("body");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("Signed up,60")),
        "{text}"
    );
    // The page writes the same figure in the reader's digits; the CSV stays plain.
    let fa = app.get("/coordinator/outcomes?lang=fa").await;
    let html = fa.text().await.expect("body");
    assert!(html.contains("<td>۶۰</td>"), "Persian digits on the page");
    let csv = app
        .get("/coordinator/outcomes.csv?table=funnel&lang=fa")
        .await;
    let text = csv.text().await.expect("body");
    assert!(text.contains(",60") && !text.contains('۶'), "{text}");
}
