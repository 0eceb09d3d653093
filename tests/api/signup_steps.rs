//! The sign-up form in three steps (issue 11), driven like a browser without JavaScript: each
//! page's hidden fields are read back from its HTML and sent again with the next step's answers,
//! so these tests prove that nothing typed is lost between steps.

use buddymatch::db::schema::participants;
use diesel::prelude::*;

use crate::helpers::{spawn_app, TestApp};
use crate::signup::{mails, participant_rows, valid_form};

const QUERY: &str = "programme=demo&lang=en";

/// Which step asks for a form field (the test's own copy of the rule, from the order:
/// role and person, languages and interests, the rest).
fn step_of(name: &str) -> usize {
    match name.split('.').next().unwrap_or(name) {
        "role" | "first_name" | "last_name" | "email" | "phone" | "message_language"
        | "birth_year" | "gender" | "is_minor" => 1,
        "languages" | "practise_languages" | "interests" => 2,
        // Free times, place, volunteering, household, wishes, consent.
        _ => 3,
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let at = tag.find(&marker)? + marker.len();
    Some(unescape(&tag[at..at + tag[at..].find('"')?]))
}

/// The hidden fields of a page's form, as a browser sends them back (the stamp included).
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    html.split('<')
        .filter(|t| t.starts_with("input ") && t.contains("type=\"hidden\""))
        .filter_map(|t| Some((attr(t, "name")?, attr(t, "value").unwrap_or_default())))
        .collect()
}

/// The step number a page shows (its hidden `step` field).
fn step_shown(html: &str) -> usize {
    hidden_fields(html)
        .iter()
        .find(|(k, _)| k == "step")
        .and_then(|(_, v)| v.parse().ok())
        .expect("a step page")
}

