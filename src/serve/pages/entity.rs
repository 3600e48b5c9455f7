//! The entity page (`/entities/{dimension}/{name}`): mentions over time, the entities it
//! appears with most (each a link to the articles where both appear), its facts and its
//! latest articles.

use maud::html;

use super::article::fact_line;
use super::{Tab, cite_href, encoded, entity_href, grouped, page, title_or_id};
use crate::serve::params::Params;
use crate::serve::profile::Profile;

/// Renders `profile`.
pub(crate) fn render(profile: &Profile) -> axum::response::Response {
    let filter = format!("{}={}", profile.dimension, profile.name);
    let scope = Params::default().with("filter", &filter);
    let shown = profile.name.rsplit('/').next().unwrap_or(&profile.name);
    let body = html! {
        header.entity-head {
            p.kind { (profile.dimension) @if profile.name.contains('/') { " · " (profile.name.rsplit_once('/').map_or("", |(c, _)| c)) } }
            h1 { (shown) }
            p {
                a href={"/search" (scope.query_string())} { (grouped(profile.articles as u64)) " articles" }
                " · "
                (grouped(profile.fact_count as u64)) " facts in sentences that name it"
                " · "
                a href={"/facts" (scope.query_string())} { "every fact of its articles" }
            }
        }
        (super::search::histogram("/search", &scope, &profile.months))
        div.entity-layout {
            section.together {
                h2 { "Appears with" }
                @for facet in &profile.together {
                    @if !facet.values.is_empty() {
                        h3 { (facet.name) }
                        ul {
                            @for (value, n) in &facet.values {
                                @let both = scope.with("filter", &format!("{}={value}", facet.name));
                                li {
                                    a href=(entity_href(&facet.name, value)) { (value.rsplit('/').next().unwrap_or(value)) }
                                    " "
                                    a.count href={"/search" (both.query_string())} title="Articles where both appear" { (grouped(*n)) }
                                }
                            }
                        }
                    }
                }
            }
            section.entity-facts {
                h2 { "Facts" }
                @if profile.facts.is_empty() { p.empty { "No figure is given in a sentence that names it." } }
                ul.fact-list {
                    @for row in &profile.facts {
                        li {
                            a href=(cite_href(&row.doc_id, &row.fact.fact_id)) {
                                (fact_line(&row.fact))
                                @if let Some(p) = &row.published { " " time { (p) } }
                            }
                        }
                    }
                }
                @if profile.fact_count > profile.facts.len() {
                    p.empty { "The first " (profile.facts.len()) " are shown." }
                }
            }
            section.latest {
                h2 { "Latest articles" }
                ol {
                    @for hit in &profile.latest {
                        @let article = &hit.tagged.article;
                        li {
                            a href={"/articles/" (encoded(hit.tagged.id()))} { (title_or_id(article.title.as_deref(), hit.tagged.id())) }
                            @if let Some(date) = &article.published { " " time { (date) } }
                        }
                    }
                }
            }
        }
    };
    page(shown, Tab::Other, &Params::default(), body)
}
