//! Outcomes of a small fixed history, written through the storage code day by day, against
//! figures worked out by hand (every figure of the report: the published cell, "<5" where the
//! suppression rules hide it). Runs on SQLite and, with `BUDDYMATCH_TEST_BACKEND=postgres`, on
//! PostgreSQL.
//!
//! The history, in days after day 0 (200 days before today, when all 45 people signed up and
//! were confirmed: 25 arriving members S1–S25, 20 receiving members B1–B20):
//! - day 5: S1–S10 matched with B1–B10 (approved and both accepted that day; waited 5 days);
//! - day 25: S11–S20 with B11–B20 (waited 25 days); S21–S25 are never matched;
//! - day 30: matches 1–10 meet (`getting_to_know`), day 60 build trust, and matches 1–5 turn
//!   mutual on day 90; matches 11–15 meet on day 40; matches 16–20 close on day 100 (16–18
//!   moved away, 19–20 completed);
//! - check-ins of matches 1–15, both sides: day 35 "how is it going" 1 and belonging 2; day 70
//!   "how is it going" 5 (S1–S10), 2 (S11–S15), 4 (every buddy), belonging 4 (S1–S10) and 3
//!   (S11–S15), conversation 5 (S1–S6) and 1 (S7–S15).
//!
//! Nobody is matched again after a close, so S16–S20 wait again.

use buddymatch::db::checkins::{self, NewAnswer};
use buddymatch::db::{continuum, participants, programmes};
use buddymatch::domain::{CloseReason, GoOn, Met, Side, Stage};
use buddymatch::outcomes::suppression::{publish, Cell};
use buddymatch::outcomes::{self, Period};
use chrono::{Days, NaiveDateTime, Utc};

use crate::continuum_support::{add_person, live_match_of, write};
use crate::helpers::spawn_app;

fn answer(going: u8, belonging: Option<u8>, conversation: Option<u8>) -> NewAnswer {
    NewAnswer {
        met: Met::Several,
        met_in_person: true,
        met_online: false,
        met_by_phone: false,
        going: Some(going),
        trust: Some(4),
        gave: Vec::new(),
        received: Vec::new(),
        go_on: GoOn::Yes,
        pause_until: None,
        end_reason: None,
        carry_on_without_programme: false,
        wants_to_volunteer: false,
        note: None,
        belonging,
        conversation,
    }
}

const S: Cell = Cell::Hidden;

