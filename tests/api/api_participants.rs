//! Participants through the JSON API: create, validate, list, read, replace, delete; malformed
//! input is a 4xx JSON error, never a 500.

use serde_json::{json, Value};

use crate::api_support::{demo_coordinator, field_codes, profile, status_json, Api};
use crate::helpers::spawn_app;

const DEMO: &str = "/api/v1/programmes/demo/participants";

fn has(codes: &[(String, String)], field: &str, code: &str) -> bool {
    codes.iter().any(|(f, c)| f == field && c == code)
}

#[tokio::test]
async fn create_valid_participant_is_201_with_location_and_confirmed() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);

    let response = api
        .post(
            DEMO,
            &profile("Olena", "Olena@Example.org", "arriving", false),
        )
        .await;
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (status, body) = status_json(response).await;

    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_i64().expect("id");
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/v1/participants/{id}").as_str())
    );
    assert_eq!(body["status"], "confirmed");
    assert!(body["confirmed_at"].is_string());
    assert!(
        body["created_at"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .is_some(),
        "RFC 3339 with zone: {}",
        body["created_at"]
    );
    assert_eq!(body["programme"], "demo");
    assert_eq!(body["profile"]["email"], "olena@example.org");
    assert_eq!(body["profile"]["household_members"][0]["first_name"], "Ira");
    assert_eq!(
        body["profile"]["availability"],
        json!(["mon_evening", "sat_morning"])
    );
    // What the Location points at is the same participant.
    let (status, read) = status_json(api.get(&location.expect("location")).await).await;
    assert_eq!(status, 200);
    assert_eq!(read, body);
}

#[tokio::test]
async fn invalid_fields_are_422_with_a_code_per_field() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let mut body = profile("", "not-an-email", "tourist", false);
    body["capacity"] = json!(3);
    body["availability"] = json!([]);
    body["area"] = json!("moon");
    body["consent"] = json!(false);
    body["languages"] = json!([{"code": "de", "level": "Z9"}]);

    let (status, response) = status_json(Api::new(&app, &token).post(DEMO, &body).await).await;

    assert_eq!(status, 422, "{response}");
    assert_eq!(response["error"]["code"], "validation_failed");
    let codes = field_codes(&response);
    for (field, code) in [
        ("first_name", "required"),
        ("email", "invalid_email"),
        ("role", "invalid_choice"),
        ("capacity", "capacity_volunteers_only"),
        ("availability", "no_availability"),
        ("area", "unknown_area"),
        ("consent", "consent_required"),
        ("languages.0", "invalid_choice"),
    ] {
        assert!(
            has(&codes, field, code),
            "{field}/{code} missing in {codes:?}"
        );
    }
    assert!(response["error"]["fields"][0]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    // Nothing was stored.
    let (_, list) = status_json(Api::new(&app, &token).get(DEMO).await).await;
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn unknown_fields_and_wrong_types_are_422_naming_the_field() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);

    let mut body = profile("Olena", "olena@example.org", "arriving", false);
    body["nationality"] = json!("anything");
    let (status, response) = status_json(api.post(DEMO, &body).await).await;
    assert_eq!(status, 422, "{response}");
    assert!(
        has(&field_codes(&response), "nationality", "unknown_field"),
        "{response}"
    );

    let mut body = profile("Olena", "olena@example.org", "arriving", false);
    body["capacity"] = json!("three");
    body["volunteer"] = json!("yes");
    body["languages"] = json!("uk");
    let (status, response) = status_json(api.post(DEMO, &body).await).await;
    assert_eq!(status, 422, "{response}");
    let codes = field_codes(&response);
    for field in ["capacity", "volunteer", "languages"] {
        assert!(has(&codes, field, "invalid_type"), "{field}: {codes:?}");
    }

    // A nested unknown field.
    let mut body = profile("Olena", "olena@example.org", "arriving", false);
    body["languages"] = json!([{"code": "uk", "level": "native", "dialect": "x"}]);
    let (status, response) = status_json(api.post(DEMO, &body).await).await;
    assert_eq!(status, 422, "{response}");
    assert!(
        has(
            &field_codes(&response),
            "languages.dialect",
            "unknown_field"
        ),
        "{response}"
    );

    // Not an object at all.
    let (status, response) = status_json(api.post(DEMO, &json!([1, 2])).await).await;
    assert_eq!(status, 422, "{response}");
    let (status, _) = status_json(api.post(DEMO, &json!(null)).await).await;
    assert_eq!(status, 422);
    // Out-of-range integers for i32.
    let mut body = profile("Olena", "olena@example.org", "arriving", false);
    body["birth_year"] = json!(99_999_999_999_i64);
    let (status, response) = status_json(api.post(DEMO, &body).await).await;
    assert_eq!(status, 422, "{response}");
    assert!(
        has(&field_codes(&response), "birth_year", "invalid_type"),
        "{response}"
    );
}

