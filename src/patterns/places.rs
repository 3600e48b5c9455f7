//! Places the gazetteer does not know, named by their context: a capitalized name after a
//! locative cue ("near Ayn Isa", "the town of Tepalcatepec", "north of Raqqah"), or a
//! capitalized phrase with a facility head ("Tiyas Military Airfield", "Camp Hurriya",
//! "Tabqa Dam").

use super::vocabulary;
use crate::entity::{Entity, Label};
use crate::text::Doc;

/// The words of a locative cue starting at word `i`: "near" and "outside" alone, every other
/// cue word of the vocabulary ("town", "north", "outskirts") followed by "of".
fn cue_len(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if matches!(doc.word(i), "near" | "outside") {
        return Some(1);
    }
    let of = i + 1;
    let of_word = of < doc.words.len() && matches!(doc.word(of), "of" | "de" | "del");
    (of_word && doc.gap_before(of) == " ").then_some(2)
}

fn is_facility_head(word: &str) -> bool {
    vocabulary::has(word, vocabulary::FACILITY)
}

fn is_leading_facility(word: &str) -> bool {
    vocabulary::has(word, vocabulary::LEADING_FACILITY)
}

/// Words that say what kind of facility or district it is without naming it: "Northern
/// District", "Naval Base", "Federal Highway" are no places until a name follows.
fn is_generic_place_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "middle"
            | "central"
            | "naval"
            | "federal"
            | "military"
            | "air"
            | "national"
            | "state"
            | "international"
            | "judicial"
    )
}

/// Particles inside place names: "Dayr Az Zawr", "Ciudad del Carmen", "al-Bab".
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "as"
            | "az"
            | "ad"
            | "ar"
            | "de"
            | "del"
            | "la"
            | "las"
            | "los"
            | "ash"
            | "an"
    )
}

/// The last word of a place name starting at word `first`: capitalized words and particles,
/// at most five, joined by spaces or hyphens.
fn name_end(doc: &Doc<'_>, first: usize) -> Option<usize> {
    if !doc.is_capitalized(first) || doc.word(first).as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut last = first;
    let mut j = first + 1;
    while j < doc.words.len() && j <= first + 4 && matches!(doc.gap_before(j), " " | "-") {
        let word = doc.word(j);
        if doc.is_capitalized(j)
            || is_particle(word) && j + 1 < doc.words.len() && doc.is_capitalized(j + 1)
        {
            if doc.is_capitalized(j) {
                last = j;
            }
            j += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// Appends every place named by context in `doc` to `out` (folded offsets).
pub fn find_places(doc: &Doc<'_>, classes: &[u32], out: &mut Vec<Entity>) {
    let n = doc.words.len();
    for (i, &class) in classes.iter().enumerate() {
        if class & (vocabulary::PLACE_CUE | vocabulary::FACILITY | vocabulary::LEADING_FACILITY)
            == 0
        {
            continue;
        }
        let word = doc.word(i);
        // A cue, then a name.
        if class & vocabulary::PLACE_CUE != 0
            && let Some(len) = cue_len(doc, i)
            && i + len < n
            && doc.gap_before(i + len) == " "
            && let Some(last) = name_end(doc, i + len)
        {
            let first = i + len;
            out.push(Entity::new(
                doc.words[first].start,
                doc.words[last].end,
                Label::LOCATION,
            ));
        }
        // A facility: "Tiyas Military Airfield", "Camp Hurriya", and the name or number after
        // a generic one: "Naval Base San Diego", "Federal Highway 15".
        if doc.is_capitalized(i) && is_facility_head(word) && i > 0 && doc.gap_before(i) == " " {
            let mut first = i;
            while first > 0
                && doc.gap_before(first) == " "
                && doc.is_capitalized(first - 1)
                && !doc.starts_sentence(first)
            {
                first -= 1;
            }
            let named_after = (i + 1 < n && doc.gap_before(i + 1) == " ")
                .then(|| match doc.word(i + 1).as_bytes()[0].is_ascii_digit() {
                    true => Some(i + 1),
                    false => name_end(doc, i + 1),
                })
                .flatten();
            let generic = (first..i).all(|j| is_generic_place_word(doc.word(j)));
            let last = named_after.unwrap_or(i);
            // "Northern District", "Naval Base" alone name no place.
            if first < i && (!generic || named_after.is_some()) {
                out.push(Entity::new(
                    doc.words[first].start,
                    doc.words[last].end,
                    Label::LOCATION,
                ));
            }
        }
        let titled = |j: usize| {
            vocabulary::has(
                doc.word(j),
                vocabulary::TITLE | vocabulary::TITLE_MODIFIER | vocabulary::ROLE,
            )
        };
        if doc.is_capitalized(i)
            && is_leading_facility(word)
            && i + 1 < n
            && doc.gap_before(i + 1) == " "
            && !titled(i + 1)
            && let Some(last) = name_end(doc, i + 1)
        {
            out.push(Entity::new(
                doc.words[i].start,
                doc.words[last].end,
                Label::LOCATION,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<String> {
        super::super::mentions(text, find_places)
    }

    #[test]
    fn cues_and_facility_heads_name_places() {
        assert_eq!(places("Near Ayn Isa, one strike"), ["Ayn Isa"]);
        assert_eq!(places("near Dayr Az Zawr on"), ["Dayr Az Zawr"]);
        assert_eq!(
            places("in the town of Tepalcatepec, where"),
            ["Tepalcatepec"]
        );
        assert_eq!(
            places("at Tiyas Military Airfield in"),
            ["Tiyas Military Airfield"]
        );
        assert_eq!(places("residents of Camp Hurriya said"), ["Camp Hurriya"]);
    }

    #[test]
    fn spanish_cues_name_places_in_full() {
        assert_eq!(
            places("pobladores de la comunidad de San Juan Capistrano denunciaron"),
            ["San Juan Capistrano"]
        );
        assert_eq!(
            places("en el municipio de Tlajomulco, Jalisco"),
            ["Tlajomulco"]
        );
    }

    #[test]
    fn lower_case_words_after_a_cue_are_not_places() {
        assert!(places("near the border").is_empty());
        assert!(places("a bridge near here").is_empty());
    }
}
