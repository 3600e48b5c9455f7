//! A plain-text or Markdown file is one article: the id is the file name without extension,
//! the title its first non-empty line (without Markdown's `#`), the text the whole file.

use std::path::Path;

use crate::article::Article;

pub fn article(path: &Path, content: Vec<u8>) -> Result<Article, String> {
    let text = String::from_utf8(content)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.trim_start_matches('#').trim().to_string());
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty());
    let mut article = Article {
        id,
        title,
        text,
        ..Article::default()
    };
    article.ensure_id();
    Ok(article)
}
