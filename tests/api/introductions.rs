//! Introductions: approval writes both emails (each in the person's language, first names only),
//! answer links, both-accept sharing of contact details, declines, link failures, reminders.

use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::schema::participant_tokens;
use buddymatch::email::outbox_worker::{try_execute_task, ExecutionOutcome};
use buddymatch::introductions::{self, ApproveOutcome};
use chrono::Duration;
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::helpers::{spawn_app, wait_until, TestApp};
use crate::introductions_support::*;

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

#[tokio::test]
async fn approving_twice_is_a_no_op_and_each_email_is_in_its_language_with_first_names_only() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;

    assert_eq!(
        approve(&app, pair.match_id, now()).await,
        ApproveOutcome::Approved
    );
    assert_eq!(
        approve(&app, pair.match_id, now()).await,
        ApproveOutcome::AlreadyDecided {
            status: buddymatch::domain::MatchStatus::Approved
        }
    );

    let all = mails(&app);
    assert_eq!(
        all.len(),
        2,
        "one email per person, none for the second approval"
    );
    let to_seeker = &mails_to(&app, SEEKER_EMAIL)[0];
    let to_buddy = &mails_to(&app, BUDDY_EMAIL)[0];

    assert_eq!(to_seeker.language, "ar");
    assert!(has_arabic(&to_seeker.subject), "{}", to_seeker.subject);
    assert!(has_arabic(&to_seeker.text));
    assert!(to_seeker.html.contains("dir=\"rtl\""));
    assert_eq!(to_buddy.language, "de");
    assert!(!has_arabic(&to_buddy.text));
    assert!(
        to_buddy.text.contains("Schach"),
        "reasons in German: {}",
        to_buddy.text
    );

    for (mail, other_first, other_last, other_email, other_phone) in [
        (to_seeker, "Jonas", "Becker", BUDDY_EMAIL, BUDDY_PHONE),
        (to_buddy, "Amal", "Haddad", SEEKER_EMAIL, SEEKER_PHONE),
    ] {
        assert!(mail.text.contains(other_first) && mail.subject.contains(other_first));
        for body in [&mail.subject, &mail.text, &mail.html] {
            assert!(!body.contains(other_last), "last name leaked: {body}");
            assert!(!body.contains(other_email), "email leaked: {body}");
            assert!(!body.contains(other_phone), "phone leaked: {body}");
        }
        assert!(mail.text.contains("/respond/"));
        assert!(mail.text.contains("/me/"));
    }

    // Links are stored hashed only.
    let plain = link_path(&to_seeker.text, "respond")
        .trim_start_matches("/respond/")
        .to_owned();
    let stored: i64 = participant_tokens::table
        .filter(participant_tokens::token_hash.eq(&plain))
        .count()
        .get_result(&mut *app.db().get().expect("conn"))
        .expect("count");
    assert_eq!(stored, 0);
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("match").status,
        "approved"
    );

    // Delivered through the outbox worker to the (in-memory) mailbox, in each language.
    while try_execute_task(&app.state).await.expect("worker") == ExecutionOutcome::TaskCompleted {}
    let delivered = app.state.mailer.memory_messages();
    assert_eq!(delivered.len(), 2);
    let seeker_msg = delivered
        .iter()
        .find(|m| m.to == SEEKER_EMAIL)
        .expect("seeker mail");
    assert_eq!(seeker_msg.language, "ar");
    assert!(seeker_msg.raw.contains("Content-Language: ar"));
    let buddy_msg = delivered
        .iter()
        .find(|m| m.to == BUDDY_EMAIL)
        .expect("buddy mail");
    assert_eq!(buddy_msg.language, "de");
    assert!(!buddy_msg.body_text.contains(SEEKER_EMAIL));
}

