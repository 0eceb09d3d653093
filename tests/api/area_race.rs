//! A sign-up racing an admin's removal of the area it chose (issue 14): the two take turns on
//! the programme row, so either the sign-up is stored and the removal refused (the area is in
//! use), or the area goes and the sign-up is sent back to choose another; never a participant
//! with an area the programme no longer has. Meaningful on PostgreSQL, where transactions run
//! at once; on SQLite writers take turns anyway.

use std::sync::{Arc, Barrier};

use buddymatch::db::programmes::{self, NewProgramme, SaveError};
use buddymatch::db::schema::participants;
use buddymatch::domain::{
    Area, LanguageInput, NewParticipant, ProfileInput, ProgrammeSettings, SettingsInput,
};
use buddymatch::settings::Settings;
use buddymatch::signup::{self, Registered};
use diesel::prelude::*;
use matching::compat::Weights;

use crate::helpers::spawn_app;

const ROUNDS: usize = 40;

fn area(slug: &str, lat: f64) -> Area {
    Area {
        slug: slug.into(),
        name: slug.into(),
        lat,
        lon: 12.37,
    }
}

fn person(programme: &buddymatch::domain::Programme, n: usize) -> NewParticipant {
    let input = ProfileInput {
        first_name: "Race".into(),
        last_name: "Test".into(),
        email: format!("race{n}@example.org"),
        message_language: "en".into(),
        role: "arriving".into(),
        capacity: Some(1),
        languages: vec![LanguageInput {
            code: "en".into(),
            level: "b2".into(),
        }],
        availability: vec!["sat_morning".into()],
        area: Some("going".into()),
        consent: true,
        ..ProfileInput::default()
    };
    NewParticipant::parse(input, programme).expect("valid profile")
}

fn without_going() -> ProgrammeSettings {
    let input = SettingsInput {
        name: "Race".into(),
        local_language: "de".into(),
        areas: "staying; 51.34; 12.37; staying".into(),
        interests: String::new(),
        checkin_every_days: "14".into(),
        response_days: "7".into(),
        unconfirmed_days: "14".into(),
        retention_months: "24".into(),
        weights: Vec::new(),
        translations: Vec::new(),
        phone_region: String::new(),
    };
    ProgrammeSettings::parse(&input, &Weights::default()).expect("valid settings")
}

#[tokio::test]
async fn a_sign_up_and_the_removal_of_its_area_never_both_succeed() {
    let app = spawn_app().await;
    let db = app.db().clone();
    let (stored, removed) = tokio::task::spawn_blocking(move || {
        let mut settings = Settings::default();
        settings.signup.min_fill_seconds = 0;
        let (mut stored, mut removed) = (0, 0);
        for round in 0..ROUNDS {
            let slug = format!("race-{round}");
            let areas = [area("staying", 51.34), area("going", 51.30)];
            db.write(|c| {
                programmes::create(
                    c,
                    &NewProgramme {
                        slug: &slug,
                        name: "Race",
                        local_language: "de",
                        areas: &areas,
                        interests: &[],
                    },
                )
            })
            .expect("programme created");
            let programme = programmes::by_slug(&mut db.get().expect("connection"), &slug)
                .expect("query")
                .expect("programme");
            let sign_up = person(&programme, round);
            let start = Arc::new(Barrier::new(2));
            let (db1, p1, s1, b1) = (
                db.clone(),
                programme.clone(),
                settings.clone(),
                start.clone(),
            );
            let signing = std::thread::spawn(move || {
                b1.wait();
                let now = chrono::Utc::now().naive_utc();
                signup::register(&db1, &p1, &sign_up, &format!("client-{round}"), &s1, now)
            });
            let (db2, p2) = (db.clone(), programme.clone());
            let removing = std::thread::spawn(move || {
                start.wait();
                db2.write(|c| programmes::update_settings(c, &p2, &without_going()))
            });
            let signed = signing.join().expect("sign-up thread").expect("sign-up");
            let change = removing.join().expect("admin thread");
            let now_areas =
                programmes::intake_now(&mut db.get().expect("connection"), programme.id)
                    .expect("areas")
                    .areas;
            let stranded: i64 = participants::table
                .filter(participants::programme_id.eq(programme.id))
                .filter(participants::area.ne_all(&now_areas))
                .count()
                .get_result(&mut db.get().expect("connection"))
                .expect("count");
            assert_eq!(stranded, 0, "round {round}: {signed:?}, {change:?}");
            match (&signed, &change) {
                (Registered::Taken, Err(SaveError::InUse(_))) => stored += 1,
                (Registered::AreaGone, Ok(_)) => removed += 1,
                other => panic!("round {round}: unexpected {other:?}"),
            }
        }
        (stored, removed)
    })
    .await
    .expect("blocking task");
    assert_eq!(stored + removed, ROUNDS);
    eprintln!("{stored} sign-ups first, {removed} removals first");
}

