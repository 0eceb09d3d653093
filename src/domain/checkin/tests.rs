//! Tests of the check-in answer parser: required fields, known codes, ratings, pause and end, the
//! note, every problem reported at once, the JSON names.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default()
}

fn valid() -> CheckinInput {
    CheckinInput {
        side: "seeker".into(),
        met: "several".into(),
        met_how: vec!["in_person".into(), "phone".into()],
        going: Some(4),
        trust: Some(5),
        gave: vec!["culture".into()],
        received: vec!["language".into(), "housing".into()],
        go_on: "yes".into(),
        ..CheckinInput::default()
    }
}

fn codes(input: &CheckinInput) -> Vec<(String, &'static str)> {
    CheckinAnswer::parse(input, today())
        .err()
        .map(|e| e.errors.into_iter().map(|f| (f.field, f.code)).collect())
        .unwrap_or_default()
}

fn one(field: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(field.to_owned(), code)]
}

#[test]
fn valid_check_in_parses() {
    let a = CheckinAnswer::parse(&valid(), today()).expect("valid");
    assert_eq!(a.side, Side::Seeker);
    assert_eq!(a.met, Met::Several);
    assert_eq!(a.met_how, vec![MetHow::InPerson, MetHow::Phone]);
    assert_eq!((a.going, a.trust), (4, 5));
    assert!(a.gave.contains(IntegrationDomain::Culture));
    assert_eq!(a.received.count(), 2);
    assert_eq!(a.go_on, GoOnAnswer::Yes);
    assert_eq!(a.go_on.go_on(), GoOn::Yes);
    assert_eq!(a.note, None);
    assert_eq!((a.belonging, a.conversation), (None, None));
    assert!(!a.carry_on_without_programme && !a.wants_to_volunteer);
}

#[test]
fn empty_input_names_every_required_field() {
    let fields: Vec<String> = codes(&CheckinInput::default())
        .into_iter()
        .map(|(f, c)| {
            assert_eq!(c, "required");
            f
        })
        .collect();
    assert_eq!(fields, ["side", "met", "going", "trust", "continue"]);
}

#[test]
fn codes_must_be_known() {
    for (field, set) in [
        (
            "side",
            (|i: &mut CheckinInput| i.side = "partner".into()) as fn(&mut _),
        ),
        ("met", |i| i.met = "often".into()),
        ("continue", |i| i.go_on = "maybe".into()),
        ("met_how", |i| i.met_how.push("letter".into())),
        ("gave", |i| i.gave.push("religion".into())),
        ("received", |i| i.received = vec!["x".into(), "y".into()]),
    ] {
        let mut input = valid();
        set(&mut input);
        assert_eq!(codes(&input), one(field, "invalid_choice"), "{field}");
    }
}

#[test]
fn codes_are_trimmed_and_lists_deduplicated() {
    let mut input = valid();
    input.side = " buddy ".into();
    input.met_how = vec!["phone".into(), " ".into(), "phone".into(), "online".into()];
    input.gave = vec!["work".into(), "work".into(), String::new()];
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!(a.side, Side::Buddy);
    assert_eq!(a.met_how, vec![MetHow::Online, MetHow::Phone]);
    assert_eq!(a.gave.count(), 1);
}

#[test]
fn how_is_dropped_when_they_did_not_meet() {
    let mut input = valid();
    input.met = "none".into();
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert!(a.met_how.is_empty());
}

#[test]
fn ratings_run_from_one_to_five() {
    for field in ["going", "trust", "belonging", "conversation"] {
        for (value, ok) in [
            (0, false),
            (1, true),
            (5, true),
            (6, false),
            (-3, false),
            (300, false),
        ] {
            let mut input = valid();
            let slot = match field {
                "going" => &mut input.going,
                "trust" => &mut input.trust,
                "belonging" => &mut input.belonging,
                _ => &mut input.conversation,
            };
            *slot = Some(value);
            let expected = if ok {
                vec![]
            } else {
                one(field, "out_of_range")
            };
            assert_eq!(codes(&input), expected, "{field} = {value}");
        }
    }
    let mut input = valid();
    input.belonging = Some(2);
    input.conversation = Some(5);
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!((a.belonging, a.conversation), (Some(2), Some(5)));
}

#[test]
fn pause_needs_a_date_after_today_within_six_months() {
    let mut input = valid();
    input.go_on = "pause".into();
    assert_eq!(codes(&input), one("pause_until", "required"));
    for (raw, code) in [
        ("  ", Some("required")),
        ("10.04.2026", Some("invalid_date")),
        ("2026-02-30", Some("invalid_date")),
        ("2026-03-10", Some("out_of_range")), // today
        ("2026-03-11", None),
        ("2026-09-10", None), // six months ahead
        ("2026-09-11", Some("out_of_range")),
    ] {
        input.pause_until = Some(raw.into());
        let expected = code.map(|c| one("pause_until", c)).unwrap_or_default();
        assert_eq!(codes(&input), expected, "{raw}");
    }
    input.pause_until = Some(" 2026-04-01 ".into());
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!(
        a.go_on,
        GoOnAnswer::Pause {
            until: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default()
        }
    );
    assert_eq!(a.go_on.go_on(), GoOn::Pause);
}

