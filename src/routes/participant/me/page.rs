//! The `/me/<token>` page itself: status, matches (contact details only once both accepted; the
//! stage in plain words, pause and end),
//! the profile as the person gave it, the correction form, download, withdraw, erase.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::super::page_lang;
use crate::db::participants::{self, Participant};
use crate::db::{programmes, DbError};
use crate::domain::checkin::MAX_PAUSE_MONTHS;
use crate::domain::{
    interests, Availability, CloseReason, MatchStatus, ParticipantStatus, ProfileInput, Programme,
    Stage, UiLanguage, ValidationErrors,
};
use crate::i18n;
use crate::introductions::my_data::{self, MyMatch};
use crate::introductions::{self, contact_items};
use crate::routes::pages::{self, PageCtx};
use crate::routes::profile_form::{joined, ProfileText};
use crate::routes::widgets::Field;

/// One match as the person sees it.
#[derive(Debug, Clone)]
pub struct MatchView {
    id: i32,
    text: String,
    contact: Vec<String>,
    respond_hint: Option<String>,
    /// Where the match is, in plain words (active matches).
    stage_text: Option<String>,
    /// Pause and end are offered (an active match that is not paused).
    can_change: bool,
    /// "I have a concern" is offered (a match that began, live or ended).
    can_raise_concern: bool,
}

/// A close reason as the person reads it.
pub(super) struct Reason {
    code: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "participant/me.html")]
pub(super) struct MePage {
    page: PageCtx,
    base: String,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    status_text: String,
    matches_heading: String,
    no_matches: String,
    matches: Vec<MatchView>,
    reasons: Vec<Reason>,
    pause_min: String,
    pause_max: String,
    profile_heading: String,
    profile: Vec<(String, String)>,
    correct_heading: String,
    correct_hint: String,
    fields: Vec<Field>,
    save_label: String,
    download_heading: String,
    download_label: String,
    can_withdraw: bool,
    withdraw_heading: String,
    withdraw_text: String,
    withdraw_label: String,
    delete_heading: String,
    delete_text: String,
    delete_confirm: String,
    delete_label: String,
    delete_error: Option<String>,
}

/// Everything the page shows, loaded in one go.
pub(super) struct Loaded {
    pub(super) person: Participant,
    pub(super) programme: Programme,
    pub(super) input: ProfileInput,
    pub(super) matches: Vec<(MyMatch, Option<Participant>)>,
}

pub(super) fn load(
    conn: &mut crate::db::DbConnection,
    person: Participant,
) -> Result<Option<Loaded>, DbError> {
    let Some(programme) = programmes::by_id(conn, person.programme_id)? else {
        return Ok(None);
    };
    let mut input = person.to_profile_input()?;
    input.household_members = participants::household(conn, person.id)?;
    let mut matches = Vec::new();
    for m in my_data::my_matches(conn, person.id)? {
        let other = participants::find(conn, m.other_id)?;
        matches.push((m, other));
    }
    Ok(Some(Loaded {
        person,
        programme,
        input,
        matches,
    }))
}

pub(super) fn yes_no(lang: UiLanguage, b: bool) -> String {
    i18n::t(lang, if b { "me-yes" } else { "me-no" })
}

fn profile_rows(lang: UiLanguage, l: &Loaded) -> Vec<(String, String)> {
    let t = |id: &str| i18n::t(lang, id);
    let words = ProfileText {
        lang,
        programme: &l.programme,
    };
    let p = &l.input;
    let not_given = || t("not-given");
    let list = |items: Vec<String>| joined(lang, items, not_given);
    vec![
        (t("field-first-name"), p.first_name.clone()),
        (t("field-last-name"), p.last_name.clone()),
        (t("field-email"), p.email.clone()),
        (t("field-phone"), p.phone.clone().unwrap_or_else(not_given)),
        (
            t("field-message-language"),
            UiLanguage::parse(&p.message_language).map_or_else(
                |_| p.message_language.clone(),
                |l| l.native_name().to_owned(),
            ),
        ),
        (t("role-legend"), t(&format!("role-{}", p.role))),
        (t("field-volunteer"), yes_no(lang, p.volunteer)),
        (
            t("field-birth-year"),
            p.birth_year.map_or_else(not_given, |y| y.to_string()),
        ),
        (
            t("section-languages"),
            list(
                p.languages
                    .iter()
                    .map(|x| words.language_as_said(&x.code, &x.level))
                    .collect(),
            ),
        ),
        (
            t("field-practise-languages"),
            list(words.language_names(&p.practise_languages)),
        ),
        (t("interests-legend"), list(words.interests(&p.interests))),
        (
            t("availability-legend"),
            list(words.slots(p.availability.iter().map(String::as_str))),
        ),
        (
            t("field-area"),
            p.area.as_deref().map_or_else(not_given, |a| words.area(a)),
        ),
        (
            t("field-max-travel"),
            p.max_travel_km
                .map_or_else(not_given, |k| format!("{k} km")),
        ),
        (t("field-online-ok"), yes_no(lang, p.online_ok)),
        (
            t("household-members-legend"),
            list(
                p.household_members
                    .iter()
                    .map(|m| m.first_name.clone())
                    .collect(),
            ),
        ),
        (t("share-legend"), list(words.domains(&p.share_domains))),
        (t("learn-legend"), list(words.domains(&p.learn_domains))),
    ]
}

