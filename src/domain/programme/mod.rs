//! A buddy programme: its areas, extra interests, check-in rhythm and score weights, and the
//! settings an admin types in for one ([`ProgrammeSettings::parse`]).

use std::ops::RangeInclusive;

use chrono::NaiveDateTime;
use matching::compat::Weights;
use serde::{Deserialize, Serialize};

use super::form_choice::FormChoice;
use super::language::LanguageCode;
use super::validation::ValidationErrors;
use super::{interests, weights, PhoneRegion, UiLanguage};

mod translations;
pub use translations::{ProgrammeName, Translations};

/// One area (district, village) people can choose, with a centre point for distances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Stable id used in forms and CSV.
    pub slug: String,
    /// Shown name.
    pub name: String,
    /// Latitude of the centre.
    pub lat: f64,
    /// Longitude of the centre.
    pub lon: f64,
}

/// A programme as the domain sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programme {
    /// Database id.
    pub id: i32,
    /// URL id, e.g. `leipzig-buddies`.
    pub slug: String,
    /// Shown name.
    pub name: String,
    /// The local language people practise (ISO 639 code).
    pub local_language: String,
    /// Areas people choose from.
    pub areas: Vec<Area>,
    /// Extra interest tags of this programme.
    pub interests: Vec<String>,
    /// Days between check-ins.
    pub checkin_every_days: i32,
    /// Days to answer an introduction before the one reminder.
    pub response_days: i32,
    /// Days an unconfirmed sign-up is kept before it is deleted.
    pub unconfirmed_days: i32,
    /// Months the personal data of people who left and of closed matches is kept.
    pub retention_months: i32,
    /// Score weights as JSON (`matching::compat::Weights`); `{}` means the defaults.
    pub weights_json: String,
    /// When it was archived (sign-up closed, no new runs); `None` while it is open.
    pub archived_at: Option<NaiveDateTime>,
    /// Its names in the interface languages.
    pub translations: Translations,
    /// The country of its local phone numbers; without one, numbers need their `+` code.
    pub phone_region: Option<PhoneRegion>,
}

impl Programme {
    /// Its name in `lang` (its own name when not translated).
    #[must_use]
    pub fn name_in(&self, lang: UiLanguage) -> &str {
        self.translations.name(lang).unwrap_or(&self.name)
    }

    /// The area's name in `lang` (its own name when not translated), if the programme has it.
    #[must_use]
    pub fn area_name_in(&self, slug: &str, lang: UiLanguage) -> Option<&str> {
        let area = self.area(slug)?;
        Some(self.translations.area(slug, lang).unwrap_or(&area.name))
    }

    /// The area with this slug.
    #[must_use]
    pub fn area(&self, slug: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.slug == slug)
    }

    /// Whether it takes sign-ups and new matching runs (it is not archived).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.archived_at.is_none()
    }
}

/// Days between check-ins a programme may choose.
pub const CHECKIN_DAYS: RangeInclusive<i32> = 1..=180;
/// Days to answer an introduction before the reminder, as a programme may choose.
pub const RESPONSE_DAYS: RangeInclusive<i32> = 1..=60;
/// Days an unconfirmed sign-up may be kept, as a programme may choose (the link works 7 days).
pub const UNCONFIRMED_DAYS: RangeInclusive<i32> = 7..=90;
/// Months personal data of people who left and of closed matches may be kept.
pub const RETENTION_MONTHS: RangeInclusive<i32> = 1..=120;
/// Longest programme name.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest area name.
pub const MAX_AREA_NAME_CHARS: usize = 80;
/// Most areas a programme may have.
pub const MAX_AREAS: usize = 200;
/// Most extra interest tags a programme may have.
pub const MAX_INTERESTS: usize = 50;
/// Longest slug (programme, area or interest tag).
pub const MAX_SLUG_CHARS: usize = 40;

/// A programme's URL id: lowercase letters, digits and hyphens, 2 to 40 characters, starting
/// and ending with a letter or digit. Fixed once the programme exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeSlug(String);

impl ProgrammeSlug {
    /// Parses `leipzig-buddies` (upper case is lowered, spaces around are dropped).
    ///
    /// # Errors
    /// `"required"` or `"invalid_slug"`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err("required");
        }
        let ok_chars = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let ends = !s.starts_with('-') && !s.ends_with('-');
        if ok_chars && ends && (2..=MAX_SLUG_CHARS).contains(&s.len()) {
            Ok(Self(s))
        } else {
            Err("invalid_slug")
        }
    }

    /// The slug.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The settings form as typed: every value is text, as it came from the form or the command
