//! Properties of `matching::compat` on random small populations: scores in range, the fast
//! path agrees with the explained path, explanations sum to the score, symmetry, determinism,
//! parallel equals sequential, exclusion summaries equal brute-force counts.

use matching::compat::{
    score_all, score_all_sequential, Buddy, Domain, Domains, Evaluation, Gender, Household, Lang,
    Level, Preferences, Profile, Rule, Scorer, Seeker, Slots, Weights,
};
use proptest::prelude::*;

const LANGS: [&str; 5] = ["de", "ar", "uk", "en", "ti"];
const TAGS: [&str; 6] = ["chess", "cooking", "football", "music", "hiking", "art"];
const AREAS: [&str; 3] = ["nord", "mitte", "sued"];

fn level() -> impl Strategy<Value = Level> {
    proptest::sample::select(Level::ALL.to_vec())
}

fn gender() -> impl Strategy<Value = Option<Gender>> {
    proptest::option::of(proptest::sample::select(vec![
        Gender::Woman,
        Gender::Man,
        Gender::NonBinary,
        Gender::PreferNotToSay,
    ]))
}

fn domains() -> impl Strategy<Value = Domains> {
    proptest::collection::vec(proptest::sample::select(Domain::ALL.to_vec()), 0..4)
        .prop_map(|v| v.into_iter().collect())
}

prop_compose! {
    fn preferences()(
        gender in proptest::option::weighted(0.15, proptest::sample::select(vec![Gender::Woman, Gender::Man])),
        family in proptest::bool::weighted(0.1),
        age_range in proptest::option::weighted(0.1, (18u8..40, 40u8..80)),
        outside in proptest::bool::weighted(0.1),
    ) -> Preferences {
        Preferences { gender, family, age_range, outside_language_community: outside }
    }
}

prop_compose! {
    fn profile()(
        langs in proptest::collection::vec((0..LANGS.len(), level()), 1..4),
        practise in proptest::collection::vec(0..LANGS.len(), 0..2),
        tags in proptest::collection::vec(proptest::sample::select(TAGS.to_vec()), 0..5),
        slots in 0u32..(1 << 21),
        // Small weeks make "no common slot" frequent.
        sparse in proptest::bool::ANY,
        area in proptest::option::of(0..AREAS.len()),
        coords in proptest::option::of((52.3f64..52.7, 13.1f64..13.7)),
        max_km in 0u16..30,
        online in proptest::bool::ANY,
        age in proptest::option::of(16u8..90),
        children in proptest::option::of(1u8..4),
        gender in gender(),
        prefs in preferences(),
        shares in domains(),
        learns in domains(),
    ) -> Profile {
        let mut p = Profile::new();
        for (l, lv) in langs {
            p = p.speaks_lang(Lang::parse(LANGS[l]).unwrap_or_else(|e| panic!("{e}")), lv);
        }
        for l in practise {
            p.practise.push(Lang::parse(LANGS[l]).unwrap_or_else(|e| panic!("{e}")));
        }
        p = p.interests(tags).availability(Slots::from_bits(if sparse { slots & slots >> 7 & slots >> 14 } else { slots }));
        p.location.area = area.map(|a| AREAS[a].to_owned());
        p.location.coords = coords.map(|(lat, lon)| matching::compat::Coords { lat, lon });
        p.max_travel_km = max_km;
        p.online_ok = online;
        p.age = age;
        p.household = children.map_or(Household::Single, |children| Household::Family { children });
        p.gender = gender;
        p.preferences = prefs;
        p.shares = shares;
        p.learns = learns;
        p
    }
}

prop_compose! {
    fn weights()(w in proptest::collection::vec(0u32..50, 7), min in level(), well in level()) -> Weights {
        Weights {
            language: w[0], interests: w[1], availability: w[2], distance: w[3],
            reciprocity: w[4], practice: w[5], age: w[6],
            min_language_level: min.min(Level::B2), practise_level: well,
        }
    }
}

