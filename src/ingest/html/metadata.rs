//! The page's metadata from the usual tags: the headline from Open Graph, Twitter, the first
//! `<h1>` or the `<title>` without the site's name; the publication date from
//! `article:published_time`, `<meta name="date">` and kin, JSON-LD or `<time datetime>`; the
//! canonical url; the site's name. Never from an element a browser does not render.

use ego_tree::iter::Edge;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use super::furniture::UNRENDERED;
use crate::article::Article;

/// An article of the page's metadata, without text.
pub fn article(page: &Html) -> Article {
    let site = meta(
        page,
        &[
            "meta[property='og:site_name']",
            "meta[name='application-name']",
        ],
    );
    let title = meta(
        page,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
    )
    .or_else(|| first_text(page, "article h1, main h1, h1"))
    .or_else(|| first_text(page, "title").map(|t| without_site(&t, site.as_deref())));
    let published = meta(
        page,
        &[
            "meta[property='article:published_time']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='publication_date']",
            "meta[itemprop='datePublished']",
            "meta[name='DC.date.issued']",
        ],
    )
    .or_else(|| json_ld(page, "datePublished"))
    .or_else(|| {
        attribute(
            page,
            "article time[datetime], main time[datetime], time[datetime]",
            "datetime",
        )
    })
    .and_then(|d| iso_date(&d));
    let url = attribute(page, "link[rel='canonical']", "href")
        .or_else(|| meta(page, &["meta[property='og:url']"]));
    Article {
        title,
        url,
        published,
        source: site,
        ..Article::default()
    }
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// The first non-empty `content` of the meta tags, in order of preference.
fn meta(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors
        .iter()
        .find_map(|css| attribute(page, css, "content"))
}

fn attribute(page: &Html, css: &str, name: &str) -> Option<String> {
    let selector = selector(css)?;
    page.select(&selector)
        .filter_map(|e| e.value().attr(name))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// The rendered text of the first element matching `css` that has some.
fn first_text(page: &Html, css: &str) -> Option<String> {
    let selector = selector(css)?;
    page.select(&selector)
        .filter(|e| is_rendered(e))
        .map(|e| super::blocks::collapse(&rendered_text(e)))
        .find(|t| !t.is_empty())
}

/// The text of `element` a browser shows: without its scripts, styles and templates.
fn rendered_text(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    let mut skipping = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(e) if UNRENDERED.contains(&e.name()) => skipping = Some(node.id()),
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    text
}

/// Whether neither `element` nor an element around it is one a browser does not render.
fn is_rendered(element: &ElementRef<'_>) -> bool {
    std::iter::once(**element)
        .chain(element.ancestors())
        .filter_map(|node| node.value().as_element())
        .all(|e| !UNRENDERED.contains(&e.name()))
}

/// A string field of the page's JSON-LD (`<script type="application/ld+json">`): of an item
/// at the top, in a list, or in an `@graph`.
pub fn json_ld(page: &Html, key: &str) -> Option<String> {
    let selector = selector("script[type='application/ld+json']")?;
    page.select(&selector).find_map(|script| {
        let value: serde_json::Value =
            serde_json::from_str(&script.text().collect::<String>()).ok()?;
        let mut items = vec![&value];
        if let Some(list) = value.as_array() {
            items.extend(list);
        }
        let graphs: Vec<&serde_json::Value> = items
            .iter()
            .filter_map(|item| item.get("@graph")?.as_array())
            .flatten()
            .collect();
        items.extend(graphs);
        items
            .into_iter()
            .find_map(|item| item.get(key)?.as_str().map(str::to_string))
    })
}

/// "Headline | Site" or "Headline - Site" without the site's name.
fn without_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return title.to_string();
    };
    for separator in [" | ", " - ", " — ", " – "] {
        if let Some(headline) = title.strip_suffix(&format!("{separator}{site}")) {
            return headline.trim().to_string();
        }
    }
    title.to_string()
}

/// The YYYY-MM-DD date at the start of a date or timestamp ("2024-03-05T14:20:00-06:00").
fn iso_date(value: &str) -> Option<String> {
    let date = value.trim().get(..10)?;
    let shape = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape.then(|| date.to_string())
}
