//! People of a programme: list (search, filters, pages), view (audited), add, edit, readiness.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDate, Utc};

use super::form::error_text;
use super::frame;
use super::profile_form;
use super::programme_by_slug;
use super::{
    query_pairs, respond, see_other, At, CoordError, Field, FormPage, Nav, PageError, Section,
    Signed, Values,
};
use crate::coordinator::readiness::{self, Readiness, ReadinessDates};
use crate::db::participants::{self, Participant};
use crate::db::people::{self as store, ConsentRecord, PeopleFilter};
use crate::db::{programmes, DbError};
use crate::domain::{
    HouseholdMemberInput, NewParticipant, ParticipantStatus, Programme, Role, UiLanguage,
    ValidationErrors,
};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::routes::profile_form::{joined, ProfileText};
use crate::state::AppState;

const PER_PAGE: i64 = 50;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home)
        .service(list)
        .service(new_form)
        .service(create)
        .service(view)
        .service(edit_form)
        .service(update)
        .service(readiness_form)
        .service(save_readiness);
}

/// The programmes page.
#[derive(Template)]
#[template(path = "coordinator/home.html")]
struct HomePage {
    page: PageCtx,
    nav: Option<Nav>,
    programmes: Vec<Programme>,
}

/// `GET /coordinator`: the programmes this account reaches.
#[get("/coordinator")]
async fn home(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let all = state
        .db
        .run(|db| {
            let mut conn = db.get()?;
            programmes::list(&mut conn)
        })
        .await
        .at(lang)?;
    let page = HomePage {
        page: frame(&req, lang, i18n::t(lang, "coord-home-title")),
        nav: Some(signed.nav()),
        programmes: all
            .into_iter()
            .filter(|p| signed.coordinator.can_access(p.id))
            .collect(),
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// A participant and their programme, if the account may reach them (403 otherwise).
async fn participant(
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

/// One row of the list.
struct Row {
    id: i32,
    name: String,
    role: String,
    volunteer: bool,
    status: String,
    waiting_days: i64,
}

/// The people list.
#[derive(Template)]
#[template(path = "coordinator/people.html")]
struct PeoplePage {
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
async fn list(
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
    };
    let page_no = values
        .get("page")
        .parse::<i64>()
        .unwrap_or(1)
        .clamp(1, 1_000_000);
    let programme_id = programme.id;
    let now = Utc::now().naive_utc();
    let f = filter.clone();
    let (people, total) = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            store::list(&mut conn, programme_id, &f, page_no, PER_PAGE, now)
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
        })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let link = |n: i64| {
        let mut q: Vec<(String, String)> = values
            .0
            .iter()
            .filter(|(k, _)| k != "page")
            .cloned()
            .collect();
        q.push(("page".to_owned(), n.to_string()));
        format!(
            "{}?{}",
            req.path(),
            serde_urlencoded::to_string(&q).unwrap_or_default()
        )
    };
    let page = PeoplePage {
        page: frame(
            &req,
            lang,
            i18n::t_args(
                lang,
                "coord-people-title",
                &[("programme", &programme.name)],
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

/// One line of the profile.
struct Line {
    label: String,
    value: String,
}

/// One person.
#[derive(Template)]
#[template(path = "coordinator/person.html")]
struct PersonPage {
    page: PageCtx,
    nav: Option<Nav>,
    id: i32,
    name: String,
    programme: Programme,
    lines: Vec<Line>,
    household: Vec<HouseholdMemberInput>,
    consents: Vec<ConsentRecord>,
    volunteer: bool,
    readiness: Vec<Line>,
    ready: bool,
    ready_children: bool,
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// `GET /coordinator/people/{id}`: the profile, household, consent record and readiness. The
/// view is written to the audit log.
#[get("/coordinator/people/{id}")]
async fn view(
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
    let (household, consents, readiness) = state
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
                Ok((
                    participants::household(c, id)?,
                    store::consents(c, id)?,
                    readiness::find(c, id)?,
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
    let or_dash = |items: Vec<String>| joined(items, || "–".to_owned());
    let lines = vec![
        Line {
            label: t("field-email"),
            value: p.email.clone(),
        },
        Line {
            label: t("coord-field-phone"),
            value: p.phone.clone().unwrap_or_else(|| "–".to_owned()),
        },
        Line {
            label: t("field-message-language"),
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
                input
                    .languages
                    .iter()
                    .map(|l| words.language(&l.code, &l.level))
                    .collect(),
                String::new,
            ),
        },
        Line {
            label: t("field-practise-languages"),
            value: or_dash(words.language_names(&input.practise_languages)),
        },
        Line {
            label: t("section-interests"),
            value: or_dash(words.interests(&input.interests)),
        },
        Line {
            label: t("section-availability"),
            value: or_dash(words.slots(input.availability.iter().map(String::as_str))),
        },
        Line {
            label: t("field-area"),
            value: p
                .area
                .as_deref()
                .map_or_else(|| "–".to_owned(), |a| words.area(a)),
        },
        Line {
            label: t("field-max-travel"),
            value: p.max_travel_km.to_string(),
        },
        Line {
            label: t("field-online-ok"),
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
            label: t("field-pref-buddy-gender"),
            value: p.pref_buddy_gender.as_deref().map_or_else(
                || t("pref-gender-any"),
                |g| i18n::coded(lang, "pref-gender", g),
            ),
        },
        Line {
            label: t("field-pref-family"),
            value: yes_no(p.pref_family),
        },
        Line {
            label: t("pref-age-legend"),
            value: format!("{} – {}", opt(p.pref_age_min), opt(p.pref_age_max)),
        },
        Line {
            label: t("field-pref-outside-community"),
            value: yes_no(p.pref_outside_language_community),
        },
        Line {
            label: t("share-legend"),
            value: or_dash(words.domains(&input.share_domains)),
        },
        Line {
            label: t("learn-legend"),
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
    let page = PersonPage {
        page: frame(&req, lang, format!("{} {}", p.first_name, p.last_name)),
        nav: Some(signed.nav()),
        id,
        name: format!("{} {}", p.first_name, p.last_name),
        programme,
        lines,
        household,
        consents,
        volunteer: p.volunteer,
        readiness: readiness_lines,
        ready: r.is_ready(false),
        ready_children: r.is_ready(true),
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

#[allow(clippy::too_many_arguments)]
fn profile_page(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: String,
    action: String,
    values: &Values,
    errors: &ValidationErrors,
    member_rows: &[usize],
) -> FormPage {
    let lang = signed.lang;
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        action,
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "required-note"));
    page.sections = profile_form::sections(lang, programme, values, errors, member_rows);
    page.submit = i18n::t(lang, "coord-save");
    page.summarise();
    page
}

fn email_taken(e: &DbError) -> bool {
    e.is_unique_violation()
}

/// `GET /coordinator/programmes/{slug}/people/new`: sign someone up on their behalf.
#[get("/coordinator/programmes/{slug}/people/new")]
async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let heading = i18n::t_args(lang, "coord-new-title", &[("programme", &programme.name)]);
    let action = format!("/coordinator/programmes/{}/people/new", programme.slug);
    let page = profile_page(
        &req,
        &signed,
        &programme,
        heading,
        action,
        &profile_form::default_values(lang),
        &ValidationErrors::default(),
        &[],
    );
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// Parses a submitted profile; `Err` carries the 422 page.
fn parse_profile(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: &str,
    action: &str,
    values: &Values,
) -> Result<NewParticipant, Box<HttpResponse>> {
    let mut read = profile_form::read(values);
    match NewParticipant::parse(read.input.clone(), programme) {
        Ok(p) if read.errors.is_empty() => Ok(p),
        parsed => {
            if let Err(domain) = parsed {
                read.add_domain_errors(domain);
            }
            let page = profile_page(
                req,
                signed,
                programme,
                heading.to_owned(),
                action.to_owned(),
                values,
                &read.errors,
                &read.member_rows,
            );
            Err(Box::new(respond(
                req,
                StatusCode::UNPROCESSABLE_ENTITY,
                signed.lang,
                &page,
            )))
        }
    }
}

fn taken_page(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: &str,
    action: &str,
    values: &Values,
) -> HttpResponse {
    let mut errors = ValidationErrors::default();
    errors.add("email", "email_taken");
    let page = profile_page(
        req,
        signed,
        programme,
        heading.to_owned(),
        action.to_owned(),
        values,
        &errors,
        &[],
    );
    respond(req, StatusCode::UNPROCESSABLE_ENTITY, signed.lang, &page)
}

/// `POST /coordinator/programmes/{slug}/people/new`: stores a confirmed participant (the
/// coordinator has recorded their consent); 422 with the form kept on bad input.
#[post("/coordinator/programmes/{slug}/people/new")]
async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let heading = i18n::t_args(lang, "coord-new-title", &[("programme", &programme.name)]);
    let action = format!("/coordinator/programmes/{}/people/new", programme.slug);
    let new = match parse_profile(&req, &signed, &programme, &heading, &action, &values) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let s = signed.clone();
    let programme_id = programme.id;
    let result = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Option<i32>, DbError> {
                if participants::find_by_email(c, programme_id, &new.email)?.is_some() {
                    return Ok(None);
                }
                let now = Utc::now().naive_utc();
                let id =
                    participants::insert(c, programme_id, &new, ParticipantStatus::Confirmed, now)?;
                s.audit(
                    c,
                    Some(programme_id),
                    "participant.create",
                    "participant",
                    Some(id),
                )?;
                Ok(Some(id))
            })
        })
        .await;
    match result {
        Ok(Some(id)) => Ok(see_other(&format!("/coordinator/people/{id}"))),
        Ok(None) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) if email_taken(&e) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) => Err(PageError::new(lang, e.into())),
    }
}

/// `GET /coordinator/people/{id}/edit`
#[get("/coordinator/people/{id}/edit")]
async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let household = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            participants::household(&mut conn, id)
        })
        .await
        .at(lang)?;
    let mut input = p.to_profile_input().at(lang)?;
    input.household_members = household;
    let heading = i18n::t_args(
        lang,
        "coord-edit-title",
        &[("name", &format!("{} {}", p.first_name, p.last_name))],
    );
    let action = format!("/coordinator/people/{id}/edit");
    let page = profile_page(
        &req,
        &signed,
        &programme,
        heading,
        action,
        &profile_form::values_from_profile(&input),
        &ValidationErrors::default(),
        &[],
    );
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// `POST /coordinator/people/{id}/edit`
#[post("/coordinator/people/{id}/edit")]
async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let heading = i18n::t_args(
        lang,
        "coord-edit-title",
        &[("name", &format!("{} {}", p.first_name, p.last_name))],
    );
    let action = format!("/coordinator/people/{id}/edit");
    let new = match parse_profile(&req, &signed, &programme, &heading, &action, &values) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let s = signed.clone();
    let programme_id = programme.id;
    let result = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<bool, DbError> {
                if participants::find_by_email(c, programme_id, &new.email)?
                    .is_some_and(|o| o.id != id)
                {
                    return Ok(false);
                }
                participants::update(c, id, &new, Utc::now().naive_utc())?;
                s.audit(
                    c,
                    Some(programme_id),
                    "participant.update",
                    "participant",
                    Some(id),
                )?;
                Ok(true)
            })
        })
        .await;
    match result {
        Ok(true) => Ok(see_other(&format!("/coordinator/people/{id}"))),
        Ok(false) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) if email_taken(&e) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) => Err(PageError::new(lang, e.into())),
    }
}

