//! `GET /checkin/{token}`: the one-minute check-in form; `POST /checkin/{token}` stores the
//! answer. `GET` and `POST /checkin/{token}/concern`: "I have a concern", allowed while the link
//! works and after it was used until it expires (it does not use the link up).
//!
//! Only POST changes anything, so mail scanners that follow links never answer for anyone. The
//! random token in the path is the credential (as for `/respond`). Bad input re-shows the form
//! with messages in the person's language and the values kept (422); used, expired and closed
//! links get 410, unknown ones 404.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

use super::page_lang;
use crate::continuum::by_link::{self, AnswerOutcome, CheckinInvite, ConcernLink, LinkState};
use crate::continuum::concern::{self, RaiseError};
use crate::domain::checkin::{MetHow, MAX_NOTE_CHARS};
use crate::domain::{
    CheckinAnswer, CheckinInput, CloseReason, GoOn, GoOnAnswer, IntegrationDomain, Met, Side,
    UiLanguage, ValidationErrors,
};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, Link, MessagePage, PageCtx};
use crate::routes::profile_form::reader::parse_number;
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{ErrorItem, Field};
use crate::state::AppState;

/// Faces of the 1-5 scales, from 1 to 5.
const FACES: [&str; 5] = ["😞", "🙁", "😐", "🙂", "😄"];

/// End reasons offered on the form: a concern has its own path, so it is not one of them.
const END_REASONS: [CloseReason; 5] = [
    CloseReason::Completed,
    CloseReason::MovedAway,
    CloseReason::NotAGoodFit,
    CloseReason::NoLongerAvailable,
    CloseReason::Other,
];

/// One big tappable choice (radio or checkbox), optionally with a face.
struct Choice {
    id: String,
    value: String,
    emoji: &'static str,
    label: String,
    checked: bool,
}

/// A question as a fieldset of big choices.
struct Question {
    name: &'static str,
    legend: String,
    hint: Option<String>,
    error: Option<String>,
    multiple: bool,
    choices: Vec<Choice>,
}

impl Question {
    fn input_type(&self) -> &'static str {
        if self.multiple {
            "checkbox"
        } else {
            "radio"
        }
    }

    fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }

    fn anchor(&self) -> String {
        self.choices
            .first()
            .map_or_else(|| self.name.to_owned(), |c| c.id.clone())
    }
}

#[derive(Template)]
#[template(path = "participant/checkin.html")]
struct CheckinPage {
    page: PageCtx,
    intro: String,
    errors: Vec<ErrorItem>,
    action: String,
    met: Question,
    met_how: Question,
    going: Question,
    trust: Question,
    gave: Question,
    received: Question,
    go_on: Question,
    pause_until: Field,
    end_reason: Question,
    carry_on: Field,
    volunteer: Option<Field>,
    belonging: Option<Question>,
    conversation: Option<Question>,
    note: Field,
    send_label: String,
    concern_hint: String,
    concern_href: String,
    concern_label: String,
}

#[derive(Template)]
#[template(path = "participant/concern.html")]
struct ConcernPage {
    page: PageCtx,
    intro: String,
    errors: Vec<ErrorItem>,
    action: String,
    concern: Field,
    emergency: String,
    send_label: String,
}

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The page for a link that cannot be used.
fn problem_page(req: &HttpRequest, state: &LinkState) -> HttpResponse {
    let (status, key, lang) = match state {
        LinkState::Used(lang) => (StatusCode::GONE, "checkin-used", Some(*lang)),
        LinkState::Expired(lang) => (StatusCode::GONE, "checkin-expired", Some(*lang)),
        LinkState::Closed(lang) => (StatusCode::GONE, "checkin-closed", Some(*lang)),
        LinkState::Unknown | LinkState::Valid(_) => {
            (StatusCode::NOT_FOUND, "checkin-unknown", None)
        }
    };
    pages::message(status, page_lang(req, lang), key, req.path(), &[])
}

fn render(lang: UiLanguage, status: StatusCode, template: &impl Template) -> HttpResponse {
    let mut response = pages::render(status, template);
    pages::set_content_language(&mut response, lang);
    response
}