fn match_views(lang: UiLanguage, l: &Loaded) -> Vec<MatchView> {
    l.matches
        .iter()
        .map(|(m, other)| {
            let name = other
                .as_ref()
                .map_or_else(String::new, |o| i18n::isolate(&o.first_name));
            let key = match (m.status, m.my_response) {
                (MatchStatus::Approved, Some(_)) => "me-match-waiting-other",
                (MatchStatus::Approved, None) => "me-match-waiting-you",
                (MatchStatus::Active, _) => "me-match-active",
                (MatchStatus::Declined, _) => "me-match-declined",
                _ => "me-match-closed",
            };
            // Contact details only once both have accepted (the match is active).
            let contact = match other {
                Some(o) if m.status == MatchStatus::Active => contact_items(lang, o),
                _ => Vec::new(),
            };
            let active = m.status == MatchStatus::Active;
            let stage = m.stage.as_deref().and_then(|s| Stage::parse(s).ok());
            MatchView {
                id: m.id,
                text: i18n::t_args(lang, key, &[("name", &name)]),
                contact,
                respond_hint: (m.status == MatchStatus::Approved && m.my_response.is_none())
                    .then(|| i18n::t(lang, "me-match-respond-hint")),
                stage_text: stage.filter(|_| active).map(|s| {
                    i18n::t_args(
                        lang,
                        &format!("me-stage-{}", s.code().replace('_', "-")),
                        &[("name", &name)],
                    )
                }),
                can_change: active && stage != Some(Stage::Paused),
                can_raise_concern: matches!(m.status, MatchStatus::Active | MatchStatus::Closed),
            }
        })
        .collect()
}

/// The correction form: contact details, message language, travel distance, online,
/// availability and interests (the rest is changed through the coordinator).
fn fields(
    lang: UiLanguage,
    programme: &Programme,
    values: &ProfileInput,
    errors: &ValidationErrors,
) -> Vec<Field> {
    let err = |f: &str| errors.code_for(f).map(|c| i18n::error_message(lang, c));
    let words = ProfileText { lang, programme };
    let text = |name: &str, label: &str, kind: &'static str, value: &str| Field {
        error: err(name),
        maxlength: 254,
        ..Field::input(kind, name, i18n::t(lang, label), value)
    };
    let mut interest_options: Vec<String> =
        interests::KNOWN.iter().map(|s| (*s).to_owned()).collect();
    for tag in programme.interests.iter().chain(values.interests.iter()) {
        if !interest_options.contains(tag) {
            interest_options.push(tag.clone());
        }
    }
    vec![
        text("first_name", "field-first-name", "text", &values.first_name),
        text("last_name", "field-last-name", "text", &values.last_name),
        text("email", "field-email", "email", &values.email),
        text(
            "phone",
            "field-phone",
            "tel",
            values.phone.as_deref().unwrap_or_default(),
        ),
        Field {
            error: err("message_language"),
            ..Field::select(
                "message_language",
                i18n::t(lang, "field-message-language"),
                &values.message_language,
                UiLanguage::ALL
                    .iter()
                    .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
                    .collect(),
            )
        },
        text(
            "max_travel_km",
            "field-max-travel",
            "text",
            &values
                .max_travel_km
                .map(|k| k.to_string())
                .unwrap_or_default(),
        ),
        Field::checkbox(
            "online_ok",
            i18n::t(lang, "field-online-ok"),
            values.online_ok,
        ),
        Field {
            error: err("availability"),
            ..Field::group(
                "availability",
                i18n::t(lang, "availability-legend"),
                true,
                Availability::SLOT_NAMES
                    .iter()
                    .map(|s| ((*s).to_owned(), words.slot(s)))
                    .collect(),
                |v| values.availability.iter().any(|s| s == v),
            )
        },
        Field {
            error: err("interests"),
            ..Field::group(
                "interests",
                i18n::t(lang, "interests-legend"),
                true,
                interest_options
                    .into_iter()
                    .map(|s| {
                        let label = words.interest(&s);
                        (s, label)
                    })
                    .collect(),
                |v| values.interests.iter().any(|s| s == v),
            )
        },
    ]
}

