//! What the API reads and writes, with OpenAPI schemas. The domain's own types carry no schema
//! annotations, so the API has its own shapes and converts.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::participants::Participant;
use crate::db::programmes::Programme;
use crate::domain::{HouseholdMemberInput, LanguageInput, ProfileInput};
use crate::matching_runs::fairness::FairnessReport;

/// A spoken language with its level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageDto {
    /// ISO 639-1 code (`ar`, `de`, `uk`, ...).
    #[schema(example = "ar")]
    pub code: String,
    /// `A1`, `A2`, `B1`, `B2`, `C1`, `C2` or `native`.
    #[schema(example = "native")]
    pub level: String,
}

/// Another member of the household.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HouseholdMemberDto {
    /// First name.
    pub first_name: String,
    /// Year of birth.
    #[serde(default)]
    pub birth_year: Option<i32>,
}

/// A participant's profile: the same fields as the sign-up form and the CSV import. Missing
/// fields take their defaults; unknown fields are refused. Validation reports every invalid
/// field at once (422, `fields`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProfileInputDto {
    /// First name (required; the only name the other side sees before both accept).
    #[schema(example = "Amal")]
    pub first_name: String,
    /// Last name.
    #[schema(example = "K.")]
    pub last_name: String,
    /// Email address (unique within a programme; stored in lower case). Empty for someone
    /// without email: coordinators keep in touch with them by phone or in person.
    #[schema(example = "amal@example.org")]
    pub email: String,
    /// Phone number; stored in E.164. Without a `+` country code it is read as a number of the
    /// programme's phone country.
    #[schema(example = "+49 30 1234567")]
    pub phone: Option<String>,
    /// Language for messages: `en`, `de`, `fr`, `ar`, `fa`, `uk` (default `en`).
    #[schema(example = "ar")]
    pub message_language: String,
    /// `arriving` or `receiving` (required).
    #[schema(example = "arriving")]
    pub role: String,
    /// Offers to be a buddy.
    pub volunteer: bool,
    /// How many buddies a volunteer can take, 1..=5 (default 1; above 1 for volunteers only).
    pub capacity: Option<i32>,
    /// Year of birth.
    pub birth_year: Option<i32>,
    /// `woman`, `man`, `non_binary` or `prefer_not_to_say`.
    pub gender: Option<String>,
    /// Languages spoken (at least one).
    pub languages: Vec<LanguageDto>,
    /// Languages the person wants to practise (codes).
    pub practise_languages: Vec<String>,
    /// Interest tags (the common list plus the programme's own).
    #[schema(example = json!(["cooking", "football"]))]
    pub interests: Vec<String>,
    /// Weekly free slots, `mon_morning` .. `sun_evening` (at least one).
    #[schema(example = json!(["sat_morning", "wed_evening"]))]
    pub availability: Vec<String>,
    /// Area slug of the programme.
    pub area: Option<String>,
    /// How far the person will travel, km, 0..=100 (default 5).
    pub max_travel_km: Option<i32>,
    /// Meeting online is fine.
    pub online_ok: bool,
    /// Adults in the household, 1..=10 (default 1).
    pub household_adults: Option<i32>,
    /// Children in the household, 0..=15 (default 0).
    pub household_children: Option<i32>,
    /// Other household members.
    pub household_members: Vec<HouseholdMemberDto>,
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
    /// Wants a buddy outside their own first-language community.
    pub pref_outside_language_community: bool,
    /// What the person would like to share: `work`, `housing`, `education`,
    /// `health_and_social_care`, `leisure`, `language`, `culture`, `digital_skills`,
    /// `rights_and_services`, `safety`.
    pub share_domains: Vec<String>,
    /// What the person would like help with or to learn (same codes).
    pub learn_domains: Vec<String>,
    /// The person agreed to the privacy notice (must be true).
    pub consent: bool,
}

