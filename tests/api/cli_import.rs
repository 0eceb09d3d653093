//! `buddymatch import`: all or nothing, every problem with its spreadsheet row number.

use std::path::PathBuf;

use crate::cli_support::{stderr, stdout, CliDb};

fn example() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/docs/import-example.csv").to_owned()
}

fn write(db: &CliDb, name: &str, text: &str) -> PathBuf {
    let path = db.dir.path().join(name);
    std::fs::write(&path, text).expect("write csv");
    path
}

#[test]
fn a_valid_file_is_imported_as_confirmed_participants() {
    let db = CliDb::new();

    let out = db.run(&["import", "--programme", "demo", &example()]);

    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 7 participant(s)"),
        "{}",
        stdout(&out)
    );
    let rows = db.rows("demo");
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r["status"] == "confirmed"));
    let amal = rows
        .iter()
        .find(|r| r["email"] == "amal.haddad@example.org")
        .expect("Amal imported");
    assert_eq!(amal["household_children"], 2);
    assert_eq!(amal["household"].as_array().map(Vec::len), Some(3));
    assert_eq!(amal["area"], "gohlis");
    let jonas = rows
        .iter()
        .find(|r| r["email"] == "jonas.becker@example.org")
        .expect("Jonas imported");
    assert_eq!(jonas["capacity"], 2);
    assert_eq!(jonas["volunteer"], true);
}

#[test]
fn errors_in_rows_3_and_5_are_all_reported_and_nothing_is_stored() {
    let db = CliDb::new();
    let csv = "first_name,email,role,languages,availability,interests,capacity,consent\n\
               Amal,amal@example.org,arriving,ar:native;de:A2,sat_morning,cooking,,yes\n\
               Omar,omar-at-example.org,arriving,ar:native,mon_evening,cooking,,yes\n\
               Lena,lena@example.org,receiving,de:native,mon_evening,music,1,yes\n\
               Ivan,ivan@example.org,arriving,uk:native,,skydiving,,yes\n\
               Sara,sara@example.org,arriving,fa:native,tue_evening,,,yes\n";
    let path = write(&db, "people.csv", csv);

    let out = db.run(&[
        "import",
        "--programme",
        "demo",
        path.to_str().expect("utf-8 path"),
    ]);

    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("row 3, email: This is not a valid email address."),
        "{err}"
    );
    assert!(err.contains("row 5, availability:"), "{err}");
    assert!(err.contains("row 5, interests:"), "{err}");
    assert!(
        !err.contains("row 2,") && !err.contains("row 4,") && !err.contains("row 6,"),
        "{err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert!(db.rows("demo").is_empty());
}

#[test]
fn emails_already_in_the_programme_or_twice_in_the_file_are_refused() {
    let db = CliDb::new();
    assert!(db
        .run(&["import", "--programme", "demo", &example()])
        .status
        .success());

    let again = db.run(&["import", "--programme", "demo", &example()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again)
            .contains("row 2, email: amal.haddad@example.org is already in programme demo"),
        "{}",
        stderr(&again)
    );
    assert_eq!(db.rows("demo").len(), 7);

    let csv = "first_name,email,role,languages,availability,consent\n\
               A,new@example.org,arriving,ar:native,mon_evening,yes\n\
               B,NEW@example.org,arriving,ar:native,mon_evening,yes\n";
    let path = write(&db, "twice.csv", csv);
    let out = db.run(&[
        "import",
        "--programme",
        "demo",
        path.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("row 3, email: new@example.org is already on row 2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(db.rows("demo").len(), 7);
}

#[test]
fn an_unknown_programme_is_an_error_not_a_creation() {
    let db = CliDb::new();
    let out = db.run(&["import", "--programme", "nowhere", &example()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("there is no programme `nowhere`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn people_without_email_are_imported_from_a_coordinators_list() {
    let db = CliDb::new();
    let csv = "first_name,email,phone,role,languages,availability,household_members,consent\n\
               Amal,,0341 1234567,arriving,ar:native,mon_evening,Sami:2016,yes\n\
               Omar,omar@example.org,,arriving,ar:native,mon_evening,,yes\n\
               Lina,,,arriving,fa:native,tue_evening,Nour:2019,yes\n";
    let path = write(&db, "paper.csv", csv);
    let out = db.run(&["import", "--programme", "demo", &path.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = db.rows("demo");
    assert_eq!(rows.len(), 3);
    let by_name = |n: &str| {
        rows.iter()
            .find(|r| r["first_name"] == n)
            .unwrap_or_else(|| panic!("{n} imported"))
    };
    let amal = by_name("Amal");
    assert_eq!(amal["email"], serde_json::Value::Null);
    assert_eq!(
        amal["phone"], "+493411234567",
        "a German local number, in E.164"
    );
    // Each person got their own rows (household, consent) although they share no email.
    assert_eq!(amal["household"], serde_json::json!(["Sami:Some(2016)"]));
    assert_eq!(
        by_name("Lina")["household"],
        serde_json::json!(["Nour:Some(2019)"])
    );
    assert_eq!(by_name("Omar")["email"], "omar@example.org");
}
