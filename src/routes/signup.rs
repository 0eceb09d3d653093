//! The public sign-up form: `GET /signup?programme=<slug>` shows it, `POST` stores a pending
//! participant and sends a confirmation email (double opt-in), `GET /signup/thanks` thanks.
//!
//! Bad input gets 422 and the form again with every value kept, an error summary at the top
//! linking to each field, and a message at each field, all in the person's language; nothing is
//! stored. Signing up twice with one email shows the same thank-you page (the address's
//! existence is not revealed); the email explains instead.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;
use futures_util::StreamExt;

use super::pages::{self, MessagePage, PageCtx};
use super::profile_form::{self, reader, FormValues};
use super::widgets::{self, ErrorItem, Field, Opt};
use crate::db::participants::PRIVACY_NOTICE_VERSION;
use crate::db::{programmes, DbError};
use crate::domain::{
    interests, Availability, IntegrationDomain, LanguageLevel, NewParticipant, Programme,
    UiLanguage, ValidationErrors,
};
use crate::i18n;
use crate::routes::language;
use crate::state::AppState;

/// Largest form body accepted (a full form is about 3 KB).
const MAX_BODY: usize = 32 * 1024;
/// Most fields in one form.
const MAX_PAIRS: usize = 300;

// ----------------------------------------------------------------------------------------------
// The form as the template sees it

/// One language row: language + level.
#[derive(Debug, Clone)]
pub struct LanguageRow {
    legend: String,
    error: Option<String>,
    code: Field,
    level: Field,
}

/// One household member row.
#[derive(Debug, Clone)]
pub struct MemberRow {
    error: Option<String>,
    first_name: Field,
    birth_year: Field,
}

/// One day of the availability table.
#[derive(Debug, Clone)]
pub struct AvailabilityRow {
    day: String,
    cells: Vec<Opt>,
}

/// Every field of the form, ready to render.
#[derive(Debug, Clone)]
pub struct FormView {
    first_name: Field,
    last_name: Field,
    email: Field,
    phone: Field,
    message_language: Field,
    birth_year: Field,
    gender: Field,
    is_minor: Field,
    role: Field,
    volunteer: Field,
    capacity: Field,
    languages_error: Option<String>,
    language_rows: Vec<LanguageRow>,
    practise_languages: Field,
    interests: Field,
    availability_error: Option<String>,
    availability_parts: Vec<String>,
    availability: Vec<AvailabilityRow>,
    area: Field,
    max_travel_km: Field,
    online_ok: Field,
    household_adults: Field,
    household_children: Field,
    household_members: Vec<MemberRow>,
    pref_buddy_gender: Field,
    pref_family: Field,
    pref_age_min: Field,
    pref_age_max: Field,
    pref_outside_language_community: Field,
    share_domains: Field,
    learn_domains: Field,
    consent: Field,
}

/// The sign-up page.
#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    page: PageCtx,
    heading: String,
    action: String,
    errors: Vec<ErrorItem>,
    f: FormView,
    privacy: Vec<(String, String)>,
    privacy_legal: String,
}

/// Builds the fields: values from the form, messages from the errors.
struct Builder<'a> {
    lang: UiLanguage,
    values: &'a FormValues,
    /// field -> translated message (first error of each field)
    messages: HashMap<String, String>,
}

impl Builder<'_> {
    fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    fn error(&self, field: &str) -> Option<String> {
        self.messages.get(field).cloned()
    }

    fn text(
        &self,
        name: &str,
        label_id: &str,
        kind: &'static str,
        autocomplete: &'static str,
    ) -> Field {
        Field {
            error: self.error(name),
            maxlength: 100,
            ..Field::input(kind, name, self.t(label_id), self.values.get(name))
                .autocomplete(autocomplete)
        }
    }

    fn number(&self, name: &str, label_id: &str, autocomplete: &'static str) -> Field {
        Field {
            inputmode: "numeric",
            maxlength: 4,
            width: 5,
            ..self.text(name, label_id, "text", autocomplete)
        }
    }

    fn checkbox(&self, name: &str, label_id: &str) -> Field {
        Field {
            error: self.error(name),
            ..Field::checkbox(name, self.t(label_id), self.values.flag(name))
        }
    }

    fn select(&self, name: &str, label_id: &str, options: Vec<(String, String)>) -> Field {
        Field {
            error: self.error(name),
            ..Field::select(name, self.t(label_id), self.values.get(name), options)
        }
    }

    fn group(
        &self,
        name: &str,
        kind: &'static str,
        legend_id: &str,
        options: Vec<(String, String)>,
    ) -> Field {
        Field {
            error: self.error(name),
            columns: false,
            ..Field::group(name, self.t(legend_id), kind == "checkbox", options, |v| {
                self.values.has(name, v)
            })
        }
    }

    fn choices(&self, name: &str, options: Vec<(String, String)>) -> Vec<Opt> {
        widgets::group_options(name, options, |v| self.values.has(name, v))
    }
}

