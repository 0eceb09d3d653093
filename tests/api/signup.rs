//! The public sign-up form: languages, validation, double opt-in, duplicates.

use buddymatch::db::schema::{participant_tokens, participants};
use diesel::prelude::*;

use crate::helpers::{spawn_app, TestApp};

/// A complete, valid form (as a browser would send it) for `email`, messages in `lang`.
pub(crate) fn valid_form(email: &str, lang: &str) -> Vec<(&'static str, String)> {
    [
        ("first_name", "Amal"),
        ("last_name", "Khaled"),
        ("email", email),
        ("phone", ""),
        ("message_language", lang),
        ("birth_year", "1990"),
        ("gender", ""),
        ("role", "arriving"),
        ("capacity", "1"),
        ("languages.0.code", "ar"),
        ("languages.0.level", "native"),
        ("languages.1.code", "de"),
        ("languages.1.level", "A2"),
        ("languages.2.code", ""),
        ("languages.2.level", ""),
        ("practise_languages", "de"),
        ("interests", "cooking"),
        ("interests", "chess"),
        ("availability", "mon_evening"),
        ("availability", "sat_morning"),
        ("area", "gohlis"),
        ("max_travel_km", "5"),
        ("online_ok", "true"),
        ("household_adults", "2"),
        ("household_children", "1"),
        ("household_members.0.first_name", "Sami"),
        ("household_members.0.birth_year", "2016"),
        ("household_members.1.first_name", ""),
        ("household_members.1.birth_year", ""),
        ("pref_buddy_gender", "any"),
        ("pref_age_min", ""),
        ("pref_age_max", ""),
        ("learn_domains", "work"),
        ("share_domains", "culture"),
        ("consent", "true"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

pub(crate) async fn post_form(
    app: &TestApp,
    query: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    let mut form = form.to_vec();
    form.push(("started", app.form_stamp(query).await));
    app.client
        .post(format!("{}/signup?{query}", app.address))
        .form(&form)
        .send()
        .await
        .expect("request sent")
}

/// The whole sign-up form on one page, as a form sent whole and empty comes back (422): every
/// question and the full privacy notice, for tests that look at what the form offers.
pub(crate) async fn whole_form_page(app: &TestApp, query: &str) -> String {
    let response = post_form(app, query, &[]).await;
    assert_eq!(response.status().as_u16(), 422, "an empty form is refused");
    response.text().await.expect("body")
}

pub(crate) use crate::introductions_support::mails;

pub(crate) fn participant_rows(
    app: &TestApp,
) -> Vec<(i32, String, String, Option<chrono::NaiveDateTime>)> {
    let mut conn = app.db().get().expect("connection");
    participants::table
        .order(participants::id.asc())
        .select((
            participants::id,
            participants::email.assume_not_null(),
            participants::status,
            participants::confirmed_at,
        ))
        .load(&mut *conn)
        .expect("participants readable")
}

/// The path of the confirmation link in an email text.
fn confirm_path(text: &str) -> String {
    let start = text.find("/confirm/").expect("a confirmation link");
    let token: String = text[start + "/confirm/".len()..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    assert!(token.len() >= 32, "token looks random: {token}");
    format!("/confirm/{token}")
}

#[tokio::test]
async fn the_form_is_served_in_each_language_with_direction_and_title() {
    let app = spawn_app().await;
    let expected = [
        ("en", "ltr", "Sign up", "Email address"),
        ("de", "ltr", "Anmeldung", "E-Mail-Adresse"),
        ("fr", "ltr", "Inscription", "Adresse e-mail"),
        ("ar", "rtl", "التسجيل", "البريد الإلكتروني"),
        ("fa", "rtl", "ثبت‌نام", "نشانی ایمیل"),
        ("uk", "ltr", "Реєстрація", "Електронна пошта"),
    ];
    for (lang, dir, title, email_label) in expected {
        let response = app
            .get(&format!("/signup?programme=demo&lang={lang}"))
            .await;
        assert_eq!(response.status().as_u16(), 200, "{lang}");
        assert_eq!(response.headers()["content-language"], lang);
        let html = response.text().await.expect("body");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{lang}: html element"
        );
        assert!(html.contains(&format!("<title>{title} (")), "{lang}: title");
        assert!(
            html.contains(&format!("<label for=\"email\">{email_label}")),
            "{lang}: email label"
        );
        // The first step says that nothing is stored before the last one, where the privacy
        // notice is (checked in `signup_steps`).
        assert!(
            html.contains(&buddymatch::i18n::t(
                buddymatch::domain::UiLanguage::parse(lang).expect("ui language"),
                "signup-privacy-first"
            )),
            "{lang}: privacy first"
        );
        // Every language can be switched to with a plain link.
        for other in ["en", "de", "fr", "ar", "fa", "uk"] {
            assert!(
                html.contains(&format!("lang={other}\" lang=\"{other}\"")),
                "{lang}: switch to {other}"
            );
        }
    }
}

#[tokio::test]
async fn the_form_is_accessible_markup() {
    let app = spawn_app().await;
    let html = app
        .get("/signup?programme=demo&lang=en")
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("class=\"skip-link\" href=\"#main\""));
    assert!(html.contains("<main id=\"main\""));
    // Every input, select and checkbox has a label pointing at it and a unique id.
    crate::signup_steps::assert_labelled(&html);
    // The first step's groups are fieldsets with legends (the later steps are checked in
    // `signup_steps`).
    assert!(html.contains("<fieldset class=\"group\" id=\"role\""));
    let css = app.get("/static/app.css").await;
    assert_eq!(css.status().as_u16(), 200);
    assert!(css.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .starts_with("text/css"));
}

#[tokio::test]
async fn language_follows_accept_language_then_cookie_then_programme() {
    let app = spawn_app().await;
    let get_with = |header: &'static str| {
        let client = reqwest::Client::new();
        let url = format!("{}/signup?programme=demo", app.address);
        async move {
            let mut request = client.get(url);
            if !header.is_empty() {
                request = request.header("Accept-Language", header);
            }
            request
                .send()
                .await
                .expect("sent")
                .text()
                .await
                .expect("body")
        }
    };
    assert!(get_with("fr-CH, fr;q=0.9, en;q=0.8")
        .await
        .contains("<html lang=\"fr\""));
    assert!(get_with("tr, en;q=0.3, fa;q=0.7")
        .await
        .contains("<html lang=\"fa\" dir=\"rtl\""));
    assert!(
        get_with("tr, it").await.contains("<html lang=\"de\""),
        "the programme's local language"
    );
    assert!(
        get_with("").await.contains("<html lang=\"de\""),
        "the programme's local language"
    );

    // Switching sets a cookie that later pages follow, over Accept-Language.
    let switched = app.get("/signup?programme=demo&lang=uk").await;
    assert!(switched.headers().get("set-cookie").is_some());
    let next = app
        .client
        .get(format!("{}/signup?programme=demo", app.address))
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("sent");
    assert!(next
        .text()
        .await
        .expect("body")
        .contains("<html lang=\"uk\""));
}

#[tokio::test]
async fn a_valid_sign_up_is_stored_pending_and_emailed_in_the_chosen_language() {
    let app = spawn_app().await;

    let response = post_form(
        &app,
        "programme=demo&lang=ar",
        &valid_form("amal@example.org", "ar"),
    )
    .await;

    assert_eq!(response.status().as_u16(), 303);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(location.starts_with("/signup/thanks?"), "{location}");
    let rows = participant_rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].1.as_str(), rows[0].2.as_str()),
        ("amal@example.org", "pending")
    );
    assert_eq!(rows[0].3, None);
    let mails = mails(&app);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "amal@example.org");
    assert_eq!(mails[0].language, "ar");
    assert!(
        mails[0].subject.contains("يرجى تأكيد تسجيلك"),
        "{}",
        mails[0].subject
    );
    assert!(
        mails[0].text.contains(&format!("{}/confirm/", app.address)),
        "absolute link: {}",
        mails[0].text
    );
    assert!(mails[0].html.contains("dir=\"rtl\"") && mails[0].html.contains("/confirm/"));
    // Only the hash of the token is stored.
    let mut conn = app.db().get().expect("connection");
    let (purpose, hash): (String, String) = participant_tokens::table
        .select((participant_tokens::purpose, participant_tokens::token_hash))
        .first(&mut *conn)
        .expect("a token");
    assert_eq!(purpose, "confirm");
    assert!(!mails[0].text.contains(&hash));

    let thanks = app.get(&location).await;
    assert_eq!(thanks.status().as_u16(), 200);
    let html = thanks.text().await.expect("body");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">") && html.contains("شكرًا على تسجيلك"));
}

