//! Weekly availability: 7 days x morning / afternoon / evening, as a 21-bit mask
//! (bit = day * 3 + part; Monday = 0, morning = 0).
//!
//! The type is the matching core's ([`matching::compat::Slots`]): one list of slot names and
//! one bit layout, stored as the mask.

use super::form_choice::INVALID_CHOICE;

/// When someone is usually free.
pub use matching::compat::Slots as Availability;

/// Reads slot names such as `mon_morning` from form, API or CSV input.
///
/// # Errors
/// `"invalid_choice"` for an unknown slot name.
pub fn from_form<'a>(
    slots: impl IntoIterator<Item = &'a str>,
) -> Result<Availability, &'static str> {
    Availability::from_names(slots).map_err(|_| INVALID_CHOICE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slots_map_to_bits() {
        let a = from_form(["mon_morning", "sun_evening"]).expect("valid");
        assert_eq!(a.bits(), 1 | (1 << 20));
        assert!(a.contains(6, 2) && !a.contains(6, 0));
        assert_eq!(from_form(["someday"]), Err("invalid_choice"));
        assert_eq!(from_form([""]), Err("invalid_choice"));
    }

    proptest! {
        #[test]
        fn names_round_trip(bits in 0u32..(1 << 21)) {
            let a = Availability::from_bits(bits);
            prop_assert_eq!(from_form(a.slot_names()), Ok(a));
        }
    }
}
