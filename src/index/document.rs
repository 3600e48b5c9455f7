//! A tagged article as an index document: its fields, its facets and its figures.

use tantivy::schema::{Facet, Field, Value};
use tantivy::{DateTime, TantivyDocument};
use time::Date;

use super::schema::{DIMENSIONS, Fields, MEASURES, PUBLISHED, SOURCE};
use crate::article::Article;
use crate::entity::{Entity, Label};
use crate::facts::Fact;
use crate::fingerprint::Fnv1a;
use crate::patterns::dates::calendar_date;
use crate::patterns::units::in_kilograms;
use crate::sink::jsonl::{write_entities, write_facts};

/// What the index compares to know an article is unchanged: its every field, and the tagger
/// that tagged it (so new lexicons re-tag what was indexed before).
pub fn fingerprint(article: &Article, tagger: u64) -> u64 {
    let mut hash = Fnv1a::default();
    hash.write(&tagger.to_le_bytes());
    for field in [
        &article.id,
        &article.title,
        &article.url,
        &article.published,
        &article.source,
    ] {
        hash.write(field.as_deref().unwrap_or("\u{0}").as_bytes());
        hash.write(&[0xff]);
    }
    hash.write(article.text.as_bytes());
    hash.write(
        serde_json::Value::Object(article.extra.clone())
            .to_string()
            .as_bytes(),
    );
    hash.finish()
}

/// The index document of `article`, its `entities` (byte offsets, sorted) and its `facts`.
pub fn document(
    fields: &Fields,
    article: &Article,
    entities: &[Entity],
    facts: &[Fact],
    fingerprint: u64,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, article.id.as_deref().unwrap_or(""));
    doc.add_u64(fields.fingerprint, fingerprint);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.text, &article.text);
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(source) = article.source.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.add_text(fields.source, source);
        doc.add_facet(fields.facet, Facet::from_path([SOURCE, source.trim()]));
    }
    if let Some(date) = article.published.as_deref().and_then(calendar_date) {
        doc.add_date(fields.published, date_time(date));
        let yyyy = format!("{:04}", date.year());
        let mm = format!("{:02}", date.month() as u8);
        doc.add_facet(fields.facet, Facet::from_path([PUBLISHED, &yyyy, &mm]));
    }
    let mut filed: Vec<Facet> = Vec::new();
    for entity in entities {
        if let Some((field, name, path)) = filing(fields, article, entity)
            && !filed.contains(&path)
        {
            doc.add_text(field, name);
            filed.push(path.clone());
            doc.add_facet(fields.facet, path);
        }
        if let Some((field, value)) = measure(fields, entity) {
            doc.add_f64(field, value);
        }
    }
    let mut json = Vec::new();
    write_entities(&mut json, &article.text, entities);
    doc.add_text(fields.entities, String::from_utf8_lossy(&json));
    json.clear();
    write_facts(&mut json, article, entities, facts);
    doc.add_text(fields.facts, String::from_utf8_lossy(&json));
    doc
}

/// A stored text field of an index document.
pub fn stored_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// A stored date field of an index document, as YYYY-MM-DD.
pub fn stored_day(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .map(|d| d.into_utc().date().to_string())
}

/// The names field and the facet of an entity whose label has a dimension.
fn filing<'a>(
    fields: &Fields,
    article: &'a Article,
    entity: &'a Entity,
) -> Option<(Field, &'a str, Facet)> {
    let at = DIMENSIONS
        .iter()
        .position(|d| d.label == entity.label.as_str())?;
    let dimension = DIMENSIONS[at].name;
    let name = entity.name(&article.text).trim();
    if name.is_empty() {
        return None;
    }
    let path = if entity.label == Label::WEAPON {
        let category = entity
            .sense
            .as_ref()
            .and_then(|s| s.category.as_deref())
            .unwrap_or("other");
        Facet::from_path([dimension, category, name])
    } else {
        Facet::from_path([dimension, name])
    };
    Some((fields.names[at], name, path))
}

/// The measure field and base value of a figure a range query can use: kilograms of a mass,
/// US dollars at face value, a percentage.
fn measure(fields: &Fields, entity: &Entity) -> Option<(Field, f64)> {
    let value = entity.number()?;
    let unit = entity.unit.as_deref();
    let (name, base) = match entity.label {
        Label::PERCENT => ("percent", value),
        Label::MONEY if unit == Some("USD") => ("usd", value),
        Label::QUANTITY => ("kg", in_kilograms(unit?, value)?),
        _ => return None,
    };
    let at = MEASURES.iter().position(|(n, _)| *n == name)?;
    Some((fields.measures[at], base))
}

/// Midnight UTC of `date`, as the index stores dates.
pub fn date_time(date: Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}
