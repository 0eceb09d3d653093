//! Spoken languages with a level. Codes are ISO 639 (two letters where one exists, else three).

use serde::{Deserialize, Serialize};

/// An ISO 639 language code, lower case, 2 or 3 letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses `ar`, `DE`, `prs`.
    ///
    /// # Errors
    /// `"required"` or `"invalid_choice"`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err("required");
        }
        if (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(s))
        } else {
            Err("invalid_choice")
        }
    }

    /// The code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<LanguageCode> for String {
    fn from(c: LanguageCode) -> Self {
        c.0
    }
}

/// CEFR level, or native / first language. Ordered: `A1 < ... < C2 < Native`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LanguageLevel {
    /// Beginner.
    A1,
    /// Elementary.
    A2,
    /// Intermediate.
    B1,
    /// Upper intermediate.
    B2,
    /// Advanced.
    C1,
    /// Proficient.
    C2,
    /// First language.
    #[serde(rename = "native")]
    Native,
}

impl LanguageLevel {
    /// All levels, lowest first.
    pub const ALL: [Self; 7] = [
        Self::A1,
        Self::A2,
        Self::B1,
        Self::B2,
        Self::C1,
        Self::C2,
        Self::Native,
    ];

    /// Parses `B2`, `b2`, `native`.
    ///
    /// # Errors
    /// `"required"` or `"invalid_choice"`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "" => Err("required"),
            "a1" => Ok(Self::A1),
            "a2" => Ok(Self::A2),
            "b1" => Ok(Self::B1),
            "b2" => Ok(Self::B2),
            "c1" => Ok(Self::C1),
            "c2" => Ok(Self::C2),
            "native" => Ok(Self::Native),
            _ => Err("invalid_choice"),
        }
    }

    /// `A1` .. `C2`, `native`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
            Self::Native => "native",
        }
    }
}

/// A language someone speaks, at a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenLanguage {
    /// Which language.
    pub code: LanguageCode,
    /// How well.
    pub level: LanguageLevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_levels_parse() {
        assert_eq!(LanguageCode::parse(" AR ").map(|c| c.0), Ok("ar".into()));
        assert_eq!(LanguageCode::parse("prs").map(|c| c.0), Ok("prs".into()));
        assert_eq!(LanguageCode::parse("arabic"), Err("invalid_choice"));
        assert_eq!(LanguageCode::parse("a1"), Err("invalid_choice"));
        assert_eq!(LanguageLevel::parse("b2"), Ok(LanguageLevel::B2));
        assert_eq!(LanguageLevel::parse("Native"), Ok(LanguageLevel::Native));
        assert_eq!(LanguageLevel::parse("D1"), Err("invalid_choice"));
        assert!(LanguageLevel::A2 < LanguageLevel::Native);
    }

    #[test]
    fn serde_round_trip() {
        let s = SpokenLanguage {
            code: LanguageCode::parse("uk").expect("valid"),
            level: LanguageLevel::Native,
        };
        let json = serde_json::to_string(&s).expect("serialises");
        assert_eq!(json, r#"{"code":"uk","level":"native"}"#);
        assert_eq!(serde_json::from_str::<SpokenLanguage>(&json).ok(), Some(s));
    }
}
