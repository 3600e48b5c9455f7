//! An HTML page is one article. Its bytes are decoded by the charset it declares
//! ([`encoding`]), html5ever (through scraper) parses it as a browser would, the metadata
//! comes from the usual tags ([`metadata`]), and the text is the story without the page around
//! and inside it ([`story`]): the block-level element whose text is densest in long, unlinked
//! paragraphs ([`blocks`] lays the text out), weighed against the page's JSON-LD
//! `articleBody`. Offsets in the output refer to this extracted text.

mod blocks;
mod depth;
mod encoding;
mod furniture;
mod metadata;
mod story;

use ego_tree::iter::Edge;
use scraper::{Html, Selector};

use crate::article::Article;

/// Pages nested deeper than this are refused: real pages stay below a hundred levels, and
/// the work of parsing one grows with the square of its depth.
const MAX_DEPTH: usize = 1_000;

/// How much longer than the text read from the page a JSON-LD `articleBody` must be to be
/// taken instead: the page's own text keeps its paragraphs, but a page that builds its story
/// with scripts, or hides it behind a paywall, carries it whole only there.
const STRUCTURED_BODY_FACTOR: usize = 2;

/// The article of a saved page's bytes, or why the page cannot be read.
pub fn read(bytes: &[u8]) -> Result<Article, String> {
    read_text(&encoding::decode(bytes)?)
}

/// The article of a page already decoded to text, or why it cannot be read.
pub fn read_text(html: &str) -> Result<Article, String> {
    let too_deep = |depth: usize| {
        format!("elements nested {depth} deep, more than the {MAX_DEPTH} a page is read to")
    };
    // Checked on the tags before parsing, as parsing is what takes the time; and on the tree,
    // which the parser may nest otherwise.
    let estimate = depth::estimate(html);
    if estimate > MAX_DEPTH {
        return Err(too_deep(estimate));
    }
    let page = Html::parse_document(html);
    let depth = tree_depth(&page);
    if depth > MAX_DEPTH {
        return Err(too_deep(depth));
    }
    let mut article = metadata::article(&page);
    let body = Selector::parse("body")
        .ok()
        .and_then(|body| page.select(&body).next())
        .unwrap_or_else(|| page.root_element());
    article.text = story::story(body);
    if let Some(structured) = metadata::json_ld(&page, "articleBody").map(|b| structured_text(&b))
        && letters(&structured) > STRUCTURED_BODY_FACTOR * letters(&article.text)
    {
        article.text = structured;
    }
    Ok(article)
}

/// A JSON-LD `articleBody` as text: most are plain text, a line a paragraph; some carry the
/// story's HTML (parsed only if it nests no deeper than a page may).
fn structured_text(body: &str) -> String {
    let paragraphs: Vec<String> = if body.contains('<') && depth::estimate(body) <= MAX_DEPTH {
        let fragment = Html::parse_fragment(body);
        blocks::layout(fragment.root_element())
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    } else {
        body.lines().map(blocks::collapse).collect()
    };
    paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// How deep the page's elements nest, counted without recursion.
fn tree_depth(page: &Html) -> usize {
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
        let article = read(html.as_bytes()).unwrap();
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
        assert_eq!(
            read(time.as_bytes()).unwrap().published.as_deref(),
            Some("2026-01-27")
        );
        let ld = "<html><head><script type=\"application/ld+json\">\
                  {\"@graph\": [{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-07-09\"}]}\
                  </script></head><body><p>Text.</p></body></html>";
        assert_eq!(
            read(ld.as_bytes()).unwrap().published.as_deref(),
            Some("2021-07-09")
        );
        let none = "<html><body><p>Undated text.</p></body></html>";
        assert_eq!(read(none.as_bytes()).unwrap().published, None);
        assert_eq!(read(none.as_bytes()).unwrap().text, "Undated text.");
    }

    #[test]
    fn a_json_ld_body_in_html_is_read_as_text_and_too_deep_a_one_is_not_parsed() {
        assert_eq!(
            structured_text("<p>One &amp; two.</p><p>Three<br>four.</p>"),
            "One & two.\n\nThree\nfour."
        );
        assert_eq!(
            structured_text("Plain\n\n  text  here"),
            "Plain\n\ntext here"
        );
        // Parsing this would take minutes: it is taken as text.
        let deep = "<div>".repeat(20_000);
        assert_eq!(structured_text(&deep).len(), deep.len());
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
        let err = read(nested(20_000).as_bytes()).unwrap_err();
        assert!(err.contains("nested"), "{err}");
        assert_eq!(read(nested(900).as_bytes()).unwrap().text, "Deep text.");
    }
}
