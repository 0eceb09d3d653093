//! The public sign-up form against scripts: limits per client and per programme (429, counted
//! in the database), a cap on sign-up emails per address, the honeypot, the fill-time floor, and
//! no sender-chosen text in mail to an address nobody has confirmed.

use crate::helpers::{form_stamp_in, spawn_app_with, TestApp};
use crate::signup::{mails, participant_rows, post_form, valid_form};

/// Posts a valid sign-up for `email` as the client `forwarded_for` (the app trusts the header).
async fn post_from(app: &TestApp, forwarded_for: &str, email: &str) -> reqwest::Response {
    let mut form = valid_form(email, "en");
    form.push(("started", app.form_stamp("programme=demo&lang=en").await));
    app.client
        .post(format!("{}/signup?programme=demo&lang=en", app.address))
        .header("X-Forwarded-For", forwarded_for)
        .form(&form)
        .send()
        .await
        .expect("request sent")
}

#[tokio::test]
async fn a_flood_from_one_client_is_stopped_with_429_and_bounded_mail() {
    let app = spawn_app_with(|_| {}).await;
    let limit = app.state.settings.signup.per_client_per_hour as usize;
    let mut statuses = Vec::new();
    let mut refused = None;
    for i in 0..limit + 5 {
        let response = post_form(
            &app,
            "programme=demo&lang=de",
            &valid_form(&format!("victim{i}@example.org"), "de"),
        )
        .await;
        statuses.push(response.status().as_u16());
        if response.status().as_u16() == 429 && refused.is_none() {
            refused = Some(response);
        }
    }
    assert!(statuses[..limit].iter().all(|s| *s == 303), "{statuses:?}");
    assert!(statuses[limit..].iter().all(|s| *s == 429), "{statuses:?}");
    assert_eq!(participant_rows(&app).len(), limit);
    assert_eq!(mails(&app).len(), limit);

    let refused = refused.expect("a refusal");
    let retry: i64 = refused.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((3000..=3600).contains(&retry), "about an hour: {retry}");
    let html = refused.text().await.expect("body");
    // In the person's language, saying when, with everything they typed kept.
    assert!(html.contains("<html lang=\"de\""));
    assert!(
        html.contains("in der letzten Stunde viele Anmeldungen"),
        "{html}"
    );
    assert!(html.contains(&format!("in {} Min.", (retry + 59) / 60)));
    assert!(html.contains("value=\"Amal\"") && html.contains("value=\"Khaled\""));
}

#[tokio::test]
async fn limits_count_per_client_and_per_programme() {
    let app = spawn_app_with(|s| {
        s.trust_proxy_headers = true;
        s.signup.per_client_per_hour = 3;
        s.signup.per_programme_per_hour = 5;
    })
    .await;
    let mut codes = Vec::new();
    for i in 0..4 {
        let r = post_from(&app, "203.0.113.1", &format!("a{i}@example.org")).await;
        codes.push(r.status().as_u16());
    }
    assert_eq!(codes, [303, 303, 303, 429], "client A's fourth is refused");
    // Another client (the proxy wrote the last entry; the first is only the client's claim).
    for i in 0..2 {
        let r = post_from(
            &app,
            "203.0.113.1, 198.51.100.7",
            &format!("b{i}@example.org"),
        )
        .await;
        assert_eq!(r.status().as_u16(), 303);
    }
    // The programme has had its five in the hour: a third client is refused too.
    let r = post_from(&app, "192.0.2.99", "c@example.org").await;
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(participant_rows(&app).len(), 5);
}

#[tokio::test]
async fn one_address_gets_at_most_five_sign_up_emails_a_day() {
    let app = spawn_app_with(|s| s.trust_proxy_headers = true).await;
    for i in 0..9 {
        let r = post_from(&app, &format!("198.51.100.{i}"), "target@example.org").await;
        // Every attempt looks the same to the browser.
        assert_eq!(r.status().as_u16(), 303);
    }
    let to_target = mails(&app)
        .iter()
        .filter(|m| m.to == "target@example.org")
        .count();
    assert_eq!(
        to_target, 5,
        "one confirmation and four 'already signed up'"
    );
    assert_eq!(participant_rows(&app).len(), 1);
}

#[tokio::test]
async fn mail_to_an_unconfirmed_address_carries_none_of_the_senders_text() {
    let app = spawn_app_with(|_| {}).await;
    let mut form = valid_form("stranger@example.org", "en");
    form.retain(|(k, _)| !matches!(*k, "first_name" | "last_name"));
    form.push(("first_name", "Spam see http://evil.example".into()));
    form.push(("last_name", "www.evil.example".into()));
    let r = post_form(&app, "programme=demo&lang=en", &form).await;
    assert_eq!(r.status().as_u16(), 303);
    let mails = mails(&app);
    assert_eq!(mails.len(), 1);
    for body in [&mails[0].subject, &mails[0].text, &mails[0].html] {
        assert!(!body.contains("evil") && !body.contains("Spam"), "{body}");
    }
    assert!(mails[0].text.starts_with("Hello,"), "{}", mails[0].text);
}

#[tokio::test]
async fn a_filled_honeypot_looks_taken_but_stores_and_sends_nothing() {
    let app = spawn_app_with(|_| {}).await;
    let mut form = valid_form("bot@example.org", "en");
    form.push(("website", "http://spam.example".into()));
    let r = post_form(&app, "programme=demo&lang=en", &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(r.headers()["location"]
        .to_str()
        .expect("ascii")
        .starts_with("/signup/thanks?"));
    assert!(participant_rows(&app).is_empty());
    assert!(mails(&app).is_empty());
    // An empty first value does not hide a filled second one.
    let mut twice = valid_form("bot2@example.org", "en");
    twice.push(("website", String::new()));
    twice.push(("website", "http://spam.example".into()));
    let r = post_form(&app, "programme=demo&lang=en", &twice).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(participant_rows(&app).is_empty());
    // The honeypot is in the page but hidden from people and from assistive technology.
    let html = app
        .get("/signup?programme=demo&lang=en")
        .await
        .text()
        .await
        .expect("page");
    assert!(html.contains("<div class=\"hp\" aria-hidden=\"true\">"));
    assert!(html.contains("name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\""));
}

#[tokio::test]
async fn a_form_sent_too_fast_or_without_our_stamp_is_shown_again_with_everything_kept() {
    let app = spawn_app_with(|s| s.signup.min_fill_seconds = 2).await;
    let post = |stamp: Option<String>| {
        let mut form = valid_form("quick@example.org", "fr");
        if let Some(stamp) = stamp {
            form.push(("started", stamp));
        }
        app.client
            .post(format!("{}/signup?programme=demo&lang=fr", app.address))
            .form(&form)
            .send()
    };
    let fresh = app.form_stamp("programme=demo&lang=fr").await;
    let forged = format!(
        "{}.{}",
        fresh.split('.').next().expect("seconds"),
        "0".repeat(64)
    );
    for stamp in [Some(fresh), Some(forged), None] {
        let r = post(stamp).await.expect("sent");
        assert_eq!(r.status().as_u16(), 422);
        let html = r.text().await.expect("body");
        assert!(
            html.contains("appuyer encore une fois sur le bouton"),
            "{html}"
        );
        assert!(html.contains("value=\"Amal\"") && html.contains("value=\"quick@example.org\""));
    }
    assert!(participant_rows(&app).is_empty());

    // Sent again after a moment with the stamp of the page it came back on: taken.
    let again = post(None).await.expect("sent").text().await.expect("body");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let r = post(Some(form_stamp_in(&again))).await.expect("sent");
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(participant_rows(&app).len(), 1);
}
