//! `GET /coordinator/matches/{id}`: one match's timeline (introduction, both sides' check-ins,
//! stage changes, notes, concerns) and the coordinator's actions. Audited.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDate, Utc};

use super::super::{frame, respond, At, CoordError, Nav, PageError, Signed};
use super::live_match;
use crate::continuum::timeline::{self, Event, Timeline};
use crate::db::checkins::{NewAnswer, EXIT_PERIOD};
use crate::domain::{CloseReason, GoOn, IntegrationDomain, Side, UiLanguage};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// One line of the timeline.
pub(super) struct Line {
    date: String,
    title: String,
    details: Vec<String>,
    concern: bool,
}

/// A choice in a form of the page.
pub(super) struct Choice {
    code: &'static str,
    label: String,
}

/// The match page.
#[derive(Template)]
#[template(path = "coordinator/match.html")]
pub(super) struct MatchPage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    id: i32,
    seeker_id: i32,
    buddy_id: i32,
    seeker: String,
    buddy: String,
    stage: String,
    live: bool,
    paused_until: Option<String>,
    lines: Vec<Line>,
    open_concerns: Vec<(i32, String)>,
    reasons: Vec<Choice>,
    sides: Vec<Choice>,
    mets: Vec<Choice>,
    go_ons: Vec<Choice>,
    domains: Vec<Choice>,
    pause_min: String,
    pause_max: String,
    errors: Vec<String>,
}

fn side_name(lang: UiLanguage, side: Side) -> String {
    i18n::coded(lang, "conn-side", side.code())
}

