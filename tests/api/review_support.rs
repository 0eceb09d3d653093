//! Shared arrangements for the review tests: a small cohort, coordinator logins, forms.

use buddymatch::accounts::store::{create_coordinator, CoordinatorRole};
use buddymatch::accounts::{hash_password, Password};
use buddymatch::coordinator::readiness::{self, ReadinessDates};
use buddymatch::db::matches::{self, Match};
use buddymatch::db::participants;
use buddymatch::db::programmes::{self, NewProgramme};
use buddymatch::db::{runs, Db, DbError};
use buddymatch::domain::{
    Email, LanguageInput, NewParticipant, ParticipantStatus, ProfileInput, Programme,
};

use crate::helpers::TestApp;

pub const PASSWORD: &str = "correct horse battery";

/// Phone numbers given to the cohort, which must never appear on review pages.
pub const PHONES: [&str; 5] = [
    "+4915110000001",
    "+4915110000002",
    "+4915110000003",
    "+4915110000004",
    "+4915110000005",
];

fn person(
    name: &str,
    phone: &str,
    role: &str,
    volunteer: bool,
    langs: &[(&str, &str)],
    slots: &[&str],
) -> ProfileInput {
    ProfileInput {
        first_name: name.into(),
        last_name: "Surname".into(),
        email: format!("{}@example.org", name.to_lowercase()),
        phone: Some(phone.into()),
        message_language: "en".into(),
        role: role.into(),
        volunteer,
        capacity: Some(1),
        languages: langs
            .iter()
            .map(|(c, l)| LanguageInput {
                code: (*c).into(),
                level: (*l).into(),
            })
            .collect(),
        interests: vec!["chess".into()],
        availability: slots.iter().map(|s| (*s).to_string()).collect(),
        area: Some("zentrum".into()),
        consent: true,
        ..ProfileInput::default()
    }
}

fn add(db: &Db, programme: &Programme, input: ProfileInput, ready: bool) -> Result<i32, DbError> {
    let now = chrono::Utc::now().naive_utc();
    let p = NewParticipant::parse(input, programme).expect("valid profile");
    db.write(|c| {
        let id = participants::insert(c, programme.id, &p, ParticipantStatus::Confirmed, now)?;
        if ready {
            let day = now.date();
            let dates = ReadinessDates {
                code_of_conduct_signed: Some(day),
                safeguarding_training: Some(day),
                ..ReadinessDates::default()
            };
            readiness::save(c, id, &dates, now)?;
        }
        Ok(id)
    })
}

/// Amal (ar, de A2) and Olena (uk, de B1) look for a buddy, Tesfay speaks only Tigrinya; Anna
/// (de, ar B1) and Jonas (de) are ready volunteers. Best: Amal–Anna, Olena–Jonas; Tesfay
/// unmatched for want of a common language.
#[derive(Debug, Clone)]
pub struct Cohort {
    pub programme: Programme,
    pub amal: i32,
    pub olena: i32,
    pub tesfay: i32,
    pub anna: i32,
    pub jonas: i32,
}

pub fn demo_programme(db: &Db) -> Programme {
    programmes::by_slug(&mut db.get().expect("conn"), "demo")
        .expect("query")
        .expect("demo programme")
}

pub fn cohort(db: &Db) -> Cohort {
    let programme = demo_programme(db);
    let amal = add(
        db,
        &programme,
        person(
            "Amal",
            PHONES[0],
            "arriving",
            false,
            &[("ar", "native"), ("de", "A2")],
            &["mon_evening", "sat_morning"],
        ),
        false,
    )
    .expect("add");
    let olena = add(
        db,
        &programme,
        person(
            "Olena",
            PHONES[1],
            "arriving",
            false,
            &[("uk", "native"), ("de", "B1")],
            &["sat_morning"],
        ),
        false,
    )
    .expect("add");
    let tesfay = add(
        db,
        &programme,
        person(
            "Tesfay",
            PHONES[2],
            "arriving",
            false,
            &[("ti", "native")],
            &["sat_morning"],
        ),
        false,
    )
    .expect("add");
    let anna = add(
        db,
        &programme,
        person(
            "Anna",
            PHONES[3],
            "receiving",
            true,
            &[("de", "native"), ("ar", "B1")],
            &["mon_evening", "sat_morning"],
        ),
        true,
    )
    .expect("add");
    let jonas = add(
        db,
        &programme,
        person(
            "Jonas",
            PHONES[4],
            "receiving",
            true,
            &[("de", "native")],
            &["sat_morning"],
        ),
        true,
    )
    .expect("add");
    Cohort {
        programme,
        amal,
        olena,
        tesfay,
        anna,
        jonas,
    }
}

