//! People without email (issue 11): a sign-up with a phone number only, a coordinator adding
//! someone from a paper form with neither, and the rule that one of the two is needed when people
//! sign themselves up.

use buddymatch::db::schema::participants;
use diesel::prelude::*;

use crate::coordinator_web::valid_person;
use crate::helpers::{spawn_app, TestApp};
use crate::introductions_support::mails;
use crate::review_support::{demo_login, location, post};
use crate::signup::{post_form, valid_form};

type Contact = (Option<String>, Option<String>, String);

/// Email, phone and status of every participant, oldest first.
fn contacts(app: &TestApp) -> Vec<Contact> {
    let mut conn = app.db().get().expect("connection");
    participants::table
        .order(participants::id.asc())
        .select((
            participants::email,
            participants::phone,
            participants::status,
        ))
        .load(&mut *conn)
        .expect("participants")
}

fn with(
    form: &[(&'static str, String)],
    key: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    let mut form: Vec<_> = form.iter().filter(|(k, _)| *k != key).cloned().collect();
    form.push((key, value.to_owned()));
    form
}

#[tokio::test]
async fn a_phone_number_alone_signs_someone_up_for_a_call_and_sends_no_email() {
    let app = spawn_app().await;
    let form = with(&valid_form("", "ar"), "phone", "+49 (30) 1234-567");

    let r = post_form(&app, "programme=demo&lang=ar", &form).await;
    assert_eq!(r.status().as_u16(), 303);
    let to = location(&r);
    assert!(to.contains("by=phone"), "{to}");
    assert_eq!(
        contacts(&app),
        vec![(None, Some("+49301234567".into()), "pending".into())],
        "stored once, pending, the number in E.164"
    );
    assert!(mails(&app).is_empty(), "nobody to email");

    // The thank-you page says a coordinator will call, in the person's language.
    let thanks = app.get(&to).await.text().await.expect("body");
    let expected = buddymatch::i18n::t(buddymatch::domain::UiLanguage::Ar, "thanks-body-phone");
    assert!(thanks.contains(&expected), "{thanks}");

    // The same number again (typed another way): the same page, nothing stored twice.
    let again = with(&valid_form("", "ar"), "phone", "+49 30 123 45 67");
    let r = post_form(&app, "programme=demo&lang=ar", &again).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(contacts(&app).len(), 1);
}

#[tokio::test]
async fn signing_up_needs_an_email_or_a_phone_that_can_be_called() {
    let app = spawn_app().await;
    let r = post_form(&app, "programme=demo&lang=en", &valid_form("", "en")).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.expect("body");
    assert!(
        body.contains("Please give an email address or a phone number"),
        "the message says what to do"
    );
    assert!(
        body.contains("href=\"#email\""),
        "the summary links the email field"
    );

    // A number without its country code is refused when the programme has no phone country.
    let local = with(&valid_form("", "en"), "phone", "030 1234567");
    let r = post_form(&app, "programme=demo&lang=en", &local).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.expect("body").contains("href=\"#phone\""));
    assert!(contacts(&app).is_empty(), "nothing stored");
}

#[tokio::test]
async fn a_coordinator_adds_someone_from_a_paper_form_with_neither_email_nor_phone() {
    let app = spawn_app().await;
    let csrf = demo_login(&app).await;
    let mut form = valid_person("");
    form.push(("csrf", csrf));
    let r = post(&app, "/coordinator/programmes/demo/people/new", &form).await;
    assert_eq!(r.status(), 303, "stored without email");
    assert_eq!(contacts(&app), vec![(None, None, "confirmed".into())]);

    // A second one without email does not collide with the first.
    let r = post(&app, "/coordinator/programmes/demo/people/new", &form).await;
    assert_eq!(r.status(), 303);
    let person = app.get(&location(&r)).await.text().await.expect("body");
    assert!(person.contains("Amal"), "the person page shows them");
    assert_eq!(contacts(&app).len(), 2);
}
