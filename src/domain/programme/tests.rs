//! Tests of the programme settings: slugs and area ids, parsing the settings form, every problem
//! by field, the form text of a programme parsing back to it.

use super::*;

fn input() -> SettingsInput {
    SettingsInput {
            name: " Lyon buddies ".into(),
            local_language: "FR".into(),
            areas: "Presqu'île; 45.7640; 4.8357\n\n  Croix-Rousse; 45,7745; 4,8320 \nVaise; 45.77; 4.80; vaise-ouest"
                .into(),
            interests: "Repair café\nboules\nboules".into(),
            ..SettingsInput::defaults()
        }
}

#[test]
fn slugs() {
    assert_eq!(
        ProgrammeSlug::parse(" Leipzig-2026 ").map(|s| s.0),
        Ok("leipzig-2026".into())
    );
    assert_eq!(ProgrammeSlug::parse(""), Err("required"));
    for bad in ["a", "-ab", "ab-", "a b", "ab_c", "münchen", &"a".repeat(41)] {
        assert_eq!(ProgrammeSlug::parse(bad), Err("invalid_slug"), "{bad}");
    }
    assert!(ProgrammeSlug::parse(&"a".repeat(40)).is_ok());
}

#[test]
fn area_ids_from_names() {
    assert_eq!(area_slug_of("Grünau"), "gruenau");
    assert_eq!(area_slug_of("  Presqu'île "), "presqu-ile");
    assert_eq!(area_slug_of("Saint-Étienne (Nord)"), "saint-etienne-nord");
    assert_eq!(area_slug_of("الحي القديم"), "");
}

#[test]
fn valid_settings_parse() {
    let s = ProgrammeSettings::parse(&input(), &Weights::default()).expect("valid");
    assert_eq!(s.name(), "Lyon buddies");
    assert_eq!(s.local_language().as_str(), "fr");
    let slugs: Vec<&str> = s.areas().iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["presqu-ile", "croix-rousse", "vaise-ouest"]);
    assert!((s.areas()[1].lat - 45.7745).abs() < 1e-9, "decimal comma");
    assert_eq!(s.interests(), ["repair_café", "boules"]);
    assert_eq!((s.checkin_every_days(), s.response_days()), (14, 7));
    assert_eq!(s.weights(), &Weights::default());
}

#[test]
fn an_area_name_without_latin_letters_gets_a_numbered_id() {
    let mut i = input();
    i.areas = "الحي القديم; ٣٣٫٥; 36.3".into();
    let s = ProgrammeSettings::parse(&i, &Weights::default()).expect("valid");
    assert_eq!(s.areas()[0].slug, "area-1");
    assert!((s.areas()[0].lat - 33.5).abs() < 1e-9, "Arabic digits");
}

#[test]
fn every_problem_is_reported_by_field() {
    let i = SettingsInput {
        name: String::new(),
        local_language: "french".into(),
        areas: "A; 91; 4\nB; 45\nC; 45; -181\n; 1; 2\nD; 1; 2; Bad Id\nE; 1; 2\ne; 3; 4".into(),
        interests: "ok\nnot ok!".into(),
        checkin_every_days: "0".into(),
        response_days: "x".into(),
        unconfirmed_days: "3".into(),
        retention_months: "0".into(),
        weights: vec![("language".into(), "-3".into())],
        translations: Vec::new(),
        phone_region: "XX".into(),
    };
    let e = ProgrammeSettings::parse(&i, &Weights::default()).expect_err("invalid");
    let got: Vec<(&str, &str)> = e
        .errors
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        got,
        [
            ("name", "required"),
            ("local_language", "invalid_choice"),
            ("areas.0", "invalid_latitude"),
            ("areas.1", "area_format"),
            ("areas.2", "invalid_longitude"),
            ("areas.3", "area_name_required"),
            ("areas.4", "invalid_area_id"),
            ("areas.6", "duplicate_area"),
            ("interests.1", "invalid_interest"),
            ("checkin_every_days", "out_of_range"),
            ("response_days", "invalid_number"),
            ("unconfirmed_days", "out_of_range"),
            ("retention_months", "out_of_range"),
            ("phone_region", "invalid_phone_region"),
            ("weights.language", "out_of_range"),
        ]
    );
}

#[test]
fn no_area_at_all_is_one_problem() {
    let mut i = input();
    i.areas = "\n  \n".into();
    let e = ProgrammeSettings::parse(&i, &Weights::default()).expect_err("invalid");
    assert_eq!(e.code_for("areas"), Some("no_area"));
}

#[test]
fn the_form_text_of_a_programme_parses_back_to_it() {
    let p = Programme {
        id: 1,
        slug: "demo".into(),
        name: "Demo".into(),
        local_language: "de".into(),
        areas: vec![
            Area {
                slug: "gruenau".into(),
                name: "Grünau".into(),
                lat: 51.32,
                lon: 12.287,
            },
            Area {
                slug: "zentrum".into(),
                name: "Stadtmitte".into(),
                lat: 51.3397,
                lon: 12.3731,
            },
        ],
        interests: vec!["repair_cafe".into()],
        checkin_every_days: 21,
        response_days: 10,
        unconfirmed_days: 14,
        retention_months: 24,
        archived_at: None,
        phone_region: None,
        translations: crate::domain::programme::Translations::default(),
        weights_json: r#"{"age": 5}"#.into(),
    };
    let text = SettingsInput::of(&p);
    assert_eq!(
        text.areas,
        "Grünau; 51.32; 12.287\nStadtmitte; 51.3397; 12.3731; zentrum"
    );
    let s = ProgrammeSettings::parse(&text, &Weights::default()).expect("valid");
    assert_eq!(s.areas(), p.areas.as_slice());
    assert_eq!(s.interests(), p.interests.as_slice());
    assert_eq!((s.checkin_every_days(), s.response_days()), (21, 10));
    assert_eq!(s.weights().age, 5);
    assert!(s.removed_areas(&p).is_empty() && s.removed_interests(&p).is_empty());
}

#[test]
fn the_phone_country_is_optional_and_read_in_either_case() {
    let none = ProgrammeSettings::parse(&input(), &Weights::default()).expect("valid");
    assert_eq!(none.phone_region(), None);
    let mut i = input();
    i.phone_region = " fr ".into();
    let fr = ProgrammeSettings::parse(&i, &Weights::default()).expect("valid");
    assert_eq!(
        fr.phone_region().map(|r| r.code().to_owned()),
        Some("FR".into())
    );
}
