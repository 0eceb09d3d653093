//! A participant's profile: the raw [`ProfileInput`] every edge (form, JSON API, CSV) produces,
//! and the validated [`NewParticipant`] everything past the edge trusts.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::form_choice::{FormChoice, INVALID_CHOICE};
use super::{
    availability, interests, Availability, Email, IntegrationDomain, LanguageCode, LanguageLevel,
    Phone, Programme, SpokenLanguage, UiLanguage, ValidationErrors,
};

/// How a person can be reached: the rule for who may sign up without an email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Signing up themselves: an email or a phone number, so that someone can reach them.
    EmailOrPhone,
    /// Recorded by a coordinator (a paper form, a visit): neither is needed, the coordinator
    /// keeps in touch in person.
    Coordinator,
}

/// Current status in the programme: a status, not an identity; changes are kept in history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Recently arrived; looks for a buddy (a seeker).
    Arriving,
    /// Already lives there (including people who arrived years ago).
    Receiving,
}

impl Role {
    /// `arriving` or `receiving`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Arriving => "arriving",
            Self::Receiving => "receiving",
        }
    }

    /// Parses a code.
    ///
    /// # Errors
    /// `"required"` or `"invalid_choice"`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        match raw.trim() {
            "" => Err("required"),
            "arriving" => Ok(Self::Arriving),
            "receiving" => Ok(Self::Receiving),
            _ => Err("invalid_choice"),
        }
    }
}

/// Gender as the person states it; used only for stated preferences. The matching core's type
/// ([`matching::compat::Gender`]): codes `woman`, `man`, `non_binary`, `prefer_not_to_say`.
pub use matching::compat::Gender;

/// Reads a gender code: `"invalid_choice"` for anything else.
impl FormChoice for Gender {
    fn from_form(raw: &str) -> Result<Self, &'static str> {
        Self::parse(raw).map_err(|_| INVALID_CHOICE)
    }
}

/// A language row as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageInput {
    /// ISO 639 code.
    pub code: String,
    /// `A1`..`C2` or `native`.
    pub level: String,
}

/// A household member as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdMemberInput {
    /// First name.
    pub first_name: String,
    /// Year of birth, if given.
    #[serde(default)]
    pub birth_year: Option<i32>,
}

/// The raw profile, as the form, the JSON API and a CSV row give it. Nothing here is trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProfileInput {
    /// First name (the only name the other side sees before both accept).
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email address; empty for someone reached by phone (or, added by a coordinator, by neither).
    pub email: String,
    /// Phone number as typed; stored in E.164.
    pub phone: Option<String>,
    /// Language for messages: en, de, fr, ar, fa, uk.
    pub message_language: String,
    /// `arriving` or `receiving`.
    pub role: String,
    /// Offers to be a buddy.
    pub volunteer: bool,
    /// How many buddies a volunteer can take (1..=5).
    pub capacity: Option<i32>,
    /// Year of birth.
    pub birth_year: Option<i32>,
    /// `woman`, `man`, `non_binary`, `prefer_not_to_say`.
    pub gender: Option<String>,
    /// Languages spoken, with levels.
    pub languages: Vec<LanguageInput>,
    /// Languages the person wants to practise.
    pub practise_languages: Vec<String>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// Slot names like `mon_morning`.
    pub availability: Vec<String>,
    /// Area slug of the programme.
    pub area: Option<String>,
    /// How far the person will travel, km (0..=100).
    pub max_travel_km: Option<i32>,
    /// Meeting online is fine.
    pub online_ok: bool,
    /// Adults in the household (1..=10).
    pub household_adults: Option<i32>,
    /// Children in the household (0..=15).
    pub household_children: Option<i32>,
    /// Other household members.
    pub household_members: Vec<HouseholdMemberInput>,
    /// The seeker is under 18.
    pub is_minor: bool,
    /// Preferred buddy gender: `woman` or `man`.
    pub pref_buddy_gender: Option<String>,
    /// Wants family-with-family matching.
    pub pref_family: bool,
    /// Youngest acceptable buddy age.
    pub pref_age_min: Option<i32>,
    /// Oldest acceptable buddy age.
    pub pref_age_max: Option<i32>,
    /// Wants a buddy outside their own first-language community (confidentiality).
    pub pref_outside_language_community: bool,
    /// What the person would like to share (domain codes).
    pub share_domains: Vec<String>,
    /// What the person would like help with or to learn (domain codes).
    pub learn_domains: Vec<String>,
    /// Agreed to the privacy notice.
    pub consent: bool,
}

