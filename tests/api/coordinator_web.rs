//! Coordinator pages: login, sessions, CSRF, throttling, programme access, audit, people,
//! readiness and the first-start setup link.

use buddymatch::accounts::setup;
use buddymatch::accounts::store::{create_coordinator, CoordinatorRole};
use buddymatch::accounts::{hash_password, Password};
use buddymatch::coordinator::readiness;
use buddymatch::db::programmes::{self, NewProgramme};
use buddymatch::db::schema::{audit_log, participants};
use buddymatch::domain::Email;
use diesel::prelude::*;

use crate::helpers::{spawn_app, spawn_app_with, TestApp};

const PASSWORD: &str = "correct horse battery";

fn add_account(app: &TestApp, email: &str, role: CoordinatorRole, programmes: &[&str]) -> i32 {
    let hash = hash_password(&Password::parse(PASSWORD).expect("valid")).expect("hash");
    let slugs: Vec<String> = programmes.iter().map(|s| (*s).to_owned()).collect();
    app.db()
        .write(|c| {
            create_coordinator(
                c,
                &Email::parse(email).expect("email"),
                &hash,
                role,
                &slugs,
                chrono::Utc::now().naive_utc(),
            )
        })
        .expect("account created")
        .id
}

fn second_programme(app: &TestApp) -> i32 {
    app.db()
        .write(|c| {
            programmes::create(
                c,
                &NewProgramme {
                    slug: "other",
                    name: "Other programme",
                    local_language: "de",
                    areas: &programmes::demo_areas(),
                    interests: &[],
                },
            )
        })
        .expect("programme")
        .id
}

/// The value of the hidden `csrf` field in a page.
fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("csrf field") + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

async fn post(app: &TestApp, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

async fn try_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    try_login_from(app, "127.0.0.1", email, password).await
}

async fn login(app: &TestApp, email: &str) {
    let r = try_login(app, email, PASSWORD).await;
    assert_eq!(r.status(), 303, "login of {email}");
}

/// The CSRF token of the logged-in session (from any page with the logout form).
async fn session_csrf(app: &TestApp) -> String {
    csrf_of(&app.get("/coordinator").await.text().await.expect("body"))
}

