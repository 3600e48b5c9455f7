//! The currency table, `lexicons/currencies.txt`: for each ISO 4217 code, the names, symbols
//! and sub-units by which news writes an amount in it.
//!
//! It is a tab-separated file rather than a Rust table because it is data, not logic: a
//! reader adds a currency or a spelling in a spreadsheet, as with the entity lexicons beside
//! it, without reading the code that uses it. Like them it is compiled into the binary
//! (`include_str!`), so `dossier` still runs anywhere; it is read once, on first use, and a
//! bad row is skipped and reported by its line with the lexicons' problems (so
//! `dossier lexicon check` and the lexicon tests name it).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use super::load::{Location, Problem};
use crate::text::word_hash::WordHashing;
use crate::text::{fold, is_word_char};

/// The file's name in messages.
const FILE: &str = "lexicons/currencies.txt";

/// The file's content, compiled in; the tagger's fingerprint hashes it, so an index re-tags
/// its articles when the table changes, as it does when a lexicon changes.
pub(crate) const CONTENT: &str = include_str!("../../lexicons/currencies.txt");

/// The header line, which names the columns.
const HEADER: &str = "code\tnames\tsymbols\tsubunits\tper_unit";

/// How a currency is written next to an amount: the position rules differ (a name follows the
/// amount, a symbol or a code may precede it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// A name of the currency or of its sub-unit: "pesos", "Swiss francs", "cents".
    Name,
    /// A sign or abbreviation: "£", "HK$", "Rs".
    Symbol,
    /// The ISO code, read only in capitals: "USD".
    Code,
}

/// What a written form denotes: a currency, and how many of the written unit make one of it
/// (1 for the currency itself, 100 for cents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Denomination {
    /// The ISO 4217 code.
    pub code: &'static str,
    /// How many of the written unit make one unit of the currency.
    pub per_unit: u32,
    /// A name, a symbol or the code.
    pub written: Written,
}

/// The parsed table. Its maps hash with [`WordHashing`]: a figure looks up the words around
/// it, and std's hash would cost more than the lookups.
#[derive(Debug, Default)]
pub(crate) struct Currencies {
    /// Every name, symbol and code by its key (see [`key`]).
    forms: HashMap<String, Denomination, WordHashing>,
    /// The sub-unit names of each currency, which may follow its amount ("and 20 cents"),
    /// with how many make the unit.
    subunits: HashMap<&'static str, (Vec<String>, u32), WordHashing>,
    /// The first words of the names of several words, so a lookup tries the longer names
    /// only where one can start.
    first_words: HashSet<String, WordHashing>,
    /// The most words in a name.
    longest: usize,
    /// The rows that were skipped, and why.
    pub problems: Vec<Problem>,
}

/// The table compiled into dossier, read on first use.
pub(crate) fn currencies() -> &'static Currencies {
    static TABLE: OnceLock<Currencies> = OnceLock::new();
    TABLE.get_or_init(|| Currencies::parse(FILE, CONTENT))
}

/// A written form as the table and the lookups compare it: folded (lower case, no accents),
/// its words joined by one space ("U.S. dollars" is "u s dollars"), and a symbol without a
/// final period ("Rs." is "rs"). A form without letters or digits ("£") is kept as it is.
pub(crate) fn key(written: &str) -> String {
    let folded = fold(written.trim());
    let words: Vec<&str> = folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let has_sign = folded
        .trim_end_matches('.')
        .chars()
        .any(|c| !is_word_char(c));
    if words.is_empty() || (words.len() == 1 && has_sign) {
        folded.trim_end_matches('.').to_string() // "£", "us$", "cn¥", "s/"
    } else {
        words.join(" ")
    }
}