/// Where the summary links to, and what it calls the field.
fn anchor_and_label(lang: UiLanguage, field: &str, view: &FormView) -> (String, String) {
    let t = |id: &str| i18n::t(lang, id);
    let first = |g: &Field| g.anchor().to_owned();
    if let Some(rest) = field.strip_prefix("languages.") {
        let n = rest.parse::<usize>().unwrap_or(0);
        return (
            format!("languages-{n}-code"),
            i18n::t_args(lang, "languages-row", &[("n", &(n + 1).to_string())]),
        );
    }
    if let Some(rest) = field.strip_prefix("household_members.") {
        let n = rest.parse::<usize>().unwrap_or(0);
        return (
            format!("household_members-{n}-first_name"),
            i18n::t_args(
                lang,
                "household-member-name",
                &[("n", &(n + 1).to_string())],
            ),
        );
    }
    match field {
        "languages" => ("languages-0-code".into(), t("section-languages")),
        "household_members" => (
            "household_members-0-first_name".into(),
            t("household-members-legend"),
        ),
        "role" => (first(&view.role), view.role.label.clone()),
        "practise_languages" => (
            first(&view.practise_languages),
            view.practise_languages.label.clone(),
        ),
        "interests" => (first(&view.interests), t("section-interests")),
        "availability" => ("availability-mon_morning".into(), t("section-availability")),
        "pref_buddy_gender" => (
            first(&view.pref_buddy_gender),
            view.pref_buddy_gender.label.clone(),
        ),
        "share_domains" => (first(&view.share_domains), view.share_domains.label.clone()),
        "learn_domains" => (first(&view.learn_domains), view.learn_domains.label.clone()),
        "consent" => ("consent".into(), t("section-consent")),
        other => {
            let label_id = match other {
                "first_name" => "field-first-name",
                "last_name" => "field-last-name",
                "email" => "field-email",
                "phone" => "field-phone",
                "message_language" => "field-message-language",
                "birth_year" => "field-birth-year",
                "gender" => "field-gender",
                "is_minor" => "field-is-minor",
                "volunteer" => "field-volunteer",
                "capacity" => "field-capacity",
                "area" => "field-area",
                "max_travel_km" => "field-max-travel",
                "online_ok" => "field-online-ok",
                "household_adults" => "field-household-adults",
                "household_children" => "field-household-children",
                "pref_family" => "field-pref-family",
                "pref_age_min" => "field-pref-age-min",
                "pref_age_max" => "field-pref-age-max",
                "pref_outside_language_community" => "field-pref-outside-community",
                _ => "",
            };
            let label = if label_id.is_empty() {
                String::new()
            } else {
                t(label_id)
            };
            (other.to_owned(), label)
        }
    }
}

/// Form order, for sorting the error summary.
const FIELD_ORDER: [&str; 31] = [
    "form",
    "first_name",
    "last_name",
    "email",
    "phone",
    "message_language",
    "birth_year",
    "gender",
    "is_minor",
    "role",
    "volunteer",
    "capacity",
    "languages",
    "practise_languages",
    "interests",
    "availability",
    "area",
    "max_travel_km",
    "online_ok",
    "household_adults",
    "household_children",
    "household_members",
    "pref_buddy_gender",
    "pref_family",
    "pref_age_min",
    "pref_age_max",
    "pref_outside_language_community",
    "share_domains",
    "learn_domains",
    "consent",
    "",
];

fn order_of(field: &str) -> (usize, usize) {
    let (base, row) = match field.split_once('.') {
        Some((b, r)) => (b, r.parse::<usize>().map_or(0, |n| n + 1)),
        None => (field, 0),
    };
    (
        FIELD_ORDER
            .iter()
            .position(|f| *f == base)
            .unwrap_or(FIELD_ORDER.len()),
        row,
    )
}

