//! A programme's names in the interface languages: the programme itself, its areas and its extra
//! interests, so that a page in Arabic is not headed with the German name. Whatever has no
//! translation reads as the programme gave it (its own name, in its own language).
//!
//! Admins type them as text, one text per interface language, one line per name:
//!
//! ```text
//! name = برنامج الرفقة في لايبزيغ
//! area:gruenau = غروناو
//! interest:gardening = البستنة
//! ```
//!
//! A line with nothing after `=` has no translation. Lines for an area or interest the
//! programme no longer has are dropped (an admin may remove an area in the same form).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Area, MAX_AREA_NAME_CHARS, MAX_NAME_CHARS};
use crate::domain::validation::{without_bidi_controls, ValidationErrors};
use crate::domain::UiLanguage;

/// Names by language code (`ar`, `de`, ...).
pub type ByLanguage = BTreeMap<String, String>;

/// The translated names of one programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translations {
    /// The programme's name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub name: ByLanguage,
    /// Area names by area id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub areas: BTreeMap<String, ByLanguage>,
    /// Names of the programme's extra interests by tag.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub interests: BTreeMap<String, ByLanguage>,
}

/// A programme's name in every language it has one in, for messages to people in theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgrammeName {
    /// The programme's own name.
    pub own: String,
    /// Its translations by language code.
    pub translated: ByLanguage,
}

impl ProgrammeName {
    /// The name in `lang` (its own name when not translated).
    #[must_use]
    pub fn in_lang(&self, lang: UiLanguage) -> &str {
        self.translated.get(lang.code()).unwrap_or(&self.own)
    }
}

/// What a line of the text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key<'a> {
    Name,
    Area(&'a str),
    Interest(&'a str),
}

impl Translations {
    /// The programme's name in `lang`, if translated.
    #[must_use]
    pub fn name(&self, lang: UiLanguage) -> Option<&str> {
        self.name.get(lang.code()).map(String::as_str)
    }

    /// The area's name in `lang`, if translated.
    #[must_use]
    pub fn area(&self, slug: &str, lang: UiLanguage) -> Option<&str> {
        self.areas
            .get(slug)
            .and_then(|m| m.get(lang.code()))
            .map(String::as_str)
    }

    /// The extra interest's name in `lang`, if translated.
    #[must_use]
    pub fn interest(&self, tag: &str, lang: UiLanguage) -> Option<&str> {
        self.interests
            .get(tag)
            .and_then(|m| m.get(lang.code()))
            .map(String::as_str)
    }

    /// Whether nothing is translated.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.areas.is_empty() && self.interests.is_empty()
    }

    /// The text an admin edits for `lang`: a line for the name, each area and each interest,
    /// with what is translated so far (an empty right side where nothing is).
    #[must_use]
    pub fn text(&self, lang: UiLanguage, areas: &[Area], interests: &[String]) -> String {
        let mut lines = vec![format!("name = {}", self.name(lang).unwrap_or_default())];
        lines.extend(areas.iter().map(|a| {
            format!(
                "area:{} = {}",
                a.slug,
                self.area(&a.slug, lang).unwrap_or_default()
            )
        }));
        lines.extend(interests.iter().map(|t| {
            format!(
                "interest:{t} = {}",
                self.interest(t, lang).unwrap_or_default()
            )
        }));
        lines.join("\n")
    }

    /// Parses one text per language (see the module docs) for a programme with these areas and
    /// interests. Problems go to `errors` as `translations.<lang>.<line>` (0-based):
    /// `translation_format` (no `=`, or a key that is not `name`, `area:<id>` or
    /// `interest:<tag>`), `too_long`, `invalid_character`.
    pub fn parse(
        texts: &[(UiLanguage, String)],
        areas: &[Area],
        interests: &[String],
        errors: &mut ValidationErrors,
    ) -> Self {
        let mut out = Self::default();
        for (lang, text) in texts {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let field = || format!("translations.{}.{i}", lang.code());
                let Some((key, value)) = line.split_once('=') else {
                    errors.add(field(), "translation_format");
                    continue;
                };
                let Some(key) = parse_key(key.trim()) else {
                    errors.add(field(), "translation_format");
                    continue;
                };
                let value = without_bidi_controls(value).trim().to_owned();
                if value.is_empty() {
                    continue;
                }
                let limit = if key == Key::Name {
                    MAX_NAME_CHARS
                } else {
                    MAX_AREA_NAME_CHARS
                };
                if value.chars().count() > limit {
                    errors.add(field(), "too_long");
                    continue;
                }
                if value.chars().any(char::is_control) {
                    errors.add(field(), "invalid_character");
                    continue;
                }
                let code = lang.code().to_owned();
                match key {
                    Key::Name => {
                        out.name.insert(code, value);
                    }
                    Key::Area(slug) if areas.iter().any(|a| a.slug == slug) => {
                        out.areas
                            .entry(slug.to_owned())
                            .or_default()
                            .insert(code, value);
                    }
                    Key::Interest(tag) if interests.iter().any(|t| t == tag) => {
                        out.interests
                            .entry(tag.to_owned())
                            .or_default()
                            .insert(code, value);
                    }
                    // An area or interest the programme no longer has.
                    Key::Area(_) | Key::Interest(_) => {}
                }
            }
        }
        out
    }
}

