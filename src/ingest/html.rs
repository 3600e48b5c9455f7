//! An HTML page is one article. html5ever (through scraper) parses it as a browser would;
//! the metadata comes from the usual tags (Open Graph, `article:published_time`, `<meta
//! name="date">`, JSON-LD, `<time datetime>`, `<link rel="canonical">`), and the text from the
//! article's own element, without the page furniture around and inside it: navigation,
//! headers and footers, asides, forms, comments, "related posts", share and newsletter boxes.
//! Offsets in the output refer to this extracted text.

use ego_tree::iter::Edge;
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use crate::article::Article;

/// Elements a browser does not render as text: neither the story nor its headline is in them.
const UNRENDERED: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Elements that hold the page around the story, never the story.
const SKIPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "button", "iframe", "select", "figure", "h1",
    "menu", "dialog", "input", "label",
];

/// Words in a class or id that mark page furniture ("related-posts", "share-bar",
/// "comments", "cookie-banner").
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "cookie",
    "cookies",
    "banner",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "promo",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navigation",
    "menu",
    "byline",
    "author",
    "tags",
    "popup",
    "modal",
    "recommended",
    "footer",
    "header",
    "masthead",
    "toolbar",
    "kicker",
    "eyebrow",
    "meta",
    "date",
    "timestamp",
    "caption",
    "credit",
    "print",
    "skip",
    // The same in Spanish-language CMSs.
    "autor",
    "compartir",
    "relacionadas",
    "relacionados",
    "comentarios",
    "etiquetas",
    "publicidad",
    "seccion",
    "fecha",
];

/// Paragraphs that point elsewhere rather than tell the story.
const PROMO_OPENINGS: &[&str] = &[
    "read more:",
    "related:",
    "see also:",
    "also read:",
    "more:",
    "lee también",
    "lea también",
    "te puede interesar",
    "advertisement",
];

/// Elements that end a paragraph, and those that end only a line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
];
const LINES: &[&str] = &["li", "br", "tr", "dt", "dd"];

/// Pages nested deeper than this are refused: real pages stay below a hundred levels, and
/// the work of parsing one grows with the square of its depth.
const MAX_DEPTH: usize = 1_000;

/// The article of an HTML page, or why the page cannot be read.
pub fn read(html: &str) -> Result<Article, String> {
    let too_deep = |depth: usize| {
        format!("elements nested {depth} deep, more than the {MAX_DEPTH} a page is read to")
    };
    // Checked on the tags before parsing, as parsing is what takes the time; and on the tree,
    // which the parser may nest otherwise.
    let estimate = super::html_depth::estimate(html);
    if estimate > MAX_DEPTH {
        return Err(too_deep(estimate));
    }
    let page = Html::parse_document(html);
    let depth = depth(&page);
    if depth > MAX_DEPTH {
        return Err(too_deep(depth));
    }
    let site = meta(
        &page,
        &[
            "meta[property='og:site_name']",
            "meta[name='application-name']",
        ],
    );
    let title = meta(
        &page,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
    )
    .or_else(|| first_text(&page, "article h1, main h1, h1"))
    .or_else(|| first_text(&page, "title").map(|t| without_site(&t, site.as_deref())));
    let published = meta(
        &page,
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
    .or_else(|| json_ld(&page, "datePublished"))
    .or_else(|| {
        attribute(
            &page,
            "article time[datetime], main time[datetime], time[datetime]",
            "datetime",
        )
    })
    .and_then(|d| iso_date(&d));
    let url = attribute(&page, "link[rel='canonical']", "href")
        .or_else(|| meta(&page, &["meta[property='og:url']"]));
    let mut blocks = Blocks::default();
    walk(article_root(&page), &mut blocks);
    blocks.end_paragraph();
    Ok(Article {
        title,
        text: blocks.text.trim().to_string(),
        url,
        published,
        source: site,
        ..Article::default()
    })
}

/// How deep the page's elements nest, counted without recursion.
fn depth(page: &Html) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(_) => depth -= 1,
        }
    }
    deepest
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
        .map(|e| collapse(&rendered_text(e)))
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

