//! The coordinator's Connections page and match page over HTTP: counts per stage, concerns and
//! stalled pairs first, the timeline, the actions (note, pause, resume, record a check-in, close
//! with re-match), 422 with messages for bad input, 404 for another programme, and audited views.

use buddymatch::continuum::scheduler;
use buddymatch::db::continuum::{self, NewConcern};
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::domain::{CloseReason, MatchStatus, Side, Stage};
use chrono::{Duration, NaiveDateTime};

use crate::continuum_support::{active_pair, write};
use crate::helpers::{spawn_app_manual_scheduler, TestApp};
use crate::introductions_support::now;
use crate::review_support::{add_account, demo_login, login, post, second_programme};

async fn body(app: &TestApp, path: &str) -> (u16, String) {
    let r = app.get(path).await;
    (r.status().as_u16(), r.text().await.expect("body"))
}

async fn pass(app: &TestApp, at: NaiveDateTime) {
    let db = app.db().clone();
    let settings = app.state.settings.clone();
    tokio::task::spawn_blocking(move || scheduler::run_pass(&db, &settings, None, at))
        .await
        .expect("task")
        .expect("pass");
}

#[tokio::test]
async fn the_connections_page_counts_stages_and_puts_concerns_and_stalled_pairs_first() {
    let app = spawn_app_manual_scheduler().await;
    // Active 40 days ago and silent since: stalled after the pass.
    let pair = active_pair(&app, now() - Duration::days(40)).await;
    pass(&app, now()).await;
    let csrf = demo_login(&app).await;
    assert!(!csrf.is_empty());

    let (status, html) = body(&app, "/coordinator/programmes/demo/connections").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Stalled: <strong>1</strong>"), "{html}");
    assert!(html.contains("Amal Haddad") && html.contains("Jonas Becker"));
    assert!(html.contains(&format!("/coordinator/matches/{}", pair.match_id)));
    // Filtered by another stage: none.
    let (_, mutual) = body(
        &app,
        "/coordinator/programmes/demo/connections?stage=mutual",
    )
    .await;
    assert!(!mutual.contains("Amal Haddad"));
    // An unknown stage filter is ignored, never a 500.
    let (status, _) = body(
        &app,
        "/coordinator/programmes/demo/connections?stage=%3Cx%3E&page=-3",
    )
    .await;
    assert_eq!(status, 200);

    // A concern puts the pair at the top with a flag.
    write(app.db(), move |c| {
        continuum::raise_concern(
            c,
            &NewConcern {
                programme_id: pair.programme_id,
                match_id: Some(pair.match_id),
                raised_by_participant: Some(pair.seeker_id),
                side: Some(Side::Seeker),
                body: "I do not feel safe",
            },
            now(),
        )
    })
    .await;
    let (_, flagged) = body(&app, "/coordinator/programmes/demo/connections").await;
    assert!(flagged.contains("1 open concern"), "{flagged}");
    assert!(!flagged.contains("would like to become a buddy"));

    // The arriving member says they would like to become a buddy: the coordinator sees it.
    write(app.db(), move |c| {
        let mut a = buddymatch::db::checkins::NewAnswer {
            met: buddymatch::domain::Met::Once,
            met_in_person: true,
            met_online: false,
            met_by_phone: false,
            going: Some(4),
            trust: Some(4),
            gave: Vec::new(),
            received: Vec::new(),
            go_on: buddymatch::domain::GoOn::Yes,
            pause_until: None,
            end_reason: None,
            carry_on_without_programme: false,
            wants_to_volunteer: true,
            note: None,
            belonging: None,
            conversation: None,
        };
        a.going = Some(5);
        let seekers = buddymatch::db::checkins::for_match(c, pair.match_id)?
            .into_iter()
            .find(|k| k.side == Side::Seeker)
            .expect("the seeker's check-in");
        buddymatch::db::checkins::answer(c, seekers.id, &a, now())?;
        Ok(())
    })
    .await;
    let (_, wish) = body(&app, "/coordinator/programmes/demo/connections").await;
    assert!(wish.contains("would like to become a buddy"), "{wish}");
}

