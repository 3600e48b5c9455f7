//! Bank identifiers: IBANs (each country's length, mod-97 checksum), written in one run or
//! in groups of four, normalized without spaces; SWIFT/BIC codes (structure and country
//! code), only where the text calls them SWIFT or BIC, since an eight-letter word in capitals
//! ("BUSINESS") has their shape.

use std::sync::OnceLock;

use super::checks::{iban_length, is_bic, is_iban};
use super::{Found, compiled, stands_alone};
use crate::entity::Label;

/// Appends every IBAN and BIC of `text` to `found`.
pub fn find(text: &str, found: &mut Vec<Found>) {
    ibans(text, found);
    bics(text, found);
}

fn ibans(text: &str, found: &mut Vec<Found>) {
    static START: OnceLock<regex::Regex> = OnceLock::new();
    let start = compiled(&START, r"\b[A-Z]{2}\d{2} ?[A-Z0-9]{4}");
    for m in start.find_iter(text) {
        let Some(length) = iban_length(&m.as_str()[..2]) else {
            continue;
        };
        // Take the country's number of characters, over single spaces between groups.
        let mut iban = String::with_capacity(length);
        let mut end = m.start();
        for (i, c) in text[m.start()..].char_indices() {
            if iban.len() == length {
                break;
            }
            if c.is_ascii_uppercase() || c.is_ascii_digit() {
                iban.push(c);
                end = m.start() + i + 1;
            } else if c != ' ' || text[m.start() + i + 1..].starts_with(' ') {
                break;
            }
        }
        if is_iban(&iban) && stands_alone(text, m.start(), end, &[]) {
            found.push(Found {
                start: m.start(),
                end,
                label: Label::IBAN,
                canonical: iban,
                kind: None,
            });
        }
    }
}

fn bics(text: &str, found: &mut Vec<Found>) {
    if !text.contains("SWIFT") && !text.contains("BIC") && !text.contains("Swift") {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(&PATTERN, r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b");
    for m in pattern.find_iter(text) {
        // The word as written, just before: "public" holds "bic" and "Swift" is a name.
        let before = &text[..m.start()];
        let named = ["SWIFT", "BIC", "Swift"]
            .iter()
            .filter_map(|w| before.rfind(w))
            .max()
            .is_some_and(|at| m.start() - at <= 16);
        if is_bic(m.as_str()) && named {
            found.push(Found {
                start: m.start(),
                end: m.end(),
                label: Label::BIC,
                canonical: m.as_str().to_string(),
                kind: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonicals;

    #[test]
    fn ibans_validate_in_groups_or_in_one_run() {
        let found = canonicals(
            "Accounts GB82 WEST 1234 5698 7654 32 and DE89370400440532013000 (but not \
             GB82 WEST 1234 5698 7654 33 nor DE89 3704 0044 0532 0130 0).",
            Default::default(),
        );
        assert_eq!(
            found,
            [
                ("IBAN".into(), "GB82WEST12345698765432".into()),
                ("IBAN".into(), "DE89370400440532013000".into())
            ]
        );
    }

    #[test]
    fn bics_need_the_word_and_a_country() {
        let found = canonicals(
            "SWIFT code DEUTDEFF500; BIC: BNMXMXMM. Then a BUSINESS ANALYST said SWIFT: ABCDZZ12.",
            Default::default(),
        );
        let names: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(names, ["DEUTDEFF500", "BNMXMXMM"]);
    }
}
