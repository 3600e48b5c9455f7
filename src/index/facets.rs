//! Facet names a user types (`--facet weapon`, `--filter org="Sinaloa Cartel"`,
//! `--filter weapon=rifle`, `--filter published=2024-03`) resolved against the facets the
//! index holds.

use std::collections::BTreeSet;

use tantivy::Searcher;
use tantivy::schema::Facet;

use super::schema::{DIMENSIONS, PUBLISHED, SOURCE};
use crate::error::Error;
use crate::text::fold;

/// The facets a search counts when the user names none.
pub const DEFAULT: &[&str] = &[
    "org",
    "person",
    "location",
    "weapon",
    "drug",
    "source",
    "published",
];

/// The names `--facet` and `--filter` accept.
pub fn dimension_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = DIMENSIONS.iter().map(|d| d.name).collect();
    names.extend([SOURCE, PUBLISHED]);
    names
}

/// The dimension `name` (any case), or an error listing the ones there are.
pub fn dimension(name: &str) -> Result<&'static str, Error> {
    let wanted = name.trim().to_ascii_lowercase();
    dimension_names()
        .into_iter()
        .find(|d| *d == wanted)
        .ok_or_else(|| {
            Error::Request(format!(
                "unknown facet '{name}': use one of {}",
                dimension_names().join(", ")
            ))
        })
}

/// A filter as a user writes it, `NAME=VALUE` (`org="Sinaloa Cartel"`): the facet's name and
/// the value, without quotes.
pub fn parse_filter(arg: &str) -> Result<(String, String), Error> {
    let (name, value) = arg.split_once('=').ok_or_else(|| {
        Error::Request(format!(
            "'{arg}' is not NAME=VALUE (e.g. org=\"Sinaloa Cartel\")"
        ))
    })?;
    let value = value.trim().trim_matches('"');
    if value.is_empty() {
        return Err(Error::Request(format!("'{arg}' has no value after '='")));
    }
    Ok((name.trim().to_string(), value.to_string()))
}

/// A facet path below a dimension as a user writes it: "rifle/AR-15", "2024-03" (a month of
/// `published`), or a single name.
fn typed_segments(dimension: &str, value: &str) -> Vec<String> {
    let value = value.trim();
    let value = if dimension == PUBLISHED {
        value.replace('-', "/")
    } else {
        value.to_string()
    };
    value.split('/').map(|s| fold::fold(s.trim())).collect()
}

/// The facets of the index under `dimension` that `value` names: the path below the dimension
/// ("rifle/AR-15", "rifle"), or else the last segment of one ("AR-15").
/// Case and accents do not matter. Each facet comes with whether the index has facets below
/// it, so a search can count the next level down.
pub fn resolve(
    searcher: &Searcher,
    field: &str,
    dimension: &str,
    value: &str,
) -> tantivy::Result<Vec<(Facet, bool)>> {
    let wanted = typed_segments(dimension, value);
    let all = facets_under(searcher, field, dimension)?;
    let below = |facet: &Facet| -> Vec<String> {
        facet.to_path()[1..].iter().map(|s| fold::fold(s)).collect()
    };
    // A path from the dimension down wins ("rifle" is the category even if some weapon is
    // also called "rifle"); else a name at the end of a path ("AR-15").
    let exact = all.iter().any(|f| below(f) == wanted);
    let mut found: Vec<(Facet, bool)> = Vec::new();
    for facet in &all {
        let below = below(facet);
        let names_it = if exact {
            below == wanted
        } else {
            wanted.len() == 1 && below.last() == wanted.last()
        };
        if names_it {
            let mut prefix = facet.encoded_str().to_string();
            prefix.push('\0');
            let has_children = all.iter().any(|f| f.encoded_str().starts_with(&prefix));
            found.push((facet.clone(), has_children));
        }
    }
    Ok(found)
}

/// Every facet the index holds under `/dimension`, at any depth, in order.
fn facets_under(
    searcher: &Searcher,
    field: &str,
    dimension: &str,
) -> tantivy::Result<BTreeSet<Facet>> {
    let from = format!("{dimension}\0");
    let to = format!("{dimension}\u{1}");
    let mut facets = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let reader = segment.facet_reader(field)?;
        let mut stream = reader
            .facet_dict()
            .range()
            .ge(&from)
            .lt(&to)
            .into_stream()?;
        while stream.advance() {
            // The column holds the facets documents were given; their ancestors (a weapon's
            // category) are facets too.
            let key = stream.key();
            for (at, _) in key.iter().enumerate().filter(|(_, b)| **b == 0).skip(1) {
                if let Ok(ancestor) = Facet::from_encoded(key[..at].to_vec()) {
                    facets.insert(ancestor);
                }
            }
            if let Ok(facet) = Facet::from_encoded(key.to_vec()) {
                facets.insert(facet);
            }
        }
    }
    Ok(facets)
}

/// A facet's path below its dimension, as `--filter` takes it back: "rifle/AR-15", "2024/03".
pub fn value_below_dimension(facet: &Facet) -> String {
    facet.to_path()[1..].join("/")
}
