//! One person's page: their participant number, profile (in the coordinator's words),
//! household, consent record, their matches, and readiness for volunteers (audited).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use super::super::frame;
use super::super::{respond, At, CoordError, Nav, PageError, Signed};
use super::participant;
use crate::coordinator::readiness::{self};
use crate::db::matches;
use crate::db::participants::{self};
use crate::db::people::{self as store, ConsentRecord};
use crate::domain::{HouseholdMemberInput, MatchStatus, Phone, Programme, UiLanguage};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::routes::profile_form::{joined, ProfileText};
use crate::state::AppState;

/// One line of the profile.
pub(super) struct Line {
    label: String,
    value: String,
}

/// One of their matches.
pub(super) struct HistoryRow {
    /// Where to look at it: the match page once decided, the run while proposed.
    link: Option<String>,
    with: String,
    with_id: i32,
    role: String,
    status: String,
    since: String,
}

/// One person.
#[derive(Template)]
#[template(path = "coordinator/person.html")]
pub(super) struct PersonPage {
    page: PageCtx,
    nav: Option<Nav>,
    id: i32,
    name: String,
    programme: Programme,
    lines: Vec<Line>,
    household: Vec<HouseholdMemberInput>,
    /// Each consent with its purpose in words.
    consents: Vec<(String, ConsentRecord)>,
    history: Vec<HistoryRow>,
    volunteer: bool,
    readiness: Vec<Line>,
    ready: bool,
    ready_children: bool,
    /// No email: nothing reaches them by mail; the coordinator's list does.
    without_email: bool,
}

