//! The passage of a hit's text a person reads: around the matched terms, or the opening
//! when no term is in the text (as for a query on canonical names only).

use std::ops::Range;

use tantivy::snippet::SnippetGenerator;

/// Longest snippet, in characters.
pub(crate) const SNIPPET_CHARS: usize = 240;

/// The passage of `text` to show, and the byte ranges in it of the matched terms.
pub(crate) fn snippet(generator: &SnippetGenerator, text: &str) -> (String, Vec<Range<usize>>) {
    let snippet = generator.snippet(text);
    if snippet.fragment().is_empty() {
        (lead(text), Vec::new())
    } else {
        excerpt(text, snippet.fragment_range(), snippet.highlighted())
    }
}

/// A passage of `text` with an ellipsis where it is cut, and its highlights moved to match.
fn excerpt(
    text: &str,
    range: Range<usize>,
    highlights: &[Range<usize>],
) -> (String, Vec<Range<usize>>) {
    let mut passage = String::new();
    if range.start > 0 {
        passage.push_str("… ");
    }
    let shift = passage.len();
    passage.push_str(&text[range.clone()]);
    if range.end < text.trim_end().len() {
        passage.push_str(" …");
    }
    let highlights = highlights
        .iter()
        .map(|h| h.start + shift..h.end + shift)
        .collect();
    (passage, highlights)
}

/// The opening of a text, cut at a word boundary, when no query term is in it to show.
fn lead(text: &str) -> String {
    let text = text.trim_start();
    if text.chars().count() <= SNIPPET_CHARS {
        return text.trim_end().to_string();
    }
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
    format!("{} …", text[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_are_cut_at_a_word() {
        let text = "word ".repeat(100);
        let lead = lead(&text);
        assert!(lead.len() <= SNIPPET_CHARS + 4 && lead.ends_with("word …"));
    }
}
