//! Why two people were matched, in words, in one language.
//!
//! The stored reasons are the matching core's JSON: a list of `matching::compat::Item`, e.g.
//! `{"reason": "shared_language", "lang": "de", "level": "b2", "points": 240}`. It is read
//! tolerantly so older or hand-made rows still read: a list of reasons (or an object
//! with a `reasons` list, or a map from tag to details), each reason a tag — in a `kind`, `type`,
//! `reason`, `code` or `tag` field, as the only key of an object, or a bare string — with
//! optional details (languages, interests, slots, km, domain). Known tags get a translated
//! sentence (`reason-*` messages); unknown ones are left out rather than shown in English, and a
//! general sentence stands in when nothing is known.

use serde_json::Value;

use crate::domain::UiLanguage;
use crate::i18n;

/// Who reads the reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// The two people themselves ("You both speak English"): emails and their pages.
    Pair,
    /// A coordinator reviewing the pair ("Both speak English"): the review pages.
    Coordinator,
}

impl Voice {
    /// The message id of `key` (a `reason-*` id) in this voice.
    fn id(self, key: &str) -> String {
        match self {
            Self::Pair => key.to_owned(),
            Self::Coordinator => format!("review-{key}"),
        }
    }
}

/// The reasons in `reasons_json` as sentences in `lang` addressed to the pair, in the order
/// given, without repeats. Never fails: unreadable JSON gives the general sentence.
#[must_use]
pub fn describe(lang: UiLanguage, reasons_json: &str) -> Vec<String> {
    describe_for(lang, reasons_json, Voice::Pair)
}

/// As [`describe`], in `voice`.
#[must_use]
pub fn describe_for(lang: UiLanguage, reasons_json: &str, voice: Voice) -> Vec<String> {
    let value: Value = serde_json::from_str(reasons_json).unwrap_or(Value::Null);
    let mut out: Vec<String> = Vec::new();
    for (tag, details) in items(&value) {
        if let Some(sentence) = sentence(lang, voice, &normalise(&tag), &details) {
            if !out.contains(&sentence) {
                out.push(sentence);
            }
        }
    }
    if out.is_empty() {
        out.push(i18n::t(lang, &voice.id("reason-general")));
    }
    out
}

const TAG_FIELDS: [&str; 5] = ["kind", "type", "reason", "code", "tag"];

/// (tag, details) of every reason found.
fn items(value: &Value) -> Vec<(String, Value)> {
    match value {
        Value::Array(list) => list.iter().filter_map(item).collect(),
        Value::Object(map) => {
            if let Some(list) = map.get("reasons") {
                return items(list);
            }
            if TAG_FIELDS
                .iter()
                .any(|f| map.get(*f).is_some_and(Value::is_string))
            {
                return item(value).into_iter().collect();
            }
            map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
        }
        Value::String(s) => vec![(s.clone(), Value::Null)],
        _ => Vec::new(),
    }
}

fn item(value: &Value) -> Option<(String, Value)> {
    match value {
        Value::String(s) => Some((s.clone(), Value::Null)),
        Value::Object(map) => {
            for f in TAG_FIELDS {
                if let Some(Value::String(tag)) = map.get(f) {
                    return Some((tag.clone(), value.clone()));
                }
            }
            if map.len() == 1 {
                return map.iter().next().map(|(k, v)| (k.clone(), v.clone()));
            }
            None
        }
        _ => None,
    }
}