fn parse_key(key: &str) -> Option<Key<'_>> {
    if key == "name" {
        return Some(Key::Name);
    }
    let (kind, id) = key.split_once(':')?;
    let id = id.trim();
    if id.is_empty() {
        return None;
    }
    match kind.trim() {
        "area" => Some(Key::Area(id)),
        "interest" => Some(Key::Interest(id)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(slug: &str, name: &str) -> Area {
        Area {
            slug: slug.into(),
            name: name.into(),
            lat: 51.3,
            lon: 12.4,
        }
    }

    fn parse(texts: &[(UiLanguage, &str)]) -> (Translations, ValidationErrors) {
        let texts: Vec<(UiLanguage, String)> =
            texts.iter().map(|(l, t)| (*l, (*t).to_owned())).collect();
        let mut e = ValidationErrors::default();
        let areas = [area("gruenau", "Grünau"), area("mitte", "Mitte")];
        let t = Translations::parse(&texts, &areas, &["gardening".to_owned()], &mut e);
        (t, e)
    }

    #[test]
    fn lines_give_the_names_per_language_and_empty_ones_are_left_out() {
        let (t, e) = parse(&[
            (
                UiLanguage::Ar,
                "name = برنامج الرفقة\narea:gruenau = غروناو\narea:mitte =\ninterest:gardening = البستنة",
            ),
            (UiLanguage::Fr, "name = Programme de parrainage\n\n"),
        ]);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(t.name(UiLanguage::Ar), Some("برنامج الرفقة"));
        assert_eq!(t.name(UiLanguage::Fr), Some("Programme de parrainage"));
        assert_eq!(t.name(UiLanguage::De), None);
        assert_eq!(t.area("gruenau", UiLanguage::Ar), Some("غروناو"));
        assert_eq!(t.area("mitte", UiLanguage::Ar), None);
        assert_eq!(t.interest("gardening", UiLanguage::Ar), Some("البستنة"));
    }

    #[test]
    fn the_text_to_edit_lists_every_name_and_reads_back_the_same() {
        let (t, _) = parse(&[(UiLanguage::Ar, "name = برنامج\narea:mitte = ميته")]);
        let areas = [area("gruenau", "Grünau"), area("mitte", "Mitte")];
        let text = t.text(UiLanguage::Ar, &areas, &["gardening".to_owned()]);
        assert_eq!(
            text,
            "name = برنامج\narea:gruenau = \narea:mitte = ميته\ninterest:gardening = "
        );
        let (again, e) = parse(&[(UiLanguage::Ar, &text)]);
        assert!(e.is_empty());
        assert_eq!(again, t);
    }

    #[test]
    fn bad_lines_are_named_and_unknown_areas_dropped() {
        let long = "x".repeat(MAX_AREA_NAME_CHARS + 1);
        let (t, e) = parse(&[(
            UiLanguage::De,
            &format!("Grünau\ncolour = blau\narea:gone = Weg\narea:mitte = {long}\nname = a\u{7}b"),
        )]);
        let codes: Vec<(&str, &str)> = e
            .errors
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("translations.de.0", "translation_format"),
                ("translations.de.1", "translation_format"),
                ("translations.de.3", "too_long"),
                ("translations.de.4", "invalid_character"),
            ]
        );
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn stored_json_leaves_out_what_is_empty() {
        assert_eq!(
            serde_json::to_string(&Translations::default())
                .ok()
                .as_deref(),
            Some("{}")
        );
        let back: Translations = serde_json::from_str("{}").unwrap_or_else(|_| Translations {
            name: BTreeMap::from([("x".into(), "y".into())]),
            ..Translations::default()
        });
        assert!(back.is_empty());
    }
}
