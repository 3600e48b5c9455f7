//! The article page (`/articles/{id}`): the full text with every entity marked in its label's
//! colour, a legend that toggles labels, the article's facts beside it (each links to the
//! page with its sentence highlighted: `?fact=N#cited`), and the metadata with the source url.

use std::collections::BTreeMap;

use maud::{Markup, html};

use super::marks::marked_text;
use super::{Tab, entity_href, page, readable, safe_url, title_or_id};
use crate::index::schema::dimension_of;
use crate::serve::params::Params;
use crate::sink::record::FactRecord;
use crate::tagged::Tagged;

/// Renders `tagged`, with its `fact`-th fact (1 first) cited, if asked.
pub(crate) fn render(tagged: &Tagged, params: &Params) -> axum::response::Response {
    let chosen: Option<usize> = params
        .one("fact")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|n| (1..=tagged.facts.len()).contains(n));
    let cited = chosen.map(|n| tagged.facts[n - 1].sentence.clone());
    let article = &tagged.article;
    let title = title_or_id(article.title.as_deref(), tagged.id());
    let records = FactRecord::all(tagged);
    let body = html! {
        div.article-layout {
            article.document {
                h1 { (title) }
                (metadata(tagged))
                (legend(tagged))
                div.text #text { (marked_text(&article.text, &tagged.entities, cited)) }
            }
            aside.article-facts aria-label="Facts in this article" {
                h2 { "Facts " span.count { (records.len()) } }
                @if records.is_empty() { p.empty { "No figures in this article." } }
                ol.fact-list {
                    @for (n, record) in records.iter().enumerate() {
                        li.current[chosen == Some(n + 1)] {
                            a href={"?fact=" (n + 1) "#cited"} { (fact_line(record)) }
                        }
                    }
                }
            }
        }
    };
    page(title, Tab::Other, &Params::default(), body)
}

fn metadata(tagged: &Tagged) -> Markup {
    let article = &tagged.article;
    html! {
        dl.metadata {
            @if let Some(date) = &article.published { dt { "Published" } dd { time { (date) } } }
            @if let Some(source) = &article.source {
                dt { "Source" }
                dd { a href={"/search?filter=source%3D" (super::encoded(source))} { (source) } }
            }
            @if let Some(url) = &article.url {
                dt { "URL" }
                dd.url {
                    @match safe_url(url) {
                        Some(href) => a href=(href) rel="noopener noreferrer nofollow" { (url) },
                        None => code { (url) },
                    }
                }
            }
            dt { "Id" } dd { code { (tagged.id()) } }
            dt { "JSON" } dd { a href={"/api/articles/" (super::encoded(tagged.id()))} { "tag output" } }
        }
    }
}

/// The labels present, with counts; each a checkbox that shows or hides its marks (the
/// script toggles them; without it every mark stays shown).
fn legend(tagged: &Tagged) -> Markup {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for entity in &tagged.entities {
        *counts.entry(entity.label.as_str()).or_default() += 1;
    }
    let mut names: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    for entity in &tagged.entities {
        if dimension_of(entity.label.as_str()).is_some() {
            // The name the index files it under, so the link finds it.
            let name = entity.name(&tagged.article.text).trim().to_string();
            *names
                .entry(entity.label.as_str())
                .or_default()
                .entry(name)
                .or_default() += 1;
        }
    }
    html! {
        fieldset.legend {
            legend { "Entities" }
            @for (label, n) in &counts {
                label.toggle data-label=(label) {
                    input type="checkbox" checked data-toggle-label=(label);
                    " " (label) " " span.count { (n) }
                }
            }
        }
        @if !names.is_empty() {
            details.mentioned {
                summary { "Who and what is named" }
                dl {
                    @for (label, named) in &names {
                        dt { (label) }
                        dd {
                            @for (name, n) in named {
                                @if let Some(dimension) = dimension_of(label) {
                                    a href=(entity_href(dimension, name)) data-label=(label) { (name) }
                                    @if *n > 1 { " ×" (n) }
                                    " "
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A fact in one line: the figure, what it counts, the action, when and where.
pub(crate) fn fact_line(record: &FactRecord) -> Markup {
    let value = match (record.value_base, &record.unit_base) {
        (Some(v), Some(unit)) => format!("{} {}", readable(v), unit.as_str()),
        (Some(v), None) => readable(v),
        _ => String::new(),
    };
    html! {
        span.figure { (record.figure_text) }
        @if !value.is_empty() { " " span.value { "(" (value) ")" } }
        @if let Some(item) = record.item_canonical.as_ref().or(record.item.as_ref()) { " " span.item { (item) } }
        @if let Some(action) = record.action { " " span.action { (action.as_str()) } }
        @if let Some(period) = &record.period { " " span.period { (period) } }
        @if let Some(place) = &record.place { " " span.place { "in " (place) } }
    }
}