#[tokio::test]
async fn both_accept_then_contact_details_are_emailed_and_shown_never_before() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    approve(&app, pair.match_id, now()).await;
    let seeker_link = link_path(&mails_to(&app, SEEKER_EMAIL)[0].text, "respond");
    let buddy_link = link_path(&mails_to(&app, BUDDY_EMAIL)[0].text, "respond");
    let seeker_me = link_path(&mails_to(&app, SEEKER_EMAIL)[0].text, "me");

    // The proposal page: first name and reasons, no contact details; in the person's language.
    let page = app.get(&seeker_link).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("lang=\"ar\""));
    assert!(html.contains("Jonas"));
    assert!(html.contains(&format!("{seeker_link}/accept")));
    for secret in ["Becker", BUDDY_EMAIL, BUDDY_PHONE] {
        assert!(
            !html.contains(secret),
            "{secret} shown before both accepted"
        );
    }

    let accepted = post(&app, &format!("{seeker_link}/accept"), &[]).await;
    assert_eq!(accepted.status(), StatusCode::OK);
    let html = accepted.text().await.expect("body");
    assert!(!html.contains(BUDDY_EMAIL) && !html.contains(BUDDY_PHONE));
    let m = find_match(app.db(), pair.match_id).expect("match");
    assert_eq!(m.status, "approved");
    assert_eq!(
        m.seeker_response
            .map(buddymatch::domain::IntroductionAnswer::code),
        Some("accepted")
    );
    assert_eq!(mails(&app).len(), 2, "no contact details yet");
    let me = app.get(&seeker_me).await.text().await.expect("body");
    assert!(me.contains("Jonas") && !me.contains(BUDDY_EMAIL) && !me.contains(BUDDY_PHONE));

    // The second yes: active, introduced, both get the other's details.
    let both = post(&app, &format!("{buddy_link}/accept"), &[]).await;
    assert_eq!(both.status(), StatusCode::OK);
    let html = both.text().await.expect("body");
    assert!(html.contains(SEEKER_EMAIL) && html.contains(SEEKER_PHONE) && html.contains("Haddad"));
    let m = find_match(app.db(), pair.match_id).expect("match");
    assert_eq!(m.status, "active");
    assert_eq!(m.stage.as_deref(), Some("introduced"));
    let to_seeker = mails_to(&app, SEEKER_EMAIL);
    let to_buddy = mails_to(&app, BUDDY_EMAIL);
    assert_eq!((to_seeker.len(), to_buddy.len()), (2, 2));
    assert!(to_seeker[1].text.contains(BUDDY_EMAIL) && to_seeker[1].text.contains(BUDDY_PHONE));
    assert!(to_seeker[1].text.contains("Jonas Becker"));
    // Every email carries the person's own data link; links wrap on a narrow screen.
    assert!(to_seeker[1].text.contains("/me/") && to_buddy[1].text.contains("/me/"));
    assert!(to_seeker[1].html.contains("overflow-wrap: anywhere"));
    assert_eq!(to_seeker[1].language, "ar");
    assert!(to_buddy[1].text.contains(SEEKER_EMAIL) && to_buddy[1].text.contains(SEEKER_PHONE));
    assert_eq!(to_buddy[1].language, "de");
    let me = app.get(&seeker_me).await.text().await.expect("body");
    assert!(me.contains(BUDDY_EMAIL), "shown once both accepted");

    // Each link answers once; afterwards the first to say yes sees the other's details again
    // from their link (issue 11), and answering again changes and sends nothing.
    let again = post(&app, &format!("{seeker_link}/accept"), &[]).await;
    assert_eq!(again.status(), StatusCode::OK);
    let html = again.text().await.expect("body");
    assert!(
        html.contains("lang=\"ar\"") && html.contains(BUDDY_EMAIL),
        "{html}"
    );
    let page = app.get(&seeker_link).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(
        html.contains(BUDDY_EMAIL) && html.contains(BUDDY_PHONE),
        "{html}"
    );
    assert_eq!(mails(&app).len(), 4, "nothing sent twice");
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("match").status,
        "active"
    );
}

#[tokio::test]
async fn a_decline_forbids_the_pair_puts_the_seeker_back_and_tells_the_other_kindly() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    approve(&app, pair.match_id, now()).await;
    let buddy_link = link_path(&mails_to(&app, BUDDY_EMAIL)[0].text, "respond");
    let seeker_link = link_path(&mails_to(&app, SEEKER_EMAIL)[0].text, "respond");

    let declined = post(
        &app,
        &format!("{buddy_link}/decline"),
        &[("reason", "moving to Hamburg, xyzzy")],
    )
    .await;
    assert_eq!(declined.status(), StatusCode::OK);

    let m = find_match(app.db(), pair.match_id).expect("match");
    assert_eq!(m.status, "declined");
    assert_eq!(
        m.buddy_response
            .map(buddymatch::domain::IntroductionAnswer::code),
        Some("declined")
    );
    assert!(m
        .reject_reason
        .as_deref()
        .is_some_and(|r| r.contains("xyzzy")));
    let conn = &mut *app.db().get().expect("conn");
    let forbidden = matches::rules(conn, pair.programme_id, RuleKind::Forbidden).expect("rules");
    assert_eq!(forbidden, vec![(pair.seeker_id, pair.buddy_id)]);
    let live = matches::live_pairs(conn, pair.programme_id).expect("live");
    assert!(live.is_empty(), "the seeker is back in the pool");

    let to_seeker = mails_to(&app, SEEKER_EMAIL);
    assert_eq!(to_seeker.len(), 2);
    let note = &to_seeker[1];
    assert_eq!(note.language, "ar");
    assert!(note.text.contains("Jonas"));
    assert!(
        !note.text.contains("xyzzy") && !note.text.contains("Hamburg"),
        "no reason"
    );
    assert!(!note.text.contains(BUDDY_EMAIL));
    assert!(note.text.contains("/me/"), "the data link: {}", note.text);

    // The seeker's link now says the suggestion is closed; answering changes nothing.
    assert_eq!(app.get(&seeker_link).await.status(), StatusCode::GONE);
    let late = post(&app, &format!("{seeker_link}/accept"), &[]).await;
    assert_eq!(late.status(), StatusCode::GONE);
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("m").status,
        "declined"
    );
}