/// The message for an error code (dates have their own wording here).
fn error_text(lang: UiLanguage, code: &str) -> String {
    if code == "invalid_date" {
        i18n::t(lang, "checkin-error-invalid-date")
    } else {
        i18n::error_message(lang, code)
    }
}

/// The path of the form (without a trailing `/concern`).
fn form_path(req: &HttpRequest) -> String {
    let path = req.path().trim_end_matches('/');
    path.strip_suffix("/concern").unwrap_or(path).to_owned()
}

/// A radio or checkbox question whose choices are `(value, label)`; `emoji` per choice or none.
fn question(
    name: &'static str,
    legend: String,
    multiple: bool,
    choices: Vec<(String, String, &'static str)>,
    values: &FormValues,
    errors: &ValidationErrors,
    lang: UiLanguage,
) -> Question {
    Question {
        name,
        legend,
        hint: None,
        error: errors.code_for(name).map(|c| error_text(lang, c)),
        multiple,
        choices: choices
            .into_iter()
            .map(|(value, label, emoji)| Choice {
                id: format!("{name}-{value}"),
                checked: values.has(name, &value),
                value,
                emoji,
                label,
            })
            .collect(),
    }
}

/// A 1-5 scale with faces; `words` is the message prefix of the five words (`<prefix>-1`...).
fn scale(
    name: &'static str,
    legend: String,
    words: &str,
    values: &FormValues,
    errors: &ValidationErrors,
    lang: UiLanguage,
) -> Question {
    let choices = (1..=5)
        .zip(FACES)
        .map(|(n, face)| (n.to_string(), i18n::t(lang, &format!("{words}-{n}")), face))
        .collect();
    let mut q = question(name, legend, false, choices, values, errors, lang);
    // A number typed with other digits still ticks its box when the form comes back.
    for c in &mut q.choices {
        c.checked = parse_number(values.get(name))
            .ok()
            .flatten()
            .map(|n| n.to_string())
            == Some(c.value.clone());
    }
    q
}

fn domains(
    name: &'static str,
    legend: String,
    values: &FormValues,
    errors: &ValidationErrors,
    lang: UiLanguage,
) -> Question {
    let choices = IntegrationDomain::ALL
        .into_iter()
        .map(|d| {
            (
                d.code().to_owned(),
                i18n::coded(lang, "domain", d.code()),
                "",
            )
        })
        .collect();
    let mut q = question(name, legend, true, choices, values, errors, lang);
    q.hint = Some(i18n::t(lang, "checkin-domains-hint"));
    q
}

fn with_error(mut f: Field, errors: &ValidationErrors, lang: UiLanguage) -> Field {
    f.error = errors.code_for(&f.name).map(|c| error_text(lang, c));
    f
}

/// The check-in form for `inv`, filled with `values`, showing `errors`.
fn form_page(
    req: &HttpRequest,
    inv: &CheckinInvite,
    values: &FormValues,
    errors: &ValidationErrors,
    status: StatusCode,
) -> HttpResponse {
    let lang = page_lang(req, Some(inv.lang()));
    let name = i18n::isolate(&inv.partner_first_name);
    let programme = i18n::isolate(&inv.programme);
    let local = i18n::language_name(lang, &inv.local_language);
    let args = [
        ("name", name.as_str()),
        ("programme", programme.as_str()),
        ("language", local.as_str()),
    ];
    let t = |id: &str| i18n::t_args(lang, id, &args);
    let coded = |prefix: &str, code: &str| t(&format!("{prefix}-{}", code.replace('_', "-")));

    let met = question(
        "met",
        t("checkin-met"),
        false,
        [Met::None, Met::Once, Met::Several]
            .into_iter()
            .map(|m| (m.code().to_owned(), coded("checkin-met", m.code()), ""))
            .collect(),
        values,
        errors,
        lang,
    );
    let mut met_how = question(
        "met_how",
        t("checkin-met-how"),
        true,
        MetHow::ALL
            .into_iter()
            .map(|h| (h.code().to_owned(), coded("checkin-met-how", h.code()), ""))
            .collect(),
        values,
        errors,
        lang,
    );
    met_how.hint = Some(t("checkin-met-how-hint"));
    let go_on = question(
        "continue",
        t("checkin-continue"),
        false,
        [GoOn::Yes, GoOn::Pause, GoOn::End]
            .into_iter()
            .map(|g| (g.code().to_owned(), coded("checkin-continue", g.code()), ""))
            .collect(),
        values,
        errors,
        lang,
    );
    let mut end_reason = question(
        "end_reason",
        t("checkin-end-reason"),
        false,
        END_REASONS
            .into_iter()
            .map(|r| (r.code().to_owned(), coded("checkin-end", r.code()), ""))
            .collect(),
        values,
        errors,
        lang,
    );
    end_reason.hint = Some(t("checkin-end-reason-hint"));
    let mut pause_until = with_error(
        Field::input(
            "date",
            "pause_until",
            t("checkin-pause-until"),
            values.get("pause_until"),
        )
        .hint(t("checkin-pause-until-hint")),
        errors,
        lang,
    );
    pause_until.width = 10;
    let carry_on = Field::checkbox(
        "carry_on_without_programme",
        t("checkin-carry-on"),
        values.flag("carry_on_without_programme"),
    );
    let volunteer = (inv.side() == Side::Seeker).then(|| {
        Field::checkbox(
            "wants_to_volunteer",
            t("checkin-volunteer"),
            values.flag("wants_to_volunteer"),
        )
        .hint(t("checkin-volunteer-hint"))
    });
    let (belonging, conversation) = if inv.ask_arriving {
        (
            Some(scale(
                "belonging",
                t("checkin-belonging"),
                "checkin-agree",
                values,
                errors,
                lang,
            )),
            Some(scale(
                "conversation",
                t("checkin-conversation"),
                "checkin-agree",
                values,
                errors,
                lang,
            )),
        )
    } else {
        (None, None)
    };
    let mut note = with_error(
        Field::textarea("note", t("checkin-note"), values.get("note")).hint(t("checkin-note-hint")),
        errors,
        lang,
    );
    note.maxlength = MAX_NOTE_CHARS;

    let path = form_path(req);
    let mut page = CheckinPage {
        page: PageCtx::new(lang, t("checkin-title"), req.path(), &[]),
        intro: t("checkin-intro"),
        errors: Vec::new(),
        action: path.clone(),
        met,
        met_how,
        going: scale(
            "going",
            t("checkin-going"),
            "checkin-going",
            values,
            errors,
            lang,
        ),
        trust: scale(
            "trust",
            t("checkin-trust"),
            "checkin-agree",
            values,
            errors,
            lang,
        ),
        gave: domains("gave", t("checkin-gave"), values, errors, lang),
        received: domains("received", t("checkin-received"), values, errors, lang),
        go_on,
        pause_until,
        end_reason,
        carry_on,
        volunteer,
        belonging,
        conversation,
        note,
        send_label: t("checkin-send"),
        concern_hint: t("checkin-concern-hint"),
        concern_href: format!("{path}/concern"),
        concern_label: t("checkin-concern-link"),
    };
    page.errors = summary(&page, errors, lang);
    render(lang, status, &page)
}

/// The error summary, in the order of the form.
fn summary(page: &CheckinPage, errors: &ValidationErrors, lang: UiLanguage) -> Vec<ErrorItem> {
    let mut items = Vec::new();
    let mut questions: Vec<&Question> = vec![
        &page.met,
        &page.met_how,
        &page.going,
        &page.trust,
        &page.gave,
        &page.received,
        &page.go_on,
    ];
    let fields = [&page.pause_until];
    let tail: Vec<&Question> = [
        Some(&page.end_reason),
        page.belonging.as_ref(),
        page.conversation.as_ref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    for q in questions.drain(..) {
        push_question(&mut items, q, errors, lang);
    }
    for f in fields {
        push_field(&mut items, f, errors, lang);
    }
    for q in tail {
        push_question(&mut items, q, errors, lang);
    }
    push_field(&mut items, &page.note, errors, lang);
    items
}

fn push_question(
    items: &mut Vec<ErrorItem>,
    q: &Question,
    errors: &ValidationErrors,
    lang: UiLanguage,
) {
    if let Some(code) = errors.code_for(q.name) {
        items.push(ErrorItem {
            anchor: q.anchor(),
            label: q.legend.clone(),
            message: error_text(lang, code),
        });
    }
}

fn push_field(items: &mut Vec<ErrorItem>, f: &Field, errors: &ValidationErrors, lang: UiLanguage) {
    if let Some(code) = errors.code_for(&f.name) {
        items.push(ErrorItem {
            anchor: f.anchor().to_owned(),
            label: f.label.clone(),
            message: error_text(lang, code),
        });
    }
}

/// Reads the form into a [`CheckinInput`] for `inv`'s side (the side is the link's, never the
/// form's), with the numbers that could not be read.
fn read(values: &FormValues, inv: &CheckinInvite) -> (CheckinInput, ValidationErrors) {
    let mut e = ValidationErrors::default();
    let mut number = |name: &str| {
        parse_number(values.get(name)).unwrap_or_else(|()| {
            e.add(name, "invalid_number");
            None
        })
    };
    let going = number("going");
    let trust = number("trust");
    let (belonging, conversation) = if inv.ask_arriving {
        (number("belonging"), number("conversation"))
    } else {
        (None, None)
    };
    let list = |name: &str| values.all(name).map(str::to_owned).collect::<Vec<_>>();
    let input = CheckinInput {
        side: inv.side().code().to_owned(),
        met: values.get("met").to_owned(),
        met_how: list("met_how"),
        going,
        trust,
        gave: list("gave"),
        received: list("received"),
        go_on: values.get("continue").to_owned(),
        pause_until: values.optional("pause_until"),
        end_reason: values.optional("end_reason"),
        carry_on_without_programme: values.flag("carry_on_without_programme"),
        note: values.optional("note"),
        belonging,
        conversation,
        wants_to_volunteer: inv.side() == Side::Seeker && values.flag("wants_to_volunteer"),
    };
    (input, e)
}

async fn lookup(state: &web::Data<AppState>, plain: String) -> Result<LinkState, String> {
    let at = now();
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            by_link::lookup(&mut conn, &plain, at)
        })
        .await
        .map_err(|e| e.to_string())
}

