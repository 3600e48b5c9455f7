//! Court case numbers: U.S. federal dockets ("1:23-cr-00123") and Mexican prosecutors' and
//! courts' files ("carpeta de investigación FED/FEMDO/UEIDCS/0001234/2023", "causa penal
//! 345/2022").

use std::sync::OnceLock;

use super::{Found, compiled, stands_alone};
use crate::entity::Label;

/// Appends every case number of `text` to `found`.
pub fn find(text: &str, found: &mut Vec<Found>) {
    federal(text, found);
    mexican(text, found);
}

/// "1:23-cr-00123": the division, the year, the kind of case, its number.
fn federal(text: &str, found: &mut Vec<Found>) {
    if !text.contains(':') {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"(?i)\b\d{1,2}:\d{2}-(?:cr|cv|mj|mc|po|sw|bk|ap|md)-\d{2,6}",
    );
    for m in pattern.find_iter(text) {
        if stands_alone(text, m.start(), m.end(), &[]) {
            found.push(Found {
                start: m.start(),
                end: m.end(),
                label: Label::CASE,
                canonical: m.as_str().to_ascii_lowercase(),
                kind: Some("us_federal"),
            });
        }
    }
}

/// A Mexican file number after the words that name it; it has a digit and a slash.
fn mexican(text: &str, found: &mut Vec<Found>) {
    if !text.contains('/') {
        return;
    }
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = compiled(
        &PATTERN,
        r"(?i)\b(carpeta de investigaci[oó]n|causa penal|averiguaci[oó]n previa)(?:\s+(?:n[uú]mero|n[oº°]\.?|no\.))?:?\s+([A-Z0-9][A-Z0-9./\-]{2,60}[A-Z0-9])",
    );
    for caps in pattern.captures_iter(text) {
        let (Some(kind), Some(number)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let written = number.as_str();
        if !written.contains('/') || !written.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if !stands_alone(text, number.start(), number.end(), &[]) {
            continue;
        }
        let kind = match kind.as_str().to_lowercase().as_str() {
            "causa penal" => "causa_penal",
            k if k.starts_with("averiguaci") => "averiguacion_previa",
            _ => "carpeta_de_investigacion",
        };
        found.push(Found {
            start: number.start(),
            end: number.end(),
            label: Label::CASE,
            canonical: written.to_uppercase(),
            kind: Some(kind),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::canonicals;

    #[test]
    fn federal_dockets_and_mexican_files() {
        let found = canonicals(
            "United States v. Doe, No. 1:23-CR-00123, and 3:24-cv-01876; la carpeta de \
             investigación FED/FEMDO/UEIDCS/0001234/2023 y la causa penal 345/2022. \
             Not 12:30-pm-1 or 2023/24 or a carpeta de investigación abierta.",
            Default::default(),
        );
        let names: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "1:23-cr-00123",
                "3:24-cv-01876",
                "FED/FEMDO/UEIDCS/0001234/2023",
                "345/2022"
            ]
        );
    }
}
