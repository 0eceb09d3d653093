//! Storage of the connections continuum on the test's backend: scheduling check-ins is
//! idempotent, an answer and a reminder each happen once, the stage history records changes
//! only, pause and close, and erasure takes check-ins, history, notes and concerns along.

use buddymatch::db::checkins::{self, NewAnswer};
use buddymatch::db::continuum::{self, NewConcern};
use buddymatch::db::schema::{checkins as checkins_t, concerns, match_notes, match_stage_changes};
use buddymatch::db::{participants, Db};
use buddymatch::domain::{CloseReason, GoOn, MatchStatus, Met, Side, Stage};
use buddymatch::introductions::my_data;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::api_support::{demo_coordinator, Api};
use crate::continuum_support::{active_pair, write};
use crate::helpers::spawn_app;
use crate::introductions_support::{find_match, now, Pair};

/// Creates the demo programme's coordinator and returns their account id.
async fn coordinator_id(app: &crate::helpers::TestApp) -> i32 {
    use buddymatch::db::schema::coordinators;
    demo_coordinator(app).await;
    coordinators::table
        .filter(coordinators::email.eq("coord@example.org"))
        .select(coordinators::id)
        .first(&mut *app.db().get().expect("conn"))
        .expect("coordinator")
}

fn an_answer(note: &str) -> NewAnswer {
    NewAnswer {
        met: Met::Several,
        met_in_person: true,
        met_online: false,
        met_by_phone: true,
        going: Some(4),
        trust: Some(5),
        gave: vec!["language".into()],
        received: vec!["leisure".into(), "culture".into()],
        go_on: GoOn::Yes,
        pause_until: None,
        end_reason: None,
        carry_on_without_programme: false,
        wants_to_volunteer: true,
        note: Some(note.to_owned()),
        belonging: Some(3),
        conversation: None,
    }
}

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 1, day)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("valid date")
}

#[tokio::test]
async fn activation_sets_active_since_and_starts_the_stage_history() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let id = pair.match_id;
    let (live, history) = write(app.db(), move |c| {
        Ok((
            continuum::live_matches(c, None, 0, 10)?,
            continuum::stage_history(c, id)?,
        ))
    })
    .await;
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].id, id);
    assert_eq!(live[0].active_since, Some(at(1)));
    assert_eq!(live[0].stage, Some(Stage::Introduced));
    assert_eq!(live[0].stage_since, Some(at(1)));
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].stage, Stage::Introduced);
    assert_eq!(history[0].changed_at, at(1));
    // Paging: nothing after the last id; another programme has none.
    let (after, other) = write(app.db(), move |c| {
        Ok((
            continuum::live_matches(c, None, id, 10)?,
            continuum::live_matches(c, Some(pair.programme_id + 1000), 0, 10)?,
        ))
    })
    .await;
    assert!(after.is_empty() && other.is_empty());
    let thresholds = write(app.db(), move |c| {
        continuum::thresholds(c, pair.programme_id)
    })
    .await
    .expect("programme");
    assert_eq!(
        (
            thresholds.stall_periods,
            thresholds.trust_threshold,
            thresholds.regular_periods
        ),
        (2, 4, 2)
    );
}

#[tokio::test]
async fn scheduling_a_checkin_twice_stores_it_once() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let (m, s, b) = (pair.match_id, pair.seeker_id, pair.buddy_id);
    let (first, second, buddy) = write(app.db(), move |c| {
        Ok((
            checkins::schedule(c, m, s, Side::Seeker, 1, at(8))?,
            checkins::schedule(c, m, s, Side::Seeker, 1, at(8))?,
            checkins::schedule(c, m, b, Side::Buddy, 1, at(8))?,
        ))
    })
    .await;
    assert!(first.is_some());
    assert_eq!(second, None, "the same (match, side, period) again");
    assert!(buddy.is_some() && buddy != first);
    // The refused insert left the transaction usable (PostgreSQL aborts it without a savepoint),
    // and each attempt in its own transaction is refused too, as on a second app instance.
    let again = write(app.db(), move |c| {
        checkins::schedule(c, m, s, Side::Seeker, 1, at(9))
    })
    .await;
    assert_eq!(again, None);
    let list = write(app.db(), move |c| checkins::for_match(c, m)).await;
    assert_eq!(
        list.iter().map(|c| (c.period, c.side)).collect::<Vec<_>>(),
        vec![(1, Side::Seeker), (1, Side::Buddy)]
    );
    assert_eq!(list[0].due_at, at(8));
    assert!(list.iter().all(|c| c.answer.is_none()));
    assert_eq!(
        write(app.db(), move |c| checkins::last_period(c, m, Side::Seeker)).await,
        Some(1)
    );
}