impl From<ProfileInputDto> for ProfileInput {
    fn from(d: ProfileInputDto) -> Self {
        // A struct literal without `..`: a field added to ProfileInput breaks the build here.
        Self {
            first_name: d.first_name,
            last_name: d.last_name,
            email: d.email,
            phone: d.phone,
            message_language: d.message_language,
            role: d.role,
            volunteer: d.volunteer,
            capacity: d.capacity,
            birth_year: d.birth_year,
            gender: d.gender,
            languages: d
                .languages
                .into_iter()
                .map(|l| LanguageInput {
                    code: l.code,
                    level: l.level,
                })
                .collect(),
            practise_languages: d.practise_languages,
            interests: d.interests,
            availability: d.availability,
            area: d.area,
            max_travel_km: d.max_travel_km,
            online_ok: d.online_ok,
            household_adults: d.household_adults,
            household_children: d.household_children,
            household_members: d
                .household_members
                .into_iter()
                .map(|m| HouseholdMemberInput {
                    first_name: m.first_name,
                    birth_year: m.birth_year,
                })
                .collect(),
            is_minor: d.is_minor,
            pref_buddy_gender: d.pref_buddy_gender,
            pref_family: d.pref_family,
            pref_age_min: d.pref_age_min,
            pref_age_max: d.pref_age_max,
            pref_outside_language_community: d.pref_outside_language_community,
            share_domains: d.share_domains,
            learn_domains: d.learn_domains,
            consent: d.consent,
        }
    }
}

impl From<ProfileInput> for ProfileInputDto {
    fn from(p: ProfileInput) -> Self {
        Self {
            first_name: p.first_name,
            last_name: p.last_name,
            email: p.email,
            phone: p.phone,
            message_language: p.message_language,
            role: p.role,
            volunteer: p.volunteer,
            capacity: p.capacity,
            birth_year: p.birth_year,
            gender: p.gender,
            languages: p
                .languages
                .into_iter()
                .map(|l| LanguageDto {
                    code: l.code,
                    level: l.level,
                })
                .collect(),
            practise_languages: p.practise_languages,
            interests: p.interests,
            availability: p.availability,
            area: p.area,
            max_travel_km: p.max_travel_km,
            online_ok: p.online_ok,
            household_adults: p.household_adults,
            household_children: p.household_children,
            household_members: p
                .household_members
                .into_iter()
                .map(|m| HouseholdMemberDto {
                    first_name: m.first_name,
                    birth_year: m.birth_year,
                })
                .collect(),
            is_minor: p.is_minor,
            pref_buddy_gender: p.pref_buddy_gender,
            pref_family: p.pref_family,
            pref_age_min: p.pref_age_min,
            pref_age_max: p.pref_age_max,
            pref_outside_language_community: p.pref_outside_language_community,
            share_domains: p.share_domains,
            learn_domains: p.learn_domains,
            consent: p.consent,
        }
    }
}

/// A stored participant: the profile plus what the system keeps about them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParticipantDto {
    /// Id.
    #[schema(example = 42)]
    pub id: i32,
    /// Slug of the programme.
    #[schema(example = "demo")]
    pub programme: String,
    /// `pending` (email not confirmed), `confirmed` or `withdrawn`.
    #[schema(example = "confirmed")]
    pub status: String,
    /// Cleared to be the buddy of a minor (set by a coordinator).
    pub safeguarding_cleared: bool,
    /// When the email was confirmed (UTC).
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Waiting for a buddy since (UTC).
    pub waiting_since: DateTime<Utc>,
    /// Created (UTC).
    pub created_at: DateTime<Utc>,
    /// Last changed (UTC).
    pub updated_at: DateTime<Utc>,
    /// The profile.
    pub profile: ProfileInputDto,
}

impl ParticipantDto {
    /// Builds the response from a stored row and its household.
    ///
    /// # Errors
    /// Corrupt stored JSON.
    pub fn new(
        p: &Participant,
        programme_slug: &str,
        household: Vec<HouseholdMemberInput>,
    ) -> Result<Self, crate::db::DbError> {
        let mut profile = p.to_profile_input()?;
        profile.household_members = household;
        Ok(Self {
            id: p.id,
            programme: programme_slug.to_owned(),
            status: p.status.code().to_owned(),
            safeguarding_cleared: p.safeguarding_cleared,
            confirmed_at: p.confirmed_at.map(utc),
            waiting_since: utc(p.waiting_since),
            created_at: utc(p.created_at),
            updated_at: utc(p.updated_at),
            profile: profile.into(),
        })
    }
}

/// Stored timestamps are UTC without a zone; the API states the zone (RFC 3339, `Z`).
fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

/// One page of participants.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParticipantPage {
    /// The participants on this page, oldest first.
    pub items: Vec<ParticipantDto>,
    /// This page (from 1).
    #[schema(example = 1)]
    pub page: i64,
    /// Page size.
    #[schema(example = 50)]
    pub per_page: i64,
    /// How many participants match the filter in all.
    #[schema(example = 123)]
    pub total: i64,
}

