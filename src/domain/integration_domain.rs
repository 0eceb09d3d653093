//! What people would like to share or learn, by the Indicators of Integration domains.
//!
//! The domain type is the matching core's ([`matching::compat::Domain`]): one list of codes
//! (snake_case, used in forms, JSON, CSV and the database), in form order.

use super::form_choice::{FormChoice, INVALID_CHOICE};

/// A domain of integration (Home Office Indicators of Integration framework, 2019).
pub use matching::compat::Domain as IntegrationDomain;

/// Reads a code such as `digital_skills`: `"invalid_choice"` for anything else.
impl FormChoice for IntegrationDomain {
    fn from_form(raw: &str) -> Result<Self, &'static str> {
        Self::parse(raw).map_err(|_| INVALID_CHOICE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_from_forms() {
        for d in IntegrationDomain::ALL {
            assert_eq!(IntegrationDomain::from_form(d.code()), Ok(d));
        }
        assert_eq!(
            IntegrationDomain::from_form(" work "),
            Ok(IntegrationDomain::Work)
        );
        assert_eq!(
            IntegrationDomain::from_form("religion"),
            Err("invalid_choice")
        );
        assert_eq!(IntegrationDomain::from_form(""), Err("invalid_choice"));
    }
}