/// The same for a coordinator moving someone to the area an admin is removing: either the
/// move is stored and the removal refused, or the area goes and the move is sent back.
#[tokio::test]
async fn moving_someone_to_an_area_and_its_removal_never_both_succeed() {
    use buddymatch::db::participants::{self as people, Updated};
    use buddymatch::domain::ParticipantStatus;

    let app = spawn_app().await;
    let db = app.db().clone();
    let (moved, removed) = tokio::task::spawn_blocking(move || {
        let (mut moved, mut removed) = (0, 0);
        for round in 0..ROUNDS {
            let slug = format!("move-{round}");
            let areas = [area("staying", 51.34), area("going", 51.30)];
            db.write(|c| {
                programmes::create(
                    c,
                    &NewProgramme {
                        slug: &slug,
                        name: "Race",
                        local_language: "de",
                        areas: &areas,
                        interests: &[],
                    },
                )
            })
            .expect("programme created");
            let programme = programmes::by_slug(&mut db.get().expect("connection"), &slug)
                .expect("query")
                .expect("programme");
            let moving = person(&programme, round);
            let mut staying = moving.clone();
            staying.area = Some("staying".into());
            let now = chrono::Utc::now().naive_utc();
            let id = db
                .write(|c| {
                    people::insert(c, programme.id, &staying, ParticipantStatus::Confirmed, now)
                })
                .expect("stored in the staying area");
            let start = Arc::new(Barrier::new(2));
            let (db1, b1) = (db.clone(), start.clone());
            let editing = std::thread::spawn(move || {
                b1.wait();
                db1.write(|c| people::update(c, id, &moving, chrono::Utc::now().naive_utc()))
            });
            let (db2, p2) = (db.clone(), programme.clone());
            let removing = std::thread::spawn(move || {
                start.wait();
                db2.write(|c| programmes::update_settings(c, &p2, &without_going()))
            });
            let edited = editing.join().expect("edit thread").expect("edit");
            let change = removing.join().expect("admin thread");
            let now_areas =
                programmes::intake_now(&mut db.get().expect("connection"), programme.id)
                    .expect("areas")
                    .areas;
            let stranded: i64 = participants::table
                .filter(participants::programme_id.eq(programme.id))
                .filter(participants::area.ne_all(&now_areas))
                .count()
                .get_result(&mut db.get().expect("connection"))
                .expect("count");
            assert_eq!(stranded, 0, "round {round}: {edited:?}, {change:?}");
            match (&edited, &change) {
                (Updated::Stored, Err(SaveError::InUse(_))) => moved += 1,
                (Updated::AreaGone, Ok(_)) => removed += 1,
                other => panic!("round {round}: unexpected {other:?}"),
            }
        }
        (moved, removed)
    })
    .await
    .expect("blocking task");
    assert_eq!(moved + removed, ROUNDS);
    eprintln!("{moved} moves first, {removed} removals first");
}
