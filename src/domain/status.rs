//! Every status the service stores, as enums. Each maps to the lowercase code that the database,
//! the JSON API and the templates have always used, so neither the schema nor the API changed
//! when the string literals became types. This file is the only place those codes are spelled.

use serde::{Deserialize, Serialize};

/// A stored code this version does not know (a newer version wrote it, or the row is corrupt).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{code}`")]
pub struct UnknownCode {
    /// Which kind of status.
    pub kind: &'static str,
    /// The code found.
    pub code: String,
}

/// Defines a status enum with its stored code: `code()`, `parse()`, `ALL`, `Display`, and
/// `TryFrom<String>`, and reading from a text column (`FromSql`; writes bind `code()`).
macro_rules! status_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($kind:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, diesel::FromSqlRow,
        )]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every value, in lifecycle order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code stored in the database and shown in the API.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    $( Self::$variant => $code, )+
                }
            }

            /// Parses a stored or submitted code.
            ///
            /// # Errors
            /// [`UnknownCode`] for any other text.
            pub fn parse(raw: &str) -> Result<Self, UnknownCode> {
                match raw.trim() {
                    $( $code => Ok(Self::$variant), )+
                    other => Err(UnknownCode { kind: $kind, code: other.to_owned() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownCode;

            fn try_from(raw: String) -> Result<Self, UnknownCode> {
                Self::parse(&raw)
            }
        }

        // Compares with a stored code, so a test can say `assert_eq!(m.status, "active")`.
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.code() == *other
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let raw = String::from_sql(bytes)?;
                Ok(Self::parse(&raw)?)
            }
        }
    };
}

status_enum! {
    /// Where a person is in the sign-up flow.
    ParticipantStatus ("participant status") {
        /// Signed up, email not yet confirmed: not considered for matching.
        Pending = "pending",
        /// Confirmed (or added by a coordinator): considered for matching.
        Confirmed = "confirmed",
        /// Withdrew consent or left.
        Withdrawn = "withdrawn",
    }
}

status_enum! {
    /// A match's life: proposed by a run (or by hand), decided by a coordinator, answered by
    /// both people, and ended.
    MatchStatus ("match status") {
        /// Proposed by a run, waiting for a coordinator.
        Proposed = "proposed",
        /// A later run proposed again before a coordinator decided.
        Superseded = "superseded",
        /// A coordinator said no (the pair is then forbidden).
        Rejected = "rejected",
        /// A coordinator said yes; the introductions are out, waiting for both answers.
        Approved = "approved",
        /// One of the two declined the introduction.
        Declined = "declined",
        /// Both accepted: a live pair.
        Active = "active",
        /// Ended (withdrawal, erasure, or closed by a coordinator).
        Closed = "closed",
    }
}

impl MatchStatus {
    /// Statuses that hold a seeker and a unit of the buddy's capacity.
    pub const LIVE: [Self; 2] = [Self::Approved, Self::Active];

    /// Statuses a participant sees on their own page (decided and after).
    pub const SHOWN_TO_PARTICIPANT: [Self; 4] =
        [Self::Approved, Self::Active, Self::Declined, Self::Closed];

    /// The codes of a list of statuses, for `eq_any` filters.
    #[must_use]
    pub fn codes<const N: usize>(list: [Self; N]) -> [&'static str; N] {
        list.map(Self::code)
    }
}

status_enum! {
    /// One person's answer to an introduction.
    IntroductionAnswer ("introduction answer") {
        /// Yes: share contact details once the other says yes too.
        Accepted = "accepted",
        /// No: the pair is forbidden and the seeker goes back to the pool.
        Declined = "declined",
    }
}

status_enum! {
    /// A matching run.
    RunStatus ("run status") {
        /// Recorded, not started.
        Queued = "queued",
        /// Scoring or solving now.
        Running = "running",
        /// Finished; proposals stored.
        Done = "done",
        /// Failed or interrupted; the error is stored with the run.
        Failed = "failed",
    }
}

impl RunStatus {
    /// Statuses of a run that blocks another run of the same programme.
    pub const IN_PROGRESS: [Self; 2] = [Self::Queued, Self::Running];

    /// Still queued or running.
    #[must_use]
    pub fn in_progress(self) -> bool {
        Self::IN_PROGRESS.contains(&self)
    }
}

