//! An article as an OpenSearch document: the record `dossier tag` writes for it (entities and
//! facts with code point offsets, unknown input fields included) with its text, and the
//! fields dossier's own index searches and counts: the facets, the language, the publication
//! date and the figures' base values. The facets come from [`Filing`], as the tantivy
//! index's do, so a facet value means the same in both.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Map;

use crate::index::document::Filing;
use crate::index::facets::value_below_dimension;
use crate::index::schema::MEASURES;
use crate::sink::jsonl;
use crate::tagged::Tagged;

/// The fields the export adds to the tag output's record. An input field of one of these
/// names is left out of the document, as the added field takes its place.
pub const ADDED_FIELDS: &[&str] = &[
    "language",
    "published_date",
    "facet",
    "facet_top",
    "kg",
    "usd",
    "percent",
];

/// The fields the export adds, as they serialize.
#[derive(Serialize)]
struct Added {
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    /// The publication date's first day (YYYY-MM-DD), for date ranges and histograms.
    #[serde(skip_serializing_if = "Option::is_none")]
    published_date: Option<String>,
    /// Every facet value, by dimension, as its path below the dimension ("rifle/AR-15",
    /// "2024/03"): what `dossier search --json` counts and `--filter` takes.
    facet: Map<String, serde_json::Value>,
    /// The first level of the facets that have two (a weapon's category, a year), by
    /// dimension, so a search cluster can count and filter them as dossier does.
    facet_top: Map<String, serde_json::Value>,
    /// The figures' values by measure, in its base unit.
    #[serde(flatten)]
    measures: Map<String, serde_json::Value>,
}

/// The document of `tagged`: its JSON object, with no newline.
pub fn document(tagged: &Tagged) -> Vec<u8> {
    let tagged = without_added_fields(tagged);
    let filing = Filing::of(&tagged);
    let mut facet: Map<String, serde_json::Value> = Map::new();
    let mut facet_top: Map<String, serde_json::Value> = Map::new();
    for path in filing.facets() {
        let segments = path.to_path();
        let dimension = segments[0].to_string();
        push_once(&mut facet, &dimension, value_below_dimension(&path));
        if segments.len() > 2 {
            push_once(&mut facet_top, &dimension, segments[1].to_string());
        }
    }
    let mut measures = Map::new();
    for &(measure, value) in &filing.measures {
        push(&mut measures, MEASURES[measure].0, value.into());
    }
    let language = facet
        .get(crate::index::schema::LANGUAGE)
        .and_then(|v| v[0].as_str())
        .map(str::to_string);
    let added = Added {
        language,
        published_date: filing.published.map(|d| d.first_day.to_string()),
        facet,
        facet_top,
        measures,
    };
    let mut out = Vec::with_capacity(tagged.article.text.len() * 2 + 512);
    jsonl::write_fields(&tagged, true, &mut out);
    out.push(b',');
    // Writing to a Vec cannot fail, and every field serializes; the object's `{` is dropped
    // so its fields continue the record's.
    let added = serde_json::to_vec(&added).unwrap_or_else(|_| b"{}".to_vec());
    out.extend_from_slice(&added[1..]);
    out
}

/// `tagged`, less the input fields whose names the export adds (cloned only then, which
/// is rare).
fn without_added_fields(tagged: &Tagged) -> Cow<'_, Tagged> {
    let extra = &tagged.article.extra;
    if !ADDED_FIELDS.iter().any(|name| extra.contains_key(*name)) {
        return Cow::Borrowed(tagged);
    }
    let mut owned = tagged.clone();
    for name in ADDED_FIELDS {
        owned.article.extra.remove(*name);
    }
    Cow::Owned(owned)
}

/// Adds `value` to the array under `key`, unless it holds it.
fn push_once(map: &mut Map<String, serde_json::Value>, key: &str, value: String) {
    let value = serde_json::Value::String(value);
    let values = map.entry(key).or_insert_with(|| serde_json::json!([]));
    if let Some(values) = values.as_array_mut()
        && !values.contains(&value)
    {
        values.push(value);
    }
}

/// Adds `value` to the array under `key`.
fn push(map: &mut Map<String, serde_json::Value>, key: &str, value: serde_json::Value) {
    if let Some(values) = map
        .entry(key)
        .or_insert_with(|| serde_json::json!([]))
        .as_array_mut()
    {
        values.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::tagger::Tagger;

    fn document_of(article: Article) -> serde_json::Value {
        let tagger = Tagger::builtin().unwrap();
        serde_json::from_slice(&document(&tagger.annotate(article))).unwrap()
    }

    #[test]
    fn a_document_is_the_tag_record_with_its_facets() {
        let mut article =
            Article::new("The Sinaloa Cartel moved 300 kilograms of fentanyl and 40 AK-47 rifles.");
        article.id = Some("a".into());
        article.published = Some("2024-03".into());
        let doc = document_of(article);
        assert_eq!(doc["id"], "a");
        assert_eq!(doc["published"], "2024-03");
        assert_eq!(doc["published_date"], "2024-03-01");
        assert_eq!(doc["facet"]["org"][0], "Sinaloa Cartel");
        assert_eq!(doc["facet"]["published"][0], "2024/03");
        assert_eq!(doc["facet_top"]["published"][0], "2024");
        assert_eq!(doc["facet"]["weapon"][0], "rifle/AK-47");
        assert_eq!(doc["facet_top"]["weapon"][0], "rifle");
        assert_eq!(doc["kg"][0], 300.0);
        assert!(doc["text"].as_str().unwrap().starts_with("The Sinaloa"));
        assert_eq!(doc["facts"][0]["value_base"], 300);
    }

    #[test]
    fn an_input_field_named_as_an_added_field_gives_way() {
        let mut article = Article::new("Soldiers seized 40 rifles.");
        article.extra.insert("facet".into(), "mine".into());
        article.extra.insert("desk".into(), "north".into());
        let doc = document_of(article);
        assert!(doc["facet"].is_object(), "{doc}");
        assert_eq!(doc["desk"], "north");
    }
}
