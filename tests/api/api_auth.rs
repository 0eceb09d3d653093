//! The API refuses requests without a valid token (401) and keeps coordinators to their own
//! programmes (404, as if they did not exist); admins reach all.

use buddymatch::accounts::CoordinatorRole;

use crate::api_support::{
    account_with_token, demo_coordinator, other_programme, profile, status_json, Api,
};
use crate::helpers::spawn_app;

#[tokio::test]
async fn no_token_is_401_json() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/programmes").await;
    assert_eq!(
        response
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    let (status, body) = status_json(response).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unauthorized");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("Bearer"));
    // Also before the body is looked at.
    let (status, _) = status_json(
        Api {
            app: &app,
            token: None,
        }
        .post_raw("/api/v1/programmes/demo/participants", "{nope")
        .await,
    )
    .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn bad_or_malformed_token_is_401() {
    let app = spawn_app().await;
    let _real = demo_coordinator(&app).await;
    let (status, body) = status_json(
        Api::new(&app, "not-a-real-token")
            .get("/api/v1/programmes")
            .await,
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unauthorized");
    let response = app
        .client
        .get(format!("{}/api/v1/programmes", app.address))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .expect("sent");
    let (status, body) = status_json(response).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unauthorized");
}

#[tokio::test]
async fn coordinator_of_one_programme_cannot_reach_another() {
    // Arrange: demo coordinator; a participant in `other` created by an admin.
    let app = spawn_app().await;
    other_programme(&app).await;
    let coord = demo_coordinator(&app).await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let mut body = profile("Nadia", "nadia@example.org", "arriving", false);
    body["area"] = "north".into();
    let (status, created) = status_json(
        Api::new(&app, &admin)
            .post("/api/v1/programmes/other/participants", &body)
            .await,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().expect("id");

    // Act + Assert: every route into `other` is 404 for the demo coordinator, as if it
    // did not exist: ids must not tell what exists in other programmes.
    let api = Api::new(&app, &coord);
    let (status, body) = status_json(api.get("/api/v1/programmes/other/participants").await).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    // Worded exactly as for a programme that does not exist.
    assert_eq!(body["error"]["message"], "There is no programme `other`.");
    let (status, _) = status_json(api.get(&format!("/api/v1/participants/{id}")).await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(
        api.put(
            &format!("/api/v1/participants/{id}"),
            &profile("X", "x@example.org", "arriving", false),
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = status_json(api.delete(&format!("/api/v1/participants/{id}")).await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(
        api.post(
            "/api/v1/programmes/other/participants",
            &profile("Y", "y@example.org", "arriving", false),
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
    // The participant is still there for the admin.
    let (status, _) = status_json(
        Api::new(&app, &admin)
            .get(&format!("/api/v1/participants/{id}"))
            .await,
    )
    .await;
    assert_eq!(status, 200);
    // An unknown programme is 404 too.
    let (status, body) =
        status_json(api.get("/api/v1/programmes/nowhere/participants").await).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn programmes_list_shows_only_the_callers_programmes() {
    let app = spawn_app().await;
    other_programme(&app).await;
    let coord = demo_coordinator(&app).await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let both = account_with_token(
        &app,
        "both@example.org",
        CoordinatorRole::Coordinator,
        &["demo", "other"],
    )
    .await;
    let none =
        account_with_token(&app, "none@example.org", CoordinatorRole::Coordinator, &[]).await;

    let slugs = |body: &serde_json::Value| -> Vec<String> {
        body.as_array()
            .expect("array")
            .iter()
            .map(|p| p["slug"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let (status, body) = status_json(Api::new(&app, &coord).get("/api/v1/programmes").await).await;
    assert_eq!(status, 200);
    assert_eq!(slugs(&body), ["demo"]);
    assert!(body[0]["areas"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x["slug"] == "zentrum")));
    let (_, body) = status_json(Api::new(&app, &admin).get("/api/v1/programmes").await).await;
    assert_eq!(slugs(&body), ["demo", "other"]);
    let (_, body) = status_json(Api::new(&app, &both).get("/api/v1/programmes").await).await;
    assert_eq!(slugs(&body), ["demo", "other"]);
    let (_, body) = status_json(Api::new(&app, &none).get("/api/v1/programmes").await).await;
    assert_eq!(slugs(&body), Vec::<String>::new());
}

#[tokio::test]
async fn bad_token_is_401_whatever_the_body() {
    // The token is checked before the body is read, so an unauthenticated caller learns nothing
    // from how the body is judged.
    let app = spawn_app().await;
    let api = Api::new(&app, "bad-token");
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(70_000));
    for _ in 0..5 {
        for body in ["{nope", big.as_str(), "{\"first_name\": 1}"] {
            let (status, json) = status_json(
                api.post_raw("/api/v1/programmes/demo/participants", body)
                    .await,
            )
            .await;
            assert_eq!(status, 401, "{json}");
        }
    }
    let (status, _) = status_json(api.get("/api/v1/participants/abc").await).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn programmes_are_listed_with_their_settings() {
    let app = spawn_app().await;
    let coord = demo_coordinator(&app).await;
    let (status, body) = status_json(Api::new(&app, &coord).get("/api/v1/programmes").await).await;
    assert_eq!(status, 200);
    let demo = body
        .as_array()
        .and_then(|list| list.iter().find(|p| p["slug"] == "demo"))
        .unwrap_or_else(|| panic!("demo listed: {body}"));
    assert!(demo["areas"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(demo["checkin_every_days"].as_i64().is_some_and(|d| d > 0));
    assert_eq!(demo["response_days"], 7, "the default: {demo}");
}