pub(super) fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// `GET /coordinator/people/{id}`: the profile, household, consent record and readiness. The
/// view is written to the audit log.
#[get("/coordinator/people/{id}")]
pub(super) async fn view(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let s = signed.clone();
    let programme_id = programme.id;
    let (household, consents, readiness, history, partners) = state
        .db
        .run(move |db| -> Result<_, CoordError> {
            db.write(|c| -> Result<_, CoordError> {
                s.audit(
                    c,
                    Some(programme_id),
                    "participant.view",
                    "participant",
                    Some(id),
                )?;
                let history = matches::of_participant(c, id)?;
                let others: Vec<i32> = history
                    .iter()
                    .map(|m| {
                        if m.seeker_id == id {
                            m.buddy_id
                        } else {
                            m.seeker_id
                        }
                    })
                    .collect();
                let partners: HashMap<i32, String> = participants::by_ids(c, &others)?
                    .into_iter()
                    .map(|p| (p.id, p.first_name))
                    .collect();
                Ok((
                    participants::household(c, id)?,
                    store::consents(c, id)?,
                    readiness::find(c, id)?,
                    history,
                    partners,
                ))
            })
        })
        .await
        .at(lang)?;
    let input = p.to_profile_input().at(lang)?;
    let t = |id: &str| i18n::t(lang, id);
    let opt = |v: Option<i32>| v.map_or_else(|| "–".to_owned(), |n| n.to_string());
    let yes_no = |b: bool| if b { t("coord-yes") } else { t("coord-no") };
    let words = ProfileText {
        lang,
        programme: &programme,
    };
    let or_dash = |items: Vec<String>| joined(lang, items, || "–".to_owned());
    let lines = vec![
        Line {
            label: t("coord-label-number"),
            value: format!("{id} ({})", t("coord-label-number-hint")),
        },
        Line {
            label: t("field-email"),
            value: p.email.clone().unwrap_or_else(|| "–".to_owned()),
        },
        Line {
            label: t("coord-field-phone"),
            value: p
                .phone
                .as_deref()
                .map_or_else(|| "–".to_owned(), |n| Phone::from_stored(n).readable()),
        },
        Line {
            label: t("coord-label-message-language"),
            value: UiLanguage::parse(&p.message_language).map_or_else(
                |_| p.message_language.clone(),
                |l| l.native_name().to_owned(),
            ),
        },
        Line {
            label: t("coord-field-status"),
            value: i18n::coded(lang, "coord-status", p.status.code()),
        },
        Line {
            label: t("coord-waiting-since"),
            value: p.waiting_since.format("%Y-%m-%d").to_string(),
        },
        Line {
            label: t("coord-field-role"),
            value: i18n::coded(lang, "coord-role", &p.role),
        },
        Line {
            label: t("coord-field-volunteer"),
            value: if p.volunteer {
                format!("{} ({})", t("coord-yes"), p.capacity)
            } else {
                t("coord-no")
            },
        },
        Line {
            label: t("coord-field-birth-year"),
            value: opt(p.birth_year),
        },
        Line {
            label: t("coord-field-gender"),
            value: p
                .gender
                .as_deref()
                .map_or_else(|| "–".to_owned(), |g| i18n::coded(lang, "gender", g)),
        },
        Line {
            label: t("coord-field-is-minor"),
            value: yes_no(p.is_minor),
        },
        Line {
            label: t("section-languages"),
            value: joined(
                lang,
                input
                    .languages
                    .iter()
                    .map(|l| words.language(&l.code, &l.level))
                    .collect(),
                String::new,
            ),
        },
        Line {
            label: t("coord-label-practise-languages"),
            value: or_dash(words.language_names(&input.practise_languages)),
        },
        Line {
            label: t("section-interests"),
            value: or_dash(words.interests(&input.interests)),
        },
        Line {
            label: t("coord-label-availability"),
            value: or_dash(words.slots(input.availability.iter().map(String::as_str))),
        },
        Line {
            label: t("coord-label-area"),
            value: p
                .area
                .as_deref()
                .map_or_else(|| "–".to_owned(), |a| words.area(a)),
        },
        Line {
            label: t("coord-label-max-travel"),
            value: p.max_travel_km.to_string(),
        },
        Line {
            label: t("coord-label-online-ok"),
            value: yes_no(p.online_ok),
        },
        Line {
            label: t("field-household-adults"),
            value: p.household_adults.to_string(),
        },
        Line {
            label: t("field-household-children"),
            value: p.household_children.to_string(),
        },
        Line {
            label: t("coord-label-pref-buddy-gender"),
            value: p.pref_buddy_gender.as_deref().map_or_else(
                || t("pref-gender-any"),
                |g| i18n::coded(lang, "pref-gender", g),
            ),
        },
        Line {
            label: t("coord-label-pref-family"),
            value: yes_no(p.pref_family),
        },
        Line {
            label: t("coord-label-pref-age"),
            value: format!("{} – {}", opt(p.pref_age_min), opt(p.pref_age_max)),
        },
        Line {
            label: t("coord-label-pref-outside-community"),
            value: yes_no(p.pref_outside_language_community),
        },
        Line {
            label: t("coord-label-share"),
            value: or_dash(words.domains(&input.share_domains)),
        },
        Line {
            label: t("coord-label-learn"),
            value: or_dash(words.domains(&input.learn_domains)),
        },
    ];
    let r = readiness.clone().unwrap_or_default();
    let d = r.dates();
    let readiness_lines = vec![
        Line {
            label: t("coord-ready-code"),
            value: date_text(d.code_of_conduct_signed),
        },
        Line {
            label: t("coord-ready-safeguarding"),
            value: date_text(d.safeguarding_training),
        },
        Line {
            label: t("coord-ready-first-aid"),
            value: date_text(d.first_aid_training),
        },
        Line {
            label: t("coord-ready-child"),
            value: date_text(d.child_safeguarding_training),
        },
        Line {
            label: t("coord-ready-background"),
            value: date_text(d.background_check),
        },
    ];
    let history = history
        .iter()
        .map(|m| {
            let (partner, role) = if m.seeker_id == id {
                (m.buddy_id, "coord-history-seeker")
            } else {
                (m.seeker_id, "coord-history-buddy")
            };
            HistoryRow {
                link: match (m.status, m.run_id) {
                    (MatchStatus::Proposed | MatchStatus::Superseded, Some(run)) => {
                        Some(format!("/coordinator/runs/{run}"))
                    }
                    (MatchStatus::Proposed | MatchStatus::Superseded, None) => None,
                    _ => Some(format!("/coordinator/matches/{}", m.id)),
                },
                with: partners
                    .get(&partner)
                    .cloned()
                    .unwrap_or_else(|| format!("#{partner}")),
                with_id: partner,
                role: t(role),
                status: i18n::coded(lang, "review-status", m.status.code()),
                since: m.created_at.format("%Y-%m-%d").to_string(),
            }
        })
        .collect();
    let consents = consents
        .into_iter()
        .map(|c| {
            let id = format!("coord-consent-purpose-{}", c.purpose.replace('_', "-"));
            let purpose = if i18n::has(lang, &id) {
                t(&id)
            } else {
                c.purpose.clone()
            };
            (purpose, c)
        })
        .collect();
    let page = PersonPage {
        page: frame(&req, lang, format!("{} {}", p.first_name, p.last_name)),
        nav: Some(signed.nav()),
        id,
        name: format!("{} {}", p.first_name, p.last_name),
        programme,
        lines,
        household,
        consents,
        history,
        volunteer: p.volunteer,
        readiness: readiness_lines,
        ready: r.is_ready(false),
        ready_children: r.is_ready(true),
        without_email: p.email.is_none(),
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}