/// Sends the page's hidden fields plus `answers` with the button `go`.
async fn press(app: &TestApp, page: &str, answers: &[(&str, String)], go: &str) -> (u16, String) {
    let mut form: Vec<(String, String)> = hidden_fields(page);
    form.extend(answers.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    form.push(("go".to_owned(), go.to_owned()));
    let response = app
        .client
        .post(format!("{}/signup?{QUERY}", app.address))
        .form(&form)
        .send()
        .await
        .expect("request sent");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// `form`'s answers that belong to `step`.
fn answers_of<'a>(form: &'a [(&'static str, String)], step: usize) -> Vec<(&'a str, String)> {
    form.iter()
        .filter(|(k, _)| step_of(k) == step)
        .map(|(k, v)| (*k, v.clone()))
        .collect()
}

async fn first_page(app: &TestApp) -> String {
    app.get(&format!("/signup?{QUERY}"))
        .await
        .text()
        .await
        .expect("form page")
}

/// Every visible input and select has a label and a unique id (run on every step's page).
pub(crate) fn assert_labelled(html: &str) {
    let ids: Vec<&str> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    for tag in html
        .split('<')
        .filter(|t| t.starts_with("input ") || t.starts_with("select "))
        .filter(|t| !t.contains("type=\"hidden\""))
    {
        let id = attr(tag, "id").expect("input has an id");
        assert!(
            html.contains(&format!("<label for=\"{id}\"")),
            "no label for {id}"
        );
        assert_eq!(ids.iter().filter(|i| **i == id).count(), 1, "{id} unique");
    }
}

#[tokio::test]
async fn a_newcomer_walks_three_short_steps_and_is_signed_up() {
    let app = spawn_app().await;
    let form = valid_form("steps@example.org", "en");

    // Step 1: the role comes first; nothing of the later steps is asked.
    let page = first_page(&app).await;
    assert_eq!(step_shown(&page), 1);
    assert!(page.contains("Step 1 of 3"), "{page}");
    assert!(page.contains("<title>Sign up (Step 1 of 3) – "));
    let role = page.find("id=\"role\"").expect("role group");
    let first_name = page.find("id=\"first_name\"").expect("first name");
    assert!(role < first_name, "the role is asked first");
    for later in [
        "name=\"availability\"",
        "name=\"languages.",
        "id=\"consent\"",
        "id=\"volunteer\"",
    ] {
        assert!(!page.contains(later), "step 1 asks {later}");
    }
    assert_labelled(&page);
    assert!(
        page.contains("class=\"lang-switch\""),
        "the language is chosen on step 1"
    );

    // Step 2: one language row, levels in words with the code second, interests with pictures;
    // step 1's answers travel.
    let (status, page) = press(&app, &page, &answers_of(&form, 1), "next").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(step_shown(&page), 2);
    assert!(
        !page.contains("class=\"lang-switch\""),
        "no language links past step 1: following one would lose the answers"
    );
    assert_eq!(page.matches("name=\"languages.").count(), 2, "one row");
    assert!(page.contains(">I get by in everyday life (B1)</option>"));
    assert!(page.contains(">It is my mother tongue</option>"));
    assert!(page.contains(">Tigrinya</option>") && page.contains(">Dari</option>"));
    assert!(page.contains("<span class=\"icon\" aria-hidden=\"true\">⚽</span> Football"));
    assert!(page.contains("value=\"repair_cafe\""));
    assert!(
        !page.contains("name=\"availability\""),
        "free times come on step 3"
    );
    let carried = hidden_fields(&page);
    assert!(carried.contains(&("first_name".into(), "Amal".into())));
    assert!(carried.contains(&("role".into(), "arriving".into())));
    assert!(
        !page.contains("id=\"first_name\""),
        "step 1 is not shown again"
    );
    assert_labelled(&page);

    // "Add another language" gives a second row and keeps the first.
    let first_row = [
        ("languages.0.code", "ar".to_owned()),
        ("languages.0.level", "native".to_owned()),
    ];
    let (status, page) = press(&app, &page, &first_row, "add_language").await;
    assert_eq!(status, 200);
    assert_eq!(step_shown(&page), 2);
    assert_eq!(page.matches("name=\"languages.").count(), 4, "two rows");
    assert!(page.contains("<option value=\"native\" selected>"));

    // Step 3: the 21 slots of the week with pictures, the place; no volunteer questions for a
    // newcomer; the optional parts are folded.
    let (status, page) = press(&app, &page, &answers_of(&form, 2), "next").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(step_shown(&page), 3);
    assert!(
        !page.contains("error-summary"),
        "a new step arrives without errors"
    );
    assert_eq!(page.matches("name=\"availability\"").count(), 21);
    assert_eq!(page.matches("<th scope=\"row\">").count(), 7);
    assert!(page.contains("<span class=\"icon\" aria-hidden=\"true\">🌙</span> Evening"));
    assert!(page.contains(">Gohlis</option>"));
    assert!(
        hidden_fields(&page).contains(&("interests".into(), "cooking".into())),
        "step 2's interests travel"
    );
    assert!(
        !page.contains("id=\"interests-cooking\""),
        "and are not asked again"
    );
    assert!(!page.contains("id=\"volunteer\"") && !page.contains("id=\"capacity\""));
    assert!(page.contains("<details class=\"optional\">"));
    assert!(page.contains("id=\"consent\""));
    assert!(
        page.contains("2026-11"),
        "the privacy notice with its version"
    );
    assert_labelled(&page);
    assert!(
        participant_rows(&app).is_empty(),
        "nothing stored before the last step"
    );

    // Sign up: stored once, with the answers of every step.
    let (status, page) = press(&app, &page, &answers_of(&form, 3), "next").await;
    assert_eq!(status, 303, "on to the thank-you page: {page}");
    let rows = participant_rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "steps@example.org");
    let (first_name, languages, volunteer, adults, availability): (String, String, bool, i32, i32) = {
        let mut conn = app.db().get().expect("connection");
        participants::table
            .select((
                participants::first_name,
                participants::languages,
                participants::volunteer,
                participants::household_adults,
                participants::availability,
            ))
            .first(&mut *conn)
            .expect("the participant")
    };
    assert_eq!(first_name, "Amal");
    assert!(
        languages.contains("\"ar\"") && languages.contains("\"de\""),
        "{languages}"
    );
    assert!(!volunteer);
    assert_eq!(adults, 2, "from the last step");
    assert_eq!(availability.count_ones(), 2, "from the last step");
    assert_eq!(mails(&app).len(), 1, "one confirmation email");
}

#[tokio::test]
async fn each_step_checks_only_its_own_questions_and_back_keeps_everything() {
    let app = spawn_app().await;
    let form = valid_form("back@example.org", "en");
    let page = first_page(&app).await;

    // Step 1 with a bad email: 422, step 1 again, only step 1's error.
    let mut step1 = answers_of(&form, 1);
    for (k, v) in &mut step1 {
        if *k == "email" {
            *v = "not-an-email".into();
        }
    }
    let (status, again) = press(&app, &page, &step1, "next").await;
    assert_eq!(status, 422);
    assert_eq!(step_shown(&again), 1);
    assert!(
        again.contains("<title>Error: Sign up (Step 1 of 3)"),
        "{again}"
    );
    assert!(again.contains("<a href=\"#email\">"));
    assert!(!again.contains("#consent") && !again.contains("#availability"));
    assert!(again.contains("value=\"not-an-email\""));

    // Fixed: on to step 2; then an empty language list is step 2's error.
    let (status, page) = press(&app, &again, &answers_of(&form, 1), "next").await;
    assert_eq!((status, step_shown(&page)), (200, 2));
    let (status, again) = press(&app, &page, &[], "next").await;
    assert_eq!((status, step_shown(&again)), (422, 2));
    assert!(again.contains("<a href=\"#languages-0-code\">"), "{again}");

    // Back from step 2 to step 1 keeps what step 2 had, unchecked, and shows step 1 filled.
    let (status, back) = press(&app, &again, &answers_of(&form, 2), "back").await;
    assert_eq!((status, step_shown(&back)), (200, 1));
    assert!(back.contains("id=\"first_name\" name=\"first_name\" value=\"Amal\""));
    assert!(hidden_fields(&back).contains(&("languages.1.level".into(), "A2".into())));

    // A language without its level, on step 2: the level is named.
    let (_, page) = press(&app, &back, &answers_of(&form, 1), "next").await;
    let (status, again) = press(
        &app,
        &page,
        &[("languages.0.code", "fr".to_owned())],
        "next",
    )
    .await;
    assert_eq!((status, step_shown(&again)), (422, 2));
    assert!(again.contains("<a href=\"#languages-0-level\">Level of language 1:"));
    assert!(participant_rows(&app).is_empty());
}

#[tokio::test]
async fn volunteer_questions_are_for_people_who_live_here_only() {
    let app = spawn_app().await;
    let mut form = valid_form("host@example.org", "en");
    for (k, v) in &mut form {
        if *k == "role" {
            *v = "receiving".into();
        }
    }
    let mut page = first_page(&app).await;
    for step in 1..=2 {
        let (status, next) = press(&app, &page, &answers_of(&form, step), "next").await;
        assert_eq!(status, 200, "step {step}: {next}");
        page = next;
    }
    assert!(page.contains("id=\"volunteer\"") && page.contains("id=\"capacity\""));

    // Ticked, then back to step 1 to say "recently arrived" after all: the volunteer answers
    // are dropped, not stored behind the person's back.
    let mut last = answers_of(&form, 3);
    last.push(("volunteer", "true".into()));
    let (_, p2) = press(&app, &page, &last, "back").await;
    let (_, p1) = press(&app, &p2, &answers_of(&form, 2), "back").await;
    assert_eq!(step_shown(&p1), 1);
    assert!(hidden_fields(&p1).contains(&("volunteer".into(), "true".into())));
    let mut arriving = answers_of(&form, 1);
    for (k, v) in &mut arriving {
        if *k == "role" {
            *v = "arriving".into();
        }
    }
    let (_, p2) = press(&app, &p1, &arriving, "next").await;
    assert!(!hidden_fields(&p2).iter().any(|(k, _)| k == "volunteer"));
}

#[tokio::test]
async fn household_rows_come_on_request() {
    let app = spawn_app().await;
    let form = valid_form("family@example.org", "en");
    let mut page = first_page(&app).await;
    for step in 1..=2 {
        page = press(&app, &page, &answers_of(&form, step), "next").await.1;
    }
    // The form's household answers were carried in with the rest of step 3: take them out to
    // see the empty state.
    let fresh = valid_form("family@example.org", "en");
    let no_members: Vec<(&str, String)> = answers_of(&fresh, 3)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("household_members"))
        .collect();
    let (_, back) = press(&app, &page, &no_members, "back").await;
    let (_, page) = press(&app, &back, &answers_of(&form, 2), "next").await;
    assert_eq!(step_shown(&page), 3);
    assert_eq!(
        page.matches("name=\"household_members.").count(),
        0,
        "no rows yet"
    );
    let (status, page) = press(&app, &page, &no_members, "add_member").await;
    assert_eq!((status, step_shown(&page)), (200, 3));
    assert_eq!(
        page.matches("name=\"household_members.").count(),
        2,
        "one row"
    );
    assert!(
        page.contains("<details class=\"optional\" open>"),
        "the household part is open"
    );
}
