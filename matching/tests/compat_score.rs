//! Hand-checked points for every score component of `matching::compat`, and the JSON shape of
//! explanations.
//!
//! Default budget (weights 25/20/15/10/20/10/0 of 100): language 250, interests 200,
//! availability 150, distance 100, reciprocity 200, practice 100, age 0.

use matching::compat::{
    evaluate, Buddy, Coords, Domain, Evaluation, Explanation, FeatureError, Item, Lang, Level,
    Profile, Reason, Seeker, Side, Slots, Weights,
};

/// German at `level`, Saturday morning, area "mitte".
fn base(level: &str) -> Result<Profile, FeatureError> {
    Ok(Profile::new()
        .speaks("de", level)?
        .slots(["sat_morning"])?
        .area("mitte"))
}

fn explain(seeker: Profile, buddy: Profile, w: &Weights) -> Explanation {
    match evaluate(&Seeker::new(seeker), &Buddy::new(buddy), w) {
        Evaluation::Feasible { explanation } => explanation,
        other => panic!("expected a feasible pair, got {other:?}"),
    }
}

fn points(e: &Explanation, pred: impl Fn(&Reason) -> bool) -> u32 {
    e.items
        .iter()
        .filter(|i| pred(&i.reason))
        .map(|i| i.points)
        .sum()
}

