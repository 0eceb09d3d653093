//! Keeping one run: after comparing, the coordinator says which run's proposals to decide
//! about; the undecided proposals of the programme's other runs are replaced.

use actix_web::{post, web, HttpResponse};
use chrono::Utc;

use super::super::{see_other, At, PageError, Signed};
use super::{bad_request, run_and_programme};
use crate::domain::RunStatus;
use crate::matching_runs::decisions;
use crate::state::AppState;

/// `POST /coordinator/runs/{id}/keep`: keeps this finished run -> its page, saying how many
/// proposals of other runs were replaced (400 for a run that has not finished).
#[post("/coordinator/runs/{id}/keep")]
pub(super) async fn keep_run(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.form(&body)?;
    let (run, _) = run_and_programme(&state, &signed, path.into_inner()).await?;
    if run.status != RunStatus::Done {
        return Err(bad_request(lang));
    }
    let who = signed.coordinator.id;
    let (programme_id, run_id) = (run.programme_id, run.id);
    let replaced = state
        .db
        .run(move |db| {
            decisions::keep_run(db, programme_id, run_id, Some(who), Utc::now().naive_utc())
        })
        .await
        .at(lang)?;
    Ok(see_other(&format!(
        "/coordinator/runs/{run_id}?notice=kept&count={replaced}#proposals"
    )))
}
