//! The person's own match on their data page: the stage in plain words, pause, end and "I have
//! a concern", and nothing for a match that is not theirs.

use buddymatch::accounts::store::CoordinatorRole;
use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::{continuum, DbError};
use buddymatch::domain::{MatchStatus, Side, Stage};
use buddymatch::introductions;
use chrono::Duration;

use crate::api_support::account_with_token;
use crate::continuum_support::{active_pair, write};
use crate::helpers::{spawn_app, TestApp};
use crate::introductions_support::{find_match, mails_to, now};
use crate::review_support::post;

async fn me_path(app: &TestApp, participant_id: i32) -> String {
    let settings = app.state.settings.clone();
    let url = write(app.db(), move |c| {
        introductions::my_data_link(c, participant_id, &settings, now())
            .map_err(|e| DbError::Unexpected(anyhow::anyhow!("{e}")))
    })
    .await;
    url[url.find("/me/").expect("a /me/ link")..].to_owned()
}

#[tokio::test]
async fn a_participant_sees_the_stage_and_can_pause_and_end_their_match() {
    let app = spawn_app().await;
    let pair = active_pair(&app, now() - Duration::days(3)).await;
    let seeker = me_path(&app, pair.seeker_id).await;
    let page = app.get(&seeker).await.text().await.expect("body");
    // Arabic (the seeker's language), the stage in plain words, the forms.
    assert!(page.contains("قلتما نعم كلاكما"), "{page}");
    assert!(page.contains(&format!("/matches/{}/pause", pair.match_id)));

    let pause = format!("{seeker}/matches/{}/pause", pair.match_id);
    let r = post(&app, &pause, &[("until", "2001-02-03".into())]).await;
    assert_eq!(r.status(), 422);
    let until = (now() + Duration::days(10))
        .date()
        .format("%Y-%m-%d")
        .to_string();
    let r = post(&app, &pause, &[("until", until)]).await;
    assert_eq!(r.status(), 200);
    let m = write(app.db(), move |c| continuum::find(c, pair.match_id))
        .await
        .expect("match");
    assert_eq!(m.stage, Some(Stage::Paused));

    // The buddy's link cannot end a match that is not theirs, a bad reason is refused.
    let buddy = me_path(&app, pair.buddy_id).await;
    let end = format!("{buddy}/matches/{}/end", pair.match_id + 1000);
    let r = post(&app, &end, &[("reason", "completed".into())]).await;
    assert_eq!(r.status(), 409);
    let end = format!("{buddy}/matches/{}/end", pair.match_id);
    let r = post(&app, &end, &[("reason", "boring".into())]).await;
    assert_eq!(r.status(), 422);
    let r = post(&app, &end, &[("reason", "no_longer_available".into())]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        find_match(app.db(), pair.match_id).expect("match").status,
        MatchStatus::Closed
    );
    let forbidden = write(app.db(), move |c| {
        matches::has_rule(c, pair.seeker_id, pair.buddy_id, RuleKind::Forbidden)
    })
    .await;
    assert!(
        forbidden,
        "the seeker goes back to the pool without this buddy"
    );
    // Ending again: not live any more.
    let r = post(&app, &end, &[("reason", "completed".into())]).await;
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn a_participant_raises_a_concern_from_their_data_page() {
    let app = spawn_app().await;
    let coordinator = format!(
        "coord-me-{}@example.org",
        now().and_utc().timestamp_micros()
    );
    account_with_token(&app, &coordinator, CoordinatorRole::Coordinator, &["demo"]).await;
    let pair = active_pair(&app, now() - Duration::days(20)).await;
    let buddy = me_path(&app, pair.buddy_id).await;
    let concern = format!("{buddy}/matches/{}/concern", pair.match_id);
    let page = app.get(&buddy).await.text().await.expect("body");
    assert!(
        page.contains(&format!("/matches/{}/concern", pair.match_id)),
        "{page}"
    );

    let form = app.get(&concern).await;
    assert_eq!(form.status(), 200);
    assert!(form
        .text()
        .await
        .expect("body")
        .contains(r#"name="concern""#));
    let empty = post(&app, &concern, &[("concern", "  ".into())]).await;
    assert_eq!(empty.status(), 422);
    // Not their match, not a match: nothing stored.
    let other = format!("{buddy}/matches/{}/concern", pair.match_id + 1000);
    assert_eq!(
        post(&app, &other, &[("concern", "x".into())])
            .await
            .status(),
        404
    );
    assert_eq!(app.get("/me/nope/matches/1/concern").await.status(), 404);
    let mails_before = mails_to(&app, &coordinator).len();

    let secret = "My buddy asked me for money";
    let sent = post(&app, &concern, &[("concern", secret.into())]).await;
    assert_eq!(sent.status(), 200);
    let stored = write(app.db(), move |c| {
        continuum::concerns_of_match(c, pair.match_id)
    })
    .await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].body, secret);
    assert_eq!(stored[0].side, Some(Side::Buddy));
    let mails = mails_to(&app, &coordinator);
    assert_eq!(
        mails.len(),
        mails_before + 1,
        "the coordinator is told at once"
    );
    assert!(!mails
        .iter()
        .any(|m| m.text.contains(secret) || m.html.contains(secret)));

    // The seeker's page says nothing of it; after the match ends a concern can still be raised.
    let seeker = me_path(&app, pair.seeker_id).await;
    let seeker_page = app.get(&seeker).await.text().await.expect("body");
    assert!(!seeker_page.contains(secret));
    let end = format!("{seeker}/matches/{}/end", pair.match_id);
    assert_eq!(
        post(&app, &end, &[("reason", "completed".into())])
            .await
            .status(),
        200
    );
    let again = post(&app, &concern, &[("concern", "One more thing".into())]).await;
    assert_eq!(again.status(), 200);
}