#[tokio::test]
async fn a_checkin_is_sent_reminded_and_answered_once() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let (m, s) = (pair.match_id, pair.seeker_id);
    let id = write(app.db(), move |c| {
        checkins::schedule(c, m, s, Side::Seeker, 1, at(8))
    })
    .await
    .expect("scheduled");

    let (not_yet, due) = write(app.db(), move |c| {
        Ok((
            checkins::due_to_send(c, None, at(7), 10)?,
            checkins::due_to_send(c, None, at(8), 10)?,
        ))
    })
    .await;
    assert!(not_yet.is_empty());
    assert_eq!(due.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
    let sends = write(app.db(), move |c| {
        Ok((
            checkins::claim_send(c, id, at(8))?,
            checkins::claim_send(c, id, at(8))?,
        ))
    })
    .await;
    assert_eq!(sends, (true, false));

    let (early, to_remind) = write(app.db(), move |c| {
        Ok((
            checkins::due_for_reminder(c, None, (at(1), at(7)), 10)?,
            checkins::due_for_reminder(c, None, (at(1), at(11)), 10)?,
        ))
    })
    .await;
    assert!(early.is_empty());
    assert_eq!(to_remind.len(), 1);
    let reminders = write(app.db(), move |c| {
        Ok((
            checkins::claim_reminder(c, id, at(11))?,
            checkins::claim_reminder(c, id, at(11))?,
        ))
    })
    .await;
    assert_eq!(reminders, (true, false), "one reminder");
    let left = write(app.db(), move |c| {
        checkins::due_for_reminder(c, None, (at(1), at(20)), 10)
    })
    .await;
    assert!(left.is_empty());

    let answered = write(app.db(), move |c| {
        Ok((
            checkins::answer(c, id, &an_answer("first"), at(12))?,
            checkins::answer(c, id, &an_answer("second"), at(13))?,
        ))
    })
    .await;
    assert_eq!(answered, (true, false), "one answer");
    let stored = write(app.db(), move |c| checkins::find(c, id))
        .await
        .expect("stored");
    assert_eq!(stored.answered_at, Some(at(12)));
    assert_eq!(stored.recorded_by, None);
    assert_eq!(stored.answer, Some(an_answer("first")));
    // Answered: no reminder any more.
    let late = write(app.db(), move |c| {
        diesel::update(checkins_t::table.find(id))
            .set(checkins_t::reminded_at.eq(None::<NaiveDateTime>))
            .execute(c)?;
        checkins::claim_reminder(c, id, at(14))
    })
    .await;
    assert!(!late);
}

#[tokio::test]
async fn a_coordinator_records_an_open_checkin_or_the_next_period() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let coordinator = coordinator_id(&app).await;
    let (m, b) = (pair.match_id, pair.buddy_id);
    let open = write(app.db(), move |c| {
        checkins::schedule(c, m, b, Side::Buddy, 1, at(8))
    })
    .await
    .expect("scheduled");
    let (first, second) = write(app.db(), move |c| {
        let mut phoned = an_answer("by phone");
        phoned.go_on = GoOn::Pause;
        phoned.pause_until = NaiveDate::from_ymd_opt(2027, 3, 1);
        let first =
            checkins::record_by_coordinator(c, m, b, Side::Buddy, &phoned, coordinator, at(9))?;
        let mut ended = an_answer("ended");
        ended.go_on = GoOn::End;
        ended.end_reason = Some(CloseReason::MovedAway);
        ended.going = None;
        let second =
            checkins::record_by_coordinator(c, m, b, Side::Buddy, &ended, coordinator, at(20))?;
        Ok((first, second))
    })
    .await;
    assert_eq!(first, open, "the open check-in is answered");
    let list = write(app.db(), move |c| checkins::for_match(c, m)).await;
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].id, second);
    assert_eq!(list[1].period, 2, "then the next free period");
    assert!(list.iter().all(|c| c.recorded_by == Some(coordinator)));
    let first_answer = list[0].answer.clone().expect("answered");
    assert_eq!(
        first_answer.pause_until,
        NaiveDate::from_ymd_opt(2027, 3, 1)
    );
    let second_answer = list[1].answer.clone().expect("answered");
    assert_eq!(second_answer.end_reason, Some(CloseReason::MovedAway));
    assert_eq!(second_answer.going, None);
}

