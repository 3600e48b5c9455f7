//! A user's own identifier patterns: `label<TAB>regex<TAB>options` rows from `--patterns
//! FILE` or a `patterns.tsv` in `--lexicons DIR`. All rows run as one `RegexSet` pass over
//! the text, and only the rows that matched run again for their spans. The regex crate
//! matches in linear time, and the limits below keep a hostile row from taking the
//! memory or the time of a run: a row past them is reported as `file:line: …` and skipped,
//! as a bad lexicon row is.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::identifiers::{Found, checks, entity};
use crate::entity::{Entity, Label};
use crate::lexicon::{Location, Problem};
use crate::text::Doc;

/// At most this many rows load; the rest are reported.
pub const MAX_ROWS: usize = 256;
/// The longest regex a row may have, in bytes.
pub const MAX_PATTERN: usize = 1_000;
/// What one row's compiled program, and its lazy DFA, may take (bytes).
const ROW_LIMIT: usize = 1 << 20;
/// What the set of all rows may take (bytes).
const SET_LIMIT: usize = 32 << 20;

/// How a match becomes the canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Normalize {
    AsWritten,
    Digits,
    Upper,
    Lower,
}

/// A built-in check a user's match must pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validator {
    Iban,
    Bic,
    Imo,
    Bitcoin,
    Ethereum,
    Tron,
}

/// The validators a row may name, by name.
const VALIDATORS: &[(&str, Validator)] = &[
    ("iban", Validator::Iban),
    ("bic", Validator::Bic),
    ("imo", Validator::Imo),
    ("bitcoin", Validator::Bitcoin),
    ("ethereum", Validator::Ethereum),
    ("tron", Validator::Tron),
];

impl Validator {
    /// Whether the normalized match `s` passes.
    fn accepts(self, s: &str) -> bool {
        let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        match self {
            Validator::Iban => checks::is_iban(&squeezed.to_ascii_uppercase()),
            Validator::Bic => checks::is_bic(&squeezed.to_ascii_uppercase()),
            Validator::Imo => {
                checks::is_imo(squeezed.trim_start_matches(|c: char| !c.is_ascii_digit()))
            }
            Validator::Bitcoin => {
                matches!(checks::base58check_version(&squeezed), Some(0x00 | 0x05))
                    || checks::is_segwit(&squeezed, "bc")
            }
            Validator::Ethereum => squeezed.strip_prefix("0x").is_some_and(|hex| {
                hex.len() == 40
                    && hex.bytes().all(|b| b.is_ascii_hexdigit())
                    && checks::is_eip55(hex)
            }),
            Validator::Tron => checks::base58check_version(&squeezed) == Some(0x41),
        }
    }
}

#[derive(Debug, Clone)]
struct Row {
    label: Label,
    regex: Regex,
    normalize: Normalize,
    validator: Option<Validator>,
}

/// The compiled rows of every pattern file loaded.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    rows: Vec<Row>,
    /// Every row's regex, in row order: one pass tells which rows match at all.
    set: Option<RegexSet>,
}

impl Patterns {
    /// The number of rows loaded per label, in first-seen order.
    pub fn counts(&self) -> Vec<(Label, usize)> {
        let mut counts: Vec<(Label, usize)> = Vec::new();
        for row in &self.rows {
            match counts.iter_mut().find(|(l, _)| *l == row.label) {
                Some(c) => c.1 += 1,
                None => counts.push((row.label, 1)),
            }
        }
        counts
    }

