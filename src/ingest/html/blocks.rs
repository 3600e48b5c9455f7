//! The page's text as a browser lays it out, in blocks: each paragraph, heading, list, quote
//! or table row of text between block-level boundaries, with white space collapsed, `<br>` as
//! a line break, and how much of it is link text. Every block-level element spans a run of
//! consecutive blocks, so that the scoring can weigh any element by the blocks it holds.
//!
//! One walk over the tree's open and close edges, so no depth of nesting can exhaust the
//! stack, and no element is visited twice.

use std::ops::Range;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::ElementRef;
use scraper::node::Node;

use super::furniture::{self, Kind};

/// Elements a browser lays out as blocks: they end the text before them and start a new one.
/// Every other element (`<span>`, `<a>`, `<b>`, unknown names …) flows inline, as in a
/// browser.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
];

/// Elements that end a line within a block: a list, a table or a `<br>`-separated run of
/// text is one block of lines, weighed whole (a list of links is boilerplate, a table of
/// figures is not). Cells are separated on their row's line.
const LINES: &[&str] = &["br", "li", "tr", "dt", "dd"];
const CELLS: &[&str] = &["td", "th"];

/// A run of text between block boundaries.
#[derive(Debug)]
pub struct Block {
    /// Its lines, white space collapsed within each, joined by `\n`.
    pub text: String,
    /// Its letters and digits, and those of them inside links.
    pub letters: usize,
    pub linked: usize,
}

impl Block {
    /// Whether most of the block is link text: a menu, a row of tags, a list of other stories.
    pub fn is_links(&self) -> bool {
        self.linked * 2 > self.letters
    }
}

/// A block-level element that holds text, the blocks it spans, and whether it is page
/// furniture (a menu, a share row, comments, a caption …) or inside furniture.
#[derive(Debug)]
pub struct Container<'a> {
    pub element: ElementRef<'a>,
    pub blocks: Range<usize>,
    pub furniture: bool,
    pub in_furniture: bool,
}

/// The blocks of `root`'s text, and the block-level elements that hold them in the order
/// their ends come: an element after the elements inside it, which come right before it.
#[derive(Debug, Default)]
pub struct Layout<'a> {
    pub blocks: Vec<Block>,
    pub containers: Vec<Container<'a>>,
}

/// Lays out the text of `root`. What a browser does not show and the controls of forms are
/// left out; furniture is laid out as blocks of its own, for the scoring to weigh: the words
/// of a class can call the story's own wrapper furniture, so it is never dropped blindly.
pub fn layout(root: ElementRef<'_>) -> Layout<'_> {
    let mut walk = Walk::default();
    // The element whose subtree is being passed over, if any.
    let mut skipping: Option<NodeId> = None;
    // The open block-level elements: their first block, and whether they are furniture.
    let mut open: Vec<(NodeId, usize, bool)> = Vec::new();
    // How many of them are furniture.
    let mut open_furniture = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => walk.text(text),
                Node::Element(e) => {
                    let name = e.name();
                    let kind = furniture::kind(e);
                    let block = BLOCKS.contains(&name) || kind == Kind::Furniture;
                    if block {
                        walk.end_block();
                    }
                    if kind == Kind::Unread {
                        skipping = Some(node.id());
                        continue;
                    }
                    if block {
                        let furniture = kind == Kind::Furniture;
                        open.push((node.id(), walk.layout.blocks.len(), furniture));
                        open_furniture += usize::from(furniture);
                    }
                    if LINES.contains(&name) {
                        walk.end_line();
                    } else if CELLS.contains(&name) {
                        walk.line.push(' ');
                    } else if name == "a" {
                        walk.links += 1;
                    } else if name == "pre" {
                        walk.preformatted += 1;
                    }
                }
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node) if skipping.is_none() => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                let name = e.name();
                if LINES.contains(&name) {
                    walk.end_line();
                } else if name == "a" {
                    walk.links = walk.links.saturating_sub(1);
                } else if name == "pre" {
                    walk.preformatted = walk.preformatted.saturating_sub(1);
                }
                if open.last().is_some_and(|(id, ..)| *id == node.id()) {
                    walk.end_block();
                    let Some((_, first, furniture)) = open.pop() else {
                        continue;
                    };
                    let end = walk.layout.blocks.len();
                    if let Some(element) = ElementRef::wrap(node).filter(|_| end > first) {
                        walk.layout.containers.push(Container {
                            element,
                            blocks: first..end,
                            furniture,
                            in_furniture: open_furniture > 0,
                        });
                    }
                    open_furniture -= usize::from(furniture);
                }
            }
            _ => {}
        }
    }
    walk.end_block();
    walk.layout
}

