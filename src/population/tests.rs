//! Tests of the generator: determinism, counts, every profile parsing, the mix of a city.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::db::programmes::demo_areas;
use crate::domain::{LanguageLevel, NewParticipant, Role};

fn programme(slug: &str) -> Programme {
    Programme {
        id: 1,
        slug: slug.into(),
        name: "Demo".into(),
        local_language: "de".into(),
        areas: demo_areas(),
        interests: vec!["allotment_gardening".into()],
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

const YEAR: i32 = 2026;

#[test]
fn same_seed_same_people_and_more_people_extend() {
    let p = programme("demo");
    let a = generate(&p, 300, 200, 7, YEAR);
    let b = generate(&p, 300, 200, 7, YEAR);
    assert_eq!(a, b);
    let more = generate(&p, 400, 250, 7, YEAR);
    assert_eq!(&more[..300], &a[..300]);
    assert_eq!(&more[400..600], &a[300..]);
    let other = generate(&p, 300, 200, 8, YEAR);
    assert_ne!(a, other);
    assert!(
        a.iter()
            .zip(&other)
            .filter(|(x, y)| x.input == y.input)
            .count()
            < 5
    );
}

#[test]
fn counts_and_sides_are_right() {
    let people = generate(&programme("demo"), 123, 45, 1, YEAR);
    assert_eq!(people.len(), 168);
    assert!(people[..123]
        .iter()
        .all(|s| s.side == Side::Seeker && s.input.role == "arriving" && !s.input.volunteer));
    assert!(people[123..].iter().all(|s| s.side == Side::Buddy));
    assert!(generate(&programme("demo"), 0, 0, 1, YEAR).is_empty());
}

#[test]
fn every_profile_parses_and_emails_are_unique_and_fake() {
    let p = programme("demo");
    let people = generate(&p, 3000, 2400, 42, YEAR);
    let mut emails = HashSet::new();
    for s in &people {
        let parsed = NewParticipant::parse(s.input.clone(), &p)
            .unwrap_or_else(|e| panic!("{}: {e}", s.input.email));
        let email = parsed.email.as_ref().map(|e| e.as_str().to_owned());
        let email = email.unwrap_or_else(|| panic!("{}: no email", s.input.first_name));
        assert!(email.ends_with(".demo@example.org"), "{email}");
        assert!(emails.insert(email.clone()), "duplicate {email}");
        assert!((1..=3).contains(&parsed.capacity));
        if parsed.capacity > 1 {
            assert!(parsed.volunteer);
        }
    }
    // Same index and seed, other programme: other emails.
    let q = generate(&programme("leipzig"), 1, 0, 42, YEAR);
    assert!(!emails.contains(&q[0].input.email));
    assert!(q[0].input.email.ends_with(".leipzig@example.org"));
}

#[test]
fn the_mix_looks_like_a_city() {
    let p = programme("demo");
    let people = generate(&p, 5000, 4000, 3, YEAR);
    let (seekers, buddies) = people.split_at(5000);
    let share = |xs: &[Synthetic], f: &dyn Fn(&Synthetic) -> bool| {
        xs.iter().filter(|s| f(s)).count() as f64 / xs.len() as f64
    };

    // Buddies: the local language is common (native or good), English is widespread.
    let speaks = |s: &Synthetic, code: &str| s.input.languages.iter().any(|l| l.code == code);
    let good_local = |s: &Synthetic| {
        s.input.languages.iter().any(|l| {
            l.code == "de" && LanguageLevel::parse(&l.level).is_ok_and(|lv| lv >= LanguageLevel::B1)
        })
    };
    assert!(share(buddies, &good_local) > 0.97);
    assert!(share(buddies, &|s| speaks(s, "en")) > 0.5);
    assert!(share(buddies, &|s| s.input.volunteer) > 0.85);
    assert!(
        share(buddies, &|s| s.input.volunteer
            && s.input.role == "arriving")
            > 0.05
    );
    assert!(share(buddies, &|s| s.safeguarding_cleared) > 0.08);

    // Seekers: many first languages, mostly learning the local language.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for s in seekers {
        let native = s
            .input
            .languages
            .iter()
            .find(|l| l.level == "native")
            .map(|l| l.code.as_str())
            .unwrap_or("");
        *first.entry(native).or_default() += 1;
    }
    for code in [
        "ar", "uk", "fa", "prs", "ps", "ti", "so", "tr", "ru", "ku", "ro", "es", "fr", "en",
    ] {
        assert!(
            first.get(code).copied().unwrap_or(0) > 30,
            "{code}: {first:?}"
        );
    }
    assert!(
        share(seekers, &|s| s
            .input
            .practise_languages
            .iter()
            .any(|c| c == "de"))
            > 0.8
    );
    assert!(share(seekers, &|s| s.input.household_children.unwrap_or(0) > 0) > 0.2);
    let minors = share(seekers, &|s| s.input.is_minor);
    assert!((0.01..0.06).contains(&minors), "{minors}");
    let mornings = |s: &Synthetic| s.input.availability.iter().any(|a| a.ends_with("_morning"));
    assert!(share(seekers, &mornings) > 0.2);
    assert!(share(seekers, &|s| s.waiting_days > 60) > 0.2);
    for s in &people {
        let role = Role::parse(&s.input.role).expect("role");
        assert_eq!(
            role == Role::Arriving && !s.input.volunteer,
            s.side == Side::Seeker
        );
    }
}

#[test]
fn works_for_a_programme_without_areas_in_another_language() {
    let mut p = programme("lyon-binomes");
    p.local_language = "fr".into();
    p.areas.clear();
    for s in generate(&p, 400, 300, 9, YEAR) {
        assert_eq!(s.input.area, None);
        NewParticipant::parse(s.input.clone(), &p).unwrap_or_else(|e| panic!("{e}"));
    }
}