/// The cohort, created off the async runtime.
pub async fn cohort_of(app: &TestApp) -> Cohort {
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || cohort(&db))
        .await
        .expect("cohort")
}

pub fn add_account(app: &TestApp, email: &str, role: CoordinatorRole, slugs: &[&str]) -> i32 {
    let hash = hash_password(&Password::parse(PASSWORD).expect("valid")).expect("hash");
    let slugs: Vec<String> = slugs.iter().map(|s| (*s).to_owned()).collect();
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
        .expect("account")
        .id
}

pub fn second_programme(app: &TestApp) {
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
        .expect("programme");
}

/// The value of the first hidden `csrf` field in a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("csrf field") + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

pub async fn post(app: &TestApp, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

/// Logs in (303 expected) and returns the session's CSRF token.
pub async fn login(app: &TestApp, email: &str) -> String {
    let page = app
        .get("/coordinator/login")
        .await
        .text()
        .await
        .expect("body");
    let r = post(
        app,
        "/coordinator/login",
        &[
            ("csrf", csrf_of(&page)),
            ("email", email.to_owned()),
            ("password", PASSWORD.to_owned()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303, "login of {email}");
    csrf_of(&app.get("/coordinator").await.text().await.expect("body"))
}

/// A coordinator of `demo`, logged in; returns the CSRF token.
pub async fn demo_login(app: &TestApp) -> String {
    add_account(
        app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    );
    login(app, "coord@example.org").await
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .expect("location header")
        .to_str()
        .expect("ascii")
        .to_owned()
}

/// Waits until the run is no longer queued or running; returns its status.
pub async fn wait_for_run(app: &TestApp, run_id: i32) -> String {
    for _ in 0..200 {
        let status = runs::find(&mut app.db().get().expect("conn"), run_id)
            .expect("query")
            .expect("run")
            .status;
        if status != "queued" && status != "running" {
            return status.code().to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("run {run_id} did not finish");
}

pub fn proposals(app: &TestApp, run_id: i32) -> Vec<Match> {
    matches::for_run(&mut app.db().get().expect("conn"), run_id, 1, 500)
        .expect("proposals")
        .0
}

pub fn find_match(app: &TestApp, id: i32) -> Match {
    matches::find(&mut app.db().get().expect("conn"), id)
        .expect("query")
        .expect("match")
}

pub fn proposal_of(list: &[Match], seeker: i32) -> Match {
    list.iter()
        .find(|m| m.seeker_id == seeker)
        .cloned()
        .unwrap_or_else(|| panic!("no proposal for seeker {seeker}: {list:?}"))
}

/// Starts a run through the page and waits for it; returns its id.
pub async fn run_in_browser(app: &TestApp, csrf: &str) -> i32 {
    let r = post(
        app,
        "/coordinator/programmes/demo/runs",
        &[
            ("csrf", csrf.to_owned()),
            ("objective", "most_matched".to_owned()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303, "run started");
    let loc = location(&r);
    let id: i32 = loc
        .strip_prefix("/coordinator/runs/")
        .expect("run page")
        .parse()
        .expect("id");
    assert_eq!(wait_for_run(app, id).await, "done");
    id
}

pub fn audit_actions(app: &TestApp) -> Vec<String> {
    use buddymatch::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .order(audit_log::id.asc())
        .select(audit_log::action)
        .load(&mut *app.db().get().expect("conn"))
        .expect("audit")
}
