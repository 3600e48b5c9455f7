//! Figures that describe, locate or point back rather than report an event: "about 400
//! nautical miles southwest of the Galápagos", "the 120-page report", "the two governments", "a
//! city of 530,000 people". An event word elsewhere in their sentence is not theirs, so they
//! take none, or only the one right beside them.

use super::Context;
use super::priced::word_before_hedges;
use crate::entity::Label;

/// Units of length: a distance with a direction after it says where, not how much.
const LENGTHS: &[&str] = &["km", "mi", "nmi", "m", "ft"];

/// Words after a distance that make it a position: "400 miles southwest of", "150 nautical
/// miles off the coast", "40 kilometers from the town", "190 millas al sur de".
fn is_bearing(word: &str) -> bool {
    matches!(
        word,
        "off"
            | "from"
            | "away"
            | "offshore"
            | "inland"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-northeast"
            | "of"
            | "de"
            | "del"
            | "al"
            | "frente"
            | "mar"
    )
}

/// Places a figure can be the size of: "a city of about 530,000 people".
fn is_settlement(word: &str) -> bool {
    matches!(
        word,
        "city"
            | "town"
            | "village"
            | "municipality"
            | "country"
            | "nation"
            | "population"
            | "ciudad"
            | "municipio"
            | "poblacion"
            | "pueblo"
    )
}

/// Articles and demonstratives that make a count point back at what was already said: "the
/// two sides", "those three companies". Not Spanish "los", which comes before any amount
/// ("superior a los 480 millones de pesos").
fn is_definite(word: &str) -> bool {
    matches!(
        word,
        "the" | "these" | "those" | "esos" | "esas" | "estos" | "estas"
    )
}

/// How far the figure's event may be, if it describes or points back: `Some(range)` of the
/// token indices that may name its event, empty when none may; `None` for a figure that
/// reports, whose event the usual search finds.
pub fn event_reach(
    context: &Context<'_>,
    item: Option<&std::ops::Range<usize>>,
) -> Option<std::ops::Range<usize>> {
    let word = |i: usize| context.tokens.get(i).map_or("", |t| t.folded.as_str());
    let figure = context.figure;
    let unit = figure.unit.as_deref().unwrap_or("");
    let after = context.after;
    // "1,740 feet from a warehouse in Tijuana to …" is the length of a thing, not a position.
    let spans = || word(after) == "from" && (after + 1..after + 9).any(|i| word(i) == "to");
    if figure.label == Label::QUANTITY
        && LENGTHS.contains(&unit)
        && is_bearing(word(after))
        && !spans()
    {
        return Some(after..after);
    }
    // "a 120-page report", "a 31-count indictment": an adjective takes the event of the noun
    // it describes, if that noun names one ("indictment"), and no other.
    let text = &context.text[figure.start..figure.end];
    if context.hyphen_glued_end().is_some() || hyphen_adjective(text) {
        return Some(after..after + 1);
    }
    if let Some(before) = word_before_hedges(context)
        && matches!(word(before), "of" | "de")
        && before > 0
        && is_settlement(word(before - 1))
    {
        return Some(after..after);
    }
    // "the two halves of the cartel has killed …": the event beside what is counted, or none.
    if is_definite(word(context.before?)) {
        let end = item.map_or(after, |item| {
            context.tokens.partition_point(|t| t.start < item.end)
        });
        return Some(after..(end + 3).min(context.tokens.len()));
    }
    None
}

/// Whether the figure is written as an adjective, number and unit joined by a hyphen:
/// "30-milligram", "96-unit".
fn hyphen_adjective(text: &str) -> bool {
    text.split_once('-').is_some_and(|(number, word)| {
        number.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_alphabetic())
    })
}