#[tokio::test]
async fn the_match_page_shows_the_timeline_and_its_actions_work() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, now() - Duration::days(10)).await;
    pass(&app, now()).await;
    let csrf = demo_login(&app).await;
    let page = format!("/coordinator/matches/{}", pair.match_id);
    let (status, html) = body(&app, &page).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Both accepted: the match is live"), "{html}");
    assert!(
        html.contains("Check-in 1 sent to the arriving member"),
        "{html}"
    );

    // A note; an empty one is refused with a message.
    let r = post(
        &app,
        &format!("{page}/note"),
        &[
            ("csrf", csrf.clone()),
            ("body", "Called Amal, all fine".into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let r = post(
        &app,
        &format!("{page}/note"),
        &[("csrf", csrf.clone()), ("body", "  ".into())],
    )
    .await;
    assert_eq!(r.status(), 422);
    // Without the CSRF token: refused.
    let r = post(&app, &format!("{page}/note"), &[("body", "x".into())]).await;
    assert_eq!(r.status(), 403);

    // A check-in recorded after a call, for the buddy.
    let form = vec![
        ("csrf", csrf.clone()),
        ("side", "buddy".into()),
        ("met", "once".into()),
        ("met_how", "in_person".into()),
        ("going", "5".into()),
        ("trust", "4".into()),
        ("gave", "language".into()),
        ("continue", "yes".into()),
    ];
    let r = post(&app, &format!("{page}/checkin"), &form).await;
    assert_eq!(r.status(), 303);
    let mut bad = form.clone();
    bad.retain(|(k, _)| *k != "met");
    bad.push(("trust", "9".into()));
    let r = post(&app, &format!("{page}/checkin"), &bad).await;
    assert_eq!(r.status(), 422);
    let refused = r.text().await.expect("body");
    assert!(refused.contains("Met since the last check-in"), "{refused}");

    // Pause with a date in the past is refused; a good date pauses; resume.
    let r = post(
        &app,
        &format!("{page}/pause"),
        &[("csrf", csrf.clone()), ("until", "2001-01-01".into())],
    )
    .await;
    assert_eq!(r.status(), 422);
    let until = (now() + Duration::days(20))
        .date()
        .format("%Y-%m-%d")
        .to_string();
    let r = post(
        &app,
        &format!("{page}/pause"),
        &[("csrf", csrf.clone()), ("until", until)],
    )
    .await;
    assert_eq!(r.status(), 303);
    let m = write(app.db(), move |c| continuum::find(c, pair.match_id))
        .await
        .expect("match");
    assert_eq!(m.stage, Some(Stage::Paused));
    let r = post(&app, &format!("{page}/resume"), &[("csrf", csrf.clone())]).await;
    assert_eq!(r.status(), 303);
    let m = write(app.db(), move |c| continuum::find(c, pair.match_id))
        .await
        .expect("match");
    assert_eq!(m.paused_until, None);
    assert_eq!(
        m.stage,
        Some(Stage::GettingToKnow),
        "the recorded meeting counts"
    );

    let (_, html) = body(&app, &page).await;
    assert!(html.contains("Called Amal, all fine"));
    assert!(
        html.contains("recorded by a coordinator after a call"),
        "{html}"
    );

    // Close as "not a good fit": closed, pair forbidden.
    let r = post(
        &app,
        &format!("{page}/close"),
        &[("csrf", csrf.clone()), ("reason", "bogus".into())],
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = post(
        &app,
        &format!("{page}/close"),
        &[
            ("csrf", csrf),
            ("reason", CloseReason::NotAGoodFit.code().into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let closed = crate::introductions_support::find_match(app.db(), pair.match_id).expect("match");
    assert_eq!(closed.status, MatchStatus::Closed);
    let forbidden = write(app.db(), move |c| {
        matches::has_rule(c, pair.seeker_id, pair.buddy_id, RuleKind::Forbidden)
    })
    .await;
    assert!(forbidden);
    let views = write(app.db(), move |c| {
        buddymatch::db::accounts::audit_entries_with(c, "match.view", "")
    })
    .await;
    assert!(views >= 3, "views are audited ({views})");
}

#[tokio::test]
async fn another_programmes_coordinator_cannot_see_the_match() {
    let app = spawn_app_manual_scheduler().await;
    let pair = active_pair(&app, now() - Duration::days(10)).await;
    second_programme(&app);
    add_account(
        &app,
        "other@example.org",
        buddymatch::accounts::store::CoordinatorRole::Coordinator,
        &["other"],
    );
    login(&app, "other@example.org").await;
    let (status, _) = body(&app, &format!("/coordinator/matches/{}", pair.match_id)).await;
    assert_eq!(status, 404);
    let (status, _) = body(&app, "/coordinator/programmes/demo/connections").await;
    assert_eq!(status, 404);
    let (status, _) = body(&app, "/coordinator/matches/999999").await;
    assert_eq!(status, 404);
}
