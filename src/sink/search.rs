//! A search's results as one JSON object: what `dossier search --json` prints and what the
//! server's `/api/search` answers, from this one function so the two cannot drift apart.

use serde_json::{Value as Json, json};

use super::jsonl::write_entities;
use crate::index::{FacetCount, Results};

/// The `--json` object, `{"total", "hits": [...], "facets": {"org": [{"value", "count"}]}}`,
/// written straight to bytes: each hit's entities go through the tag output's writer rather
/// than a JSON value, which a search of ten hits would otherwise build, parse and rebuild.
pub fn results_json(results: &Results) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 << 10);
    out.extend_from_slice(format!("{{\"total\":{},\"hits\":[", results.total).as_bytes());
    for (n, hit) in results.hits.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        let highlights: Vec<[usize; 2]> = hit
            .highlights
            .iter()
            .map(|r| {
                let start = hit.snippet[..r.start].chars().count();
                [start, start + hit.snippet[r.clone()].chars().count()]
            })
            .collect();
        let article = &hit.tagged.article;
        let head = json!({
            "id": hit.tagged.id(),
            "title": article.title,
            "url": article.url,
            "published": article.published,
            "source": article.source,
            "score": hit.score,
            "snippet": hit.snippet,
            "highlights": highlights,
        });
        // Writing a JSON value to memory cannot fail; its closing brace makes way for the
        // entities.
        serde_json::to_writer(&mut out, &head).expect("serializing to memory");
        out.pop();
        out.extend_from_slice(b",\"entities\":");
        write_entities(&mut out, &article.text, &hit.tagged.entities);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"facets\":");
    serde_json::to_writer(&mut out, &facets_json(&results.facets)).expect("serializing to memory");
    out.push(b'}');
    out
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
