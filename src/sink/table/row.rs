//! A row of the fact table: a fact with its article's citation fields, and the table's
//! columns, declared once.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use super::{Column, Table};
use crate::article::Article;
use crate::entity::Label;
use crate::sink::record::{FactRecord, format_number};
use crate::tagged::Tagged;

/// A fact with the fields that cite its article.
#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    /// The article's id.
    pub doc_id: String,
    /// The article's title.
    pub title: Option<String>,
    /// Where the article can be read.
    pub url: Option<String>,
    /// When it was published, as given.
    pub published: Option<String>,
    /// Who published it.
    pub source: Option<String>,
    /// The fact.
    #[serde(flatten)]
    pub fact: FactRecord,
    /// The place the article names most, where a fact whose sentence names none is taken to
    /// be: claims from different places are not set against each other. Not a column.
    #[serde(skip)]
    pub article_place: Option<String>,
}

impl FactRow {
    /// `fact` of `article`, with its citation fields.
    pub fn new(article: &Article, fact: FactRecord) -> FactRow {
        FactRow {
            doc_id: article.id.clone().unwrap_or_default(),
            title: article.title.clone(),
            url: article.url.clone(),
            published: article.published.clone(),
            source: article.source.clone(),
            fact,
            article_place: None,
        }
    }

    /// The rows of every fact of `tagged`, in order.
    pub fn all(tagged: &Tagged) -> Vec<FactRow> {
        let place = most_named_place(tagged);
        FactRecord::all(tagged)
            .into_iter()
            .map(|fact| FactRow {
                article_place: place.clone(),
                ..FactRow::new(&tagged.article, fact)
            })
            .collect()
    }

    /// The place the fact is about: its sentence's, else its article's.
    pub fn place(&self) -> Option<&str> {
        self.fact.place.as_deref().or(self.article_place.as_deref())
    }
}

/// The LOCATION the article names most often (the first of equals), by canonical name.
/// Counted in a map: an article can name thousands of places.
fn most_named_place(tagged: &Tagged) -> Option<String> {
    let text = &tagged.article.text;
    // For each name: how often it is named, and where it was first (ties go to the first).
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    let places = tagged
        .entities
        .iter()
        .filter(|e| e.label == Label::LOCATION);
    for (at, e) in places.enumerate() {
        counts.entry(e.name(text)).or_insert((0, at)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (count, first))| (count, std::cmp::Reverse(first)))
        .map(|(name, _)| name.to_string())
}

/// A cell of text: empty for none.
pub(super) fn text(s: Option<&str>) -> Cow<'_, str> {
    Cow::Borrowed(s.unwrap_or(""))
}

/// A cell of a number: integers without a fraction, empty for none.
pub(crate) fn number(n: Option<f64>) -> Cow<'static, str> {
    n.map_or(Cow::Borrowed(""), |n| Cow::Owned(format_number(n)))
}

/// A cell of a value written as it displays (a date, an offset).
pub(super) fn shown(value: Option<impl ToString>) -> Cow<'static, str> {
    value.map_or(Cow::Borrowed(""), |v| Cow::Owned(v.to_string()))
}

impl Table for FactRow {
    const COLUMNS: &'static [Column<FactRow>] = &[
        Column::new("fact_id", |r| Cow::Borrowed(&r.fact.fact_id)),
        Column::new("doc_id", |r| Cow::Borrowed(&r.doc_id)),
        Column::new("title", |r| text(r.title.as_deref())),
        Column::shown(11, "url", |r| text(r.url.as_deref())),
        Column::shown(1, "published", |r| text(r.published.as_deref())),
        Column::shown(2, "source", |r| text(r.source.as_deref())),
        Column::new("value", |r| number(r.fact.value)),
        Column::new("value_max", |r| number(r.fact.value_max)),
        Column::new("unit", |r| text(r.fact.unit.as_deref())),
        Column::shown(4, "qualifier", |r| {
            text(r.fact.qualifier.map(|q| q.as_str()))
        }),
        Column::new("value_base", |r| number(r.fact.value_base)),
        Column::new("unit_base", |r| {
            text(r.fact.unit_base.as_ref().map(|u| u.as_str()))
        }),
        Column::shown(5, "item", |r| text(r.fact.item.as_deref())),
        Column::new("item_canonical", |r| text(r.fact.item_canonical.as_deref())),
        Column::new("item_label", |r| {
            text(r.fact.item_label.map(|l| l.as_str()))
        }),
        Column::shown(6, "action", |r| text(r.fact.action.map(|a| a.as_str()))),
        Column::shown(7, "period", |r| text(r.fact.period.as_deref())),
        Column::new("period_start", |r| shown(r.fact.period_start)),
        Column::new("period_end", |r| shown(r.fact.period_end)),
        Column::shown(8, "place", |r| text(r.fact.place.as_deref())),
        Column::shown(9, "attributed_to", |r| {
            text(r.fact.attributed_to.as_deref())
        }),
        Column::shown(3, "figure_text", |r| Cow::Borrowed(&r.fact.figure_text)),
        Column::shown(10, "sentence", |r| Cow::Borrowed(&r.fact.sentence)),
        Column::new("start", |r| shown(Some(r.fact.start))),
        Column::new("end", |r| shown(Some(r.fact.end))),
        Column::new("sentence_start", |r| shown(Some(r.fact.sentence_start))),
        Column::new("sentence_end", |r| shown(Some(r.fact.sentence_end))),
    ];
}