#[tokio::test]
async fn the_confirmation_link_confirms_once_and_only_by_post() {
    let app = spawn_app().await;
    post_form(
        &app,
        "programme=demo&lang=de",
        &valid_form("jonas@example.org", "de"),
    )
    .await;
    let path = confirm_path(&mails(&app)[0].text);

    // Following the link (as a mail scanner would) changes nothing.
    let page = app.get(&path).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.expect("body");
    assert!(
        html.contains("<html lang=\"de\"")
            && html.contains(&format!("<form method=\"post\" action=\"{path}\""))
    );
    assert!(html.contains("Meine Anmeldung bestätigen"));
    assert_eq!(participant_rows(&app)[0].2, "pending");

    let confirmed = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(confirmed.status().as_u16(), 200);
    assert!(confirmed
        .text()
        .await
        .expect("body")
        .contains("Ihre Anmeldung ist bestätigt"));
    let rows = participant_rows(&app);
    assert_eq!(rows[0].2, "confirmed");
    assert!(rows[0].3.is_some(), "confirmed_at set");

    let again = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(again.status().as_u16(), 410);
    assert!(again
        .text()
        .await
        .expect("body")
        .contains("Dieser Link wurde schon verwendet"));
    assert_eq!(app.get(&path).await.status().as_u16(), 410);

    let unknown = app
        .get(&format!("/confirm/{}?lang=fr", "0".repeat(64)))
        .await;
    assert_eq!(unknown.status().as_u16(), 404);
    assert!(unknown
        .text()
        .await
        .expect("body")
        .contains("Lien introuvable"));
}

