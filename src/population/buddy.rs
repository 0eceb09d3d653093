//! Generating one buddy: a receiving member or volunteer, local or from a community, with
//! languages, household, rhythm, interests, safeguarding clearance and waiting time.

use rand::Rng;

use super::draw::{
    adult_age, age_preference, availability, exponential, lang, one, pick_each, push_lang,
    weighted, Rhythm,
};
use super::tables::{self, COMMUNITIES, LEVELS};
use super::{Context, Side, Synthetic};
use crate::domain::ProfileInput;

impl Context<'_> {
    pub(super) fn buddy(&self, index: usize) -> Synthetic {
        let rng = &mut self.rng(Side::Buddy, index);
        // 0: long-time local resident volunteering, 1: receiving member who arrived years ago and
        // volunteers, 2: arriving member who has been here a while and volunteers, 3: receiving
        // member offering to be a buddy without volunteering for more.
        let kind = weighted(rng, &[65.0, 15.0, 10.0, 10.0], |w| *w);
        let volunteer = kind != 3;
        let age = adult_age(
            rng,
            &[
                (19, 24, 18.0),
                (25, 34, 22.0),
                (35, 44, 17.0),
                (45, 54, 13.0),
                (55, 64, 15.0),
                (65, 78, 15.0),
            ],
        );
        let community = (kind == 1 || kind == 2)
            .then(|| &COMMUNITIES[weighted(rng, &COMMUNITIES, |c| f64::from(c.weight))]);
        let names = community.map_or(self.local_names, |c| c.names);
        let person = self.person(rng, names, [60.0, 37.0, 1.5, 1.5], age);

        let mut languages = Vec::new();
        let mut practise = Vec::new();
        let message_language = match community {
            None => {
                languages.push(lang(&self.local, "native"));
                for &(code, p, lo, hi) in &tables::LOCAL_OTHER_LANGUAGES {
                    // Younger people learnt more languages at school.
                    let p = if age < 40 { (p * 1.2).min(0.95) } else { p };
                    if rng.gen_bool(p) {
                        push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi)]);
                    }
                }
                if rng.gen_bool(0.3) {
                    let code = tables::LOCAL_PRACTISE
                        [weighted(rng, &tables::LOCAL_PRACTISE, |(_, w)| f64::from(*w))]
                    .0;
                    if code != self.local {
                        practise.push(code.to_owned());
                    }
                }
                self.local_ui_or_en()
            }
            Some(c) => {
                languages.push(lang(c.code, "native"));
                for &(code, p, lo, hi) in c.other_languages {
                    if rng.gen_bool(p) {
                        push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi).max(2)]);
                    }
                }
                let local_level = if kind == 1 {
                    rng.gen_range(3..=5)
                } else {
                    rng.gen_range(2..=3)
                };
                push_lang(&mut languages, &self.local, LEVELS[local_level]);
                if local_level < 5 && rng.gen_bool(0.4) && c.code != self.local {
                    practise.push(self.local.clone());
                }
                if rng.gen_bool(0.6) {
                    self.local_ui_or_en()
                } else {
                    self.ui(c.message_language.map_or("en", |(code, _)| code))
                }
            }
        };

        let family = rng.gen_bool(if (30..55).contains(&age) { 0.3 } else { 0.05 });
        let (adults, children, members) = if family {
            self.household(rng, names, &person)
        } else {
            (if rng.gen_bool(0.5) { 2 } else { 1 }, 0, Vec::new())
        };
        let rhythm = if age >= 63 {
            Rhythm::Retired
        } else if age < 27 && rng.gen_bool(0.7) {
            Rhythm::Student
        } else if children > 0 && rng.gen_bool(0.4) {
            Rhythm::Weekend
        } else {
            [Rhythm::Working, Rhythm::Flexible, Rhythm::Weekend]
                [weighted(rng, &[70.0, 15.0, 15.0], |w| *w)]
        };
        let capacity = volunteer.then(|| [1, 2, 3][weighted(rng, &[55.0, 30.0, 15.0], |w| *w)]);
        let pref_buddy_gender =
            (person.gender == "woman" && rng.gen_bool(0.08)).then(|| "woman".to_owned());
        let (pref_age_min, pref_age_max) = age_preference(rng, 0.05);
        let waiting = exponential(rng, 25.0).min(365.0);

        let input = ProfileInput {
            first_name: person.first_name,
            last_name: person.last_name,
            email: self.email(Side::Buddy, index),
            phone: self.phone(rng, 0.8),
            message_language,
            role: if kind == 2 { "arriving" } else { "receiving" }.into(),
            volunteer,
            capacity,
            birth_year: Some(person.birth_year),
            gender: Some(person.gender.to_owned()),
            languages,
            practise_languages: practise,
            interests: self.interests(rng, person.age, children > 0),
            availability: availability(rng, rhythm),
            area: self.area(rng, &self.buddy_area_weights),
            max_travel_km: Some(*one(rng, &[3, 5, 5, 8, 10, 10, 15, 20])),
            online_ok: rng.gen_bool(0.4),
            household_adults: Some(adults),
            household_children: Some(children),
            household_members: members,
            is_minor: false,
            pref_buddy_gender,
            pref_family: children > 0 && rng.gen_bool(0.45),
            pref_age_min,
            pref_age_max,
            pref_outside_language_community: false,
            share_domains: pick_each(rng, &tables::BUDDY_SHARE),
            learn_domains: pick_each(rng, &tables::BUDDY_LEARN),
            consent: true,
        };
        Synthetic {
            side: Side::Buddy,
            input,
            waiting_days: waiting as u32,
            safeguarding_cleared: volunteer && age >= 21 && rng.gen_bool(0.18),
        }
    }
}
