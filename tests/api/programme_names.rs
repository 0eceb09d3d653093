//! A programme's names per interface language (issue 11): the admin page and the API take them,
//! the sign-up form and emails in that language show them, other languages keep the programme's
//! own names, and a bad line is refused with a message at its line.

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::participants;
use buddymatch::db::programmes::{self, Programme};
use buddymatch::domain::{
    LanguageInput, NewParticipant, ParticipantStatus, ProfileInput, SettingsInput, UiLanguage,
};
use serde_json::json;

use crate::api_support::{account_with_token, field_codes, status_json, Api};
use crate::helpers::{spawn_app, TestApp};
use crate::introductions_support::mails_to;
use crate::programmes_admin::{form_of, send};
use crate::review_support::{add_account, location, login};
use crate::signup::whole_form_page;

fn demo(app: &TestApp) -> Programme {
    programmes::by_slug(&mut app.db().get().expect("conn"), "demo")
        .expect("query")
        .expect("demo")
}

/// The settings form as a browser sends it, with `names` for some languages.
fn settings_form(
    csrf: &str,
    input: &SettingsInput,
    names: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut form = form_of(csrf, None, input);
    for (lang, text) in names {
        form.push((format!("names_{lang}"), (*text).to_owned()));
    }
    form
}

async fn text(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.expect("body")
}

const ARABIC: &str =
    "name = برنامج الرفقة\narea:gohlis = غوليس\ninterest:repair_cafe = مقهى التصليح";

#[tokio::test]
async fn names_given_on_the_admin_page_show_in_that_language_only() {
    let app = spawn_app().await;
    add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
    let csrf = login(&app, "admin@example.org").await;
    let settings = "/coordinator/programmes/demo/settings";

    // The form offers a text per language with a line for the name, each area and interest.
    let html = text(&app, settings).await;
    assert!(html.contains("name=\"names_ar\""), "{html}");
    assert!(html.contains("area:gohlis = \n"), "{html}");
    assert!(html.contains("interest:repair_cafe = "), "{html}");

    // A line that is not "key = name" is refused at its line; nothing is stored.
    let input = SettingsInput::of(&demo(&app));
    let r = send(
        &app,
        settings,
        &settings_form(&csrf, &input, &[("ar", "name = ok\nGohlis")]),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.expect("body");
    assert!(html.contains("Line 2: Write it as"), "{html}");
    assert_eq!(
        html.matches("<details class=\"folded-field\" open>")
            .count(),
        1,
        "only the text with the error is unfolded"
    );
    assert!(demo(&app).translations.is_empty());

    let r = send(
        &app,
        settings,
        &settings_form(&csrf, &input, &[("ar", ARABIC)]),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", location(&r));
    let stored = demo(&app);
    assert_eq!(stored.name_in(UiLanguage::Ar), "برنامج الرفقة");
    assert_eq!(stored.name_in(UiLanguage::De), stored.name);

    // A form without this part (an older page) keeps the names.
    let mut plain = settings_form(&csrf, &SettingsInput::of(&stored), &[]);
    plain.retain(|(k, _)| !k.starts_with("names_"));
    assert_eq!(send(&app, settings, &plain).await.status(), 303);
    assert_eq!(demo(&app).translations, stored.translations);

    // The Arabic sign-up form is headed with the Arabic name and offers the Arabic area and
    // interest names; the German one keeps the programme's own.
    // (The form sent whole shows every question; the first step only the name.)
    let html = text(&app, "/signup?programme=demo&lang=ar").await;
    assert!(html.contains("برنامج الرفقة"), "{html}");
    let html = whole_form_page(&app, "programme=demo&lang=ar").await;
    for shown in ["برنامج الرفقة", "غوليس", "مقهى التصليح"] {
        assert!(html.contains(shown), "{shown} missing");
    }
    let html = whole_form_page(&app, "programme=demo&lang=de").await;
    assert!(
        html.contains(&stored.name) && html.contains(">Gohlis<"),
        "{html}"
    );
    assert!(!html.contains("غوليس"));

    // Emails to an Arabic-speaking participant name the programme in Arabic.
    let person = NewParticipant::parse(
        ProfileInput {
            first_name: "Amal".into(),
            last_name: "Khaled".into(),
            email: "amal@example.org".into(),
            message_language: "ar".into(),
            role: "arriving".into(),
            capacity: Some(1),
            languages: vec![LanguageInput {
                code: "ar".into(),
                level: "native".into(),
            }],
            interests: vec!["repair_cafe".into()],
            availability: vec!["mon_evening".into()],
            area: Some("gohlis".into()),
            consent: true,
            ..ProfileInput::default()
        },
        &stored,
    )
    .expect("valid");
    let settings = app.state.settings.clone();
    app.db()
        .write(|c| -> Result<(), buddymatch::introductions::IntroError> {
            let now = chrono::Utc::now().naive_utc();
            participants::insert(c, stored.id, &person, ParticipantStatus::Confirmed, now)?;
            buddymatch::introductions::my_data::request_link(
                c,
                "demo",
                "amal@example.org",
                &settings,
                now,
            )?;
            Ok(())
        })
        .expect("link requested");
    let mail = mails_to(&app, "amal@example.org")
        .pop()
        .expect("an email to Amal");
    assert!(mail.text.contains("برنامج الرفقة"), "{}", mail.text);
    assert!(!mail.text.contains(&stored.name), "{}", mail.text);
}

#[tokio::test]
async fn the_api_sets_names_per_language_and_refuses_unknown_languages() {
    let app = spawn_app().await;
    let admin = account_with_token(&app, "admin@example.org", CoordinatorRole::Admin, &[]).await;
    let api = Api::new(&app, &admin);
    let (status, body) = status_json(
        api.patch(
            "/api/v1/programmes/demo",
            &json!({"translations": {
                "fr": {"name": "Programme de parrainage", "areas": {"gohlis": "Gohlis (nord)"}},
                "ar": {"name": "برنامج الرفقة"}
            }}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["translations"]["name"]["fr"],
        "Programme de parrainage"
    );
    assert_eq!(
        body["translations"]["areas"]["gohlis"]["fr"],
        "Gohlis (nord)"
    );
    assert_eq!(demo(&app).name_in(UiLanguage::Ar), "برنامج الرفقة");

    // French again without the area: French is replaced as a whole, Arabic stays.
    let (status, body) = status_json(
        api.patch(
            "/api/v1/programmes/demo",
            &json!({"translations": {"fr": {"name": "Parrainage"}}}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["translations"]["name"]["fr"], "Parrainage");
    assert_eq!(body["translations"]["name"]["ar"], "برنامج الرفقة");
    assert!(body["translations"].get("areas").is_none(), "{body}");

    let (status, body) = status_json(
        api.patch(
            "/api/v1/programmes/demo",
            &json!({"translations": {"xx": {"name": "?"}, "de": {"name": "a\nb"}}}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let mut codes = field_codes(&body);
    codes.sort();
    assert_eq!(
        codes,
        vec![
            (
                "translations.de".to_owned(),
                "translation_format".to_owned()
            ),
            ("translations.xx".to_owned(), "invalid_choice".to_owned()),
        ]
    );
}