status_enum! {
    /// Where a live match is on the connections continuum (DESIGN.md, "The connections
    /// continuum"): five stages along the path, three off it.
    Stage ("stage") {
        /// Both accepted, not met yet.
        Introduced = "introduced",
        /// Met at least once.
        GettingToKnow = "getting_to_know",
        /// Meeting regularly across check-in periods, trust at or above the threshold.
        BuildingTrust = "building_trust",
        /// Both sides report giving as well as receiving.
        Mutual = "mutual",
        /// Both will carry on without the programme, or the arriving member became a volunteer.
        Independent = "independent",
        /// No meeting reported, or no answer from either side, for the stall threshold.
        Stalled = "stalled",
        /// Paused until a date.
        Paused = "paused",
        /// Ended, with a neutral reason.
        Closed = "closed",
    }
}

status_enum! {
    /// Why a match ended (neutral words; shown to coordinators, counted in outcomes).
    CloseReason ("close reason") {
        /// The pair reached its goal or the programme's term.
        Completed = "completed",
        /// One of the two moved away.
        MovedAway = "moved_away",
        /// The two did not get on (the seeker goes back to the pool, the pair is forbidden).
        NotAGoodFit = "not_a_good_fit",
        /// One of the two can no longer take part (as "not a good fit" for re-matching).
        NoLongerAvailable = "no_longer_available",
        /// Ended because of a concern raised with the coordinators.
        Concern = "concern",
        /// Anything else.
        Other = "other",
    }
}

impl CloseReason {
    /// An early end after which the seeker is matched again (pair forbidden, capacity freed).
    #[must_use]
    pub fn rematches(self) -> bool {
        matches!(self, Self::NotAGoodFit | Self::NoLongerAvailable)
    }
}

status_enum! {
    /// The two sides of a match.
    Side ("side") {
        /// The seeker (an arriving person or household).
        Seeker = "seeker",
        /// The buddy.
        Buddy = "buddy",
    }
}

status_enum! {
    /// "Did you meet since last time?"
    Met ("met") {
        /// No.
        None = "none",
        /// Once.
        Once = "once",
        /// Several times.
        Several = "several",
    }
}

status_enum! {
    /// "Shall we go on?"
    GoOn ("continue") {
        /// Yes.
        Yes = "yes",
        /// Pause until a date.
        Pause = "pause",
        /// End the match.
        End = "end",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T>(
        all: &[T],
        code: fn(T) -> &'static str,
        parse: fn(&str) -> Result<T, UnknownCode>,
    ) where
        T: Copy + PartialEq + std::fmt::Debug,
    {
        for &v in all {
            assert_eq!(parse(code(v)), Ok(v));
        }
        assert!(parse("no-such-status").is_err());
    }

    #[test]
    fn every_code_round_trips() {
        round_trips(
            ParticipantStatus::ALL,
            ParticipantStatus::code,
            ParticipantStatus::parse,
        );
        round_trips(MatchStatus::ALL, MatchStatus::code, MatchStatus::parse);
        round_trips(
            IntroductionAnswer::ALL,
            IntroductionAnswer::code,
            IntroductionAnswer::parse,
        );
        round_trips(RunStatus::ALL, RunStatus::code, RunStatus::parse);
    }

    #[test]
    fn serde_uses_the_stored_codes() {
        assert_eq!(
            serde_json::to_string(&MatchStatus::Superseded)
                .ok()
                .as_deref(),
            Some("\"superseded\"")
        );
        assert_eq!(
            serde_json::from_str::<RunStatus>("\"done\"").ok(),
            Some(RunStatus::Done)
        );
        assert_eq!(
            serde_json::to_string(&ParticipantStatus::Confirmed)
                .ok()
                .as_deref(),
            Some("\"confirmed\"")
        );
    }

    #[test]
    fn unknown_code_names_kind_and_code() {
        assert_eq!(
            MatchStatus::parse("maybe")
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("unknown match status `maybe`")
        );
        assert_eq!(
            MatchStatus::try_from("active".to_owned()),
            Ok(MatchStatus::Active)
        );
    }

    #[test]
    fn live_and_in_progress() {
        assert_eq!(
            MatchStatus::codes(MatchStatus::LIVE),
            ["approved", "active"]
        );
        assert!(RunStatus::Queued.in_progress());
        assert!(!RunStatus::Done.in_progress());
    }
}
