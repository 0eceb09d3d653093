//! Unit tests of reading a participant's profile at the edge (and the programme they share).

use super::*;
use crate::domain::{Area, PhoneRegion};

pub(crate) fn programme() -> Programme {
    Programme {
        id: 1,
        slug: "demo".into(),
        name: "Demo".into(),
        local_language: "de".into(),
        areas: vec![Area {
            slug: "centre".into(),
            name: "Centre".into(),
            lat: 51.34,
            lon: 12.37,
        }],
        interests: vec!["allotment".into()],
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

pub(crate) fn valid_input() -> ProfileInput {
    ProfileInput {
        first_name: "Amal".into(),
        last_name: "K.".into(),
        email: "Amal@Example.org".into(),
        message_language: "ar".into(),
        role: "arriving".into(),
        languages: vec![
            LanguageInput {
                code: "ar".into(),
                level: "native".into(),
            },
            LanguageInput {
                code: "de".into(),
                level: "A2".into(),
            },
            LanguageInput::default(),
        ],
        practise_languages: vec!["de".into()],
        interests: vec!["Cooking".into(), "allotment".into(), "cooking".into()],
        availability: vec!["sat_morning".into(), "wed_evening".into()],
        area: Some("centre".into()),
        learn_domains: vec!["work".into(), "language".into()],
        share_domains: vec!["culture".into()],
        consent: true,
        ..ProfileInput::default()
    }
}

#[test]
fn valid_profile_parses_and_normalises() {
    let p = NewParticipant::parse(valid_input(), &programme()).expect("valid");
    assert_eq!(
        p.email.as_ref().map(Email::as_str),
        Some("amal@example.org")
    );
    assert_eq!(p.languages.len(), 2);
    assert_eq!(p.interests, vec!["allotment", "cooking"]);
    assert_eq!(p.max_travel_km, 5);
    assert_eq!(p.capacity, 1);
    assert_eq!(p.message_language, UiLanguage::Ar);
}

#[test]
fn every_problem_is_reported_at_once() {
    let input = ProfileInput {
        email: "not-an-email".into(),
        role: "tourist".into(),
        capacity: Some(3),
        interests: vec!["skydiving".into()],
        area: Some("moon".into()),
        pref_age_min: Some(50),
        pref_age_max: Some(30),
        ..ProfileInput::default()
    };
    let errors = NewParticipant::parse(input, &programme()).expect_err("invalid");
    for (field, code) in [
        ("first_name", "required"),
        ("email", "invalid_email"),
        ("role", "invalid_choice"),
        ("capacity", "capacity_volunteers_only"),
        ("languages", "no_language"),
        ("interests", "unknown_interest"),
        ("availability", "no_availability"),
        ("area", "unknown_area"),
        ("pref_age_max", "age_range_inverted"),
        ("consent", "consent_required"),
    ] {
        assert_eq!(errors.code_for(field), Some(code), "{field}: {errors}");
    }
}

#[test]
fn duplicate_language_and_bad_level_are_caught() {
    let mut input = valid_input();
    input.languages = vec![
        LanguageInput {
            code: "ar".into(),
            level: "native".into(),
        },
        LanguageInput {
            code: "AR".into(),
            level: "B1".into(),
        },
        LanguageInput {
            code: "de".into(),
            level: "Z9".into(),
        },
    ];
    let errors = NewParticipant::parse(input, &programme()).expect_err("invalid");
    assert_eq!(errors.code_for("languages"), Some("duplicate_language"));
    assert_eq!(errors.code_for("languages.2"), Some("invalid_choice"));
}

#[test]
fn round_trips_through_input() {
    let p = NewParticipant::parse(valid_input(), &programme()).expect("valid");
    assert_eq!(
        NewParticipant::parse(p.to_input(), &programme()).expect("valid"),
        p
    );
}

#[test]
fn gender_codes_read_from_forms() {
    assert_eq!(Gender::from_form(" non_binary "), Ok(Gender::NonBinary));
    assert_eq!(Gender::from_form("female"), Err("invalid_choice"));
    let mut input = valid_input();
    input.gender = Some("female".into());
    input.pref_buddy_gender = Some("non_binary".into());
    let errors = NewParticipant::parse(input, &programme()).expect_err("invalid");
    assert_eq!(errors.code_for("gender"), Some("invalid_choice"));
    assert_eq!(errors.code_for("pref_buddy_gender"), Some("invalid_choice"));
}

#[test]
fn json_rejects_unknown_fields() {
    let err = serde_json::from_str::<ProfileInput>(r#"{"first_name":"A","nationality":"x"}"#);
    assert!(err.is_err());
}

proptest::proptest! {
    #[test]
    fn parse_never_panics(first in ".{0,120}", email in ".{0,40}", cap in proptest::option::of(-5i32..10), km in proptest::option::of(-10i32..200)) {
        let mut input = valid_input();
        input.first_name = first;
        input.email = email;
        input.capacity = cap;
        input.max_travel_km = km;
        let _ = NewParticipant::parse(input, &programme());
    }
}

#[test]
fn a_person_signing_up_gives_an_email_or_a_phone() {
    let mut p = programme();
    let mut input = valid_input();
    input.email = String::new();
    input.phone = None;
    let errors = NewParticipant::parse(input.clone(), &p).expect_err("no way to reach them");
    assert_eq!(errors.code_for("email"), Some("email_or_phone_required"));

    // A coordinator recording a paper form needs neither.
    let paper = NewParticipant::parse_with(input.clone(), &p, Reach::Coordinator).expect("paper");
    assert_eq!((paper.email, paper.phone), (None, None));

    // A phone alone will do, stored in E.164; a local number needs the programme's country.
    input.phone = Some("0151 2345 6789".into());
    let errors = NewParticipant::parse(input.clone(), &p).expect_err("no country");
    assert_eq!(errors.code_for("phone"), Some("invalid_phone"));
    p.phone_region = PhoneRegion::parse("DE").ok();
    let by_phone = NewParticipant::parse(input.clone(), &p).expect("phone only");
    assert_eq!(by_phone.email, None);
    assert_eq!(
        by_phone.phone.as_ref().map(Phone::as_str),
        Some("+4915123456789")
    );
    assert_eq!(by_phone.to_input().phone.as_deref(), Some("+4915123456789"));
    assert_eq!(by_phone.to_input().email, "");

    // A number that cannot be dialled is refused even when an email is given.
    input.email = "amal@example.org".into();
    input.phone = Some("12".into());
    let errors = NewParticipant::parse(input, &p).expect_err("bad phone");
    assert_eq!(errors.code_for("phone"), Some("invalid_phone"));
    assert_eq!(errors.code_for("email"), None);
}