#[tokio::test]
async fn expired_reused_and_unknown_links_get_clear_pages() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    // Approved 15 days ago: the 14-day links have expired.
    approve(&app, pair.match_id, now() - Duration::days(15)).await;
    let seeker_link = link_path(&mails_to(&app, SEEKER_EMAIL)[0].text, "respond");
    let buddy_link = link_path(&mails_to(&app, BUDDY_EMAIL)[0].text, "respond");

    let expired = app.get(&seeker_link).await;
    assert_eq!(expired.status(), StatusCode::GONE);
    let html = expired.text().await.expect("body");
    assert!(html.contains("lang=\"ar\"") && has_arabic(&html));
    assert_eq!(
        post(&app, &format!("{buddy_link}/accept"), &[])
            .await
            .status(),
        StatusCode::GONE
    );
    assert_eq!(
        find_match(app.db(), pair.match_id)
            .expect("m")
            .buddy_response,
        None
    );

    let unknown = app.get("/respond/0123456789abcdef").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        post(&app, "/respond/nope/decline", &[]).await.status(),
        StatusCode::NOT_FOUND
    );

    // A fresh approval: decline after accept with the same link is refused.
    let other = setup_pair_second(&app).await;
    approve(&app, other, now()).await;
    let link = link_path(&mails_to(&app, "lina@example.org")[0].text, "respond");
    assert_eq!(
        post(&app, &format!("{link}/accept"), &[]).await.status(),
        StatusCode::OK
    );
    let reused = post(&app, &format!("{link}/decline"), &[]).await;
    assert_eq!(reused.status(), StatusCode::GONE);
    assert_eq!(find_match(app.db(), other).expect("m").status, "approved");
}

/// A second seeker (Lina, French) proposed with the same buddy in a later run.
async fn setup_pair_second(app: &TestApp) -> i32 {
    use buddymatch::db::matches::NewProposal;
    use buddymatch::db::schema::matches as matches_t;
    use buddymatch::db::{participants, programmes, runs};
    use buddymatch::domain::{NewParticipant, ParticipantStatus};
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let now = now();
        db.write(|c| -> Result<i32, buddymatch::db::DbError> {
            let programme = programmes::by_slug(c, "demo")?.expect("demo");
            let lina = NewParticipant::parse(
                profile(
                    "Lina",
                    "Morel",
                    "lina@example.org",
                    "+33 6 12345678",
                    "fr",
                    "arriving",
                ),
                &programme,
            )
            .expect("valid");
            let seeker_id =
                participants::insert(c, programme.id, &lina, ParticipantStatus::Confirmed, now)?;
            let buddy_id: i32 = buddymatch::db::schema::participants::table
                .filter(buddymatch::db::schema::participants::email.eq(BUDDY_EMAIL))
                .select(buddymatch::db::schema::participants::id)
                .first(c)?;
            // The buddy is already in the first pair: give them room for a second person.
            diesel::update(buddymatch::db::schema::participants::table.find(buddy_id))
                .set(buddymatch::db::schema::participants::capacity.eq(2))
                .execute(c)?;
            diesel::update(
                buddymatch::db::schema::matching_runs::table
                    .filter(buddymatch::db::schema::matching_runs::status.eq("queued")),
            )
            .set(buddymatch::db::schema::matching_runs::status.eq("done"))
            .execute(c)?;
            let run_id = runs::create(c, programme.id, None, "max_matched", "{}", now)
                .map_err(|e| buddymatch::db::DbError::Unexpected(anyhow::anyhow!("{e}")))?;
            matches::store_proposals(
                c,
                programme.id,
                run_id,
                &[NewProposal {
                    seeker_id,
                    buddy_id,
                    score: 700,
                    reasons_json: "[]".into(),
                }],
                now,
            )?;
            Ok(matches_t::table
                .filter(matches_t::seeker_id.eq(seeker_id))
                .select(matches_t::id)
                .first(c)?)
        })
        .expect("stored")
    })
    .await
    .expect("task")
}

