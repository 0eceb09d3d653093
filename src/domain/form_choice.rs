//! Reading the matching core's coded values (language code and level, integration domain,
//! gender) from form, JSON API and CSV input. The core owns the codes and their parsing; the
//! edge only turns the core's rejection into a stable validation code.

/// A coded value read from user input.
pub trait FormChoice: Sized {
    /// Parses user input.
    ///
    /// # Errors
    /// A validation code: `"invalid_choice"` for a value the core rejects (and, where the type
    /// says so, `"required"` for a blank one).
    fn from_form(raw: &str) -> Result<Self, &'static str>;
}

/// The validation code for a value the core rejected.
pub(crate) const INVALID_CHOICE: &str = "invalid_choice";

/// `"required"` for blank input, else the core's parse with rejections as `"invalid_choice"`.
pub(crate) fn required<T, E>(
    raw: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, &'static str> {
    if raw.trim().is_empty() {
        Err("required")
    } else {
        parse(raw).map_err(|_| INVALID_CHOICE)
    }
}
