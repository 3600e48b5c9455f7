//! One entity across the index: its articles by month, the entities it appears with most,
//! the facts that name it, and its latest articles. `/api/entities/{dimension}/{name}` answers
//! it as JSON and `/entities/{dimension}/{name}` as a page.

use serde_json::{Value as Json, json};

use super::timeline;
use crate::error::Error;
use crate::index::schema::dimension_of;
use crate::index::{FacetCount, Hit, Index, SearchRequest, Sort, facets};
use crate::sink::search::facets_json;
use crate::sink::table::FactRow;
use crate::text::fold::fold;

/// The dimensions whose co-occurring entities are counted.
const TOGETHER: &[&str] = &["org", "person", "location", "weapon", "drug"];

/// Facts listed at most; the count covers them all.
const MAX_FACTS: usize = 500;

/// Latest articles listed.
const LATEST: usize = 20;

/// An entity's profile.
pub(crate) struct Profile {
    pub dimension: &'static str,
    pub name: String,
    /// Articles that mention it.
    pub articles: usize,
    /// Those articles by month.
    pub months: Vec<(String, u64)>,
    /// The entities those articles name most, by dimension, itself left out.
    pub together: Vec<FacetCount>,
    /// Facts given in a sentence that names the entity, or whose item, place or source it
    /// is (the first [`MAX_FACTS`]).
    pub facts: Vec<FactRow>,
    /// How many such facts there are.
    pub fact_count: usize,
    /// The latest articles.
    pub latest: Vec<Hit>,
}

/// The profile of `name` under `dimension`; none when the index has no such entity.
pub(crate) fn profile(
    index: &Index,
    dimension: &str,
    name: &str,
) -> Result<Option<Profile>, Error> {
    let dimension = facets::dimension(dimension)?;
    let filter = vec![(dimension.to_string(), name.to_string())];
    let request = SearchRequest {
        filters: filter.clone(),
        facets: TOGETHER.iter().map(|d| d.to_string()).collect(),
        facet_limit: 11,
        sort: Sort::Date,
        limit: LATEST,
        ..SearchRequest::default()
    };
    let results = index.search(&request)?;
    if results.total == 0 {
        return Ok(None);
    }
    let own = fold(name.rsplit('/').next().unwrap_or(name));
    let together = results
        .facets
        .into_iter()
        .map(|mut facet| {
            facet
                .values
                .retain(|(value, _)| fold(value.rsplit('/').next().unwrap_or(value)) != own);
            facet.values.truncate(10);
            facet
        })
        .collect();
    let (mut facts, mut fact_count) = (Vec::new(), 0);
    let articles = SearchRequest {
        filters: filter,
        ..SearchRequest::default()
    };
    index.each_match(&articles, |tagged| {
        let mentions: Vec<std::ops::Range<usize>> = tagged
            .entities
            .iter()
            .filter(|e| {
                dimension_of(e.label.as_str()) == Some(dimension)
                    && fold(e.name(&tagged.article.text).trim()) == own
            })
            .map(|e| e.start..e.end)
            .collect();
        for (fact, row) in tagged.facts.iter().zip(FactRow::all(&tagged)) {
            let in_sentence = mentions
                .iter()
                .any(|m| fact.sentence.start <= m.start && m.end <= fact.sentence.end);
            if in_sentence || names(&row, &own) {
                fact_count += 1;
                if facts.len() < MAX_FACTS {
                    facts.push(row);
                }
            }
        }
        Ok(())
    })?;
    Ok(Some(Profile {
        dimension,
        name: name.to_string(),
        articles: results.total,
        months: timeline::months(index, &request)?,
        together,
        facts,
        fact_count,
        latest: results.hits,
    }))
}

/// Whether the entity (folded name `own`) is a fact's item, place or source.
fn names(row: &FactRow, own: &str) -> bool {
    let f = &row.fact;
    [&f.item_canonical, &f.item, &f.place, &f.attributed_to]
        .into_iter()
        .flatten()
        .any(|text| fold(text).contains(own))
}

/// The profile as `/api/entities` answers it.
pub(crate) fn to_json(profile: &Profile) -> Json {
    let months: Vec<Json> = profile
        .months
        .iter()
        .map(|(month, n)| json!({"month": month, "count": n}))
        .collect();
    let latest: Vec<Json> = profile
        .latest
        .iter()
        .map(|hit| {
            let article = &hit.tagged.article;
            json!({"id": hit.tagged.id(), "title": article.title, "published": article.published,
                   "source": article.source})
        })
        .collect();
    json!({
        "dimension": profile.dimension,
        "name": profile.name,
        "articles": profile.articles,
        "months": months,
        "together": facets_json(&profile.together),
        "fact_count": profile.fact_count,
        "facts": profile.facts,
        "latest": latest,
    })
}
