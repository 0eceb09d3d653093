//! Several runs side by side until the coordinator keeps one: a new run leaves the earlier run's
//! undecided proposals alone, approving a proposal whose seeker or buddy was meanwhile taken by
//! another run's approval changes nothing and says why (pages, API, and two approvals at once),
//! and keeping a run replaces the undecided proposals of the others.

use buddymatch::db::matches::{self, Match, RuleKind};
use buddymatch::domain::MatchStatus;
use buddymatch::introductions::room::Taken;
use buddymatch::matching_runs::decisions::{self, Decision};
use buddymatch::matching_runs::{self, RunOptions};
use serde_json::Value;

use crate::api_support::demo_coordinator;
use crate::helpers::{spawn_app, TestApp};
use crate::review_support::{
    audit_actions, cohort_of, demo_login, find_match, location, post, proposal_of, proposals,
    run_in_browser, Cohort,
};

/// Pins Amal with Jonas, so the next run differs from the first (Amal-Anna, Olena-Jonas): it
/// proposes Amal-Jonas and Olena-Anna.
fn pin_amal_with_jonas(app: &TestApp, c: &Cohort) {
    app.db()
        .write(|conn| {
            matches::add_rule(
                conn,
                c.programme.id,
                c.amal,
                c.jonas,
                RuleKind::Pinned,
                "test",
                None,
                chrono::Utc::now().naive_utc(),
            )
        })
        .expect("pin");
}

/// A run, then a pin, then a second run (different pairs); their ids.
async fn two_runs(app: &TestApp, c: &Cohort) -> (i32, i32) {
    let run = |app: &TestApp| {
        let db = app.db().clone();
        let programme = c.programme.clone();
        tokio::task::spawn_blocking(move || {
            matching_runs::run_now(&db, &programme, None, &RunOptions::default())
                .expect("run")
                .run_id
        })
    };
    let first = run(app).await.expect("first");
    pin_amal_with_jonas(app, c);
    let second = run(app).await.expect("second");
    (first, second)
}

fn statuses(list: &[Match]) -> Vec<MatchStatus> {
    list.iter().map(|m| m.status).collect()
}

async fn page(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.expect("body")
}

