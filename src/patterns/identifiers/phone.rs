//! Phone numbers, normalized to E.164 ("+525512345678") where the country is certain: from
//! the number's own country code, from the North American form "(619) 555-0147" (the
//! Mexican one, in an article from a Mexican source), or from a Mexican source for a ten-digit
//! national number. A national number written without either form is a phone only after a
//! word that says so ("tel.", "teléfono", "call"), and keeps its digits alone as its
//! canonical form. Never a date, an amount, a range or a code: the groups must stand alone,
//! with no `$`, `%`, `/`, comma or further digit touching them.

use std::sync::OnceLock;

use super::{Found, compiled, said_before};
use crate::entity::Label;
use crate::tagger::Context;

/// What, before a number, makes it part of something else: an amount, a range, a code.
const JOINERS: &[char] = &['-', '/', ',', '.', '$', '+', '#', ':', '€', '£'];

/// Whether `start..end` is a number of its own: nothing that joins it to an amount, a range
/// or a code before it, and after it no letter, digit, `%`, `/`, `-`, nor a `.` or `,` that
/// goes on with a digit (a sentence's full stop may follow).
fn alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let (first, second) = (after.next(), after.next());
    let joined_before = before.is_some_and(|c| c.is_alphanumeric() || JOINERS.contains(&c));
    let joined_after = first.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(c, '%' | '/' | '-')
            || matches!(c, '.' | ',') && second.is_some_and(|d| d.is_ascii_digit())
    });
    !joined_before && !joined_after
}

/// Words that say a bare national number is a phone number.
const PHONE_WORDS: &[&str] = &[
    "tel", "phone", "llam", "whatsapp", "celular", "móvil", "movil", "fax", "hotline", "número",
    "numero", "call ",
];

/// Appends every phone number of `text` to `found`.
pub fn find(text: &str, context: Context, found: &mut Vec<Found>) {
    if !text
        .bytes()
        .any(|b| b == b'+' || b == b'(' || b == b'-' || b == b' ')
    {
        return;
    }
    let mexican = context.currency.dollar_sign == "MXN";
    let mut phones: Vec<Found> = Vec::new();
    international(text, &mut phones);
    north_american(text, mexican, &mut phones);
    national(text, mexican, &mut phones);
    phones.sort_by_key(|f| f.start);
    found.extend(phones);
}

/// The ASCII digits of `s`.
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether `start..end` is free of the phones already found.
fn free(phones: &[Found], start: usize, end: usize) -> bool {
    phones.iter().all(|f| end <= f.start || f.end <= start)
}

fn phone(start: usize, end: usize, canonical: String) -> Found {
    Found {
        start,
        end,
        label: Label::PHONE,
        canonical,
        kind: None,
    }
}

/// "+52 664 218 4407", "+1 (619) 555-0147", "+34 91 123 45 67": the country code is written.
fn international(text: &str, phones: &mut Vec<Found>) {
    if !text.contains('+') {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"\+\(?[1-9]\d{0,2}\)?(?:[ .\-]?\(?\d{1,5}\)?){1,6}",
    );
    for m in pattern.find_iter(text) {
        let written = m.as_str().trim_end_matches(')');
        let end = m.start() + written.len();
        let number = digits(written);
        let groups = written.split([' ', '.', '-']).count();
        if (8..=15).contains(&number.len()) && groups >= 2 && alone(text, m.start(), end) {
            phones.push(phone(m.start(), end, format!("+{number}")));
        }
    }
}

/// "(619) 555-0147", "619-555-0147", "1-800-555-0199": the North American form, whose area
/// code and exchange do not start with 0 or 1.
fn north_american(text: &str, mexican: bool, phones: &mut Vec<Found>) {
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"(?:\b1[ .\-])?(?:\(\d{3}\) ?|\b\d{3}[.\-])\d{3}[.\-]\d{4}\b",
    );
    for m in pattern.find_iter(text) {
        let mut number = digits(m.as_str());
        if number.len() == 11 {
            number.remove(0);
        }
        let b = number.as_bytes();
        let valid = b.len() == 10 && b[0] >= b'2' && b[3] >= b'2';
        if valid && free(phones, m.start(), m.end()) && alone(text, m.start(), m.end()) {
            let country = if mexican { "52" } else { "1" };
            phones.push(phone(m.start(), m.end(), format!("+{country}{number}")));
        }
    }
}

/// "Tel. 664 218 4407", "teléfono 55 1234 5678", "llamar al 2222-3333": groups of two to
/// four digits after a word that says they are a phone number.
fn national(text: &str, mexican: bool, phones: &mut Vec<Found>) {
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(&PATTERN, r"\(?\b\d{2,4}\)?(?:[ \-]\d{2,4}){1,4}\b");
    for m in pattern.find_iter(text) {
        let number = digits(m.as_str());
        if !(8..=10).contains(&number.len())
            || !free(phones, m.start(), m.end())
            || !alone(text, m.start(), m.end())
            || !said_before(text, m.start(), 30, PHONE_WORDS)
        {
            continue;
        }
        let canonical = if mexican && number.len() == 10 {
            format!("+52{number}")
        } else {
            number
        };
        phones.push(phone(m.start(), m.end(), canonical));
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonicals;
    use crate::patterns::outlets::Currency;
    use crate::tagger::Context;

    fn phones(text: &str, context: Context) -> Vec<String> {
        canonicals(text, context)
            .into_iter()
            .filter(|(label, _)| label == "PHONE")
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn international_and_north_american_forms_are_e164() {
        assert_eq!(
            phones(
                "Call +52 664 218 4407 or (619) 555-0147, 1-800-555-0199, +34 91 123 45 67.",
                Context::default()
            ),
            [
                "+526642184407",
                "+16195550147",
                "+18005550199",
                "+34911234567"
            ]
        );
    }

    #[test]
    fn national_numbers_need_a_phone_word_and_take_the_sources_country() {
        let mexican = Context {
            currency: Currency::for_source(Some("https://example.com.mx/x"), None),
            ..Context::default()
        };
        assert_eq!(
            phones(
                "al teléfono 55 1234 5678 o 33 4567 8901; en 2023 hubo 12 3456 7890 casos",
                mexican
            ),
            ["+525512345678", "+523345678901"]
        );
        assert_eq!(
            phones("whatsapp 2222-3333", Context::default()),
            ["22223333"]
        );
    }

    #[test]
    fn dates_amounts_ranges_and_codes_are_no_phones() {
        let none: Vec<String> = Vec::new();
        for text in [
            "on 2024-03-05 at 10:30",
            "$555-1234 million",
            "1986-1987 and 100-200-300",
            "rose 12.5 pct to 123.456.7890.1",
            "case 1:23-cr-00123",
            "Tel Aviv 1,234 5678",
            "(012) 555-0147 and 619-055-0147",
            "+5%",
        ] {
            assert_eq!(phones(text, Context::default()), none, "{text}");
        }
    }
}