fn sorted_options(mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.sort_by_key(|o| o.1.to_lowercase());
    options
}

#[allow(clippy::too_many_lines)] // one field after another, in form order
fn form_view(
    lang: UiLanguage,
    programme: &Programme,
    values: &FormValues,
    errors: &ValidationErrors,
) -> FormView {
    let mut messages = HashMap::new();
    for e in &errors.errors {
        messages
            .entry(e.field.clone())
            .or_insert_with(|| i18n::error_message(lang, e.code));
    }
    let b = Builder {
        lang,
        values,
        messages,
    };
    let t = |id: &str| i18n::t(lang, id);
    let choose = || (String::new(), t("choose"));
    let not_given = || (String::new(), t("not-given"));

    let spoken: Vec<(String, String)> = sorted_options(
        i18n::SPOKEN_LANGUAGES
            .iter()
            .map(|c| ((*c).to_owned(), i18n::language_name(lang, c)))
            .collect(),
    );

    let language_rows = (0..reader::language_rows(values))
        .map(|i| {
            let n = (i + 1).to_string();
            let mut code_options = vec![choose()];
            code_options.extend(spoken.iter().cloned());
            // A code typed elsewhere (API, old form) stays selectable so it is not lost.
            let current = values.get(&format!("languages.{i}.code"));
            if !current.is_empty() && !code_options.iter().any(|(v, _)| v == current) {
                code_options.push((current.to_owned(), current.to_owned()));
            }
            let mut level_options = vec![choose()];
            level_options.extend(LanguageLevel::ALL.iter().map(|l| {
                (
                    l.code().to_owned(),
                    i18n::coded(lang, "level", &l.code().to_lowercase()),
                )
            }));
            let code_name = format!("languages.{i}.code");
            let level_name = format!("languages.{i}.level");
            let row_error = b.error(&format!("languages.{i}"));
            let mut code = b.select(&code_name, "language-n", code_options);
            code.id = format!("languages-{i}-code");
            code.label = i18n::t_args(lang, "language-n", &[("n", &n)]);
            code.required = i == 0;
            // The row's message is shown (and announced) with its language select.
            code.error.clone_from(&row_error);
            let mut level = b.select(&level_name, "level-n", level_options);
            level.id = format!("languages-{i}-level");
            level.required = i == 0;
            level.error = None;
            LanguageRow {
                legend: i18n::t_args(lang, "languages-row", &[("n", &n)]),
                error: row_error,
                code,
                level,
            }
        })
        .collect();

    let mut practise = b.group(
        "practise_languages",
        "checkbox",
        "field-practise-languages",
        {
            let mut codes: Vec<&str> = UiLanguage::ALL.iter().map(|l| l.code()).collect();
            if !codes.contains(&programme.local_language.as_str()) {
                codes.insert(0, programme.local_language.as_str());
            }
            let local = programme.local_language.as_str();
            let mut options: Vec<(String, String)> = codes
                .iter()
                .map(|c| ((*c).to_owned(), i18n::language_name(lang, c)))
                .collect();
            // The local language first: it is the one most people come to practise.
            options.sort_by_key(|(c, _)| c != local);
            options
        },
    );
    practise.columns = true;

    let mut interest_group = b.group(
        "interests",
        "checkbox",
        "interests-legend",
        sorted_options(
            interests::KNOWN
                .iter()
                .map(|s| ((*s).to_owned(), i18n::interest_name(lang, s)))
                .collect(),
        ),
    );
    interest_group.columns = true;
    interest_group.extra_legend = t("interests-programme");
    interest_group.extra_options = b.choices(
        "interests",
        programme
            .interests
            .iter()
            .filter(|s| !interests::KNOWN.contains(&s.as_str()))
            .map(|s| (s.clone(), i18n::interest_name(lang, s)))
            .collect(),
    );

    let availability = Availability::DAYS
        .iter()
        .map(|day| {
            let day_name = t(&format!("day-{day}"));
            AvailabilityRow {
                cells: Availability::PARTS
                    .iter()
                    .map(|part| {
                        let value = format!("{day}_{part}");
                        Opt {
                            id: format!("availability-{value}"),
                            checked: values.has("availability", &value),
                            label: format!("{day_name}, {}", t(&format!("part-{part}"))),
                            value,
                        }
                    })
                    .collect(),
                day: day_name,
            }
        })
        .collect();

    let mut area_options = vec![not_given()];
    area_options.extend(sorted_options(
        programme
            .areas
            .iter()
            .map(|a| (a.slug.clone(), a.name.clone()))
            .collect(),
    ));

    let household_members = (0..reader::member_rows(values))
        .map(|i| {
            let n = (i + 1).to_string();
            let name_name = format!("household_members.{i}.first_name");
            let year_name = format!("household_members.{i}.birth_year");
            let mut first_name = b.text(&name_name, "household-member-name", "text", "off");
            first_name.id = format!("household_members-{i}-first_name");
            first_name.label = i18n::t_args(lang, "household-member-name", &[("n", &n)]);
            let mut birth_year = b.number(&year_name, "household-member-birth-year", "off");
            birth_year.id = format!("household_members-{i}-birth_year");
            birth_year.label = i18n::t_args(lang, "household-member-birth-year", &[("n", &n)]);
            MemberRow {
                error: None,
                first_name,
                birth_year,
            }
        })
        .collect::<Vec<_>>();

    let domain_options = || {
        IntegrationDomain::ALL
            .iter()
            .map(|d| (d.code().to_owned(), i18n::coded(lang, "domain", d.code())))
            .collect()
    };
    let mut share_domains = b.group(
        "share_domains",
        "checkbox",
        "share-legend",
        domain_options(),
    );
    share_domains.columns = true;
    let mut learn_domains = b.group(
        "learn_domains",
        "checkbox",
        "learn-legend",
        domain_options(),
    );
    learn_domains.columns = true;

    let mut role = b.group(
        "role",
        "radio",
        "role-legend",
        vec![
            ("arriving".into(), t("role-arriving")),
            ("receiving".into(), t("role-receiving")),
        ],
    );
    role.required = true;

    let mut pref_buddy_gender = b.group(
        "pref_buddy_gender",
        "radio",
        "field-pref-buddy-gender",
        vec![
            ("any".into(), t("pref-gender-any")),
            ("woman".into(), t("pref-gender-woman")),
            ("man".into(), t("pref-gender-man")),
        ],
    );
    if !["woman", "man"].contains(&values.get("pref_buddy_gender")) {
        if let Some(any) = pref_buddy_gender.options.first_mut() {
            any.checked = true;
        }
    }

    let mut first_name = b.text("first_name", "field-first-name", "text", "given-name");
    first_name.required = true;
    let mut email = b.text("email", "field-email", "email", "email");
    email.required = true;
    email.maxlength = 254;
    email.hint = Some(t("field-email-hint"));
    let mut phone = b.text("phone", "field-phone", "tel", "tel");
    phone.maxlength = 32;
    phone.width = 10;
    let mut volunteer = b.checkbox("volunteer", "field-volunteer");
    volunteer.hint = Some(t("field-volunteer-hint"));
    let mut capacity = b.select(
        "capacity",
        "field-capacity",
        (1..=5).map(|n| (n.to_string(), n.to_string())).collect(),
    );
    capacity.hint = Some(t("field-capacity-hint"));
    let mut consent = b.checkbox("consent", "field-consent");
    consent.required = true;
    let mut max_travel_km = b.number("max_travel_km", "field-max-travel", "off");
    max_travel_km.maxlength = 3;

    FormView {
        first_name,
        last_name: b.text("last_name", "field-last-name", "text", "family-name"),
        email,
        phone,
        message_language: b.select(
            "message_language",
            "field-message-language",
            UiLanguage::ALL
                .iter()
                .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
                .collect(),
        ),
        birth_year: b.number("birth_year", "field-birth-year", "bday-year"),
        gender: b.select("gender", "field-gender", {
            let mut o = vec![not_given()];
            o.extend(
                ["woman", "man", "non_binary", "prefer_not_to_say"]
                    .iter()
                    .map(|g| ((*g).to_owned(), i18n::coded(lang, "gender", g))),
            );
            o
        }),
        is_minor: b.checkbox("is_minor", "field-is-minor"),
        role,
        volunteer,
        capacity,
        languages_error: b.error("languages"),
        language_rows,
        practise_languages: practise,
        interests: interest_group,
        availability_error: b.error("availability"),
        availability_parts: Availability::PARTS
            .iter()
            .map(|p| t(&format!("part-{p}")))
            .collect(),
        availability,
        area: b.select("area", "field-area", area_options),
        max_travel_km,
        online_ok: b.checkbox("online_ok", "field-online-ok"),
        household_adults: b.number("household_adults", "field-household-adults", "off"),
        household_children: b.number("household_children", "field-household-children", "off"),
        household_members,
        pref_buddy_gender,
        pref_family: b.checkbox("pref_family", "field-pref-family"),
        pref_age_min: b.number("pref_age_min", "field-pref-age-min", "off"),
        pref_age_max: b.number("pref_age_max", "field-pref-age-max", "off"),
        pref_outside_language_community: b.checkbox(
            "pref_outside_language_community",
            "field-pref-outside-community",
        ),
        share_domains,
        learn_domains,
        consent,
    }
}

