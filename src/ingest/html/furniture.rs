//! What an element is on the page, from its name and its class, id and role: not rendered,
//! page furniture around the story, or a hint that it holds the story.

use scraper::ElementRef;
use scraper::node::Element;

/// Elements a browser does not render as text: neither the story nor its headline is in them.
pub const UNRENDERED: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Controls and embedded media: their text (a button's label, an iframe's fallback) is never
/// the story's.
const CONTROLS: &[&str] = &[
    "button", "iframe", "select", "textarea", "input", "label", "object", "embed", "video",
    "audio", "canvas", "map", "option",
];

/// Elements that hold the page around the story: the headline (`<h1>`, which is the title),
/// figures with their captions, navigation, forms.
const FURNITURE_ELEMENTS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "h1",
    "menu",
    "dialog",
];

/// Words in a class or id that mark page furniture ("related-posts", "share-bar",
/// "comments", "cookie-banner"), whatever else the element says of itself.
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
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
    "navbar",
    "navigation",
    "menu",
    "byline",
    "tags",
    "popup",
    "modal",
    "recommended",
    "footer",
    "masthead",
    "toolbar",
    "kicker",
    "eyebrow",
    "caption",
    "credit",
    "credits",
    "print",
    "skip",
    "disqus",
    "outbrain",
    "taboola",
    "paywall",
    "widget",
    // The same in Spanish-language CMSs.
    "compartir",
    "relacionadas",
    "relacionados",
    "comentarios",
    "etiquetas",
    "publicidad",
];

/// Words that mark furniture only on an element that does not also say it holds the story:
/// a "meta-date" row is furniture, an "entry-content author-note" is not.
const WEAK_FURNITURE: &[&str] = &[
    "header",
    "meta",
    "date",
    "timestamp",
    "author",
    "autor",
    "seccion",
    "fecha",
    "hidden",
];

/// Words in a class or id (or an `itemprop`) that say the element holds the story.
const STORY: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "contenido",
    "nota",
    "cuerpo",
];

/// What an element is to the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Never read: not rendered, or a control.
    Unread,
    /// Page furniture, by its name, its class, id or role, or because it is hidden.
    Furniture,
    /// Anything else.
    Other,
}

/// What `element` is to the story. `<html>` and `<body>` are never furniture: their classes
/// describe the whole page.
pub fn kind(element: &Element) -> Kind {
    let name = element.name();
    if UNRENDERED.contains(&name) || CONTROLS.contains(&name) {
        return Kind::Unread;
    }
    if matches!(name, "html" | "body") {
        return Kind::Other;
    }
    if FURNITURE_ELEMENTS.contains(&name) || is_hidden(element) {
        return Kind::Furniture;
    }
    let (mut furniture, mut weak, mut story) = (false, false, false);
    for word in words(element) {
        furniture |= FURNITURE.contains(&word.as_str());
        weak |= WEAK_FURNITURE.contains(&word.as_str());
        story |= STORY.contains(&word.as_str());
    }
    if furniture || weak && !story {
        Kind::Furniture
    } else {
        Kind::Other
    }
}

/// Whether the element says it holds the story: an `<article>`, a `<main>`, an
/// `itemprop="articleBody"`, or a class or id like "article-body" or "entry-content".
pub fn says_story(element: &ElementRef<'_>) -> bool {
    let e = element.value();
    matches!(e.name(), "article" | "main")
        || e.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
        || words(e).any(|word| STORY.contains(&word.as_str()))
}

/// Whether the page hides the element from readers: the `hidden` attribute, or an inline
/// `display: none`.
fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("style").is_some_and(|style| {
            let style: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

/// The lowercase words of the element's class, id and role ("related-posts" is "related" and
/// "posts").
fn words<'a>(element: &'a Element) -> impl Iterator<Item = String> + 'a {
    [
        element.attr("class"),
        element.attr("id"),
        element.attr("role"),
    ]
    .into_iter()
    .flatten()
    .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
    .filter(|word| !word.is_empty())
    .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn kind_of(html: &str) -> Kind {
        let page = Html::parse_fragment(html);
        let selector = Selector::parse("body > *, html > *").unwrap();
        let element = page.select(&selector).next().unwrap();
        kind(element.value())
    }

    #[test]
    fn names_classes_and_hiding_make_furniture() {
        assert_eq!(
            kind_of("<div class=\"related-posts\"></div>"),
            Kind::Furniture
        );
        assert_eq!(kind_of("<div id=\"comments\"></div>"), Kind::Furniture);
        assert_eq!(kind_of("<aside></aside>"), Kind::Furniture);
        assert_eq!(
            kind_of("<div style=\"display: none\"></div>"),
            Kind::Furniture
        );
        assert_eq!(kind_of("<div class=\"meta-date\"></div>"), Kind::Furniture);
        // A weak word does not outweigh the story's own.
        assert_eq!(
            kind_of("<div class=\"entry-content meta\"></div>"),
            Kind::Other
        );
        assert_eq!(kind_of("<div class=\"story\"></div>"), Kind::Other);
        assert_eq!(kind_of("<button>Share</button>"), Kind::Unread);
        assert_eq!(kind_of("<template><p>x</p></template>"), Kind::Unread);
    }
}
