//! The participant store on the real backend (SQLite, or PostgreSQL with TEST_DATABASE_URL).

use buddymatch::db::participants;
use buddymatch::db::people::{self, PeopleFilter as ListFilter};
use buddymatch::db::{programmes, DbError};
use buddymatch::domain::{LanguageInput, NewParticipant, ParticipantStatus, ProfileInput, Role};

use crate::helpers::spawn_app;

pub fn profile(first_name: &str, email: &str, role: &str) -> ProfileInput {
    ProfileInput {
        first_name: first_name.into(),
        last_name: "Test".into(),
        email: email.into(),
        message_language: "de".into(),
        role: role.into(),
        volunteer: role == "receiving",
        languages: vec![LanguageInput {
            code: "de".into(),
            level: "native".into(),
        }],
        interests: vec!["chess".into()],
        availability: vec!["mon_evening".into()],
        area: Some("zentrum".into()),
        consent: true,
        ..ProfileInput::default()
    }
}

#[tokio::test]
async fn participants_round_trip_list_update_delete() {
    let app = spawn_app().await;
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || -> Result<(), DbError> {
        let now = chrono::Utc::now().naive_utc();
        let programme =
            programmes::by_slug(&mut *db.get()?, "demo")?.expect("demo programme made on start");
        let mut input = profile("Olena", "olena@example.org", "arriving");
        input.household_members = vec![buddymatch::domain::HouseholdMemberInput {
            first_name: "Ira".into(),
            birth_year: Some(2015),
        }];
        let p = NewParticipant::parse(input.clone(), &programme).expect("valid");
        let id = db.write(|c| {
            participants::insert(c, programme.id, &p, ParticipantStatus::Pending, now)
        })?;
        for i in 0..5 {
            let q = NewParticipant::parse(
                profile(
                    &format!("Buddy{i}"),
                    &format!("b{i}@example.org"),
                    "receiving",
                ),
                &programme,
            )
            .expect("valid");
            db.write(|c| {
                participants::insert(c, programme.id, &q, ParticipantStatus::Confirmed, now)
            })?;
        }
        // The same email again in the same programme is refused by the database.
        assert!(db
            .write(|c| participants::insert(c, programme.id, &p, ParticipantStatus::Pending, now))
            .is_err());

        let conn = &mut db.get()?;
        let stored = participants::find(conn, id)?.expect("stored");
        let mut back = stored.to_profile_input()?;
        back.household_members = participants::household(conn, id)?;
        assert_eq!(
            NewParticipant::parse(back, &programme).expect("still valid"),
            p
        );
        assert_eq!(stored.status, ParticipantStatus::Pending);

        let filter = ListFilter {
            role: Some(Role::Receiving),
            ..ListFilter::default()
        };
        let (page1, total) = people::list(
            conn,
            programme.id,
            &filter,
            1,
            2,
            chrono::Utc::now().naive_utc(),
        )?;
        assert_eq!((page1.len(), total), (2, 5));
        let (page3, _) = people::list(
            conn,
            programme.id,
            &filter,
            3,
            2,
            chrono::Utc::now().naive_utc(),
        )?;
        assert_eq!(page3.len(), 1);
        let search = ListFilter {
            query: Some("OLE".into()),
            ..ListFilter::default()
        };
        assert_eq!(
            people::list(
                conn,
                programme.id,
                &search,
                1,
                10,
                chrono::Utc::now().naive_utc()
            )?
            .1,
            1
        );
        let underscore = ListFilter {
            query: Some("_".into()),
            ..ListFilter::default()
        };
        assert_eq!(
            people::list(
                conn,
                programme.id,
                &underscore,
                1,
                10,
                chrono::Utc::now().naive_utc()
            )?
            .1,
            0,
            "LIKE wildcards are escaped"
        );

        let mut changed = input;
        changed.role = "receiving".into();
        changed.volunteer = true;
        let changed = NewParticipant::parse(changed, &programme).expect("valid");
        assert_eq!(
            db.write(|c| participants::update(c, id, &changed, now))?,
            participants::Updated::Stored
        );
        assert_eq!(
            participants::find(&mut *db.get()?, id)?
                .expect("there")
                .role,
            "receiving"
        );
        assert!(db.write(|c| participants::set_status(
            c,
            id,
            ParticipantStatus::Confirmed,
            now
        ))?);
        assert!(db.write(|c| participants::delete(c, id))?);
        assert!(participants::find(&mut *db.get()?, id)?.is_none());
        assert!(!db.write(|c| participants::delete(c, id))?);
        Ok(())
    })
    .await
    .expect("no panic")
    .expect("storage works");
}
