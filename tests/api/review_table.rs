//! The review table (issue 11): one row a pair with a name to tell people apart, filters that
//! narrow it, "approve all shown" approving exactly what the filter shows, and a decision that
//! brings the coordinator back to where they were in the list.

use crate::helpers::{spawn_app, TestApp};
use crate::review_support::{
    cohort_of, demo_login, find_match, location, post, proposal_of, proposals, run_in_browser,
};

fn rows(html: &str) -> usize {
    html.matches("class=\"proposal-row\"").count()
}

async fn page(app: &TestApp, path: &str) -> String {
    let r = app.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.expect("body")
}

#[tokio::test]
async fn the_table_filters_and_approves_exactly_what_it_shows() {
    let app = spawn_app().await;
    let c = cohort_of(&app).await;
    let csrf = demo_login(&app).await;
    let run = run_in_browser(&app, &csrf).await;
    let list = proposals(&app, run);
    let amal = proposal_of(&list, c.amal);
    let olena = proposal_of(&list, c.olena);

    let all = page(&app, &format!("/coordinator/runs/{run}")).await;
    assert_eq!(rows(&all), 2);
    assert!(all.contains("Showing 2 of 2 proposals."), "{all}");
    assert!(all.contains(&format!("id=\"pair-{}\"", amal.id)));
    // A name to tell people apart: first name, last initial, number.
    assert!(
        all.contains("Olena S.</bdi> <span class=\"muted\">#"),
        "{all}"
    );
    // Tesfay was not matched: linked, with how long he has waited.
    assert!(
        all.contains(&format!(
            "<a href=\"/coordinator/people/{}\"><bdi>Tesfay",
            c.tesfay
        )),
        "{all}"
    );
    assert!(all.contains("<td>0 days</td>"), "{all}");
    // Olena has one free time: the row says so.
    assert!(all.contains("One free time in common at most"), "{all}");

    let warned = page(&app, &format!("/coordinator/runs/{run}?warning=1")).await;
    assert_eq!(rows(&warned), 1);
    assert!(
        warned.contains(&format!("id=\"pair-{}\"", olena.id)),
        "{warned}"
    );
    assert!(warned.contains("Showing 1 of 2 proposals."));

    let above = olena.score.max(amal.score);
    let none = page(
        &app,
        &format!("/coordinator/runs/{run}?score_min={}", above + 1),
    )
    .await;
    assert_eq!(rows(&none), 0);
    assert!(none.contains("No proposal fits these choices."), "{none}");

    let by_status = page(&app, &format!("/coordinator/runs/{run}?state=approved")).await;
    assert_eq!(rows(&by_status), 0);
    // Nonsense in the query narrows nothing and breaks nothing.
    let odd = page(
        &app,
        &format!("/coordinator/runs/{run}?score_min=%3Cx%3E&state=maybe&sort=random"),
    )
    .await;
    assert_eq!(rows(&odd), 2);

    // Approve all shown, with the warning filter: only Olena's pair.
    let r = post(
        &app,
        &format!("/coordinator/runs/{run}/approve"),
        &[
            ("csrf", csrf.clone()),
            ("all_shown", "1".into()),
            ("warning", "1".into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let back = location(&r);
    assert!(back.contains("warning=1"), "the filter stays: {back}");
    let shown = page(&app, &back).await;
    assert!(
        shown.contains("1 pairs approved; 0 were already decided."),
        "{shown}"
    );
    assert_eq!(find_match(&app, olena.id).status, "approved");
    assert_eq!(find_match(&app, amal.id).status, "proposed");

    // One approval from a filtered, sorted list comes back to the same list at the next row.
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", amal.id),
        &[
            ("csrf", csrf.clone()),
            ("page", "1".into()),
            ("at", olena.id.to_string()),
            ("sort", "score_asc".into()),
            ("state", "proposed".into()),
            ("score_min", "<script>".into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let back = location(&r);
    assert!(
        back.starts_with(&format!(
            "/coordinator/runs/{run}?page=1&state=proposed&sort=score_asc&notice=approved"
        )),
        "{back}"
    );
    assert!(back.ends_with(&format!("#pair-{}", olena.id)), "{back}");
    assert!(
        !back.contains("script"),
        "only parsed values go back: {back}"
    );
    assert_eq!(find_match(&app, amal.id).status, "approved");
    // Again: "already decided" survives the filter (whose status key is `state`).
    let r = post(
        &app,
        &format!("/coordinator/matches/{}/approve", amal.id),
        &[("csrf", csrf.clone()), ("state", "proposed".into())],
    )
    .await;
    let again = page(&app, &location(&r)).await;
    assert!(again.contains("already decided (Approved)"), "{again}");

    // Amal's page lists the match with Anna; the people list shows where each one stands.
    let person = page(&app, &format!("/coordinator/people/{}", c.amal)).await;
    assert!(
        person.contains(&format!(
            "<a href=\"/coordinator/people/{}\"><bdi>Anna</bdi></a> #{}",
            c.anna, c.anna
        )),
        "{person}"
    );
    assert!(
        person.contains(&format!(
            "<a href=\"/coordinator/matches/{}\">Approved</a>",
            amal.id
        )),
        "{person}"
    );
    let people = page(&app, "/coordinator/programmes/demo/people").await;
    assert!(people.contains(">Approved</td>"), "{people}");
    assert!(
        people.contains("Ready to be proposed, also for pairs with children")
            || people.contains("Ready to be proposed (not for pairs with children)"),
        "{people}"
    );
}
