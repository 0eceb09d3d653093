//! Six months of the connections continuum, simulated week by week with `buddymatch continuum
//! --as-of`: both sides answer by link, one pair never answers and stalls, one pair ends as "not
//! a good fit" and its seeker is proposed a new buddy in the next run (never the old one), one
//! pair reaches `mutual`. Every email goes through the real SMTP test server and is counted
//! there, exactly.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use buddymatch::continuum::by_link::{self, AnswerOutcome};
use buddymatch::db::checkins;
use buddymatch::db::continuum;
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::programmes;
use buddymatch::domain::checkin::{CheckinAnswer, CheckinInput};
use buddymatch::domain::{CloseReason, MatchStatus, Stage};
use buddymatch::email::outbox_worker::{try_execute_task_at, ExecutionOutcome};
use buddymatch::matching_runs::{self, RunOptions};
use buddymatch::settings::EmailTransportKind;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use secrecy::{ExposeSecret, SecretString};

use crate::continuum_support::{add_person, live_match_of};
use crate::email_support::{eml_files_containing, instance, wait_for_eml, SmtpServer};
use crate::introductions_support::{link_path, outbox_mails};

fn start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 1, 4)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a date")
}

/// What one side answers in check-in `period` (1-based): met, trust growing, giving and
/// receiving from the third period; `ending` ends the match as "not a good fit".
fn answer_of(period: u32, ending: bool, today: NaiveDate) -> CheckinAnswer {
    let reciprocal = period >= 3;
    let input = CheckinInput {
        // The link decides whose answer it is; the form fills this in from the link.
        side: "seeker".into(),
        met: "several".into(),
        met_how: vec!["in_person".into()],
        going: Some(5),
        trust: Some(if period >= 2 { 5 } else { 3 }),
        gave: if reciprocal {
            vec!["language".into()]
        } else {
            Vec::new()
        },
        received: if reciprocal {
            vec!["culture".into()]
        } else {
            Vec::new()
        },
        go_on: if ending { "end" } else { "yes" }.into(),
        end_reason: ending.then(|| CloseReason::NotAGoodFit.code().to_owned()),
        ..CheckinInput::default()
    };
    CheckinAnswer::parse(&input, today).expect("a valid answer")
}

