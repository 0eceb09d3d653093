//! Admin pages for programmes: the list, creating one (its sign-up form then works), settings
//! (response days, weights, areas), refusals (bad input, slug taken, area in use), admins only,
//! CSRF; and `buddymatch programme add|list`.

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::participants;
use buddymatch::db::programmes::{self, Programme};
use buddymatch::domain::{
    LanguageInput, NewParticipant, ParticipantStatus, ProfileInput, SettingsInput,
};
use matching::compat::Weights;

use crate::cli_support::{stderr, stdout, CliDb};
use crate::helpers::{spawn_app, TestApp};
use crate::review_support::{add_account, audit_actions, csrf_of, location, login, post};

/// An admin, logged in; returns the CSRF token.
async fn admin_login(app: &TestApp) -> String {
    add_account(app, "admin@example.org", CoordinatorRole::Admin, &[]);
    login(app, "admin@example.org").await
}

fn programme(app: &TestApp, slug: &str) -> Option<Programme> {
    programmes::by_slug(&mut app.db().get().expect("conn"), slug).expect("query")
}

fn programme_count(app: &TestApp) -> usize {
    programmes::list(&mut app.db().get().expect("conn"))
        .expect("query")
        .len()
}

fn weights_of(p: &Programme) -> Weights {
    serde_json::from_str(&p.weights_json).expect("stored weights")
}

/// The settings form as a browser sends it.
pub(crate) fn form_of(
    csrf: &str,
    slug: Option<&str>,
    input: &SettingsInput,
) -> Vec<(String, String)> {
    let mut form = vec![("csrf".to_owned(), csrf.to_owned())];
    if let Some(slug) = slug {
        form.push(("slug".to_owned(), slug.to_owned()));
    }
    for (name, value) in [
        ("name", &input.name),
        ("local_language", &input.local_language),
        ("areas", &input.areas),
        ("interests", &input.interests),
        ("checkin_every_days", &input.checkin_every_days),
        ("response_days", &input.response_days),
        ("unconfirmed_days", &input.unconfirmed_days),
        ("retention_months", &input.retention_months),
    ] {
        form.push((name.to_owned(), value.clone()));
    }
    for (component, value) in &input.weights {
        form.push((format!("weight_{component}"), value.clone()));
    }
    form
}

fn lyon() -> SettingsInput {
    SettingsInput {
        name: "Lyon buddies".into(),
        local_language: "fr".into(),
        areas: "Croix-Rousse; 45.7745; 4.8320\nVaise; 45,7750; 4,8050".into(),
        interests: "Boules".into(),
        response_days: "10".into(),
        unconfirmed_days: "30".into(),
        ..SettingsInput::defaults()
    }
}

