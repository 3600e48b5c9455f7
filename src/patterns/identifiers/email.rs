//! E-mail addresses, normalized to lower case.

use std::sync::OnceLock;

use super::{Found, compiled, stands_alone};
use crate::entity::Label;

/// Appends every e-mail address of `text` to `found`.
pub fn find(text: &str, found: &mut Vec<Found>) {
    if !text.contains('@') {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.)+[A-Za-z]{2,24}",
    );
    for m in pattern.find_iter(text) {
        if stands_alone(text, m.start(), m.end(), &['@']) {
            found.push(Found {
                start: m.start(),
                end: m.end(),
                label: Label::EMAIL,
                canonical: m.as_str().to_ascii_lowercase(),
                kind: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonicals;

    #[test]
    fn addresses_are_lower_cased_and_need_a_domain() {
        let found = canonicals(
            "Write to Tips@Example.org or j.doe+x@mail.example.mx. Not @handle or a@b.",
            Default::default(),
        );
        let names: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(names, ["tips@example.org", "j.doe+x@mail.example.mx"]);
    }
}