#[tokio::test]
async fn the_stage_history_keeps_changes_only() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let by = coordinator_id(&app).await;
    let m = pair.match_id;
    let changes = write(app.db(), move |c| {
        Ok(vec![
            continuum::set_stage(c, m, Stage::Introduced, at(2), None)?,
            continuum::set_stage(c, m, Stage::GettingToKnow, at(8), None)?,
            continuum::set_stage(c, m, Stage::GettingToKnow, at(15), None)?,
            continuum::set_stage(c, m, Stage::BuildingTrust, at(22), Some(by))?,
        ])
    })
    .await;
    assert_eq!(changes, vec![false, true, false, true]);
    let (history, facts) = write(app.db(), move |c| {
        continuum::mark_checked(c, m, at(23))?;
        Ok((continuum::stage_history(c, m)?, continuum::find(c, m)?))
    })
    .await;
    assert_eq!(
        history
            .iter()
            .map(|h| (h.stage, h.changed_at, h.changed_by))
            .collect::<Vec<_>>(),
        vec![
            (Stage::Introduced, at(1), None),
            (Stage::GettingToKnow, at(8), None),
            (Stage::BuildingTrust, at(22), Some(by)),
        ]
    );
    let facts = facts.expect("match");
    assert_eq!(facts.stage, Some(Stage::BuildingTrust));
    assert_eq!(facts.stage_since, Some(at(22)));
    assert_eq!(facts.stage_checked_at, Some(at(23)));
}

#[tokio::test]
async fn pause_resume_and_close() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let by = coordinator_id(&app).await;
    let (m, s) = (pair.match_id, pair.seeker_id);
    let until = NaiveDate::from_ymd_opt(2027, 2, 1).expect("date");
    let (paused, facts, due_while_paused) = write(app.db(), move |c| {
        checkins::schedule(c, m, s, Side::Seeker, 1, at(8))?;
        let paused = continuum::pause(c, m, until, at(5), None)?;
        Ok((
            paused,
            continuum::find(c, m)?,
            checkins::due_to_send(c, None, at(9), 10)?,
        ))
    })
    .await;
    assert!(paused);
    let facts = facts.expect("match");
    assert_eq!(facts.paused_until, Some(until));
    assert_eq!(facts.stage, Some(Stage::Paused));
    assert!(due_while_paused.is_empty(), "nothing is sent while paused");

    let (resumed, again, due) = write(app.db(), move |c| {
        Ok((
            continuum::resume(c, m, at(10))?,
            continuum::resume(c, m, at(10))?,
            checkins::due_to_send(c, None, at(10), 10)?,
        ))
    })
    .await;
    assert_eq!((resumed, again), (true, false));
    assert_eq!(due.len(), 1);

    let (closed, twice, pause_closed, live) = write(app.db(), move |c| {
        Ok((
            continuum::close(c, m, CloseReason::NotAGoodFit, at(12), Some(by))?,
            continuum::close(c, m, CloseReason::Other, at(13), None)?,
            continuum::pause(c, m, until, at(14), None)?,
            continuum::live_matches(c, None, 0, 10)?,
        ))
    })
    .await;
    assert!(closed && !twice && !pause_closed);
    assert!(live.is_empty());
    let facts = write(app.db(), move |c| continuum::find(c, m))
        .await
        .expect("match");
    assert_eq!(facts.status, MatchStatus::Closed);
    assert_eq!(facts.close_reason, Some(CloseReason::NotAGoodFit));
    assert_eq!(facts.closed_at, Some(at(12)));
    assert_eq!(facts.paused_until, None);
    assert_eq!(facts.stage, Some(Stage::Closed));
    let history = write(app.db(), move |c| continuum::stage_history(c, m)).await;
    assert_eq!(
        history.iter().map(|h| h.stage).collect::<Vec<_>>(),
        vec![Stage::Introduced, Stage::Paused, Stage::Closed]
    );
    assert_eq!(history[2].changed_by, Some(by));
    // A closed match's check-ins are not sent.
    assert!(write(app.db(), move |c| checkins::due_to_send(
        c,
        None,
        at(20),
        10
    ))
    .await
    .is_empty());
}