#[tokio::test]
async fn an_expired_link_does_not_confirm() {
    let app = spawn_app().await;
    post_form(
        &app,
        "programme=demo&lang=uk",
        &valid_form("olena@example.org", "uk"),
    )
    .await;
    let path = confirm_path(&mails(&app)[0].text);
    {
        let mut conn = app.db().get().expect("connection");
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
        diesel::update(participant_tokens::table)
            .set(participant_tokens::expires_at.eq(past))
            .execute(&mut *conn)
            .expect("updated");
    }
    let response = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status().as_u16(), 410);
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("Термін дії посилання минув"));
    assert_eq!(participant_rows(&app)[0].2, "pending");
}

#[tokio::test]
async fn bad_input_shows_the_form_again_with_values_and_translated_messages() {
    let app = spawn_app().await;
    let mut form: Vec<(&str, String)> = valid_form("not-an-email", "de")
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "consent" | "availability"))
        .collect();
    form.retain(|(k, _)| *k != "birth_year");
    form.push(("birth_year", "neunzehn".into()));

    let response = post_form(&app, "programme=demo&lang=de", &form).await;

    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.expect("body");
    assert!(html.contains("<html lang=\"de\""));
    // The summary at the top links to each field, with messages in German.
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("Es gibt ein Problem"));
    assert!(html.contains(
        "<a href=\"#email\">E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse ein"
    ));
    assert!(html.contains("<a href=\"#availability-mon_morning\">"));
    assert!(html.contains("<a href=\"#consent\">"));
    assert!(html.contains(
        "<a href=\"#birth_year\">Geburtsjahr (freiwillig): Bitte geben Sie eine ganze Zahl ein."
    ));
    assert!(html.contains("Bitte stimmen Sie dem Datenschutzhinweis zu"));
    // Invalid fields are marked and described; everything typed is kept.
    assert!(html.contains("id=\"email\" name=\"email\" value=\"not-an-email\""));
    assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"email-hint email-error\""));
    assert!(html.contains("value=\"neunzehn\""));
    assert!(
        html.contains("value=\"Amal\"")
            && html.contains("value=\"Khaled\"")
            && html.contains("value=\"Sami\"")
    );
    assert!(html.contains("id=\"interests-cooking\" name=\"interests\" value=\"cooking\" checked"));
    assert!(html.contains("id=\"role-arriving\" name=\"role\" value=\"arriving\" checked"));
    assert!(html.contains("<option value=\"gohlis\" selected>"));
    assert!(html.contains("<option value=\"A2\" selected>"));
    assert!(html.contains("id=\"online_ok\" name=\"online_ok\" value=\"true\" checked"));
    // Nothing stored, nothing sent.
    assert!(participant_rows(&app).is_empty());
    assert!(mails(&app).is_empty());
}

