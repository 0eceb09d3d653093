//! The people list of a programme: search, filters, pages.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::super::frame;
use super::super::programme_by_slug;
use super::super::{page_link, query_pairs, respond, At, Field, Nav, PageError, Signed, Values};
use super::PER_PAGE;
use crate::db::matches;
use crate::db::people::{self as store, ListOrder, PeopleFilter};
use crate::db::readiness as readiness_store;
use crate::domain::{ParticipantStatus, Programme, Role};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// One row of the list.
pub(super) struct Row {
    id: i32,
    name: String,
    role: String,
    volunteer: bool,
    status: String,
    waiting_days: i64,
    /// Volunteers: ready to be proposed (and for minors), or what is missing; "–" otherwise.
    readiness: String,
    /// Their furthest open match ("proposed", "introduced", "matched"), or "–".
    matched: String,
}

/// The people list.
#[derive(Template)]
#[template(path = "coordinator/people.html")]
pub(super) struct PeoplePage {
    page: PageCtx,
    nav: Option<Nav>,
    programme: Programme,
    filters: Vec<Field>,
    rows: Vec<Row>,
    total: i64,
    page_no: i64,
    pages: i64,
    prev: Option<String>,
    next: Option<String>,
}

/// `GET /coordinator/programmes/{slug}/people?q=&role=&status=&volunteer=&waiting=&page=`
#[get("/coordinator/programmes/{slug}/people")]
pub(super) async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let pairs = query_pairs(&req);
    let values = Values(pairs);
    let filter = PeopleFilter {
        query: Some(values.get("q").chars().take(100).collect()),
        role: Role::parse(values.get("role")).ok(),
        status: ParticipantStatus::parse(values.get("status")).ok(),
        volunteer: match values.get("volunteer") {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        waiting_days: values
            .get("waiting")
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=3650).contains(d)),
        order: ListOrder::LongestWaiting,
    };
    let page_no = values
        .get("page")
        .parse::<i64>()
        .unwrap_or(1)
        .clamp(1, 1_000_000);
    let programme_id = programme.id;
    let now = Utc::now().naive_utc();
    let f = filter.clone();
    let (people, total, ready, open) = state
        .db
        .run(move |db| -> Result<_, crate::db::DbError> {
            let mut conn = db.get()?;
            let (people, total) = store::list(&mut conn, programme_id, &f, page_no, PER_PAGE, now)?;
            let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
            let ready = readiness_store::for_ids(&mut conn, &ids)?;
            let open = matches::open_status_of(&mut conn, &ids)?;
            Ok((people, total, ready, open))
        })
        .await
        .at(lang)?;
    let t = |id: &str| i18n::t(lang, id);
    let any = (String::new(), t("coord-filter-any"));
    let filters = vec![
        Field::input("search", "q", t("coord-filter-search"), values.get("q")),
        Field::select(
            "role",
            t("coord-field-role"),
            values.get("role"),
            vec![
                any.clone(),
                ("arriving".to_owned(), t("coord-role-arriving")),
                ("receiving".to_owned(), t("coord-role-receiving")),
            ],
        ),
        Field::select(
            "volunteer",
            t("coord-filter-volunteer"),
            values.get("volunteer"),
            vec![
                any.clone(),
                ("yes".to_owned(), t("coord-yes")),
                ("no".to_owned(), t("coord-no")),
            ],
        ),
        Field::select(
            "status",
            t("coord-field-status"),
            values.get("status"),
            std::iter::once(any.clone())
                .chain(ParticipantStatus::ALL.iter().map(|s| {
                    (
                        s.code().to_owned(),
                        t(&format!("coord-status-{}", s.code())),
                    )
                }))
                .collect(),
        ),
        Field::select(
            "waiting",
            t("coord-filter-waiting"),
            values.get("waiting"),
            vec![
                any,
                ("7".to_owned(), t("coord-waiting-7")),
                ("30".to_owned(), t("coord-waiting-30")),
                ("90".to_owned(), t("coord-waiting-90")),
            ],
        ),
    ];
    let rows = people
        .into_iter()
        .map(|p| Row {
            id: p.id,
            name: format!("{} {}", p.first_name, p.last_name),
            role: i18n::coded(lang, "coord-role", &p.role),
            volunteer: p.volunteer,
            status: i18n::coded(lang, "coord-status", p.status.code()),
            waiting_days: (now - p.waiting_since).num_days(),
            readiness: if p.volunteer {
                match ready.get(&p.id) {
                    Some(r) if r.is_ready(true) => t("coord-ready-with-minors"),
                    Some(r) if r.is_ready(false) => t("coord-ready-adults"),
                    _ => t("coord-not-ready"),
                }
            } else {
                "–".to_owned()
            },
            matched: open.get(&p.id).map_or_else(
                || "–".to_owned(),
                |s| i18n::coded(lang, "review-status", s.code()),
            ),
        })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let link = |n: i64| page_link(&req, &values.0, n);
    let page = PeoplePage {
        page: frame(
            &req,
            lang,
            i18n::t_args(
                lang,
                "coord-people-title",
                &[("programme", programme.name_in(lang))],
            ),
        ),
        nav: Some(signed.nav()),
        filters,
        rows,
        total,
        page_no,
        pages,
        prev: (page_no > 1).then(|| link(page_no - 1)),
        next: (page_no < pages).then(|| link(page_no + 1)),
        programme,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}
