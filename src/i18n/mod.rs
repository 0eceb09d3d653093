//! Translations and language negotiation.
//!
//! Every text a person reads lives in `locales/<lang>/*.ftl` (Fluent), compiled into the binary.
//! English is the fallback. [`negotiate`] picks the page language: `?lang=` > the `lang` cookie
//! (set when someone switches) > `Accept-Language` (by q-value) > the programme's local language
//! > English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};
use unic_langid::langid;

use crate::domain::UiLanguage;

pub mod format;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Pages mark direction with `dir`/`<bdi>`; isolation marks would end up in emails and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Spoken languages offered in the forms (ISO 639-1 where it exists, else 639-3, e.g. `prs`
/// for Dari). Names are the `lang-<code>` messages.
pub const SPOKEN_LANGUAGES: [&str; 26] = [
    "am", "ar", "bn", "de", "en", "es", "fa", "fr", "hi", "it", "ka", "ku", "pl", "prs", "ps",
    "pt", "ro", "ru", "so", "sq", "sr", "ti", "tr", "uk", "ur", "zh",
];

fn langid(lang: UiLanguage) -> LanguageIdentifier {
    match lang {
        UiLanguage::En => langid!("en"),
        UiLanguage::De => langid!("de"),
        UiLanguage::Fr => langid!("fr"),
        UiLanguage::Ar => langid!("ar"),
        UiLanguage::Fa => langid!("fa"),
        UiLanguage::Uk => langid!("uk"),
    }
}

/// The message `id` in `lang` (English if missing there; the id itself if missing everywhere,
/// so a forgotten message shows up in review instead of breaking the page).
#[must_use]
pub fn t(lang: UiLanguage, id: &str) -> String {
    LOCALES
        .try_lookup(&langid(lang), id)
        .unwrap_or_else(|| id.to_owned())
}

/// The message `id` in `lang` with string arguments, e.g. `t_args(lang, "signup-heading",
/// &[("programme", name)])`.
#[must_use]
pub fn t_args(lang: UiLanguage, id: &str, args: &[(&str, &str)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            (
                Cow::Owned((*k).to_owned()),
                FluentValue::from((*v).to_owned()),
            )
        })
        .collect();
    LOCALES
        .try_lookup_with_args(&langid(lang), id, &args)
        .unwrap_or_else(|| id.to_owned())
}

/// Wraps text from outside the translations (a programme's or a person's name) in Unicode
/// isolation marks for HTML pages, so a Latin name inside an Arabic sentence (or the other way
/// round) keeps its own direction and does not reorder the punctuation around it.
#[must_use]
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Whether `id` exists (in `lang` or the English fallback).
#[must_use]
pub fn has(lang: UiLanguage, id: &str) -> bool {
    LOCALES.try_lookup(&langid(lang), id).is_some()
}

/// The message for a stable snake_case code: `prefix-<code with _ as ->`, e.g.
/// `coded(lang, "error", "invalid_email")` reads `error-invalid-email`.
#[must_use]
pub fn coded(lang: UiLanguage, prefix: &str, code: &str) -> String {
    t(lang, &format!("{prefix}-{}", code.replace('_', "-")))
}

/// The translated text for a validation error code (`error-<code>`; a generic text for codes
/// without their own message).
#[must_use]
pub fn error_message(lang: UiLanguage, code: &str) -> String {
    let id = format!("error-{}", code.replace('_', "-"));
    if has(lang, &id) {
        t(lang, &id)
    } else {
        t(lang, "error-invalid")
    }
}

/// A spoken language's name in the page language (the code itself for a language we have no
/// name for).
#[must_use]
pub fn language_name(lang: UiLanguage, code: &str) -> String {
    let id = format!("lang-{code}");
    if has(lang, &id) {
        t(lang, &id)
    } else {
        code.to_owned()
    }
}

/// An interest tag's name: the shared list is translated (`interest-<slug>`); a programme's own
/// tags are shown as written, with `_` as spaces.
#[must_use]
pub fn interest_name(lang: UiLanguage, slug: &str) -> String {
    let id = format!("interest-{}", slug.replace('_', "-"));
    if has(lang, &id) {
        t(lang, &id)
    } else {
        let words = slug.replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }
}

/// `Accept-Language` entries as (language tag, q) best first; malformed entries are skipped and
/// ties keep header order.
#[must_use]
pub fn parse_accept_language(header: &str) -> Vec<(String, f32)> {
    // A NaN weight (`q=nan`) would make the crate's sort panic on a long header.
    let header: Vec<&str> = header
        .split(',')
        .filter(|entry| !has_nan_weight(entry))
        .collect();
    accept_language::parse_with_quality(&header.join(","))
        .into_iter()
        .filter(|(tag, q)| tag.len() <= 35 && *q > 0.0 && *q <= 1.0)
        .collect()
}

/// Whether an `Accept-Language` entry's weight reads as NaN.
fn has_nan_weight(entry: &str) -> bool {
    entry.split(';').skip(1).any(|param| {
        param
            .split_once('=')
            .is_some_and(|(_, v)| v.trim().parse::<f32>().is_ok_and(f32::is_nan))
    })
}

