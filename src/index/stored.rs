//! Index documents read back as what was indexed: the article (its stored fields and text)
//! with its entities and facts as typed values, for search hits and the fact table alike.

use serde::de::DeserializeOwned;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

use super::schema::Fields;
use crate::article::Article;
use crate::error::Error;
use crate::tagged::Tagged;

/// The tagged article a document holds. Its `published` is the stored day (YYYY-MM-DD), and
/// input fields beyond the contract's are not kept.
pub(crate) fn tagged(fields: &Fields, doc: &TantivyDocument) -> Result<Tagged, Error> {
    let id = text(doc, fields.id);
    let id_text = id.as_deref().unwrap_or("");
    let entities = parse(doc, fields.entities, "entities", id_text)?;
    let facts = parse(doc, fields.facts, "facts", id_text)?;
    Ok(Tagged {
        article: Article {
            title: text(doc, fields.title),
            text: text(doc, fields.text).unwrap_or_default(),
            url: text(doc, fields.url),
            published: text(doc, fields.published_text),
            source: text(doc, fields.source),
            id,
            ..Article::default()
        },
        entities,
        facts,
    })
}

/// A stored JSON field: the `what` of the article `id`.
fn parse<T: DeserializeOwned>(
    doc: &TantivyDocument,
    field: Field,
    what: &str,
    id: &str,
) -> Result<Vec<T>, Error> {
    let json = doc
        .get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or("[]");
    serde_json::from_str(json).map_err(|e| {
        Error::IndexCorrupt(format!(
            "the {what} stored for article {id} are unreadable ({e})"
        ))
    })
}

/// A stored text field.
fn text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}
