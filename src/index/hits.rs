//! Search hits as a person reads them: the stored fields of each ranked document, and a
//! passage of its text around the matched terms (or its opening when no term is in the
//! text, as for a query on canonical names only).

use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::document::{stored_day, stored_text};
use super::schema::Fields;
use super::search::{Hit, SearchError};

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 240;

/// The stored fields and a snippet of each ranked document.
pub fn hits(
    searcher: &Searcher,
    fields: &Fields,
    text_query: &dyn Query,
    ranked: Vec<(Option<f32>, DocAddress)>,
) -> Result<Vec<Hit>, SearchError> {
    let mut snippets = SnippetGenerator::create(searcher, text_query, fields.text)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, address) in ranked {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| stored_text(&doc, field);
        let full_text = text(fields.text).unwrap_or_default();
        let snippet = snippets.snippet(&full_text);
        let (snippet, highlights) = if snippet.fragment().is_empty() {
            (lead(&full_text), Vec::new())
        } else {
            excerpt(&full_text, snippet.fragment_range(), snippet.highlighted())
        };
        let published = stored_day(&doc, fields.published);
        hits.push(Hit {
            id: text(fields.id).unwrap_or_default(),
            title: text(fields.title),
            url: text(fields.url),
            published,
            source: text(fields.source),
            score,
            snippet,
            highlights,
            entities: text(fields.entities).unwrap_or_else(|| "[]".to_string()),
        });
    }
    Ok(hits)
}

/// A passage of `text` with an ellipsis where it is cut, and its highlights moved to match.
fn excerpt(
    text: &str,
    range: std::ops::Range<usize>,
    highlights: &[std::ops::Range<usize>],
) -> (String, Vec<std::ops::Range<usize>>) {
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
