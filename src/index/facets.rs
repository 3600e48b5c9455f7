//! Facet names a user types (`--facet weapon`, `--filter org="Sinaloa Cartel"`,
//! `--filter weapon=rifle`, `--filter published=2024-03`) resolved against the facets the
//! index holds.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use tantivy::Searcher;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;

use super::facet_counts::live_segments;
use super::schema::{DIMENSIONS, LANGUAGE, PUBLISHED, SOURCE, dimension_of};
use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::text::fold;

/// The facets a search counts when the user names none.
pub const DEFAULT: &[&str] = &[
    "org",
    "person",
    "location",
    "weapon",
    "drug",
    "source",
    "language",
    "published",
];

/// The names `--facet` and `--filter` accept.
pub fn dimension_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = DIMENSIONS.iter().map(|d| d.name).collect();
    names.extend([SOURCE, LANGUAGE, PUBLISHED]);
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

/// The canonical names the built-in lexicons give `value` in `dimension`: a filter may name
/// an entity by any of its names (`org=CJNG`, `person="El Chapo"`, `weapon=AR15`), and the
/// index files it under its canonical one. (An index built with `--lexicons DIR` may know
/// names these do not.)
pub(crate) fn canonical_names(dimension: &str, value: &str) -> Vec<String> {
    let lexicon = Lexicon::shared();
    let mut names: Vec<String> = lexicon
        .senses(&fold::fold(value.trim()))
        .filter(|(label, _)| dimension_of(label.as_str()) == Some(dimension))
        .map(|(_, sense)| sense.canonical.to_string())
        .collect();
    names.dedup();
    names
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

/// Every facet of one dimension, each with its path below the dimension folded, read once
/// per set of segments: resolving a filter against it is then a pass over short strings
/// instead of a walk of every segment's dictionary.
pub(crate) struct DimensionFacets {
    entries: Vec<FacetEntry>,
}

struct FacetEntry {
    facet: Facet,
    below: Vec<String>,
    has_children: bool,
}

impl DimensionFacets {
    /// Reads the facets under `dimension` from every segment of `searcher`.
    pub(crate) fn read(
        searcher: &Searcher,
        field: &str,
        dimension: &str,
    ) -> tantivy::Result<DimensionFacets> {
        let all: Vec<Facet> = facets_under(searcher, field, dimension)?
            .into_iter()
            .collect();
        let entries = all
            .iter()
            .enumerate()
            .map(|(at, facet)| {
                // Facets sort by their encoded path, so one with facets below it is followed
                // by the first of them.
                let mut prefix = facet.encoded_str().to_string();
                prefix.push('\0');
                let has_children = all
                    .get(at + 1)
                    .is_some_and(|next| next.encoded_str().starts_with(&prefix));
                FacetEntry {
                    below: facet.to_path()[1..].iter().map(|s| fold::fold(s)).collect(),
                    facet: facet.clone(),
                    has_children,
                }
            })
            .collect();
        Ok(DimensionFacets { entries })
    }

    /// The facets that `value` names: the path below the dimension ("rifle/AR-15",
    /// "rifle"), or else the last segment of one ("AR-15"). Case and accents do not matter.
    /// Each facet comes with whether the index has facets below it, so a search can count
    /// the next level down.
    pub(crate) fn resolve(&self, dimension: &str, value: &str) -> Vec<(Facet, bool)> {
        let wanted = typed_segments(dimension, value);
        // A path from the dimension down wins ("rifle" is the category even if some weapon
        // is also called "rifle"); else a name at the end of a path ("AR-15").
        let exact = self.entries.iter().any(|e| e.below == wanted);
        self.entries
            .iter()
            .filter(|e| {
                if exact {
                    e.below == wanted
                } else {
                    wanted.len() == 1 && e.below.last() == wanted.last()
                }
            })
            .map(|e| (e.facet.clone(), e.has_children))
            .collect()
    }

    /// The names in this dimension closest to `value`, for a "did you mean": those that
    /// contain it, or that are a few edits away, nearest first, at most `most`.
    pub(crate) fn closest(&self, value: &str, most: usize) -> Vec<String> {
        let wanted = fold::fold(value.trim());
        let reach = (wanted.chars().count() / 3).max(2);
        let mut near: Vec<(usize, String)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let name = e.below.last()?;
                let distance = if name.contains(&wanted) {
                    0
                } else {
                    edit_distance(name, &wanted)
                };
                let written = e.facet.to_path().last()?.to_string();
                (distance <= reach).then_some((distance, written))
            })
            .collect();
        near.sort();
        near.dedup_by(|a, b| a.1 == b.1);
        near.into_iter().take(most).map(|(_, name)| name).collect()
    }
}

/// Each dimension's facets as last read, with the segments they were read from: read again
/// only when a commit or merge changed the segments.
#[derive(Default)]
pub(crate) struct DimensionCache(Mutex<HashMap<String, ReadFrom>>);

/// A dimension's facets and the segments they were read from.
type ReadFrom = (Vec<SegmentId>, Arc<DimensionFacets>);

impl DimensionCache {
    /// The facets under `dimension` in `searcher`'s segments.
    pub(crate) fn get(
        &self,
        searcher: &Searcher,
        field: &str,
        dimension: &str,
    ) -> tantivy::Result<Arc<DimensionFacets>> {
        let segments = live_segments(searcher);
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some((read_from, facets)) = lock().get(dimension)
            && *read_from == segments
        {
            return Ok(facets.clone());
        }
        let facets = Arc::new(DimensionFacets::read(searcher, field, dimension)?);
        lock().insert(dimension.to_string(), (segments, facets.clone()));
        Ok(facets)
    }
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

/// The Levenshtein distance between two short strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}
