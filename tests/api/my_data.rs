//! The personal data pages: view, correct (422 on bad input), export, withdraw, erase, and
//! asking for a link.

use buddymatch::db::schema::{consents, erasures, participant_tokens, participants};
use buddymatch::db::{matches as matches_db, participants as participants_db};
use buddymatch::introductions::{self, my_data};
use diesel::prelude::*;
use reqwest::StatusCode;

use crate::helpers::{spawn_app, TestApp};
use crate::introductions_support::*;

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

/// A personal link for `participant_id`, as `/me/<token>`.
async fn me_link(app: &TestApp, participant_id: i32) -> String {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    let url = tokio::task::spawn_blocking(move || {
        db.write(|c| introductions::my_data_link(c, participant_id, &settings, now()))
            .expect("link")
    })
    .await
    .expect("task");
    link_path(&url, "me")
}

fn correction(first_name: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("first_name", first_name.to_owned()),
        ("last_name", "Haddad".into()),
        ("email", email.to_owned()),
        ("phone", "+49 151 99999999".into()),
        ("message_language", "en".into()),
        ("max_travel_km", "12".into()),
        ("availability", "tue_morning".into()),
        ("availability", "sat_afternoon".into()),
        ("interests", "cooking".into()),
    ]
}

async fn post_owned(
    app: &TestApp,
    path: &str,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, path, &pairs).await
}

