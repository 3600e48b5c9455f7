//! A plain-text or Markdown file is one article: the id is the file name without extension,
//! the title its first non-empty line (without Markdown's `#`), the text the whole file.

/// The text and title of a plain-text or Markdown file.
pub fn text_and_title(text: String) -> (String, Option<String>) {
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.trim_start_matches('#').trim().to_string());
    (text, title)
}
