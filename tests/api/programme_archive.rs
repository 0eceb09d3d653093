//! Archiving a programme (issue 14): sign-up closes with a kind page in every language, no one
//! new joins by any door (form, coordinator page, API, import), no new runs start, matches go
//! on; the retention period empties it; it can be deleted once it holds no personal data, and
//! reopened before. Audited; on the admin pages and in the API. And on PostgreSQL, a sign-up
//! racing the archiving is either stored before it or refused.

use std::sync::{Arc, Barrier};

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::programmes::{self, NewProgramme};
use buddymatch::db::schema::{matching_runs, participants as people};
use buddymatch::domain::{LanguageInput, NewParticipant, ProfileInput, UiLanguage};
use buddymatch::housekeeping::run_pass;
use buddymatch::i18n;
use buddymatch::programmes::{self as lifecycle, Actor};
use buddymatch::settings::Settings;
use buddymatch::signup::{self, Registered};
use chrono::{Duration, Months};
use diesel::prelude::*;
use serde_json::json;

use crate::api_support::{account_with_token, profile, status_json, Api};
use crate::cli_support::{stderr, stdout, CliDb};
use crate::continuum_support::{active_pair, add_person};
use crate::helpers::{spawn_app, spawn_app_manual_scheduler, TestApp};
use crate::introductions_support::now;
use crate::review_support::{add_account, audit_actions, location, login, post};
use crate::signup::{post_form, valid_form};

const TEST: Actor<'static> = Actor {
    coordinator_id: None,
    via: "test",
};

fn people_in(app: &TestApp, slug: &str) -> i64 {
    let p = programme(app, slug).expect("programme");
    people::table
        .filter(people::programme_id.eq(p.id))
        .count()
        .get_result(&mut *app.db().get().expect("conn"))
        .expect("count")
}

fn programme(app: &TestApp, slug: &str) -> Option<buddymatch::domain::Programme> {
    programmes::by_slug(&mut app.db().get().expect("conn"), slug).expect("query")
}

fn runs_of(app: &TestApp) -> i64 {
    matching_runs::table
        .count()
        .get_result(&mut *app.db().get().expect("conn"))
        .expect("count")
}

/// Whether `page` says the message `key` in one of the languages (a language chosen earlier
/// sticks in a cookie).
fn says(page: &str, key: &str) -> bool {
    UiLanguage::ALL
        .iter()
        .any(|lang| page.contains(&i18n::t(*lang, key)))
}

async fn text(r: reqwest::Response) -> (u16, String) {
    (r.status().as_u16(), r.text().await.expect("body"))
}

