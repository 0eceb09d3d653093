//! One match's story for its coordinator page: the introduction, both sides' check-ins (sent,
//! reminded, answered or recorded after a call), stage changes, coordinator notes and concerns,
//! in time order. Coordinators only: the participants never see the other side's answers.

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::checkins::{self, Checkin, NewAnswer, EXIT_PERIOD};
use crate::db::connections;
use crate::db::continuum::{self as store, Concern, LiveMatch, MatchNote};
use crate::db::{matches, DbConnection, DbError};
use crate::domain::{Side, Stage};

/// Something that happened to the match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A coordinator approved the proposal (introduction emails went out).
    Approved,
    /// Both accepted: the match is live.
    Active,
    /// A check-in email went to one side.
    CheckinSent {
        /// Who.
        side: Side,
        /// Period (1 = first check-in).
        period: i32,
    },
    /// The one reminder went.
    Reminded {
        /// Who.
        side: Side,
        /// Period.
        period: i32,
    },
    /// One side answered (by link, or a coordinator recorded it after a call).
    Answered {
        /// Who.
        side: Side,
        /// Period; [`EXIT_PERIOD`] for the exit questions.
        period: i32,
        /// The answer.
        answer: Box<NewAnswer>,
        /// The coordinator who recorded it (None: by link).
        recorded_by: Option<i32>,
    },
    /// The stage changed.
    Stage {
        /// The new stage.
        stage: Stage,
        /// The coordinator who changed it (None: the rules).
        by: Option<i32>,
    },
    /// A coordinator's note.
    Note(MatchNote),
    /// A concern raised about the match.
    Concern(Concern),
}

/// The match page's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The match's continuum facts.
    pub facts: LiveMatch,
    /// Seeker's and buddy's names ("first last").
    pub names: (String, String),
    /// Events, oldest first.
    pub events: Vec<(NaiveDateTime, Event)>,
    /// Check-ins sent and not answered yet (a coordinator may record one).
    pub open_checkins: Vec<Checkin>,
    /// Open concerns.
    pub open_concerns: Vec<Concern>,
}

impl Timeline {
    /// The match is live (active or paused): the actions apply.
    #[must_use]
    pub fn is_live(&self) -> bool {
        self.facts.status == crate::domain::MatchStatus::Active
    }

    /// Paused until this day.
    #[must_use]
    pub fn paused_until(&self) -> Option<NaiveDate> {
        self.facts.paused_until
    }
}

/// The timeline of match `match_id`; None when there is no such match.
///
/// # Errors
/// Storage failures.
pub fn timeline(conn: &mut DbConnection, match_id: i32) -> Result<Option<Timeline>, DbError> {
    let Some(facts) = store::find(conn, match_id)? else {
        return Ok(None);
    };
    let Some(m) = matches::find(conn, match_id)? else {
        return Ok(None);
    };
    let names = connections::names(conn, &[facts.seeker_id, facts.buddy_id])?;
    let name = |id: i32| {
        names
            .get(&id)
            .map_or_else(String::new, |(f, l)| format!("{f} {l}"))
    };
    let mut events: Vec<(NaiveDateTime, Event)> = Vec::new();
    if let Some(at) = m.decided_at {
        events.push((at, Event::Approved));
    }
    if let Some(at) = facts.active_since {
        events.push((at, Event::Active));
    }
    let all = checkins::for_match(conn, match_id)?;
    let mut open_checkins = Vec::new();
    for c in &all {
        if let Some(at) = c.sent_at.filter(|_| c.recorded_by.is_none()) {
            events.push((
                at,
                Event::CheckinSent {
                    side: c.side,
                    period: c.period,
                },
            ));
        }
        if let Some(at) = c.reminded_at {
            events.push((
                at,
                Event::Reminded {
                    side: c.side,
                    period: c.period,
                },
            ));
        }
        match (&c.answer, c.answered_at) {
            (Some(answer), Some(at)) => events.push((
                at,
                Event::Answered {
                    side: c.side,
                    period: c.period,
                    answer: Box::new(answer.clone()),
                    recorded_by: c.recorded_by,
                },
            )),
            _ if c.sent_at.is_some() && c.period != EXIT_PERIOD => open_checkins.push(c.clone()),
            _ => {}
        }
    }
    for h in store::stage_history(conn, match_id)? {
        events.push((
            h.changed_at,
            Event::Stage {
                stage: h.stage,
                by: h.changed_by,
            },
        ));
    }
    for n in store::notes_for(conn, match_id)? {
        events.push((n.created_at, Event::Note(n)));
    }
    let concerns = store::concerns_of_match(conn, match_id)?;
    let open_concerns = concerns
        .iter()
        .filter(|c| c.handled_at.is_none())
        .cloned()
        .collect();
    for c in concerns {
        events.push((c.created_at, Event::Concern(c)));
    }
    // Stable: same-moment events keep the order above (approval before activation, ...).
    events.sort_by_key(|(at, _)| *at);
    Ok(Some(Timeline {
        names: (name(facts.seeker_id), name(facts.buddy_id)),
        facts,
        events,
        open_checkins,
        open_concerns,
    }))
}
