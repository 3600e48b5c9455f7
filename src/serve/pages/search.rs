//! The search page (`/` and `/search`): the query box, facet panels with counts over the whole
//! result set, active filters as removable chips, a histogram of hits by month that narrows
//! the dates, the hits with their snippets, dates, sources and main entities, sorting and
//! paging. Every state is in the URL.

use std::collections::HashMap;

use maud::{Markup, html};

use super::marks::snippet;
use super::{Tab, entity_href, error_page, grouped, page, paging};
use crate::error::Error;
use crate::index::facets;
use crate::index::schema::dimension_of;
use crate::index::search::{Results, UnknownFilter};
use crate::index::{Hit, Index, SearchRequest, Sort};
use crate::serve::params::Params;
use crate::serve::timeline;

/// The facet panels, in the order shown.
const PANELS: &[(&str, &str)] = &[
    ("org", "Organizations"),
    ("person", "People"),
    ("location", "Places"),
    ("weapon", "Weapons"),
    ("drug", "Drugs"),
    ("identifier", "Identifiers"),
    ("source", "Sources"),
    ("language", "Languages"),
];

/// Hits per page.
const PAGE: usize = 20;

/// Entities shown under a hit.
const MAIN_ENTITIES: usize = 6;

/// Renders the search page for `params`.
pub(crate) fn render(index: &Index, params: &Params) -> axum::response::Response {
    match results(index, params) {
        Ok((request, results, months)) => {
            let title = match request.query.trim() {
                "" | "*" => "Search".to_string(),
                query => query.to_string(),
            };
            page(
                &title,
                Tab::Search,
                params,
                body(params, &request, &results, &months),
            )
        }
        Err(error) => error_page(params, Tab::Search, &error),
    }
}

type Found = (SearchRequest, Results, Vec<(String, u64)>);

fn results(index: &Index, params: &Params) -> Result<Found, Error> {
    let mut request = params.search()?;
    // The page shows the weapon panel's categories, or below a chosen category its models;
    // the identifier panel its labels, or below a chosen label its values.
    request.facets = PANELS.iter().map(|(d, _)| d.to_string()).collect();
    request.limit = PAGE;
    request.facet_limit = 12;
    let results = index.search(&request)?;
    let months = timeline::months(index, &request)?;
    Ok((request, results, months))
}

fn body(
    params: &Params,
    request: &SearchRequest,
    results: &Results,
    months: &[(String, u64)],
) -> Markup {
    html! {
        div.layout {
            aside.facets aria-label="Filters" {
                @for facet in &results.facets {
                    (panel(params, &facet.name, &facet.values))
                }
            }
            section.results {
                (chips(params))
                @for unknown in &results.unknown_filters { (did_you_mean(params, unknown)) }
                @for note in results.notes.iter().filter(|n| !results.unknown_filters.iter().any(|u| u.note() == **n)) {
                    p.notice { (note) }
                }
                (histogram("/search", params, months))
                div.summary {
                    span { strong { (grouped(results.total as u64)) } " articles" }
                    (sorting(params, request.sort))
                    a.download href={"/facts" (super::fact_scope(params).query_string())} { "Their facts →" }
                }
                ol.hits start=(request.offset + 1) {
                    @for hit in &results.hits { li { (hit_markup(hit)) } }
                }
                (paging("/search", params, request.offset, PAGE, results.total))
            }
        }
    }
}

/// One facet panel: each value a link that adds it as a filter. The weapon and identifier
/// panels drill down: a category's (a label's) link filters on it, and the panel then counts
/// its models (its numbers, addresses and accounts).
fn panel(params: &Params, name: &str, values: &[(String, u64)]) -> Markup {
    let dimension = name.split('/').next().unwrap_or(name);
    let heading = PANELS
        .iter()
        .find(|(d, _)| *d == dimension)
        .map_or(dimension, |(_, h)| h);
    html! {
        section.panel {
            h2 { (heading) @if name.contains('/') { span.drill { " · " (&name[dimension.len() + 1..]) } } }
            @if values.is_empty() { p.empty { "none" } }
            ul {
                @for (value, count) in values {
                    @let filter = format!("{dimension}={value}");
                    li {
                        a href={"/search" (params.without("offset", None).with("filter", &filter).query_string())}
                            title={"Filter on " (value)} {
                            span.name { (value.rsplit('/').next().unwrap_or(value)) }
                            span.count { (grouped(*count)) }
                        }
                    }
                }
            }
        }
    }
}