#[tokio::test]
async fn malformed_json_and_bad_paths_are_400() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    for raw in ["{\"first_name\": ", "not json", "{\"a\":1,}", ""] {
        let (status, body) = status_json(api.post_raw(DEMO, raw).await).await;
        assert_eq!(status, 400, "{raw:?}: {body}");
        assert_eq!(body["error"]["code"], "bad_request");
    }
    let (status, body) = status_json(api.get("/api/v1/participants/abc").await).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
    let (status, _) = status_json(api.get("/api/v1/participants/99999999999").await).await;
    assert_eq!(status, 400);
    let (status, body) = status_json(api.get(&format!("{DEMO}?page=abc")).await).await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = status_json(api.get(&format!("{DEMO}?volunteer=maybe")).await).await;
    assert_eq!(status, 400);
    let (status, _) = status_json(api.get(&format!("{DEMO}?colour=red")).await).await;
    assert_eq!(status, 400);
    // A body over the limit.
    let big = format!("{{\"first_name\": \"{}\"}}", "x".repeat(100_000));
    let (status, body) = status_json(api.post_raw(DEMO, &big).await).await;
    assert_eq!(status, 413, "{body}");
    // An unknown API path is a JSON 404.
    let (status, body) = status_json(api.get("/api/v1/nothing-here").await).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn duplicate_email_in_a_programme_is_409() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    let (status, _) = status_json(
        api.post(DEMO, &profile("A", "same@example.org", "arriving", false))
            .await,
    )
    .await;
    assert_eq!(status, 201);
    let (status, body) = status_json(
        api.post(DEMO, &profile("B", "SAME@example.org ", "receiving", true))
            .await,
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "conflict");
}

async fn create(api: &Api<'_>, first: &str, email: &str, role: &str, volunteer: bool) -> i64 {
    let (status, body) = status_json(
        api.post(DEMO, &profile(first, email, role, volunteer))
            .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().expect("id")
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|p| {
            p["profile"]["first_name"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn list_pages_and_filters() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    for i in 0..7 {
        create(
            &api,
            &format!("Arr{i}"),
            &format!("arr{i}@example.org"),
            "arriving",
            false,
        )
        .await;
    }
    for i in 0..5 {
        create(
            &api,
            &format!("Vol{i}"),
            &format!("vol{i}@example.org"),
            "receiving",
            true,
        )
        .await;
    }
    create(&api, "Rec", "rec@example.org", "receiving", false).await;

    let (status, page) = status_json(api.get(DEMO).await).await;
    assert_eq!(status, 200);
    assert_eq!(page["total"], 13);
    assert_eq!(page["page"], 1);
    assert_eq!(page["per_page"], 50);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(13));

    let (_, p1) = status_json(api.get(&format!("{DEMO}?per_page=5&page=1")).await).await;
    let (_, p3) = status_json(api.get(&format!("{DEMO}?per_page=5&page=3")).await).await;
    let (_, p4) = status_json(api.get(&format!("{DEMO}?per_page=5&page=4")).await).await;
    assert_eq!(names(&p1), ["Arr0", "Arr1", "Arr2", "Arr3", "Arr4"]);
    assert_eq!(names(&p3), ["Vol3", "Vol4", "Rec"]);
    assert_eq!(p3["total"], 13);
    assert_eq!(names(&p4), Vec::<String>::new());

    let (_, arriving) =
        status_json(api.get(&format!("{DEMO}?role=arriving&per_page=3")).await).await;
    assert_eq!(arriving["total"], 7);
    assert_eq!(names(&arriving).len(), 3);
    let (_, vols) = status_json(
        api.get(&format!("{DEMO}?role=receiving&volunteer=true"))
            .await,
    )
    .await;
    assert_eq!(vols["total"], 5);
    let (_, non_vol) = status_json(
        api.get(&format!("{DEMO}?role=receiving&volunteer=false"))
            .await,
    )
    .await;
    assert_eq!(names(&non_vol), ["Rec"]);
    let (_, confirmed) = status_json(api.get(&format!("{DEMO}?status=confirmed")).await).await;
    assert_eq!(confirmed["total"], 13);
    let (_, pending) = status_json(api.get(&format!("{DEMO}?status=pending")).await).await;
    assert_eq!(pending["total"], 0);
    let (_, q) = status_json(api.get(&format!("{DEMO}?q=VOL3")).await).await;
    assert_eq!(names(&q), ["Vol3"]);
    let (_, q) = status_json(api.get(&format!("{DEMO}?q=arr6%40example")).await).await;
    assert_eq!(names(&q), ["Arr6"]);
    let (_, q) = status_json(api.get(&format!("{DEMO}?q=%25")).await).await;
    assert_eq!(q["total"], 0, "a literal % matches nothing");

    for bad in [
        "per_page=201",
        "per_page=0",
        "page=0",
        "role=tourist",
        "status=gone",
    ] {
        let (status, body) = status_json(api.get(&format!("{DEMO}?{bad}")).await).await;
        assert_eq!(status, 422, "{bad}: {body}");
        assert_eq!(body["error"]["code"], "validation_failed");
    }
    let (status, max) = status_json(api.get(&format!("{DEMO}?per_page=200")).await).await;
    assert_eq!(status, 200);
    assert_eq!(max["per_page"], 200);
}

#[tokio::test]
async fn read_update_delete() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    let id = create(&api, "Olena", "olena@example.org", "arriving", false).await;
    let other = create(&api, "Taken", "taken@example.org", "arriving", false).await;
    let path = format!("/api/v1/participants/{id}");

    // Read.
    let (status, before) = status_json(api.get(&path).await).await;
    assert_eq!(status, 200);
    assert_eq!(before["profile"]["role"], "arriving");

    // Replace: the profile from the read, changed; fields left out take their defaults.
    let mut new = before["profile"].clone();
    new["role"] = json!("receiving");
    new["volunteer"] = json!(true);
    new["capacity"] = json!(2);
    new["interests"] = json!(["music"]);
    new.as_object_mut()
        .expect("object")
        .remove("household_members");
    let (status, after) = status_json(api.put(&path, &new).await).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["id"], id);
    assert_eq!(after["status"], "confirmed");
    assert_eq!(after["profile"]["role"], "receiving");
    assert_eq!(after["profile"]["capacity"], 2);
    assert_eq!(after["profile"]["interests"], json!(["music"]));
    assert_eq!(after["profile"]["household_members"], json!([]));
    let (_, reread) = status_json(api.get(&path).await).await;
    assert_eq!(reread, after);

    // Invalid replacement: 422, nothing changed.
    let mut bad = new.clone();
    bad["consent"] = json!(false);
    bad["max_travel_km"] = json!(500);
    let (status, body) = status_json(api.put(&path, &bad).await).await;
    assert_eq!(status, 422);
    assert!(
        has(&field_codes(&body), "max_travel_km", "out_of_range"),
        "{body}"
    );
    let (_, unchanged) = status_json(api.get(&path).await).await;
    assert_eq!(unchanged, after);

    // Taking another participant's email: 409. Keeping one's own: fine.
    let mut clash = new.clone();
    clash["email"] = json!("taken@example.org");
    let (status, _) = status_json(api.put(&path, &clash).await).await;
    assert_eq!(status, 409);

    // Unknown id.
    let (status, body) = status_json(api.put("/api/v1/participants/999999", &new).await).await;
    assert_eq!(status, 404, "{body}");

    // Mail waiting for each of them (with a link in it, as ours have).
    crate::email_support::enqueue(
        &app.state,
        &crate::email_support::sample("olena@example.org"),
    );
    crate::email_support::enqueue(
        &app.state,
        &crate::email_support::sample("taken@example.org"),
    );

    // Delete, then it is gone with the mail to them; the other participant stays.
    let response = api.delete(&path).await;
    assert_eq!(response.status().as_u16(), 204);
    let (status, body) = status_json(api.get(&path).await).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    let (status, _) = status_json(api.delete(&path).await).await;
    assert_eq!(status, 404);
    let (status, _) = status_json(api.get(&format!("/api/v1/participants/{other}")).await).await;
    assert_eq!(status, 200);
    let recipients: Vec<String> = crate::email_support::rows(&app.state)
        .into_iter()
        .map(|m| m.recipient)
        .collect();
    assert_eq!(recipients, ["taken@example.org"]);
}

