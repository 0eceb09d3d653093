//! The check-in form itself: big tappable choices, 1-5 scales with faces, the error summary,
//! and reading the posted fields into a [`CheckinInput`].

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::page_lang;
use crate::continuum::by_link::CheckinInvite;
use crate::domain::checkin::{MetHow, MAX_NOTE_CHARS};
use crate::domain::{
    CheckinInput, CloseReason, GoOn, IntegrationDomain, Met, Side, UiLanguage, ValidationErrors,
};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::routes::profile_form::reader::parse_number;
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{ErrorItem, Field};

use super::{form_path, post_target, render};

/// Faces of the 1-5 scales, from 1 to 5.
pub(super) const FACES: [&str; 5] = ["😞", "🙁", "😐", "🙂", "😄"];

/// End reasons offered on the form: a concern has its own path, so it is not one of them.
const END_REASONS: [CloseReason; 5] = [
    CloseReason::Completed,
    CloseReason::MovedAway,
    CloseReason::NotAGoodFit,
    CloseReason::NoLongerAvailable,
    CloseReason::Other,
];

/// One big tappable choice (radio or checkbox), optionally with a face.
pub(super) struct Choice {
    pub(super) id: String,
    pub(super) value: String,
    pub(super) emoji: &'static str,
    pub(super) label: String,
    pub(super) checked: bool,
}

/// A question as a fieldset of big choices.
pub(super) struct Question {
    pub(super) name: &'static str,
    pub(super) legend: String,
    pub(super) hint: Option<String>,
    pub(super) error: Option<String>,
    pub(super) multiple: bool,
    pub(super) choices: Vec<Choice>,
}

impl Question {
    pub(super) fn input_type(&self) -> &'static str {
        if self.multiple {
            "checkbox"
        } else {
            "radio"
        }
    }

    pub(super) fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }

    pub(super) fn anchor(&self) -> String {
        self.choices
            .first()
            .map_or_else(|| self.name.to_owned(), |c| c.id.clone())
    }
}

#[derive(Template)]
#[template(path = "participant/checkin.html")]
pub(super) struct CheckinPage {
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

/// The message for an error code (dates have their own wording here).
pub(super) fn error_text(lang: UiLanguage, code: &str) -> String {
    if code == "invalid_date" {
        i18n::t(lang, "checkin-error-invalid-date")
    } else {
        i18n::error_message(lang, code)
    }
}

/// A radio or checkbox question whose choices are `(value, label)`; `emoji` per choice or none.
pub(super) fn question(
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
pub(super) fn scale(
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

pub(super) fn domains(
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

pub(super) fn with_error(mut f: Field, errors: &ValidationErrors, lang: UiLanguage) -> Field {
    f.error = errors.code_for(&f.name).map(|c| error_text(lang, c));
    f
}

/// The check-in form for `inv`, filled with `values`, showing `errors`.
pub(super) fn form_page(
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
        action: post_target(req, &path),
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
pub(super) fn summary(
    page: &CheckinPage,
    errors: &ValidationErrors,
    lang: UiLanguage,
) -> Vec<ErrorItem> {
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

pub(super) fn push_question(
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

pub(super) fn push_field(
    items: &mut Vec<ErrorItem>,
    f: &Field,
    errors: &ValidationErrors,
    lang: UiLanguage,
) {
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
pub(super) fn read(values: &FormValues, inv: &CheckinInvite) -> (CheckinInput, ValidationErrors) {
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