fn signup_query(programme: &str) -> [(&'static str, &str); 1] {
    [("programme", programme)]
}

/// Renders the form page.
fn render_form(
    status: StatusCode,
    lang: UiLanguage,
    programme: &Programme,
    values: &FormValues,
    errors: &ValidationErrors,
    member_rows: &[usize],
) -> HttpResponse {
    // Household member errors are numbered by given member; the form numbers rows.
    let mut errors = errors.clone();
    for e in &mut errors.errors {
        if let Some(rest) = e.field.strip_prefix("household_members.") {
            if let Some(row) = rest.parse::<usize>().ok().and_then(|i| member_rows.get(i)) {
                e.field = format!("household_members.{row}");
            }
        }
    }
    errors.errors.sort_by_key(|e| order_of(&e.field));
    let mut f = form_view(lang, programme, values, &errors);
    for row in &mut f.household_members {
        let i: usize = row
            .first_name
            .id
            .split('-')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if let Some(e) = errors
            .errors
            .iter()
            .find(|e| e.field == format!("household_members.{i}"))
        {
            let message = i18n::error_message(lang, e.code);
            row.error = Some(message.clone());
            row.first_name.error = Some(message);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let summary = errors
        .errors
        .iter()
        .filter(|e| seen.insert(e.field.clone()))
        .map(|e| {
            let (anchor, label) = anchor_and_label(lang, &e.field, &f);
            let message = if e.field == "form" {
                i18n::t(lang, "error-form-too-large")
            } else {
                i18n::error_message(lang, e.code)
            };
            ErrorItem {
                anchor,
                label,
                message,
            }
        })
        .collect();
    let isolated = i18n::isolate(&programme.name);
    let name = isolated.as_str();
    let title = if errors.is_empty() {
        format!("{} – {name}", i18n::t(lang, "signup-title"))
    } else {
        format!(
            "{}: {} – {name}",
            i18n::t(lang, "error-prefix"),
            i18n::t(lang, "signup-title")
        )
    };
    let page = PageCtx::new(lang, title, "/signup", &signup_query(&programme.slug));
    let action = format!(
        "/signup?{}",
        serde_urlencoded::to_string([
            ("programme", programme.slug.as_str()),
            ("lang", lang.code())
        ])
        .unwrap_or_default()
    );
    let section = |key: &str| {
        let id = format!("privacy-{key}");
        (
            i18n::t(lang, &format!("{id}-title")),
            i18n::t_args(lang, &id, &[("programme", name)]),
        )
    };
    let mut privacy = vec![(
        String::new(),
        i18n::t_args(lang, "privacy-intro", &[("programme", name)]),
    )];
    privacy.extend(["collected", "purpose", "who", "retention", "contact"].map(section));
    let template = SignupPage {
        page,
        heading: i18n::t_args(lang, "signup-heading", &[("programme", name)]),
        action,
        errors: summary,
        f,
        privacy,
        privacy_legal: i18n::t_args(
            lang,
            "privacy-legal",
            &[("version", &i18n::isolate(PRIVACY_NOTICE_VERSION))],
        ),
    };
    let mut response = pages::render(status, &template);
    pages::set_content_language(&mut response, lang);
    response
}

// ----------------------------------------------------------------------------------------------
// Handlers

fn programme_slug(req: &HttpRequest, state: &AppState) -> String {
    i18n::query_param(req.query_string(), "programme")
        .unwrap_or_else(|| state.settings.demo_programme.clone())
}

async fn load_programme(state: &AppState, slug: String) -> Result<Option<Programme>, DbError> {
    if slug.is_empty() || slug.len() > 100 {
        return Ok(None);
    }
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            programmes::by_slug(&mut conn, &slug)
        })
        .await
}

fn with_language_cookie(req: &HttpRequest, mut response: HttpResponse) -> HttpResponse {
    if let Some(lang) = language::query_language(req) {
        if req
            .cookie(language::LANG_COOKIE)
            .map_or(true, |c| c.value() != lang.code())
        {
            let _ = response.add_cookie(&language::language_cookie(lang));
        }
    }
    response
}

/// `GET /signup?programme=<slug>&lang=<code>`: the empty form.
#[get("/signup")]
pub async fn form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let programme = match load_programme(&state, programme_slug(&req, &state)).await {
        Ok(Some(p)) => p,
        Ok(None) => return with_language_cookie(&req, pages::not_found(&req)),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = language::request_language(&req, Some(&programme.local_language));
    let response = render_form(
        StatusCode::OK,
        lang,
        &programme,
        &profile_form::default_values(lang),
        &ValidationErrors::default(),
        &[],
    );
    with_language_cookie(&req, response)
}

/// Reads at most `MAX_BODY` bytes; `None` when the body is larger.
async fn read_body(mut payload: web::Payload) -> Option<web::BytesMut> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.ok()?;
        if body.len() + chunk.len() > MAX_BODY {
            return None;
        }
        body.extend_from_slice(&chunk);
    }
    Some(body)
}

