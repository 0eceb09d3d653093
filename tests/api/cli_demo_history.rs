//! `buddymatch demo --history-months N`: a living programme made through the service's own code
//! (matches in every stage, both sides' answers, closings that forbid the pair, a role change),
//! no email left to send, and a next run that never proposes an ended pair again.

use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::{checkins, connections, continuum, outbox, programmes, runs};
use buddymatch::domain::{MatchStatus, Side, Stage};

use crate::cli_support::{stderr, stdout, CliDb};

#[test]
fn demo_history_lives_through_months_of_matches() {
    // Arrange
    let db = CliDb::new();

    // Act
    let out = db.run(&[
        "demo",
        "--programme",
        "history",
        "--seekers",
        "80",
        "--buddies",
        "60",
        "--seed",
        "3",
        "--history-months",
        "9",
    ]);

    // Assert
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("demo history: "), "{}", stdout(&out));
    let pool = db.db();
    let mut conn = pool.get().expect("connection");
    let programme = programmes::by_slug(&mut conn, "history")
        .expect("query")
        .expect("the programme");
    let now = chrono::Utc::now().naive_utc();

    let live = connections::live(&mut conn, programme.id).expect("live matches");
    let stages: Vec<Stage> = live.iter().filter_map(|c| c.stage).collect();
    assert_eq!(stages.len(), live.len(), "every live match has a stage");
    for expected in [Stage::GettingToKnow, Stage::BuildingTrust, Stage::Stalled] {
        assert!(stages.contains(&expected), "{expected:?} in {stages:?}");
    }
    assert!(
        stages
            .iter()
            .any(|s| matches!(s, Stage::Mutual | Stage::Independent)),
        "some pairs grew two-way: {stages:?}"
    );
    assert!(live
        .iter()
        .all(|c| c.active_since.is_some_and(|at| at < now)));

    // The simulated emails were discarded: starting the service sends none of them.
    assert!(outbox::all(&mut conn).expect("outbox").is_empty());

    let run_id = runs::for_programme(&mut conn, programme.id, 1).expect("runs")[0].id;
    let (all, _) = matches::for_run(&mut conn, run_id, 1, 10_000).expect("matches");
    assert!(all.iter().any(|m| m.status == MatchStatus::Proposed.code()));
    let closed: Vec<_> = all
        .iter()
        .filter_map(|m| continuum::find(&mut conn, m.id).expect("match"))
        .filter(|m| m.status == MatchStatus::Closed)
        .collect();
    assert!(!closed.is_empty(), "some matches ended");
    let mut ended_pairs = Vec::new();
    for m in &closed {
        let reason = m.close_reason.expect("a reason");
        let forbidden = matches::has_rule(&mut conn, m.seeker_id, m.buddy_id, RuleKind::Forbidden)
            .expect("rule");
        assert_eq!(forbidden, reason.rematches(), "{reason:?}");
        if reason.rematches() {
            ended_pairs.push((m.seeker_id, m.buddy_id));
        }
        assert!(m.closed_at.is_some_and(|at| at < now));
    }

    // Both sides answered, with dates in the past, and stages changed over time.
    let mut both_sides = 0;
    let mut long_histories = 0;
    for c in &live {
        let answers = checkins::for_match(&mut conn, c.id).expect("check-ins");
        assert!(answers
            .iter()
            .all(|a| a.answered_at.map_or(true, |at| at < now)));
        let answered = |side| {
            answers
                .iter()
                .any(|a| a.side == side && a.answered_at.is_some())
        };
        both_sides += usize::from(answered(Side::Seeker) && answered(Side::Buddy));
        let history = continuum::stage_history(&mut conn, c.id).expect("history");
        assert!(history
            .windows(2)
            .all(|w| w[0].changed_at <= w[1].changed_at));
        long_histories += usize::from(history.len() >= 3);
    }
    assert!(
        both_sides * 2 > live.len(),
        "{both_sides} of {}",
        live.len()
    );
    assert!(long_histories > 0);

    // A next run never proposes a pair that ended as not a good fit or no longer available.
    let next = db.run(&["match", "--programme", "history"]);
    assert!(next.status.success(), "{}", stderr(&next));
    let latest = runs::for_programme(&mut conn, programme.id, 1).expect("runs")[0].id;
    assert_ne!(latest, run_id);
    let proposed = matches::pairs_of_run(&mut conn, latest).expect("pairs");
    assert!(
        ended_pairs.iter().all(|p| !proposed.contains(p)),
        "an ended pair proposed again"
    );
}