#[test]
fn end_needs_a_known_reason() {
    let mut input = valid();
    input.go_on = "end".into();
    assert_eq!(codes(&input), one("end_reason", "required"));
    input.end_reason = Some("bored".into());
    assert_eq!(codes(&input), one("end_reason", "invalid_choice"));
    input.end_reason = Some("moved_away".into());
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!(
        a.go_on,
        GoOnAnswer::End {
            reason: CloseReason::MovedAway
        }
    );
    assert_eq!(a.go_on.go_on(), GoOn::End);
}

#[test]
fn date_and_reason_are_ignored_unless_asked_for() {
    let mut input = valid();
    input.pause_until = Some("not a date".into());
    input.end_reason = Some("bored".into());
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!(a.go_on, GoOnAnswer::Yes);
}

#[test]
fn note_is_trimmed_optional_and_limited() {
    let mut input = valid();
    input.note = Some("   \n ".into());
    assert_eq!(
        CheckinAnswer::parse(&input, today()).expect("valid").note,
        None
    );
    input.note = Some("  We met twice.\nAll good. ".into());
    assert_eq!(
        CheckinAnswer::parse(&input, today())
            .expect("valid")
            .note
            .as_deref(),
        Some("We met twice.\nAll good.")
    );
    input.note = Some("ü".repeat(MAX_NOTE_CHARS));
    assert!(CheckinAnswer::parse(&input, today()).is_ok());
    input.note = Some("ü".repeat(MAX_NOTE_CHARS + 1));
    assert_eq!(codes(&input), one("note", "too_long"));
}

#[test]
fn flags_are_carried_over() {
    let mut input = valid();
    input.carry_on_without_programme = true;
    input.wants_to_volunteer = true;
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert!(a.carry_on_without_programme && a.wants_to_volunteer);
}

#[test]
fn every_problem_is_reported_at_once() {
    let input = CheckinInput {
        side: "seeker".into(),
        met: "once".into(),
        met_how: vec!["fax".into()],
        going: Some(9),
        trust: None,
        gave: vec!["nope".into()],
        go_on: "end".into(),
        note: Some("x".repeat(MAX_NOTE_CHARS + 5)),
        belonging: Some(0),
        ..CheckinInput::default()
    };
    let got = codes(&input);
    let expected: Vec<(String, &str)> = [
        ("met_how", "invalid_choice"),
        ("going", "out_of_range"),
        ("trust", "required"),
        ("gave", "invalid_choice"),
        ("end_reason", "required"),
        ("note", "too_long"),
        ("belonging", "out_of_range"),
    ]
    .into_iter()
    .map(|(f, c)| (f.to_owned(), c))
    .collect();
    assert_eq!(got, expected);
}

#[test]
fn json_uses_the_api_names() {
    let input: CheckinInput = serde_json::from_str(
        r#"{"side":"buddy","met":"once","going":3,"trust":4,"gave":["work"],
                "received":[],"continue":"pause","pause_until":"2026-05-01"}"#,
    )
    .expect("json");
    assert_eq!(input.go_on, "pause");
    let a = CheckinAnswer::parse(&input, today()).expect("valid");
    assert_eq!(a.side, Side::Buddy);
    assert!(serde_json::from_str::<CheckinInput>(r#"{"colour":"red"}"#).is_err());
    for h in MetHow::ALL {
        assert_eq!(MetHow::from_form(h.code()), Ok(h));
    }
}

proptest::proptest! {
    #[test]
    fn parse_never_panics(
        side in ".{0,10}", met in ".{0,10}", go_on in ".{0,8}",
        going in proptest::option::of(-5i32..10), trust in proptest::option::of(-5i32..10),
        pause in proptest::option::of("[0-9-]{0,12}"), note in proptest::option::of(".{0,50}"),
    ) {
        let input = CheckinInput {
            side, met, go_on, going, trust, pause_until: pause, note,
            ..CheckinInput::default()
        };
        let _ = CheckinAnswer::parse(&input, today());
    }
}

#[test]
fn exit_answers_need_a_satisfaction_rating() {
    let ok = ExitAnswer::parse(&ExitInput {
        satisfied: Some(5),
        belonging: Some(4),
        wants_to_volunteer: true,
        note: Some("  thanks  ".into()),
    })
    .expect("valid");
    assert_eq!((ok.satisfied, ok.belonging), (5, Some(4)));
    assert_eq!(ok.note.as_deref(), Some("thanks"));
    let bad = ExitAnswer::parse(&ExitInput {
        satisfied: None,
        belonging: Some(7),
        ..ExitInput::default()
    })
    .expect_err("invalid");
    let codes: Vec<(String, &str)> = bad.errors.into_iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        codes,
        [
            ("satisfied".to_owned(), "required"),
            ("belonging".to_owned(), "out_of_range")
        ]
    );
}
