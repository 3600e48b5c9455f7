//! Finding lexicon names in a document: one Aho-Corasick automaton over the folded text,
//! leftmost-longest, with hits kept only on word boundaries.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::load::{CaseRule, Lexicon, place_in};
use crate::entity::Entity;
use crate::text::{Doc, fold, is_word_char};

/// One way a folded pattern can be read: which entry, and the case it demands.
#[derive(Debug)]
struct Reading {
    entry: usize,
    /// For exact-case names: the upper-case flag of each letter, as written.
    case: Option<Box<[bool]>>,
    /// The name is written in lower case: a common noun ("tank", "yate").
    common_noun: bool,
    /// Where the entry is, folded, when its canonical name says so after a comma ("texas"
    /// for "Odessa, Texas"): a name several entries share is read as this one when the
    /// mention is followed by it ("Odessa, Texas").
    within: Option<Box<str>>,
}

/// A hit of the lexicon in a document (folded byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    /// Whether the name had to match its case exactly (an acronym or a marked name).
    pub exact_case: bool,
}

/// The compiled lexicon: built once, shared read-only by all threads.
#[derive(Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    readings: Vec<Vec<Reading>>,
}

impl Matcher {
    /// Compiles every name of `lexicon` into one automaton.
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, aho_corasick::BuildError> {
        // A BTreeMap keeps pattern ids independent of hashing, so output is deterministic.
        let mut by_pattern: BTreeMap<String, Vec<Reading>> = BTreeMap::new();
        for name in &lexicon.names {
            let case = match name.case {
                CaseRule::Exact => Some(case_flags(&name.written)),
                CaseRule::Fold => None,
            };
            by_pattern
                .entry(fold(&name.written))
                .or_default()
                .push(Reading {
                    entry: name.entry,
                    case,
                    // Written in lower case: a common noun ("tank", "yate").
                    common_noun: !name.written.chars().any(char::is_uppercase),
                    within: place_in(&lexicon.entry_of(name).1.canonical)
                        .map(|place| fold(place).into_boxed_str()),
                });
        }
        let mut patterns = Vec::with_capacity(by_pattern.len());
        let mut readings = Vec::with_capacity(by_pattern.len());
        for (pattern, mut list) in by_pattern {
            // Exact-case readings are more specific: try them first.
            list.sort_by_key(|r| r.case.is_none());
            patterns.push(pattern);
            readings.push(list);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(&patterns)?;
        Ok(Matcher {
            automaton,
            readings,
        })
    }

    /// Appends every accepted hit in `doc` to `hits`, left to right, never overlapping.
    ///
    /// Names start only where words start, so the automaton runs anchored from each word start
    /// (and from a period or apostrophe just before one: ".50 caliber", "'Ndrangheta"): most
    /// words fail within a byte or two, which is faster than scanning every byte.
    pub fn find(&self, doc: &Doc<'_>, hits: &mut Vec<Hit>) {
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut free_from = 0;
        for w in &doc.words {
            if w.start < free_from {
                continue;
            }
            let before = w.start.checked_sub(1).filter(|&p| {
                p >= free_from && matches!(bytes[p], b'.' | b'\'') && !doc.word_char_before(p)
            });
            for start in before.into_iter().chain([w.start]) {
                let Some(found) = self.automaton.find(
                    Input::new(text)
                        .span(start..text.len())
                        .anchored(Anchored::Yes),
                ) else {
                    continue;
                };
                if let Some(hit) =
                    self.accept_longest(doc, start, found.end(), found.pattern().as_usize())
                {
                    free_from = hit.end;
                    hits.push(hit);
                    break;
                }
            }
        }
    }

    /// Tries the match `start..end`, then ever shorter names starting at `start`, and returns
    /// the first that ends on a word boundary and whose case agrees.
    fn accept_longest(
        &self,
        doc: &Doc<'_>,
        start: usize,
        end: usize,
        pattern: usize,
    ) -> Option<Hit> {
        let text = doc.text();
        let (mut end, mut pattern) = (end, pattern);
        loop {
            if let Some(hit) = self.accept(doc, start, end, pattern) {
                return Some(hit);
            }
            if end <= start + 1 {
                return None;
            }
            let shorter = self.automaton.find(
                Input::new(text)
                    .span(start..end - 1)
                    .anchored(Anchored::Yes),
            )?;
            end = shorter.end();
            pattern = shorter.pattern().as_usize();
        }
    }

    fn accept(&self, doc: &Doc<'_>, start: usize, end: usize, pattern: usize) -> Option<Hit> {
        let span_end = word_end(doc, end)?;
        let (orig_start, orig_end) = doc.folded.to_original(start, end);
        let original = &doc.original[orig_start..orig_end];
        let proper = OnceCell::new();
        let mut readings = self.readings[pattern].iter().filter(|r| {
            let case_ok = r
                .case
                .as_deref()
                .is_none_or(|flags| case_flags_match(original, flags));
            // A common noun capitalized inside a sentence is part of a name: "Yates" is
            // not the plural of "yate", nor "Tank" in "Tank Holdings".
            case_ok && !(r.common_noun && *proper.get_or_init(|| is_proper(doc, start, original)))
        });
        let first = readings.next()?;
        // A name several places share: the one whose region follows the mention, else the
        // one the lexicon lists first.
        let after = &doc.text()[span_end..];
        std::iter::once(first)
            .chain(readings)
            .find(|r| {
                r.within
                    .as_deref()
                    .is_some_and(|within| is_followed_by(after, within))
            })
            .or(Some(first))
            .map(|r| Hit {
                start,
                end: span_end,
                entry: r.entry,
                exact_case: r.case.is_some(),
            })
    }
}

/// Whether the folded text `after` a mention names `within` next, as in "Odessa, Texas" or
/// "Odessa (Texas)".
fn is_followed_by(after: &str, within: &str) -> bool {
    let rest = after.trim_start_matches([',', ' ', '(']);
    rest.len() < after.len()
        && rest.starts_with(within)
        && !rest[within.len()..].starts_with(is_word_char)
}

/// Whether `original`, the mention starting at folded byte `start`, is written as a proper
/// name: capitalized (not all capitals) and not at the start of a sentence.
fn is_proper(doc: &Doc<'_>, start: usize, original: &str) -> bool {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let capitalized = letters.next().is_some_and(char::is_uppercase);
    if !capitalized || !letters.any(char::is_lowercase) {
        return false;
    }
    doc.word_starting_at(start)
        .is_some_and(|i| !doc.starts_sentence(i))
}

/// Where a name ending at `end` ends as a mention: at `end` on a word boundary, or after a
/// plural ending ("AK-47s", "cartels", "Taliban's" keeps its possessive outside); `None` if the
/// name stops inside a word ("Colt" in "Coltrane").
fn word_end(doc: &Doc<'_>, end: usize) -> Option<usize> {
    let text = doc.text();
    if !doc.word_char_at(end) || !doc.word_char_before(end) {
        return Some(end);
    }
    let rest = &text[end..];
    for suffix in ["s", "es"] {
        if rest.starts_with(suffix)
            && !rest[suffix.len()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
        {
            return Some(end + suffix.len());
        }
    }
    None
}

fn case_flags(written: &str) -> Box<[bool]> {
    written
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(char::is_uppercase)
        .collect()
}

fn case_flags_match(original: &str, flags: &[bool]) -> bool {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    flags
        .iter()
        .all(|&upper| letters.next().is_some_and(|c| c.is_uppercase() == upper))
        && letters.next().is_none()
}

/// Turns a hit into an entity of the lexicon's entry (folded offsets).
pub fn hit_entity(lexicon: &Lexicon, hit: &Hit) -> Entity {
    let entry = &lexicon.entries[hit.entry];
    Entity::new(hit.start, hit.end, entry.label).with_sense(entry.sense.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "canonical\tlabel\tcategory\taliases\tkb_id\tcase\n";

    /// The mentions (original text) and canonical names the lexicon `rows` finds in `text`.
    fn hits(rows: &str, text: &str) -> Vec<(String, String)> {
        let mut lexicon = Lexicon::default();
        lexicon.add_file("t.tsv", &format!("{HEAD}{rows}"));
        assert!(lexicon.problems.is_empty(), "{:?}", lexicon.problems);
        let matcher = Matcher::new(&lexicon).unwrap();
        let doc = Doc::new(text);
        let mut found = Vec::new();
        matcher.find(&doc, &mut found);
        found
            .iter()
            .map(|h| {
                let (s, e) = doc.folded.to_original(h.start, h.end);
                let canonical = lexicon.entries[h.entry].sense.canonical.to_string();
                (text[s..e].to_string(), canonical)
            })
            .collect()
    }

    fn texts(found: &[(String, String)]) -> Vec<&str> {
        found.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn a_shared_name_is_the_place_that_follows_it_says() {
        let rows = "Odesa\tLOCATION\tcity\tOdessa\t\t\n\
                    Odessa, Texas\tLOCATION\tcity\tOdessa\t\t\n\
                    Texas\tLOCATION\tus_state\t\t\t\n";
        let found = hits(
            rows,
            "Odessa, Texas and Odessa (Texas) are not Odessa on the Black Sea.",
        );
        let read: Vec<(&str, &str)> = found
            .iter()
            .map(|(t, c)| (t.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("Odessa", "Odessa, Texas"),
                ("Texas", "Texas"),
                ("Odessa", "Odessa, Texas"),
                ("Texas", "Texas"),
                ("Odessa", "Odesa")
            ]
        );
        // Two rows whose canonical names do not say where cannot share a name.
        let mut lexicon = Lexicon::default();
        lexicon.add_file(
            "t.tsv",
            &format!("{HEAD}Odesa\tLOCATION\tcity\tOdessa\t\t\nOdessa\tLOCATION\tcity\t\t\t\n"),
        );
        assert_eq!(lexicon.problems.len(), 1);
    }

    #[test]
    fn hits_stop_at_word_boundaries() {
        let rows = "Colt\tORG\tgun_maker\t\t\texact\n";
        assert_eq!(
            texts(&hits(rows, "Coltrane and Colt, not MyColt")),
            ["Colt"]
        );
    }

    #[test]
    fn acronyms_match_only_as_written() {
        let rows = "United States\tLOCATION\tcountry\tUS\t\t\n";
        assert_eq!(texts(&hits(rows, "us and US and Us")), ["US"]);
    }

    #[test]
    fn names_fold_case_accents_and_punctuation() {
        let rows = "Sinaloa Cartel\tORG\tcartel\tCártel de Sinaloa\t\t\n";
        let found = hits(
            rows,
            "the CARTEL DE SINALOA and the cártel de sinaloa, then the sinaloa cartel",
        );
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|(_, c)| c == "Sinaloa Cartel"));
        let rows = "al-Qaeda\tORG\tterrorist\t\t\t\n";
        assert_eq!(texts(&hits(rows, "al–Qaeda’s leaders")), ["al–Qaeda"]);
    }

    #[test]
    fn plurals_are_inside_and_possessives_outside_the_span() {
        let rows = "AK-47\tWEAPON\trifle\t\t\t\nGulf Cartel\tORG\tcartel\t\t\t\n";
        assert_eq!(
            texts(&hits(rows, "AK-47s and the Gulf Cartel's men")),
            ["AK-47s", "Gulf Cartel"]
        );
    }

    #[test]
    fn a_longest_name_that_ends_inside_a_word_gives_way_to_a_shorter_one() {
        let rows = "New York\tLOCATION\tcity\t\t\t\nNew York City\tLOCATION\tcity\t\t\t\n";
        assert_eq!(texts(&hits(rows, "the New York Cityscape")), ["New York"]);
        assert_eq!(
            texts(&hits(rows, "in New York City today")),
            ["New York City"]
        );
    }

    #[test]
    fn a_common_noun_capitalized_inside_a_sentence_is_part_of_a_name() {
        let rows = "tank\tMILITARY_PLATFORM\ttank\t\t\t\n";
        assert_eq!(
            texts(&hits(rows, "Tanks rolled in. A tank and Tank Holdings")),
            ["Tanks", "tank"]
        );
    }

    #[test]
    fn names_may_begin_with_punctuation() {
        let rows = ".50-caliber rifle\tWEAPON\tanti_materiel_rifle\t\t\t\n";
        assert_eq!(
            texts(&hits(rows, "two .50-caliber rifles")),
            [".50-caliber rifles"]
        );
    }
}
