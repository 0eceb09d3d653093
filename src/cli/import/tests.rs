//! Tests of the CSV import: valid rows, every problem reported with its row, header problems,
//! the example file.

use super::*;
use crate::db::programmes::demo_areas;
use crate::domain::Phone;

fn programme() -> Programme {
    Programme {
        id: 1,
        slug: "demo".into(),
        name: "Demo".into(),
        local_language: "de".into(),
        areas: demo_areas(),
        interests: vec![],
        checkin_every_days: 14,
        response_days: 7,
        unconfirmed_days: 14,
        retention_months: 24,
        archived_at: None,
        phone_region: None,
        translations: crate::domain::programme::Translations::default(),
        weights_json: "{}".into(),
    }
}

const HEADER: &str = "first_name,last_name,email,role,volunteer,capacity,languages,interests,availability,area,household_members,consent\n";

fn rejected(csv: &str) -> Vec<String> {
    match parse_csv(csv.as_bytes(), &programme()) {
        Err(ImportError::Rejected(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected rejection, got {other:?}"),
    }
}

#[test]
fn valid_rows_parse_with_lists_languages_and_households() {
    let csv = format!(
            "\u{feff}{HEADER}Amal,K.,amal@example.org,arriving,no,,ar:native;de:A2,cooking;Board Games,sat_morning;wed_evening,gohlis,Sami:2016;Lina,yes\n\
             Jonas,M.,jonas@example.org,receiving,yes,3,\"de:native, en:C1\",\"music, chess\",mon_evening,,,1\n\
             ,,,,,,,,,,,\n"
        );
    let rows = parse_csv(csv.as_bytes(), &programme()).expect("valid");
    assert_eq!(rows.len(), 2);
    let (row, amal) = &rows[0];
    assert_eq!(*row, 2);
    assert_eq!(amal.languages.len(), 2);
    assert_eq!(amal.interests, vec!["board_games", "cooking"]);
    assert_eq!(amal.household_members.len(), 2);
    assert_eq!(amal.household_members[0].birth_year, Some(2016));
    assert_eq!(amal.area.as_deref(), Some("gohlis"));
    let (row, jonas) = &rows[1];
    assert_eq!(*row, 3);
    assert_eq!(jonas.capacity, 3);
    assert!(jonas.volunteer);
    assert_eq!(jonas.languages.len(), 2);
}

#[test]
fn every_problem_is_reported_with_its_row() {
    let csv = format!(
        "{HEADER}Amal,K.,amal@example.org,arriving,no,,ar:native,cooking,sat_morning,gohlis,,yes\n\
             Omar,,not-an-email,arriving,maybe,two,ar,skydiving,sat_morning,moon,Sami:20x6,no\n\
             Lena,,AMAL@example.org,receiving,yes,,de:native,,mon_evening,,,yes\n\
             Ivan,,ivan@example.org,tourist,no,,uk:Z9,,,,,yes\n"
    );
    let errors = rejected(&csv);
    for expected in [
        "row 3, email: This is not a valid email address. (`not-an-email`)",
        "row 3, volunteer: expected yes or no, not `maybe`",
        "row 3, capacity: expected a whole number, not `two`",
        "row 3, languages: `ar` needs a level, like `ar:native` or `de:B1`",
        "row 3, interests: This interest is not in the list. (`skydiving`)",
        "row 3, area: This area is not in this programme's list. (`moon`)",
        "row 3, household_members: `Sami:20x6`: the birth year must be a number, like `Sami:2016`",
        "row 3, consent: must be yes: the person has agreed to the privacy notice",
        "row 4, email: amal@example.org is already on row 2",
        "row 5, role: This is not one of the allowed choices. (`tourist`)",
        "row 5, languages: This is not one of the allowed choices. (item 1: `uk:Z9`)",
        "row 5, availability: Choose at least one time when you are free.",
    ] {
        assert!(
            errors.iter().any(|e| e == expected),
            "missing `{expected}` in {errors:#?}"
        );
    }
    assert!(
        !errors.iter().any(|e| e.starts_with("row 2")),
        "{errors:#?}"
    );
}

#[test]
fn header_problems_are_row_one() {
    let errors = rejected("first_name,nationality,email,email\nA,x,a@example.org,a@example.org\n");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("row 1, nationality: unknown column")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e == "row 1, email: this column appears twice"),
        "{errors:?}"
    );
    let errors = rejected("first_name;email;role\nA;a@example.org;arriving\n");
    assert!(errors[0].contains("semicolon-separated"), "{errors:?}");
    assert_eq!(
        rejected(""),
        vec!["row 1: the file is empty; it needs a header row"]
    );
}

#[test]
fn the_example_file_is_valid() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/import-example.csv"
    ))
    .expect("example file");
    let rows = parse_csv(&bytes, &programme()).unwrap_or_else(|e| match e {
        ImportError::Rejected(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
        other => panic!("{other}"),
    });
    assert!(rows.len() >= 5);
}

#[test]
fn people_without_email_are_taken_from_a_coordinators_list() {
    let csv = "first_name,email,phone,role,languages,availability,consent\n\
               Amal,,+49 30 1234567,arriving,ar:native,mon_evening,yes\n\
               Omar,,,arriving,ar:native,mon_evening,yes\n\
               Lina,,,arriving,ar:native,mon_evening,yes\n";
    let rows = parse_csv(csv.as_bytes(), &programme()).expect("valid");
    assert_eq!(rows.len(), 3, "no email is not a duplicate email");
    assert_eq!(
        rows[0].1.phone.as_ref().map(Phone::as_str),
        Some("+49301234567")
    );
    assert!(rows.iter().all(|(_, p)| p.email.is_none()));
    assert_eq!(rows[1].1.phone, None);
}
