//! The one reader of a profile form: the submitted pairs become a [`ProfileInput`] for
//! `NewParticipant::parse`, plus what could not even be read (a year of "abc", a value too
//! long to look at). Sign-up, the coordinator's add/edit form and the participant's
//! correction page all read through here, so a number, a too-long value and an error's field
//! name mean the same on every form.

use super::values::FormValues;
use crate::domain::{HouseholdMemberInput, LanguageInput, ProfileInput, ValidationErrors};

/// Longest single value; longer ones are `too_long` whatever the field.
pub const MAX_VALUE_CHARS: usize = 500;
/// Language rows a form shows (more are read when sent, up to [`MAX_LANGUAGE_ROWS`]).
pub const LANGUAGE_ROWS: usize = 4;
/// Most language rows read.
pub const MAX_LANGUAGE_ROWS: usize = 10;
/// Household member rows a form shows (more are read when sent, up to [`MAX_MEMBER_ROWS`]).
pub const MEMBER_ROWS: usize = 3;
/// Most household member rows read.
pub const MAX_MEMBER_ROWS: usize = 25;

/// A read profile form.
#[derive(Debug, Clone, Default)]
pub struct ProfileRead {
    /// The profile as given, for `NewParticipant::parse`.
    pub input: ProfileInput,
    /// What could not be read; fields are named like the domain's errors
    /// (`languages.2`, `household_members.0`).
    pub errors: ValidationErrors,
    /// For each household member given, the form row it came from (errors number members by
    /// given member, forms number rows).
    pub member_rows: Vec<usize>,
}

impl ProfileRead {
    /// Adds the domain's errors for fields the reader has not already reported (an unreadable
    /// number is reported once, not again as missing).
    pub fn add_domain_errors(&mut self, domain: ValidationErrors) {
        for e in domain.errors {
            if self.errors.code_for(&e.field).is_none() {
                self.errors.errors.push(e);
            }
        }
    }
}

/// Replaces Arabic-Indic (U+0660..U+0669) and Persian (U+06F0..U+06F9) digits with Western
/// ones: people type numbers with the keyboard they have.
#[must_use]
pub fn western_digits(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(u32::from(c) - 0x0660, 10).unwrap_or(c),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(u32::from(c) - 0x06F0, 10).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// The one whole-number rule: "" (after trimming) is `Ok(None)`; Western, Arabic-Indic and
/// Persian digits are read; anything else is `Err(())`.
///
/// # Errors
/// The text is not a whole number.
#[allow(clippy::result_unit_err)] // the caller names the field and the code
pub fn parse_number(raw: &str) -> Result<Option<i32>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    western_digits(raw).parse::<i32>().map(Some).map_err(|_| ())
}

/// Reads the number in `name`; an unreadable one is `invalid_number` on `field`.
fn number(
    values: &FormValues,
    name: &str,
    field: &str,
    errors: &mut ValidationErrors,
) -> Option<i32> {
    parse_number(values.get(name)).unwrap_or_else(|()| {
        errors.add(field, "invalid_number");
        None
    })
}

/// The error field for a form name: `languages.2.code` -> `languages.2`.
#[must_use]
pub fn field_of_name(name: &str) -> String {
    let mut parts = name.splitn(3, '.');
    match (parts.next(), parts.next()) {
        (Some(base), Some(i)) if i.parse::<usize>().is_ok() => format!("{base}.{i}"),
        (Some(base), _) => base.to_owned(),
        _ => name.to_owned(),
    }
}

/// How many language rows to read or show for these values.
#[must_use]
pub fn language_rows(values: &FormValues) -> usize {
    LANGUAGE_ROWS
        .max(values.max_row("languages") + 1)
        .min(MAX_LANGUAGE_ROWS)
}

/// How many household member rows to read or show for these values.
#[must_use]
pub fn member_rows(values: &FormValues) -> usize {
    MEMBER_ROWS
        .max(values.max_row("household_members") + 1)
        .min(MAX_MEMBER_ROWS)
}

