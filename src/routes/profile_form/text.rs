//! How a profile's stored codes read on a page, in one language: languages with their level,
//! interests, weekly slots, areas (in the programme's names for this language) and integration
//! domains. The person page, the participant's
//! own page and the review cards all word values through here, so a value reads the same
//! everywhere. (Which rows each page shows stays with the page: a coordinator sees the record,
//! a participant their own answers.)

use crate::domain::{LanguageLevel, Programme, UiLanguage};
use crate::i18n;

/// Words for profile values in `lang`, with the programme's area names.
#[derive(Clone, Copy)]
pub struct ProfileText<'a> {
    /// The page's language.
    pub lang: UiLanguage,
    /// For area names.
    pub programme: &'a Programme,
}

impl ProfileText<'_> {
    /// "German (B2 – upper intermediate)"-style: the language's name and its level's words.
    #[must_use]
    pub fn language(&self, code: &str, level: &str) -> String {
        format!(
            "{} ({})",
            i18n::language_name(self.lang, code),
            i18n::coded(self.lang, "level", &level.to_lowercase())
        )
    }

    /// "German: I get by in everyday life (B1)": the level as the person said it on the form,
    /// for their own pages (a level that is not one of ours is shown as stored).
    #[must_use]
    pub fn language_as_said(&self, code: &str, level: &str) -> String {
        let words = LanguageLevel::parse(level)
            .map_or_else(|_| level.to_owned(), |l| level_as_said(self.lang, l));
        i18n::t_args(
            self.lang,
            "language-as-said",
            &[
                ("language", &i18n::language_name(self.lang, code)),
                ("level", &words),
            ],
        )
    }

    /// Language names.
    #[must_use]
    pub fn language_names(&self, codes: &[String]) -> Vec<String> {
        codes
            .iter()
            .map(|c| i18n::language_name(self.lang, c))
            .collect()
    }

    /// An interest's name: the programme's translation of its own tag, else the built-in name
    /// (an unknown tag as it was given).
    #[must_use]
    pub fn interest(&self, tag: &str) -> String {
        self.programme
            .translations
            .interest(tag, self.lang)
            .map_or_else(|| i18n::interest_name(self.lang, tag), str::to_owned)
    }

    /// Interest names.
    #[must_use]
    pub fn interests(&self, tags: &[String]) -> Vec<String> {
        tags.iter().map(|t| self.interest(t)).collect()
    }

    /// A weekly slot such as `mon_evening`: "Monday evening".
    #[must_use]
    pub fn slot(&self, slot: &str) -> String {
        match slot.split_once('_') {
            Some((day, part)) => format!(
                "{} {}",
                i18n::t(self.lang, &format!("day-{day}")),
                i18n::t(self.lang, &format!("part-{part}"))
            ),
            None => slot.to_owned(),
        }
    }

    /// Weekly slots.
    #[must_use]
    pub fn slots<'s>(&self, slots: impl IntoIterator<Item = &'s str>) -> Vec<String> {
        slots.into_iter().map(|s| self.slot(s)).collect()
    }

    /// The area's name in the programme, in this language when translated (its code when the
    /// programme no longer has it).
    #[must_use]
    pub fn area(&self, slug: &str) -> String {
        self.programme
            .area_name_in(slug, self.lang)
            .unwrap_or(slug)
            .to_owned()
    }

    /// Integration domains.
    #[must_use]
    pub fn domains(&self, codes: &[String]) -> Vec<String> {
        codes
            .iter()
            .map(|d| i18n::coded(self.lang, "domain", d))
            .collect()
    }
}

/// A language level as a person says it ("I get by in everyday life"), with the code second
/// for those who know it ("(B1)"); a mother tongue needs no code.
#[must_use]
pub fn level_as_said(lang: UiLanguage, level: LanguageLevel) -> String {
    let code = level.code().to_lowercase();
    let words = i18n::t(lang, &format!("level-say-{code}"));
    if level == LanguageLevel::Native {
        words
    } else {
        format!("{words} ({})", level.code())
    }
}

/// Items joined as `lang` joins a list ("A, B and C"), or `empty` when there are none.
#[must_use]
pub fn joined(lang: UiLanguage, items: Vec<String>, empty: impl FnOnce() -> String) -> String {
    if items.is_empty() {
        empty()
    } else {
        i18n::format::list(lang, &items)
    }
}
