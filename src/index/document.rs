//! A tagged article as an index document: its fields, its facets and its figures, and its
//! entities and facts stored as they are typed (byte offsets), for [`super::stored`] to give
//! back.

use tantivy::schema::Facet;
use tantivy::{DateTime, TantivyDocument};
use time::Date;

use super::language;
use super::schema::{DIMENSIONS, Fields, IDENTIFIER, LANGUAGE, MEASURES, PUBLISHED, SOURCE};
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

/// What dossier files an article under: its language, its publication date, its facets
/// (tags, source, language, month) with the tags' names, and its figures' base values. The
/// index document and the OpenSearch export are both made from it, so the two hold the same
/// facet values.
pub(crate) struct Filing<'a> {
    /// The language the article is written in, if it can be told.
    pub language: Option<whatlang::Lang>,
    /// The publication date, if it is one dossier reads.
    pub published: Option<PublicationDate>,
    /// The source, if it names one.
    pub source: Option<&'a str>,
    /// Each tag with a dimension, once: its dimension (a position in [`DIMENSIONS`]), its
    /// name, and its facet.
    pub tags: Vec<(usize, &'a str, Facet)>,
    /// Each figure a range query can use: its measure (a position in [`MEASURES`]) and its
    /// value in the measure's base unit.
    pub measures: Vec<(usize, f64)>,
}

impl<'a> Filing<'a> {
    /// How `tagged` is filed.
    pub fn of(tagged: &'a Tagged) -> Filing<'a> {
        let (article, entities) = (&tagged.article, &tagged.entities);
        let mut tags: Vec<(usize, &str, Facet)> = Vec::new();
        for entity in entities {
            if let Some(tag) = filing(article, entity)
                && !tags.iter().any(|(_, _, path)| *path == tag.2)
            {
                tags.push(tag);
            }
        }
        Filing {
            language: language::of(article),
            published: article
                .published
                .as_deref()
                .and_then(PublicationDate::parse),
            source: article
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
            tags,
            measures: entities.iter().filter_map(measure).collect(),
        }
    }

    /// Every facet: the language, the source, the month of publication, then the tags.
    pub fn facets(&self) -> impl Iterator<Item = Facet> + '_ {
        let language = self
            .language
            .map(|lang| Facet::from_path([LANGUAGE, language::name(lang)]));
        let source = self.source.map(|s| Facet::from_path([SOURCE, s]));
        let published = self.published.map(|date| {
            let mut path = vec![PUBLISHED.to_string()];
            path.extend(date.facet_path());
            Facet::from_path(path)
        });
        let tags = self.tags.iter().map(|(_, _, path)| path.clone());
        language
            .into_iter()
            .chain(source)
            .chain(published)
            .chain(tags)
    }
}

/// The index document of a tagged article; `fingerprint` is [`fingerprint`]'s.
pub fn document(fields: &Fields, tagged: &Tagged, fingerprint: u64) -> TantivyDocument {
    let article = &tagged.article;
    let filing = Filing::of(tagged);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, article.id.as_deref().unwrap_or(""));
    doc.add_u64(fields.fingerprint, fingerprint);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.text, &article.text);
    if filing.language == Some(whatlang::Lang::Spa) {
        if let Some(title) = &article.title {
            doc.add_text(fields.title_es, title);
        }
        doc.add_text(fields.text_es, &article.text);
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(source) = article.source.as_deref().filter(|s| !s.trim().is_empty()) {
        doc.add_text(fields.source, source);
    }
    if let Some(date) = filing.published {
        doc.add_text(fields.published_text, date.to_string());
        // tantivy's dates are nanoseconds in an i64: a date outside them would be clamped to
        // another, so it is left out of ranges and sorting rather than stored wrong.
        if (MIN_YEAR..=MAX_YEAR).contains(&date.first_day.year()) {
            doc.add_date(fields.published, date_time(date.first_day));
        }
    }
    for facet in filing.facets() {
        doc.add_facet(fields.facet, facet);
    }
    for &(dimension, name, _) in &filing.tags {
        doc.add_text(fields.names[dimension], name);
    }
    for &(measure, value) in &filing.measures {
        doc.add_f64(fields.measures[measure], value);
    }
    doc.add_text(fields.entities, stored_json(&tagged.entities));
    doc.add_text(fields.facts, stored_json(&tagged.facts));
    doc
}

/// Entities and facts as the index stores them. They are plain data (strings, numbers,
/// options), which serde_json always serializes.
fn stored_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

/// The dimension (a position in [`DIMENSIONS`]), name and facet of an entity whose label has
/// a dimension.
fn filing<'a>(article: &'a Article, entity: &'a Entity) -> Option<(usize, &'a str, Facet)> {
    let identifier = entity.label.is_identifier();
    let at = DIMENSIONS.iter().position(|d| {
        if identifier {
            d.name == IDENTIFIER
        } else {
            d.label == entity.label.as_str()
        }
    })?;
    let dimension = DIMENSIONS[at].name;
    let name = entity.name(&article.text).trim();
    let name = if entity.label == Label::URL {
        url_host(name)
    } else {
        name
    };
    if name.is_empty() {
        return None;
    }
    let path = if identifier {
        Facet::from_path([dimension, entity.label.as_str(), name])
    } else if entity.label == Label::WEAPON {
        let category = entity
            .sense
            .as_ref()
            .and_then(|s| s.category.as_deref())
            .unwrap_or("other");
        Facet::from_path([dimension, category, name])
    } else {
        Facet::from_path([dimension, name])
    };
    Some((at, name, path))
}

/// The host of a URL, lower-cased as hosts compare: "www.justice.gov" in
/// "https://www.justice.gov/opa/pr/x". A URL whose host has capitals is filed as written,
/// lower case being what every host in news text is written in.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.split(':').next().unwrap_or(host)
}

/// The measure (a position in [`MEASURES`]) and base value of a figure a range query can
/// use: kilograms of a mass, US dollars at face value, a percentage.
fn measure(entity: &Entity) -> Option<(usize, f64)> {
    let value = entity.number()?;
    let unit = entity.unit.as_deref();
    let (name, base) = match entity.label {
        Label::PERCENT => ("percent", value),
        Label::MONEY if unit == Some("USD") => ("usd", value),
        Label::QUANTITY => ("kg", in_kilograms(unit?, value)?),
        _ => return None,
    };
    let at = MEASURES.iter().position(|(n, _)| *n == name)?;
    Some((at, base))
}

/// The years whose days tantivy's date type holds whole.
const MIN_YEAR: i32 = 1678;
const MAX_YEAR: i32 = 2261;

/// Midnight UTC of `date`, as the index stores dates.
pub fn date_time(date: Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}