prop_compose! {
    fn population(max: usize)(
        seekers in proptest::collection::vec((profile(), proptest::bool::weighted(0.1)), 0..max),
        buddies in proptest::collection::vec((profile(), proptest::bool::ANY, 0u32..3), 0..max),
    ) -> (Vec<Seeker>, Vec<Buddy>) {
        (
            seekers.into_iter().map(|(p, minor)| Seeker::new(p).minor(minor)).collect(),
            buddies.into_iter().map(|(p, cleared, cap)| Buddy::new(p).child_clearance(cleared).capacity(cap)).collect(),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn budget_sums_to_1000_or_0(w in weights()) {
        let total: u32 = w.budget().iter().sum();
        let any = w.language | w.interests | w.availability | w.distance | w.reciprocity | w.practice | w.age;
        prop_assert_eq!(total, if any == 0 { 0 } else { 1000 });
    }

    #[test]
    fn fast_and_full_paths_agree(a in profile(), b in profile(), w in weights(), minor in proptest::bool::ANY, cleared in proptest::bool::ANY) {
        let scorer = Scorer::new(&[Seeker::new(a).minor(minor)], &[Buddy::new(b).child_clearance(cleared)], &w, &[]);
        let fast = scorer.score(0, 0);
        let full = scorer.evaluate(0, 0);
        prop_assert!(full.is_some());
        let full = full.unwrap_or(Evaluation::Excluded { exclusions: vec![] });
        prop_assert_eq!(fast, full.score());
        match &full {
            Evaluation::Feasible { explanation } => {
                prop_assert!(explanation.score <= 1000);
                let sum: u32 = explanation.items.iter().map(|i| i.points).sum();
                prop_assert_eq!(sum, u32::from(explanation.score));
            }
            Evaluation::Excluded { exclusions } => {
                prop_assert!(!exclusions.is_empty());
                let rules: Vec<Rule> = exclusions.iter().map(|e| e.rule()).collect();
                let mut sorted = rules.clone();
                sorted.sort();
                prop_assert_eq!(rules, sorted);
            }
        }
    }

    #[test]
    fn symmetric_for_adults(a in profile(), b in profile(), w in weights()) {
        // Every rule and component except the minor rule is symmetric in the two people.
        let ab = Scorer::new(&[Seeker::new(a.clone())], &[Buddy::new(b.clone())], &w, &[]).score(0, 0);
        let ba = Scorer::new(&[Seeker::new(b)], &[Buddy::new(a)], &w, &[]).score(0, 0);
        prop_assert_eq!(ab, ba);
    }

    #[test]
    fn parallel_equals_sequential_and_is_deterministic(
        (seekers, buddies) in population(24),
        w in weights(),
        forbidden in proptest::collection::vec((0u32..30, 0u32..30), 0..10),
    ) {
        let par = score_all(&seekers, &buddies, &w, &forbidden);
        let seq = score_all_sequential(&seekers, &buddies, &w, &forbidden);
        let again = score_all(&seekers, &buddies, &w, &forbidden);
        let p: Vec<_> = par.iter().collect();
        prop_assert_eq!(&p, &seq.iter().collect::<Vec<_>>());
        prop_assert_eq!(&p, &again.iter().collect::<Vec<_>>());
        prop_assert_eq!(par.no_feasible(), seq.no_feasible());
        prop_assert_eq!(par.len(), p.len());
        // Sorted by seeker then buddy, and equal to the pairwise fast path.
        let mut sorted = p.clone();
        sorted.sort();
        prop_assert_eq!(&p, &sorted);
        let scorer = par.scorer();
        let mut brute = Vec::new();
        for s in 0..seekers.len() {
            for b in 0..buddies.len() {
                if let Some(score) = scorer.score(s, b) {
                    brute.push(matching::compat::Pair { seeker: s as u32, buddy: b as u32, score });
                    prop_assert_eq!(par.get(s, b as u32), Some(score));
                }
            }
        }
        prop_assert_eq!(&p, &brute);
        // Seekers without a feasible buddy: exactly those, with brute-force counts.
        let empty: Vec<u32> = (0..seekers.len() as u32).filter(|&s| par.of_seeker(s as usize).len() == 0).collect();
        prop_assert_eq!(par.no_feasible().iter().map(|n| n.seeker).collect::<Vec<_>>(), empty);
        for n in par.no_feasible() {
            prop_assert_eq!(n.summary.buddies as usize, buddies.len());
            for rule in Rule::ALL {
                let mut by = 0;
                let mut only = 0;
                for b in 0..buddies.len() {
                    let ev = par.explain(n.seeker as usize, b).unwrap_or(Evaluation::Excluded { exclusions: vec![] });
                    let mut rules: Vec<Rule> = ev.exclusions().iter().map(|e| e.rule()).collect();
                    rules.dedup();
                    prop_assert!(!rules.is_empty());
                    by += u32::from(rules.contains(&rule));
                    only += u32::from(rules == [rule]);
                }
                prop_assert_eq!(n.summary.excluded_by.get(rule), by);
                prop_assert_eq!(n.summary.only_rule.get(rule), only);
            }
        }
    }
}