/// The active filters and dates, each a chip whose × removes it.
/// A filter value the index does not hold, with each value it holds nearest as a link that
/// puts it in the filter's place.
fn did_you_mean(params: &Params, unknown: &UnknownFilter) -> Markup {
    let given = params.all("filter").find(|raw| {
        facets::parse_filter(raw).is_ok_and(|(name, value)| {
            facets::dimension(&name).is_ok_and(|d| d == unknown.dimension) && value == unknown.value
        })
    });
    let without = params.without("offset", None).without("filter", given);
    html! {
        p.notice {
            "No " (unknown.dimension) " named “" (unknown.value) "” is in the index"
            @if !unknown.closest.is_empty() {
                "; did you mean "
                @for (n, name) in unknown.closest.iter().enumerate() {
                    @if n > 0 { ", " }
                    a href={"/search" (without.with("filter", &format!("{}={name}", unknown.dimension)).query_string())} { (name) }
                }
                "?"
            }
        }
    }
}

fn chips(params: &Params) -> Markup {
    let filters: Vec<&str> = params.all("filter").collect();
    let dates: Vec<(&str, &str)> = ["since", "until"]
        .into_iter()
        .filter_map(|key| params.one(key).map(|v| (key, v)))
        .collect();
    if filters.is_empty() && dates.is_empty() {
        return html! {};
    }
    html! {
        ul.chips aria-label="Active filters" {
            @for filter in &filters {
                li.chip {
                    span { (filter.replacen('=', ": ", 1)) }
                    a href={"/search" (params.without("offset", None).without("filter", Some(filter)).query_string())}
                        aria-label={"Remove filter " (filter)} { "×" }
                }
            }
            @for (key, value) in &dates {
                li.chip {
                    span { (key) ": " (value) }
                    a href={"/search" (params.without("offset", None).without(key, None).query_string())}
                        aria-label={"Remove " (key)} { "×" }
                }
            }
        }
    }
}

/// Articles by month as bars; a bar's link narrows the dates of `path`'s listing to its
/// month.
pub(crate) fn histogram(path: &str, params: &Params, months: &[(String, u64)]) -> Markup {
    let most = months.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if months.len() < 2 || most == 0 {
        return html! {};
    }
    html! {
        figure.histogram aria-label="Articles by month" {
            div.bars {
                @for (month, n) in months {
                    @let height = (n * 20).div_ceil(most);
                    a.bar href={(path) (params.without("offset", None).set("since", Some(month)).set("until", Some(month)).query_string())}
                        title={(month) ": " (n) " articles"} {
                        span class={"fill h" (height)} {}
                    }
                }
            }
            figcaption {
                span { (months[0].0) }
                span { (months[months.len() - 1].0) }
            }
        }
    }
}

fn sorting(params: &Params, sort: Sort) -> Markup {
    let link = |value: &'static str| {
        format!(
            "/search{}",
            params
                .without("offset", None)
                .set("sort", Some(value))
                .query_string()
        )
    };
    html! {
        span.sort {
            "Sort: "
            @if sort == Sort::Relevance { strong { "relevance" } } @else { a href=(link("relevance")) { "relevance" } }
            " · "
            @if sort == Sort::Date { strong { "date" } } @else { a href=(link("date")) { "date" } }
        }
    }
}

fn hit_markup(hit: &Hit) -> Markup {
    let article = &hit.tagged.article;
    let id = hit.tagged.id();
    let title = super::title_or_id(article.title.as_deref(), id);
    html! {
        article.hit {
            h3 { a href={"/articles/" (super::encoded(id))} { (title) } }
            p.meta {
                @if let Some(date) = &article.published { time { (date) } }
                @if let Some(source) = &article.source { span.source { (source) } }
            }
            p.snippet { (snippet(&hit.snippet, &hit.highlights)) }
            @let main = main_entities(hit);
            @if !main.is_empty() {
                ul.entities {
                    @for (label, dimension, name) in main {
                        li { a href=(entity_href(dimension, &name)) data-label=(label) { (name) } }
                    }
                }
            }
        }
    }
}

/// The entities a hit mentions most, by canonical name, with their facet dimension.
fn main_entities(hit: &Hit) -> Vec<(&'static str, &'static str, String)> {
    let mut counts: HashMap<(&'static str, &'static str, String), usize> = HashMap::new();
    for entity in &hit.tagged.entities {
        let label = entity.label.as_str();
        let Some(dimension) = dimension_of(label) else {
            continue;
        };
        // The name the index files it under, so the link finds it.
        let name = entity.name(&hit.tagged.article.text).trim().to_string();
        *counts.entry((label, dimension, name)).or_default() += 1;
    }
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(MAIN_ENTITIES)
        .map(|(key, _)| key)
        .collect()
}
