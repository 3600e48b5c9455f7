//! The fact table: each fact as a record with code point offsets (as the tag output's
//! `facts` carries it) and as a row with its article's fields, for CSV, JSONL and Markdown.

use serde::{Deserialize, Serialize, Serializer};

use super::Fact;
use crate::article::Article;
use crate::entity::Entity;
use crate::text::offsets::code_points_of;

/// One fact as the tag output carries it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub fact_id: String,
    pub start: usize,
    pub end: usize,
    pub figure_text: String,
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    #[serde(serialize_with = "number")]
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    #[serde(serialize_with = "number")]
    pub value_base: Option<f64>,
    pub unit_base: Option<String>,
    pub item: Option<String>,
    pub item_canonical: Option<String>,
    pub item_label: Option<String>,
    pub action: Option<String>,
    pub period: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub place: Option<String>,
    pub attributed_to: Option<String>,
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// A figure's number as the tag output writes it: integers without a fraction.
fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
        Some(n) if n.is_finite() => s.serialize_f64(*n),
        _ => s.serialize_none(),
    }
}

/// A number as the tables write it: integers without a fraction.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// The records of an article's facts, offsets in code points.
pub fn records(article: &Article, entities: &[Entity], facts: &[Fact]) -> Vec<Record> {
    let text = &article.text;
    let offsets: Vec<usize> = facts
        .iter()
        .flat_map(|f| [f.start, f.end, f.sentence.start, f.sentence.end])
        .collect();
    let offsets = code_points_of(text, &offsets);
    let id = article.id.as_deref().unwrap_or("");
    let span = |range: &Option<std::ops::Range<usize>>| range.clone().map(|r| text[r].to_string());
    facts
        .iter()
        .zip(offsets.chunks_exact(4))
        .enumerate()
        .map(|(n, (fact, cp))| {
            let figure = &entities[fact.figure];
            Record {
                fact_id: format!("{id}:{}", n + 1),
                start: cp[0],
                end: cp[1],
                figure_text: text[fact.start..fact.end].to_string(),
                value: figure.number(),
                value_max: figure.value_max,
                unit: figure.unit.as_deref().map(str::to_string),
                qualifier: figure.qualifier.map(|q| q.as_str().to_string()),
                value_base: fact.value_base,
                unit_base: fact.unit_base.clone(),
                item: span(&fact.item),
                item_canonical: fact.item_canonical.clone(),
                item_label: fact.item_label.map(str::to_string),
                action: fact.action.map(str::to_string),
                period: span(&fact.period),
                period_start: fact.period_start.clone(),
                period_end: fact.period_end.clone(),
                place: fact.place.clone(),
                attributed_to: fact.attributed_to.clone(),
                sentence: text[fact.sentence.clone()].to_string(),
                sentence_start: cp[2],
                sentence_end: cp[3],
            }
        })
        .collect()
}

/// A row of the fact table: the fact with its article's citation fields.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub doc_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    #[serde(flatten)]
    pub fact: Record,
}

impl Row {
    pub fn new(article: &Article, fact: Record) -> Row {
        Row {
            doc_id: article.id.clone().unwrap_or_default(),
            title: article.title.clone(),
            url: article.url.clone(),
            published: article.published.clone(),
            source: article.source.clone(),
            fact,
        }
    }

    /// The columns of [`HEADER`], as text: empty for none.
    pub fn cells(&self) -> Vec<String> {
        let f = &self.fact;
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        let num = |n: Option<f64>| n.map(format_number).unwrap_or_default();
        vec![
            f.fact_id.clone(),
            self.doc_id.clone(),
            text(&self.title),
            text(&self.url),
            text(&self.published),
            text(&self.source),
            num(f.value),
            num(f.value_max),
            text(&f.unit),
            text(&f.qualifier),
            num(f.value_base),
            text(&f.unit_base),
            text(&f.item),
            text(&f.item_canonical),
            text(&f.item_label),
            text(&f.action),
            text(&f.period),
            text(&f.period_start),
            text(&f.period_end),
            text(&f.place),
            text(&f.attributed_to),
            f.figure_text.clone(),
            f.sentence.clone(),
            f.start.to_string(),
            f.end.to_string(),
            f.sentence_start.to_string(),
            f.sentence_end.to_string(),
        ]
    }
}

/// The fact table's columns, in order.
pub const HEADER: &[&str] = &[
    "fact_id",
    "doc_id",
    "title",
    "url",
    "published",
    "source",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "value_base",
    "unit_base",
    "item",
    "item_canonical",
    "item_label",
    "action",
    "period",
    "period_start",
    "period_end",
    "place",
    "attributed_to",
    "figure_text",
    "sentence",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
];