#[tokio::test]
async fn an_archived_programme_says_kindly_that_sign_up_is_closed_and_takes_no_one_new() {
    let app = spawn_app().await;
    let csrf = {
        add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
        login(&app, "admin@example.org").await
    };
    let demo = programme(&app, "demo").expect("demo");
    add_person(
        app.db(),
        &demo,
        "Mira",
        "mira@example.org",
        "receiving",
        true,
    );

    let (status, page) = text(app.get("/coordinator/programmes/demo/archive").await).await;
    assert_eq!(status, 200);
    assert!(page.contains("Archive this programme"), "{page}");
    let (_, list) = text(app.get("/coordinator/programmes").await).await;
    assert!(
        list.contains("/signup?programme=demo"),
        "open: the form is linked"
    );

    let r = post(
        &app,
        "/coordinator/programmes/demo/archive",
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        "/coordinator/programmes/demo/archive?notice=archived"
    );
    assert!(programme(&app, "demo").expect("demo").archived_at.is_some());
    let (_, page) = text(app.get("/coordinator/programmes/demo/archive").await).await;
    assert!(page.contains("Archived since"), "{page}");
    assert!(page.contains("People: 1"), "what it still holds: {page}");
    let (_, list) = text(app.get("/coordinator/programmes").await).await;
    assert!(
        !list.contains("/signup?programme=demo"),
        "closed: not linked"
    );
    assert!(list.contains("Archived"));

    // The form, in every language: a kind page, no form.
    for lang in UiLanguage::ALL {
        let (status, page) = text(
            app.get(&format!("/signup?programme=demo&lang={}", lang.code()))
                .await,
        )
        .await;
        assert_eq!(status, 200, "{lang:?}");
        assert!(
            page.contains(&i18n::t(lang, "signup-closed-title")),
            "{lang:?}: {page}"
        );
        assert!(
            page.contains(&i18n::t(lang, "signup-closed-members")),
            "{lang:?}"
        );
        assert!(!page.contains("name=\"email\""), "{lang:?}: no form");
    }
    // Sending the form anyway (it was open in a tab): refused, nothing stored.
    let before = people_in(&app, "demo");
    let (status, page) = text(
        post_form(
            &app,
            "programme=demo&lang=de",
            &valid_form("late@example.org", "de"),
        )
        .await,
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains(&i18n::t(UiLanguage::De, "signup-closed-title")));
    assert_eq!(people_in(&app, "demo"), before);

    // A coordinator adding someone: refused with a message.
    let mut form = valid_form("paper@example.org", "en");
    form.push(("csrf", csrf.clone()));
    let (status, page) =
        text(post(&app, "/coordinator/programmes/demo/people/new", &form).await).await;
    assert_eq!(status, 409, "{page}");
    assert!(says(&page, "coord-error-archived"), "{page}");
    assert_eq!(people_in(&app, "demo"), before);

    // No new matching run: the runs page says why, a start is refused.
    let (_, runs_page) = text(app.get("/coordinator/programmes/demo/runs").await).await;
    assert!(says(&runs_page, "review-archived"), "{runs_page}");
    let runs = runs_of(&app);
    let r = post(
        &app,
        "/coordinator/programmes/demo/runs",
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 409);
    assert_eq!(runs_of(&app), runs);
    // Nor a pair made by hand or pinned.
    for action in ["manual", "pins"] {
        let (status, page) = text(
            post(
                &app,
                &format!("/coordinator/programmes/demo/{action}"),
                &[
                    ("csrf", csrf.clone()),
                    ("seeker_id", "1".into()),
                    ("buddy_id", "2".into()),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{action}: {page}");
        assert!(says(&page, "review-problem-archived"), "{action}: {page}");
    }

    // Deleting: the slug must be typed, and personal data must be gone first.
    let (status, page) = text(
        post(
            &app,
            "/coordinator/programmes/demo/delete",
            &[("csrf", csrf.clone()), ("confirm", "dem".into())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    let (status, page) = text(
        post(
            &app,
            "/coordinator/programmes/demo/delete",
            &[("csrf", csrf.clone()), ("confirm", "demo".into())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 409, "{page}");
    assert!(says(&page, "prog-archive-error-holds"), "{page}");
    assert!(programme(&app, "demo").is_some());

    // Reopened: the form is back.
    let r = post(
        &app,
        "/coordinator/programmes/demo/reopen",
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 303);
    let (status, page) = text(app.get("/signup?programme=demo").await).await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"email\""));

    // An empty programme: archived, then deleted.
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        db.write(|c| {
            programmes::create(
                c,
                &NewProgramme {
                    slug: "pilot",
                    name: "Pilot",
                    local_language: "de",
                    areas: &programmes::demo_areas(),
                    interests: &[],
                },
            )
        })
    })
    .await
    .expect("task")
    .expect("programme");
    let (status, page) = text(
        post(
            &app,
            "/coordinator/programmes/pilot/delete",
            &[("csrf", csrf.clone()), ("confirm", "pilot".into())],
        )
        .await,
    )
    .await;
    assert_eq!(status, 409, "open: archive first");
    assert!(says(&page, "prog-archive-error-open"), "{page}");
    post(
        &app,
        "/coordinator/programmes/pilot/archive",
        &[("csrf", csrf.clone())],
    )
    .await;
    let (_, page) = text(app.get("/coordinator/programmes/pilot/archive").await).await;
    assert!(says(&page, "prog-archive-holds-nothing"), "{page}");
    let r = post(
        &app,
        "/coordinator/programmes/pilot/delete",
        &[("csrf", csrf.clone()), ("confirm", "pilot".into())],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/coordinator/programmes?notice=deleted");
    assert!(programme(&app, "pilot").is_none());
    assert_eq!(
        app.get("/signup?programme=pilot").await.status().as_u16(),
        404
    );

    let actions = audit_actions(&app);
    for action in ["programme.archive", "programme.reopen", "programme.delete"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn coordinators_cannot_archive_and_the_csrf_token_is_checked() {
    let app = spawn_app().await;
    add_account(
        &app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    let csrf = login(&app, "coord@example.org").await;
    assert_eq!(
        app.get("/coordinator/programmes/demo/archive")
            .await
            .status()
            .as_u16(),
        403
    );
    let r = post(
        &app,
        "/coordinator/programmes/demo/archive",
        &[("csrf", csrf)],
    )
    .await;
    assert_eq!(r.status(), 403);
    assert!(programme(&app, "demo").expect("demo").is_open());

    add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
    login(&app, "admin@example.org").await;
    let r = post(
        &app,
        "/coordinator/programmes/demo/archive",
        &[("csrf", "forged".into())],
    )
    .await;
    assert_eq!(r.status(), 403);
    assert!(programme(&app, "demo").expect("demo").is_open());
}

#[tokio::test]
async fn through_the_api_admins_archive_reopen_and_delete() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let coordinator = account_with_token(
        &app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    )
    .await;
    let api = Api::new(&app, &admin);

    let (status, body) = status_json(
        Api::new(&app, &coordinator)
            .post("/api/v1/programmes/demo/archive", &json!({}))
            .await,
    )
    .await;
    assert_eq!(status, 403, "{body}");

    let (status, body) = status_json(
        api.post("/api/v1/programmes/demo/archive", &json!({}))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["archived_at"].is_string(), "{body}");
    let (status, again) = status_json(
        api.post("/api/v1/programmes/demo/archive", &json!({}))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        again["archived_at"], body["archived_at"],
        "archiving twice keeps the date"
    );

    // No one new, no new run: 409 with its own code.
    let coordinator_api = Api::new(&app, &coordinator);
    let (status, body) = status_json(
        coordinator_api
            .post(
                "/api/v1/programmes/demo/participants",
                &profile("Nour", "nour@example.org", "arriving", false),
            )
            .await,
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "programme_archived");
    let (status, body) = status_json(
        coordinator_api
            .post("/api/v1/programmes/demo/matching-runs", &json!({}))
            .await,
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "programme_archived");
    let (_, list) = status_json(coordinator_api.get("/api/v1/programmes").await).await;
    assert!(list[0]["archived_at"].is_string(), "{list}");

    // Deleting: refused while it is open, deleted once archived and empty.
    let (status, body) =
        status_json(api.post("/api/v1/programmes/demo/reopen", &json!({})).await).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["archived_at"].is_null());
    let (status, body) = status_json(api.delete("/api/v1/programmes/demo").await).await;
    assert_eq!(status, 409, "{body}");
    assert!(programme(&app, "demo").is_some());
    api.post("/api/v1/programmes/demo/archive", &json!({}))
        .await;
    assert_eq!(
        api.delete("/api/v1/programmes/demo")
            .await
            .status()
            .as_u16(),
        204
    );
    assert!(programme(&app, "demo").is_none());
    let (status, _) = status_json(api.delete("/api/v1/programmes/demo").await).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_api_refuses_to_delete_a_programme_that_still_holds_people() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let api = Api::new(&app, &admin);
    let demo = programme(&app, "demo").expect("demo");
    add_person(
        app.db(),
        &demo,
        "Mira",
        "mira@example.org",
        "receiving",
        true,
    );
    api.post("/api/v1/programmes/demo/archive", &json!({}))
        .await;
    let (status, body) = status_json(api.delete("/api/v1/programmes/demo").await).await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("1 people")),
        "{body}"
    );
}

/// The lifecycle goes on in an archived programme: a live pair stays; once the retention period
/// has passed since the archiving, people without a match going on are erased; the pair's
/// people stay until their match has ended and the period passed again; then it can go.
#[tokio::test]
async fn the_retention_period_empties_an_archived_programme() {
    let app = spawn_app_manual_scheduler().await;
    let t0 = now();
    let pair = active_pair(&app, t0).await;
    let demo = programme(&app, "demo").expect("demo");
    add_person(
        app.db(),
        &demo,
        "Wafa",
        "wafa@example.org",
        "arriving",
        false,
    );
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || lifecycle::archive(&db, "demo", TEST, t0))
        .await
        .expect("task")
        .expect("archived");
    let waiting = people_in(&app, "demo");
    assert!(waiting >= 3, "the pair and Wafa");

    let db = app.db().clone();
    let pass = move |at| {
        let db = db.clone();
        async move {
            tokio::task::spawn_blocking(move || run_pass(&db, at).expect("a pass"))
                .await
                .expect("task")
        }
    };
    let two_years = t0 + Months::new(24);
    assert_eq!(
        pass(two_years - Duration::days(1))
            .await
            .retention
            .people_erased,
        0
    );
    let erased = pass(two_years + Duration::days(1))
        .await
        .retention
        .people_erased;
    assert_eq!(
        erased,
        usize::try_from(waiting - 2).expect("count"),
        "all but the pair"
    );
    let still: Vec<i32> = people::table
        .filter(people::programme_id.eq(demo.id))
        .select(people::id)
        .order(people::id.asc())
        .load(&mut *app.db().get().expect("conn"))
        .expect("ids");
    let mut pair_ids = vec![pair.seeker_id, pair.buddy_id];
    pair_ids.sort_unstable();
    assert_eq!(still, pair_ids);

    let db = app.db().clone();
    let refused =
        tokio::task::spawn_blocking(move || lifecycle::delete(&db, "demo", TEST, two_years))
            .await
            .expect("task");
    assert!(
        matches!(refused, Err(lifecycle::ArchiveError::StillHolds(h)) if h.participants == 2 && h.live_matches == 1),
        "{refused:?}"
    );
}

/// On PostgreSQL sign-ups and the archiving run at once: each sign-up is either stored before
/// the archiving (and counted in what it held) or refused; none slips in after it.
#[tokio::test]
async fn a_sign_up_racing_the_archiving_is_stored_before_it_or_refused() {
    const ROUNDS: usize = 30;
    let app = spawn_app().await;
    let db = app.db().clone();
    let (stored, refused) = tokio::task::spawn_blocking(move || {
        let mut settings = Settings::default();
        settings.signup.min_fill_seconds = 0;
        let (mut stored, mut refused) = (0, 0);
        for round in 0..ROUNDS {
            let slug = format!("closing-{round}");
            db.write(|c| {
                programmes::create(
                    c,
                    &NewProgramme {
                        slug: &slug,
                        name: "Closing",
                        local_language: "de",
                        areas: &programmes::demo_areas(),
                        interests: &[],
                    },
                )
            })
            .expect("programme");
            let p = programmes::by_slug(&mut db.get().expect("conn"), &slug)
                .expect("query")
                .expect("programme");
            let person = NewParticipant::parse(
                ProfileInput {
                    first_name: "Race".into(),
                    last_name: "Test".into(),
                    email: format!("late{round}@example.org"),
                    message_language: "en".into(),
                    role: "arriving".into(),
                    capacity: Some(1),
                    languages: vec![LanguageInput {
                        code: "en".into(),
                        level: "b2".into(),
                    }],
                    availability: vec!["sat_morning".into()],
                    area: Some("zentrum".into()),
                    consent: true,
                    ..ProfileInput::default()
                },
                &p,
            )
            .expect("valid");
            let start = Arc::new(Barrier::new(2));
            let (db1, p1, s1, b1) = (db.clone(), p.clone(), settings.clone(), start.clone());
            let signing = std::thread::spawn(move || {
                b1.wait();
                let now = chrono::Utc::now().naive_utc();
                signup::register(&db1, &p1, &person, &format!("c{round}"), &s1, now)
            });
            let (db2, slug2) = (db.clone(), slug.clone());
            let archiving = std::thread::spawn(move || {
                start.wait();
                lifecycle::archive(&db2, &slug2, TEST, chrono::Utc::now().naive_utc())
            });
            let signed = signing.join().expect("thread").expect("sign-up");
            let (_, held) = archiving.join().expect("thread").expect("archived");
            let now_in: i64 = people::table
                .filter(people::programme_id.eq(p.id))
                .count()
                .get_result(&mut *db.get().expect("conn"))
                .expect("count");
            assert_eq!(
                now_in, held.participants,
                "round {round}: someone joined after the archiving ({signed:?})"
            );
            match signed {
                Registered::Taken => {
                    assert_eq!(now_in, 1);
                    stored += 1;
                }
                Registered::Closed => {
                    assert_eq!(now_in, 0);
                    refused += 1;
                }
                other => panic!("round {round}: {other:?}"),
            }
        }
        (stored, refused)
    })
    .await
    .expect("task");
    assert_eq!(stored + refused, ROUNDS);
    eprintln!("sign-ups stored before the archiving: {stored}, refused after it: {refused}");
}

/// The command line: `programme archive|reopen|delete`, and the import is refused too.
#[test]
fn on_the_command_line_an_archived_programme_takes_no_import_and_keeps_its_people() {
    let db = CliDb::new();
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/import-example.csv"
    ))
    .expect("example");
    let lines: Vec<&str> = example.lines().collect();
    let file = |name: &str, row: usize| {
        let path = db.dir.path().join(name);
        std::fs::write(&path, format!("{}\n{}\n", lines[0], lines[row])).expect("csv");
        path.display().to_string()
    };
    let first = file("first.csv", 1);
    let out = db.run(&["import", "--programme", "demo", &first]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = db.run(&["programme", "archive", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("archived"), "{}", stdout(&out));
    assert!(stdout(&out).contains("1 people"), "{}", stdout(&out));

    let second = file("second.csv", 2);
    let out = db.run(&["import", "--programme", "demo", &second]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("archived"), "{}", stderr(&out));
    assert_eq!(db.rows("demo").len(), 1);

    let out = db.run(&["programme", "list"]);
    assert!(stdout(&out).contains("archived"), "{}", stdout(&out));
    let out = db.run(&["programme", "delete", "demo"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("still holds personal data"),
        "{}",
        stderr(&out)
    );
    let out = db.run(&["programme", "reopen", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = db.run(&["import", "--programme", "demo", &second]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(db.rows("demo").len(), 2);
}