/// Filters and paging for listing participants.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Page size, 1..=200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// Only `arriving` or only `receiving`.
    #[param(pattern = "^(arriving|receiving)?$")]
    pub role: Option<String>,
    /// Only `pending`, `confirmed` or `withdrawn`.
    #[param(pattern = "^(pending|confirmed|withdrawn)?$")]
    pub status: Option<String>,
    /// Only volunteers (`true`) or only non-volunteers (`false`).
    pub volunteer: Option<bool>,
    /// Name or email contains this text.
    pub q: Option<String>,
}

/// An area people can choose.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaDto {
    /// Slug, used in `area`.
    #[schema(example = "gohlis")]
    pub slug: String,
    /// Shown name.
    #[schema(example = "Gohlis")]
    pub name: String,
}

/// A programme the caller can see.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeDto {
    /// Slug, used in URLs.
    #[schema(example = "demo")]
    pub slug: String,
    /// Shown name.
    pub name: String,
    /// The local language (ISO 639-1).
    #[schema(example = "de")]
    pub local_language: String,
    /// Areas participants choose from.
    pub areas: Vec<AreaDto>,
    /// The programme's own interest tags (on top of the common list).
    pub interests: Vec<String>,
    /// Days between check-ins of a live match.
    #[schema(example = 14)]
    pub checkin_every_days: i32,
    /// Days both people have to answer an introduction before one reminder is sent.
    #[schema(example = 7)]
    pub response_days: i32,
    /// When it was archived (UTC): sign-up closed and no new matching runs; `null` while open.
    pub archived_at: Option<DateTime<Utc>>,
    /// Names in the interface languages: `name` by language, `areas` and `interests` by id
    /// then language; empty objects are left out.
    #[schema(value_type = Object, example = json!({"name": {"ar": "برنامج الرفقة"}, "areas": {"gohlis": {"ar": "غوليس"}}}))]
    pub translations: crate::domain::programme::Translations,
    /// The country of local phone numbers (ISO 3166 alpha-2), if set.
    #[schema(example = "DE")]
    pub phone_region: Option<String>,
}

impl From<&Programme> for ProgrammeDto {
    fn from(p: &Programme) -> Self {
        Self {
            slug: p.slug.clone(),
            name: p.name.clone(),
            local_language: p.local_language.clone(),
            areas: p
                .areas
                .iter()
                .map(|a| AreaDto {
                    slug: a.slug.clone(),
                    name: a.name.clone(),
                })
                .collect(),
            interests: p.interests.clone(),
            checkin_every_days: p.checkin_every_days,
            response_days: p.response_days,
            archived_at: p.archived_at.map(utc),
            translations: p.translations.clone(),
            phone_region: p.phone_region.as_ref().map(|r| r.code().to_owned()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Matching runs and decisions

/// Score weights; a missing field keeps the programme's value.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightsDto {
    /// Best common language level, 0..=1000.
    pub language: Option<u32>,
    /// Shared interests, 0..=1000.
    pub interests: Option<u32>,
    /// Common weekly slots, 0..=1000.
    pub availability: Option<u32>,
    /// Closeness within both travel radii, 0..=1000.
    pub distance: Option<u32>,
    /// Share/learn domains both ways, 0..=1000.
    pub reciprocity: Option<u32>,
    /// Language practice both ways, 0..=1000.
    pub practice: Option<u32>,
    /// Age closeness, 0..=1000.
    pub age: Option<u32>,
    /// Hard rule: a pair needs a language both speak at this level or higher (`A1`..`C2`,
    /// `native`).
    #[schema(example = "A2")]
    pub min_language_level: Option<String>,
    /// "Speaks well" for language practice (`A1`..`C2`, `native`).
    #[schema(example = "B2")]
    pub practise_level: Option<String>,
}

/// Options of a new run (every field optional; `{}` or an empty body uses the programme's).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RunRequest {
    /// `most_matched` (default: most people matched, then best total score),
    /// `waiting_priority` or `fairness`.
    #[schema(
        example = "most_matched",
        pattern = "^(most_matched|waiting_priority|fairness)?$"
    )]
    pub objective: Option<String>,
    /// Score weights for this run.
    pub weights: Option<WeightsDto>,
}

