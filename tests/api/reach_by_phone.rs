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
    assert!(
        thanks.contains("/signup/thanks?programme=demo&#38;by=phone&#38;lang=en"),
        "switching the language keeps the page about the call: {thanks}"
    );

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

    // A number that cannot be called is refused at its field.
    let wrong = with(&valid_form("", "en"), "phone", "0341 12");
    let r = post_form(&app, "programme=demo&lang=en", &wrong).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.expect("body").contains("href=\"#phone\""));
    assert!(contacts(&app).is_empty(), "nothing stored");

    // The demo programme's numbers are German: a local number is read as one.
    let local = with(&valid_form("", "en"), "phone", "0341 1234567");
    let r = post_form(&app, "programme=demo&lang=en", &local).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(contacts(&app)[0].1.as_deref(), Some("+493411234567"));
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
    assert!(
        person.contains("href=\"/coordinator/programmes/demo/to-contact\""),
        "and leads to the list of people to contact"
    );
    assert_eq!(contacts(&app).len(), 2);
}

fn forget_email(app: &TestApp, id: i32) {
    let mut conn = app.db().get().expect("connection");
    diesel::update(participants::table.find(id))
        .set(participants::email.eq(None::<String>))
        .execute(&mut *conn)
        .expect("email removed");
}

async fn to_contact(app: &TestApp) -> String {
    let r = app
        .get("/coordinator/programmes/demo/to-contact?lang=en")
        .await;
    assert_eq!(r.status(), 200);
    r.text().await.expect("body")
}

#[tokio::test]
async fn a_phone_sign_up_is_confirmed_by_the_coordinator_from_the_list() {
    let app = spawn_app().await;
    let form = with(&valid_form("", "ar"), "phone", "+49 1511 1111111");
    assert_eq!(
        post_form(&app, "programme=demo&lang=ar", &form)
            .await
            .status(),
        303
    );
    let csrf = demo_login(&app).await;
    let home = app
        .get("/coordinator?lang=en")
        .await
        .text()
        .await
        .expect("body");
    assert!(
        home.contains("To contact by phone (<strong>1</strong>)"),
        "the programmes page says there is someone to call: {home}"
    );
    let list = to_contact(&app).await;
    assert!(list.contains("Amal Khaled"), "the sign-up is listed");
    assert!(list.contains("href=\"tel:+4915111111111\""), "a tel: link");
    assert!(list.contains("+49 1511 1111111"), "read in groups");
    let action = list
        .split("action=\"")
        .map(|s| s.split('"').next().unwrap_or_default())
        .find(|a| a.ends_with("/confirm-by-phone"))
        .expect("a confirm button")
        .to_owned();

    // Without the CSRF token nothing changes.
    assert_eq!(post(&app, &action, &[]).await.status(), 403);
    assert_eq!(contacts(&app)[0].2, "pending");

    let r = post(&app, &action, &[("csrf", csrf.clone())]).await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).ends_with("to-contact?done=saved"));
    assert_eq!(contacts(&app)[0].2, "confirmed");
    let list = to_contact(&app).await;
    assert!(
        list.contains("Nobody to contact right now."),
        "done: off the list: {list}"
    );

    // A second press changes nothing and says so.
    let r = post(&app, &action, &[("csrf", csrf)]).await;
    assert!(location(&r).ends_with("to-contact?done=unchanged"));
    let audit: Vec<String> = {
        use buddymatch::db::schema::audit_log;
        let mut conn = app.db().get().expect("connection");
        audit_log::table
            .select(audit_log::action)
            .load(&mut *conn)
            .expect("audit")
    };
    assert_eq!(
        audit
            .iter()
            .filter(|a| *a == "participant.confirm_by_phone")
            .count(),
        1
    );
}

#[tokio::test]
async fn someone_without_email_is_introduced_by_phone_and_given_the_details_when_both_say_yes() {
    use crate::introductions_support::{
        approve, link_path, mails_to, now, setup_pair, BUDDY_EMAIL, BUDDY_PHONE,
    };
    let app = spawn_app().await;
    let pair = setup_pair(&app).await;
    forget_email(&app, pair.seeker_id);
    approve(&app, pair.match_id, now()).await;
    assert_eq!(mails(&app).len(), 1, "only the buddy has an email");

    let csrf = demo_login(&app).await;
    let list = to_contact(&app).await;
    let card = list
        .split("<li class=\"card\"")
        .find(|c| c.contains(&format!("id=\"introduce-{}-seeker\"", pair.match_id)))
        .expect("an introduction to make");
    assert!(card.contains("Introduce Jonas"), "{card}");
    assert!(card.contains("Both enjoy Chess."), "the reasons: {card}");
    for secret in ["Becker", BUDDY_EMAIL, BUDDY_PHONE] {
        assert!(
            !list.contains(secret),
            "{secret} shown before both accepted"
        );
    }

    // The coordinator records the seeker's yes; the buddy answers by their link.
    let answer = format!("/coordinator/matches/{}/answer", pair.match_id);
    let bad = [
        ("csrf", csrf.clone()),
        ("side", "seeker".into()),
        ("answer", "maybe".into()),
    ];
    assert_eq!(post(&app, &answer, &bad).await.status(), 400);
    let yes = [
        ("csrf", csrf.clone()),
        ("side", "seeker".into()),
        ("answer", "accept".into()),
    ];
    let r = post(&app, &answer, &yes).await;
    assert!(location(&r).ends_with("done=saved"));
    let buddy_link = link_path(&mails_to(&app, BUDDY_EMAIL)[0].text, "respond");
    let r = app
        .client
        .post(format!("{}{buddy_link}/accept", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 200);

    // Both said yes: the buddy has the seeker's details by email, the list gives the
    // coordinator the buddy's details to pass on by phone.
    let to_buddy = mails_to(&app, BUDDY_EMAIL);
    assert_eq!(to_buddy.len(), 2);
    assert!(to_buddy[1].text.contains("Haddad"));
    let list = to_contact(&app).await;
    assert!(list.contains("Both said yes: give them Jonas"), "{list}");
    assert!(list.contains(BUDDY_EMAIL) && list.contains(BUDDY_PHONE));

    // Recording the same answer again changes nothing.
    let r = post(&app, &answer, &yes).await;
    assert!(location(&r).ends_with("done=unchanged"));
}