fn de() -> Lang {
    Lang::parse("de").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn minimal_pair_by_hand() -> Result<(), FeatureError> {
    // Language: German at min(B1, native) = B1: (2 - 1 + 1) / (6 - 1 + 1) of 250 = 83.
    // One common slot: 1/4 of 150 = 37. Same area: 0 km of a 10 km radius: 100. Total 220.
    let e = explain(base("B1")?, base("native")?, &Weights::default());
    assert_eq!(
        e.items,
        vec![
            Item {
                reason: Reason::SharedLanguage {
                    lang: de(),
                    level: Level::B1
                },
                points: 83
            },
            Item {
                reason: Reason::CommonSlots { count: 1 },
                points: 37
            },
            Item {
                reason: Reason::DistanceKm { km: 0 },
                points: 100
            },
        ]
    );
    assert_eq!(e.score, 220);
    Ok(())
}

#[test]
fn language_levels() -> Result<(), FeatureError> {
    let w = Weights::default();
    for (level, pts) in [
        ("A2", 41),
        ("B1", 83),
        ("B2", 125),
        ("C1", 166),
        ("C2", 208),
        ("native", 250),
    ] {
        let e = explain(base(level)?, base("native")?, &w);
        assert_eq!(
            points(&e, |r| matches!(r, Reason::SharedLanguage { .. })),
            pts,
            "{level}"
        );
    }
    // The best common language counts, at the lower of the two levels.
    let e = explain(
        base("A2")?.speaks("ar", "native")?,
        base("native")?.speaks("ar", "C1")?,
        &w,
    );
    assert_eq!(
        e.items[0],
        Item {
            reason: Reason::SharedLanguage {
                lang: Lang::parse("ar")?,
                level: Level::C1
            },
            points: 166
        }
    );
    Ok(())
}

#[test]
fn shared_interests_capped_at_three() -> Result<(), FeatureError> {
    let w = Weights::default();
    let e = explain(
        base("B1")?.interests(["chess", "Cooking", "football"]),
        base("native")?.interests(["cooking", "chess", "music"]),
        &w,
    );
    assert!(e.items.contains(&Item {
        reason: Reason::SharedInterests {
            tags: vec!["chess".into(), "cooking".into()]
        },
        points: 133
    }));
    let five = ["a1", "b2", "c3", "d4", "e5"];
    let e = explain(
        base("B1")?.interests(five),
        base("native")?.interests(five),
        &w,
    );
    assert_eq!(
        points(&e, |r| matches!(r, Reason::SharedInterests { .. })),
        200
    );
    Ok(())
}

#[test]
fn common_slots_capped_at_four() -> Result<(), FeatureError> {
    let w = Weights::default();
    for (n, pts) in [(1u8, 37), (2, 75), (3, 112), (4, 150), (7, 150)] {
        let slots = (0..n).fold(Slots::new(), |s, d| s.with(d, 2));
        let e = explain(
            base("B1")?.availability(slots),
            base("native")?.availability(Slots::ALL),
            &w,
        );
        assert!(
            e.items.contains(&Item {
                reason: Reason::CommonSlots {
                    count: u32::from(n)
                },
                points: pts
            }),
            "{n} slots: {e:?}"
        );
    }
    Ok(())
}

#[test]
fn distance_points_shrink_with_distance() -> Result<(), FeatureError> {
    let w = Weights::default();
    let a = Coords::new(52.5, 13.4)?;
    let b = Coords::new(52.518, 13.4)?; // about 2.0 km north
    let metres = (a.distance_km(b) * 1000.0).round() as u32;
    assert!((1990..=2010).contains(&metres), "{metres}");
    let mut s = base("B1")?.coords(a.lat, a.lon)?.max_travel_km(10);
    let mut t = base("native")?.coords(b.lat, b.lon)?.max_travel_km(20);
    s.location.area = None;
    t.location.area = None;
    let e = explain(s, t, &w);
    // Radius min(10, 20) = 10 km: floor(100 * (10000 - d) / 10000) = 80 for d = 2000 m.
    let expected = 100 * (10_000 - metres) / 10_000;
    assert!(e.items.contains(&Item {
        reason: Reason::DistanceKm { km: 2 },
        points: expected
    }));
    Ok(())
}

#[test]
fn online_only_earns_no_distance_points() -> Result<(), FeatureError> {
    let e = explain(
        base("B1")?.area("nord").online_ok(true),
        base("native")?.area("sued").online_ok(true),
        &Weights::default(),
    );
    assert!(e.items.contains(&Item {
        reason: Reason::OnlineOnly,
        points: 0
    }));
    assert_eq!(e.score, 83 + 37);
    Ok(())
}

#[test]
fn reciprocity_in_both_directions() -> Result<(), FeatureError> {
    let w = Weights::default();
    // Seeker learns work from the buddy: l = 1, t = 0: 200 * 1 / 4 = 50.
    let e = explain(
        base("B1")?.learns(["work"])?,
        base("native")?.shares(["work", "housing"])?,
        &w,
    );
    assert!(e.items.contains(&Item {
        reason: Reason::CanLearn {
            domain: Domain::Work
        },
        points: 50
    }));
    // l = 2, t = 1: 200 * 3 / 4 = 150, split 100 (learn, two domains of 50) and 50 (teach).
    let e = explain(
        base("B1")?
            .learns(["work", "housing"])?
            .shares(["culture"])?,
        base("native")?
            .shares(["work", "housing"])?
            .learns(["culture"])?,
        &w,
    );
    let recip: Vec<&Item> = e
        .items
        .iter()
        .filter(|i| matches!(i.reason, Reason::CanLearn { .. } | Reason::CanTeach { .. }))
        .collect();
    assert_eq!(
        recip,
        vec![
            &Item {
                reason: Reason::CanLearn {
                    domain: Domain::Work
                },
                points: 50
            },
            &Item {
                reason: Reason::CanLearn {
                    domain: Domain::Housing
                },
                points: 50
            },
            &Item {
                reason: Reason::CanTeach {
                    domain: Domain::Culture
                },
                points: 50
            },
        ]
    );
    Ok(())
}

#[test]
fn language_practice_in_both_directions() -> Result<(), FeatureError> {
    let w = Weights::default();
    // The seeker practises German, which the buddy speaks natively: half of 100.
    let e = explain(base("B1")?.practises("de")?, base("native")?, &w);
    assert!(e.items.contains(&Item {
        reason: Reason::PractiseLanguage {
            lang: de(),
            learner: Side::Seeker
        },
        points: 50
    }));
    // A B1 speaker does not speak "well" (B2 by default) for practice.
    let e = explain(base("B1")?.practises("de")?, base("B1")?, &w);
    assert_eq!(
        points(&e, |r| matches!(r, Reason::PractiseLanguage { .. })),
        0
    );
    // Both ways: the buddy practises Arabic with a native speaker.
    let e = explain(
        base("B1")?.practises("de")?.speaks("ar", "native")?,
        base("native")?.practises("ar")?,
        &w,
    );
    assert_eq!(
        points(&e, |r| matches!(r, Reason::PractiseLanguage { .. })),
        100
    );
    assert!(e.items.contains(&Item {
        reason: Reason::PractiseLanguage {
            lang: Lang::parse("ar")?,
            learner: Side::Buddy
        },
        points: 50
    }));
    Ok(())
}

#[test]
fn age_closeness_when_the_programme_asks() -> Result<(), FeatureError> {
    // Off by default: no age reason.
    let e = explain(
        base("B1")?.age(30),
        base("native")?.age(35),
        &Weights::default(),
    );
    assert!(!e
        .items
        .iter()
        .any(|i| matches!(i.reason, Reason::AgeClose { .. })));
    // Only age weighted: 5 years apart earns (20 - 5) / 20 of 1000 = 750.
    let w = Weights {
        language: 0,
        interests: 0,
        availability: 0,
        distance: 0,
        reciprocity: 0,
        practice: 0,
        age: 1,
        ..Weights::default()
    };
    let e = explain(base("B1")?.age(30), base("native")?.age(35), &w);
    assert_eq!(e.score, 750);
    assert!(e.items.contains(&Item {
        reason: Reason::AgeClose { years: 5 },
        points: 750
    }));
    let e = explain(base("B1")?.age(20), base("native")?.age(60), &w);
    assert_eq!(e.score, 0);
    Ok(())
}

#[test]
fn perfect_pair_scores_exactly_1000() -> Result<(), FeatureError> {
    let w = Weights {
        age: 7,
        ..Weights::default()
    };
    let p =
        |practise: &str, shares: [&str; 2], learns: [&str; 2]| -> Result<Profile, FeatureError> {
            Profile::new()
                .speaks("de", "native")?
                .speaks("ar", "native")?
                .practises(practise)?
                .interests(["a", "b", "c"])
                .availability(Slots::ALL)
                .area("mitte")
                .age(40)
                .shares(shares)?
                .learns(learns)
        };
    let e = explain(
        p("de", ["work", "housing"], ["culture", "leisure"])?,
        p("ar", ["culture", "leisure"], ["work", "housing"])?,
        &w,
    );
    assert_eq!(e.score, 1000);
    assert_eq!(e.items.iter().map(|i| i.points).sum::<u32>(), 1000);
    Ok(())
}

#[test]
fn zero_weights_score_zero() -> Result<(), FeatureError> {
    let w = Weights {
        language: 0,
        interests: 0,
        availability: 0,
        distance: 0,
        reciprocity: 0,
        practice: 0,
        age: 0,
        ..Weights::default()
    };
    let e = explain(
        base("B1")?.interests(["chess"]),
        base("native")?.interests(["chess"]),
        &w,
    );
    assert_eq!(e.score, 0);
    Ok(())
}

#[test]
fn explanation_json_is_stable() -> Result<(), Box<dyn std::error::Error>> {
    let e = explain(
        base("B1")?.interests(["chess"]).learns(["work"])?,
        base("native")?.interests(["chess"]).shares(["work"])?,
        &Weights::default(),
    );
    let json = serde_json::to_value(&e)?;
    assert_eq!(
        json,
        serde_json::json!({
            "score": 336,
            "items": [
                {"reason": "shared_language", "lang": "de", "level": "B1", "points": 83},
                {"reason": "shared_interests", "tags": ["chess"], "points": 66},
                {"reason": "common_slots", "count": 1, "points": 37},
                {"reason": "distance_km", "km": 0, "points": 100},
                {"reason": "can_learn", "domain": "work", "points": 50},
            ]
        })
    );
    let back: Explanation = serde_json::from_value(json)?;
    assert_eq!(back, e);
    // Exclusions and evaluations round-trip too.
    let ev = evaluate(
        &Seeker::new(base("A1")?),
        &Buddy::new(base("native")?),
        &Weights::default(),
    );
    let json = serde_json::to_string(&ev)?;
    assert_eq!(
        json,
        r#"{"outcome":"excluded","exclusions":[{"rule":"no_common_language","min_level":"A2"}]}"#
    );
    assert_eq!(serde_json::from_str::<Evaluation>(&json)?, ev);
    Ok(())
}

#[test]
fn weights_from_json() -> Result<(), serde_json::Error> {
    assert_eq!(serde_json::from_str::<Weights>("{}")?, Weights::default());
    let w: Weights = serde_json::from_str(r#"{"interests": 40, "min_language_level": "B1"}"#)?;
    assert_eq!((w.interests, w.min_language_level), (40, Level::B1));
    assert!(serde_json::from_str::<Weights>(r#"{"nationality": 5}"#).is_err());
    Ok(())
}