fn shown(n: u64) -> Cell {
    Cell::Shown(n)
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // one history, every figure
async fn a_fixed_history_gives_the_figures_worked_out_by_hand() {
    let app = spawn_app().await;
    let now = Utc::now().naive_utc();
    let today = now.date();
    let day0 = today
        .checked_sub_days(Days::new(200))
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a day");
    let day = move |n: u64| day0.checked_add_days(Days::new(n)).expect("a day");
    let programme = write(app.db(), |c| programmes::by_slug(c, "demo"))
        .await
        .expect("demo programme");
    let person = |name: String, role: &str| {
        let email = format!("{}@fixed.example.org", name.to_lowercase());
        add_person(app.db(), &programme, &name, &email, role, true)
    };
    let seekers: Vec<i32> = (1..=25)
        .map(|i| person(format!("S{i}"), "arriving"))
        .collect();
    let buddies: Vec<i32> = (1..=20)
        .map(|i| person(format!("B{i}"), "receiving"))
        .collect();
    let everyone: Vec<i32> = seekers.iter().chain(&buddies).copied().collect();
    write(app.db(), move |c| {
        for id in everyone {
            participants::backdate_sign_up(c, id, day0)?;
        }
        Ok(())
    })
    .await;
    let matches: Vec<i32> = (0..20)
        .map(|i| {
            let began = if i < 10 { day(5) } else { day(25) };
            live_match_of(app.db(), programme.id, seekers[i], buddies[i], began)
        })
        .collect();
    let (m, s, b) = (matches.clone(), seekers.clone(), buddies.clone());
    write(app.db(), move |c| {
        for &id in &m[..10] {
            continuum::set_stage(c, id, Stage::GettingToKnow, day(30), None)?;
            continuum::set_stage(c, id, Stage::BuildingTrust, day(60), None)?;
        }
        for &id in &m[..5] {
            continuum::set_stage(c, id, Stage::Mutual, day(90), None)?;
        }
        for &id in &m[10..15] {
            continuum::set_stage(c, id, Stage::GettingToKnow, day(40), None)?;
        }
        for (i, &id) in m[15..].iter().enumerate() {
            let reason = if i < 3 {
                CloseReason::MovedAway
            } else {
                CloseReason::Completed
            };
            continuum::close(c, id, reason, day(100), None)?;
        }
        for i in 0..15 {
            let (seeker_going, belonging, conversation) = if i < 10 {
                (5, 4, if i < 6 { 5 } else { 1 })
            } else {
                (2, 3, 1)
            };
            for (period, due) in [(1, day(34)), (2, day(69))] {
                let first = period == 1;
                let id = checkins::schedule(c, m[i], s[i], Side::Seeker, period, due)?
                    .expect("new check-in");
                let a = if first {
                    answer(1, Some(2), None)
                } else {
                    answer(seeker_going, Some(belonging), Some(conversation))
                };
                checkins::answer(c, id, &a, if first { day(35) } else { day(70) })?;
                let id = checkins::schedule(c, m[i], b[i], Side::Buddy, period, due)?
                    .expect("new check-in");
                let going = if first { 1 } else { 4 };
                checkins::answer(
                    c,
                    id,
                    &answer(going, None, None),
                    if first { day(35) } else { day(70) },
                )?;
            }
        }
        Ok(())
    })
    .await;

    let from = day0.date().format("%Y-%m-%d").to_string();
    let to = today.format("%Y-%m-%d").to_string();
    let period = Period::parse(Some("custom"), Some(&from), Some(&to), today).expect("period");
    let db = app.db().clone();
    let o = tokio::task::spawn_blocking(move || outcomes::outcomes(&db, &programme, &period, now))
        .await
        .expect("task")
        .expect("outcomes");

    // Taking part: all 45 confirmed in the period; 20 + 20 matched; matches 1–15 live at the end.
    assert_eq!(
        (
            o.confirmed.arriving,
            o.confirmed.receiving,
            o.confirmed.total
        ),
        (shown(25), shown(20), shown(45))
    );
    assert_eq!(
        (o.matched.arriving, o.matched.receiving, o.matched.total),
        (shown(20), shown(20), shown(40))
    );
    assert_eq!(
        (o.active.arriving, o.active.receiving, o.active.total),
        (shown(15), shown(15), shown(30))
    );
    assert_eq!(o.pairs_created, shown(20));
    assert_eq!(
        o.became_buddies, S,
        "none (0 is hidden like any count under 5)"
    );

    // Satisfaction: latest answers (day 70) of matches 1–15: seekers 10 of 15 rate 5; every
    // buddy rates 4, so "not 4 or 5" is 0 and the share is hidden.
    assert_eq!(o.satisfaction_arriving.answered, shown(15));
    assert_eq!(o.satisfaction_arriving.percent_high, Some(66.7));
    assert_eq!(o.satisfaction_receiving.answered, shown(15));
    assert_eq!(o.satisfaction_receiving.percent_high, None);

    // Belonging: 15 answered twice; latest 4 for 10 of them; first (2) never 4 or 5.
    assert_eq!(o.belonging.answered, shown(15));
    assert_eq!(o.belonging.percent_high, Some(66.7));
    assert_eq!(o.belonging.repeated, shown(15));
    assert_eq!(o.belonging.percent_high_first, None, "0 of 15: hidden");
    assert_eq!(o.belonging.percent_high_latest, Some(66.7));
    // Conversation: asked once (day 70): 6 of 15 say 5.
    assert_eq!(o.conversation.answered, shown(15));
    assert_eq!(o.conversation.percent_high, Some(40.0));
    assert_eq!(o.conversation.repeated, S);
    assert_eq!(o.conversation.percent_high_first, None);

    // Stages now: mutual 5 (1–5), building trust 5 (6–10), getting to know 5 (11–15); the empty
    // stages sum to 0, so the first five (getting to know) is hidden with them.
    let stages_now: Vec<(String, Cell)> = o
        .stages_now
        .rows
        .iter()
        .map(|r| (r.code.clone(), r.count))
        .collect();
    let expect_now = [
        ("introduced", S),
        ("getting_to_know", S),
        ("building_trust", shown(5)),
        ("mutual", shown(5)),
        ("independent", S),
        ("stalled", S),
        ("paused", S),
    ];
    assert_eq!(
        stages_now,
        expect_now
            .iter()
            .map(|(c, n)| ((*c).to_owned(), *n))
            .collect::<Vec<_>>()
    );
    assert_eq!(o.stages_now.total, shown(15));

    // Funnel: 25 signed up and confirmed, 20 matched and introduced, 15 met, 10 built trust,
    // 5 mutual, none independent.
    let funnel: Vec<Cell> = o.funnel.iter().map(|s| s.count).collect();
    assert_eq!(
        funnel,
        [
            shown(25),
            shown(25),
            shown(20),
            shown(20),
            shown(15),
            shown(10),
            shown(5),
            S
        ]
    );

    // Still active: after 3 months 15 of 20 (16–20 closed on day 100, 75 days in); after 6
    // months only matches 1–10 are old enough, all still live (0 ended: hidden); none a year old.
    let retention: Vec<(u32, Cell, Option<f64>)> = o
        .retention
        .iter()
        .map(|r| (r.months, r.matches, r.percent_still_active))
        .collect();
    assert_eq!(
        retention,
        [
            (3, shown(20), Some(75.0)),
            (6, shown(10), None),
            (12, S, None)
        ]
    );

    // Closures in the period: 3 moved away, 2 completed: both under five, total 5.
    assert_eq!(o.closures.total, shown(5));
    assert!(o.closures.rows.iter().all(|r| r.count == S));

    // Waiting: ten waited 5 days, ten 25: median (10th of 20) 5, 90th percentile (18th) 25;
    // five wait now. By band: 0–7 holds 10, 15–30 holds 10, the rest none: the first ten are
    // hidden with the empty bands.
    assert_eq!(o.waiting.introduced, shown(20));
    assert_eq!(o.waiting.median_days, Some(5));
    assert_eq!(o.waiting.p90_days, Some(25));
    // Waiting now: S21–S25 and S16–S20 (their matches closed), all since day 0 (199 or 200 days
    // by the time of day).
    assert_eq!(o.waiting.waiting_now, shown(10));
    assert!(
        matches!(o.waiting.waiting_now_median_days, Some(199 | 200)),
        "{:?}",
        o.waiting.waiting_now_median_days
    );
    let bands: Vec<(String, Cell)> = o
        .waiting
        .introduced_by_days
        .rows
        .iter()
        .map(|r| (r.code.clone(), r.count))
        .collect();
    assert_eq!(bands[0], ("0-7".to_owned(), S));
    assert_eq!(bands[2], ("15-30".to_owned(), shown(10)));
    assert_eq!(o.waiting.introduced_by_days.total, shown(20));
    assert_eq!(o.waiting.waiting_now_by_days.rows[6].code, "181+");
    // All ten in one band: with the empty bands summing to 0, that band would give itself away
    // through the total, so it is hidden too.
    assert_eq!(o.waiting.waiting_now_by_days.rows[6].count, S);
    assert_eq!(o.waiting.waiting_now_by_days.total, shown(10));

    // Participants by group: the test profiles give no gender or birth year, area "zentrum",
    // first language German.
    let group = |side: &str, dimension: &str| {
        o.breakdowns
            .iter()
            .find(|b| b.side == side && b.dimension == dimension)
            .map(|b| {
                b.breakdown
                    .rows
                    .iter()
                    .map(|r| (r.code.clone(), r.count))
                    .collect::<Vec<_>>()
            })
            .expect("breakdown")
    };
    assert_eq!(
        group("arriving", "gender"),
        [("unknown".to_owned(), shown(25))]
    );
    assert_eq!(
        group("receiving", "area"),
        [("zentrum".to_owned(), shown(20))]
    );
    assert_eq!(
        group("arriving", "main_language"),
        [("de".to_owned(), shown(25))]
    );
    assert_eq!(
        group("receiving", "age_band"),
        [("unknown".to_owned(), shown(20))]
    );

    // Stages at the end of each month and of the last day, from the history above.
    let live_at = |at: NaiveDateTime| {
        let d = |n: u64| day(n) < at;
        let mut counts = [0_u64; 7]; // in path order: introduced .. paused
        for i in 0..20 {
            let stage = if i < 10 {
                match (d(5), d(30), d(60), i < 5 && d(90)) {
                    (false, ..) => None,
                    (true, false, ..) => Some(0),
                    (true, true, false, _) => Some(1),
                    (true, true, true, false) => Some(2),
                    (true, true, true, true) => Some(3),
                }
            } else if i < 15 {
                match (d(25), d(40)) {
                    (false, _) => None,
                    (true, false) => Some(0),
                    (true, true) => Some(1),
                }
            } else {
                (d(25) && !d(100)).then_some(0)
            };
            if let Some(s) = stage {
                counts[s] += 1;
            }
        }
        publish(&counts)
    };
    assert_eq!(o.stages_over_time.len(), period.points().len());
    for point in &o.stages_over_time {
        let at = point
            .day
            .succ_opt()
            .expect("a next day")
            .and_time(chrono::NaiveTime::MIN);
        let want = live_at(at);
        let got: Vec<Cell> = point.stages.rows.iter().map(|r| r.count).collect();
        assert_eq!(got, want.cells, "at the end of {}", point.day);
        assert_eq!(
            point.stages.total, want.total,
            "at the end of {}",
            point.day
        );
    }
}
