//! The input contract: one article per JSONL line (or per text file).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::fingerprint::Fnv1a;

/// An article to tag. Unknown fields are kept in `extra` and written back out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// May be missing in the input: then [`Article::ensure_id`] derives a stable one from the
    /// content.
    #[serde(default, deserialize_with = "string_or_number")]
    pub id: Option<String>,
    /// The headline.
    #[serde(default, deserialize_with = "string_or_number")]
    pub title: Option<String>,
    /// The body text: what is tagged, and what offsets count in.
    pub text: String,
    /// Where the article can be read.
    #[serde(default, deserialize_with = "string_or_number")]
    pub url: Option<String>,
    /// The publication date, `YYYY-MM-DD` (a longer ISO timestamp is read for its date).
    #[serde(default, deserialize_with = "string_or_number")]
    pub published: Option<String>,
    /// The outlet that published it.
    #[serde(default, deserialize_with = "string_or_number")]
    pub source: Option<String>,
    /// Input fields beyond the contract's, carried to the tag output as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
    /// Whether the text was read out of a file (`.html`, `.md`, `.txt`) rather than given in
    /// a JSONL line: the tag output then carries it, as the caller has no other copy of the
    /// text its offsets count in.
    #[serde(skip)]
    pub read_from_file: bool,
}

/// The contract's text fields are strings; a number (an id of 7, a year of 2024) is accepted
/// and kept as its decimal text rather than failing the line.
fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a string or null, found {other}"
            )));
        }
    })
}

impl Article {
    /// An article of `text` alone: no id (one is derived from the content when it is read
    /// from a file or needs one), title, url, date or source.
    pub fn new(text: impl Into<String>) -> Article {
        Article {
            text: text.into(),
            ..Article::default()
        }
    }

    /// Gives the article a stable id derived from its title and text when it has none, so that
    /// the same article always gets the same id.
    pub fn ensure_id(&mut self) {
        if self.id.as_deref().is_none_or(str::is_empty) {
            let mut hash = Fnv1a::default();
            hash.write(self.title.as_deref().unwrap_or("").as_bytes());
            hash.write(&[0]);
            hash.write(self.text.as_bytes());
            self.id = Some(format!("{:016x}", hash.finish()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_kept_and_numbers_are_ids() {
        let a: Article =
            serde_json::from_str(r#"{"id": 7, "text": "x", "lang": "en", "published": 2024}"#)
                .unwrap();
        assert_eq!(a.published.as_deref(), Some("2024"));
        assert_eq!(a.id.as_deref(), Some("7"));
        assert_eq!(a.extra["lang"], "en");
    }

    #[test]
    fn a_missing_id_is_derived_from_the_content() {
        let mut a: Article = serde_json::from_str(r#"{"text": "same"}"#).unwrap();
        let mut b = a.clone();
        a.ensure_id();
        b.ensure_id();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.as_deref().map(str::len), Some(16));
        let mut c: Article = serde_json::from_str(r#"{"text": "other"}"#).unwrap();
        c.ensure_id();
        assert_ne!(a.id, c.id);
    }
}
