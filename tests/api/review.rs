//! Coordinator review pages: start a run, progress, proposals without contact details, approve
//! (twice), reject with a reason, bulk approve, manual matching under the hard rules, pins,
//! comparing runs, CSRF and programme access.

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::matching_runs::{self, RunOptions};

use crate::helpers::spawn_app;
use crate::review_support::*;

#[tokio::test]
async fn a_run_started_in_the_browser_is_reviewed_approved_and_rejected() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;

    let page = app.get("/coordinator/programmes/demo/runs").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("body");
    assert!(html.contains("name=\"objective\"") && html.contains("waiting_priority"));
    assert!(
        html.contains("name=\"weight_language\" value=\"25\""),
        "defaults pre-filled"
    );

    // Without the CSRF token nothing starts.
    let r = post(
        &app,
        "/coordinator/programmes/demo/runs",
        &[("objective", "most_matched".to_owned())],
    )
    .await;
    assert_eq!(r.status(), 403);
    // Bad options are a 422 with the form kept.
    let r = post(
        &app,
        "/coordinator/programmes/demo/runs",
        &[
            ("csrf", csrf.clone()),
            ("objective", "greedy".to_owned()),
            ("weight_language", "-3".to_owned()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert!(html.contains("Choose one of the objectives"), "{html}");
    assert!(
        html.contains("Shared language: enter a whole number"),
        "{html}"
    );

    let run = run_in_browser(&app, &csrf).await;
    let done = app.get(&format!("/coordinator/runs/{run}")).await;
    assert_eq!(done.status(), 200);
    assert!(done.headers().get("refresh").is_none());
    let html = done.text().await.expect("body");
    assert!(!html.contains("http-equiv=\"refresh\""));
    assert!(html.contains("Amal") && html.contains("Anna") && html.contains("Jonas"));
    assert!(html.contains("Proposals (2)"), "{html}");
    // Next to first come, first served, with the groups by first language named.
    assert!(html.contains("Fair matching: this run and first come, first served"));
    assert!(html.contains("First language: <bdi>"), "{html}");
    // Reasons in words, profiles side by side, never contact details.
    assert!(
        html.contains("Saturday Morning") || html.contains("Saturday"),
        "availability"
    );
    for name in ["amal", "olena", "tesfay", "anna", "jonas"] {
        assert!(
            !html.contains(&format!("{name}@example.org")),
            "email of {name} shown"
        );
    }
    for phone in PHONES {
        assert!(!html.contains(phone), "phone {phone} shown");
    }
    assert!(
        !html.contains("Surname"),
        "last names stay off the review page"
    );
    assert!(
        html.contains("No buddy shares a language with them."),
        "Tesfay's reason: {html}"
    );

    let list = proposals(&app, run);
    let amal = proposal_of(&list, c.amal);
    assert_eq!(amal.buddy_id, c.anna);
    let olena = proposal_of(&list, c.olena);

    // Approve, then approve again: harmless, and it says so.
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", amal.id),
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(find_match(&app, amal.id).status, "approved");
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", amal.id),
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 303);
    let again = app.get(&location(&r)).await.text().await.expect("body");
    assert!(again.contains("already decided (Approved)"), "{again}");
    assert_eq!(find_match(&app, amal.id).status, "approved");
    // Approval without CSRF is refused.
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", olena.id),
        &[],
    )
    .await;
    assert_eq!(r.status(), 403);
    assert_eq!(find_match(&app, olena.id).status, "proposed");

    // Reject needs a reason; with one, the pair is rejected and forbidden.
    let form = app
        .get(&format!("/coordinator/matches/{}/reject", olena.id))
        .await;
    assert_eq!(form.status(), 200);
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/reject", olena.id),
        &[("csrf", csrf.clone()), ("reason", "  ".to_owned())],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("Enter a reason."));
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/reject", olena.id),
        &[
            ("csrf", csrf.clone()),
            ("reason", "They know each other".to_owned()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let rejected = find_match(&app, olena.id);
    assert_eq!(rejected.status, "rejected");
    assert_eq!(
        rejected.reject_reason.as_deref(),
        Some("They know each other")
    );
    // The run's table and the audit log say why.
    let table = app.get(&location(&r)).await.text().await.expect("body");
    assert!(
        table.contains("Reason: <q>They know each other</q>"),
        "{table}"
    );
    let reject_detail: String = {
        use buddymatch::db::schema::audit_log;
        use diesel::prelude::*;
        audit_log::table
            .filter(audit_log::action.eq("match.reject"))
            .select(audit_log::detail)
            .first(&mut *app.db().get().expect("conn"))
            .expect("audit entry")
    };
    assert_eq!(reject_detail, "They know each other");
    let forbidden = matches::rules(
        &mut app.db().get().expect("conn"),
        c.programme.id,
        RuleKind::Forbidden,
    )
    .expect("rules");
    assert!(forbidden.contains(&(c.olena, c.jonas)));

    // The next run does not propose the rejected pair (and Amal is matched already).
    let next = run_in_browser(&app, &csrf).await;
    let pairs = matches::pairs_of_run(&mut app.db().get().expect("conn"), next).expect("pairs");
    assert!(!pairs.contains(&(c.olena, c.jonas)), "{pairs:?}");
    assert!(!pairs.iter().any(|&(s, _)| s == c.amal), "{pairs:?}");

    let actions = audit_actions(&app);
    for a in ["run.start", "run.view", "match.approve", "match.reject"] {
        assert!(actions.iter().any(|x| x == a), "{a} audited: {actions:?}");
    }
}

#[tokio::test]
async fn a_running_run_shows_progress_and_refreshes_itself() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let _csrf = demo_login(&app).await;
    let db = app.db().clone();
    let programme = c.programme.clone();
    let run = tokio::task::spawn_blocking(move || {
        matching_runs::start(
            &db,
            &programme,
            None,
            &RunOptions::default(),
            chrono::Utc::now().naive_utc(),
        )
    })
    .await
    .expect("task")
    .expect("queued");
    let r = app.get(&format!("/coordinator/runs/{run}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers().get("refresh").map(|v| v.as_bytes()),
        Some(&b"2"[..])
    );
    let html = r.text().await.expect("body");
    assert!(html.contains("<meta http-equiv=\"refresh\" content=\"2\">"));
    assert!(html.contains("Waiting to start"), "{html}");
    assert!(!html.contains("Proposals ("));

    // Starting another while this one is queued: 409 with a clear message.
    let csrf = csrf_of(&html);
    let r = post(
        &app,
        "/coordinator/programmes/demo/runs",
        &[("csrf", csrf), ("objective", "fairness".to_owned())],
    )
    .await;
    assert_eq!(r.status(), 409);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("already in progress"));
}

