//! A validated check-in answer ([`CheckinAnswer`], parsed at the edge) in the shape storage
//! keeps ([`NewAnswer`]).

use crate::db::checkins::NewAnswer;
use crate::domain::checkin::{CheckinAnswer, GoOnAnswer, MetHow};

/// The stored form of a validated answer.
#[must_use]
pub fn stored(a: &CheckinAnswer) -> NewAnswer {
    let (pause_until, end_reason) = match a.go_on {
        GoOnAnswer::Yes => (None, None),
        GoOnAnswer::Pause { until } => (Some(until), None),
        GoOnAnswer::End { reason } => (None, Some(reason)),
    };
    NewAnswer {
        met: a.met,
        met_in_person: a.met_how.contains(&MetHow::InPerson),
        met_online: a.met_how.contains(&MetHow::Online),
        met_by_phone: a.met_how.contains(&MetHow::Phone),
        going: Some(a.going),
        trust: Some(a.trust),
        gave: a.gave.iter().map(|d| d.code().to_owned()).collect(),
        received: a.received.iter().map(|d| d.code().to_owned()).collect(),
        go_on: a.go_on.go_on(),
        pause_until,
        end_reason,
        carry_on_without_programme: a.carry_on_without_programme,
        wants_to_volunteer: a.wants_to_volunteer,
        note: a.note.clone(),
        belonging: a.belonging,
        conversation: a.conversation,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::checkin::CheckinInput;
    use crate::domain::{CloseReason, GoOn, Met, Side};

    fn parsed(input: &CheckinInput) -> CheckinAnswer {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
        CheckinAnswer::parse(input, today).expect("a valid answer")
    }

    fn input() -> CheckinInput {
        CheckinInput {
            side: "seeker".into(),
            met: "several".into(),
            met_how: vec!["phone".into(), "in_person".into()],
            going: Some(4),
            trust: Some(5),
            gave: vec!["language".into()],
            received: vec!["housing".into(), "work".into()],
            go_on: "yes".into(),
            ..CheckinInput::default()
        }
    }

    #[test]
    fn keeps_every_answer() {
        let a = parsed(&input());
        assert_eq!(a.side, Side::Seeker);
        let s = stored(&a);
        assert_eq!(s.met, Met::Several);
        assert!(s.met_in_person && s.met_by_phone && !s.met_online);
        assert_eq!((s.going, s.trust), (Some(4), Some(5)));
        assert_eq!(s.gave, vec!["language".to_owned()]);
        assert_eq!(s.received.len(), 2);
        assert_eq!(
            (s.go_on, s.pause_until, s.end_reason),
            (GoOn::Yes, None, None)
        );
    }

    #[test]
    fn pause_and_end_carry_their_detail() {
        let mut i = input();
        i.go_on = "pause".into();
        i.pause_until = Some("2027-01-15".into());
        let s = stored(&parsed(&i));
        assert_eq!(s.go_on, GoOn::Pause);
        assert_eq!(s.pause_until, NaiveDate::from_ymd_opt(2027, 1, 15));
        i.go_on = "end".into();
        i.end_reason = Some("moved_away".into());
        let s = stored(&parsed(&i));
        assert_eq!(
            (s.go_on, s.end_reason),
            (GoOn::End, Some(CloseReason::MovedAway))
        );
        assert_eq!(s.pause_until, None);
    }
}
