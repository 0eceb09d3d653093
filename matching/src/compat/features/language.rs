//! Languages: a [`Lang`] code stored inline in three bytes and the CEFR [`Level`] at which a
//! person speaks it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::FeatureError;

/// An ISO 639 language code (two or three lower-case ASCII letters), stored inline in 3 bytes.
///
/// Serialises as the plain code string (`"ar"`, `"prs"`).
///
/// ```
/// use matching::compat::Lang;
/// let ar: Lang = " AR ".parse()?;
/// assert_eq!(ar.as_str(), "ar");
/// assert!(Lang::parse("arabic").is_err());
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 3]);

impl Lang {
    /// Parses a code, ignoring surrounding spaces and case.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidLanguage`] unless the input is two or three ASCII letters.
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim().as_bytes();
        if !(2..=3).contains(&s.len()) || !s.iter().all(u8::is_ascii_alphabetic) {
            return Err(FeatureError::InvalidLanguage {
                input: raw.to_owned(),
            });
        }
        let mut code = [0u8; 3];
        for (c, b) in code.iter_mut().zip(s) {
            *c = b.to_ascii_lowercase();
        }
        Ok(Self(code))
    }

    /// The code as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = FeatureError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// CEFR level, or native / first language. Ordered: `A1 < A2 < ... < C2 < Native`.
///
/// Serialises as `"A1"` .. `"C2"`, `"native"` (the service's codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
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

impl Level {
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

    /// Parses `B2`, `b2`, `native` (also `first`/`mother tongue` synonyms are *not* accepted:
    /// the service normalises its own input).
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidLevel`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "a1" => Ok(Self::A1),
            "a2" => Ok(Self::A2),
            "b1" => Ok(Self::B1),
            "b2" => Ok(Self::B2),
            "c1" => Ok(Self::C1),
            "c2" => Ok(Self::C2),
            "native" => Ok(Self::Native),
            _ => Err(FeatureError::InvalidLevel {
                input: raw.to_owned(),
            }),
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

    /// 0 for `A1` up to 6 for `Native`.
    #[must_use]
    pub fn rank(self) -> u8 {
        self as u8
    }
}

impl FromStr for Level {
    type Err = FeatureError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::parse("ar").map(|l| l.to_string()), Ok("ar".into()));
        assert_eq!(
            Lang::parse(" PRS ").map(|l| l.to_string()),
            Ok("prs".into())
        );
        assert!(Lang::parse("a").is_err());
        assert!(Lang::parse("abcd").is_err());
        assert!(Lang::parse("a1").is_err());
        assert!(Lang::parse("").is_err());
    }

    #[test]
    fn levels_order_and_parse() {
        assert!(Level::A1 < Level::C2 && Level::C2 < Level::Native);
        assert_eq!(Level::parse("b2"), Ok(Level::B2));
        assert_eq!(Level::parse("Native"), Ok(Level::Native));
        assert!(Level::parse("D1").is_err());
        for l in Level::ALL {
            assert_eq!(Level::parse(l.code()), Ok(l));
        }
    }
}
