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
    assert!(db
        .run(&["demo", "--seekers", "10", "--buddies", "5", "--seed", "3"])
        .status
        .success());

    let again = db.run(&["demo", "--seekers", "20", "--buddies", "5", "--seed", "3"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("use another --seed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(db.rows("demo").len(), 15);

    // Another seed adds more people to the same programme.
    assert!(db
        .run(&["demo", "--seekers", "4", "--buddies", "2", "--seed", "4"])
        .status
        .success());
    assert_eq!(db.rows("demo").len(), 21);
}
