//! Web addresses.

use crate::entity::{Entity, Label};
use crate::text::Doc;

/// Appends every URL of `doc` to `out` (folded offsets).
pub fn find_urls(doc: &Doc<'_>, out: &mut Vec<Entity>) {
    let text = doc.text();
    if !text.contains("http") && !text.contains("www.") {
        return;
    }
    let mut pos = 0;
    while let Some(found) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text[pos..].find(p).map(|i| pos + i))
        .min()
    {
        let starts_word = !doc.word_char_before(found) && !text[..found].ends_with(['/', '.']);
        let end = found
            + text[found..]
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\'' | '`'))
                .unwrap_or(text.len() - found);
        let trimmed = text[found..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
        let url_end = found + trimmed.len();
        if starts_word && trimmed.len() > "www.".len() + 2 && trimmed.contains('.') {
            out.push(Entity::new(found, url_end, Label::URL));
        }
        pos = end.max(found + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_trailing_punctuation() {
        let text = "See https://www.justice.gov/opa/pr/x-123. Or www.cbp.gov, or (http://a.mx/b).";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find_urls(&doc, &mut out);
        let found: Vec<&str> = out.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(
            found,
            [
                "https://www.justice.gov/opa/pr/x-123",
                "www.cbp.gov",
                "http://a.mx/b"
            ]
        );
    }
}
