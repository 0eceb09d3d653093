//! Domain types: input is parsed into these at the edge (form, API, CSV), and everything past
//! the edge trusts them. Private fields where a value has rules.

pub mod availability;
pub mod checkin;
pub mod email;
pub mod form_choice;
pub mod integration_domain;
pub mod interests;
pub mod language;
pub mod participant;
pub mod phone;
pub mod programme;
pub mod status;
pub mod ui_language;
pub mod validation;
pub mod weights;

pub use availability::Availability;
pub use checkin::{CheckinAnswer, CheckinInput, GoOnAnswer, MetHow};
pub use email::Email;
pub use form_choice::FormChoice;
pub use integration_domain::IntegrationDomain;
pub use language::{LanguageCode, LanguageLevel, SpokenLanguage};
pub use participant::{
    Gender, HouseholdMember, HouseholdMemberInput, LanguageInput, NewParticipant, ProfileInput,
    Reach, Role,
};
pub use phone::{Phone, PhoneRegion};
pub use programme::{Area, Programme, ProgrammeSettings, ProgrammeSlug, SettingsInput};
pub use status::{
    CloseReason, GoOn, IntroductionAnswer, MatchStatus, Met, ParticipantStatus, RunStatus, Side,
    Stage, UnknownCode,
};
pub use ui_language::UiLanguage;
pub use validation::{FieldError, ValidationErrors};