#[tokio::test]
async fn view_correct_and_export_own_data_only() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    approve(&app, pair.match_id, now()).await;
    let link = me_link(&app, pair.seeker_id).await;

    let page = app.get(&link).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("lang=\"ar\""));
    assert!(
        html.contains(SEEKER_EMAIL) && html.contains("Haddad"),
        "own data shown"
    );
    assert!(html.contains("Jonas"), "the match, by first name");
    // Their level as they said it on the form, the code second.
    let said = format!(
        "{} (B2)",
        buddymatch::i18n::t(buddymatch::domain::UiLanguage::Ar, "level-say-b2")
    );
    assert!(html.contains(&said), "{said} not in the page");
    for secret in ["Becker", BUDDY_EMAIL, BUDDY_PHONE] {
        assert!(!html.contains(secret), "{secret} shown");
    }

    // Bad input: 422 with messages, nothing stored.
    let bad = post_owned(
        &app,
        &format!("{link}/profile"),
        &correction("", "not-an-address"),
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("error-summary") && html.contains("not-an-address"));
    let stored = participants_db::find(&mut app.db().get().expect("c"), pair.seeker_id)
        .expect("q")
        .expect("p");
    assert_eq!(stored.first_name, "Amal");

    // Taken email in the programme: 422, not 500.
    let taken = post_owned(
        &app,
        &format!("{link}/profile"),
        &correction("Amal", BUDDY_EMAIL),
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A good correction.
    let ok = post_owned(
        &app,
        &format!("{link}/profile"),
        &correction("Amala", "amala@example.org"),
    )
    .await;
    assert_eq!(ok.status(), StatusCode::OK);
    let html = ok.text().await.expect("body");
    assert!(
        html.contains("lang=\"en\""),
        "now in the newly chosen language"
    );
    let stored = participants_db::find(&mut app.db().get().expect("c"), pair.seeker_id)
        .expect("q")
        .expect("p");
    assert_eq!(stored.first_name, "Amala");
    assert_eq!(stored.email.as_deref(), Some("amala@example.org"));
    assert_eq!(
        stored.phone.as_deref(),
        Some("+4915199999999"),
        "stored in E.164"
    );
    assert_eq!(stored.max_travel_km, 12);
    assert_eq!(stored.message_language, "en");
    assert!(stored.languages.contains("\"de\""), "untouched fields kept");

    // Export: an attachment with the person's own data only.
    let export = app.get(&format!("{link}/export.json")).await;
    assert_eq!(export.status(), StatusCode::OK);
    let disposition = export
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let text = export.text().await.expect("body");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(json["profile"]["email"], "amala@example.org");
    assert_eq!(
        json["profile"]["availability"].as_array().map(Vec::len),
        Some(2)
    );
    assert!(json["consents"].as_array().is_some_and(|c| !c.is_empty()));
    assert!(json["role_history"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    assert_eq!(json["matches"][0]["status"], "approved");
    assert_eq!(json["matches"][0]["my_side"], "seeker");
    for secret in ["Jonas", "Becker", BUDDY_EMAIL, BUDDY_PHONE] {
        assert!(!text.contains(secret), "{secret} in the export");
    }

    assert_eq!(
        app.get("/me/unknown-token").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn withdrawing_consent_leaves_the_pool_and_closes_live_matches() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    approve(&app, pair.match_id, now()).await;
    let link = me_link(&app, pair.seeker_id).await;

    let done = post(&app, &format!("{link}/withdraw"), &[]).await;
    assert_eq!(done.status(), StatusCode::OK);

    let conn = &mut *app.db().get().expect("conn");
    let p = participants_db::find(conn, pair.seeker_id)
        .expect("q")
        .expect("p");
    assert_eq!(p.status, "withdrawn");
    let open: i64 = consents::table
        .filter(consents::participant_id.eq(pair.seeker_id))
        .filter(consents::withdrawn_at.is_null())
        .count()
        .get_result(conn)
        .expect("count");
    assert_eq!(open, 0);
    let m = find_match(app.db(), pair.match_id).expect("m");
    assert_eq!(m.status, "closed");
    assert_eq!(m.reject_reason.as_deref(), Some("withdrawn"));
    assert!(matches_db::live_pairs(conn, pair.programme_id)
        .expect("live")
        .is_empty());
    let to_buddy = mails_to(&app, BUDDY_EMAIL);
    assert_eq!(to_buddy.len(), 2, "the buddy is told");
    assert!(to_buddy[1].text.contains("Amal") && !to_buddy[1].text.contains(SEEKER_EMAIL));

    // The link still shows the data, now as withdrawn, without a withdraw button.
    let html = app.get(&link).await.text().await.expect("body");
    assert!(!html.contains("/withdraw\""));
}

#[tokio::test]
async fn erasure_removes_personal_rows_and_keeps_an_anonymous_count() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    approve(&app, pair.match_id, now()).await;
    let link = me_link(&app, pair.seeker_id).await;

    let unconfirmed = post(&app, &format!("{link}/delete"), &[]).await;
    assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        participants_db::find(&mut app.db().get().expect("c"), pair.seeker_id)
            .expect("q")
            .is_some()
    );

    let deleted = post(&app, &format!("{link}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(deleted.status(), StatusCode::OK);

    let conn = &mut *app.db().get().expect("conn");
    assert!(participants_db::find(conn, pair.seeker_id)
        .expect("q")
        .is_none());
    let tokens: i64 = participant_tokens::table
        .filter(participant_tokens::participant_id.eq(pair.seeker_id))
        .count()
        .get_result(conn)
        .expect("count");
    assert_eq!(tokens, 0);
    let consent_rows: i64 = consents::table
        .filter(consents::participant_id.eq(pair.seeker_id))
        .count()
        .get_result(conn)
        .expect("count");
    assert_eq!(consent_rows, 0);
    assert!(
        find_match(app.db(), pair.match_id).is_none(),
        "their match is gone"
    );
    let left: i64 = participants::table
        .filter(participants::email.eq(SEEKER_EMAIL))
        .count()
        .get_result(conn)
        .expect("count");
    assert_eq!(left, 0);
    assert!(
        mails_to(&app, SEEKER_EMAIL).is_empty(),
        "mail to them is gone too"
    );
    let counts = my_data::erasure_counts(conn, pair.programme_id).expect("counts");
    assert_eq!(counts, vec![("arriving".to_owned(), false, 1)]);
    let matched: bool = erasures::table
        .select(erasures::was_matched)
        .first(conn)
        .expect("row");
    assert!(matched);
    // The buddy stays, told kindly, and is free again.
    assert!(participants_db::find(conn, pair.buddy_id)
        .expect("q")
        .is_some());
    assert_eq!(mails_to(&app, BUDDY_EMAIL).len(), 2);

    assert_eq!(app.get(&link).await.status(), StatusCode::NOT_FOUND);
    // The buddy's own page says the match ended, not that nobody was introduced yet.
    let buddy_link = me_link(&app, pair.buddy_id).await;
    let page = app.get(&buddy_link).await.text().await.expect("body");
    assert!(page.contains("Ihr Paar ist beendet"), "{page}");
    assert!(
        !page.contains("Amal"),
        "nothing of the erased person: {page}"
    );
}

#[tokio::test]
async fn asking_for_a_link_answers_the_same_whether_or_not_the_address_is_known() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    let _ = pair;

    let form = app.get("/me?programme=demo&lang=de").await;
    assert_eq!(form.status(), StatusCode::OK);

    let known = post(
        &app,
        "/me/request?lang=en",
        &[("email", SEEKER_EMAIL), ("programme", "demo")],
    )
    .await;
    assert_eq!(known.status(), StatusCode::OK);
    let known_body = known.text().await.expect("body");
    let unknown = post(
        &app,
        "/me/request?lang=en",
        &[("email", "nobody@example.org"), ("programme", "demo")],
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::OK);
    assert_eq!(unknown.text().await.expect("body"), known_body);

    let to_seeker = mails_to(&app, SEEKER_EMAIL);
    assert_eq!(to_seeker.len(), 1);
    assert_eq!(to_seeker[0].language, "ar");
    assert!(mails_to(&app, "nobody@example.org").is_empty());
    let link = link_path(&to_seeker[0].text, "me");
    assert_eq!(app.get(&link).await.status(), StatusCode::OK);

    let empty = post(&app, "/me/request", &[("email", "")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_correction_reads_arabic_indic_and_persian_digits_like_the_other_forms() {
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    let link = me_link(&app, pair.seeker_id).await;
    let stored_km = |app: &TestApp| {
        participants_db::find(&mut app.db().get().expect("c"), pair.seeker_id)
            .expect("q")
            .expect("p")
            .max_travel_km
    };

    for (digits, km) in [("١٥", 15), ("۲۰", 20)] {
        let mut form = correction("Amal", SEEKER_EMAIL);
        form.retain(|(k, _)| *k != "max_travel_km");
        form.push(("max_travel_km", digits.to_owned()));
        let r = post_owned(&app, &format!("{link}/profile"), &form).await;
        assert_eq!(r.status(), StatusCode::OK, "{digits} is a number");
        assert_eq!(stored_km(&app), km);
    }

    let mut form = correction("Amal", SEEKER_EMAIL);
    form.retain(|(k, _)| *k != "max_travel_km");
    form.push(("max_travel_km", "abc".to_owned()));
    let r = post_owned(&app, &format!("{link}/profile"), &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stored_km(&app), 20, "nothing stored");
}
