//! Patterns beyond the lexicons: figures, dates, titled people, organization phrases,
//! acronym definitions, URLs and identifiers.

pub mod acronyms;
pub mod codes;
pub mod dates;
pub mod figures;
pub mod fractions;
pub mod identifiers;
pub mod language;
pub mod metonymy;
pub mod money;
pub mod names;
pub mod non_figures;
pub mod numbers;
pub mod organizations;
pub mod outlets;
pub mod places;
pub mod qualifiers;
pub mod ships;
pub mod spanish_numbers;
pub mod units;
pub mod urls;
pub mod user;
pub mod vocabulary;

/// What a pattern stage finds in a text, as the original mentions: the tests of every stage
/// read their results through this.
#[cfg(test)]
pub(crate) fn mentions(
    text: &str,
    stage: impl Fn(&crate::text::Doc<'_>, &[u32], &mut Vec<crate::entity::Entity>),
) -> Vec<String> {
    let doc = crate::text::Doc::new(text);
    let mut found = Vec::new();
    stage(&doc, &vocabulary::classify(&doc), &mut found);
    found
        .iter()
        .map(|e| doc.original_span(e.start, e.end).to_string())
        .collect()
}