#[tokio::test]
async fn many_proposals_are_approved_at_once() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;
    let run = run_in_browser(&app, &csrf).await;
    let list = proposals(&app, run);
    assert_eq!(list.len(), 2);
    let mut form = vec![("csrf", csrf.clone())];
    form.extend(list.iter().map(|m| ("match", m.id.to_string())));
    let r = post(&app, &format!("/coordinator/runs/{run}/approve"), &form).await;
    assert_eq!(r.status(), 303);
    let page = app.get(&location(&r)).await.text().await.expect("body");
    assert!(
        page.contains("2 pairs approved; 0 were already decided."),
        "{page}"
    );
    for m in &list {
        assert_eq!(find_match(&app, m.id).status, "approved");
    }
    // Again: nothing changes.
    let r = post(&app, &format!("/coordinator/runs/{run}/approve"), &form).await;
    let page = app.get(&location(&r)).await.text().await.expect("body");
    assert!(
        page.contains("0 pairs approved; 2 were already decided."),
        "{page}"
    );
    let _ = c;
}

#[tokio::test]
async fn matching_by_hand_keeps_the_hard_rules() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;
    // Tesfay speaks only Tigrinya, Jonas only German.
    let r = post(
        &app,
        "/coordinator/programmes/demo/manual",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", c.tesfay.to_string()),
            ("buddy_id", c.jonas.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("These two people cannot be matched"),
        "{html}"
    );
    assert!(
        html.contains("They share no language at level A2 – elementary or higher."),
        "{html}"
    );
    // Two seekers: named clearly.
    let r = post(
        &app,
        "/coordinator/programmes/demo/manual",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", c.amal.to_string()),
            ("buddy_id", c.olena.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains(&format!("Number {} does not offer to be a buddy.", c.olena)));
    // Not numbers: 422, not 500.
    let r = post(
        &app,
        "/coordinator/programmes/demo/manual",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", "abc".to_owned()),
            ("buddy_id", String::new()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);

    // A feasible pair is created and approved at once.
    let r = post(
        &app,
        "/coordinator/programmes/demo/manual",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", c.olena.to_string()),
            ("buddy_id", c.anna.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let live =
        matches::live_pairs(&mut app.db().get().expect("conn"), c.programme.id).expect("live");
    assert_eq!(live, vec![(c.olena, c.anna)]);
    // Anna is now full: a second manual pair with her is refused, naming why.
    let r = post(
        &app,
        "/coordinator/programmes/demo/manual",
        &[
            ("csrf", csrf),
            ("seeker_id", c.amal.to_string()),
            ("buddy_id", c.anna.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("has no room for another buddy"));
    assert!(audit_actions(&app).iter().any(|a| a == "match.manual"));
}

#[tokio::test]
async fn a_pinned_pair_is_in_the_next_run_and_runs_can_be_compared() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;
    let first = run_in_browser(&app, &csrf).await;
    let pairs = matches::pairs_of_run(&mut app.db().get().expect("conn"), first).expect("pairs");
    assert!(pairs.contains(&(c.amal, c.anna)));

    // A pin that breaks a hard rule is refused up front.
    let r = post(
        &app,
        "/coordinator/programmes/demo/pins",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", c.tesfay.to_string()),
            ("buddy_id", c.anna.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.expect("body").contains("share no language"));

    let r = post(
        &app,
        "/coordinator/programmes/demo/pins",
        &[
            ("csrf", csrf.clone()),
            ("seeker_id", c.olena.to_string()),
            ("buddy_id", c.anna.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let second = run_in_browser(&app, &csrf).await;
    let pairs = matches::pairs_of_run(&mut app.db().get().expect("conn"), second).expect("pairs");
    assert!(pairs.contains(&(c.olena, c.anna)), "{pairs:?}");
    assert!(pairs.contains(&(c.amal, c.jonas)), "{pairs:?}");

    let r = app
        .get(&format!("/coordinator/runs/{second}/compare?with={first}"))
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.expect("body");
    assert!(
        html.contains(&format!("Pairs only in run #{second} (2)")),
        "{html}"
    );
    assert!(
        html.contains(&format!("Pairs only in run #{first} (2)")),
        "{html}"
    );
    assert!(html.contains("Pairs in both runs: 0"), "{html}");
    // Each pair says where it stands: both runs' proposals wait until one run is kept.
    assert_eq!(html.matches("</bdi> · New</li>").count(), 4, "{html}");
    assert!(html.contains("Which run to keep?"), "{html}");
    let r = app
        .get(&format!("/coordinator/runs/{second}/compare?with=x"))
        .await;
    assert_eq!(r.status(), 400);

    // Unpin.
    let r = post(
        &app,
        "/coordinator/programmes/demo/unpin",
        &[
            ("csrf", csrf),
            ("seeker_id", c.olena.to_string()),
            ("buddy_id", c.anna.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert!(matches::rules(
        &mut app.db().get().expect("conn"),
        c.programme.id,
        RuleKind::Pinned
    )
    .expect("rules")
    .is_empty());
}

#[tokio::test]
async fn a_coordinator_of_another_programme_is_refused() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    second_programme(&app);
    let db = app.db().clone();
    let programme = c.programme.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        matching_runs::run_now(&db, &programme, None, &RunOptions::default())
    })
    .await
    .expect("task")
    .expect("run");
    let m = proposals(&app, outcome.run_id)[0].clone();
    add_account(
        &app,
        "other@example.org",
        CoordinatorRole::Coordinator,
        &["other"],
    );
    let csrf = login(&app, "other@example.org").await;
    for path in [
        "/coordinator/programmes/demo/runs".to_owned(),
        format!("/coordinator/runs/{}", outcome.run_id),
        format!("/coordinator/matches/{}/reject", m.id),
    ] {
        assert_eq!(app.get(&path).await.status(), 404, "{path}");
    }
    for path in [
        format!("/coordinator/matches/{}/approve", m.id),
        "/coordinator/programmes/demo/runs".to_owned(),
        format!("/coordinator/runs/{}/approve", outcome.run_id),
    ] {
        let r = post(
            &app,
            &path,
            &[("csrf", csrf.clone()), ("match", m.id.to_string())],
        )
        .await;
        assert_eq!(r.status(), 404, "{path}");
    }
    assert_eq!(find_match(&app, m.id).status, "proposed");
    // Their own programme's runs page works.
    assert_eq!(
        app.get("/coordinator/programmes/other/runs").await.status(),
        200
    );
    // Not logged in: to the login page.
    let anonymous = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let r = anonymous
        .get(format!("{}/coordinator/programmes/demo/runs", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 303);
}
