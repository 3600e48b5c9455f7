//! Vessels and aircraft by their registered numbers: "IMO 9321483" (check digit), "MMSI
//! 636019825" (nine digits, a maritime country's first digit), and tail numbers where the
//! text says they are one: U.S. N-numbers ("tail number N512RX") and Mexican registrations
//! ("XA-ABC", "XB-KLM", "XC-LJA").

use std::sync::OnceLock;

use super::checks::is_imo;
use super::{Found, compiled, said_before, stands_alone};
use crate::entity::Label;

/// Appends every vessel and aircraft number of `text` to `found`.
pub fn find(text: &str, found: &mut Vec<Found>) {
    ships(text, found);
    aircraft(text, found);
}

fn ships(text: &str, found: &mut Vec<Found>) {
    if !text.contains("IMO") && !text.contains("MMSI") {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"\b(IMO|MMSI)(?:\s*(?:number|No\.?|n[uú]mero|#))?[\s:.]*(\d{7}|\d{9})\b",
    );
    for caps in pattern.captures_iter(text) {
        let (Some(kind), Some(number)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let digits = number.as_str();
        let valid = match kind.as_str() {
            "IMO" => is_imo(digits),
            _ => digits.len() == 9 && (b'2'..=b'7').contains(&digits.as_bytes()[0]),
        };
        if valid && stands_alone(text, number.start(), number.end(), &['-', '/']) {
            let kind = if kind.as_str() == "IMO" {
                "imo"
            } else {
                "mmsi"
            };
            found.push(Found {
                start: caps.get(0).map_or(number.start(), |m| m.start()),
                end: number.end(),
                label: Label::VESSEL,
                canonical: format!("{} {digits}", kind.to_uppercase()),
                kind: Some(kind),
            });
        }
    }
}

/// Words that say a registration follows.
const AIRCRAFT_WORDS: &[&str] = &[
    "tail number",
    "registration",
    "registered as",
    "matrícula",
    "matricula",
    "aircraft",
    "plane",
    "jet",
    "cessna",
    "beechcraft",
    "learjet",
    "helicopter",
    "avioneta",
    "aeronave",
    "helicóptero",
];

fn aircraft(text: &str, found: &mut Vec<Found>) {
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"\b(?:N[1-9][0-9]{0,4}[A-HJ-NP-Z]{0,2}|X[ABC]-[A-Z]{3,4})\b",
    );
    if !text.contains('N') && !text.contains('X') {
        return;
    }
    for m in pattern.find_iter(text) {
        let written = m.as_str();
        let mexican = written.starts_with('X');
        // An N-number is one letter and at most five characters; only where the text says
        // it is an aircraft's ("N2" is also a model, a road, a gas).
        let n_number = !mexican && written.len() <= 6 && written.len() >= 3;
        if !(mexican || n_number && said_before(text, m.start(), 30, AIRCRAFT_WORDS)) {
            continue;
        }
        if stands_alone(text, m.start(), m.end(), &['-', '/']) {
            found.push(Found {
                start: m.start(),
                end: m.end(),
                label: Label::VESSEL,
                canonical: written.to_string(),
                kind: Some("aircraft"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonicals;

    #[test]
    fn imo_numbers_check_their_digit_and_tail_numbers_need_an_aircraft() {
        let found = canonicals(
            "The tanker (IMO 9074729, MMSI 636019825) and IMO: 9074728; a Cessna with tail \
             number N512RX flew to XB-KLM. Route N2 was shut, and the N512RX memo is no aircraft.",
            Default::default(),
        );
        let names: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(names, ["IMO 9074729", "MMSI 636019825", "N512RX", "XB-KLM"]);
    }
}