pub(crate) async fn send(
    app: &TestApp,
    path: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

/// The text in the page's text area `name`.
fn textarea(html: &str, name: &str) -> String {
    let open = format!("<textarea id=\"{name}\" name=\"{name}\"");
    let start = html.find(&open).expect("text area");
    let rest = &html[start..];
    let from = rest.find('>').expect("tag end") + 1;
    let to = rest.find("</textarea>").expect("text area end");
    rest[from..to].to_owned()
}

async fn body(r: reqwest::Response) -> String {
    r.text().await.expect("body")
}

/// A confirmed participant of `demo` in Gohlis who likes the repair café.
fn gohlis_participant(app: &TestApp) {
    let demo = programme(app, "demo").expect("demo programme");
    let input = ProfileInput {
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
    };
    let p = NewParticipant::parse(input, &demo).expect("valid profile");
    app.db()
        .write(|c| {
            participants::insert(
                c,
                demo.id,
                &p,
                ParticipantStatus::Confirmed,
                chrono::Utc::now().naive_utc(),
            )
        })
        .expect("participant");
}

#[tokio::test]
async fn an_admin_creates_a_programme_and_its_sign_up_form_works() {
    let app = spawn_app().await;
    let csrf = admin_login(&app).await;

    let list = app.get("/coordinator/programmes").await;
    assert_eq!(list.status(), 200);
    let html = body(list).await;
    assert!(
        html.contains("href=\"/coordinator/programmes/new\""),
        "{html}"
    );
    assert!(html.contains("/coordinator/programmes/demo/settings"));
    assert!(html.contains("/signup?programme=demo"));
    assert!(
        html.contains("Manage programmes"),
        "the admin's navigation links here"
    );

    let form = app.get("/coordinator/programmes/new").await;
    assert_eq!(form.status(), 200);
    let html = body(form).await;
    assert!(
        html.contains("<textarea id=\"areas\" name=\"areas\""),
        "{html}"
    );
    assert!(
        html.contains("name=\"weight_language\" value=\"25\""),
        "default weights filled in"
    );
    assert!(html.contains("name=\"response_days\" value=\"7\""));
    assert!(html.contains("name=\"unconfirmed_days\" value=\"14\""));
    assert!(html.contains("name=\"retention_months\" value=\"24\""));

    let mut input = lyon();
    input.weights = vec![("language".into(), "40".into())];
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("lyon"), &input),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", body(r).await);
    assert_eq!(location(&r), "/coordinator/programmes?notice=created");

    let p = programme(&app, "lyon").expect("created");
    assert_eq!(p.name, "Lyon buddies");
    assert_eq!(p.local_language, "fr");
    let areas: Vec<(&str, &str)> = p
        .areas
        .iter()
        .map(|a| (a.slug.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        areas,
        [("croix-rousse", "Croix-Rousse"), ("vaise", "Vaise")]
    );
    assert!((p.areas[1].lat - 45.775).abs() < 1e-9, "decimal comma read");
    assert_eq!(p.interests, ["boules"]);
    assert_eq!((p.checkin_every_days, p.response_days), (14, 10));
    assert_eq!(p.unconfirmed_days, 30);
    let w = weights_of(&p);
    assert_eq!(
        (w.language, w.interests),
        (40, Weights::default().interests)
    );
    assert!(audit_actions(&app).contains(&"programme.create".to_owned()));

    let list = body(app.get("/coordinator/programmes?notice=created").await).await;
    assert!(list.contains("The programme has been created"), "{list}");
    assert!(list.contains("Lyon buddies") && list.contains("/signup?programme=lyon"));

    // The public form of the new programme offers its areas and its own interest, and takes a
    // sign-up in one of them.
    let signup = app.get("/signup?programme=lyon&lang=en").await;
    assert_eq!(signup.status(), 200);
    let html = crate::signup::whole_form_page(&app, "programme=lyon&lang=en").await;
    assert!(
        html.contains("Croix-Rousse") && html.contains("Vaise"),
        "{html}"
    );
    assert!(html.contains("value=\"croix-rousse\""));
    assert!(html.contains("Boules"));
    let mut person: Vec<(&str, String)> = [
        ("first_name", "Olena"),
        ("last_name", "Shevchenko"),
        ("email", "olena@example.org"),
        ("message_language", "uk"),
        ("role", "arriving"),
        ("capacity", "1"),
        ("languages.0.code", "uk"),
        ("languages.0.level", "native"),
        ("interests", "boules"),
        ("availability", "mon_evening"),
        ("area", "vaise"),
        ("max_travel_km", "5"),
        ("household_adults", "1"),
        ("household_children", "0"),
        ("consent", "true"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    person.push(("started", app.form_stamp("programme=lyon").await));
    let r = post(&app, "/signup?programme=lyon", &person).await;
    assert_eq!(r.status(), 303, "{}", body(r).await);
}

#[tokio::test]
async fn bad_input_is_a_422_with_every_value_kept_and_nothing_stored() {
    let app = spawn_app().await;
    let csrf = admin_login(&app).await;
    let before = programme_count(&app);

    // A slug in use is a message at the slug, not a failure; also with other problems.
    let mut input = lyon();
    input.name = String::new();
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("demo"), &input),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(html.contains("Another programme already uses this address"));
    assert!(html.contains("Please fill in this field."), "{html}");
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("demo"), &lyon()),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(
        html.contains("Another programme already uses this address"),
        "{html}"
    );
    assert!(html.contains("name=\"slug\" value=\"demo\""));
    assert!(html.contains("Croix-Rousse; 45.7745; 4.8320"), "areas kept");
    assert!(
        html.contains("href=\"#slug\""),
        "the summary links to the field"
    );

    // Coordinates out of range and a line that is not an area, each with its line number.
    let mut input = lyon();
    input.areas = "Croix-Rousse; 95; 4.83\nVaise; 45.77; 200\nJust a name".into();
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("lyon"), &input),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(
        html.contains("Line 1: The latitude must be a number from -90 to 90."),
        "{html}"
    );
    assert!(html.contains("Line 2: The longitude must be a number from -180 to 180."));
    assert!(html.contains("Line 3: Please write the area as: name; latitude; longitude."));
    assert_eq!(
        textarea(&html, "areas"),
        "Croix-Rousse; 95; 4.83\nVaise; 45.77; 200\nJust a name"
    );
    assert!(html.contains("name=\"name\" value=\"Lyon buddies\""));
    assert!(html.contains("name=\"slug\" value=\"lyon\""));

    // No area at all, bad weights, bad days, a bad slug and language: every message at once.
    let mut input = lyon();
    input.areas = "\n \n".into();
    input.local_language = "french".into();
    input.response_days = "61".into();
    input.unconfirmed_days = "3".into();
    input.retention_months = "121".into();
    input.weights = vec![
        ("language".into(), "-3".into()),
        ("age".into(), "1001".into()),
    ];
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("Lyon Buddies"), &input),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(html.contains("Please give at least one area."), "{html}");
    assert!(html.contains("Please use 2 to 40 lowercase letters"));
    assert!(html.contains("Please enter a language code of two letters"));
    assert!(html.contains("Please enter a whole number from 1 to 60."));
    assert!(html.contains("Please enter a whole number from 7 to 90."));
    assert!(html.contains("name=\"unconfirmed_days\" value=\"3\""));
    assert!(html.contains("Please enter a whole number of months from 1 to 120."));
    assert!(html.contains("Please enter a whole number from 0 to 1000."));
    assert!(html.contains("name=\"weight_language\" value=\"-3\""));
    assert!(html.contains("name=\"weight_age\" value=\"1001\""));
    assert!(html.contains("name=\"response_days\" value=\"61\""));
    assert!(html.contains("name=\"local_language\" value=\"french\""));

    assert_eq!(programme_count(&app), before, "nothing stored");
    assert!(programme(&app, "lyon").is_none());
    assert!(!audit_actions(&app).contains(&"programme.create".to_owned()));
}