pub(crate) fn valid_person(email: &str) -> Vec<(&'static str, String)> {
    [
        ("first_name", "Amal"),
        ("last_name", "Khaled"),
        ("email", email),
        ("message_language", "ar"),
        ("role", "arriving"),
        ("capacity", "1"),
        ("languages.0.code", "ar"),
        ("languages.0.level", "native"),
        ("availability", "mon_evening"),
        ("area", "gohlis"),
        ("max_travel_km", "5"),
        ("household_adults", "1"),
        ("household_children", "0"),
        ("consent", "true"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn audit_actions(app: &TestApp) -> Vec<(String, Option<i32>)> {
    let mut conn = app.db().get().expect("conn");
    audit_log::table
        .order(audit_log::id.asc())
        .select((audit_log::action, audit_log::subject_id))
        .load(&mut *conn)
        .expect("audit")
}

#[tokio::test]
async fn login_sets_a_safe_session_cookie_and_logout_ends_it() {
    let app = spawn_app().await;
    add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
    assert_eq!(app.get("/coordinator").await.status(), 303, "login first");

    let r = try_login(&app, "Admin@Example.org", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("bm_coordinator="))
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    assert!(cookie.contains("Max-Age=43200"), "12 hours: {cookie}");
    let token = cookie["bm_coordinator=".len()..]
        .split(';')
        .next()
        .expect("value")
        .to_owned();
    assert_eq!(app.get("/coordinator").await.status(), 200);
    assert!(audit_actions(&app).iter().any(|(a, _)| a == "login"));

    // Logout without the CSRF token is refused; with it, the session ends for good.
    let r = post(&app, "/coordinator/logout", &[]).await;
    assert_eq!(r.status(), 403, "CSRF missing");
    let r = post(&app, "/coordinator/logout", &[("csrf", "wrong".to_owned())]).await;
    assert_eq!(r.status(), 403, "CSRF wrong");
    let csrf = session_csrf(&app).await;
    let r = post(&app, "/coordinator/logout", &[("csrf", csrf)]).await;
    assert_eq!(r.status(), 303);
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!("{}/coordinator", app.address))
        .header("cookie", format!("bm_coordinator={token}"))
        .send()
        .await
        .expect("sent");
    assert_eq!(replay.status(), 303, "the old cookie no longer works");
    assert!(audit_actions(&app).iter().any(|(a, _)| a == "logout"));
}

#[tokio::test]
async fn session_cookie_is_secure_behind_https() {
    let app = spawn_app_with(|s| s.base_url = Some("https://buddies.example.org".into())).await;
    add_account(&app, "admin@example.org", CoordinatorRole::Admin, &[]);
    let r = try_login(&app, "admin@example.org", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("bm_coordinator="))
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
}

/// A login from the client at `ip` (when the app trusts `X-Forwarded-For`).
async fn try_login_from(app: &TestApp, ip: &str, email: &str, password: &str) -> reqwest::Response {
    let page = app
        .get("/coordinator/login")
        .await
        .text()
        .await
        .expect("body");
    app.client
        .post(format!("{}/coordinator/login", app.address))
        .header("X-Forwarded-For", ip)
        .form(&[
            ("csrf", csrf_of(&page)),
            ("email", email.to_owned()),
            ("password", password.to_owned()),
        ])
        .send()
        .await
        .expect("request sent")
}

fn failed_logins(app: &TestApp) -> Vec<(Option<i32>, String)> {
    let mut conn = app.db().get().expect("connection");
    audit_log::table
        .filter(audit_log::action.eq("login.failed"))
        .order(audit_log::id.asc())
        .select((audit_log::subject_id, audit_log::detail))
        .load(&mut *conn)
        .expect("audit log")
}

#[tokio::test]
async fn a_client_that_keeps_failing_waits_but_cannot_lock_the_owner_out() {
    let app = spawn_app_with(|s| s.trust_proxy_headers = true).await;
    add_account(
        &app,
        "c@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    let attacker = "203.0.113.66";
    let unknown = try_login_from(&app, attacker, "nobody@example.org", "hunter2 hunter2").await;
    assert_eq!(unknown.status(), 401);
    let unknown_body = unknown.text().await.expect("body");
    for i in 1..=4 {
        let r = try_login_from(&app, attacker, "c@example.org", "wrong password!").await;
        assert_eq!(r.status(), 401, "failure {i}");
        let body = r.text().await.expect("body");
        assert!(body.contains("The email address or the password is wrong."));
        assert!(body.contains("value=\"c@example.org\""), "email kept");
    }
    assert!(
        unknown_body.contains("The email address or the password is wrong."),
        "same message"
    );
    // The fifth failure makes this client wait (15 s, doubling with each further failure).
    let fifth = try_login_from(&app, attacker, "c@example.org", "wrong password!").await;
    assert_eq!(fifth.status(), 429, "5th failure");
    let retry: i64 = fifth.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let right = try_login_from(&app, attacker, "c@example.org", PASSWORD).await;
    assert_eq!(
        right.status(),
        429,
        "this client waits, even with the right password"
    );
    // The owner, from their own connection, is not locked out.
    let owner = try_login_from(&app, "198.51.100.20", "c@example.org", PASSWORD).await;
    assert_eq!(owner.status(), 303);
    // Every failure is in the audit log; for an unknown account, nothing of what was typed.
    let failed = failed_logins(&app);
    assert_eq!(failed.len(), 6);
    assert_eq!(failed[0], (None, "unknown account".to_owned()));
    assert!(failed[1..].iter().all(|(id, _)| id.is_some()));
    let mut conn = app.db().get().expect("connection");
    let details: Vec<String> = audit_log::table
        .select(audit_log::detail)
        .load(&mut *conn)
        .expect("audit log");
    assert!(details
        .iter()
        .all(|d| !d.contains("hunter2") && !d.contains("nobody")));
}

#[tokio::test]
async fn one_client_trying_many_accounts_is_slowed_down_others_are_not() {
    let app = spawn_app_with(|s| s.trust_proxy_headers = true).await;
    let sprayer = "203.0.113.77";
    let mut statuses = Vec::new();
    for i in 0..21 {
        let r = try_login_from(
            &app,
            sprayer,
            &format!("guess{i}@example.org"),
            "Winter2026!",
        )
        .await;
        statuses.push(r.status().as_u16());
    }
    assert!(statuses[..19].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[19..].iter().all(|s| *s == 429), "{statuses:?}");
    let elsewhere = try_login_from(&app, "198.51.100.21", "guess0@example.org", "x").await;
    assert_eq!(elsewhere.status(), 401, "another client is not slowed");
}

#[tokio::test]
async fn coordinators_reach_only_their_programmes() {
    let app = spawn_app().await;
    second_programme(&app);
    add_account(
        &app,
        "c@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    login(&app, "c@example.org").await;
    assert_eq!(
        app.get("/coordinator/programmes/demo/people")
            .await
            .status(),
        200
    );
    assert_eq!(
        app.get("/coordinator/programmes/other/people")
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get("/coordinator/programmes/other/people/new")
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get("/coordinator/programmes/nope/people")
            .await
            .status(),
        404
    );

    // A person of the other programme.
    let csrf = session_csrf(&app).await;
    let r = post(
        &app,
        "/coordinator/programmes/other/people/new",
        &[valid_person("x@example.org"), vec![("csrf", csrf)]].concat(),
    )
    .await;
    assert_eq!(r.status(), 404);
    let admin_app_id = {
        let mut conn = app.db().get().expect("conn");
        participants::table
            .count()
            .get_result::<i64>(&mut *conn)
            .expect("count")
    };
    assert_eq!(admin_app_id, 0, "nothing stored");
}

#[tokio::test]
async fn add_view_edit_a_person_and_audit_it() {
    let app = spawn_app().await;
    second_programme(&app);
    add_account(
        &app,
        "c@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    login(&app, "c@example.org").await;
    let new_page = app
        .get("/coordinator/programmes/demo/people/new")
        .await
        .text()
        .await
        .expect("body");
    let csrf = csrf_of(&new_page);
    assert!(new_page.contains("<label for=\"first_name\">"));

    // Invalid: 422, values kept, per-field messages.
    let mut bad = valid_person("not-an-email");
    bad.retain(|(k, _)| *k != "availability");
    bad.push(("csrf", csrf.clone()));
    let r = post(&app, "/coordinator/programmes/demo/people/new", &bad).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.expect("body");
    assert!(body.contains("value=\"Amal\""), "first name kept");
    assert!(body.contains("value=\"not-an-email\""), "email kept");
    assert!(
        body.contains("href=\"#email\""),
        "error summary links the field"
    );
    assert!(body.contains("error-summary"));

    // Without CSRF: 403, nothing stored.
    let r = post(
        &app,
        "/coordinator/programmes/demo/people/new",
        &valid_person("amal@example.org"),
    )
    .await;
    assert_eq!(r.status(), 403);

    // Valid: stored as confirmed.
    let mut good = valid_person("amal@example.org");
    good.push(("csrf", csrf.clone()));
    let r = post(&app, "/coordinator/programmes/demo/people/new", &good).await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let id: i32 = location
        .rsplit('/')
        .next()
        .expect("id")
        .parse()
        .expect("number");
    let status: String = {
        let mut conn = app.db().get().expect("conn");
        participants::table
            .find(id)
            .select(participants::status)
            .first(&mut *conn)
            .expect("stored")
    };
    assert_eq!(status, "confirmed");

    // The same email again: 422 with a message at the email field.
    let r = post(&app, "/coordinator/programmes/demo/people/new", &good).await;
    assert_eq!(r.status(), 422);

    // Viewing is audited.
    let r = app.get(&location).await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.expect("body");
    assert!(body.contains("amal@example.org"));
    // The coordinator's words, not codes or the form's questions; the number to pin with; no
    // readiness for someone who does not volunteer; her (empty) match history.
    assert!(body.contains("Privacy notice (taking part)") && !body.contains("privacy_notice"));
    assert!(!body.contains("When are you free?") && body.contains("Free times"));
    assert!(
        body.contains(&format!(
            "<dd>{id} (used for pins and matching by hand)</dd>"
        )),
        "{body}"
    );
    assert!(
        !body.contains("/readiness\""),
        "no readiness for a non-volunteer: {body}"
    );
    assert!(body.contains("Not in any match yet."));
    let list = app
        .get("/coordinator/programmes/demo/people")
        .await
        .text()
        .await
        .expect("body");
    assert!(
        list.contains("Ready to be proposed</th>") && list.contains("<th scope=\"col\">Match</th>"),
        "{list}"
    );
    let actions = audit_actions(&app);
    assert!(actions.contains(&("participant.create".to_owned(), Some(id))));
    assert!(actions.contains(&("participant.view".to_owned(), Some(id))));

    // Edit.
    let edit = app.get(&format!("/coordinator/people/{id}/edit")).await;
    assert_eq!(edit.status(), 200);
    let edit = edit.text().await.expect("body");
    assert!(
        edit.contains("value=\"amal@example.org\""),
        "form prefilled"
    );
    let mut changed = valid_person("amal@example.org");
    changed[0].1 = "Amira".to_owned();
    changed.push(("csrf", csrf.clone()));
    let r = post(&app, &format!("/coordinator/people/{id}/edit"), &changed).await;
    assert_eq!(r.status(), 303);
    let name: String = {
        let mut conn = app.db().get().expect("conn");
        participants::table
            .find(id)
            .select(participants::first_name)
            .first(&mut *conn)
            .expect("stored")
    };
    assert_eq!(name, "Amira");
    assert!(audit_actions(&app).contains(&("participant.update".to_owned(), Some(id))));

    // The list finds her by name.
    let list = app
        .get("/coordinator/programmes/demo/people?q=amir&role=arriving&status=confirmed")
        .await
        .text()
        .await
        .expect("body");
    assert!(list.contains("Amira Khaled"));
    let none = app
        .get("/coordinator/programmes/demo/people?q=amir&waiting=30")
        .await
        .text()
        .await
        .expect("body");
    assert!(!none.contains("Amira Khaled"), "not waiting a month yet");

    // Audit page: admins only.
    assert_eq!(app.get("/coordinator/audit").await.status(), 403);
    assert_eq!(app.get("/coordinator/accounts").await.status(), 403);
    let admin = TestAppClient::new(&app);
    admin.login_admin(&app).await;
    let r = admin.get(&app, "/coordinator/audit").await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.expect("body");
    // Actions in words, the coordinator named, the person linked.
    assert!(body.contains("Looked at a person") && body.contains("c@example.org"));
    assert!(
        body.contains(&format!(
            "<a href=\"/coordinator/people/{id}\">Person {id}</a>"
        )),
        "{body}"
    );
    // Filtered by what: only changes of profiles.
    let changes = admin
        .get(&app, "/coordinator/audit?action=participant.update")
        .await
        .text()
        .await
        .expect("body");
    assert!(changes.contains("<td>Changed a person"), "{changes}");
    assert!(!changes.contains("<td>Looked at a person"), "{changes}");
    // By who: participants and the system only (no coordinator did anything as them).
    let others = admin
        .get(
            &app,
            "/coordinator/audit?who=none&from=2000-01-01&to=2999-12-31",
        )
        .await
        .text()
        .await
        .expect("body");
    assert!(!others.contains("<bdi>c@example.org</bdi>"), "{others}");
    // By when: nothing before 2001.
    let old = admin
        .get(&app, "/coordinator/audit?to=2000-12-31")
        .await
        .text()
        .await
        .expect("body");
    assert!(old.contains("No entry fits these choices."), "{old}");
}

/// A second browser (own cookies) on the same app.
struct TestAppClient(reqwest::Client);

impl TestAppClient {
    fn new(_app: &TestApp) -> Self {
        Self(
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .expect("client"),
        )
    }

    async fn get(&self, app: &TestApp, path: &str) -> reqwest::Response {
        self.0
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .expect("sent")
    }

    async fn login_admin(&self, app: &TestApp) {
        add_account(app, "admin@example.org", CoordinatorRole::Admin, &[]);
        let page = self
            .get(app, "/coordinator/login")
            .await
            .text()
            .await
            .expect("body");
        let r = self
            .0
            .post(format!("{}/coordinator/login", app.address))
            .form(&[
                ("csrf", csrf_of(&page)),
                ("email", "admin@example.org".to_owned()),
                ("password", PASSWORD.to_owned()),
            ])
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status(), 303);
    }
}

#[tokio::test]
async fn readiness_is_recorded_and_decides_is_ready() {
    let app = spawn_app().await;
    add_account(
        &app,
        "c@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    login(&app, "c@example.org").await;
    let csrf = session_csrf(&app).await;
    let mut person = valid_person("vol@example.org");
    person[4].1 = "receiving".to_owned();
    person.push(("volunteer", "true".to_owned()));
    person.push(("csrf", csrf.clone()));
    let r = post(&app, "/coordinator/programmes/demo/people/new", &person).await;
    assert_eq!(r.status(), 303);
    let id: i32 = r.headers()["location"]
        .to_str()
        .expect("location")
        .rsplit('/')
        .next()
        .expect("id")
        .parse()
        .expect("number");
    let ready = |child: bool| {
        let mut conn = app.db().get().expect("conn");
        readiness::is_ready(&mut conn, id, child).expect("query")
    };
    assert!(!ready(false), "nothing recorded");
    assert_eq!(
        app.get(&format!("/coordinator/people/{id}/readiness"))
            .await
            .status(),
        200
    );

    let path = format!("/coordinator/people/{id}/readiness");
    let form = |coc: &str, sg: &str, child: &str, bg: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("code_of_conduct_signed", coc.to_owned()),
            ("safeguarding_training", sg.to_owned()),
            ("first_aid_training", String::new()),
            ("child_safeguarding_training", child.to_owned()),
            ("background_check", bg.to_owned()),
        ]
    };
    let r = post(&app, &path, &form("2026-01-10", "", "", "")).await;
    assert_eq!(r.status(), 303);
    assert!(!ready(false), "safeguarding training missing");
    let r = post(&app, &path, &form("2026-01-10", "not a date", "", "")).await;
    assert_eq!(r.status(), 422);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("value=\"not a date\""));
    let r = post(&app, &path, &form("2026-01-10", "2999-01-01", "", "")).await;
    assert_eq!(r.status(), 422, "future date");
    let r = post(&app, &path, &form("2026-01-10", "2026-02-01", "", "")).await;
    assert_eq!(r.status(), 303);
    assert!(ready(false));
    assert!(
        !ready(true),
        "minors need child safeguarding and a background check"
    );
    let r = post(
        &app,
        &path,
        &form("2026-01-10", "2026-02-01", "2026-02-02", "2026-02-03"),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert!(ready(true));
    let r = post(
        &app,
        &path,
        &form("", "2026-02-01", "2026-02-02", "2026-02-03"),
    )
    .await;
    assert_eq!(r.status(), 303);
    assert!(!ready(true) && !ready(false), "code of conduct withdrawn");
    assert!(audit_actions(&app).contains(&("readiness.update".to_owned(), Some(id))));
}

#[tokio::test]
async fn first_start_setup_link_works_once() {
    let app = spawn_app().await;
    let link = setup::issue_link_if_needed(app.db(), &app.address, chrono::Utc::now().naive_utc())
        .expect("query")
        .expect("no account yet: a link");
    let path = link
        .strip_prefix(&app.address)
        .expect("same address")
        .to_owned();
    assert!(path.starts_with("/coordinator/setup/"));
    assert_eq!(app.get("/coordinator/setup/wrongtoken").await.status(), 404);
    let page = app.get(&path).await;
    assert_eq!(page.status(), 200);
    let csrf = csrf_of(&page.text().await.expect("body"));
    let short = post(
        &app,
        &path,
        &[
            ("csrf", csrf.clone()),
            ("email", "boss@example.org".to_owned()),
            ("new", "short".to_owned()),
            ("new2", "short".to_owned()),
        ],
    )
    .await;
    assert_eq!(short.status(), 422);
    let csrf = csrf_of(&short.text().await.expect("body"));
    let r = post(
        &app,
        &path,
        &[
            ("csrf", csrf.clone()),
            ("email", "boss@example.org".to_owned()),
            ("new", PASSWORD.to_owned()),
            ("new2", PASSWORD.to_owned()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.get("/coordinator/accounts").await.status(),
        200,
        "logged in as admin"
    );
    assert_eq!(app.get(&path).await.status(), 404, "used");
    let again = post(
        &app,
        &path,
        &[
            ("csrf", csrf),
            ("email", "other@example.org".to_owned()),
            ("new", PASSWORD.to_owned()),
            ("new2", PASSWORD.to_owned()),
        ],
    )
    .await;
    assert_eq!(again.status(), 404);
    assert!(
        setup::issue_link_if_needed(app.db(), &app.address, chrono::Utc::now().naive_utc())
            .expect("query")
            .is_none()
    );
}

#[tokio::test]
async fn password_change_needs_the_current_password() {
    let app = spawn_app().await;
    add_account(
        &app,
        "c@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    login(&app, "c@example.org").await;
    let csrf = session_csrf(&app).await;
    let change = |current: &str, new: &str, again: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("current", current.to_owned()),
            ("new", new.to_owned()),
            ("new2", again.to_owned()),
        ]
    };
    let r = post(
        &app,
        "/coordinator/password",
        &change(
            "wrong one!!!",
            "a brand new password",
            "a brand new password",
        ),
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = post(
        &app,
        "/coordinator/password",
        &change(PASSWORD, "short", "short"),
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = post(
        &app,
        "/coordinator/password",
        &change(PASSWORD, "a brand new password", "a different password"),
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = post(
        &app,
        "/coordinator/password",
        &change(PASSWORD, "a brand new password", "a brand new password"),
    )
    .await;
    assert_eq!(r.status(), 200);
    let fresh = TestAppClient::new(&app);
    let page = fresh
        .get(&app, "/coordinator/login")
        .await
        .text()
        .await
        .expect("body");
    let r = fresh
        .0
        .post(format!("{}/coordinator/login", app.address))
        .form(&[
            ("csrf", csrf_of(&page)),
            ("email", "c@example.org".to_owned()),
            ("password", "a brand new password".to_owned()),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status(), 303);
}