/// `GET /checkin/{token}`
#[get("/checkin/{token}")]
pub async fn checkin_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    match lookup(&state, token.into_inner()).await {
        Ok(LinkState::Valid(inv)) => form_page(
            &req,
            &inv,
            &FormValues::default(),
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /checkin/{token}` with the form fields named as in [`CheckinInput`] (`continue` for
/// "Shall we go on?", repeated `met_how`, `gave`, `received`).
#[post("/checkin/{token}")]
pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let plain = token.into_inner();
    let inv = match lookup(&state, plain.clone()).await {
        Ok(LinkState::Valid(inv)) => inv,
        Ok(other) => return problem_page(&req, &other),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    // Something that is not form data reads as an empty form: every required field is named.
    let values = FormValues::parse(&body).unwrap_or_default();
    let (input, mut errors) = read(&values, &inv);
    let at = now();
    let parsed = match CheckinAnswer::parse(&input, at.date()) {
        Ok(a) if errors.is_empty() => a,
        Ok(_) => {
            return form_page(
                &req,
                &inv,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(domain) => {
            for f in domain.errors {
                if errors.code_for(&f.field).is_none() {
                    errors.errors.push(f);
                }
            }
            return form_page(
                &req,
                &inv,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let go_on = parsed.go_on;
    let result = state
        .db
        .run(move |db| by_link::answer(db, &plain, &parsed, at))
        .await;
    match result {
        Ok(AnswerOutcome::Answered { invite, changed }) => {
            thanks_page(&req, &invite, changed, go_on)
        }
        Ok(AnswerOutcome::NotUsable(state)) => problem_page(&req, &state),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// The page after an answer: thanks, what changed, and the way to raise a concern.
fn thanks_page(
    req: &HttpRequest,
    inv: &CheckinInvite,
    changed: bool,
    go_on: GoOnAnswer,
) -> HttpResponse {
    let lang = page_lang(req, Some(inv.lang()));
    let name = i18n::isolate(&inv.partner_first_name);
    let programme = i18n::isolate(&inv.programme);
    let mut paragraphs = vec![i18n::t_args(
        lang,
        "checkin-thanks-body",
        &[("name", name.as_str()), ("programme", programme.as_str())],
    )];
    if changed {
        match go_on {
            GoOnAnswer::Pause { until } => {
                let date = until.format("%Y-%m-%d").to_string();
                paragraphs.push(i18n::t_args(
                    lang,
                    "checkin-thanks-paused",
                    &[("date", date.as_str())],
                ));
            }
            GoOnAnswer::End { .. } => paragraphs.push(i18n::t(lang, "checkin-thanks-ended")),
            GoOnAnswer::Yes => {}
        }
    }
    let path = form_path(req);
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page: PageCtx::new(lang, i18n::t(lang, "checkin-thanks-title"), req.path(), &[]),
            paragraphs,
            button_action: None,
            button_label: String::new(),
            link: Some(Link {
                href: format!("{path}/concern"),
                text: i18n::t(lang, "checkin-concern-link"),
            }),
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}

fn concern_form(
    req: &HttpRequest,
    lang: UiLanguage,
    programme: &str,
    value: &str,
    errors: &ValidationErrors,
    status: StatusCode,
) -> HttpResponse {
    let lang = page_lang(req, Some(lang));
    let programme = i18n::isolate(programme);
    let args = [("programme", programme.as_str())];
    let mut field = with_error(
        Field::textarea(concern::FIELD, i18n::t(lang, "concern-label"), value)
            .hint(i18n::t(lang, "concern-hint"))
            .required(),
        errors,
        lang,
    );
    field.maxlength = concern::MAX_CONCERN_CHARS;
    let mut items = Vec::new();
    push_field(&mut items, &field, errors, lang);
    render(
        lang,
        status,
        &ConcernPage {
            page: PageCtx::new(lang, i18n::t(lang, "concern-title"), req.path(), &[]),
            intro: i18n::t_args(lang, "concern-intro", &args),
            errors: items,
            action: req.path().trim_end_matches('/').to_owned(),
            concern: field,
            emergency: i18n::t(lang, "concern-emergency"),
            send_label: i18n::t(lang, "concern-send"),
        },
    )
}

async fn concern_access(state: &web::Data<AppState>, plain: String) -> Result<ConcernLink, String> {
    let at = now();
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            by_link::concern_access(&mut conn, &plain, at)
        })
        .await
        .map_err(|e| e.to_string())
}

/// `GET /checkin/{token}/concern`
#[get("/checkin/{token}/concern")]
pub async fn concern_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    match concern_access(&state, token.into_inner()).await {
        Ok(ConcernLink::Allowed(access)) => concern_form(
            &req,
            access.lang(),
            &access.programme,
            "",
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(ConcernLink::Refused(state)) => problem_page(&req, &state),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /checkin/{token}/concern` with the form field `concern`.
#[post("/checkin/{token}/concern")]
pub async fn raise_concern(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let plain = token.into_inner();
    let access = match concern_access(&state, plain.clone()).await {
        Ok(ConcernLink::Allowed(access)) => access,
        Ok(ConcernLink::Refused(state)) => return problem_page(&req, &state),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let values = FormValues::parse(&body).unwrap_or_default();
    let raw = values.get(concern::FIELD).to_owned();
    if let Err(errors) = concern::parse_text(&raw) {
        return concern_form(
            &req,
            access.lang(),
            &access.programme,
            &raw,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let public_url = state.settings.public_url();
    let at = now();
    let result = state
        .db
        .run(move |db| concern::raise_by_link(db, &plain, &raw, &public_url, at))
        .await;
    match result {
        Ok(ConcernLink::Allowed(access)) => concern_sent_page(&req, access.lang()),
        Ok(ConcernLink::Refused(state)) => problem_page(&req, &state),
        Err(RaiseError::Invalid(errors)) => concern_form(
            &req,
            access.lang(),
            &access.programme,
            values.get(concern::FIELD),
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// What happens next after a concern.
fn concern_sent_page(req: &HttpRequest, lang: UiLanguage) -> HttpResponse {
    let lang = page_lang(req, Some(lang));
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page: PageCtx::new(lang, i18n::t(lang, "concern-sent-title"), req.path(), &[]),
            paragraphs: vec![
                i18n::t(lang, "concern-sent-body"),
                i18n::t(lang, "concern-sent-private"),
                i18n::t(lang, "concern-emergency"),
            ],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}