#[tokio::test]
async fn only_admins_reach_the_programme_pages() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/coordinator/programmes").await.status(),
        303,
        "login first"
    );
    add_account(
        &app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    let csrf = login(&app, "coord@example.org").await;
    let home = body(app.get("/coordinator").await).await;
    assert!(!home.contains("Manage programmes"), "no admin link");

    for path in [
        "/coordinator/programmes",
        "/coordinator/programmes/new",
        "/coordinator/programmes/demo/settings",
    ] {
        assert_eq!(app.get(path).await.status(), 403, "GET {path}");
    }
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("lyon"), &lyon()),
    )
    .await;
    assert_eq!(r.status(), 403);
    let demo = programme(&app, "demo").expect("demo");
    let mut input = SettingsInput::of(&demo);
    input.response_days = "30".into();
    let r = send(
        &app,
        "/coordinator/programmes/demo/settings",
        &form_of(&csrf, None, &input),
    )
    .await;
    assert_eq!(r.status(), 403);
    assert!(programme(&app, "lyon").is_none());
    assert_eq!(programme(&app, "demo"), Some(demo), "unchanged");
}

#[tokio::test]
async fn a_form_without_the_right_csrf_token_is_refused() {
    let app = spawn_app().await;
    let csrf = admin_login(&app).await;
    let demo = programme(&app, "demo").expect("demo");
    for token in ["", "wrong"] {
        let mut form = form_of(token, Some("lyon"), &lyon());
        if token.is_empty() {
            form.retain(|(k, _)| k != "csrf");
        }
        let r = send(&app, "/coordinator/programmes/new", &form).await;
        assert_eq!(r.status(), 403, "create with csrf {token:?}");
        let mut input = SettingsInput::of(&demo);
        input.response_days = "30".into();
        let mut form = form_of(token, None, &input);
        if token.is_empty() {
            form.retain(|(k, _)| k != "csrf");
        }
        let r = send(&app, "/coordinator/programmes/demo/settings", &form).await;
        assert_eq!(r.status(), 403, "settings with csrf {token:?}");
    }
    assert!(programme(&app, "lyon").is_none());
    assert_eq!(programme(&app, "demo"), Some(demo), "unchanged");
    // The right token still works.
    let r = send(
        &app,
        "/coordinator/programmes/new",
        &form_of(&csrf, Some("lyon"), &lyon()),
    )
    .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn editing_the_settings_changes_response_days_and_weights() {
    let app = spawn_app().await;
    let csrf = admin_login(&app).await;
    let demo = programme(&app, "demo").expect("demo");

    let page = app.get("/coordinator/programmes/demo/settings").await;
    assert_eq!(page.status(), 200);
    let html = body(page).await;
    assert!(html.contains("Gohlis; 51.3649; 12.3692"), "{html}");
    assert!(html.contains("name=\"response_days\" value=\"7\""));
    assert!(html.contains("name=\"unconfirmed_days\" value=\"14\""));
    assert!(html.contains("name=\"retention_months\" value=\"24\""));
    assert!(html.contains("name=\"weight_language\" value=\"25\""));
    assert!(!html.contains("name=\"slug\""), "the slug is not editable");
    assert!(html.contains("/signup?programme=demo"));
    assert_eq!(csrf_of(&html), csrf);

    let mut input = SettingsInput::of(&demo);
    input.name = "Leipzig buddies".into();
    input.response_days = "12".into();
    input.checkin_every_days = "21".into();
    input.weights = vec![("language".into(), "40".into()), ("age".into(), "5".into())];
    let r = send(
        &app,
        "/coordinator/programmes/demo/settings",
        &form_of(&csrf, None, &input),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", body(r).await);
    assert_eq!(
        location(&r),
        "/coordinator/programmes/demo/settings?notice=saved"
    );

    let p = programme(&app, "demo").expect("demo");
    assert_eq!((p.id, p.slug.as_str()), (demo.id, "demo"));
    assert_eq!(p.name, "Leipzig buddies");
    assert_eq!((p.response_days, p.checkin_every_days), (12, 21));
    assert_eq!(p.areas, demo.areas, "areas unchanged");
    let w = weights_of(&p);
    assert_eq!((w.language, w.age), (40, 5));
    assert_eq!(w.distance, Weights::default().distance, "blank keeps");
    assert!(audit_actions(&app).contains(&"programme.update".to_owned()));

    let page = body(
        app.get("/coordinator/programmes/demo/settings?notice=saved")
            .await,
    )
    .await;
    assert!(page.contains("The settings have been saved."));
    assert!(page.contains("name=\"response_days\" value=\"12\""));
    // A run starts from the programme's new weights.
    let runs = body(app.get("/coordinator/programmes/demo/runs").await).await;
    assert!(
        runs.contains("name=\"weight_language\" value=\"40\""),
        "{runs}"
    );

    // Bad input on the settings form: 422, values kept, nothing changed.
    input.response_days = "0".into();
    input.areas.push_str("\nNowhere; 91; 0");
    let r = send(
        &app,
        "/coordinator/programmes/demo/settings",
        &form_of(&csrf, None, &input),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(html.contains("Line 11: The latitude must be a number from -90 to 90."));
    assert!(html.contains("name=\"response_days\" value=\"0\""));
    assert!(html.contains("Nowhere; 91; 0"));
    assert_eq!(programme(&app, "demo"), Some(p), "unchanged");

    assert_eq!(
        app.get("/coordinator/programmes/nowhere/settings")
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn an_area_or_interest_in_use_cannot_be_removed_but_can_be_renamed() {
    let app = spawn_app().await;
    let csrf = admin_login(&app).await;
    gohlis_participant(&app);
    let demo = programme(&app, "demo").expect("demo");

    // Without Gohlis and the repair café: refused, with why and how.
    let mut input = SettingsInput::of(&demo);
    input.areas = input
        .areas
        .lines()
        .filter(|l| !l.starts_with("Gohlis"))
        .collect::<Vec<_>>()
        .join("\n");
    input.interests = "allotment_gardening".into();
    input.response_days = "9".into();
    let r = send(
        &app,
        "/coordinator/programmes/demo/settings",
        &form_of(&csrf, None, &input),
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = body(r).await;
    assert!(
        html.contains("Gohlis cannot be removed: participants have chosen it (participants: 1)"),
        "{html}"
    );
    assert!(html.contains("; gohlis"), "says how to keep the id");
    assert!(html.contains("Repair cafe cannot be removed"), "{html}");
    assert!(
        html.contains("name=\"response_days\" value=\"9\""),
        "values kept"
    );
    let areas = textarea(&html, "areas");
    assert!(
        areas.contains("Zentrum; 51.3397") && !areas.contains("Gohlis"),
        "the text as sent: {areas}"
    );
    assert_eq!(programme(&app, "demo"), Some(demo.clone()), "unchanged");

    // Renaming it (keeping its id) and removing an area nobody chose is fine.
    let mut input = SettingsInput::of(&demo);
    input.areas = input
        .areas
        .lines()
        .filter(|l| !l.starts_with("Paunsdorf"))
        .map(|l| {
            if l.starts_with("Gohlis") {
                "Gohlis-Nord; 51.3649; 12.3692; gohlis".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let r = send(
        &app,
        "/coordinator/programmes/demo/settings",
        &form_of(&csrf, None, &input),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", body(r).await);
    let p = programme(&app, "demo").expect("demo");
    assert_eq!(
        p.area("gohlis").map(|a| a.name.as_str()),
        Some("Gohlis-Nord")
    );
    assert!(p.area("paunsdorf").is_none());
    assert_eq!(p.areas.len(), demo.areas.len() - 1);
    // The edit form keeps the id of the renamed area.
    let html = body(app.get("/coordinator/programmes/demo/settings").await).await;
    assert!(
        html.contains("Gohlis-Nord; 51.3649; 12.3692; gohlis"),
        "{html}"
    );
}

#[test]
fn the_command_line_adds_and_lists_programmes_with_the_same_rules() {
    let cli = CliDb::new();
    let out = cli.run(&[
        "programme",
        "add",
        "--slug",
        "lyon",
        "--name",
        "Lyon buddies",
        "--language",
        "fr",
        "--area",
        "Croix-Rousse;45.7745;4.8320",
        "--area",
        "Vaise; 45.775; 4.805",
        "--interest",
        "boules",
        "--response-days",
        "10",
        "--weight",
        "language=40",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("/signup?programme=lyon"),
        "{}",
        stdout(&out)
    );
    let db = cli.db();
    let p = programmes::by_slug(&mut db.get().expect("conn"), "lyon")
        .expect("query")
        .expect("created");
    assert_eq!(p.areas.len(), 2);
    assert_eq!(
        (p.response_days, p.interests.clone()),
        (10, vec!["boules".to_owned()])
    );
    assert_eq!(weights_of(&p).language, 40);

    // Every problem at once, nothing stored.
    let out = cli.run(&[
        "programme",
        "add",
        "--slug",
        "Bad Slug",
        "--name",
        "Bad",
        "--language",
        "fr",
        "--area",
        "Nowhere;95;4",
        "--response-days",
        "0",
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("--slug: use 2 to 40 lowercase letters"),
        "{err}"
    );
    assert!(
        err.contains("--area \"Nowhere;95;4\": the latitude must be a number from -90 to 90"),
        "{err}"
    );
    assert!(
        err.contains("--response-days: give a whole number from 1 to 60"),
        "{err}"
    );
    // A slug in use.
    let out = cli.run(&[
        "programme",
        "add",
        "--slug",
        "lyon",
        "--name",
        "Again",
        "--language",
        "fr",
        "--area",
        "Vaise;45.77;4.80",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("another programme already has this slug"));
    assert_eq!(
        programmes::list(&mut db.get().expect("conn"))
            .expect("list")
            .len(),
        1
    );

    let out = cli.run(&["programme", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "lyon\tLyon buddies\tfr\t2 areas\t0 participants\topen"
    );
}
