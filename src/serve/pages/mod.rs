//! The researcher's pages, rendered on the server with maud (which escapes every value it
//! interpolates: article text, titles and urls are untrusted). The pages read the index
//! through the same library calls as the JSON API, and every state of a page is in its URL.

pub(crate) mod article;
pub(crate) mod entity;
pub(crate) mod facts;
mod marks;
pub(crate) mod search;

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::Shared;
use super::params::Params;
use super::profile;
use crate::error::Error;

/// The stylesheet and the script, served from the binary: no CDN, no outside fonts.
pub(crate) const CSS: &str = include_str!("../assets/dossier.css");
pub(crate) const JS: &str = include_str!("../assets/dossier.js");

/// Runs a page's work on the blocking pool (searching is CPU work), and turns a failed task
/// into an error page.
async fn rendered(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
        let error = Error::Request(format!("the page could not be made: {e}"));
        error_page(&Params::default(), Tab::Other, &error)
    })
}

/// `/` and `/search`.
pub(crate) async fn search_page(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Response {
    rendered(move || search::render(&shared.index, &Params::parse(query.as_deref()))).await
}

/// `/facts`.
pub(crate) async fn facts_page(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Response {
    rendered(move || facts::render(&shared.index, &Params::parse(query.as_deref()))).await
}

/// `/articles/{id}`.
pub(crate) async fn article_page(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    rendered(move || {
        let params = Params::parse(query.as_deref());
        match shared.index.article(&id) {
            Ok(Some(tagged)) => article::render(&tagged, &params),
            Ok(None) => not_found(
                &params,
                &format!("No article with id '{id}' is in the index."),
            ),
            Err(error) => error_page(&params, Tab::Other, &error),
        }
    })
    .await
}

/// `/entities/{dimension}/{name}`.
pub(crate) async fn entity_page(
    State(shared): State<Arc<Shared>>,
    Path((dimension, name)): Path<(String, String)>,
) -> Response {
    rendered(move || {
        let params = Params::default();
        match profile::profile(&shared.index, &dimension, &name) {
            Ok(Some(profile)) => entity::render(&profile),
            Ok(None) => not_found(
                &params,
                &format!("No {dimension} named '{name}' is in the index."),
            ),
            Err(error) => error_page(&params, Tab::Other, &error),
        }
    })
    .await
}

/// `/assets/dossier.css`.
pub(crate) async fn stylesheet() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

/// `/assets/dossier.js`.
pub(crate) async fn script() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

/// Which page is open, for the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tab {
    Search,
    Facts,
    Other,
}

/// A whole page: the navigation bar with the search box (holding `params`' query and
/// filters, so a new query keeps them), then `body`.
pub(crate) fn page(title: &str, tab: Tab, params: &Params, body: Markup) -> Response {
    let action = if tab == Tab::Facts {
        "/facts"
    } else {
        "/search"
    };
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dossier" }
                link rel="stylesheet" href="/assets/dossier.css";
                script src="/assets/dossier.js" defer {}
            }
            body {
                header.topbar {
                    a.brand href="/" { "dossier" }
                    form.query role="search" method="get" action=(action) {
                        input #q type="search" name="q" value=[params.one("q")]
                            placeholder="Search: words, \"phrases\", org:CJNG, kg:[100 TO *] …"
                            aria-label="Query" autocomplete="off";
                        @for (key, value) in params.only(KEPT_BY_QUERY).pairs() {
                            input type="hidden" name=(key) value=(value);
                        }
                        button type="submit" { "Search" }
                    }
                    nav {
                        a href={"/search" (params.without("offset", None).query_string())}
                            aria-current=[(tab == Tab::Search).then_some("page")] { "Articles" }
                        a href={"/facts" (fact_scope(params).query_string())}
                            aria-current=[(tab == Tab::Facts).then_some("page")] { "Facts" }
                    }
                }
                main { (body) }
            }
        }
    };
    Html(markup.into_string()).into_response()
}

/// The parameters a new query from the search box keeps: filters and dates, not the page.
const KEPT_BY_QUERY: &[&str] = &["filter", "since", "until", "sort", "view"];

/// The parameters that say which articles a search selects, as the facts page takes them.
const SCOPE: &[&str] = &["q", "filter", "since", "until"];

/// The articles a search selects, as the facts page takes them.
pub(crate) fn fact_scope(params: &Params) -> Params {
    params.only(SCOPE)
}

/// The link to a fact's article with its sentence highlighted; `fact_id` is "doc:N".
pub(crate) fn cite_href(doc_id: &str, fact_id: &str) -> String {
    let n = fact_id.rsplit(':').next().unwrap_or("1");
    format!("/articles/{}?fact={n}#cited", encoded(doc_id))
}