/// A field of the page's JSON-LD (`<script type="application/ld+json">`), at the top or in
/// an `@graph`.
fn json_ld(page: &Html, key: &str) -> Option<String> {
    let selector = selector("script[type='application/ld+json']")?;
    page.select(&selector).find_map(|script| {
        let value: serde_json::Value =
            serde_json::from_str(&script.text().collect::<String>()).ok()?;
        let mut items = vec![&value];
        if let Some(graph) = value.get("@graph").and_then(|g| g.as_array()) {
            items.extend(graph);
        }
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

/// The element that holds the story: of the `<article>`s, `[itemprop=articleBody]`s,
/// `<main>`s and common article-body classes, the one with the most paragraph text; else
/// `<body>`.
fn article_root(page: &Html) -> ElementRef<'_> {
    let candidates = selector(
        "article, [itemprop='articleBody'], main, .article-body, .article-content, \
         .post-content, .entry-content, .story-body",
    );
    let paragraphs = selector("p");
    let best = candidates.as_ref().and_then(|candidates| {
        page.select(candidates)
            .filter(|e| !is_furniture(e) && is_rendered(e))
            .max_by_key(|e| {
                paragraphs.as_ref().map_or(0, |p| {
                    e.select(p)
                        .map(|p| p.text().map(str::len).sum::<usize>())
                        .sum::<usize>()
                })
            })
    });
    best.or_else(|| selector("body").and_then(|b| page.select(&b).next()))
        .unwrap_or_else(|| page.root_element())
}

fn is_furniture(element: &ElementRef<'_>) -> bool {
    let e = element.value();
    [e.attr("class"), e.attr("id"), e.attr("role")]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|word| FURNITURE.contains(&word.to_ascii_lowercase().as_str()))
}

/// The text being built: paragraphs separated by blank lines, like the JSONL articles.
#[derive(Default)]
struct Blocks {
    text: String,
    paragraph: String,
}

impl Blocks {
    fn push_text(&mut self, raw: &str) {
        self.paragraph.push_str(raw);
    }

    fn end_line(&mut self) {
        self.paragraph.push('\n');
    }

    /// Closes the paragraph: white space collapsed within its lines, and dropped if empty or
    /// a pointer to another story.
    fn end_paragraph(&mut self) {
        let lines: Vec<String> = self
            .paragraph
            .split('\n')
            .map(collapse)
            .filter(|l| !l.is_empty())
            .collect();
        self.paragraph.clear();
        let paragraph = lines.join("\n");
        let lowered = paragraph.to_lowercase();
        if paragraph.is_empty() || PROMO_OPENINGS.iter().any(|p| lowered.starts_with(p)) {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(&paragraph);
    }
}

/// The text of `root`'s descendants, paragraph by paragraph, without the furniture: a walk
/// over the tree's open and close edges, so no depth of nesting can exhaust the stack.
fn walk(root: ElementRef<'_>, blocks: &mut Blocks) {
    // The element whose subtree is being passed over, if any.
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() && node.id() != root.id() => {
                match node.value() {
                    Node::Text(text) => blocks.push_text(text),
                    Node::Element(e) => {
                        let Some(element) = ElementRef::wrap(node) else {
                            continue;
                        };
                        let name = e.name();
                        let paragraph = PARAGRAPHS.contains(&name);
                        let skipped = UNRENDERED.contains(&name)
                            || SKIPPED.contains(&name)
                            || is_furniture(&element)
                            || (paragraph || LINES.contains(&name)) && all_links(element);
                        if skipped {
                            skipping = Some(node.id());
                        } else if paragraph {
                            blocks.end_paragraph();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() && node.id() != root.id() => {
                if let Node::Element(e) = node.value() {
                    if PARAGRAPHS.contains(&e.name()) {
                        blocks.end_paragraph();
                    } else if LINES.contains(&e.name()) {
                        blocks.end_line();
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether all the text of a block is link text: a section label, a row of share buttons,
/// a list of links to other stories.
fn all_links(block: ElementRef<'_>) -> bool {
    let Some(links) = selector("a") else {
        return false;
    };
    let letters = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).count();
    let total: usize = block.text().map(letters).sum();
    let linked: usize = block
        .select(&links)
        .flat_map(|a| a.text())
        .map(letters)
        .sum();
    total > 0 && linked == total
}

/// Runs of white space (no-break spaces too) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_without_its_furniture() {
        let html = "<!DOCTYPE html><html><head><title>Seizure &amp; arrests | Border Wire</title>\
            <meta property=\"og:site_name\" content=\"Border Wire\">\
            <meta property=\"article:published_time\" content=\"2024-03-05T14:20:00-06:00\">\
            <link rel=\"canonical\" href=\"https://example.org/border-wire/seizure\">\
            <script>var x = '<p>';</script></head><body>\
            <header><nav><a href=\"/\">Home</a></nav></header>\
            <div class=\"cookie-banner\">We use cookies.</div>\
            <article><h1>Seizure &amp; arrests</h1><p class=\"byline\">By A. Writer</p>\
            <p>ATF agents seized 40&nbsp;rifles in <b>Nogales</b> &#8212; officials said.</p>\
            <p>Read more: <a href=\"/x\">Another story</a></p>\
            <div class=\"related-posts\"><a href=\"/y\">Related story</a></div>\
            <p>The <b>Sinaloa Cartel</b>’s men fled.</p></article>\
            <aside>Most read</aside><section id=\"comments\"><p>Great piece!</p></section>\
            <footer>© Border Wire</footer></body></html>";
        let article = read(html).unwrap();
        assert_eq!(article.title.as_deref(), Some("Seizure & arrests"));
        assert_eq!(article.source.as_deref(), Some("Border Wire"));
        assert_eq!(article.published.as_deref(), Some("2024-03-05"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://example.org/border-wire/seizure")
        );
        assert_eq!(
            article.text,
            "ATF agents seized 40 rifles in Nogales — officials said.\n\n\
             The Sinaloa Cartel’s men fled."
        );
    }

    #[test]
    fn dates_come_from_time_elements_and_json_ld_too() {
        let time = "<html><body><main><p>By X · <time datetime=\"2026-01-27T09:15\">Jan 27</time></p>\
                    <p>Text.</p></main></body></html>";
        assert_eq!(read(time).unwrap().published.as_deref(), Some("2026-01-27"));
        let ld = "<html><head><script type=\"application/ld+json\">\
                  {\"@graph\": [{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-07-09\"}]}\
                  </script></head><body><p>Text.</p></body></html>";
        assert_eq!(read(ld).unwrap().published.as_deref(), Some("2021-07-09"));
        let none = "<html><body><p>Undated text.</p></body></html>";
        assert_eq!(read(none).unwrap().published, None);
        assert_eq!(read(none).unwrap().text, "Undated text.");
    }

    #[test]
    fn deep_nesting_is_refused_and_shallower_pages_are_read() {
        let nested = |depth: usize| {
            format!(
                "<html><body>{}Deep text.{}</body></html>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        // Past what the stack of a recursive walk survived.
        let err = read(&nested(20_000)).unwrap_err();
        assert!(err.contains("nested"), "{err}");
        assert_eq!(read(&nested(900)).unwrap().text, "Deep text.");
    }
}