#[tokio::test]
async fn runs_wait_side_by_side_until_the_coordinator_keeps_one() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;
    let first = run_in_browser(&app, &csrf).await;
    pin_amal_with_jonas(&app, &c);
    let second = run_in_browser(&app, &csrf).await;

    // The first run's proposals still wait: the second did not replace them.
    let old = proposals(&app, first);
    let new = proposals(&app, second);
    assert_eq!(statuses(&old), vec![MatchStatus::Proposed; 2]);
    assert_eq!(proposal_of(&new, c.amal).buddy_id, c.jonas);
    let html = page(&app, &format!("/coordinator/runs/{second}")).await;
    assert!(html.contains("Which run to keep?"), "{html}");
    assert!(
        html.contains(&format!("Run {first}: 2 undecided proposals")),
        "{html}"
    );
    assert!(html.contains(&format!("/coordinator/runs/{second}/compare?with={first}")));

    // Amal-Jonas approved from the second run ...
    let r = post(
        &app,
        &format!(
            "/coordinator/matches/{}/approve",
            proposal_of(&new, c.amal).id
        ),
        &[("csrf", csrf.clone())],
    )
    .await;
    assert!(location(&r).contains("notice=approved"), "{}", location(&r));
    // ... so the first run's Amal-Anna cannot be: Amal already has a buddy.
    let amal_anna = proposal_of(&old, c.amal);
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", amal_anna.id),
        &[("csrf", csrf.clone())],
    )
    .await;
    let back = location(&r);
    assert!(
        back.contains("notice=taken&why=seeker_already_matched"),
        "{back}"
    );
    let html = page(&app, &back).await;
    assert!(
        html.contains("this person already has an approved buddy"),
        "{html}"
    );
    assert_eq!(find_match(&app, amal_anna.id).status, MatchStatus::Proposed);

    // Both of the first run's proposals at once: Amal is taken, and Jonas (capacity 1) is full.
    let r = post(
        &app,
        &format!("/coordinator/runs/{first}/approve"),
        &[
            ("csrf", csrf.clone()),
            ("match", amal_anna.id.to_string()),
            ("match", proposal_of(&old, c.olena).id.to_string()),
        ],
    )
    .await;
    let back = location(&r);
    assert!(
        back.contains("notice=many&count=0&already=0&taken=2"),
        "{back}"
    );
    let html = page(&app, &back).await;
    assert!(html.contains("2 stay proposals"), "{html}");
    assert_eq!(
        statuses(&proposals(&app, first)),
        vec![MatchStatus::Proposed; 2]
    );

    // The comparison offers to keep either run; keeping the second replaces the first's.
    let html = page(
        &app,
        &format!("/coordinator/runs/{first}/compare?with={second}"),
    )
    .await;
    for id in [first, second] {
        assert!(html.contains(&format!("Keep run {id}")), "{html}");
        assert!(html.contains(&format!("action=\"/coordinator/runs/{id}/keep\"")));
    }
    let r = post(
        &app,
        &format!("/coordinator/runs/{second}/keep"),
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 303);
    let back = location(&r);
    assert!(back.contains("notice=kept&count=2"), "{back}");
    let html = page(&app, &back).await;
    assert!(html.contains("Run kept. 2 undecided proposals"), "{html}");
    assert!(!html.contains("Which run to keep?"), "{html}");
    assert_eq!(
        statuses(&proposals(&app, first)),
        vec![MatchStatus::Superseded; 2]
    );
    assert_eq!(
        find_match(&app, proposal_of(&new, c.olena).id).status,
        MatchStatus::Proposed,
        "the kept run's own proposals still wait"
    );
    assert!(audit_actions(&app).contains(&"run.keep".to_owned()));

    // Once nothing waits in either run, the comparison offers nothing to keep.
    let html = page(
        &app,
        &format!("/coordinator/runs/{first}/compare?with={second}"),
    )
    .await;
    assert!(
        html.contains("Which run to keep?"),
        "Olena-Anna still waits"
    );
    let olena_anna = proposal_of(&new, c.olena).id;
    let r = post(
        &app,
        &format!("/coordinator/matches/{olena_anna}/approve"),
        &[("csrf", csrf.clone())],
    )
    .await;
    assert!(location(&r).contains("notice=approved"), "{}", location(&r));
    let html = page(
        &app,
        &format!("/coordinator/runs/{first}/compare?with={second}"),
    )
    .await;
    assert!(!html.contains("Which run to keep?"), "{html}");

    // Figures in the reader's digits: three people looking for a buddy, in Persian.
    let html = page(&app, &format!("/coordinator/runs/{second}?lang=fa")).await;
    assert!(html.contains("<dd>۳</dd>"), "{html}");

    // A form without its CSRF token changes nothing; an unknown run is 404.
    let r = post(&app, &format!("/coordinator/runs/{first}/keep"), &[]).await;
    assert_eq!(r.status(), 403);
    let r = post(
        &app,
        "/coordinator/runs/99999/keep",
        &[("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_api_keeps_a_run_and_refuses_an_approval_whose_people_are_taken() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let token = demo_coordinator(&app).await;
    let (first, second) = two_runs(&app, &c).await;
    let call = |path: String| {
        app.client
            .post(format!("{}{path}", app.address))
            .bearer_auth(&token)
            .send()
    };

    let amal_jonas = proposal_of(&proposals(&app, second), c.amal);
    let r = call(format!("/api/v1/matches/{}/approve", amal_jonas.id))
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let amal_anna = proposal_of(&proposals(&app, first), c.amal);
    let r = call(format!("/api/v1/matches/{}/approve", amal_anna.id))
        .await
        .expect("sent");
    assert_eq!(r.status(), 409);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["error"]["code"], "conflict", "{v}");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("already has an approved"), "{v}");

    let r = call(format!("/api/v1/matching-runs/{first}/keep"))
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.expect("json");
    // The second run's Olena-Anna was the only other undecided proposal.
    assert_eq!(v, serde_json::json!({"id": first, "replaced": 1}));
    assert_eq!(
        find_match(&app, proposal_of(&proposals(&app, second), c.olena).id).status,
        MatchStatus::Superseded
    );
    let r = call("/api/v1/matching-runs/99999/keep".to_owned())
        .await
        .expect("sent");
    assert_eq!(r.status(), 404);
}

/// Two coordinators approve, at the same moment, proposals of two runs that give Amal different
/// buddies: exactly one succeeds (PostgreSQL holds both people's rows; SQLite's writers take
/// turns).
#[tokio::test]
async fn two_approvals_at_once_cannot_both_take_the_same_seeker() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let (first, second) = two_runs(&app, &c).await;
    let both = [
        proposal_of(&proposals(&app, first), c.amal),
        proposal_of(&proposals(&app, second), c.amal),
    ];
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let handles: Vec<_> = both
        .into_iter()
        .map(|m| {
            let db = app.db().clone();
            let settings = app.state.settings.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                decisions::approve(&db, &m, None, &settings, chrono::Utc::now().naive_utc())
                    .expect("approve")
            })
        })
        .collect();
    let mut outcomes: Vec<Decision> = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .collect();
    outcomes.sort_by_key(|d| matches!(d, Decision::Taken(_)));
    assert_eq!(
        outcomes,
        vec![Decision::Done, Decision::Taken(Taken::SeekerMatched)]
    );
    let approved = [first, second]
        .iter()
        .flat_map(|&r| proposals(&app, r))
        .filter(|m| m.seeker_id == c.amal && m.status == MatchStatus::Approved)
        .count();
    assert_eq!(approved, 1);
}
