//! Decisions about single proposals: approve one, reject one with a reason, approve many at
//! once; then back to where the coordinator came from, with a notice.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::super::{
    frame, respond, see_other, At, Field, FormPage, PageError, Section, Signed, Values,
};
use super::{bad_request, match_and_programme, page_number, run_and_programme};
use crate::db::matches::Match;
use crate::domain::{MatchStatus, Programme};
use crate::i18n;
use crate::matching_runs::decisions::{self, Decision, ReasonError};
use crate::matching_runs::review;
use crate::matching_runs::review_table::Filter;
use crate::state::AppState;

/// The run page the coordinator came from: its page, its filter (parsed again, never echoed)
/// and `notice`, scrolled to row `at` when given.
fn run_page_url(run_id: i32, values: &Values, notice: &str) -> String {
    let page = page_number(values.get("page"));
    let mut query: Vec<(&str, String)> = vec![("page", page.to_string())];
    query.extend(Filter::parse(|k| values.get(k)).query());
    let anchor = values
        .get("at")
        .trim()
        .parse::<i32>()
        .map_or_else(|_| String::new(), |id| format!("#pair-{id}"));
    format!(
        "/coordinator/runs/{run_id}?{}&{notice}{anchor}",
        serde_urlencoded::to_string(&query).unwrap_or_default()
    )
}

/// Where to go back to after deciding about `m`: where the coordinator was.
fn back_to(m: &Match, programme: &Programme, values: &Values, notice: &str) -> String {
    m.run_id.map_or_else(
        || format!("/coordinator/programmes/{}/runs?{notice}", programme.slug),
        |r| run_page_url(r, values, notice),
    )
}

fn decision_notice(d: &Decision, done: MatchStatus) -> String {
    match d {
        Decision::Done => format!("notice={done}"),
        Decision::AlreadyDecided(status) => {
            serde_urlencoded::to_string([("notice", "already"), ("status", status.code())])
                .unwrap_or_default()
        }
        Decision::Taken(taken) => format!("notice=taken&why={}", taken.code()),
    }
}

/// `POST /coordinator/matches/{id}/approve`: approves and writes both introductions; a second
/// approval changes nothing and says so.
#[post("/coordinator/matches/{id}/approve")]
pub(super) async fn approve_one(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (m, programme) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let who = signed.coordinator.id;
    let settings = state.settings.clone();
    let m2 = m.clone();
    let decision = state
        .db
        .run(move |db| decisions::approve(db, &m2, Some(who), &settings, Utc::now().naive_utc()))
        .await
        .at(lang)?;
    Ok(see_other(&back_to(
        &m,
        &programme,
        &values,
        &decision_notice(&decision, MatchStatus::Approved),
    )))
}

fn reject_page(
    req: &HttpRequest,
    signed: &Signed,
    m: &Match,
    reason: &str,
    error: Option<String>,
) -> FormPage {
    let lang = signed.lang;
    let heading = i18n::t_args(lang, "review-reject-title", &[("id", &m.id.to_string())]);
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        format!("/coordinator/matches/{}/reject", m.id),
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "review-reject-intro"));
    let mut field = Field::input(
        "text",
        "reason",
        i18n::t(lang, "review-reject-reason"),
        reason,
    )
    .required();
    field.error = error;
    page.sections.push(Section {
        title: None,
        fields: vec![field],
    });
    page.submit = i18n::t(lang, "review-reject");
    if let Some(r) = m.run_id {
        page.back = Some((
            format!("/coordinator/runs/{r}"),
            i18n::t(lang, "review-back-to-run"),
        ));
    }
    page.summarise();
    page
}

/// `GET /coordinator/matches/{id}/reject`: asks for the reason.
#[get("/coordinator/matches/{id}/reject")]
pub(super) async fn reject_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (m, _) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let page = reject_page(&req, &signed, &m, "", None);
    Ok(respond(&req, StatusCode::OK, signed.lang, &page))
}

/// `POST /coordinator/matches/{id}/reject` with `reason`: rejects and forbids the pair (422 when
/// the reason is missing or too long).
#[post("/coordinator/matches/{id}/reject")]
pub(super) async fn reject_one(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (m, programme) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let reason = match decisions::parse_reason(values.get("reason")) {
        Ok(reason) => reason,
        Err(e) => {
            let error = match e {
                ReasonError::Missing => i18n::t(lang, "review-error-reason-required"),
                ReasonError::TooLong => i18n::t_args(
                    lang,
                    "review-error-reason-long",
                    &[("max", &decisions::MAX_REASON_CHARS.to_string())],
                ),
            };
            let kept = values.get("reason").trim();
            let page = reject_page(&req, &signed, &m, kept, Some(error));
            return Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page));
        }
    };
    let who = signed.coordinator.id;
    let m2 = m.clone();
    let decision = state
        .db
        .run(move |db| decisions::reject(db, &m2, Some(who), &reason, Utc::now().naive_utc()))
        .await
        .at(lang)?;
    Ok(see_other(&back_to(
        &m,
        &programme,
        &values,
        &decision_notice(&decision, MatchStatus::Rejected),
    )))
}

/// `POST /coordinator/runs/{id}/approve` with one `match` value per ticked proposal, or with
/// `all_shown=1` and the table's filter: every proposal it shows that still waits.
#[post("/coordinator/runs/{id}/approve")]
pub(super) async fn approve_many(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (run, _) = run_and_programme(&state, &signed, path.into_inner()).await?;
    let ids: Vec<i32> = if values.get("all_shown") == "1" {
        let filter = Filter::parse(|k| values.get(k));
        let r = run.clone();
        state
            .db
            .run(move |db| review::waiting_shown(db, &r, &filter))
            .await
            .at(lang)?
    } else {
        values
            .all("match")
            .map(|v| v.trim().parse::<i32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad_request(lang))?
    };
    let who = signed.coordinator.id;
    let settings = state.settings.clone();
    let run_id = run.id;
    let decisions::Approved {
        done,
        already,
        taken,
    } = state
        .db
        .run(move |db| {
            decisions::approve_many(
                db,
                run_id,
                &ids,
                Some(who),
                &settings,
                Utc::now().naive_utc(),
            )
        })
        .await
        .at(lang)?;
    Ok(see_other(&run_page_url(
        run_id,
        &values,
        &format!("notice=many&count={done}&already={already}&taken={taken}"),
    )))
}
