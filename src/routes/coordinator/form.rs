//! One generic form page for every coordinator form (login, setup, password, a participant,
//! readiness, a new account): sections of [`Field`]s (the one widget model, `routes::widgets`),
//! an error summary linking to each field, the CSRF field.

use askama::Template;

use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::pages::PageCtx;

/// A submitted form: the one form-pairs type of every HTML form.
pub use crate::routes::profile_form::FormValues as Values;

pub use crate::routes::widgets::{ErrorItem, Field, Opt, Section};

/// The navigation of a logged-in coordinator.
#[derive(Debug, Clone)]
pub struct Nav {
    /// Who is logged in.
    pub email: String,
    /// Show the admin links.
    pub is_admin: bool,
    /// For the logout form.
    pub csrf: String,
}

/// The generic form page.
#[derive(Template)]
#[template(path = "coordinator/form.html")]
pub struct FormPage {
    /// Frame.
    pub page: PageCtx,
    /// Navigation (none before login).
    pub nav: Option<Nav>,
    /// `<h1>`.
    pub heading: String,
    /// Paragraphs under the heading.
    pub intro: Vec<String>,
    /// A message about the whole form (e.g. a failed login), shown in the summary.
    pub form_error: Option<String>,
    /// A confirmation (e.g. "saved").
    pub notice: Option<String>,
    /// Error summary.
    pub errors: Vec<ErrorItem>,
    /// Where the form posts.
    pub action: String,
    /// CSRF token.
    pub csrf: String,
    /// The parts.
    pub sections: Vec<Section>,
    /// Submit button text.
    pub submit: String,
    /// A link under the form (e.g. back).
    pub back: Option<(String, String)>,
}

impl FormPage {
    /// A form page with the fields' errors collected into the summary (in field order).
    #[must_use]
    pub fn new(page: PageCtx, heading: String, action: String, csrf: String) -> Self {
        Self {
            page,
            nav: None,
            heading,
            intro: Vec::new(),
            form_error: None,
            notice: None,
            errors: Vec::new(),
            action,
            csrf,
            sections: Vec::new(),
            submit: String::new(),
            back: None,
        }
    }

    /// Fills the error summary from the fields' errors.
    pub fn summarise(&mut self) {
        self.errors = self
            .sections
            .iter()
            .flat_map(|s| &s.fields)
            .filter_map(|f| {
                f.error.as_ref().map(|e| ErrorItem {
                    anchor: f.anchor().to_owned(),
                    label: f.label.clone(),
                    message: e.clone(),
                })
            })
            .collect();
    }
}

/// The message for an error code: the coordinator's own (`coord-error-<code>`) if there is
/// one, else the shared form message (`error-<code>`).
#[must_use]
pub fn error_text(lang: UiLanguage, code: &str) -> String {
    let own = format!("coord-error-{}", code.replace('_', "-"));
    if i18n::has(lang, &own) {
        i18n::t(lang, &own)
    } else {
        i18n::error_message(lang, code)
    }
}
