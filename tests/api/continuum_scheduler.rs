//! The continuum's scheduler pass on the test's backend: the first check-in a week after both
//! accepted and then one per period, each email once (also with two instances at the same
//! moment), one reminder, stages from the answers, stalled pairs, pauses that end, and the
//! `buddymatch continuum` command.

use buddymatch::continuum::scheduler::{self, PassSummary};
use buddymatch::db::checkins::{self, NewAnswer};
use buddymatch::db::continuum;
use buddymatch::db::{Backend, Db};
use buddymatch::domain::{GoOn, Met, Side, Stage};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use secrecy::ExposeSecret;

use crate::cli_support::{stderr, stdout, CliDb};
use crate::continuum_support::{active_pair, write};
use crate::helpers::{spawn_app_manual_scheduler, TestApp};
use crate::introductions_support::{link_path, mails, Mail, BUDDY_EMAIL, SEEKER_EMAIL};

fn day(month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, month, day)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("valid date")
}

async fn pass(app: &TestApp, now: NaiveDateTime) -> PassSummary {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    tokio::task::spawn_blocking(move || {
        scheduler::run_pass(&db, &settings, None, now).expect("pass")
    })
    .await
    .expect("task")
}

fn checkin_mails(app: &TestApp) -> Vec<Mail> {
    mails(app)
        .into_iter()
        .filter(|m| m.text.contains("/checkin/"))
        .collect()
}

fn met(met: Met, trust: u8) -> NewAnswer {
    NewAnswer {
        met,
        met_in_person: met != Met::None,
        met_online: false,
        met_by_phone: false,
        going: Some(4),
        trust: Some(trust),
        gave: Vec::new(),
        received: Vec::new(),
        go_on: GoOn::Yes,
        pause_until: None,
        end_reason: None,
        carry_on_without_programme: false,
        wants_to_volunteer: false,
        note: None,
        belonging: None,
        conversation: None,
    }
}

/// Answers the open check-in of `side` as if by link.
async fn answer(app: &TestApp, match_id: i32, side: Side, a: NewAnswer, at: NaiveDateTime) {
    let answered = write(app.db(), move |c| {
        let open = checkins::for_match(c, match_id)?
            .into_iter()
            .filter(|k| k.side == side && k.answer.is_none())
            .max_by_key(|k| k.period)
            .expect("an open check-in");
        checkins::answer(c, open.id, &a, at)
    })
    .await;
    assert!(answered);
}

async fn stage_of(app: &TestApp, match_id: i32) -> Option<Stage> {
    write(app.db(), move |c| continuum::find(c, match_id))
        .await
        .expect("match")
        .stage
}

#[tokio::test]
async fn check_ins_go_out_a_week_after_acceptance_then_once_per_period_with_one_reminder() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, day(1, 1)).await;

    assert_eq!(pass(&app, day(1, 7)).await.checkins_queued, 0, "too early");
    let first = pass(&app, day(1, 8)).await;
    assert_eq!((first.matches, first.checkins_queued), (1, 2));
    let sent = checkin_mails(&app);
    assert_eq!(sent.len(), 2);
    let to_seeker = sent.iter().find(|m| m.to == SEEKER_EMAIL).expect("seeker");
    let to_buddy = sent.iter().find(|m| m.to == BUDDY_EMAIL).expect("buddy");
    assert!(
        to_seeker.text.contains("/me/") && to_buddy.text.contains("/me/"),
        "every email carries the person's own data link"
    );
    // Each in their language, naming the other by first name, no contact details.
    assert_eq!(
        (to_seeker.language.as_str(), to_buddy.language.as_str()),
        ("ar", "de")
    );
    assert!(to_seeker.text.contains("Jonas") && to_buddy.text.contains("Amal"));
    assert!(!to_seeker.text.contains("Becker") && !to_seeker.text.contains(BUDDY_EMAIL));
    assert_ne!(
        link_path(&to_seeker.text, "checkin"),
        link_path(&to_buddy.text, "checkin")
    );

    // The same moment again, or a day later: nothing new.
    assert_eq!(
        pass(&app, day(1, 8)).await,
        PassSummary {
            matches: 1,
            ..PassSummary::default()
        }
    );
    assert_eq!(pass(&app, day(1, 10)).await.reminders, 0);
    assert_eq!(checkin_mails(&app).len(), 2);

    // The buddy answers; three days after sending, only the seeker is reminded, once.
    answer(
        &app,
        pair.match_id,
        Side::Buddy,
        met(Met::Once, 4),
        day(1, 10),
    )
    .await;
    assert_eq!(pass(&app, day(1, 11)).await.reminders, 1);
    assert_eq!(pass(&app, day(1, 12)).await.reminders, 0);
    let all = checkin_mails(&app);
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].to, SEEKER_EMAIL);

    // The next period (every 14 days in the demo programme) starts on 22 January.
    assert_eq!(pass(&app, day(1, 21)).await.checkins_queued, 0);
    assert_eq!(pass(&app, day(1, 22)).await.checkins_queued, 2);
    let rows = write(app.db(), move |c| checkins::for_match(c, pair.match_id)).await;
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.sent_at.is_some()));
    assert_eq!(rows.iter().map(|r| r.period).max(), Some(2));
}