/// `SharedLanguage`, `shared-language`, `shared language` -> `shared_language`.
fn normalise(tag: &str) -> String {
    let mut out = String::new();
    for (i, c) in tag.trim().chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c == ' ' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

/// Strings in the first of `fields` present: a string, a list of strings, or a list of objects
/// with a `code` / `slug` / `name`. A bare string or list as the details counts too.
fn strings(details: &Value, fields: &[&str]) -> Vec<String> {
    fn collect(v: &Value) -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(list) => list
                .iter()
                .filter_map(|x| match x {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => ["code", "slug", "name", "language", "domain"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_owned)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    match details {
        Value::Object(map) => fields
            .iter()
            .find_map(|f| map.get(*f).map(collect).filter(|l| !l.is_empty()))
            .unwrap_or_default(),
        other => collect(other),
    }
}

/// A number in the first of `fields` present (a list counts as its length).
fn number(details: &Value, fields: &[&str]) -> Option<f64> {
    match details {
        Value::Number(n) => n.as_f64(),
        Value::Object(map) => fields.iter().find_map(|f| match map.get(*f)? {
            Value::Number(n) => n.as_f64(),
            Value::Array(a) => Some(a.len() as f64),
            _ => None,
        }),
        Value::Array(a) => Some(a.len() as f64),
        _ => None,
    }
}

fn join(lang: UiLanguage, names: &[String]) -> String {
    i18n::format::list(lang, names)
}

/// `mon_morning` -> "Monday morning" in `lang` (the slot itself if it is not a slot name).
fn slot_name(lang: UiLanguage, slot: &str) -> String {
    match slot.split_once('_') {
        Some((day, part))
            if i18n::has(lang, &format!("day-{day}"))
                && i18n::has(lang, &format!("part-{part}")) =>
        {
            // The labels are the form's column headings ("Monday", "Morning"); inside a
            // sentence English lowercases the part, French and Ukrainian both words.
            let day = i18n::t(lang, &format!("day-{day}"));
            let part = i18n::t(lang, &format!("part-{part}"));
            match lang {
                UiLanguage::En => format!("{day} {}", part.to_lowercase()),
                UiLanguage::Fr | UiLanguage::Uk => {
                    format!("{} {}", day.to_lowercase(), part.to_lowercase())
                }
                UiLanguage::De | UiLanguage::Ar | UiLanguage::Fa => format!("{day} {part}"),
            }
        }
        _ => slot.to_owned(),
    }
}

fn domain_name(lang: UiLanguage, code: &str) -> String {
    let id = format!("domain-{}", code.replace('_', "-"));
    if i18n::has(lang, &id) {
        i18n::t(lang, &id)
    } else {
        code.replace('_', " ")
    }
}

fn sentence(lang: UiLanguage, voice: Voice, tag: &str, details: &Value) -> Option<String> {
    let plain = |id: &str| i18n::t(lang, &voice.id(id));
    let with =
        |id: &str, name: &str, value: String| i18n::t_args(lang, &voice.id(id), &[(name, &value)]);
    let listed = |id_list: &str, id_plain: &str, name: &str, items: Vec<String>| {
        if items.is_empty() {
            plain(id_plain)
        } else {
            with(id_list, name, join(lang, &items))
        }
    };
    Some(match tag {
        "shared_language" | "shared_languages" | "common_language" | "common_languages"
        | "language" | "languages" => {
            let codes = strings(details, &["languages", "language", "lang", "codes", "code"]);
            let names = codes.iter().map(|c| i18n::language_name(lang, c)).collect();
            listed(
                "reason-shared-language",
                "reason-shared-language-any",
                "languages",
                names,
            )
        }
        "shared_interests" | "shared_interest" | "common_interests" | "interests" => {
            let slugs = strings(details, &["interests", "interest", "tags", "tag"]);
            let names = slugs.iter().map(|s| i18n::interest_name(lang, s)).collect();
            listed(
                "reason-shared-interests",
                "reason-shared-interests-any",
                "interests",
                names,
            )
        }
        "common_slots"
        | "common_slot"
        | "shared_slots"
        | "availability"
        | "availability_overlap"
        | "common_time"
        | "time_overlap"
        | "overlap" => {
            let slots = strings(details, &["slots", "common_slots", "shared_slots"]);
            if slots.is_empty() {
                match number(details, &["count", "slots", "n"]) {
                    Some(n) if n.round() == 1.0 => plain("reason-common-slots-one"),
                    Some(n) if n >= 1.0 => with(
                        "reason-common-slots-count",
                        "count",
                        i18n::format::decimal(lang, n, 0),
                    ),
                    _ => plain("reason-common-slots-any"),
                }
            } else {
                let names: Vec<String> = slots.iter().map(|s| slot_name(lang, s)).collect();
                with("reason-common-slots", "slots", join(lang, &names))
            }
        }
        "distance" | "distance_km" | "near" | "nearby" | "close" | "same_area" | "proximity" => {
            match number(details, &["km", "distance_km", "distance"]) {
                // "About 0 km apart" reads oddly: same area, or a few hundred metres.
                Some(km) if km >= 0.5 => {
                    let digits = u8::from(km < 10.0 && km.fract() != 0.0);
                    let shown = i18n::format::decimal(lang, km, digits);
                    with("reason-distance", "km", shown)
                }
                _ => plain("reason-near"),
            }
        }
        "online" | "online_ok" | "online_only" => plain("reason-online"),
        "can_teach" | "can_share" | "share_domain" | "share_domains" | "teaches" | "can_help"
        | "domain_share" | "shares" => {
            let codes = strings(details, &["domains", "domain", "codes", "code"]);
            let names = codes.iter().map(|c| domain_name(lang, c)).collect();
            listed("reason-can-teach", "reason-can-teach-any", "domains", names)
        }
        "can_learn" | "learn_domain" | "learn_domains" | "wants_to_learn" | "learns"
        | "domain_learn" | "domains" | "domain_match" => {
            let codes = strings(details, &["domains", "domain", "codes", "code"]);
            let names = codes.iter().map(|c| domain_name(lang, c)).collect();
            listed("reason-learn", "reason-learn-any", "domains", names)
        }
        "practise_language" | "practice_language" | "language_practice" | "practise"
        | "practice" => {
            let codes = strings(details, &["languages", "language", "lang", "codes", "code"]);
            let names = codes.iter().map(|c| i18n::language_name(lang, c)).collect();
            listed(
                "reason-practise-language",
                "reason-practise-language-any",
                "languages",
                names,
            )
        }
        "family" | "household" | "families" => plain("reason-family"),
        "age" | "similar_age" | "age_band" | "age_close" => plain("reason-age"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_tags_in_several_shapes() {
        let json = r#"[
            {"kind": "shared_language", "languages": ["ar", "de"]},
            {"SharedInterests": {"interests": ["chess", "cooking"]}},
            {"type": "common_slots", "slots": ["mon_morning", "sat_evening"]},
            {"reason": "distance", "km": 2.345},
            "online",
            {"kind": "can_teach", "domain": "digital_skills"},
            {"kind": "practise_language", "language": "de"},
            {"kind": "something_new", "points": 3}
        ]"#;
        let en = describe(UiLanguage::En, json);
        assert_eq!(en.len(), 7, "{en:?}");
        assert!(
            en[0].contains("Arabic") && en[0].contains("German"),
            "{en:?}"
        );
        assert!(
            en[1].contains("Chess") && en[1].contains("Cooking"),
            "{en:?}"
        );
        assert!(
            en[2].contains("Monday") && en[2].contains("evening"),
            "{en:?}"
        );
        assert!(en[3].contains("2.3"), "{en:?}");
        assert!(en[5].contains("Digital"), "{en:?}");
        let de = describe(UiLanguage::De, json);
        assert!(de[0].contains("Arabisch"), "{de:?}");
        assert_ne!(de, en);
    }

    #[test]
    fn coordinators_read_the_reasons_about_the_pair() {
        let json =
            r#"[{"reason": "shared_language", "lang": "en", "level": "B2"}, "online", "nonsense"]"#;
        for lang in UiLanguage::ALL {
            let pair = describe_for(lang, json, Voice::Pair);
            let coordinator = describe_for(lang, json, Voice::Coordinator);
            assert_eq!(pair.len(), coordinator.len(), "{lang:?}");
            for (p, c) in pair.iter().zip(&coordinator) {
                assert_ne!(p, c, "{lang:?}: one voice each");
                assert!(
                    !c.starts_with("review-"),
                    "{lang:?}: a message, not its id: {c}"
                );
            }
        }
        assert_eq!(
            describe_for(UiLanguage::En, json, Voice::Coordinator)[0],
            "Both speak English."
        );
        assert_eq!(
            describe_for(UiLanguage::En, "oops", Voice::Coordinator),
            ["They have a lot in common; their free times and places fit."]
        );
    }

    #[test]
    fn the_matching_cores_items_read() {
        use matching::compat::{Domain, Item, Reason};
        let items = vec![
            Item {
                reason: Reason::SharedLanguage {
                    lang: "ar".parse().expect("lang"),
                    level: matching::compat::Level::B2,
                },
                points: 200,
            },
            Item {
                reason: Reason::SharedInterests {
                    tags: vec!["chess".into()],
                },
                points: 100,
            },
            Item {
                reason: Reason::CommonSlots { count: 3 },
                points: 100,
            },
            Item {
                reason: Reason::DistanceKm { km: 4 },
                points: 100,
            },
            Item {
                reason: Reason::OnlineOnly,
                points: 0,
            },
            Item {
                reason: Reason::CanLearn {
                    domain: Domain::Housing,
                },
                points: 50,
            },
            Item {
                reason: Reason::CanTeach {
                    domain: Domain::Work,
                },
                points: 50,
            },
            Item {
                reason: Reason::PractiseLanguage {
                    lang: "de".parse().expect("lang"),
                    learner: matching::compat::Side::Seeker,
                },
                points: 50,
            },
            Item {
                reason: Reason::AgeClose { years: 3 },
                points: 10,
            },
        ];
        let json = serde_json::to_string(&items).expect("json");
        let en = describe(UiLanguage::En, &json);
        assert_eq!(en.len(), 9, "{json}\n{en:?}");
        assert!(en[0].contains("Arabic"), "{en:?}");
        assert!(en[1].contains("Chess"), "{en:?}");
        assert!(en[2].contains('3'), "{en:?}");
        assert!(en[3].contains('4'), "{en:?}");
        assert!(en[5].contains("Housing"), "{en:?}");
        assert!(en[6].contains("Work"), "{en:?}");
        assert!(en[7].contains("German"), "{en:?}");
    }

    #[test]
    fn map_shape_and_unknown_or_broken_json() {
        let map = describe(
            UiLanguage::Fr,
            r#"{"shared_language": {"language": "fr"}, "common_slots": {"count": 3}}"#,
        );
        assert_eq!(map.len(), 2, "{map:?}");
        assert!(map.iter().any(|s| s.contains('3')), "{map:?}");
        for broken in ["", "not json", "[]", r#"[{"kind": "mystery"}]"#, "42"] {
            let general = describe(UiLanguage::En, broken);
            assert_eq!(general, vec![i18n::t(UiLanguage::En, "reason-general")]);
        }
    }

    #[test]
    fn one_slot_and_the_same_area_read_naturally() {
        let json = r#"[{"kind": "common_slots", "count": 1}, {"kind": "distance", "km": 0},
                       {"kind": "common_slots", "count": 3}, {"kind": "distance", "km": 4}]"#;
        let en = describe(UiLanguage::En, json);
        assert_eq!(
            en,
            vec![
                i18n::t(UiLanguage::En, "reason-common-slots-one"),
                i18n::t(UiLanguage::En, "reason-near"),
                "You have 3 free time slots in common each week.".to_owned(),
                "You live about 4 km apart.".to_owned(),
            ]
        );
        assert!(en[0].contains("one free time slot"), "{en:?}");
    }

    #[test]
    fn numbers_and_lists_follow_the_readers_language() {
        let json = r#"[{"kind": "distance", "km": 2.5},
                       {"kind": "shared_languages", "languages": ["de", "en", "fr"]}]"#;
        let de = describe(UiLanguage::De, json);
        assert!(de[0].contains("2,5 km"), "{de:?}");
        assert!(
            de[1].contains("Deutsch, Englisch und Französisch"),
            "{de:?}"
        );
        let fa = describe(UiLanguage::Fa, json);
        assert!(fa[0].contains("۲٫۵"), "{fa:?}");
        let en = describe(UiLanguage::En, json);
        assert!(en[1].contains("German, English, and French"), "{en:?}");
    }
}
