//! The six languages the pages and emails are written in.

use serde::{Deserialize, Serialize};

/// A language of the user interface and of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UiLanguage {
    /// English (the fallback).
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Arabic (right to left).
    Ar,
    /// Farsi / Persian (right to left).
    Fa,
    /// Ukrainian.
    Uk,
}

impl UiLanguage {
    /// Every supported language, in the order the switcher shows them.
    pub const ALL: [Self; 6] = [Self::En, Self::De, Self::Fr, Self::Ar, Self::Fa, Self::Uk];

    /// Parses `ar`, `de-AT` (the primary subtag decides), `FA`.
    ///
    /// # Errors
    /// `"invalid_choice"` for a language we do not have.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let primary = raw
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or("invalid_choice")
    }

    /// The BCP 47 code: `en`, `de`, `fr`, `ar`, `fa`, `uk`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::Fa => "fa",
            Self::Uk => "uk",
        }
    }

    /// Whether pages in this language run right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        matches!(self, Self::Ar | Self::Fa)
    }

    /// The language's own name, for the language switcher.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
            Self::Fr => "Français",
            Self::Ar => "العربية",
            Self::Fa => "فارسی",
            Self::Uk => "Українська",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_primary_subtag() {
        assert_eq!(UiLanguage::parse("de-AT"), Ok(UiLanguage::De));
        assert_eq!(UiLanguage::parse("FA"), Ok(UiLanguage::Fa));
        assert_eq!(UiLanguage::parse("tr"), Err("invalid_choice"));
        assert!(UiLanguage::Ar.is_rtl() && UiLanguage::Fa.is_rtl() && !UiLanguage::Uk.is_rtl());
    }
}