impl Currencies {
    /// Reads `content` (the text of `file`), keeping the problems of its bad rows.
    pub fn parse(file: &str, content: &'static str) -> Currencies {
        let file: Arc<str> = Arc::from(file);
        let mut table = Currencies::default();
        let mut header_seen = false;
        for (n, line) in content.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let problem = if !header_seen {
                header_seen = true;
                (line != HEADER).then(|| format!("expected the header line `{HEADER}`"))
            } else {
                table.add_row(line).err()
            };
            if let Some(message) = problem {
                let at = Location {
                    file: file.clone(),
                    line: n + 1,
                };
                table.problems.push(Problem { at, message });
            }
        }
        table
    }

    /// Adds one row, or says what is wrong with it (and adds nothing).
    fn add_row(&mut self, line: &'static str) -> Result<(), String> {
        let columns: Vec<&'static str> = line.split('\t').collect();
        let [code, names, symbols, subunits, per_unit] = columns[..] else {
            return Err(format!(
                "expected 5 tab-separated columns (code, names, symbols, subunits, per_unit), found {}",
                columns.len()
            ));
        };
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "`{code}` is not an ISO 4217 code (three capital letters)"
            ));
        }
        if self.subunits.contains_key(code) {
            return Err(format!("{code} has a row already"));
        }
        let per_unit = match (subunits.trim().is_empty(), per_unit.trim()) {
            (true, "") => 1,
            (false, n) => n
                .parse::<u32>()
                .ok()
                .filter(|&n| n >= 2)
                .ok_or_else(|| format!("per_unit `{n}` is not a whole number above 1"))?,
            (true, n) => return Err(format!("per_unit `{n}` is given without subunits")),
        };
        let list = |column: &str| -> Vec<String> {
            column
                .split('|')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(key)
                .collect()
        };
        let (names, symbols, subunits) = (list(names), list(symbols), list(subunits));
        if names.is_empty() {
            return Err(format!("{code} has no name"));
        }
        let unit = |written| Denomination {
            code,
            per_unit: 1,
            written,
        };
        let mut forms: Vec<(String, Denomination)> = Vec::new();
        forms.extend(names.into_iter().map(|n| (n, unit(Written::Name))));
        forms.extend(symbols.into_iter().map(|s| (s, unit(Written::Symbol))));
        forms.push((code.to_ascii_lowercase(), unit(Written::Code)));
        for (form, _) in &forms {
            if let Some(other) = self.forms.get(form).filter(|d| d.code != code) {
                return Err(format!(
                    "`{form}` is given to {} already; a name belongs to one currency",
                    other.code
                ));
            }
        }
        for (form, denomination) in forms {
            self.note_words(&form);
            self.forms.insert(form, denomination);
        }
        for name in &subunits {
            self.note_words(name);
            // A sub-unit name alone means the first currency that lists it.
            self.forms.entry(name.clone()).or_insert(Denomination {
                code,
                per_unit,
                written: Written::Name,
            });
        }
        self.subunits.insert(code, (subunits, per_unit));
        Ok(())
    }

    /// Keeps what the lookups need to know of a form's words.
    fn note_words(&mut self, form: &str) {
        let words = form.split(' ').count();
        self.longest = self.longest.max(words);
        if words > 1 {
            let first = form.split(' ').next().unwrap_or_default();
            self.first_words.insert(first.to_string());
        }
    }

    /// What the written form `key` (as [`key`] makes it) denotes.
    pub fn get(&self, key: &str) -> Option<Denomination> {
        self.forms.get(key).copied()
    }

    /// Whether a name of more than one word can start with `word`.
    pub fn starts_longer_name(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The most words in a name.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// How many of the sub-unit `name` make one unit of `code`, if `name` is one of its
    /// sub-units ("cents" of USD is 100).
    pub fn subunit_of(&self, code: &str, name: &str) -> Option<u32> {
        let (names, per_unit) = self.subunits.get(code)?;
        names.iter().any(|n| n == name).then_some(*per_unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(content: &'static str) -> Currencies {
        Currencies::parse("test.txt", content)
    }

    #[test]
    fn the_table_compiled_in_has_no_problems() {
        let problems: Vec<String> = currencies()
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn forms_are_folded_and_joined() {
        assert_eq!(key("U.S. dollars"), "u s dollars");
        assert_eq!(key("Dólares"), "dolares");
        assert_eq!(key("Rs."), "rs");
        assert_eq!(key("HK$"), "hk$");
        assert_eq!(key("£"), "£");
        assert_eq!(key("D-Mark"), "d mark");
    }

    #[test]
    fn names_symbols_codes_and_subunits() {
        let table = currencies();
        let of = |k: &str| table.get(k).map(|d| (d.code, d.per_unit, d.written));
        assert_eq!(of("dolares"), Some(("USD", 1, Written::Name)));
        assert_eq!(of("swiss francs"), Some(("CHF", 1, Written::Name)));
        assert_eq!(of("french francs"), Some(("FRF", 1, Written::Name)));
        assert_eq!(of("hk$"), Some(("HKD", 1, Written::Symbol)));
        assert_eq!(of("₹"), Some(("INR", 1, Written::Symbol)));
        assert_eq!(of("eur"), Some(("EUR", 1, Written::Code)));
        assert_eq!(of("cents"), Some(("USD", 100, Written::Name)));
        assert_eq!(of("pence"), Some(("GBP", 100, Written::Name)));
        assert_eq!(table.subunit_of("CAD", "cents"), Some(100));
        assert_eq!(table.subunit_of("JPY", "cents"), None);
        assert!(table.starts_longer_name("swiss"));
        assert_eq!(of("$"), None, "the bare dollar sign is the article's");
    }

    #[test]
    fn bad_rows_are_reported_by_their_line_and_skipped() {
        let table = parse(
            "# a comment\n\
             code\tnames\tsymbols\tsubunits\tper_unit\n\
             USD\tdollar|dollars\t\tcent|cents\t100\n\
             usd\tbucks\t\t\t\n\
             CAD\tdollars\tC$\t\t\n\
             JPY\tyen\t\tsen\t\n\
             EUR\teuro\n\
             GBP\tpound\t£\t\t100\n\
             MXN\tpesos\t\tcentavos\t100\n",
        );
        let problems: Vec<String> = table.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems[0].starts_with("test.txt:4: `usd` is not"));
        assert!(problems[1].starts_with("test.txt:5: `dollars` is given to USD"));
        assert!(problems[2].starts_with("test.txt:6: per_unit `` is not"));
        assert!(problems[3].starts_with("test.txt:7: expected 5"));
        assert!(problems[4].starts_with("test.txt:8: per_unit `100` is given without"));
        assert_eq!(table.get("c$"), None, "a bad row adds nothing");
        assert_eq!(table.get("centavos").map(|d| d.code), Some("MXN"));
    }

    #[test]
    fn a_wrong_header_is_reported() {
        let table = parse("code\tname\nUSD\tdollars\t\t\t\n");
        assert_eq!(table.problems.len(), 1);
        assert_eq!(table.problems[0].at.line, 1);
    }
}