/// line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsInput {
    /// Shown name.
    pub name: String,
    /// ISO 639 code of the local language.
    pub local_language: String,
    /// One area per line: `Name; latitude; longitude`, optionally `; id` at the end.
    pub areas: String,
    /// One extra interest tag per line.
    pub interests: String,
    /// Days between check-ins.
    pub checkin_every_days: String,
    /// Days to answer an introduction before the reminder.
    pub response_days: String,
    /// Days an unconfirmed sign-up is kept.
    pub unconfirmed_days: String,
    /// Months personal data is kept after someone left or a match closed.
    pub retention_months: String,
    /// Text of each score weight by component (see [`crate::domain::weights::COMPONENTS`]); a
    /// missing or blank one keeps the base weight.
    pub weights: Vec<(String, String)>,
    /// The names in each interface language, as text ([`Translations`]); languages left out
    /// have none.
    pub translations: Vec<(UiLanguage, String)>,
    /// Two-letter country of local phone numbers, or empty.
    pub phone_region: String,
}

impl SettingsInput {
    /// The current settings of `programme` as form text (weights: the stored ones, else the
    /// defaults).
    #[must_use]
    pub fn of(programme: &Programme) -> Self {
        let weights: Weights = serde_json::from_str(&programme.weights_json).unwrap_or_default();
        Self {
            name: programme.name.clone(),
            local_language: programme.local_language.clone(),
            areas: area_lines(&programme.areas),
            interests: programme.interests.join("\n"),
            checkin_every_days: programme.checkin_every_days.to_string(),
            response_days: programme.response_days.to_string(),
            unconfirmed_days: programme.unconfirmed_days.to_string(),
            retention_months: programme.retention_months.to_string(),
            weights: weights::COMPONENTS
                .iter()
                .map(|c| ((*c).to_owned(), weights::get(&weights, c).to_string()))
                .collect(),
            translations: UiLanguage::ALL
                .iter()
                .map(|&l| {
                    let text =
                        programme
                            .translations
                            .text(l, &programme.areas, &programme.interests);
                    (l, text)
                })
                .collect(),
            phone_region: programme
                .phone_region
                .as_ref()
                .map(|r| r.code().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Blank settings with the defaults filled in (14 days between check-ins, 7 to answer,
    /// default weights).
    #[must_use]
    pub fn defaults() -> Self {
        let w = Weights::default();
        Self {
            checkin_every_days: "14".into(),
            response_days: "7".into(),
            unconfirmed_days: "14".into(),
            retention_months: "24".into(),
            weights: weights::COMPONENTS
                .iter()
                .map(|c| ((*c).to_owned(), weights::get(&w, c).to_string()))
                .collect(),
            translations: UiLanguage::ALL
                .iter()
                .map(|&l| (l, "name = ".to_owned()))
                .collect(),
            ..Self::default()
        }
    }

    /// The names text typed for `lang` ("" if none).
    #[must_use]
    pub fn translation(&self, lang: UiLanguage) -> &str {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The text typed for one weight ("" if none).
    #[must_use]
    pub fn weight(&self, component: &str) -> &str {
        self.weights
            .iter()
            .find(|(c, _)| c == component)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Areas as the form shows them, one per line: `Name; latitude; longitude`, with `; id` added
/// when the id is not the one the name gives (so that it is kept).
#[must_use]
pub fn area_lines(areas: &[Area]) -> String {
    areas
        .iter()
        .map(|a| {
            if area_slug_of(&a.name) == a.slug {
                format!("{}; {}; {}", a.name, a.lat, a.lon)
            } else {
                format!("{}; {}; {}; {}", a.name, a.lat, a.lon, a.slug)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The id an area name gives: lower case ASCII letters and digits, other characters as `-`,
/// common accented letters spelled out (`Grünau` -> `gruenau`); empty for a name without
/// Latin letters or digits.
#[must_use]
pub fn area_slug_of(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let spelled = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'ä' | 'æ' => "ae",
            'ö' | 'œ' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ý' | 'ÿ' => "y",
            _ => "-",
        };
        if spelled == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(spelled);
    }
    let mut s = out.trim_end_matches('-').to_owned();
    if s.len() > MAX_SLUG_CHARS {
        s.truncate(MAX_SLUG_CHARS);
        s = s.trim_end_matches('-').to_owned();
    }
    s
}

fn valid_area_slug(s: &str) -> bool {
    (1..=MAX_SLUG_CHARS).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Arabic-Indic and Persian digits as ASCII digits, the Arabic decimal separator and a comma as
/// `.`, and the minus sign as `-`.
fn western_number(raw: &str) -> String {
    raw.trim()
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c),
            '\u{066B}' | ',' => '.',
            '\u{2212}' => '-',
            other => other,
        })
        .collect()
}

fn whole_number(raw: &str, range: &RangeInclusive<i32>) -> Result<i32, &'static str> {
    let s = western_number(raw);
    if s.is_empty() {
        return Err("required");
    }
    match s.parse::<i32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        Ok(_) => Err("out_of_range"),
        Err(_) => Err("invalid_number"),
    }
}

fn coordinate(raw: &str, limit: f64, code: &'static str) -> Result<f64, &'static str> {
    match western_number(raw).parse::<f64>() {
        Ok(v) if v.is_finite() && (-limit..=limit).contains(&v) => Ok(v),
        _ => Err(code),
    }
}

/// One line of the areas text.
fn parse_area(line: &str, n: usize) -> Result<Area, &'static str> {
    let parts: Vec<&str> = line.split(';').map(str::trim).collect();
    if !(3..=4).contains(&parts.len()) {
        return Err("area_format");
    }
    let name = parts[0];
    if name.is_empty() {
        return Err("area_name_required");
    }
    if name.chars().count() > MAX_AREA_NAME_CHARS {
        return Err("too_long");
    }
    if name.chars().any(char::is_control) {
        return Err("invalid_character");
    }
    let lat = coordinate(parts[1], 90.0, "invalid_latitude")?;
    let lon = coordinate(parts[2], 180.0, "invalid_longitude")?;
    let slug = match parts.get(3) {
        Some(id) if !id.is_empty() => {
            let id = id.to_ascii_lowercase();
            if !valid_area_slug(&id) {
                return Err("invalid_area_id");
            }
            id
        }
        _ => {
            let s = area_slug_of(name);
            if s.is_empty() {
                format!("area-{n}")
            } else {
                s
            }
        }
    };
    Ok(Area {
        slug,
        name: name.to_owned(),
        lat,
        lon,
    })
}

/// A programme's settings, parsed and checked: everything an admin sets except the slug.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeSettings {
    name: String,
    local_language: LanguageCode,
    areas: Vec<Area>,
    interests: Vec<String>,
    checkin_every_days: i32,
    response_days: i32,
    unconfirmed_days: i32,
    retention_months: i32,
    weights: Weights,
    translations: Translations,
    phone_region: Option<PhoneRegion>,
}

impl ProgrammeSettings {
    /// Parses the settings; weights left blank keep `base_weights`.
    ///
    /// Problems are reported per field: `name`, `local_language`, `areas` (`no_area`,
    /// `too_many`), `areas.<line>` (0-based line of the text: `area_format`,
    /// `area_name_required`, `too_long`, `invalid_latitude`, `invalid_longitude`,
    /// `invalid_area_id`, `duplicate_area`), `interests.<line>` (`invalid_interest`, `too_long`),
    /// `interests` (`too_many`), `translations.<lang>.<line>` (see [`Translations::parse`]),
    /// `checkin_every_days`, `response_days`, `unconfirmed_days` and `retention_months` (`required`,
    /// `invalid_number`, `out_of_range`), `weights.<component>` (`out_of_range`).
    ///
    /// # Errors
    /// Every problem found, in form order.
    pub fn parse(input: &SettingsInput, base_weights: &Weights) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();

        let name = super::validation::without_bidi_controls(&input.name)
            .trim()
            .to_owned();
        if name.is_empty() {
            e.add("name", "required");
        } else if name.chars().count() > MAX_NAME_CHARS {
            e.add("name", "too_long");
        } else if name.chars().any(char::is_control) {
            // Also what PostgreSQL cannot store (NUL).
            e.add("name", "invalid_character");
        }
        let local_language = e.check(
            "local_language",
            LanguageCode::from_form(&input.local_language),
        );

        let mut areas: Vec<Area> = Vec::new();
        for (i, line) in input.areas.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match parse_area(line, i + 1) {
                Ok(a) => {
                    let same_name = |b: &Area| b.name.to_lowercase() == a.name.to_lowercase();
                    if areas.iter().any(|b| b.slug == a.slug || same_name(b)) {
                        e.add(format!("areas.{i}"), "duplicate_area");
                    } else {
                        areas.push(a);
                    }
                }
                Err(code) => e.add(format!("areas.{i}"), code),
            }
        }
        let line_errors = e.errors.iter().any(|f| f.field.starts_with("areas."));
        if areas.is_empty() && !line_errors {
            e.add("areas", "no_area");
        }
        if areas.len() > MAX_AREAS {
            e.add("areas", "too_many");
        }

        let mut tags: Vec<String> = Vec::new();
        for (i, line) in input.interests.lines().enumerate() {
            let tag = interests::normalise(line);
            if tag.is_empty() {
                continue;
            }
            if tag.chars().count() > MAX_SLUG_CHARS {
                e.add(format!("interests.{i}"), "too_long");
            } else if !tag
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                e.add(format!("interests.{i}"), "invalid_interest");
            } else if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        if tags.len() > MAX_INTERESTS {
            e.add("interests", "too_many");
        }
        let translations = Translations::parse(&input.translations, &areas, &tags, &mut e);

        let checkin = e.check(
            "checkin_every_days",
            whole_number(&input.checkin_every_days, &CHECKIN_DAYS),
        );
        let response = e.check(
            "response_days",
            whole_number(&input.response_days, &RESPONSE_DAYS),
        );
        let unconfirmed = e.check(
            "unconfirmed_days",
            whole_number(&input.unconfirmed_days, &UNCONFIRMED_DAYS),
        );
        let retention = e.check(
            "retention_months",
            whole_number(&input.retention_months, &RETENTION_MONTHS),
        );
        let phone_region = if input.phone_region.trim().is_empty() {
            None
        } else {
            e.check("phone_region", PhoneRegion::parse(&input.phone_region))
        };
        let weights = match weights::with_overrides(base_weights, |c| input.weight(c)) {
            Ok(w) => Some(w),
            Err(bad) => {
                for c in bad {
                    e.add(format!("weights.{c}"), "out_of_range");
                }
                None
            }
        };

        match (
            local_language,
            checkin,
            response,
            unconfirmed,
            retention,
            weights,
        ) {
            (
                Some(local_language),
                Some(checkin),
                Some(response),
                Some(unconfirmed),
                Some(retention),
                Some(weights),
            ) if e.is_empty() => Ok(Self {
                name,
                local_language,
                areas,
                interests: tags,
                checkin_every_days: checkin,
                response_days: response,
                unconfirmed_days: unconfirmed,
                retention_months: retention,
                weights,
                translations,
                phone_region,
            }),
            _ => Err(e),
        }
    }

    /// Shown name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The country of local phone numbers, if set.
    #[must_use]
    pub fn phone_region(&self) -> Option<PhoneRegion> {
        self.phone_region
    }

    /// The local language.
    #[must_use]
    pub fn local_language(&self) -> &LanguageCode {
        &self.local_language
    }

    /// Areas, in the order given.
    #[must_use]
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// Extra interest tags, normalised, without repeats.
    #[must_use]
    pub fn interests(&self) -> &[String] {
        &self.interests
    }

    /// Days between check-ins.
    #[must_use]
    pub fn checkin_every_days(&self) -> i32 {
        self.checkin_every_days
    }

    /// Days to answer an introduction before the reminder.
    #[must_use]
    pub fn response_days(&self) -> i32 {
        self.response_days
    }

    /// Days an unconfirmed sign-up is kept.
    #[must_use]
    pub fn unconfirmed_days(&self) -> i32 {
        self.unconfirmed_days
    }

    /// Months personal data is kept after someone left or a match closed.
    #[must_use]
    pub fn retention_months(&self) -> i32 {
        self.retention_months
    }

    /// Default score weights of the programme's runs.
    #[must_use]
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The names in the interface languages.
    #[must_use]
    pub fn translations(&self) -> &Translations {
        &self.translations
    }

    /// The areas of `current` these settings no longer have (matched by id).
    #[must_use]
    pub fn removed_areas<'a>(&self, current: &'a Programme) -> Vec<&'a Area> {
        current
            .areas
            .iter()
            .filter(|a| !self.areas.iter().any(|b| b.slug == a.slug))
            .collect()
    }

    /// The interest tags of `current` these settings no longer have.
    #[must_use]
    pub fn removed_interests<'a>(&self, current: &'a Programme) -> Vec<&'a String> {
        current
            .interests
            .iter()
            .filter(|t| !self.interests.contains(t))
            .collect()
    }
}

#[cfg(test)]
mod tests;
