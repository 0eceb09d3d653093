//! `buddymatch demo`: counts, determinism, refusal to add the same people twice.

use crate::cli_support::{stderr, stdout, CliDb};

#[test]
fn demo_adds_the_requested_seekers_and_buddies_confirmed() {
    // Arrange
    let db = CliDb::new();

    // Act
    let out = db.run(&[
        "demo",
        "--programme",
        "leipzig",
        "--seekers",
        "60",
        "--buddies",
        "40",
        "--seed",
        "5",
    ]);

    // Assert
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("added 60 seekers and 40 buddies to programme leipzig"),
        "{}",
        stdout(&out)
    );
    let rows = db.rows("leipzig");
    assert_eq!(rows.len(), 100);
    let seekers = rows
        .iter()
        .filter(|r| r["role"] == "arriving" && r["volunteer"] == false)
        .count();
    assert_eq!(seekers, 60);
    assert!(rows.iter().all(|r| r["status"] == "confirmed"));
    assert!(rows.iter().all(|r| r["email"]
        .as_str()
        .is_some_and(|e| e.ends_with(".leipzig@example.org"))));
    assert!(
        rows.iter().any(|r| r["waiting_days"].as_i64() > Some(30)),
        "some people have waited a while"
    );
    assert!(rows
        .iter()
        .all(|r| (1..=3).contains(&r["capacity"].as_i64().unwrap_or(0))));
}

#[test]
fn the_same_seed_gives_the_same_people_and_another_seed_does_not() {
    let a = CliDb::new();
    let b = CliDb::new();
    let c = CliDb::new();
    let args = |seed: &'static str| {
        [
            "demo",
            "--programme",
            "demo",
            "--seekers",
            "80",
            "--buddies",
            "50",
            "--seed",
            seed,
        ]
    };

    for (db, seed) in [(&a, "11"), (&b, "11"), (&c, "12")] {
        let out = db.run(&args(seed));
        assert!(out.status.success(), "{}", stderr(&out));
    }

    assert_eq!(a.rows("demo").len(), 130);
    assert_eq!(a.digest("demo"), b.digest("demo"));
    assert_ne!(a.digest("demo"), c.digest("demo"));
}

#[test]
fn demo_twice_with_one_seed_is_refused_and_adds_nothing() {
    let db = CliDb::new();
    let first = db.run(&["demo", "--seekers", "10", "--buddies", "5", "--seed", "3"]);
    assert!(first.status.success(), "first run: {}", stderr(&first));

    let again = db.run(&["demo", "--seekers", "20", "--buddies", "5", "--seed", "3"]);
    assert!(!again.status.success(), "second run: {}", stdout(&again));
    assert!(
        stderr(&again).contains("use another --seed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(db.rows("demo").len(), 15);

    // Another seed adds more people to the same programme.
    let other = db.run(&["demo", "--seekers", "4", "--buddies", "2", "--seed", "4"]);
    assert!(other.status.success(), "another seed: {}", stderr(&other));
    assert_eq!(db.rows("demo").len(), 21);
}

#[test]
fn batch_store_matches_single_insert() {
    use buddymatch::cli::demo::store_all;
    use buddymatch::db::schema::{consents, role_history};
    use buddymatch::db::{participants, programmes, DbError};
    use buddymatch::domain::{NewParticipant, ParticipantStatus};
    use chrono::Datelike;
    use diesel::prelude::*;

    let cli = CliDb::new();
    let db = cli.db();
    let now = chrono::Utc::now().naive_utc();
    let (a, b) = db
        .write(|conn| {
            Ok::<_, DbError>((
                programmes::ensure_demo(conn, "batch")?,
                programmes::ensure_demo(conn, "single")?,
            ))
        })
        .expect("programmes");
    let people: Vec<_> = buddymatch::population::generate(&a, 40, 30, 9, now.year())
        .into_iter()
        .map(|mut s| {
            s.waiting_days = 0;
            s.safeguarding_cleared = false;
            (
                NewParticipant::parse(s.input.clone(), &a).expect("valid"),
                s,
            )
        })
        .collect();

    db.write(|conn| {
        store_all(conn, a.id, &people, now)?;
        for (p, _) in &people {
            participants::insert(conn, b.id, p, ParticipantStatus::Confirmed, now)?;
        }
        Ok::<_, DbError>(())
    })
    .expect("stored");

    let batch = cli.rows("batch");
    assert_eq!(batch.len(), 70);
    assert_eq!(batch, cli.rows("single"));
    let mut conn = db.get().expect("connection");
    let histories: i64 = role_history::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    let consent_rows: i64 = consents::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    assert_eq!((histories, consent_rows), (140, 140));
}
