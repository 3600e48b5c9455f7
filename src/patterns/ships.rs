//! Warships by name: a navy's ship prefix and the name after it ("USS Mahan", "HMS Ocean",
//! "FS Charles de Gaulle", "ARM Reformador"), and a hull number in parentheses after the name
//! ("USS Hopper (DDG 70)"), which names the same ship.

use std::sync::Arc;

use super::vocabulary;
use crate::entity::{Entity, Label, Sense};
use crate::text::Doc;

/// Particles allowed inside a ship's name ("Charles de Gaulle").
fn is_particle(word: &str) -> bool {
    matches!(word, "de" | "del" | "la" | "of" | "the" | "van")
}

/// Appends every named warship (and hull number) of `doc` to `out` (folded offsets).
pub fn find_ships(doc: &Doc<'_>, classes: &[u32], out: &mut Vec<Entity>) {
    let mut i = 0;
    while i + 1 < doc.words.len() {
        let is_prefix = classes[i] & vocabulary::SHIP_PREFIX != 0
            && vocabulary::SHIP_PREFIXES.contains(&doc.original_word(i));
        if !is_prefix || doc.gap_before(i + 1) != " " || !doc.is_capitalized(i + 1) {
            i += 1;
            continue;
        }
        let mut last = i + 1;
        let mut j = i + 2;
        while j < doc.words.len() && j <= i + 5 && matches!(doc.gap_before(j), " " | "-") {
            if doc.is_capitalized(j) {
                last = j;
            } else if !is_particle(doc.word(j)) {
                break;
            }
            j += 1;
        }
        let (start, end) = (doc.words[i].start, doc.words[last].end);
        let sense = Sense {
            canonical: Arc::from(doc.original_span(start, end)),
            category: Some(Arc::from("ship")),
            kb_id: None,
        };
        out.push(Entity::new(start, end, Label::MILITARY_PLATFORM).with_sense(sense.clone()));
        if let Some(hull) = hull_number(doc, last) {
            out.push(Entity::new(hull.0, hull.1, Label::MILITARY_PLATFORM).with_sense(sense));
        }
        i = last + 1;
    }
}

/// A hull number in parentheses after word `last`: "(DDG 70)", "(L 12)", "(CVN-78)".
fn hull_number(doc: &Doc<'_>, last: usize) -> Option<(usize, usize)> {
    let letters = last + 1;
    let digits = last + 2;
    if digits >= doc.words.len() || doc.gap_before(letters) != " (" {
        return None;
    }
    let code = doc.original_word(letters);
    let number = doc.word(digits);
    let closes = doc.gap_after(digits).starts_with(')');
    let code_ok = (1..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    let number_ok = number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit());
    (code_ok && number_ok && closes && matches!(doc.gap_before(digits), " " | "-"))
        .then(|| (doc.words[letters].start, doc.words[digits].end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ships(text: &str) -> Vec<String> {
        super::super::mentions(text, find_ships)
    }

    #[test]
    fn prefixed_names_and_hull_numbers_are_ships() {
        assert_eq!(
            ships("the destroyer USS Hopper (DDG 70) sailed"),
            ["USS Hopper", "DDG 70"]
        );
        assert_eq!(
            ships("aboard FS Charles de Gaulle, the"),
            ["FS Charles de Gaulle"]
        );
        assert_eq!(ships("HMS Ocean (L 12) and"), ["HMS Ocean", "L 12"]);
    }

    #[test]
    fn a_prefix_alone_or_in_lower_case_is_not_a_ship() {
        assert!(ships("the USS and then").is_empty());
        assert!(ships("uss Hopper").is_empty());
    }
}