fn domain_names(lang: UiLanguage, codes: &[String]) -> String {
    if codes.is_empty() {
        return "–".to_owned();
    }
    codes
        .iter()
        .map(|c| i18n::coded(lang, "domain", c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn answer_details(lang: UiLanguage, a: &NewAnswer, exit: bool) -> Vec<String> {
    let t = |id: &str| i18n::t(lang, id);
    let rating = |v: Option<u8>| v.map_or_else(|| "–".to_owned(), |n| format!("{n}/5"));
    let mut d = Vec::new();
    if exit {
        d.push(format!("{}: {}", t("conn-satisfied"), rating(a.going)));
    } else {
        let mut how = Vec::new();
        for (on, code) in [
            (a.met_in_person, "in_person"),
            (a.met_online, "online"),
            (a.met_by_phone, "phone"),
        ] {
            if on {
                how.push(i18n::coded(lang, "conn-how", code));
            }
        }
        let met = i18n::coded(lang, "conn-met", a.met.code());
        d.push(if how.is_empty() {
            format!("{}: {met}", t("conn-met"))
        } else {
            format!("{}: {met} ({})", t("conn-met"), how.join(", "))
        });
        d.push(format!("{}: {}", t("conn-going"), rating(a.going)));
        d.push(format!("{}: {}", t("conn-trust"), rating(a.trust)));
        d.push(format!(
            "{}: {}",
            t("conn-gave"),
            domain_names(lang, &a.gave)
        ));
        d.push(format!(
            "{}: {}",
            t("conn-received"),
            domain_names(lang, &a.received)
        ));
        let go_on = match (a.go_on, a.pause_until, a.end_reason) {
            (GoOn::Pause, Some(until), _) => format!(
                "{} {}",
                i18n::coded(lang, "conn-go-on", a.go_on.code()),
                until.format("%Y-%m-%d")
            ),
            (GoOn::End, _, Some(reason)) => format!(
                "{} ({})",
                i18n::coded(lang, "conn-go-on", a.go_on.code()),
                i18n::coded(lang, "conn-reason", reason.code())
            ),
            _ => i18n::coded(lang, "conn-go-on", a.go_on.code()),
        };
        d.push(format!("{}: {go_on}", t("conn-continue")));
        if a.carry_on_without_programme {
            d.push(t("conn-carry-on"));
        }
    }
    if let Some(b) = a.belonging {
        d.push(format!("{}: {b}/5", t("conn-belonging")));
    }
    if let Some(c) = a.conversation {
        d.push(format!("{}: {c}/5", t("conn-conversation")));
    }
    if a.wants_to_volunteer {
        d.push(t("conn-wants-to-volunteer"));
    }
    if let Some(note) = &a.note {
        d.push(format!("{}: {note}", t("conn-note-from-them")));
    }
    d
}

fn line(lang: UiLanguage, at: chrono::NaiveDateTime, e: &Event) -> Line {
    let t = |id: &str| i18n::t(lang, id);
    let side_args = |side: Side, period: i32| {
        [
            ("side", side_name(lang, side)),
            ("period", period.to_string()),
        ]
    };
    let with = |id: &str, args: &[(&str, String)]| {
        let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::t_args(lang, id, &refs)
    };
    let (title, details, concern) = match e {
        Event::Approved => (t("conn-ev-approved"), Vec::new(), false),
        Event::Active => (t("conn-ev-active"), Vec::new(), false),
        Event::CheckinSent { side, period } => (
            if *period == EXIT_PERIOD {
                with("conn-ev-exit-sent", &side_args(*side, *period))
            } else {
                with("conn-ev-sent", &side_args(*side, *period))
            },
            Vec::new(),
            false,
        ),
        Event::Reminded { side, period } => (
            with("conn-ev-reminded", &side_args(*side, *period)),
            Vec::new(),
            false,
        ),
        Event::Answered {
            side,
            period,
            answer,
            recorded_by,
        } => {
            let exit = *period == EXIT_PERIOD;
            let id = match (exit, recorded_by.is_some()) {
                (true, _) => "conn-ev-exit-answered",
                (false, true) => "conn-ev-recorded",
                (false, false) => "conn-ev-answered",
            };
            (
                with(id, &side_args(*side, *period)),
                answer_details(lang, answer, exit),
                false,
            )
        }
        Event::Stage { stage, by } => (
            with(
                if by.is_some() {
                    "conn-ev-stage-by"
                } else {
                    "conn-ev-stage"
                },
                &[("stage", i18n::coded(lang, "conn-stage", stage.code()))],
            ),
            Vec::new(),
            false,
        ),
        Event::Note(n) => (t("conn-ev-note"), vec![n.body.clone()], false),
        Event::Concern(c) => (
            with(
                if c.handled_at.is_some() {
                    "conn-ev-concern-handled"
                } else {
                    "conn-ev-concern"
                },
                &[(
                    "side",
                    c.side
                        .map_or_else(|| "–".to_owned(), |s| side_name(lang, s)),
                )],
            ),
            vec![c.body.clone()],
            c.handled_at.is_none(),
        ),
    };
    Line {
        date: at.format("%Y-%m-%d %H:%M").to_string(),
        title,
        details,
        concern,
    }
}

/// Builds the page (also re-shown with `errors` after a refused action).
pub(super) fn page(
    req: &HttpRequest,
    signed: &Signed,
    tl: &Timeline,
    errors: Vec<String>,
) -> MatchPage {
    let lang = signed.lang;
    let choices = |prefix: &str, codes: &[&'static str]| {
        codes
            .iter()
            .map(|c| Choice {
                code: c,
                label: i18n::coded(lang, prefix, c),
            })
            .collect::<Vec<_>>()
    };
    let today = Utc::now().date_naive();
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let stage = tl.facts.stage.map_or_else(
        || "–".to_owned(),
        |s| i18n::coded(lang, "conn-stage", s.code()),
    );
    MatchPage {
        page: frame(
            req,
            lang,
            i18n::t_args(
                lang,
                "conn-match-title",
                &[("id", &tl.facts.id.to_string())],
            ),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        id: tl.facts.id,
        seeker_id: tl.facts.seeker_id,
        buddy_id: tl.facts.buddy_id,
        seeker: tl.names.0.clone(),
        buddy: tl.names.1.clone(),
        stage,
        live: tl.is_live(),
        paused_until: tl.paused_until().map(date),
        lines: tl
            .events
            .iter()
            .rev()
            .map(|(at, e)| line(lang, *at, e))
            .collect(),
        open_concerns: tl
            .open_concerns
            .iter()
            .map(|c| (c.id, c.body.clone()))
            .collect(),
        reasons: choices(
            "conn-reason",
            &CloseReason::ALL
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>(),
        ),
        sides: choices("conn-side", &["seeker", "buddy"]),
        mets: choices("conn-met", &["none", "once", "several"]),
        go_ons: choices("conn-go-on", &["yes", "pause", "end"]),
        domains: IntegrationDomain::ALL
            .iter()
            .map(|d| Choice {
                code: d.code(),
                label: i18n::coded(lang, "domain", d.code()),
            })
            .collect(),
        pause_min: date(today + chrono::Duration::days(1)),
        pause_max: date(
            today
                .checked_add_months(chrono::Months::new(6))
                .unwrap_or(today),
        ),
        errors,
    }
}

/// Loads the timeline of a match the account may reach and writes the view to the audit log.
pub(super) async fn load(
    state: &AppState,
    signed: &Signed,
    id: i32,
) -> Result<Timeline, PageError> {
    let lang = signed.lang;
    let m = live_match(state, signed, id).await?;
    let s = signed.clone();
    state
        .db
        .run(move |db| {
            db.write(|c| -> Result<_, CoordError> {
                s.audit(c, Some(m.programme_id), "match.view", "match", Some(id))?;
                Ok(timeline::timeline(c, id)?)
            })
        })
        .await
        .at(lang)?
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))
}

/// `GET /coordinator/matches/{id}`
#[get("/coordinator/matches/{id}")]
pub(super) async fn view(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let tl = load(&state, &signed, path.into_inner()).await?;
    let page = page(&req, &signed, &tl, Vec::new());
    Ok(respond(&req, StatusCode::OK, signed.lang, &page))
}
