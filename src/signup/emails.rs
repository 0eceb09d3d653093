//! The sign-up emails (confirmation link, "already signed up"), composed in the person's
//! language as plain text and HTML, and written to the outbox in the sign-up's transaction.

use askama::Template;
use chrono::NaiveDateTime;

use crate::db::{DbConnection, DbError};
use crate::domain::UiLanguage;
use crate::email::outbox::{self, NewEmail};
use crate::i18n;

/// A finished email in one language.
#[derive(Debug, Clone)]
pub struct EmailContent {
    /// Subject line.
    pub subject: String,
    /// Plain text body.
    pub text: String,
    /// HTML body.
    pub html: String,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct EmailHtml<'a> {
    lang: &'a str,
    dir: &'a str,
    subject: &'a str,
    greeting: &'a str,
    before: &'a [String],
    link: Option<&'a str>,
    button: &'a str,
    after: &'a [String],
    signoff: &'a str,
    team: &'a str,
}

fn compose(
    lang: UiLanguage,
    subject: String,
    name: Option<&str>,
    programme: &str,
    before: &[String],
    link: Option<&str>,
    after: &[String],
) -> EmailContent {
    let greeting = match name {
        Some(name) => i18n::t_args(lang, "email-greeting", &[("name", name)]),
        None => i18n::t(lang, "email-hello"),
    };
    let signoff = i18n::t(lang, "email-signoff");
    let team = i18n::t_args(lang, "email-team", &[("programme", programme)]);
    let mut text = format!("{greeting}\n\n");
    for p in before {
        text.push_str(p);
        text.push_str("\n\n");
    }
    if let Some(link) = link {
        text.push_str(link);
        text.push_str("\n\n");
    }
    for p in after {
        text.push_str(p);
        text.push_str("\n\n");
    }
    text.push_str(&format!("{signoff}\n{team}\n"));
    let html = EmailHtml {
        lang: lang.code(),
        dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        subject: &subject,
        greeting: &greeting,
        before,
        link,
        button: &i18n::t(lang, "email-confirm-button"),
        after,
        signoff: &signoff,
        team: &team,
    }
    .render()
    .unwrap_or_else(|_| format!("<pre>{}</pre>", crate::email::escape_html(&text)));
    EmailContent {
        subject,
        text,
        html,
    }
}

/// The confirmation email (double opt-in). Nobody has confirmed the address yet, so it greets
/// no one by name: the name was typed by whoever sent the form.
#[must_use]
pub fn confirmation_email(lang: UiLanguage, programme: &str, link: &str) -> EmailContent {
    let p = [("programme", programme)];
    compose(
        lang,
        i18n::t_args(lang, "email-confirm-subject", &p),
        None,
        programme,
        &[i18n::t_args(lang, "email-confirm-body", &p)],
        Some(link),
        &[
            i18n::t(lang, "email-confirm-expiry"),
            i18n::t(lang, "email-not-you"),
        ],
    )
}

/// The email for a second sign-up with an address already signed up: with a fresh confirmation
/// link if the first sign-up is still pending. `name`: the confirmed person's own name, or
/// `None` while nobody has confirmed the address.
#[must_use]
pub fn already_signed_up_email(
    lang: UiLanguage,
    name: Option<&str>,
    programme: &str,
    link: Option<&str>,
) -> EmailContent {
    let p = [("programme", programme)];
    let mut before = vec![i18n::t_args(lang, "email-already-body", &p)];
    let after = if link.is_some() {
        before.push(i18n::t(lang, "email-already-pending"));
        vec![i18n::t(lang, "email-not-you")]
    } else {
        before.push(i18n::t(lang, "email-already-confirmed"));
        vec![i18n::t(lang, "email-not-you")]
    };
    compose(
        lang,
        i18n::t_args(lang, "email-already-subject", &p),
        name,
        programme,
        &before,
        link,
        &after,
    )
}

pub(super) fn enqueue(
    conn: &mut DbConnection,
    to: &str,
    lang: UiLanguage,
    email: EmailContent,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    outbox::enqueue(
        conn,
        &NewEmail {
            to: to.to_owned(),
            language: lang.code().to_owned(),
            subject: email.subject,
            body_text: email.text,
            body_html: email.html,
        },
        now,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_translated_and_carry_the_link() {
        let link = "http://x.test/confirm/abc";
        for lang in UiLanguage::ALL {
            let e = confirmation_email(lang, "Demo", link);
            assert!(e.text.contains(link) && e.html.contains(link));
            assert!(e.subject.contains("Demo"));
            assert!(e.html.contains(&format!("lang=\"{}\"", lang.code())));
        }
        assert!(confirmation_email(UiLanguage::Ar, "Demo", link)
            .html
            .contains("dir=\"rtl\""));
        let again = already_signed_up_email(UiLanguage::De, Some("Amal"), "Demo", None);
        assert!(again.text.contains("bereits angemeldet") && !again.text.contains("http"));
        assert!(again.text.contains("Amal"));
        let pending = already_signed_up_email(UiLanguage::En, None, "Demo", Some(link));
        assert!(pending.text.starts_with("Hello,") && pending.text.contains(link));
    }
}