    /// Parses the pattern file `file` with `content`, adding its good rows; the bad ones are
    /// returned as problems.
    pub fn add_file(&mut self, file: &str, content: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let file: std::sync::Arc<str> = std::sync::Arc::from(file);
        for (index, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let line = if index == 0 {
                line.trim_start_matches('\u{feff}')
            } else {
                line
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = Location {
                file: file.clone(),
                line: index + 1,
            };
            if self.rows.len() == MAX_ROWS {
                problems.push(Problem {
                    at,
                    message: format!(
                        "more than {MAX_ROWS} pattern rows: this row and the rest were not loaded"
                    ),
                });
                break;
            }
            match parse_row(line) {
                Ok(row) => self.rows.push(row),
                Err(message) => problems.push(Problem { at, message }),
            }
        }
        let patterns = self.rows.iter().map(|r| r.regex.as_str());
        match RegexSetBuilder::new(patterns)
            .size_limit(SET_LIMIT)
            .dfa_size_limit(SET_LIMIT)
            .build()
        {
            Ok(set) => self.set = Some(set),
            Err(e) => {
                // Rows that compile one by one but not together: the file's rows are dropped.
                problems.push(Problem {
                    at: Location { file, line: 1 },
                    message: format!(
                        "the patterns together are too large to compile ({e}); none were loaded"
                    ),
                });
                self.rows.clear();
                self.set = None;
            }
        }
        problems
    }

    /// Appends what the rows find in `doc` to `out` (folded offsets).
    pub fn find(&self, doc: &Doc<'_>, out: &mut Vec<Entity>) {
        let Some(set) = &self.set else {
            return;
        };
        let text = doc.original;
        for index in set.matches(text).iter() {
            let row = &self.rows[index];
            for m in row.regex.find_iter(text).filter(|m| !m.is_empty()) {
                let canonical = match row.normalize {
                    Normalize::AsWritten => m.as_str().to_string(),
                    Normalize::Digits => m.as_str().chars().filter(char::is_ascii_digit).collect(),
                    Normalize::Upper => m.as_str().to_uppercase(),
                    Normalize::Lower => m.as_str().to_lowercase(),
                };
                if canonical.trim().is_empty()
                    || row.validator.is_some_and(|v| !v.accepts(&canonical))
                {
                    continue;
                }
                let found = Found {
                    start: m.start(),
                    end: m.end(),
                    label: row.label,
                    canonical,
                    kind: None,
                };
                out.extend(entity(doc, found));
            }
        }
    }
}

/// A label a pattern may give: UPPER_SNAKE ASCII, not a built-in label other than the
/// identifiers (a pattern may add a format of PHONE or CASE, not make figures or names).
fn label(name: &str) -> Result<Label, String> {
    let snake = !name.is_empty()
        && name.len() <= 32
        && name.as_bytes()[0].is_ascii_uppercase()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    if !snake {
        return Err(format!(
            "label '{name}' must be UPPER_SNAKE ASCII (A-Z, 0-9, _; at most 32), such as WALLET or CASE_CO"
        ));
    }
    if let Some(built_in) = Label::built_in(name)
        && !built_in.is_identifier()
    {
        return Err(format!(
            "label '{name}' is a built-in label that patterns cannot give: use an identifier label ({}) or a new one",
            Label::IDENTIFIERS
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if name == crate::tagger::IGNORE {
        return Err("label 'IGNORE' only hides lexicon names: use another".to_string());
    }
    let label = Label::intern(name);
    label.mark_identifier();
    Ok(label)
}

/// The row on `line`, or what is wrong with it.
fn parse_row(line: &str) -> Result<Row, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if !(2..=3).contains(&fields.len()) {
        return Err(format!(
            "expected label<TAB>regex<TAB>options (options may be left out), found {} column(s)",
            fields.len()
        ));
    }
    let label = label(fields[0].trim())?;
    let written = fields[1];
    if written.is_empty() {
        return Err("the regex is empty".to_string());
    }
    if written.len() > MAX_PATTERN {
        return Err(format!(
            "the regex is {} bytes long: at most {MAX_PATTERN} are allowed",
            written.len()
        ));
    }
    let (mut insensitive, mut words, mut normalize, mut validator) =
        (false, false, Normalize::AsWritten, None);
    for option in fields
        .get(2)
        .unwrap_or(&"")
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        match option {
            "i" | "case-insensitive" => insensitive = true,
            "word" | "words" => words = true,
            "digits" => normalize = Normalize::Digits,
            "upper" => normalize = Normalize::Upper,
            "lower" => normalize = Normalize::Lower,
            other => {
                let name = other.strip_prefix("validate=").ok_or_else(|| {
                    format!(
                        "unknown option '{other}': use case-insensitive, word, digits, upper, lower or validate=NAME"
                    )
                })?;
                let found = VALIDATORS.iter().find(|(n, _)| *n == name).ok_or_else(|| {
                    format!(
                        "unknown validator '{name}': use one of {}",
                        VALIDATORS
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
                validator = Some(found.1);
            }
        }
    }
    let mut pattern = format!("(?:{written})");
    if words {
        pattern = format!(r"\b{pattern}\b");
    }
    if insensitive {
        pattern = format!("(?i){pattern}");
    }
    // The row's own text is checked first, so the message points at what the user wrote.
    let regex = RegexBuilder::new(written)
        .size_limit(ROW_LIMIT)
        .dfa_size_limit(ROW_LIMIT)
        .build()
        .and_then(|_| {
            RegexBuilder::new(&pattern)
                .size_limit(ROW_LIMIT)
                .dfa_size_limit(ROW_LIMIT)
                .build()
        })
        .map_err(|e| format!("bad regex: {}", one_line(&e.to_string())))?;
    Ok(Row {
        label,
        regex,
        normalize,
        validator,
    })
}

/// The regex crate's message on one line, as `file:line: message` reports are.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(content: &str) -> (Patterns, Vec<String>) {
        let mut patterns = Patterns::default();
        let problems = patterns.add_file("p.tsv", content);
        (patterns, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn rows_find_normalize_and_validate() {
        let (patterns, problems) = load(
            "# user patterns\nCASE_CO\tradicado\\s+\\d{5}-\\d{2}\tcase-insensitive,word,digits\n\
             ACCOUNT\t[A-Z]{2}\\d{2}[A-Z0-9]{10,30}\tvalidate=iban\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let text = "Radicado 12345-67; cuentas DE89370400440532013000 y DE89370400440532013001.";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        patterns.find(&doc, &mut out);
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|e| (e.label.as_str(), e.canonical().unwrap_or("")))
            .collect();
        assert_eq!(
            got,
            [
                ("CASE_CO", "1234567"),
                ("ACCOUNT", "DE89370400440532013000")
            ]
        );
        assert!(Label::intern("ACCOUNT").is_identifier());
    }

    #[test]
    fn bad_rows_are_reported_at_their_line_and_skipped() {
        let (patterns, problems) = load(
            "ok_label\tx\nORG\tx\nGOOD\t(unclosed\nGOOD\tx\tloud\nGOOD\tx\tvalidate=luhn\n\
             GOOD\t\\w{1000}{1000}\nGOOD\tabc\n",
        );
        assert_eq!(patterns.rows.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("p.tsv:1: label 'ok_label' must be UPPER_SNAKE"));
        assert!(problems[1].starts_with("p.tsv:2: label 'ORG' is a built-in label"));
        assert!(problems[2].starts_with("p.tsv:3: bad regex: regex parse error"));
        assert!(problems[3].starts_with("p.tsv:4: unknown option 'loud'"));
        assert!(problems[4].starts_with("p.tsv:5: unknown validator 'luhn'"));
        assert!(
            problems[5].starts_with("p.tsv:6: bad regex"),
            "{}",
            problems[5]
        );
    }
}
