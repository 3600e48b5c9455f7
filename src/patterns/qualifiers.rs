//! Qualifiers before a figure ("more than", "nearly"; "más de", "casi"), normalized to the
//! contract's six.

use crate::entity::Qualifier;
use crate::text::{Doc, is_word_char};

/// Phrases in folded form, longest first where one ends another ("no more than" before
/// "more than").
const PHRASES: &[(&str, Qualifier)] = &[
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("more than", Qualifier::Over),
    ("over", Qualifier::Over),
    ("above", Qualifier::Over),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("upward of", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("at least", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("up to", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("just under", Qualifier::Nearly),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("some", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("an approximate", Qualifier::About),
    ("circa", Qualifier::About),
    ("an average of", Qualifier::About),
    // Spanish, folded.
    ("no mas de", Qualifier::UpTo),
    ("poco mas de", Qualifier::Over),
    ("mas de", Qualifier::Over),
    ("poco menos de", Qualifier::Nearly),
    ("menos de", Qualifier::Under),
    ("al menos", Qualifier::AtLeast),
    ("por lo menos", Qualifier::AtLeast),
    ("cuando menos", Qualifier::AtLeast),
    ("hasta", Qualifier::UpTo),
    ("casi", Qualifier::Nearly),
    ("cerca de", Qualifier::Nearly),
    ("alrededor de", Qualifier::About),
    ("aproximadamente", Qualifier::About),
    ("unos", Qualifier::About),
    ("unas", Qualifier::About),
];

/// The qualifier written just before folded byte `start`, if any.
pub fn qualifier_before(doc: &Doc<'_>, start: usize) -> Option<Qualifier> {
    let text = doc.text();
    // Most numbers have no qualifier: look at the phrases only when the word before is the
    // last word of one of them.
    let last_word = text[..start]
        .trim_end()
        .trim_end_matches('.')
        .rsplit(|c: char| !is_word_char(c))
        .next()?;
    if !matches!(
        last_word,
        "than"
            | "over"
            | "above"
            | "of"
            | "exceeding"
            | "least"
            | "under"
            | "below"
            | "to"
            | "as"
            | "most"
            | "nearly"
            | "almost"
            | "roughly"
            | "around"
            | "about"
            | "approximately"
            | "approx"
            | "some"
            | "estimated"
            | "circa"
            | "approximate"
            | "de"
            | "menos"
            | "hasta"
            | "casi"
            | "aproximadamente"
            | "unos"
            | "unas"
    ) {
        return None;
    }
    let from = start.saturating_sub(24);
    let from = (from..start)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(start);
    let before = text[from..start].trim_end();
    for &(phrase, qualifier) in PHRASES {
        if let Some(rest) = before.strip_suffix(phrase)
            && !rest.chars().next_back().is_some_and(is_word_char)
        {
            return Some(qualifier);
        }
    }
    None
}

/// A qualifier written after a figure: "2 pesos or more", "30 days or less".
pub fn qualifier_after(after: &str) -> Option<Qualifier> {
    if after.starts_with(" or more") {
        Some(Qualifier::AtLeast)
    } else if after.starts_with(" or less") || after.starts_with(" or fewer") {
        Some(Qualifier::UpTo)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<&'static str> {
        let doc = Doc::new(text);
        let start = doc
            .text()
            .find(|c: char| c.is_ascii_digit() || c == '$')
            .unwrap();
        qualifier_before(&doc, start).map(Qualifier::as_str)
    }

    #[test]
    fn each_phrase_is_normalized() {
        assert_eq!(q("seized more than 300"), Some("over"));
        assert_eq!(q("in excess of $5"), Some("over"));
        assert_eq!(q("at least 12"), Some("at least"));
        assert_eq!(q("fewer than 20"), Some("under"));
        assert_eq!(q("as many as 40"), Some("up to"));
        assert_eq!(q("almost 9"), Some("nearly"));
        assert_eq!(q("an estimated 70"), Some("about"));
        assert_eq!(q("roughly 70"), Some("about"));
        assert_eq!(q("no more than 5"), Some("up to"));
        assert_eq!(q("the 5"), None);
        assert_eq!(q("handsome 5"), None);
    }

    #[test]
    fn spanish_phrases_are_normalized() {
        assert_eq!(q("aseguraron casi 600"), Some("nearly"));
        assert_eq!(q("con más de 300"), Some("over"));
        assert_eq!(q("poco más de 20"), Some("over"));
        assert_eq!(q("menos de 15"), Some("under"));
        assert_eq!(q("alrededor de 9"), Some("about"));
        assert_eq!(q("cerca de 40"), Some("nearly"));
        assert_eq!(q("a unos 190"), Some("about"));
        assert_eq!(q("hasta 50"), Some("up to"));
        assert_eq!(q("aproximadamente 70"), Some("about"));
        assert_eq!(q("al menos 94"), Some("at least"));
        assert_eq!(q("por lo menos 3"), Some("at least"));
        assert_eq!(q("el 2 de 5"), None);
    }
}
