//! Feature records: what the scorer knows about a seeker and a buddy.
//!
//! Everything here is a small, copyable value or a short list: language codes are three bytes
//! ([`Lang`]), the week is a 21-bit mask ([`Slots`]), the integration domains a 10-bit mask
//! ([`Domains`]). Interest tags are kept as normalised strings on the record (so a record is
//! self-contained and easy to build from a database row); [`Scorer`](super::Scorer) interns
//! them once per run into dense bitsets, so the pair loop never touches a string.
//!
//! There is deliberately no field for nationality, religion, ethnicity or legal status.
//!
//! One module per type: [`FeatureError`] in `error`, [`Lang`] and [`Level`] in `language`,
//! [`Slots`], [`Domain`] and [`Domains`], [`Gender`], [`Coords`] and [`Location`],
//! [`Household`], [`Preferences`], the person-level [`Profile`], and the two sides of a pair,
//! [`Seeker`] and [`Buddy`].

mod buddy;
mod domains;
mod error;
mod gender;
mod household;
mod language;
mod location;
mod preferences;
mod profile;
mod seeker;
mod slots;

pub use buddy::Buddy;
pub use domains::{Domain, Domains};
pub use error::FeatureError;
pub use gender::Gender;
pub use household::Household;
pub use language::{Lang, Level};
pub use location::{Coords, Location, EARTH_RADIUS_KM};
pub use preferences::Preferences;
pub use profile::{normalise_tag, Profile};
pub use seeker::Seeker;
pub use slots::Slots;