/// Reads every profile field of the form (absent fields read as empty).
#[must_use]
pub fn read(values: &FormValues) -> ProfileRead {
    let mut e = ValidationErrors::default();
    let languages = (0..language_rows(values))
        .map(|i| LanguageInput {
            code: values.get(&format!("languages.{i}.code")).to_owned(),
            level: values.get(&format!("languages.{i}.level")).to_owned(),
        })
        .collect();
    let mut household_members = Vec::new();
    let mut rows = Vec::new();
    for i in 0..member_rows(values) {
        let name = values.get(&format!("household_members.{i}.first_name"));
        let year_name = format!("household_members.{i}.birth_year");
        if name.trim().is_empty() && values.get(&year_name).trim().is_empty() {
            continue;
        }
        let field = format!("household_members.{}", household_members.len());
        let birth_year = number(values, &year_name, &field, &mut e);
        rows.push(i);
        household_members.push(HouseholdMemberInput {
            first_name: name.to_owned(),
            birth_year,
        });
    }
    let mut too_long = ValidationErrors::default();
    for (name, value) in &values.0 {
        if value.chars().count() > MAX_VALUE_CHARS {
            let mut field = field_of_name(name);
            // Members are named by given member, like every other member error.
            if let Some(row) = field
                .strip_prefix("household_members.")
                .and_then(|r| r.parse::<usize>().ok())
            {
                if let Some(given) = rows.iter().position(|r| *r == row) {
                    field = format!("household_members.{given}");
                }
            }
            if too_long.code_for(&field).is_none() {
                too_long.add(field, "too_long");
            }
        }
    }
    let input = ProfileInput {
        first_name: values.get("first_name").to_owned(),
        last_name: values.get("last_name").to_owned(),
        email: values.get("email").to_owned(),
        phone: values.optional("phone"),
        message_language: values.get("message_language").to_owned(),
        role: values.get("role").to_owned(),
        volunteer: values.flag("volunteer"),
        capacity: number(values, "capacity", "capacity", &mut e),
        birth_year: number(values, "birth_year", "birth_year", &mut e),
        gender: values.optional("gender"),
        languages,
        practise_languages: values
            .all("practise_languages")
            .map(str::to_owned)
            .collect(),
        interests: values.all("interests").map(str::to_owned).collect(),
        availability: values.all("availability").map(str::to_owned).collect(),
        area: values.optional("area"),
        max_travel_km: number(values, "max_travel_km", "max_travel_km", &mut e),
        online_ok: values.flag("online_ok"),
        household_adults: number(values, "household_adults", "household_adults", &mut e),
        household_children: number(values, "household_children", "household_children", &mut e),
        household_members,
        is_minor: values.flag("is_minor"),
        // "any" is the form's way of saying "no preference".
        pref_buddy_gender: values.optional("pref_buddy_gender").filter(|g| g != "any"),
        pref_family: values.flag("pref_family"),
        pref_age_min: number(values, "pref_age_min", "pref_age_min", &mut e),
        pref_age_max: number(values, "pref_age_max", "pref_age_max", &mut e),
        pref_outside_language_community: values.flag("pref_outside_language_community"),
        share_domains: values.all("share_domains").map(str::to_owned).collect(),
        learn_domains: values.all("learn_domains").map(str::to_owned).collect(),
        consent: values.flag("consent"),
    };
    // Too long first: a value nobody should look at is the first thing to fix.
    too_long.errors.extend(e.errors);
    ProfileRead {
        input,
        errors: too_long,
        member_rows: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_pairs_become_a_profile() {
        let values = FormValues::parse(
            b"first_name=Amal&email=a%40example.org&languages.0.code=ar&languages.0.level=native&languages.5.code=de\
              &interests=cooking&interests=chess&availability=mon_morning&volunteer=true&birth_year=%D9%A1%D9%A9%D9%A9%D9%A0\
              &household_members.1.first_name=Sami&household_members.1.birth_year=abc&max_travel_km=",
        )
        .expect("form data");
        let read = read(&values);
        let (input, errors, rows) = (read.input, read.errors, read.member_rows);
        assert_eq!(input.first_name, "Amal");
        assert_eq!(input.languages.len(), 6);
        assert_eq!(input.languages[0].level, "native");
        assert_eq!(input.languages[5].code, "de");
        assert_eq!(input.interests, ["cooking", "chess"]);
        assert!(input.volunteer && !input.consent);
        assert_eq!(input.birth_year, Some(1990), "Arabic-Indic digits are read");
        assert_eq!(input.max_travel_km, None);
        assert_eq!(rows, [1]);
        assert_eq!(
            errors.code_for("household_members.0"),
            Some("invalid_number")
        );
    }

    #[test]
    fn every_digit_script_is_one_number() {
        for raw in ["15", " 15 ", "١٥", "۱۵", "1٥"] {
            assert_eq!(parse_number(raw), Ok(Some(15)), "{raw}");
        }
        assert_eq!(parse_number("  "), Ok(None));
        assert_eq!(parse_number("abc"), Err(()));
        assert_eq!(parse_number("1.5"), Err(()));
    }

    #[test]
    fn names_map_to_error_fields() {
        assert_eq!(field_of_name("languages.2.code"), "languages.2");
        assert_eq!(field_of_name("first_name"), "first_name");
        assert_eq!(field_of_name("interests"), "interests");
    }

    #[test]
    fn too_long_is_reported_once_per_field_and_members_by_given_member() {
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        let body = serde_urlencoded::to_string([
            ("first_name", long.as_str()),
            ("languages.1.code", long.as_str()),
            ("languages.1.level", long.as_str()),
            ("household_members.2.first_name", long.as_str()),
        ])
        .expect("encode");
        let read = read(&FormValues::parse(body.as_bytes()).expect("form data"));
        assert_eq!(read.errors.code_for("first_name"), Some("too_long"));
        assert_eq!(read.errors.code_for("languages.1"), Some("too_long"));
        assert_eq!(
            read.errors.code_for("household_members.0"),
            Some("too_long")
        );
        assert_eq!(read.errors.errors.len(), 3);
        assert_eq!(read.member_rows, [2]);
    }
}
