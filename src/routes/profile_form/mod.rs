//! Everything every profile form shares (sign-up, the coordinator's add/edit form, the
//! participant's correction page): the submitted pairs ([`FormValues`]) and the one reader
//! that turns them into a `ProfileInput` ([`reader`]), and the words for stored values
//! ([`text`]).

pub mod reader;
pub mod text;
mod values;

pub use reader::{read, ProfileRead};
pub use text::{joined, level_as_said, ProfileText};
pub use values::FormValues;

use crate::domain::UiLanguage;

/// The values of an empty profile form (sign-up and the coordinator's "add a person").
#[must_use]
pub fn default_values(lang: UiLanguage) -> FormValues {
    let mut v = FormValues::default();
    v.set("message_language", lang.code());
    v.set("capacity", "1");
    v.set("max_travel_km", "5");
    v.set("household_adults", "1");
    v.set("household_children", "0");
    v
}
