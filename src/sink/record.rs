//! A fact as the outputs write it: code point offsets, the words of the figure, item, period
//! and sentence, and its figure's value, unit and qualifier. The tag output's `facts` array and
//! the fact table's rows both carry it, so the two always agree.

use std::sync::Arc;

use serde::{Serialize, Serializer};
use time::Date;

use crate::entity::{Label, Qualifier};
use crate::facts::{Action, BaseUnit};
use crate::tagged::Tagged;
use crate::text::offsets::code_points_of;

/// One fact as the outputs write it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRecord {
    /// The article's id and the fact's number in it: `id:1`, `id:2` …
    pub fact_id: String,
    /// Code point offset of the figure.
    pub start: usize,
    /// Code point offset just past the figure.
    pub end: usize,
    /// The figure as written ("11 million").
    pub figure_text: String,
    /// The figure's amount (the low end of a range).
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    /// The high end of a range.
    #[serde(serialize_with = "number")]
    pub value_max: Option<f64>,
    /// The figure's unit.
    pub unit: Option<Arc<str>>,
    /// How the number relates to the true amount.
    pub qualifier: Option<Qualifier>,
    /// The value in its base unit.
    #[serde(serialize_with = "number")]
    pub value_base: Option<f64>,
    /// The base unit.
    #[serde(serialize_with = "base_unit")]
    pub unit_base: Option<BaseUnit>,
    /// What is counted, as written.
    pub item: Option<String>,
    /// The canonical names of the entities in the item.
    pub item_canonical: Option<String>,
    /// The label of the item's entity.
    pub item_label: Option<Label>,
    /// The event.
    pub action: Option<Action>,
    /// The time, as written.
    pub period: Option<String>,
    /// The period's first day.
    #[serde(serialize_with = "day")]
    pub period_start: Option<Date>,
    /// The period's last day.
    #[serde(serialize_with = "day")]
    pub period_end: Option<Date>,
    /// The place, as written.
    pub place: Option<String>,
    /// Who gives the figure.
    pub attributed_to: Option<String>,
    /// The sentence the figure comes from.
    pub sentence: String,
    /// Code point offset of the sentence.
    pub sentence_start: usize,
    /// Code point offset just past the sentence.
    pub sentence_end: usize,
}

/// A figure's number as the outputs write it: integers without a fraction.
fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
        Some(n) if n.is_finite() => s.serialize_f64(*n),
        _ => s.serialize_none(),
    }
}

pub(crate) fn base_unit<S: Serializer>(unit: &Option<BaseUnit>, s: S) -> Result<S::Ok, S::Error> {
    match unit {
        Some(unit) => s.serialize_str(unit.as_str()),
        None => s.serialize_none(),
    }
}

pub(crate) fn day<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(date),
        None => s.serialize_none(),
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

impl FactRecord {
    /// The records of an article's facts, in order.
    pub fn all(tagged: &Tagged) -> Vec<FactRecord> {
        let text = &tagged.article.text;
        let facts = &tagged.facts;
        let offsets: Vec<usize> = facts
            .iter()
            .flat_map(|f| [f.start, f.end, f.sentence.start, f.sentence.end])
            .collect();
        let offsets = code_points_of(text, &offsets);
        let id = tagged.article.id.as_deref().unwrap_or("");
        let span =
            |range: &Option<std::ops::Range<usize>>| range.clone().map(|r| text[r].to_string());
        facts
            .iter()
            .zip(offsets.chunks_exact(4))
            .enumerate()
            .map(|(n, (fact, cp))| {
                let figure = &tagged.entities[fact.figure];
                let days = fact.period.as_ref().and_then(|p| p.days);
                FactRecord {
                    fact_id: format!("{id}:{}", n + 1),
                    start: cp[0],
                    end: cp[1],
                    figure_text: text[fact.start..fact.end].to_string(),
                    value: figure.number(),
                    value_max: figure.value_max,
                    unit: figure.unit.clone(),
                    qualifier: figure.qualifier,
                    value_base: fact.value_base,
                    unit_base: fact.unit_base.clone(),
                    item: span(&fact.item),
                    item_canonical: fact.item_canonical.clone(),
                    item_label: fact.item_label,
                    action: fact.action,
                    period: span(&fact.period.as_ref().map(|p| p.span.clone())),
                    period_start: days.map(|d| d.first),
                    period_end: days.map(|d| d.last),
                    place: fact.place.clone(),
                    attributed_to: fact.attributed_to.clone(),
                    sentence: text[fact.sentence.clone()].to_string(),
                    sentence_start: cp[2],
                    sentence_end: cp[3],
                }
            })
            .collect()
    }
}
