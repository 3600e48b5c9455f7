//! Acronyms defined in the text: "Security Implementation Group (SIG)" makes every "SIG" of the
//! document that organization, overriding whatever the lexicon says "SIG" is.

use crate::entity::{Entity, Label, Sense};
use crate::text::Doc;

/// An acronym and the entity it stands for in one document.
#[derive(Debug, Clone)]
pub struct Definition {
    pub acronym: String,
    pub entity: Entity,
    /// Whether some candidate already has the long form's span.
    pub proposed: bool,
    /// Whether the long form, found by a pattern, took the lexicon's sense of the acronym:
    /// "the Attorney General's Office (FGR)" is the Fiscalía General de la República.
    pub adopted: bool,
}

/// Whether `s` looks like an acronym: 2-10 characters, starting with a capital, at least two
/// capitals making at least half its letters, and only letters, digits, '-', '&' and '.'.
fn is_acronym(s: &str) -> bool {
    let capitals = s.chars().filter(char::is_ascii_uppercase).count();
    let letters = s.chars().filter(char::is_ascii_alphabetic).count();
    (2..=10).contains(&s.chars().count())
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && capitals >= 2
        && capitals * 2 >= letters
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '&' | '.'))
}

/// Finds "Long Form (ACR)" definitions. The long form is the longest candidate entity ending
/// just before the parenthesis, or else a capitalized phrase whose initials spell the acronym
/// (then an ORG).
pub fn find_definitions<E: AsRef<Entity>>(doc: &Doc<'_>, candidates: &[E]) -> Vec<Definition> {
    let text = doc.text();
    // Each "(ACR)" with the " (" before it, where its long form ends. An acronym is ASCII of
    // at most ten characters, which fold to as many bytes: a parenthesis that closes further
    // on holds none, and is not sought to the end of the text from every " (".
    let defined: Vec<(usize, &str)> = text
        .match_indices(" (")
        .filter_map(|(open, _)| {
            let inner_start = open + 2;
            let inner = &text.as_bytes()[inner_start..];
            let close = inner_start + inner.iter().take(11).position(|&b| b == b')')?;
            let acronym = doc.original_span(inner_start, close);
            is_acronym(acronym).then_some((open, acronym))
        })
        .collect();
    if defined.is_empty() {
        return Vec::new();
    }
    // In one pass over the candidates, not one per definition: the starts of those ending at
    // each " (", and the longest of them that can be a long form (the last of equals).
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); defined.len()];
    let mut longest: Vec<Option<&Entity>> = vec![None; defined.len()];
    for c in candidates.iter().map(AsRef::as_ref) {
        let Ok(at) = defined.binary_search_by_key(&c.end, |&(open, _)| open) else {
            continue;
        };
        starts[at].push(c.start);
        let can_be_long = c.start < c.end && !c.label.is_figure() && c.label != Label::DATE;
        if can_be_long && longest[at].is_none_or(|l| c.end - c.start >= l.end - l.start) {
            longest[at] = Some(c);
        }
    }
    let mut definitions = Vec::new();
    for (((open, acronym), longest), starts) in defined.into_iter().zip(longest).zip(starts) {
        let long = longest
            .cloned()
            .or_else(|| initials_phrase(doc, open, acronym));
        if let Some(mut entity) = long {
            let acronym_sense = || {
                let (inner, close) = (open + 2, open + 2 + acronym.len());
                candidates
                    .iter()
                    .map(AsRef::as_ref)
                    .find(|c| c.start == inner && c.end == close && c.label == entity.label)
                    .and_then(|c| c.sense.clone())
            };
            // When the initials of a long form a pattern found do not spell the acronym, the
            // text glosses an acronym the lexicon knows ("the Attorney General's Office
            // (FGR)") rather than defines one ("Security Implementation Group (SIG)").
            let glossed = !spells(doc.original_span(entity.start, entity.end), acronym);
            let adopted = found_by_pattern(&entity)
                && glossed
                && match acronym_sense() {
                    Some(sense) => {
                        entity.sense = Some(sense);
                        true
                    }
                    None => false,
                };
            if entity.sense.is_none() {
                entity.sense = Some(Sense {
                    canonical: doc.original_span(entity.start, entity.end).into(),
                    category: None,
                    kb_id: None,
                });
            }
            definitions.push(Definition {
                acronym: acronym.to_owned(),
                proposed: starts.contains(&entity.start),
                adopted,
                entity,
            });
        }
    }
    definitions
}

