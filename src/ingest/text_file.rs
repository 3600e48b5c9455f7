//! A plain-text or Markdown file is one article. It may open with a front-matter block of
//! `key: value` lines between `---` lines (id, title, url, published, source; other keys are
//! kept as extra fields). The title is the front matter's, or else the first non-empty line
//! (without Markdown's `#`), which then is not part of the text, unless it is the only line.

use serde_json::Value;

use crate::article::Article;

/// The article of a plain-text or Markdown file.
pub fn read(content: String) -> Article {
    let mut article = Article::default();
    let body = match front_matter(&content) {
        Some((pairs, body)) => {
            for (key, value) in pairs {
                let value = Some(value.to_string());
                match key.to_ascii_lowercase().as_str() {
                    "id" => article.id = value,
                    "title" => article.title = value,
                    "url" => article.url = value,
                    "published" | "date" => article.published = value,
                    "source" => article.source = value,
                    _ => {
                        article.extra.insert(key.to_string(), Value::from(value));
                    }
                }
            }
            body
        }
        None => content.as_str(),
    };
    let body = body.trim_start_matches(['\n', '\r']);
    article.text = if article.title.is_some() {
        body.trim_end().to_string()
    } else {
        let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
        let title = first.trim().trim_start_matches('#').trim();
        // A file of one line is all text.
        if title.is_empty() || rest.trim().is_empty() {
            body.trim_end().to_string()
        } else {
            article.title = Some(title.to_string());
            rest.trim_start_matches(['\n', '\r']).trim_end().to_string()
        }
    };
    article
}

/// The `key: value` pairs of a front-matter block and the text after it, if `content` opens
/// with one (`---`, the pairs, then `---` or `...`). Values lose surrounding quotes; empty
/// values are left out.
fn front_matter(content: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let rest = content
        .strip_prefix("---\n")
        .or_else(|| content.strip_prefix("---\r\n"))?;
    let mut pairs = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some((pairs, &rest[offset..]));
        }
        let (key, value) = line.split_once(':')?;
        let value = value.trim().trim_matches('"').trim_matches('\'').trim();
        if !value.is_empty() {
            pairs.push((key.trim(), value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fills_the_fields_and_the_heading_is_the_title() {
        let file = "---\nid: md-1\npublished: 2023-04-18\nsource: \"Frontera Report\"\n\
                    author: A. Writer\n---\n# Rifles seized\n\nNOGALES — Agents seized rifles.\n";
        let article = read(file.to_string());
        assert_eq!(article.id.as_deref(), Some("md-1"));
        assert_eq!(article.published.as_deref(), Some("2023-04-18"));
        assert_eq!(article.source.as_deref(), Some("Frontera Report"));
        assert_eq!(article.title.as_deref(), Some("Rifles seized"));
        assert_eq!(article.text, "NOGALES — Agents seized rifles.");
        assert_eq!(article.extra["author"], "A. Writer");
    }

    #[test]
    fn without_front_matter_the_first_line_is_the_title() {
        let article = read("Title line\n\nBody.\n".to_string());
        assert_eq!(article.title.as_deref(), Some("Title line"));
        assert_eq!(article.text, "Body.");
        assert_eq!(article.id, None);
        let one_line = read("Fentanyl seized in El Paso.\n".to_string());
        assert_eq!(
            (one_line.title, one_line.text.as_str()),
            (None, "Fentanyl seized in El Paso.")
        );
    }
}
