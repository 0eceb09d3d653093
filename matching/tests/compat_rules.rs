//! Hand-checked cases for every hard rule of `matching::compat`.

use matching::compat::{
    evaluate, score_all, Buddy, Evaluation, Exclusion, FeatureError, Gender, Household, Level,
    Preference, Profile, Reason, Rule, Scorer, Seeker, Side, Weights,
};

/// German at `level`, Saturday morning, area "mitte", 10 km radius.
fn base(level: &str) -> Result<Profile, FeatureError> {
    Ok(Profile::new()
        .speaks("de", level)?
        .slots(["sat_morning"])?
        .area("mitte")
        .max_travel_km(10))
}

fn exclusions(seeker: &Seeker, buddy: &Buddy, w: &Weights) -> Vec<Exclusion> {
    evaluate(seeker, buddy, w).exclusions().to_vec()
}

fn feasible(seeker: &Seeker, buddy: &Buddy) -> bool {
    evaluate(seeker, buddy, &Weights::default())
        .score()
        .is_some()
}

#[test]
fn baseline_pair_is_feasible() -> Result<(), FeatureError> {
    assert!(feasible(
        &Seeker::new(base("A2")?),
        &Buddy::new(base("native")?)
    ));
    Ok(())
}

#[test]
fn no_common_language_at_usable_level() -> Result<(), FeatureError> {
    // German A1 is below the default minimum A2; Arabic is not spoken by the buddy.
    let seeker = Seeker::new(base("A1")?.speaks("ar", "native")?);
    let buddy = Buddy::new(base("native")?.speaks("en", "C1")?);
    let w = Weights::default();
    assert_eq!(
        exclusions(&seeker, &buddy, &w),
        vec![Exclusion::NoCommonLanguage {
            min_level: Level::A2
        }]
    );
    // A programme that accepts A1 makes the pair feasible.
    let w1 = Weights {
        min_language_level: Level::A1,
        ..Weights::default()
    };
    assert!(evaluate(&seeker, &buddy, &w1).score().is_some());
    // A higher minimum (B1) excludes an A2 speaker.
    let seeker = Seeker::new(base("A2")?);
    let wb1 = Weights {
        min_language_level: Level::B1,
        ..Weights::default()
    };
    assert_eq!(
        exclusions(&seeker, &buddy, &wb1),
        vec![Exclusion::NoCommonLanguage {
            min_level: Level::B1
        }]
    );
    Ok(())
}

#[test]
fn both_sides_must_reach_the_minimum() -> Result<(), FeatureError> {
    // The buddy speaks Arabic at A1 only: Arabic does not count.
    let seeker = Seeker::new(base("A1")?.speaks("ar", "native")?);
    let buddy = Buddy::new(base("native")?.speaks("ar", "A1")?);
    assert!(!feasible(&seeker, &buddy));
    let buddy = Buddy::new(base("native")?.speaks("ar", "A2")?);
    assert!(feasible(&seeker, &buddy));
    Ok(())
}

#[test]
fn no_common_slot() -> Result<(), FeatureError> {
    let seeker = Seeker::new(base("B1")?);
    let buddy = Buddy::new(
        base("native")?.availability(matching::compat::Slots::from_names(["sat_afternoon"])?),
    );
    assert_eq!(
        exclusions(&seeker, &buddy, &Weights::default()),
        vec![Exclusion::NoCommonSlot]
    );
    Ok(())
}

/// Two points on the meridian 13.4 E, `km` apart.
fn apart(km: f64) -> Result<(Profile, Profile), FeatureError> {
    let dlat = km / (matching::compat::EARTH_RADIUS_KM * std::f64::consts::PI / 180.0);
    let mut a = base("native")?.coords(52.0, 13.4)?;
    let mut b = base("native")?.coords(52.0 + dlat, 13.4)?;
    a.location.area = None;
    b.location.area = None;
    Ok((a, b))
}

#[test]
fn too_far_unless_both_online() -> Result<(), FeatureError> {
    let (a, b) = apart(10.0)?;
    let seeker = Seeker::new(a.clone().max_travel_km(15));
    let buddy = Buddy::new(b.clone().max_travel_km(5));
    // 10 km apart, radii 15 and 5: the smaller (5) applies.
    assert_eq!(
        exclusions(&seeker, &buddy, &Weights::default()),
        vec![Exclusion::TooFar {
            km: Some(10),
            limit_km: 5
        }]
    );
    // One side online is not enough.
    let buddy_online = Buddy::new(b.clone().max_travel_km(5).online_ok(true));
    assert!(!feasible(&seeker, &buddy_online));
    // Both online: feasible, online only.
    let seeker_online = Seeker::new(a.clone().max_travel_km(15).online_ok(true));
    let ev = evaluate(&seeker_online, &buddy_online, &Weights::default());
    let Evaluation::Feasible { explanation } = ev else {
        panic!("feasible online: {ev:?}")
    };
    assert!(explanation
        .items
        .iter()
        .any(|i| i.reason == Reason::OnlineOnly && i.points == 0));
    // Radii 10 and 12: 10 km is within both (exactly at the limit).
    let seeker = Seeker::new(a.max_travel_km(12));
    let buddy = Buddy::new(b.max_travel_km(10));
    assert!(feasible(&seeker, &buddy));
    Ok(())
}

