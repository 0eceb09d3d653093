//! The JSON API of matching runs: start (202, 409 while running), read (summary, proposals with
//! structured reasons, unmatched with why), approve and reject, 401/403, OpenAPI.

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::matching_runs::{self, RunOptions};
use serde_json::{json, Value};

use crate::api_support::{account_with_token, demo_coordinator, other_programme};
use crate::helpers::{spawn_app, TestApp};
use crate::review_support::*;

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> reqwest::Response {
    let mut r = app.client.request(method, format!("{}{path}", app.address));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    r.send().await.expect("sent")
}

async fn finished_run(app: &TestApp, token: &str, id: i64) -> Value {
    for _ in 0..200 {
        let r = send(
            app,
            reqwest::Method::GET,
            &format!("/api/v1/matching-runs/{id}"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.expect("json");
        if v["status"] != "queued" && v["status"] != "running" {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("run did not finish");
}

#[tokio::test]
async fn runs_are_started_read_and_their_proposals_decided() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let token = demo_coordinator(&app).await;

    // Bad options: 422 naming the field; unknown fields too.
    let r = send(
        &app,
        reqwest::Method::POST,
        "/api/v1/programmes/demo/matching-runs",
        Some(&token),
        Some(json!({"objective": "greedy", "weights": {"language": 5000}})),
    )
    .await;
    assert_eq!(r.status(), 422);
    let v: Value = r.json().await.expect("json");
    let fields: Vec<&str> = v["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, vec!["objective", "weights.language"], "{v}");
    let r = send(
        &app,
        reqwest::Method::POST,
        "/api/v1/programmes/demo/matching-runs",
        Some(&token),
        Some(json!({"nationality": "x"})),
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = app
        .client
        .post(format!(
            "{}/api/v1/programmes/demo/matching-runs",
            app.address
        ))
        .bearer_auth(&token)
        .body("{not json")
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 400);

    let r = send(
        &app,
        reqwest::Method::POST,
        "/api/v1/programmes/demo/matching-runs",
        Some(&token),
        Some(json!({"objective": "fairness", "weights": {"age": 10, "min_language_level": "A2"}})),
    )
    .await;
    assert_eq!(r.status(), 202);
    let started: Value = r.json().await.expect("json");
    let id = started["id"].as_i64().expect("id");
    assert_eq!(started["url"], format!("/api/v1/matching-runs/{id}"));

    let run = finished_run(&app, &token, id).await;
    assert_eq!(run["status"], "done", "{run}");
    assert_eq!(run["objective"], "fairness");
    assert_eq!(run["weights"]["age"], 10);
    assert_eq!(run["summary"]["matched"], 2);
    assert_eq!(run["summary"]["seekers"], 3);
    assert_eq!(run["summary"]["unmatched"], 1);
    // Next to first come, first served on the same cohort, with rates per group.
    let fair = &run["first_come_first_served"];
    assert_eq!(fair["run"]["matched"], 2, "{fair}");
    assert_eq!(fair["run"]["unmatched"], 1);
    assert!(fair["baseline"]["matched"].as_u64() <= Some(2), "{fair}");
    for dimension in ["language", "gender", "age_band", "area"] {
        let seekers: u64 = fair["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .filter(|g| g["dimension"] == dimension)
            .filter_map(|g| g["seekers"].as_u64())
            .sum();
        assert_eq!(seekers, 3, "{dimension}: {fair}");
    }
    assert_eq!(run["proposals"]["total"], 2);
    let items = run["proposals"]["items"].as_array().expect("items");
    let amal = items
        .iter()
        .find(|p| p["seeker_id"] == c.amal)
        .expect("amal's proposal");
    assert_eq!(amal["buddy_id"], c.anna);
    assert!(
        amal["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .any(|r| r["reason"] == "shared_language" && r["points"].as_u64() > Some(0)),
        "{amal}"
    );
    assert_eq!(run["unmatched"][0]["seeker_id"], c.tesfay);
    assert_eq!(run["unmatched"][0]["reason"], "no_feasible_buddy");
    assert_eq!(run["unmatched"][0]["main_rule"], "no_common_language");
    // Contact details never appear.
    let text = run.to_string();
    assert!(!text.contains("@example.org") && !text.contains("+49151"));

    // Paging.
    let r = send(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/matching-runs/{id}?page=2&per_page=1"),
        Some(&token),
        None,
    )
    .await;
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["proposals"]["items"].as_array().expect("items").len(), 1);
    assert_eq!(v["proposals"]["page"], 2);
    for q in ["page=0", "per_page=100000"] {
        let r = send(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/matching-runs/{id}?{q}"),
            Some(&token),
            None,
        )
        .await;
        assert_eq!(r.status(), 422, "{q}");
    }
    let r = send(
        &app,
        reqwest::Method::GET,
        "/api/v1/matching-runs/999999",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(r.status(), 404);

    // Approve twice: the second says nothing changed.
    let amal_id = amal["id"].as_i64().expect("id");
    for changed in [true, false] {
        let r = send(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/matches/{amal_id}/approve"),
            Some(&token),
            None,
        )
        .await;
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.expect("json");
        assert_eq!(v["status"], "approved");
        assert_eq!(v["changed"], changed);
    }
    // Rejecting an approved match is a conflict.
    let r = send(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/matches/{amal_id}/reject"),
        Some(&token),
        Some(json!({"reason": "changed my mind"})),
    )
    .await;
    assert_eq!(r.status(), 409);

    let olena = items
        .iter()
        .find(|p| p["seeker_id"] == c.olena)
        .expect("olena's proposal");
    let olena_id = olena["id"].as_i64().expect("id");
    let r = send(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/matches/{olena_id}/reject"),
        Some(&token),
        Some(json!({"reason": " "})),
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = send(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/matches/{olena_id}/reject"),
        Some(&token),
        Some(json!({"reason": "Known to each other"})),
    )
    .await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.expect("json");
    assert_eq!(
        (v["status"].as_str(), v["changed"].as_bool()),
        (Some("rejected"), Some(true))
    );
    let forbidden = matches::rules(
        &mut app.db().get().expect("conn"),
        c.programme.id,
        RuleKind::Forbidden,
    )
    .expect("rules");
    assert!(forbidden.contains(&(c.olena, c.jonas)));
    let r = send(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/matches/{olena_id}/approve"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn a_second_run_while_one_is_running_is_a_conflict() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let token = demo_coordinator(&app).await;
    let db = app.db().clone();
    let programme = c.programme.clone();
    tokio::task::spawn_blocking(move || {
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
    let r = send(
        &app,
        reqwest::Method::POST,
        "/api/v1/programmes/demo/matching-runs",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(r.status(), 409);
    let v: Value = r.json().await.expect("json");
    assert_eq!(v["error"]["code"], "conflict");
}

#[tokio::test]
async fn tokens_and_programme_access_are_checked() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    other_programme(&app).await;
    let outsider = account_with_token(
        &app,
        "outsider@example.org",
        CoordinatorRole::Coordinator,
        &["other"],
    )
    .await;
    let db = app.db().clone();
    let programme = c.programme.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        matching_runs::run_now(&db, &programme, None, &RunOptions::default())
    })
    .await
    .expect("task")
    .expect("run");
    let m = proposals(&app, outcome.run_id)[0].clone();
    let calls = [
        (
            reqwest::Method::POST,
            "/api/v1/programmes/demo/matching-runs".to_owned(),
            None,
        ),
        (
            reqwest::Method::GET,
            format!("/api/v1/matching-runs/{}", outcome.run_id),
            None,
        ),
        (
            reqwest::Method::POST,
            format!("/api/v1/matches/{}/approve", m.id),
            None,
        ),
        (
            reqwest::Method::POST,
            format!("/api/v1/matches/{}/reject", m.id),
            Some(json!({"reason": "no"})),
        ),
    ];
    for (method, path, body) in calls {
        let r = send(&app, method.clone(), &path, None, body.clone()).await;
        assert_eq!(r.status(), 401, "{path}");
        // Another programme's run or match is answered as if it did not exist.
        let r = send(&app, method, &path, Some(&outsider), body).await;
        assert_eq!(r.status(), 404, "{path}");
        let v: Value = r.json().await.expect("json");
        assert_eq!(v["error"]["code"], "not_found");
    }
    assert_eq!(find_match(&app, m.id).status, "proposed");
}

#[tokio::test]
async fn the_openapi_document_describes_matching_runs() {
    let app = spawn_app().await;
    let doc: Value = app
        .get("/api/openapi.json")
        .await
        .json()
        .await
        .expect("json");
    for path in [
        "/api/v1/programmes/{slug}/matching-runs",
        "/api/v1/matching-runs/{id}",
        "/api/v1/matches/{id}/approve",
        "/api/v1/matches/{id}/reject",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(
        doc["paths"]["/api/v1/programmes/{slug}/matching-runs"]["post"]["responses"]["202"]
            .is_object()
    );
    assert!(doc["components"]["schemas"]["RunDto"].is_object());
}
