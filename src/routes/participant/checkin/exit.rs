//! The two exit questions behind the closing email's link (the same `/checkin/{token}` address):
//! "How satisfied are you with the programme?" (1-5) and, for arriving members, "I feel I belong
//! here" (1-5) and "I would like to become a buddy", with an optional note.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::form::{push_field, push_question, scale, Question};
use super::{form_path, now, post_target, problem_page, render};
use crate::continuum::by_link::{self, AnswerOutcome, CheckinInvite};
use crate::domain::checkin::{ExitAnswer, ExitInput, MAX_NOTE_CHARS};
use crate::domain::{Side, ValidationErrors};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, Link, MessagePage, PageCtx};
use crate::routes::participant::page_lang;
use crate::routes::profile_form::reader::parse_number;
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{ErrorItem, Field};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "participant/exit.html")]
struct ExitPage {
    page: PageCtx,
    intro: String,
    errors: Vec<ErrorItem>,
    action: String,
    satisfied: Question,
    belonging: Option<Question>,
    volunteer: Option<Field>,
    note: Field,
    send_label: String,
    concern_hint: String,
    concern_href: String,
    concern_label: String,
}

/// The exit form for `inv`, filled with `values`, showing `errors`.
pub(super) fn form(
    req: &HttpRequest,
    inv: &CheckinInvite,
    values: &FormValues,
    errors: &ValidationErrors,
    status: StatusCode,
) -> HttpResponse {
    let lang = page_lang(req, Some(inv.lang()));
    let t = |id: &str| i18n::t(lang, id);
    let name = i18n::isolate(&inv.partner_first_name);
    let programme = i18n::isolate(&inv.programme);
    let args = [("name", name.as_str()), ("programme", programme.as_str())];
    let seeker = inv.side() == Side::Seeker;
    let satisfied = scale(
        "satisfied",
        i18n::t_args(lang, "exit-satisfied", &args),
        "checkin-agree",
        values,
        errors,
        lang,
    );
    let belonging = seeker.then(|| {
        scale(
            "belonging",
            t("checkin-belonging"),
            "checkin-agree",
            values,
            errors,
            lang,
        )
    });
    let volunteer = seeker.then(|| {
        Field::checkbox(
            "wants_to_volunteer",
            t("checkin-volunteer"),
            values.flag("wants_to_volunteer"),
        )
        .hint(t("checkin-volunteer-hint"))
    });
    let mut note =
        Field::textarea("note", t("checkin-note"), values.get("note")).hint(t("checkin-note-hint"));
    note.maxlength = MAX_NOTE_CHARS;
    note.error = errors
        .code_for("note")
        .map(|c| i18n::error_message(lang, c));
    let mut items = Vec::new();
    push_question(&mut items, &satisfied, errors, lang);
    if let Some(q) = &belonging {
        push_question(&mut items, q, errors, lang);
    }
    push_field(&mut items, &note, errors, lang);
    let path = form_path(req);
    render(
        lang,
        status,
        &ExitPage {
            page: PageCtx::new(
                lang,
                i18n::t_args(lang, "exit-title", &args),
                req.path(),
                &[],
            ),
            intro: i18n::t_args(lang, "exit-intro", &args),
            errors: items,
            action: post_target(req, &path),
            satisfied,
            belonging,
            volunteer,
            note,
            send_label: t("checkin-send"),
            concern_hint: t("checkin-concern-hint"),
            concern_href: format!("{path}/concern"),
            concern_label: t("checkin-concern-link"),
        },
    )
}

/// `POST /checkin/{token}` on an exit link: stores the answers once.
pub(super) async fn answer(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    plain: String,
    inv: &CheckinInvite,
    body: &[u8],
) -> HttpResponse {
    let values = FormValues::parse(body).unwrap_or_default();
    let mut errors = ValidationErrors::default();
    let mut number = |name: &str| {
        parse_number(values.get(name)).unwrap_or_else(|()| {
            errors.add(name, "invalid_number");
            None
        })
    };
    let input = ExitInput {
        satisfied: number("satisfied"),
        belonging: number("belonging"),
        wants_to_volunteer: values.flag("wants_to_volunteer"),
        note: values.optional("note"),
    };
    let parsed = match ExitAnswer::parse(&input) {
        Ok(a) if errors.is_empty() => a,
        Ok(_) => return form(req, inv, &values, &errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(domain) => {
            for f in domain.errors {
                if errors.code_for(&f.field).is_none() {
                    errors.errors.push(f);
                }
            }
            return form(req, inv, &values, &errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let at = now();
    let result = state
        .db
        .run(move |db| by_link::answer_exit(db, &plain, &parsed, at))
        .await;
    match result {
        Ok(AnswerOutcome::Answered { invite, .. }) => {
            let lang = page_lang(req, Some(invite.lang()));
            let mut response = pages::render(
                StatusCode::OK,
                &MessagePage {
                    page: PageCtx::new(lang, i18n::t(lang, "exit-thanks-title"), req.path(), &[]),
                    paragraphs: vec![i18n::t(lang, "exit-thanks-body")],
                    button_action: None,
                    button_label: String::new(),
                    link: Some(Link {
                        href: format!("{}/concern", form_path(req)),
                        text: i18n::t(lang, "checkin-concern-link"),
                    }),
                },
            );
            pages::set_content_language(&mut response, lang);
            response
        }
        Ok(AnswerOutcome::NotUsable(state)) => problem_page(req, &state),
        Err(e) => pages::server_error(language::request_language(req, None), &e),
    }
}
