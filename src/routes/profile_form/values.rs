//! A submitted form as name/value pairs: the one typed view of a urlencoded body that every
//! HTML form handler reads from (sign-up, coordinator pages, the participant's own pages).

/// Whether every name and value of a urlencoded body, once its `%XX` escapes are decoded, is
/// UTF-8.
fn decodes_to_utf8(body: &[u8]) -> bool {
    let hex = |b: u8| char::from(b).to_digit(16);
    body.split(|b| *b == b'&' || *b == b'=').all(|part| {
        let mut bytes = Vec::with_capacity(part.len());
        let mut i = 0;
        while i < part.len() {
            let escaped = (part[i] == b'%')
                .then(|| Some((hex(*part.get(i + 1)?)?, hex(*part.get(i + 2)?)?)))
                .flatten();
            match escaped {
                Some((hi, lo)) => {
                    bytes.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                    i += 3;
                }
                None => {
                    bytes.push(part[i]);
                    i += 1;
                }
            }
        }
        std::str::from_utf8(&bytes).is_ok()
    })
}

/// The submitted form as name/value pairs in order (repeated names for lists).
#[derive(Debug, Clone, Default)]
pub struct FormValues(pub Vec<(String, String)>);

impl FormValues {
    /// Parses an `application/x-www-form-urlencoded` body; `None` if it is not form data, or if
    /// a value is not UTF-8 (browsers send UTF-8; anything else would be stored damaged, with
    /// U+FFFD in place of what was meant).
    #[must_use]
    pub fn parse(body: &[u8]) -> Option<Self> {
        if !decodes_to_utf8(body) {
            return None;
        }
        serde_urlencoded::from_bytes(body).ok().map(Self)
    }

    /// How many pairs were sent.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was sent.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first value of `name` ("" if absent).
    #[must_use]
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every non-empty value of `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Whether `name` has the value `value`.
    #[must_use]
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }

    /// A ticked checkbox.
    #[must_use]
    pub fn flag(&self, name: &str) -> bool {
        self.all(name)
            .any(|v| matches!(v, "true" | "on" | "1" | "yes"))
    }

    /// The trimmed value of `name`, `None` when empty or absent.
    #[must_use]
    pub fn optional(&self, name: &str) -> Option<String> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| v.to_owned())
    }

    /// Adds a pair (defaults of an empty form, a stored profile shown for editing).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.0.push((name.to_owned(), value.into()));
    }

    /// Sets `name` to `value` alone, dropping whatever was sent for it.
    pub fn replace(&mut self, name: &str, value: impl Into<String>) {
        self.0.retain(|(k, _)| k != name);
        self.set(name, value);
    }

    /// The row index and value of each `<prefix>.<i>.<field>` pair.
    pub fn rows<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.0.iter().filter_map(move |(k, v)| {
            let i = k
                .strip_prefix(prefix)?
                .strip_prefix('.')?
                .split('.')
                .next()?
                .parse::<usize>()
                .ok()?;
            Some((i, v.as_str()))
        })
    }

    /// Highest row index used in `<prefix>.<i>.<field>` names (0 if none).
    #[must_use]
    pub fn max_row(&self, prefix: &str) -> usize {
        self.rows(prefix).map(|(i, _)| i).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_utf8_form_data_is_read() {
        assert!(FormValues::parse(b"first_name=%C3%89lodie&x=a+b").is_some());
        assert_eq!(
            FormValues::parse(b"first_name=%D8%A3%D9%85%D9%84")
                .map(|v| v.get("first_name").to_owned()),
            Some("أمل".to_owned())
        );
        for bad in [&b"first_name=%FF"[..], b"a=%E2%82", b"%C3=x", b"a=ok&b=%80"] {
            assert!(FormValues::parse(bad).is_none(), "{bad:?}");
        }
        // A stray percent sign is just a character.
        assert_eq!(
            FormValues::parse(b"a=100%").map(|v| v.get("a").to_owned()),
            Some("100%".into())
        );
    }

    #[test]
    fn replace_drops_what_was_sent() {
        let mut v = FormValues::parse(b"started=forged&started=again").expect("form");
        v.replace("started", "fresh");
        assert_eq!(v.get("started"), "fresh");
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn lists_flags_and_rows_are_read() {
        let v = FormValues::parse(
            b"interests=a&interests=&interests=b&online_ok=on&languages.3.code=de&phone=+1",
        )
        .expect("form data");
        assert_eq!(v.all("interests").collect::<Vec<_>>(), ["a", "b"]);
        assert!(v.flag("online_ok") && !v.flag("volunteer"));
        assert_eq!(v.max_row("languages"), 3);
        assert_eq!(v.max_row("household_members"), 0);
        assert_eq!(v.optional("phone").as_deref(), Some("1"));
        assert_eq!(v.optional("area"), None);
    }
}