#[tokio::test]
async fn stages_follow_the_answers_and_a_silent_pair_stalls_at_the_threshold() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, day(1, 1)).await;
    pass(&app, day(1, 8)).await;
    assert_eq!(stage_of(&app, pair.match_id).await, Some(Stage::Introduced));

    answer(
        &app,
        pair.match_id,
        Side::Seeker,
        met(Met::Once, 3),
        day(1, 9),
    )
    .await;
    let s = pass(&app, day(1, 9)).await;
    assert_eq!((s.stage_changes, s.newly_stalled), (1, 0));
    assert_eq!(
        stage_of(&app, pair.match_id).await,
        Some(Stage::GettingToKnow)
    );

    // Two periods (2 x 14 days) after the last meeting without another: stalled, counted once.
    let threshold = day(1, 9) + Duration::days(28);
    let before = pass(&app, threshold - Duration::hours(1)).await;
    assert_eq!(before.newly_stalled, 0);
    let at = pass(&app, threshold).await;
    assert_eq!(at.newly_stalled, 1);
    assert_eq!(stage_of(&app, pair.match_id).await, Some(Stage::Stalled));
    assert_eq!(
        pass(&app, threshold + Duration::hours(1))
            .await
            .newly_stalled,
        0
    );
    let history = write(app.db(), move |c| {
        continuum::stage_history(c, pair.match_id)
    })
    .await;
    let stages: Vec<Stage> = history.iter().map(|h| h.stage).collect();
    assert_eq!(
        stages,
        [Stage::Introduced, Stage::GettingToKnow, Stage::Stalled]
    );
}

#[tokio::test]
async fn a_paused_match_gets_no_check_in_and_starts_again_on_its_day() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, day(1, 1)).await;
    let until = NaiveDate::from_ymd_opt(2027, 2, 15).expect("date");
    let paused = write(app.db(), move |c| {
        continuum::pause(c, pair.match_id, until, day(1, 2), None)
    })
    .await;
    assert!(paused);
    let during = pass(&app, day(1, 20)).await;
    assert_eq!((during.checkins_queued, during.resumed), (0, 0));
    assert_eq!(stage_of(&app, pair.match_id).await, Some(Stage::Paused));

    let after = pass(&app, day(2, 15)).await;
    assert_eq!(after.resumed, 1);
    assert_eq!(
        after.checkins_queued, 2,
        "the current period's check-in, not a backlog"
    );
    let m = write(app.db(), move |c| continuum::find(c, pair.match_id))
        .await
        .expect("match");
    assert_eq!(m.paused_until, None);
    assert_eq!(m.stage, Some(Stage::Introduced));
    // The stall clock restarted at the end of the pause, not at acceptance.
    assert_eq!(pass(&app, day(2, 20)).await.newly_stalled, 0);
}

#[tokio::test]
async fn two_instances_passing_at_the_same_moment_send_each_check_in_once() {
    let app = spawn_app_manual_scheduler().await;
    active_pair(&app, day(1, 1)).await;
    for round in 0..3 {
        let now = day(1, 8) + Duration::days(14 * round);
        let mut passes = Vec::new();
        for _ in 0..2 {
            // On PostgreSQL each instance has its own connection pool, as two app processes
            // would. SQLite is one instance by design: its passes share the writer lock.
            let db = match app.db().backend() {
                Backend::Postgres => {
                    Db::connect(app.state.settings.database_url.expose_secret(), 4).expect("db")
                }
                Backend::Sqlite => app.db().clone(),
            };
            let settings = app.state.settings.clone();
            passes.push(std::thread::spawn(move || {
                scheduler::run_pass(&db, &settings, None, now).expect("pass")
            }));
        }
        let queued: usize = passes
            .into_iter()
            .map(|p| p.join().expect("thread").checkins_queued)
            .sum();
        assert_eq!(queued, 2, "round {round}");
    }
    assert_eq!(checkin_mails(&app).len(), 6);
}

