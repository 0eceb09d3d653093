//! Properties of the small value types of `matching::compat` (language code and level,
//! availability slots, integration domains, gender): every code parses back to its value,
//! serde uses the same codes, and the bit sets agree with their lists. The service stores and
//! shows these codes, so they are part of its external behaviour.

use matching::compat::{Domain, Domains, Gender, Lang, Level, Slots};
use proptest::prelude::*;

#[test]
fn codes_are_the_stored_strings() {
    let levels: Vec<&str> = Level::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(levels, ["A1", "A2", "B1", "B2", "C1", "C2", "native"]);
    let domains: Vec<&str> = Domain::ALL.iter().map(|d| d.code()).collect();
    assert_eq!(
        domains,
        [
            "work",
            "housing",
            "education",
            "health_and_social_care",
            "leisure",
            "language",
            "culture",
            "digital_skills",
            "rights_and_services",
            "safety"
        ]
    );
    let genders: Vec<&str> = Gender::ALL.iter().map(|g| g.code()).collect();
    assert_eq!(genders, ["woman", "man", "non_binary", "prefer_not_to_say"]);
    assert_eq!(Slots::SLOT_NAMES[0], "mon_morning");
    assert_eq!(Slots::SLOT_NAMES[20], "sun_evening");
}

#[test]
fn slot_names_are_day_and_part() {
    for (day, d) in Slots::DAYS.iter().enumerate() {
        for (part, p) in Slots::PARTS.iter().enumerate() {
            let name = format!("{d}_{p}");
            assert_eq!(Slots::SLOT_NAMES[day * 3 + part], name);
            let (day, part) = (
                u8::try_from(day).expect("valid"),
                u8::try_from(part).expect("valid"),
            );
            assert_eq!(
                Slots::from_names([name.as_str()]),
                Ok(Slots::new().with(day, part))
            );
        }
    }
}

#[test]
fn serde_uses_the_codes() {
    let json = serde_json::to_string(&(
        Lang::parse("uk").expect("valid"),
        Level::Native,
        Domain::DigitalSkills,
        Gender::NonBinary,
    ))
    .expect("valid");
    assert_eq!(json, r#"["uk","native","digital_skills","non_binary"]"#);
    let ds = Domains::new().with(Domain::Safety).with(Domain::Work);
    assert_eq!(
        serde_json::to_string(&ds).expect("valid"),
        r#"["work","safety"]"#
    );
    assert_eq!(
        serde_json::to_string(&Slots::from_bits(5)).expect("valid"),
        "5"
    );
    // Level codes are exact in JSON (only `Level::parse` is lenient about case).
    assert!(serde_json::from_str::<Level>(r#""b2""#).is_err());
    assert!(serde_json::from_str::<Lang>(r#""arabic""#).is_err());
    assert!(serde_json::from_str::<Domains>(r#"["religion"]"#).is_err());
}

proptest! {
    #[test]
    fn slot_names_round_trip(bits in 0u32..(1 << 21)) {
        let s = Slots::from_bits(bits);
        prop_assert_eq!(Slots::from_names(s.slot_names()), Ok(s));
        prop_assert_eq!(s.slot_names().len(), s.count() as usize);
    }

    #[test]
    fn lang_accepts_two_or_three_letters_any_case(code in "[a-zA-Z]{2,3}", pad in " {0,2}") {
        let lang = Lang::parse(&format!("{pad}{code}{pad}")).expect("valid");
        prop_assert_eq!(lang.as_str(), code.to_ascii_lowercase());
        let json = serde_json::to_string(&lang).expect("valid");
        prop_assert_eq!(serde_json::from_str::<Lang>(&json).expect("valid"), lang);
    }

    #[test]
    fn lang_rejects_anything_else(raw in "\\PC{0,6}") {
        let t = raw.trim();
        let letters = (2..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphabetic());
        prop_assert_eq!(Lang::parse(&raw).is_ok(), letters);
    }

    #[test]
    fn lang_order_is_code_order(a in "[a-z]{2,3}", b in "[a-z]{2,3}") {
        let (la, lb) = (Lang::parse(&a).expect("valid"), Lang::parse(&b).expect("valid"));
        prop_assert_eq!(la.cmp(&lb), a.cmp(&b));
    }

    #[test]
    fn level_parse_is_case_blind_and_ordered(i in 0usize..7, j in 0usize..7, upper in any::<bool>()) {
        let (a, b) = (Level::ALL[i], Level::ALL[j]);
        let code = if upper { a.code().to_ascii_uppercase() } else { a.code().to_ascii_lowercase() };
        prop_assert_eq!(Level::parse(&code), Ok(a));
        prop_assert_eq!(a.cmp(&b), i.cmp(&j));
        prop_assert_eq!(usize::from(a.rank()), i);
        let json = serde_json::to_string(&a).expect("valid");
        prop_assert_eq!(serde_json::from_str::<Level>(&json).expect("valid"), a);
    }

    #[test]
    fn domains_agree_with_their_list(picks in proptest::collection::vec(0usize..10, 0..12)) {
        let list: Vec<Domain> = picks.iter().map(|&i| Domain::ALL[i]).collect();
        let set: Domains = list.iter().copied().collect();
        let mut sorted = list.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(set.iter().collect::<Vec<_>>(), sorted.clone());
        prop_assert_eq!(set.count() as usize, sorted.len());
        let codes: Vec<&str> = list.iter().map(|d| d.code()).collect();
        prop_assert_eq!(Domains::parse(codes), Ok(set));
        let json = serde_json::to_string(&set).expect("valid");
        prop_assert_eq!(serde_json::from_str::<Domains>(&json).expect("valid"), set);
    }

    #[test]
    fn gender_codes_round_trip(i in 0usize..4, pad in " {0,2}") {
        let g = Gender::ALL[i];
        prop_assert_eq!(Gender::parse(&format!("{pad}{}{pad}", g.code())), Ok(g));
        let json = serde_json::to_string(&g).expect("valid");
        prop_assert_eq!(serde_json::from_str::<Gender>(&json).expect("valid"), g);
    }
}
