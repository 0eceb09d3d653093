//! `GET /coordinator/audit` (admins only): who viewed or changed what, newest first, in the
//! interface language: each action named in words, who acted (a coordinator, the participant
//! themselves, or the system), links to the person, run, match or programme, and filters by who,
//! what and when (`who`, `action`, `from`, `to`; dates as YYYY-MM-DD, `to` included).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use super::frame;
use super::{query_pairs, respond, At, CoordError, Nav, PageError, Signed, Values};
use crate::accounts;
use crate::db::audit::{self, AuditFilter, AuditRecord};
use crate::db::programmes;
use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

const PER_PAGE: i64 = 100;

/// Every action the service records (messages `audit-action-<action, `.`/`_` as `-`>`).
pub const ACTIONS: [&str; 46] = [
    "checkin.answered",
    "checkin.exit_answered",
    "checkin.recorded",
    "concern.handled",
    "concern.raised",
    "coordinator.create",
    "coordinator.programmes",
    "coordinator.setup",
    "login",
    "login.failed",
    "logout",
    "match.accepted",
    "match.accepted_by_both",
    "match.approve",
    "match.closed",
    "match.declined",
    "match.manual",
    "match.note",
    "match.paused",
    "match.reject",
    "match.reminded",
    "match.resumed",
    "match.view",
    "pair.pin",
    "pair.unpin",
    "participant.confirm_by_phone",
    "participant.create",
    "participant.delete",
    "participant.erase",
    "participant.list",
    "participant.self_correct",
    "participant.update",
    "participant.view",
    "participant.wants_to_volunteer",
    "participant.withdraw_consent",
    "password.change",
    "programme.archive",
    "programme.create",
    "programme.delete",
    "programme.reopen",
    "programme.update",
    "readiness.update",
    "run.compare",
    "run.keep",
    "run.start",
    "run.view",
];

/// Actions only the participant themselves takes (through their links and pages).
const BY_PARTICIPANTS: [&str; 8] = [
    "checkin.answered",
    "checkin.exit_answered",
    "concern.raised",
    "match.accepted",
    "match.declined",
    "participant.self_correct",
    "participant.wants_to_volunteer",
    "participant.withdraw_consent",
];

fn message_id(action: &str) -> String {
    format!("audit-action-{}", action.replace(['.', '_'], "-"))
}

/// An action in words (the code itself for one this build does not know).
#[must_use]
pub fn action_name(lang: UiLanguage, action: &str) -> String {
    let id = message_id(action);
    if i18n::has(lang, &id) {
        i18n::t(lang, &id)
    } else {
        action.to_owned()
    }
}

/// Who acted, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    Coordinator(i32),
    /// The participant themselves; the side when the entry names it.
    Participant(Option<&'static str>),
    System,
}

fn actor(r: &AuditRecord) -> Actor {
    if let Some(id) = r.coordinator_id {
        return Actor::Coordinator(id);
    }
    let side = ["seeker", "buddy"]
        .into_iter()
        .find(|s| r.detail == *s || r.detail.ends_with(&format!("by the {s}")));
    if side.is_some()
        || r.detail.ends_with("by the participant")
        || BY_PARTICIPANTS.contains(&r.action.as_str())
    {
        Actor::Participant(side)
    } else {
        Actor::System
    }
}

/// One entry as shown.
struct Line {
    at: String,
    who: String,
    what: String,
    subject: String,
    link: Option<String>,
    detail: String,
    programme: String,
}

/// A choice of a filter list.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "coordinator/audit.html")]
struct AuditPage {
    page: PageCtx,
    nav: Option<Nav>,
    lines: Vec<Line>,
    who: Vec<Choice>,
    actions: Vec<Choice>,
    from: String,
    to: String,
    filtered: bool,
    prev: Option<String>,
    next: Option<String>,
}

fn date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// The filter the query asks for; values that do not parse are left out.
fn filter_of(values: &Values) -> AuditFilter {
    let who = values.get("who");
    AuditFilter {
        coordinator: match who {
            "none" => Some(None),
            id => id.parse::<i32>().ok().map(Some),
        },
        action: ACTIONS
            .iter()
            .find(|a| **a == values.get("action"))
            .map(|a| (*a).to_owned()),
        from: date(values.get("from")).and_then(|d| d.and_hms_opt(0, 0, 0)),
        until: date(values.get("to"))
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
    }
}

fn subject_link(r: &AuditRecord, slugs: &HashMap<i32, String>) -> Option<String> {
    let id = r.subject_id?;
    match r.subject_type.as_str() {
        "participant" => Some(format!("/coordinator/people/{id}")),
        "matching_run" => Some(format!("/coordinator/runs/{id}")),
        "match" => Some(format!("/coordinator/matches/{id}")),
        "programme" => slugs
            .get(&id)
            .map(|slug| format!("/coordinator/programmes/{slug}/settings")),
        _ => None,
    }
}

