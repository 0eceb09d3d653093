//! The housekeeping pass: unconfirmed sign-ups deleted at their programme's boundary (with
//! their tokens and the mail that carried their link), confirmed ones kept, day-old sign-up
//! counts forgotten.

use buddymatch::db::schema::{
    outbox, participant_tokens, participants, programmes, signup_attempts,
};
use buddymatch::housekeeping::run_pass;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::helpers::{spawn_app, TestApp};
use crate::signup::{mails, post_form, valid_form, whole_form_page};

fn created_at(app: &TestApp, email: &str) -> NaiveDateTime {
    let mut conn = app.db().get().expect("connection");
    participants::table
        .filter(participants::email.eq(email))
        .select(participants::created_at)
        .first(&mut *conn)
        .expect("a participant")
}

fn emails(app: &TestApp) -> Vec<String> {
    let mut conn = app.db().get().expect("connection");
    participants::table
        .order(participants::email.asc())
        .select(participants::email.assume_not_null())
        .load(&mut *conn)
        .expect("participants")
}

fn count_rows(app: &TestApp) -> (i64, i64) {
    let mut conn = app.db().get().expect("connection");
    let tokens = participant_tokens::table
        .count()
        .get_result(&mut *conn)
        .expect("tokens");
    let attempts = signup_attempts::table
        .count()
        .get_result(&mut *conn)
        .expect("attempts");
    (tokens, attempts)
}

#[tokio::test]
async fn unconfirmed_sign_ups_go_at_the_programme_boundary_and_confirmed_ones_stay() {
    let app = spawn_app().await;
    for email in ["kept@example.org", "gone@example.org"] {
        let r = post_form(&app, "programme=demo&lang=en", &valid_form(email, "en")).await;
        assert_eq!(r.status().as_u16(), 303);
    }
    // The first one confirms.
    let text = mails(&app)
        .into_iter()
        .find(|m| m.to == "kept@example.org")
        .expect("a confirmation")
        .text;
    let start = text.find("/confirm/").expect("a link");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let confirmed = app
        .client
        .post(format!("{}{link}", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(confirmed.status().as_u16(), 200);
    let (tokens_before, attempts) = count_rows(&app);
    assert_eq!(attempts, 2);

    let made = created_at(&app, "gone@example.org");
    // A minute before the 14 days are over: nothing goes.
    let early =
        run_pass(app.db(), made + Duration::days(14) - Duration::minutes(1)).expect("a pass");
    assert_eq!(early.unconfirmed_deleted, 0);
    assert_eq!(emails(&app), ["gone@example.org", "kept@example.org"]);
    // The form's counts are days old by then: forgotten (two sign-ups, two emails).
    assert_eq!(early.counts_forgotten, 4);
    assert_eq!(count_rows(&app).1, 0);

    // A minute after: the unconfirmed sign-up, its link and its mail go; the confirmed person stays.
    let late =
        run_pass(app.db(), made + Duration::days(14) + Duration::minutes(1)).expect("a pass");
    assert_eq!(late.unconfirmed_deleted, 1);
    assert_eq!(emails(&app), ["kept@example.org"]);
    let recipients: Vec<String> = {
        let mut conn = app.db().get().expect("connection");
        outbox::table
            .select(outbox::recipient)
            .load(&mut *conn)
            .expect("outbox")
    };
    assert!(
        recipients.iter().all(|r| r != "gone@example.org"),
        "{recipients:?}"
    );
    assert!(recipients.iter().any(|r| r == "kept@example.org"));
    assert_eq!(
        count_rows(&app).0,
        tokens_before - 1,
        "the unconfirmed link is gone"
    );

    // A second pass (another instance, say) finds nothing left.
    let again = run_pass(app.db(), made + Duration::days(15)).expect("a pass");
    assert_eq!(again.unconfirmed_deleted, 0);
}

#[tokio::test]
async fn each_programme_keeps_unconfirmed_sign_ups_as_long_as_it_says_and_tells_people() {
    let app = spawn_app().await;
    {
        let mut conn = app.db().get().expect("connection");
        diesel::update(programmes::table.filter(programmes::slug.eq("demo")))
            .set(programmes::unconfirmed_days.eq(30))
            .execute(&mut *conn)
            .expect("updated");
    }
    let page = whole_form_page(&app, "programme=demo&lang=de").await;
    assert!(
        page.contains("werden nach 30 Tagen gelöscht"),
        "the privacy notice says when"
    );

    post_form(
        &app,
        "programme=demo&lang=en",
        &valid_form("slow@example.org", "en"),
    )
    .await;
    let made = created_at(&app, "slow@example.org");
    let pass = run_pass(app.db(), made + Duration::days(20)).expect("a pass");
    assert_eq!(pass.unconfirmed_deleted, 0);
    let pass = run_pass(app.db(), made + Duration::days(31)).expect("a pass");
    assert_eq!(pass.unconfirmed_deleted, 1);
    assert!(emails(&app).is_empty());
}
