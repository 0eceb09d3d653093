//! Spoken languages with a level. Codes are ISO 639 (two letters where one exists, else three).
//!
//! The code and level types are the matching core's ([`matching::compat::Lang`],
//! [`matching::compat::Level`]): one definition of the codes, their parsing and the level
//! order, used from the form to the scorer.

use serde::{Deserialize, Serialize};

use super::form_choice::{required, FormChoice};

/// An ISO 639 language code, lower case, 2 or 3 letters; serialises as the code string.
pub use matching::compat::Lang as LanguageCode;
/// CEFR level, or native / first language. Ordered: `A1 < ... < C2 < Native`; serialises as
/// `"A1"` .. `"C2"`, `"native"`.
pub use matching::compat::Level as LanguageLevel;

/// Reads `ar`, `DE`, `prs`: `"required"` when blank, `"invalid_choice"` unless an ISO 639-1
/// code, or an ISO 639-3 code (for languages without a two-letter one, such as Dari, `prs`).
impl FormChoice for LanguageCode {
    fn from_form(raw: &str) -> Result<Self, &'static str> {
        let code = required(raw, Self::parse)?;
        let known = match code.as_str().len() {
            2 => isolang::Language::from_639_1(code.as_str()).is_some(),
            _ => isolang::Language::from_639_3(code.as_str()).is_some(),
        };
        if known {
            Ok(code)
        } else {
            Err("invalid_choice")
        }
    }
}

/// Reads `B2`, `b2`, `native`: `"required"` when blank, `"invalid_choice"` otherwise.
impl FormChoice for LanguageLevel {
    fn from_form(raw: &str) -> Result<Self, &'static str> {
        required(raw, Self::parse)
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
        let code = |raw| LanguageCode::from_form(raw).map(|c| c.as_str().to_owned());
        assert_eq!(code(" AR "), Ok("ar".into()));
        assert_eq!(code("prs"), Ok("prs".into()));
        assert_eq!(
            code("ckb"),
            Ok("ckb".into()),
            "ISO 639-3 where 639-1 has none"
        );
        assert_eq!(code("arabic"), Err("invalid_choice"));
        for not_iso in ["xx", "qq", "zzz", "xyz"] {
            assert_eq!(code(not_iso), Err("invalid_choice"), "{not_iso}");
        }
        assert_eq!(code("a1"), Err("invalid_choice"));
        assert_eq!(code("  "), Err("required"));
        assert_eq!(LanguageLevel::from_form("b2"), Ok(LanguageLevel::B2));
        assert_eq!(
            LanguageLevel::from_form("Native"),
            Ok(LanguageLevel::Native)
        );
        assert_eq!(LanguageLevel::from_form("D1"), Err("invalid_choice"));
        assert_eq!(LanguageLevel::from_form(""), Err("required"));
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
