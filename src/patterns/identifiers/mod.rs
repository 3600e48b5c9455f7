//! Identifiers investigators pivot on: e-mail addresses, phone numbers, bank accounts (IBAN,
//! SWIFT/BIC), cryptocurrency addresses, vessels and aircraft, and court case numbers. Each
//! is found with the `regex` crate (linear time, whatever the text), validated by its
//! checksum or structure ([`checks`]), and given its normalized form as its canonical name,
//! which is what the index files it under (`/identifier/<LABEL>/<canonical>`).
//!
//! Every kind is gated by a cheap test of the text (an `@`, a `+`, a keyword, a long run of
//! letters and digits) so that most articles, which hold no identifier, cost a few scans.

pub mod bank;
pub mod case;
pub mod checks;
pub mod crypto;
pub mod email;
pub mod phone;
pub mod vessel;

use std::sync::{Arc, OnceLock};

use regex::Regex;

use crate::entity::{Entity, Label, Sense};
use crate::tagger::Context;
use crate::text::Doc;

/// An identifier found in the original text: its byte span there, label, normalized form
/// and kind ("bitcoin", "imo", …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub canonical: String,
    pub kind: Option<&'static str>,
}

/// Appends every identifier of `doc` to `out`, at folded offsets like every other stage's.
pub fn find_identifiers(doc: &Doc<'_>, context: Context, out: &mut Vec<Entity>) {
    let mut found = Vec::new();
    find_in(doc.original, context, &mut found);
    out.extend(found.into_iter().filter_map(|f| entity(doc, f)));
}

/// Every identifier of `text` (original offsets), kind by kind.
pub fn find_in(text: &str, context: Context, found: &mut Vec<Found>) {
    email::find(text, found);
    phone::find(text, context, found);
    bank::find(text, found);
    crypto::find(text, found);
    vessel::find(text, found);
    case::find(text, found);
}

/// `found` as an entity of `doc`'s folded text, if its span maps to one.
pub(crate) fn entity(doc: &Doc<'_>, found: Found) -> Option<Entity> {
    let (start, end) = doc.folded.to_folded(found.start, found.end);
    (start < end).then(|| {
        Entity::new(start, end, found.label).with_sense(Sense {
            canonical: Arc::from(found.canonical),
            category: found.kind.map(Arc::from),
            kb_id: None,
        })
    })
}

/// A regex compiled once for the process. The patterns are the crate's own and tested, so
/// one that does not compile is a bug caught by every test run.
pub(crate) fn compiled(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a built-in identifier pattern compiles"))
}

/// Whether `start..end` of `text` stands alone: no letter, digit or `_` touches it (nor, with
/// `joiners`, one of those characters, such as the `-` or `/` that would make it part of a
/// longer code).
pub(crate) fn stands_alone(text: &str, start: usize, end: usize, joiners: &[char]) -> bool {
    let touches = |c: char| c.is_alphanumeric() || c == '_' || joiners.contains(&c);
    !text[..start].chars().next_back().is_some_and(touches)
        && !text[end..].chars().next().is_some_and(touches)
}

/// Whether one of `words` (lower case) ends within the `reach` bytes before `at`: the
/// keyword that says what a bare number or code is ("tel.", "SWIFT", "tail number").
pub(crate) fn said_before(text: &str, at: usize, reach: usize, words: &[&str]) -> bool {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_lowercase();
    words.iter().any(|w| before.contains(w))
}

#[cfg(test)]
pub(crate) fn canonicals(text: &str, context: Context) -> Vec<(String, String)> {
    let mut found = Vec::new();
    find_in(text, context, &mut found);
    found
        .into_iter()
        .map(|f| (f.label.as_str().to_string(), f.canonical))
        .collect()
}