#[tokio::test]
async fn messages_follow_the_page_language_and_oversized_input_is_422() {
    let app = spawn_app().await;
    let mut form = valid_form("amal@example.org", "fa");
    form.retain(|(k, _)| !k.starts_with("languages."));
    let response = post_form(&app, "programme=demo&lang=fa", &form).await;
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.expect("body");
    assert!(
        html.contains("dir=\"rtl\"")
            && html.contains("لطفاً دست‌کم یک زبانی را که صحبت می‌کنید بنویسید.")
    );

    let mut long = valid_form("amal@example.org", "en");
    long.retain(|(k, _)| *k != "first_name");
    long.push(("first_name", "A".repeat(5_000)));
    let response = post_form(&app, "programme=demo&lang=en", &long).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("This is too long."));

    let huge = vec![("first_name", "x".repeat(200_000))];
    let response = post_form(&app, "programme=demo&lang=en", &huge).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(response.text().await.expect("body").contains("too large"));
    assert!(participant_rows(&app).is_empty());
}

#[tokio::test]
async fn a_second_sign_up_with_the_same_email_looks_the_same_and_the_email_explains() {
    let app = spawn_app().await;
    let first = post_form(
        &app,
        "programme=demo&lang=en",
        &valid_form("sam@example.org", "en"),
    )
    .await;
    let mut again_form = valid_form("Sam@Example.org", "fr");
    again_form.retain(|(k, _)| *k != "first_name");
    again_form.push(("first_name", "Someone else".into()));
    let second = post_form(&app, "programme=demo&lang=en", &again_form).await;

    assert_eq!(first.status(), second.status());
    assert_eq!(first.headers()["location"], second.headers()["location"]);
    assert_eq!(participant_rows(&app).len(), 1);
    let mails = mails(&app);
    assert_eq!(mails.len(), 2);
    let explanation = &mails[1];
    assert_eq!(explanation.to, "sam@example.org");
    assert_eq!(explanation.language, "fr");
    assert!(
        explanation.text.contains("Vous êtes déjà inscrit"),
        "{}",
        explanation.text
    );
    // Nobody has confirmed the address yet: no name at all, neither the stored nor the new one.
    assert!(
        explanation.text.starts_with("Bonjour,")
            && !explanation.text.contains("Amal")
            && !explanation.text.contains("Someone else"),
        "{}",
        explanation.text
    );
    // Still pending: a fresh link that works.
    let path = confirm_path(&explanation.text);
    assert_ne!(path, confirm_path(&mails[0].text));
    let confirmed = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent");
    assert_eq!(confirmed.status().as_u16(), 200);

    // Once confirmed, a third attempt gets an email without a link.
    post_form(
        &app,
        "programme=demo&lang=en",
        &valid_form("sam@example.org", "en"),
    )
    .await;
    let last = &self::mails(&app)[2];
    assert!(last.text.contains("already confirmed") && !last.text.contains("/confirm/"));
    // Confirmed: the owner's own name.
    assert!(last.text.starts_with("Hello Amal,"), "{}", last.text);
}