#[test]
fn same_area_counts_as_zero_km() -> Result<(), FeatureError> {
    // Coordinates 30 km apart, but the same area id: 0 km.
    let (a, b) = apart(30.0)?;
    let seeker = Seeker::new(a.area("nord"));
    let buddy = Buddy::new(b.area("nord"));
    let ev = evaluate(&seeker, &buddy, &Weights::default());
    let Evaluation::Feasible { explanation } = ev else {
        panic!("same area: {ev:?}")
    };
    assert!(explanation
        .items
        .iter()
        .any(|i| i.reason == Reason::DistanceKm { km: 0 }));
    Ok(())
}

#[test]
fn unknown_distance_needs_online() -> Result<(), FeatureError> {
    // Different areas, no coordinates: distance unknown.
    let seeker = Seeker::new(base("B2")?.area("nord"));
    let buddy = Buddy::new(base("native")?.area("sued"));
    assert_eq!(
        exclusions(&seeker, &buddy, &Weights::default()),
        vec![Exclusion::TooFar {
            km: None,
            limit_km: 10
        }]
    );
    let seeker = Seeker::new(base("B2")?.area("nord").online_ok(true));
    let buddy = Buddy::new(base("native")?.area("sued").online_ok(true));
    assert!(feasible(&seeker, &buddy));
    Ok(())
}

#[test]
fn gender_preference_of_either_side() -> Result<(), FeatureError> {
    let wants_woman = matching::compat::Preferences {
        gender: Some(Gender::Woman),
        ..Default::default()
    };
    let seeker = Seeker::new(base("B1")?.gender(Gender::Woman).preferences(wants_woman));
    let man = Buddy::new(base("native")?.gender(Gender::Man));
    let unknown = Buddy::new(base("native")?);
    let not_said = Buddy::new(base("native")?.gender(Gender::PreferNotToSay));
    let woman = Buddy::new(base("native")?.gender(Gender::Woman));
    let seeker_gender = Exclusion::Preference {
        holder: Side::Seeker,
        preference: Preference::Gender,
    };
    for b in [&man, &unknown, &not_said] {
        assert_eq!(
            exclusions(&seeker, b, &Weights::default()),
            vec![seeker_gender]
        );
    }
    assert!(feasible(&seeker, &woman));
    // The buddy's preference binds too.
    let seeker = Seeker::new(base("B1")?.gender(Gender::Man));
    let buddy = Buddy::new(
        base("native")?
            .gender(Gender::Woman)
            .preferences(wants_woman),
    );
    assert_eq!(
        exclusions(&seeker, &buddy, &Weights::default()),
        vec![Exclusion::Preference {
            holder: Side::Buddy,
            preference: Preference::Gender
        }]
    );
    Ok(())
}

#[test]
fn family_with_family() -> Result<(), FeatureError> {
    let wants_family = matching::compat::Preferences {
        family: true,
        ..Default::default()
    };
    let seeker = Seeker::new(
        base("B1")?
            .household(Household::Family { children: 2 })
            .preferences(wants_family),
    );
    let single = Buddy::new(base("native")?);
    let family = Buddy::new(base("native")?.household(Household::Family { children: 1 }));
    assert_eq!(
        exclusions(&seeker, &single, &Weights::default()),
        vec![Exclusion::Preference {
            holder: Side::Seeker,
            preference: Preference::Family
        }]
    );
    assert!(feasible(&seeker, &family));
    Ok(())
}

#[test]
fn age_range() -> Result<(), FeatureError> {
    let range = matching::compat::Preferences {
        age_range: Some((25, 40)),
        ..Default::default()
    };
    let seeker = Seeker::new(base("B1")?.age(30).preferences(range));
    let rule = vec![Exclusion::Preference {
        holder: Side::Seeker,
        preference: Preference::AgeRange,
    }];
    for (age, ok) in [(24, false), (25, true), (40, true), (41, false)] {
        let buddy = Buddy::new(base("native")?.age(age));
        assert_eq!(feasible(&seeker, &buddy), ok, "age {age}");
    }
    // Unknown age cannot be shown to be in range.
    assert_eq!(
        exclusions(&seeker, &Buddy::new(base("native")?), &Weights::default()),
        rule
    );
    Ok(())
}

