//! The continuum through the JSON API: live matches by stage, one match with its history and
//! check-ins, a coordinator's check-in (422 naming each bad field), pause and close, access and
//! conflicts.

use buddymatch::continuum::scheduler;
use buddymatch::db::matches::{self, RuleKind};
use chrono::{Duration, NaiveDateTime};
use serde_json::{json, Value};

use crate::api_support::{demo_coordinator, other_programme, status_json, Api};
use crate::continuum_support::{active_pair, write};
use crate::helpers::{spawn_app_manual_scheduler, TestApp};
use crate::introductions_support::now;

async fn pass(app: &TestApp, at: NaiveDateTime) {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    tokio::task::spawn_blocking(move || scheduler::run_pass(&db, &settings, None, at))
        .await
        .expect("task")
        .expect("pass");
}

fn fields(body: &Value) -> Vec<String> {
    body["error"]["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn live_matches_by_stage_and_one_match_with_its_history() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, now() - Duration::days(40)).await;
    pass(&app, now()).await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);

    let (status, page) = status_json(api.get("/api/v1/programmes/demo/matches").await).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["id"], pair.match_id);
    assert_eq!(page["items"][0]["stage"], "stalled");
    let stalled = page["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .find(|c| c["stage"] == "stalled")
        .expect("stalled count")
        .clone();
    assert_eq!(stalled["count"], 1);
    let (_, none) = status_json(
        api.get("/api/v1/programmes/demo/matches?stage=mutual")
            .await,
    )
    .await;
    assert_eq!(none["total"], 0);
    let (status, bad) = status_json(
        api.get("/api/v1/programmes/demo/matches?stage=friends&per_page=0")
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&bad), ["stage", "per_page"]);

    let (status, m) =
        status_json(api.get(&format!("/api/v1/matches/{}", pair.match_id)).await).await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["status"], "active");
    assert_eq!(m["stage"], "stalled");
    let history: Vec<&str> = m["stage_history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["stage"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(history, ["introduced", "stalled"]);
    assert_eq!(m["checkins"].as_array().map(Vec::len), Some(2), "{m}");
    assert!(m["checkins"][0]["sent_at"].is_string());
}

#[tokio::test]
async fn a_coordinator_records_pauses_and_closes_through_the_api() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, now() - Duration::days(10)).await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    let url = format!("/api/v1/matches/{}", pair.match_id);

    let (status, bad) = status_json(
        api.post(
            &format!("{url}/check-ins"),
            &json!({"side": "nobody", "met": "often", "going": 9, "continue": "maybe"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    assert_eq!(fields(&bad), ["side", "met", "going", "trust", "continue"]);
    let (status, _) = status_json(
        api.post(
            &format!("{url}/check-ins"),
            &json!({"side": "seeker", "colour": "red"}),
        )
        .await,
    )
    .await;
    assert!(
        status == 400 || status == 422,
        "unknown fields are refused ({status})"
    );

    let (status, m) = status_json(
        api.post(
            &format!("{url}/check-ins"),
            &json!({"side": "seeker", "met": "several", "met_how": ["in_person"], "going": 5,
                    "trust": 4, "gave": ["culture"], "received": ["language"], "continue": "yes"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["stage"], "getting_to_know");
    let recorded = m["checkins"]
        .as_array()
        .expect("check-ins")
        .iter()
        .find(|c| c["recorded_by_coordinator"] == true)
        .expect("a recorded check-in")
        .clone();
    assert_eq!(recorded["answer"]["met"], "several");
    assert_eq!(recorded["answer"]["gave"], json!(["culture"]));

    let (status, bad) = status_json(
        api.post(&format!("{url}/pause"), &json!({"until": "2001-01-01"}))
            .await,
    )
    .await;
    assert_eq!((status, fields(&bad)), (422, vec!["until".to_owned()]));
    let until = (now() + Duration::days(14))
        .date()
        .format("%Y-%m-%d")
        .to_string();
    let (status, m) = status_json(
        api.post(&format!("{url}/pause"), &json!({ "until": until }))
            .await,
    )
    .await;
    assert_eq!((status, m["stage"].as_str()), (200, Some("paused")), "{m}");

    let (status, bad) = status_json(
        api.post(&format!("{url}/close"), &json!({"reason": "bored"}))
            .await,
    )
    .await;
    assert_eq!((status, fields(&bad)), (422, vec!["reason".to_owned()]));
    let (status, m) = status_json(
        api.post(
            &format!("{url}/close"),
            &json!({"reason": "no_longer_available"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{m}");
    assert_eq!(
        (m["status"].as_str(), m["stage"].as_str()),
        (Some("closed"), Some("closed"))
    );
    assert_eq!(m["close_reason"], "no_longer_available");
    let forbidden = write(app.db(), move |c| {
        matches::has_rule(c, pair.seeker_id, pair.buddy_id, RuleKind::Forbidden)
    })
    .await;
    assert!(forbidden);
    // A closed match cannot be closed or paused again.
    let (status, _) = status_json(
        api.post(&format!("{url}/close"), &json!({"reason": "other"}))
            .await,
    )
    .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn other_programmes_and_unknown_matches_are_refused() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, now() - Duration::days(10)).await;
    other_programme(&app).await;
    let token = crate::api_support::account_with_token(
        &app,
        "other@example.org",
        buddymatch::accounts::store::CoordinatorRole::Coordinator,
        &["other"],
    )
    .await;
    let api = Api::new(&app, &token);
    let (status, _) =
        status_json(api.get(&format!("/api/v1/matches/{}", pair.match_id)).await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(api.get("/api/v1/programmes/demo/matches").await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(
        api.post(
            &format!("/api/v1/matches/{}/close", pair.match_id),
            &json!({"reason": "other"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = status_json(api.get("/api/v1/matches/987654").await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(
        Api {
            app: &app,
            token: None,
        }
        .get("/api/v1/matches/1")
        .await,
    )
    .await;
    assert_eq!(status, 401);
}