/// `POST /signup?programme=<slug>&lang=<code>`: validates, stores, emails, redirects.
#[post("/signup")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> HttpResponse {
    let programme = match load_programme(&state, programme_slug(&req, &state)).await {
        Ok(Some(p)) => p,
        Ok(None) => return pages::not_found(&req),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = language::request_language(&req, Some(&programme.local_language));
    let values = match read_body(payload).await.and_then(|b| FormValues::parse(&b)) {
        Some(v) if v.len() <= MAX_PAIRS => v,
        _ => {
            let mut errors = ValidationErrors::default();
            errors.add("form", "too_long");
            let mut defaults = FormValues::default();
            defaults.set("message_language", lang.code());
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &defaults,
                &errors,
                &[],
            );
        }
    };
    let mut read = profile_form::read(&values);
    let participant = match NewParticipant::parse(read.input.clone(), &programme) {
        Ok(p) if read.errors.is_empty() => p,
        parsed => {
            if let Err(domain_errors) = parsed {
                read.add_domain_errors(domain_errors);
            }
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &values,
                &read.errors,
                &read.member_rows,
            );
        }
    };

    let public_url = state.settings.public_url();
    let now = Utc::now().naive_utc();
    let stored_programme = programme.clone();
    let result = state
        .db
        .run(move |db| {
            crate::signup::register(db, &stored_programme, &participant, &public_url, now)
        })
        .await;
    if let Err(e) = result {
        return pages::server_error(lang, &e);
    }
    let location = format!(
        "/signup/thanks?{}",
        serde_urlencoded::to_string([
            ("programme", programme.slug.as_str()),
            ("lang", lang.code())
        ])
        .unwrap_or_default()
    );
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// `GET /signup/thanks`: the same page whether or not the address was new.
#[get("/signup/thanks")]
pub async fn thanks(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let slug = programme_slug(&req, &state);
    let lang = language::request_language(&req, None);
    let page = PageCtx::new(
        lang,
        i18n::t(lang, "thanks-title"),
        "/signup/thanks",
        &signup_query(&slug),
    );
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page,
            paragraphs: vec![
                i18n::t(lang, "thanks-body"),
                i18n::t(lang, "thanks-no-email"),
            ],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    with_language_cookie(&req, response)
}

/// Registers the sign-up routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(thanks).service(form).service(submit);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_fields_sort_in_form_order() {
        assert!(order_of("email") < order_of("languages.0"));
        assert!(order_of("languages") < order_of("languages.1"));
        assert!(order_of("consent") > order_of("learn_domains"));
    }
}