#[tokio::test]
async fn notes_and_concerns() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let coordinator = coordinator_id(&app).await;
    let (m, p, s) = (pair.match_id, pair.programme_id, pair.seeker_id);
    let (notes, open, handled) = write(app.db(), move |c| {
        continuum::add_note(c, m, coordinator, "called both, all fine", at(3))?;
        continuum::add_note(c, m, coordinator, "second call", at(4))?;
        let first = continuum::raise_concern(
            c,
            &NewConcern {
                programme_id: p,
                match_id: Some(m),
                raised_by_participant: Some(s),
                side: Some(Side::Seeker),
                body: "I do not feel safe",
            },
            at(5),
        )?;
        continuum::raise_concern(
            c,
            &NewConcern {
                programme_id: p,
                match_id: None,
                raised_by_participant: None,
                side: None,
                body: "noted after a call",
            },
            at(6),
        )?;
        let handled = (
            continuum::mark_handled(c, first, coordinator, at(7))?,
            continuum::mark_handled(c, first, coordinator, at(8))?,
        );
        Ok((
            continuum::notes_for(c, m)?,
            continuum::open_concerns(c, p)?,
            handled,
        ))
    })
    .await;
    assert_eq!(
        notes.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(),
        vec!["called both, all fine", "second call"]
    );
    assert_eq!(notes[0].author_id, Some(coordinator));
    assert_eq!(handled, (true, false));
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].body, "noted after a call");
}

/// Check-ins of both sides, a stage change, a note and two concerns of the pair's match, and a
/// concern the seeker raised outside it.
async fn continuum_rows(app: &crate::helpers::TestApp, pair: Pair) {
    let coordinator = coordinator_id(app).await;
    let (m, p, s, b) = (
        pair.match_id,
        pair.programme_id,
        pair.seeker_id,
        pair.buddy_id,
    );
    write(app.db(), move |c| {
        let seeker = checkins::schedule(c, m, s, Side::Seeker, 1, at(8))?.expect("new");
        let buddy = checkins::schedule(c, m, b, Side::Buddy, 1, at(8))?.expect("new");
        checkins::answer(c, seeker, &an_answer("seeker's own note"), at(9))?;
        checkins::answer(c, buddy, &an_answer("buddy's private note"), at(9))?;
        continuum::set_stage(c, m, Stage::GettingToKnow, at(9), None)?;
        continuum::add_note(c, m, coordinator, "a note", at(9))?;
        for (who, side, match_id) in [
            (s, Side::Seeker, Some(m)),
            (b, Side::Buddy, Some(m)),
            (s, Side::Seeker, None),
        ] {
            continuum::raise_concern(
                c,
                &NewConcern {
                    programme_id: p,
                    match_id,
                    raised_by_participant: Some(who),
                    side: Some(side),
                    body: "a concern",
                },
                at(10),
            )?;
        }
        Ok(())
    })
    .await;
}

fn counts(db: &Db, match_id: i32, person: i32) -> [i64; 4] {
    let c = &mut *db.get().expect("conn");
    [
        checkins_t::table
            .filter(checkins_t::match_id.eq(match_id))
            .count()
            .get_result(c)
            .expect("count"),
        match_stage_changes::table
            .filter(match_stage_changes::match_id.eq(match_id))
            .count()
            .get_result(c)
            .expect("count"),
        match_notes::table
            .filter(match_notes::match_id.eq(match_id))
            .count()
            .get_result(c)
            .expect("count"),
        concerns::table
            .filter(
                concerns::match_id
                    .eq(match_id)
                    .or(concerns::raised_by_participant.eq(person)),
            )
            .count()
            .get_result(c)
            .expect("count"),
    ]
}

#[tokio::test]
async fn the_export_has_own_checkins_and_concerns_only() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    continuum_rows(&app, pair).await;
    let s = pair.seeker_id;
    let json = write(app.db(), move |c| {
        let p = participants::find(c, s)?.expect("seeker");
        my_data::export(c, &p)
    })
    .await;
    let text = json.to_string();
    assert_eq!(json["matches"][0]["status"], "active", "fields kept");
    let own = json["check_ins"].as_array().expect("check-ins");
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["side"], "seeker");
    assert_eq!(own[0]["answer"]["note"], "seeker's own note");
    assert_eq!(own[0]["answer"]["continue"], "yes");
    assert_eq!(own[0]["answer"]["received"][1], "culture");
    assert!(
        !text.contains("buddy's private note"),
        "never the partner's"
    );
    assert_eq!(json["concerns"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn erasure_takes_the_continuum_rows_along() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    continuum_rows(&app, pair).await;
    assert_eq!(
        counts(app.db(), pair.match_id, pair.seeker_id),
        [2, 2, 1, 3]
    );
    let s = pair.seeker_id;
    write(app.db(), move |c| {
        let p = participants::find(c, s)?.expect("seeker");
        my_data::erase(c, &p, now())
    })
    .await;
    assert!(find_match(app.db(), pair.match_id).is_none());
    assert_eq!(
        counts(app.db(), pair.match_id, pair.seeker_id),
        [0, 0, 0, 0]
    );
    let all_concerns: i64 = concerns::table
        .count()
        .get_result(&mut *app.db().get().expect("conn"))
        .expect("count");
    assert_eq!(all_concerns, 0);
}

#[tokio::test]
async fn deleting_a_participant_by_api_takes_the_continuum_rows_along() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    continuum_rows(&app, pair).await;
    // A second account: `continuum_rows` made the demo coordinator.
    let token = crate::api_support::account_with_token(
        &app,
        "second@example.org",
        buddymatch::accounts::store::CoordinatorRole::Coordinator,
        &["demo"],
    )
    .await;
    let deleted = Api::new(&app, &token)
        .delete(&format!("/api/v1/participants/{}", pair.buddy_id))
        .await;
    assert_eq!(deleted.status().as_u16(), 204);
    assert!(find_match(app.db(), pair.match_id).is_none());
    assert_eq!(counts(app.db(), pair.match_id, pair.buddy_id), [0, 0, 0, 0]);
    // The seeker's own concern outside the match stays (the seeker is not erased).
    let left: i64 = concerns::table
        .filter(concerns::raised_by_participant.eq(pair.seeker_id))
        .count()
        .get_result(&mut *app.db().get().expect("conn"))
        .expect("count");
    assert_eq!(left, 1);
}

