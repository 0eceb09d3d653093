//! People of a programme: list (search, filters, pages), view (audited), add, edit, readiness.

mod edit;
mod list;
mod person;
mod readiness_page;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use super::frame;
use super::{respond, At, CoordError, Nav, PageError, Signed};
use crate::db::participants::{self, Participant};
use crate::db::programmes;
use crate::domain::Programme;
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

pub(super) const PER_PAGE: i64 = 50;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home)
        .service(list::list)
        .service(edit::new_form)
        .service(edit::create)
        .service(person::view)
        .service(edit::edit_form)
        .service(edit::update)
        .service(readiness_page::readiness_form)
        .service(readiness_page::save_readiness);
}

/// The programmes page.
#[derive(Template)]
#[template(path = "coordinator/home.html")]
struct HomePage {
    page: PageCtx,
    nav: Option<Nav>,
    /// Each programme with the number of things to pass on by phone.
    programmes: Vec<(Programme, usize)>,
}

/// `GET /coordinator`: the programmes this account reaches.
#[get("/coordinator")]
async fn home(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let coordinator = signed.coordinator.clone();
    let now = chrono::Utc::now().naive_utc();
    let programmes = state
        .db
        .run(
            move |db| -> Result<Vec<(Programme, usize)>, crate::db::DbError> {
                let mut conn = db.get()?;
                let mine = programmes::list(&mut conn)?
                    .into_iter()
                    .filter(|p| coordinator.can_access(p.id));
                mine.map(|p| {
                    let to_contact = crate::reach_by_phone::list(&mut conn, &p, now)?.len();
                    Ok((p, to_contact))
                })
                .collect()
            },
        )
        .await
        .at(lang)?;
    let page = HomePage {
        page: frame(&req, lang, i18n::t(lang, "coord-home-title")),
        nav: Some(signed.nav()),
        programmes,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// A participant and their programme, if the account may reach them (403 otherwise).
pub(super) async fn participant(
    state: &AppState,
    signed: &Signed,
    id: i32,
) -> Result<(Participant, Programme), PageError> {
    let lang = signed.lang;
    let found = state
        .db
        .run(move |db| -> Result<_, CoordError> {
            let mut conn = db.get()?;
            let Some(p) = participants::find(&mut conn, id)? else {
                return Ok(None);
            };
            let programme = programmes::by_id(&mut conn, p.programme_id)?;
            Ok(programme.map(|g| (p, g)))
        })
        .await
        .at(lang)?
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))?;
    signed.require_programme(found.1.id)?;
    Ok(found)
}
