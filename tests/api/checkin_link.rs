//! Answering a check-in by link over HTTP: the form in the person's language, storing the one
//! answer, errors kept on the form, pause and end, the arriving-member questions, and "I have a
//! concern" reaching the coordinators (by SMTP) without its text.

use std::time::Duration as StdDuration;

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::audit;
use buddymatch::db::checkins;
use buddymatch::db::continuum;
use buddymatch::db::introductions as answers;
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::{Db, DbConnection, DbError};
use buddymatch::domain::{CloseReason, GoOn, MatchStatus, Met, Side, Stage};
use buddymatch::settings::EmailTransportKind;
use buddymatch::tokens::{self, Purpose};
use chrono::Duration;
use reqwest::StatusCode;
use secrecy::SecretString;

use crate::api_support::account_with_token;
use crate::email_support::{wait_for_eml, SmtpServer};
use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use crate::introductions_support::*;

async fn write<T, F>(db: &Db, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
{
    let db = db.clone();
    tokio::task::spawn_blocking(move || db.write(f).expect("stored"))
        .await
        .expect("task")
}

/// An active match between Amal (seeker, Arabic) and Jonas (buddy, German).
async fn active_pair(app: &TestApp) -> Pair {
    let at = now() - Duration::days(30);
    let pair = setup_pair(app).await;
    approve(app, pair.match_id, at).await;
    let id = pair.match_id;
    let activated = write(app.db(), move |c| {
        answers::accept(c, id, Side::Seeker, at)?;
        answers::accept(c, id, Side::Buddy, at)?;
        answers::activate(c, id, at)
    })
    .await;
    assert!(activated);
    pair
}

/// A check-in of one side of the pair (period `period`) and its link path.
async fn checkin_link(app: &TestApp, pair: Pair, side: Side, period: i32) -> (i32, String) {
    let person = match side {
        Side::Seeker => pair.seeker_id,
        Side::Buddy => pair.buddy_id,
    };
    let m = pair.match_id;
    write(app.db(), move |c| {
        let at = now();
        let id = checkins::schedule(c, m, person, side, period, at - Duration::hours(1))?
            .expect("new check-in");
        let plain = tokens::issue(
            c,
            person,
            Purpose::Checkin { checkin_id: id },
            Duration::days(14),
            at,
        )?;
        Ok((id, format!("/checkin/{plain}")))
    })
    .await
}

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

fn find(db: &Db, id: i32) -> checkins::Checkin {
    checkins::find(&mut db.get().expect("conn"), id)
        .expect("query")
        .expect("check-in")
}

const VALID: [(&str, &str); 9] = [
    ("met", "several"),
    ("met_how", "in_person"),
    ("met_how", "phone"),
    ("going", "4"),
    ("trust", "5"),
    ("gave", "culture"),
    ("received", "language"),
    ("received", "housing"),
    ("continue", "yes"),
];

#[tokio::test]
async fn the_form_shows_in_the_persons_language_with_the_partners_first_name_only() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (_, seeker_link) = checkin_link(&app, pair, Side::Seeker, 1).await;
    let (_, buddy_link) = checkin_link(&app, pair, Side::Buddy, 1).await;

    let response = app.get(&seeker_link).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"lang="ar" dir="rtl""#), "{html}");
    assert!(html.contains("Jonas"));
    for private in ["Becker", BUDDY_EMAIL, BUDDY_PHONE] {
        assert!(!html.contains(private), "{private} shown");
    }
    assert!(
        html.contains(r#"name="belonging""#),
        "seeker is asked belonging"
    );
    assert!(html.contains(r#"name="conversation""#));
    assert!(html.contains(r#"name="wants_to_volunteer""#));
    assert!(html.contains(&format!("{seeker_link}/concern")));
    assert!(html.contains("<legend>"), "fieldsets with legends");

    let html = app.get(&buddy_link).await.text().await.expect("body");
    assert!(html.contains(r#"lang="de""#));
    assert!(html.contains("Amal") && !html.contains("Haddad"));
    assert!(
        !html.contains(r#"name="belonging""#),
        "the buddy is not asked"
    );
    assert!(!html.contains(r#"name="wants_to_volunteer""#));
}

#[tokio::test]
async fn a_valid_answer_is_stored_once_and_the_link_then_says_already_answered() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (id, link) = checkin_link(&app, pair, Side::Seeker, 1).await;
    let mut form = VALID.to_vec();
    form.extend([
        ("side", "buddy"), // ignored: the side is the link's
        ("belonging", "3"),
        ("conversation", "٢"), // Arabic-Indic digit
        ("wants_to_volunteer", "true"),
        ("note", "All good, thank you."),
    ]);
    let response = post(&app, &link, &form).await;
    assert_eq!(response.status(), StatusCode::OK);

    let c = find(app.db(), id);
    assert_eq!(c.side, Side::Seeker);
    let a = c.answer.expect("answered");
    assert_eq!(a.met, Met::Several);
    assert!(a.met_in_person && a.met_by_phone && !a.met_online);
    assert_eq!((a.going, a.trust), (Some(4), Some(5)));
    assert_eq!(a.gave, vec!["culture".to_owned()]);
    assert_eq!(a.received.len(), 2);
    assert_eq!(a.go_on, GoOn::Yes);
    assert_eq!((a.belonging, a.conversation), (Some(3), Some(2)));
    assert!(a.wants_to_volunteer);
    assert_eq!(a.note.as_deref(), Some("All good, thank you."));

    let log = audit::recent(&mut app.db().get().expect("conn"), 1, 50).expect("audit");
    let answered = log
        .iter()
        .find(|e| e.action == "checkin.answered")
        .expect("audited");
    assert_eq!(answered.detail, "seeker");
    assert!(log
        .iter()
        .any(|e| e.action == "participant.wants_to_volunteer"));
    assert!(log.iter().all(|e| !e.detail.contains("All good")));

    let again = app.get(&link).await;
    assert_eq!(again.status(), StatusCode::GONE);
    let html = again.text().await.expect("body");
    assert!(html.contains(r#"lang="ar""#));
    let en = app.get(&format!("{link}?lang=en")).await;
    assert!(en.text().await.expect("body").contains("Already answered"));
    let twice = post(&app, &link, &VALID).await;
    assert_eq!(twice.status(), StatusCode::GONE);
}

#[tokio::test]
async fn bad_input_shows_the_form_again_with_messages_and_the_values_kept() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (id, link) = checkin_link(&app, pair, Side::Buddy, 1).await;
    let form = [
        ("going", "2"),
        ("trust", "9"),
        ("gave", "work"),
        ("continue", "yes"),
        ("note", "kept text"),
    ];
    let response = post(&app, &format!("{link}?lang=en"), &form).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert!(html.contains("error-summary"));
    assert!(html.contains("Please fill in this field."), "met missing");
    assert!(
        html.contains("This number is outside the allowed range."),
        "trust 9"
    );
    assert!(html.contains(r#"id="going-2" name="going" value="2" checked"#));
    assert!(html.contains(r#"id="gave-work" name="gave" value="work" checked"#));
    assert!(html.contains("kept text"));
    assert!(find(app.db(), id).answer.is_none());

    // Not even form data, or a number that is no number: still a form, never a 500.
    let response = app
        .client
        .post(format!("{}{link}", app.address))
        .header("content-type", "application/json")
        .body("{\"met\":")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut form = VALID.to_vec();
    form.retain(|(k, _)| *k != "going");
    form.push(("going", "abc"));
    let response = post(&app, &link, &form).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The buddy's belonging is not asked: a sent value is dropped, not stored.
    let mut form = VALID.to_vec();
    form.push(("belonging", "4"));
    assert_eq!(post(&app, &link, &form).await.status(), StatusCode::OK);
    let a = find(app.db(), id).answer.expect("answered");
    assert_eq!(a.belonging, None);
}

#[tokio::test]
async fn pausing_pauses_the_match() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (_, link) = checkin_link(&app, pair, Side::Buddy, 1).await;
    let until = (now() + Duration::days(30)).date();
    let until_text = until.format("%Y-%m-%d").to_string();
    let mut form = VALID.to_vec();
    form.retain(|(k, _)| *k != "continue");
    form.extend([("continue", "pause"), ("pause_until", until_text.as_str())]);
    let response = post(&app, &link, &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.expect("body").contains(&until_text));
    let m = continuum::find(&mut app.db().get().expect("conn"), pair.match_id)
        .expect("query")
        .expect("match");
    assert_eq!(m.status, MatchStatus::Active);
    assert_eq!(m.paused_until, Some(until));
    assert_eq!(m.stage, Some(Stage::Paused));
}

#[tokio::test]
async fn ending_as_not_a_good_fit_closes_the_match_and_forbids_the_pair() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (_, link) = checkin_link(&app, pair, Side::Seeker, 1).await;
    let (_, other_link) = checkin_link(&app, pair, Side::Buddy, 1).await;
    let mut form = VALID.to_vec();
    form.retain(|(k, _)| *k != "continue");
    form.extend([("continue", "end"), ("end_reason", "not_a_good_fit")]);
    assert_eq!(post(&app, &link, &form).await.status(), StatusCode::OK);
    let mut conn = app.db().get().expect("conn");
    let m = continuum::find(&mut conn, pair.match_id)
        .expect("query")
        .expect("match");
    assert_eq!(m.status, MatchStatus::Closed);
    assert_eq!(m.close_reason, Some(CloseReason::NotAGoodFit));
    assert!(matches::has_rule(
        &mut conn,
        pair.seeker_id,
        pair.buddy_id,
        RuleKind::Forbidden
    )
    .expect("query"));
    drop(conn);
    // The partner's link now says the match has ended.
    assert_eq!(app.get(&other_link).await.status(), StatusCode::GONE);
}

#[tokio::test]
async fn the_belonging_question_is_asked_every_few_months_only() {
    let app = spawn_app().await;
    let pair = active_pair(&app).await;
    let (_, first) = checkin_link(&app, pair, Side::Seeker, 1).await;
    let mut form = VALID.to_vec();
    form.extend([("belonging", "4"), ("conversation", "3")]);
    assert_eq!(post(&app, &first, &form).await.status(), StatusCode::OK);
    let (_, second) = checkin_link(&app, pair, Side::Seeker, 2).await;
    let html = app.get(&second).await.text().await.expect("body");
    assert!(!html.contains(r#"name="belonging""#), "answered days ago");
}

#[tokio::test]
async fn a_concern_reaches_the_coordinators_without_its_text_and_not_the_partner() {
    let server = SmtpServer::from_env_or_start();
    let url = server.url().to_owned();
    let app = spawn_app_with(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(url));
    })
    .await;
    let coordinator = format!("coord-{}@example.org", now().and_utc().timestamp_micros());
    account_with_token(&app, &coordinator, CoordinatorRole::Coordinator, &["demo"]).await;
    let pair = active_pair(&app).await;
    let (_, link) = checkin_link(&app, pair, Side::Seeker, 1).await;
    let before_partner = mails_to(&app, BUDDY_EMAIL).len();

    let page = app.get(&format!("{link}/concern")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("body").contains(r#"lang="ar""#));
    let empty = post(
        &app,
        &format!("{link}/concern?lang=en"),
        &[("concern", " ")],
    )
    .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty
        .text()
        .await
        .expect("body")
        .contains("Please fill in this field."));

    // After answering, a concern can still be raised with the same link.
    assert_eq!(post(&app, &link, &VALID).await.status(), StatusCode::OK);
    let secret = "He shouted at me last week";
    let sent = post(
        &app,
        &format!("{link}/concern?lang=en"),
        &[("concern", secret)],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::OK);
    let html = sent.text().await.expect("body");
    assert!(html.contains("within a few days") && html.contains("112"));

    let stored = continuum::open_concerns(&mut app.db().get().expect("conn"), pair.programme_id)
        .expect("query");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].body, secret);
    assert_eq!(stored[0].side, Some(Side::Seeker));
    assert_eq!(stored[0].match_id, Some(pair.match_id));

    let files = wait_for_eml(
        server.maildir(),
        &format!("To: {coordinator}"),
        StdDuration::from_secs(10),
    )
    .await;
    assert_eq!(files.len(), 1, "one email to the coordinator");
    let eml = &files[0].1;
    assert!(eml.contains("/coordinator"), "{eml}");
    for private in [secret, "Amal", "Jonas", "Haddad", "Becker"] {
        assert!(!eml.contains(private), "{private} in the coordinator email");
    }
    assert_eq!(
        mails_to(&app, BUDDY_EMAIL).len(),
        before_partner,
        "the partner is not told"
    );
    let log = audit::recent(&mut app.db().get().expect("conn"), 1, 50).expect("audit");
    assert!(log.iter().any(|e| e.action == "concern.raised"));
}

#[tokio::test]
async fn an_unknown_link_is_a_404_page() {
    let app = spawn_app().await;
    for path in [
        "/checkin/nope",
        "/checkin/nope/concern",
        &format!("/checkin/{}", "x".repeat(500)),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(response
            .text()
            .await
            .expect("body")
            .contains("Link not found"));
    }
    let response = post(&app, "/checkin/nope", &VALID).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = post(&app, "/checkin/nope/concern", &[("concern", "x")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
