//! A programme's Connections (the live matches on the continuum) and each match's page: its
//! timeline and what a coordinator can do (record a check-in after a call, add a note, pause,
//! resume, close, mark a concern handled). Every view of a match is audited.

mod actions;
mod list;
mod match_page;

use actix_web::web;

use super::{At, CoordError, PageError, Signed};
use crate::db::continuum::{self as store, LiveMatch};
use crate::state::AppState;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list::list)
        .service(match_page::view)
        .service(actions::note)
        .service(actions::pause)
        .service(actions::resume)
        .service(actions::close)
        .service(actions::record_checkin)
        .service(actions::concern_handled);
}

/// The match, if the account may reach its programme (404 / 403 otherwise).
pub(super) async fn live_match(
    state: &AppState,
    signed: &Signed,
    id: i32,
) -> Result<LiveMatch, PageError> {
    let lang = signed.lang;
    let m = state
        .db
        .run(move |db| store::find(&mut *db.get()?, id))
        .await
        .at(lang)?
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))?;
    signed.require_programme(m.programme_id)?;
    Ok(m)
}