#[tokio::test]
async fn one_reminder_after_n_days_then_the_pair_shows_as_waiting() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    let approved_at = now();
    approve(&app, pair.match_id, approved_at).await;
    let seeker_link = link_path(&mails_to(&app, SEEKER_EMAIL)[0].text, "respond");
    assert_eq!(
        post(&app, &format!("{seeker_link}/accept"), &[])
            .await
            .status(),
        StatusCode::OK
    );

    let db = app.db().clone();
    let settings = app.state.settings.clone();
    let programme_id = pair.programme_id;
    let (early, due, again, waiting_early, waiting_late) = tokio::task::spawn_blocking(move || {
        let early = introductions::send_reminders(&db, &settings, approved_at + Duration::days(3))
            .expect("reminders");
        let due = introductions::send_reminders(&db, &settings, approved_at + Duration::days(8))
            .expect("reminders");
        let again = introductions::send_reminders(&db, &settings, approved_at + Duration::days(9))
            .expect("reminders");
        let conn = &mut *db.get().expect("conn");
        let waiting_early =
            introductions::waiting(conn, programme_id, approved_at + Duration::days(8))
                .expect("waiting");
        let waiting_late =
            introductions::waiting(conn, programme_id, approved_at + Duration::days(15))
                .expect("waiting");
        (early, due, again, waiting_early, waiting_late)
    })
    .await
    .expect("task");
    assert_eq!((early, due, again), (0, 1, 0));
    assert_eq!(
        mails_to(&app, SEEKER_EMAIL).len(),
        1,
        "the seeker has answered"
    );
    let to_buddy = mails_to(&app, BUDDY_EMAIL);
    assert_eq!(to_buddy.len(), 2, "one reminder");
    assert_eq!(to_buddy[1].language, "de");
    assert!(to_buddy[1].text.contains("Amal") && !to_buddy[1].text.contains(SEEKER_EMAIL));
    assert!(
        to_buddy[1].text.contains("/me/"),
        "the reminder carries the data link"
    );
    assert!(waiting_early.is_empty());
    assert_eq!(waiting_late.len(), 1);
    assert_eq!(waiting_late[0].match_id, pair.match_id);
    assert!(waiting_late[0].reminded_at.is_some());

    // The reminder's fresh link works.
    let link = link_path(&to_buddy[1].text, "respond");
    assert_eq!(
        post(&app, &format!("{link}/accept"), &[]).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("m").status,
        "active"
    );
}

#[tokio::test]
async fn approving_while_smtp_is_down_sends_both_introductions_once_it_is_back() {
    use buddymatch::email::outbox_worker::try_execute_task_at;
    use buddymatch::settings::EmailTransportKind;
    use secrecy::SecretString;

    use crate::email_support::{eml_files_containing, free_port, rows, start_sink};

    // Arrange: SMTP points at a port where nothing listens yet; the worker runs only when asked.
    let port = free_port();
    let app = crate::helpers::spawn_app_with(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.email.poll_interval_ms = 3_600_000;
    })
    .await;
    let pair = setup_pair(&app).await;
    let t0 = now();

    // Act 1: the coordinator approves while the mail server is down.
    let outcome = approve(&app, pair.match_id, t0).await;
    let first = [
        try_execute_task_at(&app.state, t0).await.expect("worker"),
        try_execute_task_at(&app.state, t0).await.expect("worker"),
    ];

    // Assert 1: the decision stands, both emails wait in the outbox.
    assert_eq!(outcome, ApproveOutcome::Approved);
    assert_eq!(first, [ExecutionOutcome::TaskCompleted; 2], "both tried");
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("match").status,
        "approved"
    );
    assert_eq!(mails(&app).len(), 2, "kept in the outbox, none lost");

    // Act 2: the server comes back; the worker drains the outbox, then finds nothing more.
    let sink = start_sink(port);
    let later = t0 + Duration::hours(1);
    let mut delivered = 0;
    while try_execute_task_at(&app.state, later)
        .await
        .expect("worker")
        == ExecutionOutcome::TaskCompleted
    {
        delivered += 1;
    }
    let queued = rows(&app.state);
    let (queued_ref, maildir) = (&queued, &sink.maildir);
    wait_until(std::time::Duration::from_secs(10), || async move {
        queued_ref.iter().all(|row| {
            !eml_files_containing(maildir, &format!("Message-ID: {}", row.message_id)).is_empty()
        })
    })
    .await;

    // Assert 2: each person got their introduction exactly once.
    assert_eq!(delivered, 2);
    for to in [SEEKER_EMAIL, BUDDY_EMAIL] {
        let row = queued.iter().find(|r| r.recipient == to).expect("queued");
        assert!(row.sent_at.is_some(), "marked sent: {to}");
        let files = eml_files_containing(&sink.maildir, &format!("Message-ID: {}", row.message_id));
        assert_eq!(files.len(), 1, "one introduction to {to}");
        assert!(files[0].1.contains(&format!("To: {to}")), "{}", files[0].1);
    }
}
