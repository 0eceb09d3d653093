//! Programmes through the API (issue 14): admins create a programme and change its settings with
//! the same rules as the admin pages; coordinators may not; an area in use cannot go.

use buddymatch::accounts::store::CoordinatorRole;
use serde_json::{json, Value};

use crate::api_support::{account_with_token, field_codes, profile, status_json, Api};
use crate::helpers::spawn_app;

fn lyon() -> Value {
    json!({
        "slug": "lyon",
        "name": "Lyon buddies",
        "local_language": "fr",
        "areas": [
            {"name": "Presqu'île", "lat": 45.7640, "lon": 4.8357},
            {"id": "vaise-ouest", "name": "Vaise", "lat": 45.7745, "lon": 4.8050}
        ],
        "interests": ["boules"],
        "checkin_every_days": 21,
        "weights": {"language": 40}
    })
}

fn codes(body: &Value) -> Vec<(String, String)> {
    let mut c = field_codes(body);
    c.sort();
    c
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

#[tokio::test]
async fn admins_create_a_programme_and_change_its_settings() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let api = Api::new(&app, &admin);

    let response = api.post("/api/v1/programmes", &lyon()).await;
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().expect("ascii").to_owned());
    let (status, body) = status_json(response).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(location.as_deref(), Some("/api/v1/programmes/lyon"));
    let areas: Vec<&str> = body["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["slug"].as_str().expect("slug"))
        .collect();
    assert_eq!(
        areas,
        ["presqu-ile", "vaise-ouest"],
        "ids as the page makes them"
    );
    assert_eq!(body["checkin_every_days"], 21);
    assert_eq!(body["response_days"], 7, "a default");
    // Its sign-up form is there.
    assert_eq!(
        app.get("/signup?programme=lyon").await.status().as_u16(),
        200
    );

    let (status, body) = status_json(api.post("/api/v1/programmes", &lyon()).await).await;
    assert_eq!(status, 409, "{body}");

    // A change: what is given replaces, the rest stays.
    let (status, body) = status_json(
        api.patch(
            "/api/v1/programmes/lyon",
            &json!({"name": "Lyon, together", "response_days": 10}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "Lyon, together");
    assert_eq!(body["response_days"], 10);
    assert_eq!(body["checkin_every_days"], 21);
    assert_eq!(body["areas"].as_array().map(Vec::len), Some(2));

    // An area someone lives in cannot go: 409, nothing changes.
    let mut person = profile("Mila", "mila@example.org", "arriving", false);
    person["area"] = json!("vaise-ouest");
    person["message_language"] = json!("fr");
    let (status, body) = status_json(
        api.post("/api/v1/programmes/lyon/participants", &person)
            .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let only_centre = json!({"areas": [{"name": "Presqu'île", "lat": 45.764, "lon": 4.8357}]});
    let (status, body) =
        status_json(api.patch("/api/v1/programmes/lyon", &only_centre).await).await;
    assert_eq!(status, 409, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("vaise-ouest")));
    let (_, list) = status_json(api.get("/api/v1/programmes").await).await;
    let stored = list
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["slug"] == "lyon")
        .expect("lyon listed");
    assert_eq!(stored["areas"].as_array().map(Vec::len), Some(2));

    // The slug cannot change; an unknown programme is 404.
    let (status, body) = status_json(
        api.patch("/api/v1/programmes/lyon", &json!({"slug": "lille"}))
            .await,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(codes(&body), [pair("slug", "cannot_change")]);
    let (status, _) = status_json(
        api.patch("/api/v1/programmes/nowhere", &json!({"name": "X"}))
            .await,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_pages_rules_answer_every_problem_at_once() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let api = Api::new(&app, &admin);
    let bad = json!({
        "slug": "x",
        "name": "",
        "local_language": "xx",
        "areas": [
            {"name": "Nowhere", "lat": 91.0, "lon": 4.8},
            {"name": "A; B", "lat": 45.0, "lon": 4.8}
        ],
        "checkin_every_days": 0,
        "weights": {"luck": 5, "language": 1001}
    });
    let (status, body) = status_json(api.post("/api/v1/programmes", &bad).await).await;
    assert_eq!(status, 422, "{body}");
    let found = codes(&body);
    for want in [
        pair("slug", "invalid_slug"),
        pair("name", "required"),
        pair("local_language", "invalid_choice"),
        pair("areas.0", "invalid_latitude"),
        pair("areas.1", "area_format"),
        pair("checkin_every_days", "out_of_range"),
        pair("weights.luck", "unknown_component"),
        pair("weights.language", "out_of_range"),
    ] {
        assert!(found.contains(&want), "{want:?} in {found:?}");
    }
    // Wrong types and unknown fields are named too.
    let (status, body) = status_json(
        api.post(
            "/api/v1/programmes",
            &json!({"slug": "ok-slug", "areas": "Zentrum", "colour": "red"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<String> = codes(&body).into_iter().map(|(f, _)| f).collect();
    assert!(
        fields.contains(&"areas".to_owned()) && fields.contains(&"colour".to_owned()),
        "{fields:?}"
    );
    let (status, _) = status_json(api.get("/api/v1/programmes").await).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn coordinators_may_not_create_or_change_programmes() {
    let app = spawn_app().await;
    let token = account_with_token(
        &app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    )
    .await;
    let api = Api::new(&app, &token);
    let (status, body) = status_json(api.post("/api/v1/programmes", &lyon()).await).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let (status, _) = status_json(
        api.patch("/api/v1/programmes/demo", &json!({"name": "Mine"}))
            .await,
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_programme_names_the_country_of_its_local_phone_numbers() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let api = Api::new(&app, &admin);
    let (status, body) = status_json(api.post("/api/v1/programmes", &lyon()).await).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["phone_region"], json!(null), "none unless set");

    let (status, body) = status_json(
        api.patch("/api/v1/programmes/lyon", &json!({"phone_region": "XX"}))
            .await,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = status_json(
        api.patch("/api/v1/programmes/lyon", &json!({"phone_region": "fr"}))
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["phone_region"], "FR");

    // A French local number is now read as one, and stored in E.164.
    let mut person = profile("Mila", "", "arriving", false);
    person["phone"] = json!("06 12 34 56 78");
    person["message_language"] = json!("fr");
    person["area"] = json!("vaise-ouest");
    let (status, body) = status_json(
        api.post("/api/v1/programmes/lyon/participants", &person)
            .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["profile"]["phone"], "+33612345678");
    assert_eq!(body["profile"]["email"], "", "no email: reached by phone");
}
