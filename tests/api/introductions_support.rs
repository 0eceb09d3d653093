//! Shared set-up for the introduction and my-data tests: a programme, two participants, a
//! proposal, and reading the outbox (the emails as written in the decision's transaction).

use buddymatch::db::matches::{self, NewProposal};
use buddymatch::db::schema::{matches as matches_t, outbox};
use buddymatch::db::{participants, programmes, runs, Db};
use buddymatch::domain::{LanguageInput, NewParticipant, ParticipantStatus, ProfileInput};
use buddymatch::introductions::{self, ApproveOutcome};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::helpers::TestApp;

pub const SEEKER_EMAIL: &str = "amal.private@example.org";
pub const SEEKER_PHONE: &str = "+49 1511 1111111";
pub const BUDDY_EMAIL: &str = "jonas.private@example.org";
pub const BUDDY_PHONE: &str = "+49 1512 2222222";

/// The reasons JSON stored with the test proposal.
pub const REASONS: &str = r#"[{"kind":"shared_language","languages":["de"]},{"kind":"shared_interests","interests":["chess"]},{"kind":"common_slots","slots":["mon_evening"]}]"#;

pub fn profile(
    first: &str,
    last: &str,
    email: &str,
    phone: &str,
    lang: &str,
    role: &str,
) -> ProfileInput {
    ProfileInput {
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        phone: Some(phone.into()),
        message_language: lang.into(),
        role: role.into(),
        volunteer: role == "receiving",
        languages: vec![LanguageInput {
            code: "de".into(),
            level: "b2".into(),
        }],
        interests: vec!["chess".into()],
        availability: vec!["mon_evening".into()],
        area: Some("zentrum".into()),
        consent: true,
        ..ProfileInput::default()
    }
}

/// A stored pair and their proposal.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    pub programme_id: i32,
    pub seeker_id: i32,
    pub buddy_id: i32,
    pub match_id: i32,
}

pub fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// Amal (seeker, Arabic messages) and Jonas (buddy, German messages), confirmed, with a
/// proposal between them.
pub async fn setup_pair(app: &TestApp) -> Pair {
    setup_pair_langs(app, "ar", "de").await
}

pub async fn setup_pair_langs(app: &TestApp, seeker_lang: &str, buddy_lang: &str) -> Pair {
    let db = app.db().clone();
    let (sl, bl) = (seeker_lang.to_owned(), buddy_lang.to_owned());
    tokio::task::spawn_blocking(move || {
        let now = now();
        let programme = programmes::by_slug(&mut db.get().expect("conn"), "demo")
            .expect("query")
            .expect("demo programme");
        let seeker = NewParticipant::parse(
            profile(
                "Amal",
                "Haddad",
                SEEKER_EMAIL,
                SEEKER_PHONE,
                &sl,
                "arriving",
            ),
            &programme,
        )
        .expect("valid seeker");
        let buddy = NewParticipant::parse(
            profile(
                "Jonas",
                "Becker",
                BUDDY_EMAIL,
                BUDDY_PHONE,
                &bl,
                "receiving",
            ),
            &programme,
        )
        .expect("valid buddy");
        db.write(|c| -> Result<Pair, buddymatch::db::DbError> {
            let seeker_id =
                participants::insert(c, programme.id, &seeker, ParticipantStatus::Confirmed, now)?;
            let buddy_id =
                participants::insert(c, programme.id, &buddy, ParticipantStatus::Confirmed, now)?;
            let run_id = runs::create(c, programme.id, None, "max_matched", "{}", now)
                .map_err(|e| buddymatch::db::DbError::Unexpected(anyhow::anyhow!("{e}")))?;
            matches::store_proposals(
                c,
                programme.id,
                run_id,
                &[NewProposal {
                    seeker_id,
                    buddy_id,
                    score: 800,
                    reasons_json: REASONS.to_owned(),
                }],
                now,
            )?;
            let match_id = matches_t::table
                .filter(matches_t::seeker_id.eq(seeker_id))
                .select(matches_t::id)
                .first(c)?;
            Ok(Pair {
                programme_id: programme.id,
                seeker_id,
                buddy_id,
                match_id,
            })
        })
        .expect("stored")
    })
    .await
    .expect("task")
}

/// Approves the pair's match as the lead's pages will: inside `db.write`.
pub async fn approve(app: &TestApp, match_id: i32, at: NaiveDateTime) -> ApproveOutcome {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    tokio::task::spawn_blocking(move || {
        db.write(|c| introductions::approve(c, match_id, None, &settings, at))
            .expect("approve")
    })
    .await
    .expect("task")
}

/// One stored email.
#[derive(Debug, Clone, Queryable)]
pub struct Mail {
    pub to: String,
    pub language: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The rows of the outbox as they are stored (a sent message has no bodies any more), with
/// their Message-IDs.
fn stored(db: &Db) -> Vec<(Mail, String)> {
    let rows: Vec<(String, String, String, String, String, String)> = outbox::table
        .order(outbox::id.asc())
        .select((
            outbox::recipient,
            outbox::language,
            outbox::subject,
            outbox::body_text,
            outbox::body_html,
            outbox::message_id,
        ))
        .load(&mut *db.get().expect("conn"))
        .expect("outbox");
    rows.into_iter()
        .map(|(to, language, subject, text, html, id)| {
            let mail = Mail {
                to,
                language,
                subject,
                text,
                html,
            };
            (mail, id)
        })
        .collect()
}

/// The rows of the outbox as they are stored (a sent message has no bodies any more).
pub fn outbox_mails(db: &Db) -> Vec<Mail> {
    stored(db).into_iter().map(|(mail, _)| mail).collect()
}

/// Every email the app queued, oldest first, as its recipient reads it: a message already sent
/// (its stored bodies are cleared) is read from what the in-memory transport received.
pub fn mails(app: &TestApp) -> Vec<Mail> {
    let delivered = app.state.mailer.memory_messages();
    stored(app.db())
        .into_iter()
        .map(|(mut mail, message_id)| {
            let sent = delivered.iter().find(|m| m.message_id == message_id);
            if let Some(m) = sent.filter(|_| mail.text.is_empty()) {
                mail.text.clone_from(&m.body_text);
                mail.html.clone_from(&m.body_html);
            }
            mail
        })
        .collect()
}

/// The emails to `to`, oldest first.
pub fn mails_to(app: &TestApp, to: &str) -> Vec<Mail> {
    mails(app).into_iter().filter(|m| m.to == to).collect()
}

/// The first `<public_url>/<prefix>/<token>` path in a text (`/respond/...`, `/me/...`).
pub fn link_path(text: &str, prefix: &str) -> String {
    let start = text
        .find(&format!("/{prefix}/"))
        .unwrap_or_else(|| panic!("no /{prefix}/ link in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .expect("link")
        .to_owned()
}

pub fn find_match(db: &Db, id: i32) -> Option<matches::Match> {
    matches::find(&mut db.get().expect("conn"), id).expect("query")
}
