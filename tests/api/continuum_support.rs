//! Shared by the continuum's tests: a pair whose match is active, and a write transaction on a
//! blocking thread.

use buddymatch::db::introductions as answers;
use buddymatch::db::{Db, DbConnection};
use buddymatch::domain::Side;
use chrono::NaiveDateTime;

use crate::helpers::TestApp;
use crate::introductions_support::{approve, setup_pair, Pair};

/// Runs `f` in a write transaction on a blocking thread.
pub async fn write<T, F>(db: &Db, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, buddymatch::db::DbError> + Send + 'static,
{
    let db = db.clone();
    tokio::task::spawn_blocking(move || db.write(f).expect("stored"))
        .await
        .expect("task")
}

/// A pair whose match both sides accepted at `at` (status active, stage introduced).
pub async fn active_pair(app: &TestApp, at: NaiveDateTime) -> Pair {
    let pair = setup_pair(app).await;
    approve(app, pair.match_id, at).await;
    let id = pair.match_id;
    let activated = write(app.db(), move |c| {
        answers::accept(c, id, Side::Seeker, at)?;
        answers::accept(c, id, Side::Buddy, at)?;
        answers::activate(c, id, at)
    })
    .await;
    assert!(activated);
    pair
}

/// Stores a confirmed person of `programme` who speaks German and English (so any two can be
/// paired), with readiness recorded when `ready`; returns their id.
pub fn add_person(
    db: &Db,
    programme: &buddymatch::domain::Programme,
    first_name: &str,
    email: &str,
    role: &str,
    ready: bool,
) -> i32 {
    use buddymatch::coordinator::readiness::{self, ReadinessDates};
    use buddymatch::db::participants;
    use buddymatch::domain::{LanguageInput, NewParticipant, ParticipantStatus, ProfileInput};

    let input = ProfileInput {
        first_name: first_name.into(),
        last_name: "Test".into(),
        email: email.into(),
        message_language: "en".into(),
        role: role.into(),
        volunteer: role == "receiving",
        capacity: Some(1),
        languages: vec![
            LanguageInput {
                code: "de".into(),
                level: "native".into(),
            },
            LanguageInput {
                code: "en".into(),
                level: "b2".into(),
            },
        ],
        interests: vec!["chess".into()],
        availability: vec!["sat_morning".into()],
        area: Some("zentrum".into()),
        consent: true,
        ..ProfileInput::default()
    };
    let p = NewParticipant::parse(input, programme).expect("valid profile");
    let now = chrono::Utc::now().naive_utc();
    db.write(|c| {
        let id = participants::insert(c, programme.id, &p, ParticipantStatus::Confirmed, now)?;
        if ready {
            let dates = ReadinessDates {
                code_of_conduct_signed: Some(now.date()),
                safeguarding_training: Some(now.date()),
                ..ReadinessDates::default()
            };
            readiness::save(c, id, &dates, now)?;
        }
        Ok::<_, buddymatch::db::DbError>(id)
    })
    .expect("person stored")
}

/// A hand-made match between two stored people that both accepted at `at`; returns its id.
pub fn live_match_of(
    db: &Db,
    programme_id: i32,
    seeker_id: i32,
    buddy_id: i32,
    at: NaiveDateTime,
) -> i32 {
    use buddymatch::db::matches::{self, NewManualMatch};
    use buddymatch::domain::MatchStatus;

    db.write(|c| {
        let id = matches::insert_manual(
            c,
            &NewManualMatch {
                programme_id,
                seeker_id,
                buddy_id,
                score: 700,
                reasons_json: "[]",
            },
            at,
        )?;
        matches::transition(
            c,
            id,
            MatchStatus::Proposed,
            MatchStatus::Approved,
            None,
            None,
            at,
        )?;
        answers::accept(c, id, Side::Seeker, at)?;
        answers::accept(c, id, Side::Buddy, at)?;
        answers::activate(c, id, at)?;
        Ok::<_, buddymatch::db::DbError>(id)
    })
    .expect("live match stored")
}
