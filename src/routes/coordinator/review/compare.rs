//! Two runs of a programme compared: the pairs only one of them proposed, and how many both kept;
//! then the coordinator keeps one of them.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use super::super::{frame, query_pairs, respond, At, Nav, PageError, Signed, Values};
use super::{bad_request, label, run_and_programme, viewer};
use crate::db::runs::MatchingRun;
use crate::domain::MatchStatus;
use crate::i18n;
use crate::matching_runs::review;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// A pair in the comparison.
struct PairRow {
    seeker: String,
    buddy: String,
    /// Approved, rejected, new (still proposed), replaced ...
    status: String,
}

/// The comparison page.
#[derive(Template)]
#[template(path = "coordinator/review_compare.html")]
struct ComparePage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    /// Whether either run still has undecided proposals, so that keeping one changes something.
    offer_keep: bool,
    /// "Keep run N" for each of the two.
    keep_run_text: String,
    keep_other_text: String,
    run: MatchingRun,
    other: MatchingRun,
    kept: usize,
    only_run: Vec<PairRow>,
    only_other: Vec<PairRow>,
}

/// `GET /coordinator/runs/{id}/compare?with=<other>`: pairs that changed, totals, matched counts.
#[get("/coordinator/runs/{id}/compare")]
pub(super) async fn compare_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (run, _) = run_and_programme(&state, &signed, path.into_inner()).await?;
    let other_id = Values(query_pairs(&req))
        .get("with")
        .trim()
        .parse::<i32>()
        .map_err(|_| bad_request(lang))?;
    let (other, _) = run_and_programme(&state, &signed, other_id).await?;
    if other.programme_id != run.programme_id {
        return Err(bad_request(lang));
    }
    let (a, b) = (run.id, other.id);
    let who = viewer(&signed);
    let (r, o) = (run.clone(), other.clone());
    let review::RunComparison {
        cmp,
        people: names,
        statuses,
    } = state
        .db
        .run(move |db| review::compare_runs(db, &r, &o, who))
        .await
        .at(lang)?;
    let rows = |pairs: &[(i32, i32)]| {
        pairs
            .iter()
            .map(|&(s, b)| PairRow {
                seeker: label(&names, s),
                buddy: label(&names, b),
                status: statuses.get(&(s, b)).map_or_else(String::new, |st| {
                    if *st == MatchStatus::Proposed {
                        i18n::t(lang, "review-compare-new")
                    } else {
                        i18n::coded(lang, "review-status", st.code())
                    }
                }),
            })
            .collect()
    };
    let page = ComparePage {
        page: frame(
            &req,
            lang,
            i18n::t_args(
                lang,
                "review-compare-title",
                &[("id", &a.to_string()), ("other", &b.to_string())],
            ),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        offer_keep: statuses.values().any(|s| *s == MatchStatus::Proposed),
        keep_run_text: i18n::t_args(lang, "review-keep-this", &[("id", &a.to_string())]),
        keep_other_text: i18n::t_args(lang, "review-keep-this", &[("id", &b.to_string())]),
        kept: cmp.kept,
        only_run: rows(&cmp.only_first),
        only_other: rows(&cmp.only_second),
        run,
        other,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}