/// Picks the page language from what the request says, in order of precedence.
#[must_use]
pub fn negotiate(
    query: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
    programme_language: Option<&str>,
) -> UiLanguage {
    if let Some(l) = query.and_then(|q| UiLanguage::parse(q).ok()) {
        return l;
    }
    if let Some(l) = cookie.and_then(|c| UiLanguage::parse(c).ok()) {
        return l;
    }
    if let Some(header) = accept_language {
        if let Some(l) = parse_accept_language(header)
            .iter()
            .find_map(|(tag, _)| UiLanguage::parse(tag).ok())
        {
            return l;
        }
    }
    programme_language
        .and_then(|p| UiLanguage::parse(p).ok())
        .unwrap_or(UiLanguage::En)
}

/// The first value of `name` in a query string.
#[must_use]
pub fn query_param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 6] = ["en", "de", "fr", "ar", "fa", "uk"];

    /// (id, value) of every message in a Fluent source, parsed with `fluent-syntax`; the value's
    /// text with placeables as `{...}` and whitespace runs (line breaks) as one space.
    fn messages(source: &str) -> Vec<(String, String)> {
        use fluent_syntax::ast::{Entry, PatternElement};
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("Fluent syntax errors: {errors:?}"));
        resource
            .body
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m),
                _ => None,
            })
            .map(|m| {
                let text: String = m
                    .value
                    .iter()
                    .flat_map(|p| &p.elements)
                    .map(|e| match e {
                        PatternElement::TextElement { value } => (*value).to_owned(),
                        PatternElement::Placeable { expression } => format!("{{{expression:?}}}"),
                    })
                    .collect();
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (m.id.name.to_owned(), text)
            })
            .collect()
    }

    /// Every message of every `.ftl` file of one language (all teams' files).
    fn language_messages(code: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(code);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("locale folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        files
            .iter()
            .flat_map(|f| messages(&std::fs::read_to_string(f).expect("readable")))
            .collect()
    }

    #[test]
    fn every_language_has_exactly_the_english_messages() {
        let en: Vec<String> = language_messages("en")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert!(en.len() > 150, "English has {} messages", en.len());
        let mut sorted = en.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), en.len(), "an id is defined twice in en");
        for code in &CODES[1..] {
            let ids: Vec<String> = language_messages(code)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let missing: Vec<&String> = en.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<&String> = ids.iter().filter(|id| !en.contains(id)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            assert!(extra.is_empty(), "{code} has ids English lacks: {extra:?}");
            assert_eq!(ids.len(), en.len(), "an id is defined twice in {code}");
        }
    }

    /// German addresses people one way throughout: the formal "Sie" (issue 11), on every page
    /// and in every email. Catches the informal pronouns, "ihr" with a verb in the informal
    /// plural ("Ihr wohnt", "wenn ihr beide ja gesagt habt") and the informal imperatives these
    /// texts used to have ("Gib ...", "Wählt ..."). Third-person "ihr"/"ihre" ("mit ihr", "ihre
    /// Daten") and the polite "Ihr"/"Ihre" before a noun pass.
    #[test]
    fn german_says_sie_everywhere() {
        const INFORMAL: [&str; 28] = [
            "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines", "euch",
            "euer", "eure", "euren", "eurem", "eurer", "eures", "Du", "Dich", "Dir", "Dein",
            "Deine", "Deinen", "Deinem", "Deiner", "Euch", "Euer", "Eure", "Euren",
        ];
        const PLURAL: [&str; 8] = [
            "Ihr habt",
            "Ihr seid",
            "ihr habt",
            "ihr seid",
            "Habt ihr",
            "Seid ihr",
            "Ihr sprecht",
            "Ihr könnt",
        ];
        const IMPERATIVE: [&str; 27] = [
            "Gib", "Wähle", "Wählt", "Schreib", "Schreibe", "Warte", "Trefft", "Haltet", "haltet",
            "Sag", "Sieh", "Prüfe", "prüfe", "Versuche", "versuche", "Trag", "trag", "Antworte",
            "antworte", "Fordere", "fordere", "Setze", "setze", "Wende", "wende", "Lerne", "Melde",
        ];
        let german = language_messages("de");
        assert!(german.len() > 150, "German has {} messages", german.len());
        for (id, text) in german {
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let informal = words.iter().find(|w| INFORMAL.contains(w));
            assert!(informal.is_none(), "{id}: {informal:?} in {text}");
            let imperative = words.iter().find(|w| IMPERATIVE.contains(w));
            assert!(imperative.is_none(), "{id}: {imperative:?} in {text}");
            assert!(
                !PLURAL.iter().any(|p| text.contains(p)),
                "{id}: informal plural in {text}"
            );
            // "ihr" then a lowercase word ending in -t is the informal plural verb ("Ihr wohnt",
            // "ihr trefft"); after the polite "Ihr" comes a noun, capitalised.
            let plural_verb = words.windows(2).find(|pair| {
                matches!(pair[0], "ihr" | "Ihr")
                    && pair[1].starts_with(char::is_lowercase)
                    && pair[1].ends_with('t')
            });
            assert!(
                plural_verb.is_none(),
                "{id}: informal plural {plural_verb:?} in {text}"
            );
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        let en: HashMap<String, String> = language_messages("en").into_iter().collect();
        for code in &CODES[1..] {
            let all = language_messages(code);
            let same: Vec<&String> = all
                .iter()
                .filter(|(id, v)| en.get(id) == Some(v))
                .map(|(id, _)| id)
                .collect();
            // Brand name, some language names (Hindi, Urdu, ...) and words like "Yoga" may match.
            assert!(
                same.len() * 10 < all.len(),
                "{code}: {} identical to English: {same:?}",
                same.len()
            );
            assert!(
                all.iter().all(|(_, v)| !v.is_empty()),
                "{code} has an empty message"
            );
        }
    }

    #[test]
    fn every_file_parses_and_variables_survive() {
        for lang in UiLanguage::ALL {
            let heading = t_args(lang, "signup-heading", &[("programme", "Leipzig Buddies")]);
            assert!(heading.contains("Leipzig Buddies"), "{lang:?}: {heading}");
            assert!(!heading.contains('\u{2068}'), "no isolation marks");
            let privacy = t_args(lang, "privacy-legal", &[("version", "2026-11")]);
            assert!(privacy.contains("2026-11"), "{lang:?}: {privacy}");
        }
        assert_eq!(t(UiLanguage::De, "signup-title"), "Anmeldung");
        assert_eq!(t(UiLanguage::Ar, "signup-title"), "التسجيل");
        assert_eq!(t(UiLanguage::Fr, "no-such-message"), "no-such-message");
    }

    #[test]
    fn every_code_the_forms_use_has_a_message() {
        use crate::domain::{integration_domain::IntegrationDomain, interests, Availability};
        let codes = [
            "required",
            "too_long",
            "invalid_email",
            "invalid_phone",
            "email_or_phone_required",
            "invalid_choice",
            "out_of_range",
            "no_language",
            "duplicate_language",
            "no_availability",
            "consent_required",
            "unknown_area",
            "unknown_interest",
            "age_range_inverted",
            "capacity_volunteers_only",
        ];
        for lang in UiLanguage::ALL {
            for code in codes {
                assert!(
                    has(lang, &format!("error-{}", code.replace('_', "-"))),
                    "error {code}"
                );
            }
            for slug in interests::KNOWN {
                assert!(
                    has(lang, &format!("interest-{}", slug.replace('_', "-"))),
                    "interest {slug}"
                );
            }
            for d in IntegrationDomain::ALL {
                assert!(
                    has(lang, &format!("domain-{}", d.code().replace('_', "-"))),
                    "{d:?}"
                );
            }
            for day in Availability::DAYS {
                assert!(has(lang, &format!("day-{day}")));
            }
            for part in Availability::PARTS {
                assert!(has(lang, &format!("part-{part}")));
            }
            for code in SPOKEN_LANGUAGES {
                assert!(has(lang, &format!("lang-{code}")), "lang-{code}");
            }
        }
    }

    #[test]
    fn interest_names() {
        assert_eq!(interest_name(UiLanguage::De, "board_games"), "Brettspiele");
        assert_eq!(interest_name(UiLanguage::De, "repair_cafe"), "Repair cafe");
    }

    #[test]
    fn accept_language_is_ordered_by_q() {
        let parsed = parse_accept_language("de;q=0.5, fa-IR, en;q=0.8, xx;q=abc, fr;q=0");
        let tags: Vec<&str> = parsed.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(tags, ["fa-IR", "en", "de"]);
    }

    #[test]
    fn accept_language_survives_nan_weights() {
        let header: Vec<String> = (0..60)
            .map(|i| {
                if i % 3 == 0 {
                    format!("x{i};q=nan")
                } else {
                    format!("de;q=0.{}", i % 9 + 1)
                }
            })
            .collect();
        let parsed = parse_accept_language(&format!("fr;q=0.95,{}", header.join(",")));
        assert_eq!(parsed.first().map(|(t, _)| t.as_str()), Some("fr"));
        assert!(parsed.iter().all(|(t, _)| t == "fr" || t == "de"));
        assert_eq!(
            negotiate(None, None, Some("de-CH, en;q=0.5"), None),
            UiLanguage::De
        );
    }

    #[test]
    fn negotiation_order() {
        use UiLanguage::{Ar, De, En, Fa, Fr, Uk};
        assert_eq!(
            negotiate(Some("ar"), Some("de"), Some("fr"), Some("uk")),
            Ar
        );
        assert_eq!(
            negotiate(Some("tr"), Some("de"), Some("fr"), Some("uk")),
            De
        );
        assert_eq!(
            negotiate(None, None, Some("tr, fr;q=0.9, de;q=0.8"), Some("uk")),
            Fr
        );
        assert_eq!(
            negotiate(None, Some("nonsense"), Some("fa-IR,en;q=0.5"), None),
            Fa
        );
        assert_eq!(negotiate(None, None, Some("tr"), Some("uk")), Uk);
        assert_eq!(negotiate(None, None, None, Some("it")), En);
        assert_eq!(negotiate(None, None, None, None), En);
    }
}