/// The walk's state: the layout so far and the block being built.
#[derive(Default)]
struct Walk<'a> {
    layout: Layout<'a>,
    /// The lines of the block so far, and the line being built.
    lines: Vec<String>,
    line: String,
    letters: usize,
    linked: usize,
    /// How many `<a>` and `<pre>` elements are open around the text.
    links: usize,
    preformatted: usize,
}

impl Walk<'_> {
    fn text(&mut self, text: &str) {
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        self.letters += letters;
        if self.links > 0 {
            self.linked += letters;
        }
        if self.preformatted > 0 {
            // A `<pre>` keeps its line breaks.
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.line.push_str(first);
            }
            for line in lines {
                self.end_line();
                self.line.push_str(line);
            }
        } else {
            self.line.push_str(text);
        }
    }

    fn end_line(&mut self) {
        let line = collapse(&self.line);
        self.line.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn end_block(&mut self) {
        self.end_line();
        if !self.lines.is_empty() && self.letters > 0 {
            self.layout.blocks.push(Block {
                text: self.lines.join("\n"),
                letters: self.letters,
                linked: self.linked,
            });
        }
        self.lines.clear();
        self.letters = 0;
        self.linked = 0;
    }
}

/// Runs of white space (no-break spaces too) as one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn blocks_end_at_block_elements_and_lines_at_breaks_items_and_rows() {
        let page = Html::parse_document(
            "<body><div>One <span>two</span><p>Three <a href=x>four</a></p>five<br>six\
             <ul><li>a</li><li>b</li></ul><table><tr><td>1</td><td>2</td></tr></table>\
             <script>hidden</script><button>Press</button></div></body>",
        );
        let body = page.root_element().child_elements().nth(1).unwrap();
        let layout = layout(body);
        let texts: Vec<&str> = layout.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["One two", "Three four", "five\nsix", "a\nb", "1 2"]);
        assert_eq!((layout.blocks[1].letters, layout.blocks[1].linked), (9, 4));
        // Inner elements before outer ones, each with the blocks it spans.
        let spans: Vec<(&str, Range<usize>)> = layout
            .containers
            .iter()
            .map(|c| (c.element.value().name(), c.blocks.clone()))
            .collect();
        assert_eq!(
            spans,
            [
                ("p", 1..2),
                ("ul", 3..4),
                ("tbody", 4..5),
                ("table", 4..5),
                ("div", 0..5),
                ("body", 0..5)
            ]
        );
    }

    #[test]
    fn furniture_is_laid_out_apart_and_marked() {
        let page = Html::parse_document(
            "<body><div class=\"sidebar\"><p>Side text</p></div><p>Story <span class=\"share\">\
             Share</span> goes on</p></body>",
        );
        let layout = layout(page.root_element());
        let texts: Vec<&str> = layout.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Side text", "Story", "Share", "goes on"]);
        let furniture: Vec<(&str, bool)> = layout
            .containers
            .iter()
            .map(|c| (c.element.value().name(), c.furniture || c.in_furniture))
            .collect();
        assert_eq!(
            furniture,
            [
                ("p", true),
                ("div", true),
                ("span", true),
                ("p", false),
                ("body", false),
                ("html", false)
            ]
        );
    }
}