#[allow(clippy::too_many_arguments)]
pub(super) fn me_page(
    req: &HttpRequest,
    status: StatusCode,
    token: &str,
    l: &Loaded,
    values: &ProfileInput,
    errors: &ValidationErrors,
    notice: Option<String>,
    delete_error: Option<String>,
) -> HttpResponse {
    let lang = page_lang(req, Some(introductions::language_of(&l.person)));
    let t = |id: &str| i18n::t(lang, id);
    let name = i18n::isolate(&l.person.first_name);
    let programme = i18n::isolate(l.programme.name_in(lang));
    let args = [("name", name.as_str()), ("programme", programme.as_str())];
    let status_key = match l.person.status {
        ParticipantStatus::Pending => "me-status-pending",
        ParticipantStatus::Withdrawn => "me-status-withdrawn",
        ParticipantStatus::Confirmed => "me-status-confirmed",
    };
    let base = format!("/me/{token}");
    let mut title = i18n::t_args(lang, "me-title", &args);
    if !errors.is_empty() || delete_error.is_some() {
        title = format!("{} {title}", t("error-prefix"));
    }
    let page = PageCtx::new(lang, title, &base, &[]);
    let mut summary: Vec<(String, String)> = errors
        .errors
        .iter()
        .map(|e| (e.field.clone(), i18n::error_message(lang, e.code)))
        .collect();
    if let Some(e) = &delete_error {
        summary.push(("confirm".to_owned(), e.clone()));
    }
    let template = MePage {
        page,
        base,
        notice,
        errors: summary,
        status_text: i18n::t_args(lang, status_key, &args),
        matches_heading: t("me-matches-heading"),
        // A buddy who erased their data takes the match with them: say it ended.
        no_matches: if l.person.partner_left_at.is_some() {
            t("me-partner-left")
        } else {
            t("me-no-matches")
        },
        matches: match_views(lang, l),
        reasons: CloseReason::ALL
            .iter()
            .filter(|r| **r != CloseReason::Concern)
            .map(|r| Reason {
                code: r.code(),
                label: i18n::coded(lang, "me-end-reason", r.code()),
            })
            .collect(),
        pause_min: (Utc::now().date_naive() + chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string(),
        pause_max: Utc::now()
            .date_naive()
            .checked_add_months(chrono::Months::new(MAX_PAUSE_MONTHS))
            .unwrap_or_else(|| Utc::now().date_naive())
            .format("%Y-%m-%d")
            .to_string(),
        profile_heading: t("me-profile-heading"),
        profile: profile_rows(lang, l),
        correct_heading: t("me-correct-heading"),
        correct_hint: t("me-correct-hint"),
        fields: fields(lang, &l.programme, values, errors),
        save_label: t("me-save"),
        download_heading: t("me-download-heading"),
        download_label: t("me-download"),
        can_withdraw: l.person.status != ParticipantStatus::Withdrawn,
        withdraw_heading: t("me-withdraw-heading"),
        withdraw_text: t("me-withdraw-text"),
        withdraw_label: t("me-withdraw"),
        delete_heading: t("me-delete-heading"),
        delete_text: t("me-delete-text"),
        delete_confirm: t("me-delete-confirm"),
        delete_label: t("me-delete"),
        delete_error,
    };
    let mut response = pages::render(status, &template);
    pages::set_content_language(&mut response, lang);
    response
}