/// A household member, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HouseholdMember {
    /// First name.
    pub first_name: String,
    /// Year of birth.
    pub birth_year: Option<i32>,
}

/// A validated profile, ready to store and to score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewParticipant {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email; `None` for someone the coordinator reaches by phone or in person.
    pub email: Option<Email>,
    /// Phone, E.164.
    pub phone: Option<Phone>,
    /// Message language.
    pub message_language: UiLanguage,
    /// Current role.
    pub role: Role,
    /// Offers to be a buddy.
    pub volunteer: bool,
    /// Buddies a volunteer can take (1 for everyone else).
    pub capacity: i32,
    /// Year of birth.
    pub birth_year: Option<i32>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Languages spoken (at least one, no duplicates).
    pub languages: Vec<SpokenLanguage>,
    /// Languages to practise.
    pub practise_languages: Vec<LanguageCode>,
    /// Interest tags, normalised, sorted, unique.
    pub interests: Vec<String>,
    /// Weekly availability (at least one slot).
    pub availability: Availability,
    /// Area slug (one of the programme's).
    pub area: Option<String>,
    /// Travel radius, km.
    pub max_travel_km: i32,
    /// Online is fine.
    pub online_ok: bool,
    /// Adults in the household.
    pub household_adults: i32,
    /// Children in the household.
    pub household_children: i32,
    /// Other household members.
    pub household_members: Vec<HouseholdMember>,
    /// Under 18.
    pub is_minor: bool,
    /// Preferred buddy gender.
    pub pref_buddy_gender: Option<Gender>,
    /// Family with family.
    pub pref_family: bool,
    /// Youngest acceptable buddy age.
    pub pref_age_min: Option<i32>,
    /// Oldest acceptable buddy age.
    pub pref_age_max: Option<i32>,
    /// Outside own language community.
    pub pref_outside_language_community: bool,
    /// Domains to share.
    pub share_domains: Vec<IntegrationDomain>,
    /// Domains to learn.
    pub learn_domains: Vec<IntegrationDomain>,
}

const MAX_NAME: usize = 100;
const MAX_LIST: usize = 40;

fn text(
    errors: &mut ValidationErrors,
    field: &str,
    raw: &str,
    required: bool,
    max: usize,
) -> String {
    let cleaned = super::validation::without_bidi_controls(raw);
    let s = cleaned.trim();
    if s.is_empty() && required {
        errors.add(field, "required");
    } else if s.chars().count() > max {
        errors.add(field, "too_long");
    } else if s.chars().any(char::is_control) {
        errors.add(field, "invalid_choice");
    }
    s.to_owned()
}

fn number(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<i32>,
    range: std::ops::RangeInclusive<i32>,
    default: i32,
) -> i32 {
    let v = value.unwrap_or(default);
    if !range.contains(&v) {
        errors.add(field, "out_of_range");
    }
    v
}

fn optional_number(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<i32>,
    range: std::ops::RangeInclusive<i32>,
) -> Option<i32> {
    if let Some(v) = value {
        if !range.contains(&v) {
            errors.add(field, "out_of_range");
        }
    }
    value
}

/// The email and the phone: each checked when given; with `Reach::EmailOrPhone` one of them is
/// needed (the error sits on the email, which the form shows first).
fn contact(
    e: &mut ValidationErrors,
    input: &ProfileInput,
    programme: &Programme,
    reach: Reach,
) -> (Option<Email>, Option<Phone>) {
    let raw_phone = input.phone.as_deref().unwrap_or_default();
    let region = programme.phone_region;
    let phone = if raw_phone.trim().is_empty() {
        None
    } else {
        e.check("phone", Phone::parse(raw_phone, region))
    };
    let email = if input.email.trim().is_empty() {
        if reach == Reach::EmailOrPhone && raw_phone.trim().is_empty() {
            e.add("email", "email_or_phone_required");
        }
        None
    } else {
        e.check("email", Email::parse(&input.email))
    };
    (email, phone)
}