/// A run was started.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RunStarted {
    /// The run's id.
    pub id: i32,
    /// `queued`.
    pub status: String,
    /// Where to follow it.
    #[schema(example = "/api/v1/matching-runs/7")]
    pub url: String,
}

/// What a finished run found.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RunSummaryDto {
    /// Seekers considered.
    pub seekers: i32,
    /// Buddies considered.
    pub buddies: i32,
    /// Feasible pairs.
    pub feasible_pairs: i32,
    /// Seekers matched.
    pub matched: i32,
    /// Seekers not matched.
    pub unmatched: usize,
    /// Sum of the proposed pairs' scores.
    pub total_score: i32,
    /// Wall time, milliseconds.
    pub duration_ms: i32,
}

/// A proposed pair.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProposalDto {
    /// Match id (for approve / reject).
    pub id: i32,
    /// Seeker's participant id.
    pub seeker_id: i32,
    /// Buddy's participant id.
    pub buddy_id: i32,
    /// Score 0..=1000.
    pub score: i32,
    /// `proposed`, `approved`, `rejected`, `superseded`, ...
    pub status: String,
    /// Why: the matching core's reasons, each `{"reason": <code>, ...details, "points": n}`
    /// (codes: `shared_language`, `shared_interests`, `common_slots`, `distance_km`,
    /// `online_only`, `can_learn`, `can_teach`, `practise_language`, `age_close`).
    #[schema(value_type = Vec<Object>)]
    pub reasons: serde_json::Value,
}

/// A seeker left unmatched, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnmatchedDto {
    /// Seeker's participant id.
    pub seeker_id: i32,
    /// `no_feasible_buddy` or `all_feasible_buddies_taken`.
    pub reason: String,
    /// With `no_feasible_buddy`: the hard rule that excluded the most buddies
    /// (`no_common_language`, `no_common_slot`, `too_far`, `seeker_preference`,
    /// `buddy_preference`, `needs_child_clearance`, `forbidden`).
    pub main_rule: Option<String>,
    /// With `no_feasible_buddy`: buddies checked and excluded per rule.
    #[schema(value_type = Option<Object>)]
    pub exclusions: Option<serde_json::Value>,
    /// With `all_feasible_buddies_taken`: how many feasible buddies there were.
    pub feasible_buddies: u32,
}

/// One page of a run's proposals.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProposalPage {
    /// Page, from 1.
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// All proposals of the run.
    pub total: i64,
    /// This page, best score first.
    pub items: Vec<ProposalDto>,
}

/// A matching run.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RunDto {
    /// Id.
    pub id: i32,
    /// Programme slug.
    pub programme: String,
    /// Objective code.
    pub objective: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// What it is doing now.
    pub progress: String,
    /// Why it failed.
    pub error: Option<String>,
    /// Started (UTC).
    pub created_at: DateTime<Utc>,
    /// Finished (UTC).
    pub finished_at: Option<DateTime<Utc>>,
    /// The weights used.
    #[schema(value_type = Object)]
    pub weights: serde_json::Value,
    /// When done.
    pub summary: Option<RunSummaryDto>,
    /// When done: one page of proposals.
    pub proposals: Option<ProposalPage>,
    /// When done: every unmatched seeker.
    pub unmatched: Vec<UnmatchedDto>,
    /// When done: the run next to first come, first served (greedy in sign-up order, same hard
    /// rules and scores) on the same cohort, with unmatched rates per language, gender, age band
    /// and area, and the groups left out more than 1.5 times as often as the cohort flagged.
    /// Null for runs made before this was kept.
    pub first_come_first_served: Option<FairnessReport>,
}

/// Paging of proposals.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RunQuery {
    /// Page, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Page size, 1..=500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<i64>,
}

/// A rejection.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    /// Why (required, at most 500 characters); kept, and the pair is never proposed again.
    #[schema(
        example = "They know each other privately.",
        min_length = 1,
        max_length = 500,
        pattern = r"\S"
    )]
    pub reason: String,
}

/// A run kept: the undecided proposals of the programme's other runs are replaced.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KeptRunDto {
    /// The run kept.
    pub id: i32,
    /// How many undecided proposals of other runs became `superseded`.
    pub replaced: usize,
}

/// The result of a decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionDto {
    /// Match id.
    pub id: i32,
    /// The match's status now.
    pub status: String,
    /// Whether this request changed it (false: it was already decided this way).
    pub changed: bool,
}