/// Whether a pattern found `entity`, not the lexicon: it has no sense, or only its own words
/// as canonical (no category, which every lexicon entry has).
pub fn found_by_pattern(entity: &Entity) -> bool {
    entity.sense.as_ref().is_none_or(|s| s.category.is_none())
}

/// Whether the initials of the capitalized words of `phrase` spell `acronym`'s letters.
fn spells(phrase: &str, acronym: &str) -> bool {
    let initials = phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .map(|c| c.to_lowercase().to_string());
    let letters = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase().to_string());
    initials.eq(letters)
}

/// The capitalized phrase ending at `end` whose words' initials spell `acronym`
/// ("Security Implementation Group" for "SIG"; small words such as "of" may be skipped).
fn initials_phrase(doc: &Doc<'_>, end: usize, acronym: &str) -> Option<Entity> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let last = doc.word_ending_at(end)?;
    let mut want = letters.len();
    let mut j = last;
    loop {
        let word = doc.word(j);
        let small = matches!(
            word,
            "of" | "for" | "and" | "the" | "on" | "de" | "del" | "la"
        );
        if !small {
            if !doc.is_capitalized(j) || want == 0 {
                return None;
            }
            if word.chars().next()? != letters[want - 1] {
                return None;
            }
            want -= 1;
            if want == 0 {
                return Some(Entity::new(doc.words[j].start, end, Label::ORG));
            }
        }
        if j == 0 || !matches!(doc.gap_before(j), " " | "-") {
            return None;
        }
        j -= 1;
    }
}

/// Every mention of a defined acronym, as the entity it stands for (folded offsets). The
/// acronym matches as written, with a plural or possessive allowed after it.
pub fn mentions(doc: &Doc<'_>, definition: &Definition) -> Vec<Entity> {
    let text = doc.text();
    let folded = crate::text::fold(&definition.acronym);
    let mut found = Vec::new();
    for (start, _) in text.match_indices(folded.as_str()) {
        let mut end = start + folded.len();
        if doc.word_char_before(start) {
            continue;
        }
        if doc.word_char_at(end) {
            if text[end..].starts_with('s') && !doc.word_char_at(end + 1) {
                end += 1;
            } else {
                continue;
            }
        }
        let (os, _) = doc.folded.to_original(start, start + folded.len());
        if !doc.original[os..].starts_with(definition.acronym.as_str()) {
            continue; // case differs: "sig" is not "SIG"
        }
        let mut entity = Entity::new(start, end, definition.entity.label);
        entity.sense = definition.entity.sense.clone();
        found.push(entity);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_define_an_acronym() {
        let text =
            "the U.S.-Mexico Security Implementation Group (SIG) met. The SIG’s plan and SIGs.";
        let doc = Doc::new(text);
        let defs = find_definitions::<Entity>(&doc, &[]);
        assert_eq!(defs.len(), 1);
        assert_eq!(
            defs[0].entity.canonical(),
            Some("Security Implementation Group")
        );
        let found = mentions(&doc, &defs[0]);
        let spans: Vec<&str> = found
            .iter()
            .map(|e| doc.original_span(e.start, e.end))
            .collect();
        assert_eq!(spans, ["SIG", "SIG", "SIGs"]);
    }

    #[test]
    fn a_candidate_before_the_parenthesis_is_the_long_form() {
        let text = "Syrian Democratic Forces (SDF) said";
        let doc = Doc::new(text);
        let long = Entity::new(0, 24, Label::ORG);
        let defs = find_definitions(&doc, &[long]);
        assert_eq!(defs[0].acronym, "SDF");
        assert_eq!(defs[0].entity.canonical(), Some("Syrian Democratic Forces"));
    }

    #[test]
    fn words_in_parentheses_are_not_acronyms() {
        let doc = Doc::new("the group (which) and (Reuters) and (R-Texas)");
        assert!(find_definitions::<Entity>(&doc, &[]).is_empty());
    }
}