#[tokio::test]
async fn every_access_to_personal_data_is_audited() {
    let app = spawn_app().await;
    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    let id = create(&api, "Olena", "olena@example.org", "arriving", false).await;
    let path = format!("/api/v1/participants/{id}");
    let (_, read) = status_json(api.get(&path).await).await;
    let (status, _) = status_json(api.get(DEMO).await).await;
    assert_eq!(status, 200);
    let (status, _) = status_json(api.put(&path, &read["profile"]).await).await;
    assert_eq!(status, 200);
    assert_eq!(api.delete(&path).await.status().as_u16(), 204);
    // A refused request leaves no trace.
    let (status, _) = status_json(api.get(&path).await).await;
    assert_eq!(status, 404);

    let entries = buddymatch::db::audit::recent(&mut app.db().get().expect("conn"), 1, 50)
        .expect("audit log");
    // Only the API's entries (start-up may record its own).
    let entries: Vec<_> = entries.into_iter().filter(|e| e.detail == "api").collect();
    let actions: Vec<(String, Option<i32>, String)> = entries
        .iter()
        .rev()
        .map(|e| (e.action.clone(), e.subject_id, e.detail.clone()))
        .collect();
    let id = i32::try_from(id).expect("small id");
    let programme_id = entries[0].programme_id.expect("programme");
    assert_eq!(
        actions,
        [
            ("participant.create".to_owned(), Some(id), "api".to_owned()),
            ("participant.view".to_owned(), Some(id), "api".to_owned()),
            (
                "participant.list".to_owned(),
                Some(programme_id),
                "api".to_owned()
            ),
            ("participant.update".to_owned(), Some(id), "api".to_owned()),
            ("participant.delete".to_owned(), Some(id), "api".to_owned()),
        ]
    );
    assert!(entries.iter().all(|e| e.coordinator_id.is_some()));
}