const READINESS_FIELDS: [(&str, &str); 5] = [
    ("code_of_conduct_signed", "coord-ready-code"),
    ("safeguarding_training", "coord-ready-safeguarding"),
    ("first_aid_training", "coord-ready-first-aid"),
    ("child_safeguarding_training", "coord-ready-child"),
    ("background_check", "coord-ready-background"),
];

fn readiness_page(
    req: &HttpRequest,
    signed: &Signed,
    p: &Participant,
    values: &Values,
    errors: &[(String, &str)],
) -> FormPage {
    let lang = signed.lang;
    let name = format!("{} {}", p.first_name, p.last_name);
    let heading = i18n::t_args(lang, "coord-readiness-title", &[("name", &name)]);
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        format!("/coordinator/people/{}/readiness", p.id),
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "coord-readiness-rule"));
    page.sections.push(Section {
        title: None,
        fields: READINESS_FIELDS
            .iter()
            .map(|(name, label)| {
                let mut f = Field::input("date", name, i18n::t(lang, label), values.get(name))
                    .hint(i18n::t(lang, "coord-date-hint"));
                f.error = errors
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, c)| error_text(lang, c));
                f
            })
            .collect(),
    });
    page.submit = i18n::t(lang, "coord-save");
    page.back = Some((format!("/coordinator/people/{}", p.id), name));
    page.summarise();
    page
}

