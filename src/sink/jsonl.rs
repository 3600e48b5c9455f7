//! The tag-output JSONL line of the contract: the article's fields, its entities with code
//! point offsets, and its facts.

use serde::Serialize;
use serde_json::{Map, Number, Value as Json};

use crate::article::Article;
use crate::entity::{Entity, Value};
use crate::text::offsets::bytes_to_code_points;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a Option<String>,
    title: &'a Option<String>,
    url: &'a Option<String>,
    published: &'a Option<String>,
    source: &'a Option<String>,
    #[serde(flatten)]
    extra: &'a Map<String, Json>,
    entities: Vec<EntityOut<'a>>,
    /// Filled by the fact-linking stage, which is not built yet: always empty for now.
    facts: [(); 0],
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    canonical: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kb_id: Option<&'a str>,
    value: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_max: Option<Json>,
    unit: Option<&'a str>,
    qualifier: Option<&'static str>,
}

/// A figure's value as JSON: integers without a fraction ("11000000", not "11000000.0").
fn number(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Json::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Json::Null, Json::Number)
    }
}

/// Appends the output line of `article` (with `entities` in byte offsets, sorted and not
/// overlapping) and a newline to `out`.
pub fn write_line(article: &Article, entities: &[Entity], out: &mut Vec<u8>) {
    let text = &article.text;
    let mut offsets: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    bytes_to_code_points(text, &mut offsets);
    let entities = entities
        .iter()
        .zip(offsets.chunks_exact(2))
        .map(|(e, cp)| EntityOut {
            start: cp[0],
            end: cp[1],
            text: &text[e.start..e.end],
            label: e.label.as_str(),
            canonical: e.canonical(),
            category: e.sense.as_ref().and_then(|s| s.category.as_deref()),
            kb_id: e.sense.as_ref().and_then(|s| s.kb_id.as_deref()),
            value: e.value.as_ref().map(|v| match v {
                Value::Number(n) => number(*n),
                Value::Date(d) => Json::String(d.clone()),
            }),
            value_max: e.value_max.map(number),
            unit: e.unit.as_deref(),
            qualifier: e.qualifier.map(|q| q.as_str()),
        })
        .collect();
    let line = Line {
        id: &article.id,
        title: &article.title,
        url: &article.url,
        published: &article.published,
        source: &article.source,
        extra: &article.extra,
        entities,
        facts: [],
    };
    // Serializing plain data into a Vec cannot fail.
    serde_json::to_writer(&mut *out, &line).expect("serializing to memory");
    out.push(b'\n');
}
