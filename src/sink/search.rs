//! A search's results as one JSON object: what `dossier search --json` prints and what the
//! server's `/api/search` answers, from this one function so the two cannot drift apart.

use serde_json::{Value as Json, json};

use super::jsonl::write_entities;
use crate::index::{FacetCount, Results};

/// The `--json` object: `{"total", "hits": [...], "facets": {"org": [{"value", "count"}]}}`.
pub fn results_json(results: &Results) -> Json {
    let hits: Vec<Json> = results
        .hits
        .iter()
        .map(|hit| {
            let highlights: Vec<[usize; 2]> = hit
                .highlights
                .iter()
                .map(|r| {
                    let start = hit.snippet[..r.start].chars().count();
                    [start, start + hit.snippet[r.clone()].chars().count()]
                })
                .collect();
            let article = &hit.tagged.article;
            let mut entities = Vec::new();
            write_entities(&mut entities, &article.text, &hit.tagged.entities);
            json!({
                "id": hit.tagged.id(),
                "title": article.title,
                "url": article.url,
                "published": article.published,
                "source": article.source,
                "score": hit.score,
                "snippet": hit.snippet,
                "highlights": highlights,
                "entities": serde_json::from_slice::<Json>(&entities).unwrap_or(Json::Null),
            })
        })
        .collect();
    json!({"total": results.total, "hits": hits, "facets": facets_json(&results.facets)})
}

/// Facet counts as `{"org": [{"value", "count"}]}`.
pub fn facets_json(facets: &[FacetCount]) -> Json {
    let facets: serde_json::Map<String, Json> = facets
        .iter()
        .map(|f| {
            let values: Vec<Json> = f
                .values
                .iter()
                .map(|(value, count)| json!({"value": value, "count": count}))
                .collect();
            (f.name.clone(), Json::Array(values))
        })
        .collect();
    Json::Object(facets)
}