/// What a link to an article says: its title, or its id when it has none.
pub(crate) fn title_or_id<'a>(title: Option<&'a str>, id: &'a str) -> &'a str {
    title.filter(|t| !t.trim().is_empty()).unwrap_or(id)
}

/// An error as a page: the status, and what to fix. A query's syntax error shows the query
/// with a caret under the place it breaks.
pub(crate) fn error_page(params: &Params, tab: Tab, error: &Error) -> Response {
    let status = match error {
        Error::Query { .. } | Error::Request(_) | Error::BadRecord { .. } => {
            StatusCode::BAD_REQUEST
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let body = html! { section.notice.error role="alert" { (error_markup(error)) } };
    let mut response = page("Error", tab, params, body);
    *response.status_mut() = status;
    response
}

/// What an error says, with a caret for a query's.
pub(crate) fn error_markup(error: &Error) -> Markup {
    match error {
        Error::Query {
            query,
            column: Some(column),
            message,
        } => html! {
            p { "The query cannot be read: " (message) }
            pre.caret { (query) "\n" (" ".repeat(column.saturating_sub(1))) "^" }
        },
        other => html! { p { (other.to_string()) } },
    }
}

/// A 404 page.
pub(crate) fn not_found(params: &Params, what: &str) -> Response {
    let body = html! { section.notice role="alert" { p { (what) } p { a href="/" { "Back to search" } } } };
    let mut response = page("Not found", Tab::Other, params, body);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// The link to an entity's page.
pub(crate) fn entity_href(dimension: &str, name: &str) -> String {
    format!("/entities/{dimension}/{}", path_segment(name))
}

/// `name` as path segments: a weapon's "rifle/AR-15" stays two.
fn path_segment(name: &str) -> String {
    name.split('/').map(encoded).collect::<Vec<_>>().join("/")
}

/// `text` percent-encoded as one path segment, "/" included: an article's id.
pub(crate) fn encoded(text: &str) -> String {
    // The form encoding writes a space as "+", which a path reads literally.
    form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// A link is followed only if it is http(s): a `javascript:` url in an article stays text.
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url.trim_start())
}

/// A static asset's response, cacheable.
fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// A figure's value as a reader takes it in: whole numbers grouped by thousands, fractions
/// to three significant digits ("30,844", "0.000002", "2.5"). The downloads keep full
/// precision.
pub(crate) fn readable(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    if n.abs() >= 100.0 || n.fract() == 0.0 {
        let whole = grouped(n.abs().round() as u64);
        return if n < 0.0 { format!("-{whole}") } else { whole };
    }
    let digits = (2 - n.abs().log10().floor() as i32).clamp(0, 12) as usize;
    let text = format!("{n:.digits$}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A number with thousands separators, as a researcher reads counts.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Previous and next links around "21–40 of 312", for a listing at `path` shown `page` at a
/// time from `offset`.
pub(crate) fn paging(
    path: &str,
    params: &Params,
    offset: usize,
    page: usize,
    total: usize,
) -> Markup {
    let link = |at: usize| {
        let value = at.to_string();
        let at = params.set("offset", (at > 0).then_some(value.as_str()));
        format!("{path}{}", at.query_string())
    };
    let to = (offset + page).min(total);
    html! {
        nav.paging aria-label="Pages" {
            @if offset > 0 { a rel="prev" href=(link(offset.saturating_sub(page))) { "← Previous" } }
            @if total > 0 { span { (grouped(offset as u64 + 1)) "–" (grouped(to as u64)) " of " (grouped(total as u64)) } }
            @if to < total { a rel="next" href=(link(offset + page)) { "Next →" } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_a_person_writes_them() {
        assert_eq!(readable(30844.281160000002), "30,844");
        assert_eq!(readable(0.000002), "0.000002");
        assert_eq!(readable(2.5), "2.5");
        assert_eq!(readable(-1500.0), "-1,500");
        assert_eq!(readable(19_000_000_000.0), "19,000,000,000");
    }

    #[test]
    fn only_web_links_are_followed() {
        assert_eq!(
            safe_url(" https://example.org/a"),
            Some("https://example.org/a")
        );
        assert_eq!(safe_url("JavaScript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
    }

    #[test]
    fn ids_and_names_are_one_path_segment_each() {
        assert_eq!(encoded("a/b c+d"), "a%2Fb%20c%2Bd");
        assert_eq!(
            entity_href("weapon", "rifle/AR 15"),
            "/entities/weapon/rifle/AR%2015"
        );
    }
}