/// `GET /coordinator/audit?page=&who=&action=&from=&to=`
#[get("/coordinator/audit")]
async fn audit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = Values(query_pairs(&req));
    let page_no = values
        .get("page")
        .parse::<i64>()
        .unwrap_or(1)
        .clamp(1, 1_000_000);
    let filter = filter_of(&values);
    let f = filter.clone();
    let (records, people, progs) = state
        .db
        .run(move |db| -> Result<_, CoordError> {
            let mut conn = db.get()?;
            Ok((
                audit::filtered(&mut conn, &f, page_no, PER_PAGE + 1)?,
                accounts::list(&mut conn)?,
                programmes::list(&mut conn)?,
            ))
        })
        .await
        .at(lang)?;
    let emails: HashMap<i32, String> = people.iter().map(|c| (c.id, c.email.clone())).collect();
    let names: HashMap<i32, String> = progs.iter().map(|p| (p.id, p.name.clone())).collect();
    let slugs: HashMap<i32, String> = progs.into_iter().map(|p| (p.id, p.slug)).collect();
    let has_more = records.len() as i64 > PER_PAGE;
    let lines = records
        .into_iter()
        .take(usize::try_from(PER_PAGE).unwrap_or(100))
        .map(|r| Line {
            who: match actor(&r) {
                Actor::Coordinator(id) => {
                    emails.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
                }
                Actor::Participant(Some("seeker")) => i18n::t(lang, "audit-who-seeker"),
                Actor::Participant(Some(_)) => i18n::t(lang, "audit-who-buddy"),
                Actor::Participant(None) => i18n::t(lang, "audit-who-participant"),
                Actor::System => i18n::t(lang, "coord-audit-system"),
            },
            what: action_name(lang, &r.action),
            subject: r.subject_id.map_or_else(
                || i18n::coded(lang, "audit-subject", &r.subject_type),
                |id| {
                    format!(
                        "{} {id}",
                        i18n::coded(lang, "audit-subject", &r.subject_type)
                    )
                },
            ),
            link: subject_link(&r, &slugs),
            programme: r
                .programme_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
            at: r.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            detail: r.detail,
        })
        .collect();
    let choice = |value: String, label: String, selected: bool| Choice {
        value,
        label,
        selected,
    };
    let mut who = vec![choice(
        "none".to_owned(),
        i18n::t(lang, "audit-who-not-coordinator"),
        filter.coordinator == Some(None),
    )];
    who.extend(people.iter().map(|c| {
        choice(
            c.id.to_string(),
            c.email.clone(),
            filter.coordinator == Some(Some(c.id)),
        )
    }));
    let mut actions: Vec<Choice> = ACTIONS
        .iter()
        .map(|a| {
            choice(
                (*a).to_owned(),
                action_name(lang, a),
                filter.action.as_deref() == Some(*a),
            )
        })
        .collect();
    actions.sort_by(|a, b| a.label.cmp(&b.label));
    // Links to the other pages keep the filter.
    let link = |n: i64| {
        let mut q: Vec<(String, String)> = values
            .0
            .iter()
            .filter(|(k, _)| k != "page")
            .cloned()
            .collect();
        q.push(("page".to_owned(), n.to_string()));
        format!(
            "/coordinator/audit?{}",
            serde_urlencoded::to_string(&q).unwrap_or_default()
        )
    };
    let page = AuditPage {
        page: frame(&req, lang, i18n::t(lang, "coord-audit-title")),
        nav: Some(signed.nav()),
        lines,
        who,
        actions,
        from: date(values.get("from"))
            .map(|d| d.to_string())
            .unwrap_or_default(),
        to: date(values.get("to"))
            .map(|d| d.to_string())
            .unwrap_or_default(),
        filtered: filter != AuditFilter::default(),
        prev: (page_no > 1).then(|| link(page_no - 1)),
        next: has_more.then(|| link(page_no + 1)),
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(audit_page);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_words_in_every_language() {
        for lang in UiLanguage::ALL {
            for action in ACTIONS {
                assert!(i18n::has(lang, &message_id(action)), "{lang:?} {action}");
            }
            for subject in [
                "participant",
                "match",
                "matching_run",
                "programme",
                "coordinator",
                "setup",
            ] {
                assert!(
                    i18n::has(
                        lang,
                        &format!("audit-subject-{}", subject.replace('_', "-"))
                    ),
                    "{lang:?} {subject}"
                );
            }
        }
    }

    #[test]
    fn who_acted_is_read_from_the_entry() {
        let entry = |coordinator_id: Option<i32>, action: &str, detail: &str| AuditRecord {
            id: 1,
            coordinator_id,
            programme_id: None,
            action: action.to_owned(),
            subject_type: "match".to_owned(),
            subject_id: Some(1),
            detail: detail.to_owned(),
            at: chrono::NaiveDateTime::default(),
        };
        assert_eq!(
            actor(&entry(
                Some(3),
                "match.paused",
                "until 2027-01-01 by a coordinator"
            )),
            Actor::Coordinator(3)
        );
        assert_eq!(
            actor(&entry(
                None,
                "match.paused",
                "until 2027-01-01 by the buddy"
            )),
            Actor::Participant(Some("buddy"))
        );
        assert_eq!(
            actor(&entry(None, "checkin.answered", "seeker")),
            Actor::Participant(Some("seeker"))
        );
        assert_eq!(
            actor(&entry(None, "participant.self_correct", "")),
            Actor::Participant(None)
        );
        assert_eq!(
            actor(&entry(
                None,
                "participant.erase",
                "after the retention period"
            )),
            Actor::System
        );
        assert_eq!(actor(&entry(None, "match.reminded", "")), Actor::System);
    }
}