fn domains(errors: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<IntegrationDomain> {
    let mut out = Vec::new();
    for r in raw.iter().filter(|r| !r.trim().is_empty()) {
        if let Some(d) = errors.check(field, IntegrationDomain::from_form(r)) {
            out.push(d);
        }
    }
    out.sort();
    out.dedup();
    out
}

impl NewParticipant {
    /// Validates a profile a person gives themselves (an email or a phone number needed).
    ///
    /// # Errors
    /// [`ValidationErrors`] listing each invalid field with a stable code.
    pub fn parse(input: ProfileInput, programme: &Programme) -> Result<Self, ValidationErrors> {
        Self::parse_with(input, programme, Reach::EmailOrPhone)
    }

    /// Validates a raw profile for `programme`, reporting every problem at once; `reach` says
    /// whether a way to contact the person is needed.
    ///
    /// # Errors
    /// [`ValidationErrors`] listing each invalid field with a stable code.
    #[allow(clippy::too_many_lines)] // one straight list of fields reads better than helpers per group
    pub fn parse_with(
        input: ProfileInput,
        programme: &Programme,
        reach: Reach,
    ) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let first_name = text(&mut e, "first_name", &input.first_name, true, MAX_NAME);
        let last_name = text(&mut e, "last_name", &input.last_name, false, MAX_NAME);
        let (email, phone) = contact(&mut e, &input, programme, reach);
        let message_language = if input.message_language.trim().is_empty() {
            Some(UiLanguage::En)
        } else {
            e.check(
                "message_language",
                UiLanguage::parse(&input.message_language),
            )
        };
        let role = e.check("role", Role::parse(&input.role));
        let capacity = number(&mut e, "capacity", input.capacity, 1..=5, 1);
        if capacity > 1 && !input.volunteer {
            e.add("capacity", "capacity_volunteers_only");
        }
        let this_year = chrono::Utc::now().year();
        let birth_year = optional_number(
            &mut e,
            "birth_year",
            input.birth_year,
            this_year - 110..=this_year,
        );
        let gender = match input.gender.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(g) => e.check("gender", Gender::from_form(g)),
        };

        let mut languages: Vec<SpokenLanguage> = Vec::new();
        for (i, row) in input.languages.iter().enumerate() {
            if row.code.trim().is_empty() && row.level.trim().is_empty() {
                continue; // an empty row of the form
            }
            let field = format!("languages.{i}");
            let code = e.check(&field, LanguageCode::from_form(&row.code));
            let level = e.check(&field, LanguageLevel::from_form(&row.level));
            if let (Some(code), Some(level)) = (code, level) {
                if languages.iter().any(|l| l.code == code) {
                    e.add("languages", "duplicate_language");
                } else {
                    languages.push(SpokenLanguage { code, level });
                }
            }
        }
        if languages.is_empty() && !e.errors.iter().any(|f| f.field.starts_with("languages")) {
            e.add("languages", "no_language");
        }
        if input.languages.len() > 10 {
            e.add("languages", "too_long");
        }

        let mut practise_languages = Vec::new();
        for raw in input
            .practise_languages
            .iter()
            .filter(|r| !r.trim().is_empty())
        {
            if let Some(code) = e.check("practise_languages", LanguageCode::from_form(raw)) {
                if !practise_languages.contains(&code) {
                    practise_languages.push(code);
                }
            }
        }

        let mut interest_tags: Vec<String> = input
            .interests
            .iter()
            .map(|s| interests::normalise(s))
            .filter(|s| !s.is_empty())
            .collect();
        interest_tags.sort();
        interest_tags.dedup();
        if interest_tags
            .iter()
            .any(|t| !interests::is_allowed(t, &programme.interests))
        {
            e.add("interests", "unknown_interest");
        }
        if interest_tags.len() > MAX_LIST {
            e.add("interests", "too_long");
        }

        let availability = e
            .check(
                "availability",
                availability::from_form(input.availability.iter().map(String::as_str)),
            )
            .unwrap_or_default();
        if availability.is_empty() && e.code_for("availability").is_none() {
            e.add("availability", "no_availability");
        }

        let area = match input.area.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(slug) if programme.area(slug).is_some() => Some(slug.to_owned()),
            Some(_) => {
                e.add("area", "unknown_area");
                None
            }
        };
        let max_travel_km = number(&mut e, "max_travel_km", input.max_travel_km, 0..=100, 5);
        let household_adults = number(
            &mut e,
            "household_adults",
            input.household_adults,
            1..=10,
            1,
        );
        let household_children = number(
            &mut e,
            "household_children",
            input.household_children,
            0..=15,
            0,
        );
        let mut household_members = Vec::new();
        for (i, m) in input.household_members.iter().enumerate() {
            let field = format!("household_members.{i}");
            let first_name = text(&mut e, &field, &m.first_name, true, MAX_NAME);
            let birth_year =
                optional_number(&mut e, &field, m.birth_year, this_year - 110..=this_year);
            household_members.push(HouseholdMember {
                first_name,
                birth_year,
            });
        }
        if household_members.len() > 25 {
            e.add("household_members", "too_long");
        }

        let pref_buddy_gender = match input.pref_buddy_gender.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(g @ ("woman" | "man")) => Gender::from_form(g).ok(),
            Some(_) => {
                e.add("pref_buddy_gender", "invalid_choice");
                None
            }
        };
        let pref_age_min = optional_number(&mut e, "pref_age_min", input.pref_age_min, 0..=120);
        let pref_age_max = optional_number(&mut e, "pref_age_max", input.pref_age_max, 0..=120);
        if let (Some(lo), Some(hi)) = (pref_age_min, pref_age_max) {
            if lo > hi {
                e.add("pref_age_max", "age_range_inverted");
            }
        }
        let share_domains = domains(&mut e, "share_domains", &input.share_domains);
        let learn_domains = domains(&mut e, "learn_domains", &input.learn_domains);
        if !input.consent {
            e.add("consent", "consent_required");
        }

        match (message_language, role) {
            (Some(message_language), Some(role)) if e.is_empty() => Ok(Self {
                first_name,
                last_name,
                email,
                phone,
                message_language,
                role,
                volunteer: input.volunteer,
                capacity,
                birth_year,
                gender,
                languages,
                practise_languages,
                interests: interest_tags,
                availability,
                area,
                max_travel_km,
                online_ok: input.online_ok,
                household_adults,
                household_children,
                household_members,
                is_minor: input.is_minor,
                pref_buddy_gender,
                pref_family: input.pref_family,
                pref_age_min,
                pref_age_max,
                pref_outside_language_community: input.pref_outside_language_community,
                share_domains,
                learn_domains,
            }),
            _ => Err(e),
        }
    }

    /// Back to the raw shape (for editing forms, exports and round-trip tests).
    #[must_use]
    pub fn to_input(&self) -> ProfileInput {
        ProfileInput {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            phone: self.phone.as_ref().map(|p| p.as_str().to_owned()),
            message_language: self.message_language.code().to_owned(),
            role: self.role.code().to_owned(),
            volunteer: self.volunteer,
            capacity: Some(self.capacity),
            birth_year: self.birth_year,
            gender: self.gender.map(|g| g.code().to_owned()),
            languages: self
                .languages
                .iter()
                .map(|l| LanguageInput {
                    code: l.code.as_str().to_owned(),
                    level: l.level.code().to_owned(),
                })
                .collect(),
            practise_languages: self
                .practise_languages
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            interests: self.interests.clone(),
            availability: self
                .availability
                .slot_names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            area: self.area.clone(),
            max_travel_km: Some(self.max_travel_km),
            online_ok: self.online_ok,
            household_adults: Some(self.household_adults),
            household_children: Some(self.household_children),
            household_members: self
                .household_members
                .iter()
                .map(|m| HouseholdMemberInput {
                    first_name: m.first_name.clone(),
                    birth_year: m.birth_year,
                })
                .collect(),
            is_minor: self.is_minor,
            pref_buddy_gender: self.pref_buddy_gender.map(|g| g.code().to_owned()),
            pref_family: self.pref_family,
            pref_age_min: self.pref_age_min,
            pref_age_max: self.pref_age_max,
            pref_outside_language_community: self.pref_outside_language_community,
            share_domains: self
                .share_domains
                .iter()
                .map(|d| d.code().to_owned())
                .collect(),
            learn_domains: self
                .learn_domains
                .iter()
                .map(|d| d.code().to_owned())
                .collect(),
            consent: true,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
