//! A tagged article as an index document: its fields, its facets and its figures, and its
//! entities and facts stored as they are typed (byte offsets), for [`super::stored`] to give
//! back.

use tantivy::schema::{Facet, Field};
use tantivy::{DateTime, TantivyDocument};
use time::Date;

use super::language;
use super::schema::{DIMENSIONS, Fields, LANGUAGE, MEASURES, PUBLISHED, SOURCE};
use crate::article::Article;
use crate::entity::{Entity, Label};
use crate::fingerprint::Fnv1a;
use crate::patterns::units::in_kilograms;
use crate::published::PublicationDate;
use crate::tagged::Tagged;

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

/// The index document of a tagged article; `fingerprint` is [`fingerprint`]'s.
pub fn document(fields: &Fields, tagged: &Tagged, fingerprint: u64) -> TantivyDocument {
    let (article, entities) = (&tagged.article, &tagged.entities);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, article.id.as_deref().unwrap_or(""));
    doc.add_u64(fields.fingerprint, fingerprint);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.text, &article.text);
    if let Some(lang) = language::of(article) {
        doc.add_facet(
            fields.facet,
            Facet::from_path([LANGUAGE, language::name(lang)]),
        );
        if lang == whatlang::Lang::Spa {
            if let Some(title) = &article.title {
                doc.add_text(fields.title_es, title);
            }
            doc.add_text(fields.text_es, &article.text);
        }
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(source) = article.source.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.add_text(fields.source, source);
        doc.add_facet(fields.facet, Facet::from_path([SOURCE, source.trim()]));
    }
    if let Some(date) = article
        .published
        .as_deref()
        .and_then(PublicationDate::parse)
    {
        doc.add_text(fields.published_text, date.to_string());
        // tantivy's dates are nanoseconds in an i64: a date outside them would be clamped to
        // another, so it is left out of ranges and sorting rather than stored wrong.
        if (MIN_YEAR..=MAX_YEAR).contains(&date.first_day.year()) {
            doc.add_date(fields.published, date_time(date.first_day));
        }
        let mut path = vec![PUBLISHED.to_string()];
        path.extend(date.facet_path());
        doc.add_facet(fields.facet, Facet::from_path(path));
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
    doc.add_text(fields.entities, stored_json(entities));
    doc.add_text(fields.facts, stored_json(&tagged.facts));
    doc
}

/// Entities and facts as the index stores them. They are plain data (strings, numbers,
/// options), which serde_json always serializes.
fn stored_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
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

/// The years whose days tantivy's date type holds whole.
const MIN_YEAR: i32 = 1678;
const MAX_YEAR: i32 = 2261;

/// Midnight UTC of `date`, as the index stores dates.
pub fn date_time(date: Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}
