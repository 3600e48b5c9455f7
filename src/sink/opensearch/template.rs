//! The index template: settings and mapping for the documents of [`super::source`], made from
//! the declarations of dossier's own index schema, so that a dimension or a measure added
//! there is mapped here too. It is a composable index template, which OpenSearch (1.x, 2.x)
//! and Elasticsearch (7.8 and later) both take at `PUT _index_template/NAME`.

use serde_json::{Map, Value, json};

use crate::index::schema::{DIMENSIONS, LANGUAGE, MEASURES, PUBLISHED, SOURCE, STOP_WORDS};

/// The index names the template applies to: `dossier`, `dossier-2025` …
pub const INDEX_PATTERN: &str = "dossier*";

/// The analyser of the title, the text and the names: words, lower case, dossier's stop
/// words, accents folded, English stems, as dossier's own index reads them.
const ENGLISH: &str = "dossier_english";
/// The same with Spanish stems and stop words, for the `.es` subfields.
const SPANISH: &str = "dossier_spanish";

/// The template as JSON.
pub fn index_template() -> Value {
    json!({
        "index_patterns": [INDEX_PATTERN],
        "template": {
            "settings": { "analysis": analysis() },
            "mappings": mappings(),
        },
        "_meta": {
            "description": "dossier articles: text, tags as facets, figures, facts",
            "made_by": concat!("dossier ", env!("CARGO_PKG_VERSION")),
        },
    })
}

fn analysis() -> Value {
    json!({
        "filter": {
            "dossier_stop": { "type": "stop", "stopwords": STOP_WORDS },
            "dossier_english_stem": { "type": "stemmer", "language": "porter2" },
            "dossier_spanish_stop": { "type": "stop", "stopwords": "_spanish_" },
            "dossier_spanish_stem": { "type": "stemmer", "language": "spanish" },
        },
        "analyzer": {
            ENGLISH: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "dossier_stop", "asciifolding", "dossier_english_stem"],
            },
            SPANISH: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "dossier_spanish_stop", "asciifolding", "dossier_spanish_stem"],
            },
        },
    })
}

/// A full-text field read as dossier reads it, with Spanish stems in `.es`.
fn full_text() -> Value {
    json!({
        "type": "text",
        "analyzer": ENGLISH,
        "fields": { "es": { "type": "text", "analyzer": SPANISH } },
    })
}

fn keyword() -> Value {
    json!({ "type": "keyword" })
}

/// A keyword for exact filters and counts, whose words can also be searched.
fn keyword_and_text() -> Value {
    json!({ "type": "text", "analyzer": ENGLISH, "fields": { "keyword": keyword() } })
}

/// The facet dimensions: every tag dimension, and the source, language and month.
fn facet_dimensions() -> impl Iterator<Item = &'static str> {
    DIMENSIONS
        .iter()
        .map(|d| d.name)
        .chain([SOURCE, LANGUAGE, PUBLISHED])
}

fn mappings() -> Value {
    // A tag's name is also copied into `names`, so a text query finds the article by the
    // canonical name of an entity it only names another way ("CJNG"), as dossier's does.
    let facet: Map<String, Value> = facet_dimensions()
        .map(|d| {
            (
                d.to_string(),
                json!({ "type": "keyword", "copy_to": "names" }),
            )
        })
        .collect();
    let facet_top: Map<String, Value> = facet_dimensions()
        .map(|d| (d.to_string(), keyword()))
        .collect();
    let mut properties = json!({
        "id": keyword(),
        "title": full_text(),
        "text": full_text(),
        "url": keyword(),
        "published": keyword(),
        "published_date": { "type": "date", "format": "strict_date" },
        "source": keyword_and_text(),
        "language": keyword(),
        "facet": { "properties": facet },
        "facet_top": { "properties": facet_top },
        "names": { "type": "text", "analyzer": ENGLISH },
        // Offsets and names for a reader of the hit, as `dossier tag` writes them.
        "entities": { "type": "object", "enabled": false },
        "facts": { "type": "nested", "properties": fact_properties() },
    });
    if let Some(properties) = properties.as_object_mut() {
        for (name, _) in MEASURES {
            properties.insert(name.to_string(), json!({ "type": "double" }));
        }
    }
    // Input fields beyond the contract stay in `_source` without being mapped: one article's
    // odd field can then never make another's fail.
    json!({ "dynamic": false, "properties": properties })
}

/// The columns of the fact table, typed, as each fact of `facts` has them.
fn fact_properties() -> Value {
    let number = json!({ "type": "double" });
    let offset = json!({ "type": "integer" });
    let day = json!({ "type": "date", "format": "strict_date" });
    json!({
        "fact_id": keyword(),
        "start": offset, "end": offset, "sentence_start": offset, "sentence_end": offset,
        "figure_text": keyword(),
        "value": number, "value_max": number, "value_base": number,
        "unit": keyword(), "unit_base": keyword(), "qualifier": keyword(),
        "item": keyword_and_text(),
        "item_canonical": keyword(),
        "item_label": keyword(),
        "action": keyword(),
        "period": keyword(),
        "period_start": day, "period_end": day,
        "place": keyword(),
        "attributed_to": keyword(),
        "sentence": { "type": "text", "analyzer": ENGLISH },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facet_dimension_and_measure_is_mapped() {
        let template = index_template();
        let properties = &template["template"]["mappings"]["properties"];
        for dimension in facet_dimensions() {
            assert_eq!(
                properties["facet"]["properties"][dimension]["type"],
                "keyword"
            );
        }
        for (measure, _) in MEASURES {
            assert_eq!(properties[measure]["type"], "double");
        }
        assert_eq!(properties["facts"]["type"], "nested");
    }
}