#[test]
fn outside_own_language_community() -> Result<(), FeatureError> {
    let outside = matching::compat::Preferences {
        outside_language_community: true,
        ..Default::default()
    };
    let seeker = Seeker::new(base("B1")?.speaks("ar", "native")?.preferences(outside));
    // A buddy whose first language is Arabic is excluded ...
    let arabic_native = Buddy::new(base("native")?.speaks("ar", "native")?);
    assert_eq!(
        exclusions(&seeker, &arabic_native, &Weights::default()),
        vec![Exclusion::Preference {
            holder: Side::Seeker,
            preference: Preference::OutsideLanguageCommunity
        }]
    );
    // ... one who learnt Arabic (C2, not native) is not.
    let arabic_learner = Buddy::new(base("native")?.speaks("ar", "C2")?);
    assert!(feasible(&seeker, &arabic_learner));
    // German natives are fine: the seeker's native language is Arabic only.
    assert!(feasible(&seeker, &Buddy::new(base("native")?)));
    Ok(())
}

#[test]
fn minor_needs_cleared_buddy() -> Result<(), FeatureError> {
    let minor = Seeker::new(base("B1")?).minor(true);
    let uncleared = Buddy::new(base("native")?);
    assert_eq!(
        exclusions(&minor, &uncleared, &Weights::default()),
        vec![Exclusion::NeedsChildClearance]
    );
    assert!(feasible(&minor, &uncleared.clone().child_clearance(true)));
    // Adults need no cleared buddy.
    assert!(feasible(&Seeker::new(base("B1")?), &uncleared));
    Ok(())
}

#[test]
fn forbidden_pair() -> Result<(), FeatureError> {
    let seekers = vec![Seeker::new(base("B1")?), Seeker::new(base("B2")?)];
    let buddies = vec![Buddy::new(base("native")?), Buddy::new(base("C1")?)];
    let scorer = Scorer::new(&seekers, &buddies, &Weights::default(), &[(0, 1), (9, 9)]);
    assert_eq!(
        scorer.evaluate(0, 1).map(|e| e.exclusions().to_vec()),
        Some(vec![Exclusion::Forbidden])
    );
    assert!(scorer.score(0, 1).is_none());
    assert!(scorer.score(0, 0).is_some() && scorer.score(1, 1).is_some());
    let pairs = score_all(&seekers, &buddies, &Weights::default(), &[(0, 1)]);
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs.get(0, 1), None);
    Ok(())
}

#[test]
fn every_failing_rule_is_listed_in_rule_order() -> Result<(), FeatureError> {
    let seeker = Seeker::new(
        Profile::new()
            .speaks("ti", "native")?
            .slots(["mon_morning"])?
            .area("nord")
            .preferences(matching::compat::Preferences {
                family: true,
                ..Default::default()
            }),
    )
    .minor(true);
    let buddy = Buddy::new(base("native")?.area("sued").preferences(
        matching::compat::Preferences {
            age_range: Some((20, 30)),
            ..Default::default()
        },
    ));
    let scorer = Scorer::new(&[seeker], &[buddy], &Weights::default(), &[(0, 0)]);
    let ex = scorer
        .evaluate(0, 0)
        .map(|e| e.exclusions().to_vec())
        .unwrap_or_default();
    let rules: Vec<Rule> = ex.iter().map(Exclusion::rule).collect();
    assert_eq!(rules, Rule::ALL.to_vec());
    Ok(())
}

#[test]
fn summary_for_seekers_without_feasible_buddy() -> Result<(), FeatureError> {
    // Seeker 0 speaks only Tigrinya; seeker 1 is fine with buddy 0 only.
    let seekers = vec![
        Seeker::new(
            Profile::new()
                .speaks("ti", "native")?
                .slots(["sat_morning"])?
                .area("mitte"),
        ),
        Seeker::new(base("B1")?),
    ];
    let buddies = vec![
        Buddy::new(base("native")?),
        Buddy::new(
            base("native")?.availability(matching::compat::Slots::from_names(["sun_evening"])?),
        ),
        Buddy::new(base("native")?.speaks("ti", "B1")?.area("sued")),
    ];
    let pairs = score_all(&seekers, &buddies, &Weights::default(), &[]);
    assert_eq!(
        pairs
            .iter()
            .map(|p| (p.seeker, p.buddy))
            .collect::<Vec<_>>(),
        vec![(1, 0)]
    );
    let none = pairs.no_feasible();
    assert_eq!(none.len(), 1);
    assert_eq!(none[0].seeker, 0);
    let s = none[0].summary;
    assert_eq!(s.buddies, 3);
    // Buddies 0 and 1 share no language; buddy 1 also no slot; buddy 2 is too far.
    assert_eq!(s.excluded_by.no_common_language, 2);
    assert_eq!(s.excluded_by.no_common_slot, 1);
    assert_eq!(s.excluded_by.too_far, 1);
    assert_eq!(s.only_rule.no_common_language, 1);
    assert_eq!(s.only_rule.too_far, 1);
    assert_eq!(s.main_rule(), Some(Rule::NoCommonLanguage));
    Ok(())
}
