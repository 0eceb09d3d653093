//! Phone numbers, kept in E.164 (`+493012345678`) so that one number is stored one way however
//! it was typed, and a coordinator can dial it from anywhere. Parsing and validity come from
//! libphonenumber's metadata (the `phonenumber` crate), not from rules of our own.

use phonenumber::{country, Mode};
use serde::Serialize;

/// The country a programme's local numbers belong to (ISO 3166 alpha-2, such as `DE`): a number
/// typed without `+` and a country code is read as one of its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneRegion(country::Id);

impl PhoneRegion {
    /// Parses a two-letter country code, in either case.
    ///
    /// # Errors
    /// `"invalid_phone_region"` for anything libphonenumber does not know.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        raw.trim()
            .to_ascii_uppercase()
            .parse::<country::Id>()
            .map(Self)
            .map_err(|_| "invalid_phone_region")
    }

    /// The two-letter code, upper case.
    #[must_use]
    pub fn code(&self) -> &str {
        self.0.as_ref()
    }
}

impl Serialize for PhoneRegion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// A valid phone number in E.164.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    /// Parses a number as typed (spaces, dashes, brackets, `00` for `+` are fine). Without a
    /// country code it is read as a number of `region`; with no region it needs one.
    ///
    /// # Errors
    /// `"invalid_phone"` when it is not a number that can be dialled.
    pub fn parse(raw: &str, region: Option<PhoneRegion>) -> Result<Self, &'static str> {
        let s = raw.trim();
        if s.is_empty() || s.chars().count() > 40 {
            return Err("invalid_phone");
        }
        let number = phonenumber::parse(region.map(|r| r.0), s).map_err(|_| "invalid_phone")?;
        if !phonenumber::is_valid(&number) {
            return Err("invalid_phone");
        }
        Ok(Self(number.format().mode(Mode::E164).to_string()))
    }

    /// Reads a number stored before; numbers kept from before E.164 come back as they were.
    #[must_use]
    pub fn from_stored(stored: &str) -> Self {
        Self(stored.to_owned())
    }

    /// The E.164 form, for storing and for `tel:` links.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The international form with spaces (`+49 30 12345678`), for reading aloud.
    #[must_use]
    pub fn readable(&self) -> String {
        phonenumber::parse(None, &self.0).map_or_else(
            |_| self.0.clone(),
            |n| n.format().mode(Mode::International).to_string(),
        )
    }
}

impl std::fmt::Display for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> Option<PhoneRegion> {
        PhoneRegion::parse("de").ok()
    }

    #[test]
    fn one_number_is_stored_one_way_however_it_was_typed() {
        for typed in [
            "030 1234567",
            "+49 30 1234567",
            "0049 (30) 123-4567",
            "+49301234567",
        ] {
            assert_eq!(
                Phone::parse(typed, de()).map(|p| p.0),
                Ok("+49301234567".into()),
                "{typed}"
            );
        }
        assert_eq!(
            Phone::parse("+44 20 7946 0958", de()).map(|p| p.0),
            Ok("+442079460958".into())
        );
    }

    #[test]
    fn a_local_number_needs_the_programme_country() {
        assert_eq!(Phone::parse("030 1234567", None), Err("invalid_phone"));
        assert!(Phone::parse("+49 30 1234567", None).is_ok());
    }

    #[test]
    fn rejects_what_cannot_be_dialled() {
        for bad in [
            "",
            "12345",
            "+49 1",
            "call me",
            "+999 123456789",
            &"1".repeat(41),
        ] {
            assert_eq!(Phone::parse(bad, de()), Err("invalid_phone"), "{bad}");
        }
    }

    #[test]
    fn reads_aloud_in_groups() {
        let p = Phone::parse("0151 23456789", de()).expect("valid");
        assert_eq!(p.readable(), "+49 1512 3456789");
    }

    #[test]
    fn regions_are_two_letter_codes() {
        assert_eq!(
            PhoneRegion::parse(" de ").map(|r| r.code().to_owned()),
            Ok("DE".into())
        );
        assert_eq!(PhoneRegion::parse("XX"), Err("invalid_phone_region"));
        assert_eq!(PhoneRegion::parse(""), Err("invalid_phone_region"));
    }
}