#[tokio::test]
async fn six_months_of_check_ins() {
    let server = SmtpServer::from_env_or_start();
    let url = server.url().to_owned();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(url));
    });
    let db = app.state.db.clone();
    // Addresses of this test only, so the shared sink's other messages do not count.
    let tag = format!(
        "sim{}{}.example.org",
        std::process::id(),
        chrono::Utc::now().timestamp_subsec_nanos()
    );
    let email = |name: &str| format!("{name}@{tag}");
    let programme = db
        .write(|c| programmes::ensure_demo(c, "demo"))
        .expect("demo programme");
    let person = |name: &str, role: &str| {
        add_person(
            &db,
            &programme,
            name,
            &email(name),
            role,
            role == "receiving",
        )
    };
    let (amal, anna) = (person("amal", "arriving"), person("anna", "receiving"));
    let (olena, jonas) = (person("olena", "arriving"), person("jonas", "receiving"));
    let (samir, lena) = (person("samir", "arriving"), person("lena", "receiving"));
    let karl = person("karl", "receiving");
    let samir_waiting_since =
        buddymatch::db::participants::find(&mut db.get().expect("conn"), samir)
            .expect("query")
            .expect("samir")
            .waiting_since;

    let thriving = live_match_of(&db, programme.id, amal, anna, start());
    let silent = live_match_of(&db, programme.id, olena, jonas, start());
    let parting = live_match_of(&db, programme.id, samir, lena, start());

    let database_url = app.state.settings.database_url.expose_secret().to_owned();
    let mut answered: HashSet<String> = HashSet::new();
    let mut lines = Vec::new();
    for week in 1..=26 {
        let now = start() + Duration::days(7 * week);
        let out = Command::new(env!("CARGO_BIN_EXE_buddymatch"))
            .args([
                "continuum",
                "--as-of",
                &format!("{}Z", now.format("%Y-%m-%dT%H:%M:%S")),
            ])
            .env_remove("BUDDYMATCH_CONFIG")
            .env("DATABASE_URL", &database_url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        lines.push(String::from_utf8_lossy(&out.stdout).trim().to_owned());

        // The answers of this week, the day after the emails.
        let answered_at = now + Duration::days(1);
        for mail in outbox_mails(&db) {
            if !mail.text.contains("/checkin/") || mail.subject.contains("has ended") {
                continue;
            }
            let token = link_path(&mail.text, "checkin")["/checkin/".len()..].to_owned();
            if !answered.insert(token.clone()) {
                continue;
            }
            let who = mail.to.split('@').next().unwrap_or_default().to_owned();
            let in_pair = match who.as_str() {
                "amal" | "anna" => true,
                // Samir ends the match at his second check-in; Lena never answers.
                "samir" => true,
                _ => false, // Olena and Jonas never answer; reminders are not answered either
            };
            if !in_pair || mail.subject.contains("reminder") {
                continue;
            }
            let period = u32::try_from(week).unwrap_or(1).div_ceil(2);
            let ending = who == "samir" && period >= 2;
            let a = answer_of(period, ending, answered_at.date());
            let db2 = db.clone();
            let outcome = tokio::task::spawn_blocking(move || {
                by_link::answer(&db2, &token, &a, answered_at).expect("answer stored")
            })
            .await
            .expect("task");
            assert!(
                matches!(outcome, AnswerOutcome::Answered { .. }),
                "{who} week {week}: {outcome:?}"
            );
        }
    }
    // Every line is one summary line.
    assert!(lines
        .iter()
        .all(|l| l.starts_with("continuum: ") && !l.contains('\n')));

    // Stages after six months.
    let stage = |id: i32| {
        continuum::find(&mut db.get().expect("conn"), id)
            .expect("query")
            .expect("match")
    };
    assert_eq!(stage(thriving).stage, Some(Stage::Mutual));
    assert_eq!(stage(silent).stage, Some(Stage::Stalled));
    let parted = stage(parting);
    assert_eq!(parted.status, MatchStatus::Closed);
    assert_eq!(parted.close_reason, Some(CloseReason::NotAGoodFit));
    assert!(matches::has_rule(
        &mut db.get().expect("conn"),
        samir,
        lena,
        RuleKind::Forbidden
    )
    .expect("query"));

    // Deliver everything through the SMTP test server (as the worker would once the simulated
    // half year has passed), then count there, exactly.
    let after = start() + Duration::days(200);
    while try_execute_task_at(&app.state, after)
        .await
        .expect("worker runs")
        == ExecutionOutcome::TaskCompleted
    {}
    let all = checkins::for_match(&mut db.get().expect("conn"), silent).expect("query");
    let silent_checkins = all.iter().filter(|c| c.sent_at.is_some()).count();
    let silent_reminders = all.iter().filter(|c| c.reminded_at.is_some()).count();
    // First check-in after a week, then every 14 days, until day 182: 13 periods, both sides;
    // one reminder each (nobody answers).
    assert_eq!((silent_checkins, silent_reminders), (26, 26));
    let mut expected: HashMap<&str, usize> = HashMap::new();
    for (name, m) in [
        ("amal", thriving),
        ("anna", thriving),
        ("olena", silent),
        ("jonas", silent),
        ("samir", parting),
        ("lena", parting),
    ] {
        let rows = checkins::for_match(&mut db.get().expect("conn"), m).expect("query");
        let address = buddymatch::domain::Email::parse(&email(name)).expect("an address");
        let mine = buddymatch::db::participants::find_by_email(
            &mut db.get().expect("conn"),
            programme.id,
            &address,
        )
        .expect("query")
        .expect("person");
        let n = rows
            .iter()
            .filter(|c| c.participant_id == mine.id)
            .map(|c| usize::from(c.sent_at.is_some()) + usize::from(c.reminded_at.is_some()))
            .sum();
        expected.insert(name, n);
    }
    // The thriving pair answered every check-in the day after: no reminders, 13 each.
    assert_eq!((expected["amal"], expected["anna"]), (13, 13));
    // Samir and Lena: two check-ins each; Lena's first one reminded (the match ended the day
    // after the second); both get the closing email.
    assert_eq!((expected["samir"], expected["lena"]), (2 + 1, 2 + 1 + 1));
    for (name, n) in &expected {
        let to = format!("To: {}", email(name));
        // The sink writes each message just after accepting it: wait for the files to appear.
        let mut delivered =
            wait_for_eml(server.maildir(), &to, std::time::Duration::from_secs(10)).await;
        for _ in 0..100 {
            if delivered.len() >= *n {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            delivered = eml_files_containing(server.maildir(), &to);
        }
        assert_eq!(delivered.len(), *n, "emails delivered to {name}");
    }
    assert!(eml_files_containing(server.maildir(), &format!("To: {}", email("karl"))).is_empty());

    // The next run proposes Samir a new buddy, never Lena; his waiting counts from sign-up.
    let db2 = db.clone();
    let p2 = programme.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        matching_runs::run_now(&db2, &p2, None, &RunOptions::default()).expect("run")
    })
    .await
    .expect("task");
    let pairs = matches::pairs_of_run(&mut db.get().expect("conn"), outcome.run_id).expect("query");
    assert_eq!(pairs, vec![(samir, karl)]);
    let samir_now = buddymatch::db::participants::find(&mut db.get().expect("conn"), samir)
        .expect("query")
        .expect("samir");
    assert_eq!(samir_now.waiting_since, samir_waiting_since);
}
