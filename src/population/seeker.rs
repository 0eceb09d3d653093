//! Generating one seeker: an arriving member from a first-language community, with age,
//! languages, household, rhythm, interests and waiting time.

use rand::Rng;

use super::draw::{
    adult_age, age_preference, availability, exponential, lang, one, pick_each, push_lang,
    weighted, Rhythm,
};
use super::tables::{self, COMMUNITIES, LEVELS, NATIVE};
use super::{Context, Side, Synthetic};
use crate::domain::ProfileInput;

impl Context<'_> {
    pub(super) fn seeker(&self, index: usize) -> Synthetic {
        let rng = &mut self.rng(Side::Seeker, index);
        let community = &COMMUNITIES[weighted(rng, &COMMUNITIES, |c| f64::from(c.weight))];
        let minor = rng.gen_bool(0.03);
        let age = if minor {
            rng.gen_range(14..=17)
        } else {
            adult_age(
                rng,
                &[
                    (18, 24, 20.0),
                    (25, 34, 35.0),
                    (35, 44, 25.0),
                    (45, 54, 12.0),
                    (55, 70, 8.0),
                ],
            )
        };
        let person = self.person(rng, community.names, [47.0, 49.0, 1.0, 3.0], age);

        // Languages: the first language, what the community often speaks besides, and the local
        // language at the level reached so far (arriving members: mostly A1..B1).
        let mut languages = vec![lang(community.code, LEVELS[NATIVE])];
        for &(code, p, lo, hi) in community.other_languages {
            if rng.gen_bool(p) {
                push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi)]);
            }
        }
        let local_level = if minor {
            Some(rng.gen_range(1..=3))
        } else {
            [None, Some(0), Some(1), Some(2), Some(3), Some(4)]
                [weighted(rng, &[10.0, 25.0, 27.0, 22.0, 11.0, 5.0], |w| *w)]
        };
        if let Some(level) = local_level {
            push_lang(&mut languages, &self.local, LEVELS[level]);
        }
        let mut practise = Vec::new();
        if community.code != self.local && rng.gen_bool(0.9) {
            practise.push(self.local.clone());
        }
        if !languages
            .iter()
            .any(|l| l.code == "en" && l.level == "native")
            && rng.gen_bool(0.1)
        {
            practise.push("en".to_owned());
        }
        let message_language = match community.message_language {
            Some((code, p)) if rng.gen_bool(p) => self.ui(code),
            _ if local_level.is_some_and(|l| l >= 2) && rng.gen_bool(0.5) => self.local_ui_or_en(),
            _ => "en".to_owned(),
        };

        // Household: about a third are families (family-with-family matching).
        let family = !minor && rng.gen_bool(0.32);
        let (adults, children, members) = if family {
            self.household(rng, community.names, &person)
        } else {
            (1, 0, Vec::new())
        };

        let rhythm = if family && rng.gen_bool(0.5) {
            Rhythm::Parent
        } else if minor {
            Rhythm::Student
        } else {
            [
                Rhythm::Course,
                Rhythm::Working,
                Rhythm::Flexible,
                Rhythm::Weekend,
                Rhythm::Parent,
            ][weighted(rng, &[38.0, 24.0, 22.0, 10.0, 6.0], |w| *w)]
        };
        let pref_buddy_gender = match person.gender {
            "woman" if rng.gen_bool(if minor { 0.5 } else { 0.2 }) => Some("woman".to_owned()),
            "man" if rng.gen_bool(0.04) => Some("man".to_owned()),
            _ => None,
        };
        let (pref_age_min, pref_age_max) = age_preference(rng, 0.1);
        let waiting = exponential(rng, if community.rare { 110.0 } else { 70.0 }).min(540.0);

        let input = ProfileInput {
            first_name: person.first_name,
            last_name: person.last_name,
            email: self.email(Side::Seeker, index),
            phone: self.phone(rng, 0.7),
            message_language,
            role: "arriving".into(),
            volunteer: false,
            capacity: None,
            birth_year: Some(person.birth_year),
            gender: Some(person.gender.to_owned()),
            languages,
            practise_languages: practise,
            interests: self.interests(rng, person.age, children > 0),
            availability: availability(rng, rhythm),
            area: self.area(rng, &self.seeker_area_weights),
            max_travel_km: Some(*one(rng, &[2, 3, 5, 5, 5, 8, 10, 15])),
            online_ok: rng.gen_bool(0.25),
            household_adults: Some(adults),
            household_children: Some(children),
            household_members: members,
            is_minor: minor,
            pref_buddy_gender,
            pref_family: children > 0 && rng.gen_bool(0.6),
            pref_age_min,
            pref_age_max,
            pref_outside_language_community: rng.gen_bool(0.06),
            share_domains: pick_each(rng, &tables::SEEKER_SHARE),
            learn_domains: pick_each(rng, &tables::SEEKER_LEARN),
            consent: true,
        };
        Synthetic {
            side: Side::Seeker,
            input,
            waiting_days: waiting as u32,
            safeguarding_cleared: false,
        }
    }
}