#[tokio::test]
async fn an_unknown_programme_is_a_translated_404() {
    let app = spawn_app().await;
    let response = app.get("/signup?programme=no-such-thing&lang=de").await;
    assert_eq!(response.status().as_u16(), 404);
    let html = response.text().await.expect("body");
    assert!(html.contains("<html lang=\"de\"") && html.contains("Seite nicht gefunden"));

    let response = post_form(
        &app,
        "programme=no-such-thing&lang=ar",
        &valid_form("x@example.org", "ar"),
    )
    .await;
    assert_eq!(response.status().as_u16(), 404);
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("الصفحة غير موجودة"));
    assert!(participant_rows(&app).is_empty());

    let elsewhere = app.get("/nothing/here?lang=fa").await;
    assert_eq!(elsewhere.status().as_u16(), 404);
    assert!(elsewhere
        .text()
        .await
        .expect("body")
        .contains("dir=\"rtl\""));
}

/// A language chosen without its level (issue 11): the level is marked and named, the title says
/// "Error:" once, the summary takes the focus, the privacy notice has no empty heading.
#[tokio::test]
async fn a_language_without_its_level_marks_the_level() {
    let app = spawn_app().await;
    let mut form = valid_form("level@example.org", "en");
    for (k, v) in &mut form {
        if *k == "languages.2.code" {
            *v = "fr".to_owned();
        }
    }
    let r = post_form(&app, "programme=demo&lang=en", &form).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("<a href=\"#languages-2-level\">Level of language 3:"),
        "{html}"
    );
    let level = html
        .split("id=\"languages-2-level\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the level select");
    assert!(level.contains("aria-invalid=\"true\""), "{level}");
    let code = html
        .split("id=\"languages-2-code\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the language select");
    assert!(!code.contains("aria-invalid"), "{code}");
    assert!(html.contains("<title>Error: Sign up"), "{html}");
    assert!(!html.contains("Error::"));
    assert!(html.contains("id=\"error-summary\" autofocus"));
    assert!(!html.contains("<h3></h3>"));
}

/// A volunteer is told on confirming that a code of conduct and training come first, and what
/// happens then (issue 11); an arriving member is not.
#[tokio::test]
async fn a_volunteer_learns_what_comes_before_being_proposed() {
    let app = spawn_app().await;
    let mut form = valid_form("volunteer@example.org", "en");
    for (k, v) in &mut form {
        match *k {
            "role" => *v = "receiving".to_owned(),
            "household_members.0.first_name" | "household_members.0.birth_year" => v.clear(),
            "household_adults" => *v = "1".to_owned(),
            "household_children" => *v = "0".to_owned(),
            _ => {}
        }
    }
    form.push(("volunteer", "true".to_owned()));
    let r = post_form(&app, "programme=demo&lang=en", &form).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
    let path = confirm_path(&mails(&app)[0].text);
    let html = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    assert!(html.contains("for offering to be a buddy"), "{html}");
    assert!(
        html.contains("code of conduct") && html.contains("training"),
        "{html}"
    );
    assert!(
        html.contains("you decide whether you would like to meet"),
        "{html}"
    );

    post_form(
        &app,
        "programme=demo&lang=en",
        &valid_form("arriving@example.org", "en"),
    )
    .await;
    let path = confirm_path(&mails(&app)[1].text);
    let html = app
        .client
        .post(format!("{}{path}", app.address))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body");
    assert!(!html.contains("code of conduct"), "{html}");
}
