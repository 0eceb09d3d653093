//! Input at the edge: form data that is not UTF-8, addresses the mailer would refuse, language
//! codes that are not ISO 639, names with bidirectional override characters.

use buddymatch::db::schema::participants;
use diesel::prelude::*;
use serde_json::json;

use crate::api_support::{demo_coordinator, field_codes, profile, status_json, Api};
use crate::helpers::{spawn_app, TestApp};
use crate::signup::{participant_rows, valid_form};

fn names(app: &TestApp) -> Vec<(String, String)> {
    let mut conn = app.db().get().expect("connection");
    participants::table
        .select((participants::first_name, participants::last_name))
        .load(&mut *conn)
        .expect("participants")
}

async fn post_raw(app: &TestApp, body: String) -> reqwest::Response {
    app.client
        .post(format!("{}/signup?programme=demo&lang=en", app.address))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("sent")
}

fn encoded(form: &[(&str, String)]) -> String {
    serde_urlencoded::to_string(form).expect("encodes")
}

#[tokio::test]
async fn a_form_that_is_not_utf8_is_refused_not_stored_damaged() {
    let app = spawn_app().await;
    let mut form = valid_form("damaged@example.org", "en");
    form.retain(|(k, _)| *k != "first_name");
    form.push(("started", app.form_stamp("programme=demo&lang=en").await));
    // "Am" then a lone byte that is not UTF-8.
    let body = format!("{}&first_name=Am%FFal", encoded(&form));
    let r = post_raw(&app, body).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.expect("body");
    assert!(html.contains("could not be read"), "{html}");
    assert!(participant_rows(&app).is_empty());

    // The same form with the name in proper UTF-8 is taken.
    let body = format!("{}&first_name=Am%C3%A1l", encoded(&form));
    assert_eq!(post_raw(&app, body).await.status().as_u16(), 303);
    assert_eq!(names(&app)[0].0, "Amál");
}

#[tokio::test]
async fn addresses_the_mailer_refuses_and_unknown_language_codes_are_422() {
    let app = spawn_app().await;
    let mut form = valid_form("😀123@example.org", "en");
    form.retain(|(k, _)| *k != "languages.1.code");
    form.push(("languages.1.code", "xx".into()));
    form.push(("started", app.form_stamp("programme=demo&lang=en").await));
    let r = post_raw(&app, encoded(&form)).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("<a href=\"#email\">"),
        "the address is flagged"
    );
    assert!(
        html.contains("<a href=\"#languages-1-code\">"),
        "the code is flagged"
    );
    assert!(participant_rows(&app).is_empty());

    let token = demo_coordinator(&app).await;
    let api = Api::new(&app, &token);
    let mut body = profile("Olena", "😀123@example.org", "arriving", false);
    body["languages"] = json!([{"code": "uk", "level": "native"}, {"code": "xx", "level": "A2"}]);
    let (status, errors) = status_json(
        api.post("/api/v1/programmes/demo/participants", &body)
            .await,
    )
    .await;
    assert_eq!(status, 422, "{errors}");
    let codes = field_codes(&errors);
    assert!(
        codes.contains(&("email".to_owned(), "invalid_email".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .any(|(f, c)| f.starts_with("languages") && c == "invalid_choice"),
        "{codes:?}"
    );
    // Dari (ISO 639-3, no two-letter code) is a language.
    body["email"] = json!("olena@example.org");
    body["languages"] = json!([{"code": "uk", "level": "native"}, {"code": "prs", "level": "A2"}]);
    let (status, created) = status_json(
        api.post("/api/v1/programmes/demo/participants", &body)
            .await,
    )
    .await;
    assert_eq!(status, 201, "{created}");
}

#[tokio::test]
async fn bidirectional_overrides_are_taken_out_of_names() {
    let app = spawn_app().await;
    let mut form = valid_form("spoof@example.org", "en");
    form.retain(|(k, _)| !matches!(*k, "first_name" | "last_name"));
    form.push(("first_name", "\u{202E}lamA".into()));
    form.push(("last_name", "Kh\u{2066}aled\u{2069}".into()));
    form.push(("started", app.form_stamp("programme=demo&lang=en").await));
    assert_eq!(post_raw(&app, encoded(&form)).await.status().as_u16(), 303);
    assert_eq!(names(&app), [("lamA".to_owned(), "Khaled".to_owned())]);
}