#[test]
fn the_command_prints_one_summary_line_and_refuses_bad_input() {
    let db = CliDb::new();
    let ok = db.run(&["continuum", "--as-of", "2027-03-01T09:00:00Z"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let out = stdout(&ok);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("continuum: 0 live matches, 0 check-ins queued, 0 reminders"),
        "{out}"
    );

    let bad_time = db.run(&["continuum", "--as-of", "next tuesday"]);
    assert!(!bad_time.status.success());
    assert!(
        stderr(&bad_time).contains("RFC 3339"),
        "{}",
        stderr(&bad_time)
    );
    let bad_programme = db.run(&["continuum", "--programme", "nowhere"]);
    assert!(!bad_programme.status.success());
    assert!(stderr(&bad_programme).contains("no programme `nowhere`"));
}

#[tokio::test]
async fn closing_early_forbids_the_pair_and_sends_both_a_closing_email_once() {
    use buddymatch::continuum::closing::{self, Actor};
    use buddymatch::db::matches::{self, RuleKind};
    use buddymatch::domain::CloseReason;

    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, day(1, 1)).await;
    let closed = write(app.db(), move |c| {
        closing::close(
            c,
            pair.match_id,
            CloseReason::NotAGoodFit,
            Actor::Participant(Side::Buddy),
            day(1, 20),
        )
        .map_err(|e| buddymatch::db::DbError::Unexpected(anyhow::anyhow!("{e}")))
    })
    .await;
    assert!(closed);
    let forbidden = write(app.db(), move |c| {
        matches::has_rule(c, pair.seeker_id, pair.buddy_id, RuleKind::Forbidden)
    })
    .await;
    assert!(forbidden, "the pair is never proposed again");

    let s = pass(&app, day(1, 20)).await;
    assert_eq!((s.matches, s.closing_emails, s.checkins_queued), (0, 2, 0));
    assert_eq!(pass(&app, day(1, 21)).await.closing_emails, 0);
    let goodbyes: Vec<Mail> = checkin_mails(&app);
    assert_eq!(goodbyes.len(), 2);
    let to_seeker = goodbyes
        .iter()
        .find(|m| m.to == SEEKER_EMAIL)
        .expect("seeker");
    let to_buddy = goodbyes
        .iter()
        .find(|m| m.to == BUDDY_EMAIL)
        .expect("buddy");
    // Only the seeker hears about a new buddy; neither hears the reason.
    let rematch_en = "new buddy";
    let (seeker_text, buddy_text) = (&to_seeker.text, &to_buddy.text);
    assert!(seeker_text.contains("شريك جديد"), "{seeker_text}");
    assert!(!buddy_text.contains(rematch_en) && !buddy_text.contains("neues Match"));
    assert!(!seeker_text.contains("not_a_good_fit") && !buddy_text.contains("not_a_good_fit"));
    let m = write(app.db(), move |c| continuum::find(c, pair.match_id))
        .await
        .expect("match");
    assert_eq!(m.stage, Some(Stage::Closed));

    // The closing email's link opens the two exit questions (belonging for the arriving side).
    let seeker_link = link_path(seeker_text, "checkin");
    let page = app.get(&seeker_link).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("body");
    assert!(
        html.contains("سؤالان أخيران") && html.contains("name=\"belonging\""),
        "{html}"
    );
    let buddy_link = link_path(buddy_text, "checkin");
    let html = app.get(&buddy_link).await.text().await.expect("body");
    assert!(!html.contains("name=\"belonging\""));
    let post = |link: String, form: Vec<(&'static str, &'static str)>| {
        let client = app.client.clone();
        let url = format!("{}{link}", app.address);
        async move {
            client
                .post(url)
                .form(&form)
                .send()
                .await
                .expect("sent")
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        post(seeker_link.clone(), vec![("belonging", "9")]).await,
        422
    );
    let answer = vec![
        ("satisfied", "4"),
        ("belonging", "5"),
        ("wants_to_volunteer", "yes"),
    ];
    assert_eq!(post(seeker_link.clone(), answer.clone()).await, 200);
    assert_eq!(post(seeker_link, answer).await, 410, "answered once");
    let exit = write(app.db(), move |c| checkins::for_match(c, pair.match_id))
        .await
        .into_iter()
        .find(|c| c.period == checkins::EXIT_PERIOD && c.side == Side::Seeker)
        .and_then(|c| c.answer)
        .expect("the seeker's exit answers");
    assert_eq!((exit.going, exit.belonging), (Some(4), Some(5)));
    assert!(exit.wants_to_volunteer);
    assert_eq!(exit.end_reason, Some(CloseReason::NotAGoodFit));
}