/// `GET /coordinator/people/{id}/readiness`
#[get("/coordinator/people/{id}/readiness")]
async fn readiness_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (p, _) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let current: Option<Readiness> = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            readiness::find(&mut conn, id)
        })
        .await
        .at(lang)?;
    let d = current.unwrap_or_default().dates();
    let mut values = Values::default();
    let fmt = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    values.set("code_of_conduct_signed", fmt(d.code_of_conduct_signed));
    values.set("safeguarding_training", fmt(d.safeguarding_training));
    values.set("first_aid_training", fmt(d.first_aid_training));
    values.set(
        "child_safeguarding_training",
        fmt(d.child_safeguarding_training),
    );
    values.set("background_check", fmt(d.background_check));
    Ok(respond(
        &req,
        StatusCode::OK,
        lang,
        &readiness_page(&req, &signed, &p, &values, &[]),
    ))
}

/// Reads a date field: empty is "not done"; `YYYY-MM-DD`, not in the future.
fn date_field(
    values: &Values,
    name: &str,
    today: NaiveDate,
    errors: &mut Vec<(String, &'static str)>,
) -> Option<NaiveDate> {
    let raw = values.get(name).trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) if d > today => {
            errors.push((name.to_owned(), "future_date"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push((name.to_owned(), "invalid_date"));
            None
        }
    }
}

/// `POST /coordinator/people/{id}/readiness`: records the dates (audited).
#[post("/coordinator/people/{id}/readiness")]
async fn save_readiness(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let today = Utc::now().date_naive();
    let mut errors = Vec::new();
    let dates = ReadinessDates {
        code_of_conduct_signed: date_field(&values, "code_of_conduct_signed", today, &mut errors),
        safeguarding_training: date_field(&values, "safeguarding_training", today, &mut errors),
        first_aid_training: date_field(&values, "first_aid_training", today, &mut errors),
        child_safeguarding_training: date_field(
            &values,
            "child_safeguarding_training",
            today,
            &mut errors,
        ),
        background_check: date_field(&values, "background_check", today, &mut errors),
    };
    if !errors.is_empty() {
        let page = readiness_page(&req, &signed, &p, &values, &errors);
        return Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page));
    }
    let s = signed.clone();
    let id = p.id;
    let programme_id = programme.id;
    state
        .db
        .run(move |db| {
            db.write(|c| -> Result<(), DbError> {
                readiness::save(c, id, &dates, Utc::now().naive_utc())?;
                s.audit(
                    c,
                    Some(programme_id),
                    "readiness.update",
                    "participant",
                    Some(id),
                )?;
                Ok(())
            })
        })
        .await
        .at(lang)?;
    Ok(see_other(&format!("/coordinator/people/{id}")))
}
