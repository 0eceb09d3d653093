//! The emails of introductions and of the personal data link, composed in the recipient's
//! language (plain text and HTML), and written to the outbox in the caller's transaction.

use askama::Template;
use chrono::NaiveDateTime;

use crate::db::{DbConnection, DbError};
use crate::domain::UiLanguage;
use crate::email::outbox::{self, NewEmail};
use crate::i18n;

/// What goes into one email.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Subject line.
    pub subject: String,
    /// The recipient's first name (greeting).
    pub name: String,
    /// The programme's name (signature).
    pub programme: String,
    /// Paragraphs before the list.
    pub before: Vec<String>,
    /// A bulleted list (reasons, contact details, suggestions).
    pub items: Vec<String>,
    /// The button: (label, link).
    pub button: Option<(String, String)>,
    /// Paragraphs after the button.
    pub after: Vec<String>,
    /// The personal data link shown at the bottom.
    pub me_link: Option<String>,
}

#[derive(Template)]
#[template(path = "participant/email.html")]
struct EmailHtml<'a> {
    lang: &'a str,
    dir: &'a str,
    subject: &'a str,
    greeting: &'a str,
    before: &'a [String],
    items: &'a [String],
    link: Option<&'a str>,
    button: &'a str,
    after: &'a [String],
    me_link: Option<&'a str>,
    me_text: &'a str,
    signoff: &'a str,
    team: &'a str,
}

/// Renders `content` in `lang` as (plain text, HTML).
#[must_use]
pub fn render(lang: UiLanguage, content: &Content) -> (String, String) {
    let greeting = i18n::t_args(lang, "email-greeting", &[("name", &content.name)]);
    let signoff = i18n::t(lang, "email-signoff");
    let team = i18n::t_args(lang, "email-team", &[("programme", &content.programme)]);
    let me_text = i18n::t(lang, "intro-email-my-data");
    let mut text = format!("{greeting}\n\n");
    for p in &content.before {
        text.push_str(p);
        text.push_str("\n\n");
    }
    if !content.items.is_empty() {
        for i in &content.items {
            text.push_str("- ");
            text.push_str(i);
            text.push('\n');
        }
        text.push('\n');
    }
    if let Some((label, link)) = &content.button {
        text.push_str(&format!("{label}: {link}\n\n"));
    }
    for p in &content.after {
        text.push_str(p);
        text.push_str("\n\n");
    }
    if let Some(me) = &content.me_link {
        text.push_str(&format!("{me_text} {me}\n\n"));
    }
    text.push_str(&format!("{signoff}\n{team}\n"));
    let html = EmailHtml {
        lang: lang.code(),
        dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        subject: &content.subject,
        greeting: &greeting,
        before: &content.before,
        items: &content.items,
        link: content.button.as_ref().map(|(_, l)| l.as_str()),
        button: content.button.as_ref().map_or("", |(b, _)| b.as_str()),
        after: &content.after,
        me_link: content.me_link.as_deref(),
        me_text: &me_text,
        signoff: &signoff,
        team: &team,
    }
    .render()
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "email template failed to render; sending plain text only");
        String::new()
    });
    (text, html)
}

/// Renders `content` and writes it to the outbox for `to` (in the caller's transaction). A
/// person without an email (`None`) gets nothing: the coordinator reaches them by phone or in
/// person, from the list of people to contact (`crate::reach_by_phone`).
///
/// # Errors
/// The insert fails.
pub fn send(
    conn: &mut DbConnection,
    to: Option<&str>,
    lang: UiLanguage,
    content: &Content,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let Some(to) = to else {
        return Ok(());
    };
    let (body_text, body_html) = render(lang, content);
    let body_html = if body_html.is_empty() {
        format!("<pre>{}</pre>", crate::email::escape_html(&body_text))
    } else {
        body_html
    };
    outbox::enqueue(
        conn,
        &NewEmail {
            to: to.to_owned(),
            language: lang.code().to_owned(),
            subject: content.subject.clone(),
            body_text,
            body_html,
        },
        now,
    )
}