/// The links the outcomes read (`db::answer_links`): each answer knows when the same person
/// next answered the same question and what their first belonging answer was; stage entries
/// know when they ended. When a partner is erased, the answers about that match go and the
/// person's earlier answer is their latest again.
#[tokio::test]
async fn answers_and_stage_entries_are_linked_and_erasure_relinks_the_partner() {
    let app = spawn_app().await;
    let pair = active_pair(&app, at(1)).await;
    let programme = write(app.db(), move |c| {
        buddymatch::db::programmes::by_id(c, pair.programme_id)
    })
    .await
    .expect("programme");
    // The seeker has a second buddy; the seeker answers about match 1, then about match 2.
    let buddy2 = crate::continuum_support::add_person(
        app.db(),
        &programme,
        "Second",
        "second.buddy@example.org",
        "receiving",
        true,
    );
    let m2 = crate::continuum_support::live_match_of(
        app.db(),
        programme.id,
        pair.seeker_id,
        buddy2,
        at(2),
    );
    let (m1, s) = (pair.match_id, pair.seeker_id);
    let (first, second) = write(app.db(), move |c| {
        let first = checkins::schedule(c, m1, s, Side::Seeker, 1, at(8))?.expect("new");
        let second = checkins::schedule(c, m2, s, Side::Seeker, 1, at(9))?.expect("new");
        checkins::answer(c, first, &an_answer("first"), at(9))?;
        let mut later = an_answer("second");
        later.belonging = Some(5);
        checkins::answer(c, second, &later, at(12))?;
        continuum::set_stage(c, m1, Stage::GettingToKnow, at(10), None)?;
        Ok((first, second))
    })
    .await;
    type Links = (
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<i32>,
        Option<NaiveDateTime>,
    );
    let links = |id: i32| -> Links {
        checkins_t::table
            .find(id)
            .select((
                checkins_t::going_next_at,
                checkins_t::belonging_next_at,
                checkins_t::belonging_first,
                checkins_t::belonging_first_at,
            ))
            .first(&mut *app.db().get().expect("conn"))
            .expect("check-in")
    };
    assert_eq!(
        links(first),
        (Some(at(12)), Some(at(12)), Some(3), Some(at(9)))
    );
    // "Not yet": far in the future, so that "latest before a date" is one index range.
    let open = NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid");
    assert_eq!(
        links(second),
        (Some(open), Some(open), Some(3), Some(at(9)))
    );
    let stages: Vec<(String, Option<NaiveDateTime>)> = match_stage_changes::table
        .filter(match_stage_changes::match_id.eq(m1))
        .order(match_stage_changes::changed_at)
        .select((match_stage_changes::stage, match_stage_changes::ended_at))
        .load(&mut *app.db().get().expect("conn"))
        .expect("stages");
    assert_eq!(
        stages,
        [
            ("introduced".to_owned(), Some(at(10))),
            ("getting_to_know".to_owned(), Some(open))
        ]
    );

    // The second buddy is erased: match 2 and the seeker's answer about it go.
    write(app.db(), move |c| {
        let p = participants::find(c, buddy2)?.expect("buddy");
        my_data::erase(c, &p, at(13))
    })
    .await;
    assert_eq!(links(first), (Some(open), Some(open), Some(3), Some(at(9))));
}
