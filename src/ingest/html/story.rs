//! Which of the page's text is the story. Every block of text is weighed by its letters, less
//! a toll that short blocks do not pay back and a heavy one for link text (boilerplate is
//! short, link-heavy and repeated; a story's paragraphs are long and mostly unlinked). The
//! story's element is the block-level element whose blocks weigh the most, a little more when
//! it says it holds the story (`<article>`, `itemprop="articleBody"`, "entry-content"); its
//! blocks are then read without the link lists, pointers to other stories, and the short
//! lines (bylines, dates, labels) at its edges.

use std::ops::Range;

use scraper::ElementRef;

use super::blocks::{Block, Container, Layout, layout};
use super::furniture::says_story;

/// What every block pays to count: a short line of furniture ("Share", "Advertisement",
/// "5 min read") weighs less than nothing.
const BLOCK_TOLL: i64 = 25;

/// The most a block of boilerplate costs the element around it: a list of links is left
/// out of the story's text anyway, so it counts as clutter, not by its length.
const BOILERPLATE_COST: i64 = 2 * BLOCK_TOLL;

/// How much a letter of link text weighs against one of plain text.
const LINK_WEIGHT: i64 = 3;

/// Blocks with fewer letters than this at the start or end of the story, unless they end a
/// sentence, are its furniture: bylines, dates, "Updated …", "Topics:" rows.
const EDGE_LETTERS: usize = 40;

/// A block with at least this many letters, few of them linked, reads as a story's paragraph.
const STORY_LETTERS: usize = 80;

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
];

/// Blocks that are only a label of the page between the story's paragraphs, whole.
const LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "sponsored",
    "continue reading",
    "read more",
    "share",
    "share this",
    "print",
    "email",
    "publicidad",
    "anuncio",
];

/// The story in `root`, paragraphs separated by blank lines; empty if it has no text.
pub fn story(root: ElementRef<'_>) -> String {
    let layout = layout(root);
    let Some(best) = heaviest(&layout) else {
        return String::new();
    };
    let lone = layout.containers[best].blocks.clone();
    // A lone paragraph wins when the story's paragraphs are short among clutter: the story
    // is then its parent's paragraphs that read as story.
    let chosen = match parent(&layout, best) {
        Some(parent) if lone.len() == 1 => parent,
        _ => best,
    };
    let container = &layout.containers[chosen];
    let furniture = furniture_inside(&layout, chosen);
    let kept: Vec<&Block> = container
        .blocks
        .clone()
        .filter(|&i| !furniture[i - container.blocks.start])
        .filter(|&i| lone.contains(&i) || reads_as_story(&layout.blocks[i]))
        .map(|i| &layout.blocks[i])
        .filter(|b| !b.is_links() && !is_promo(b))
        .collect();
    let is_short = |b: &&Block| b.letters < EDGE_LETTERS && !ends_sentence(&b.text);
    let start = kept.iter().position(|b| !is_short(b)).unwrap_or(0);
    let end = kept
        .iter()
        .rposition(|b| !is_short(b))
        .map_or(kept.len(), |i| i + 1);
    let kept = if start < end {
        &kept[start..end]
    } else {
        &kept[..]
    };
    kept.iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The index of the container whose own blocks weigh the most: its blocks less those of the
/// furniture inside it, a little more when it says it holds the story, half as much when
/// it is furniture or inside furniture (the words of a class may be wrong about the story's
/// wrapper, so it is not ruled out). On a tie the inner
/// element wins. Each container's weight is made from its children's, in one pass.
fn heaviest(layout: &Layout<'_>) -> Option<usize> {
    let running = |value: fn(&Block) -> i64| {
        let mut sums = Vec::with_capacity(layout.blocks.len() + 1);
        sums.push(0i64);
        for block in &layout.blocks {
            sums.push(sums.last().copied().unwrap_or(0) + value(block));
        }
        sums
    };
    let (weights, letters, linked) = (
        running(weight),
        running(|b| count(b.letters)),
        running(|b| count(b.linked)),
    );
    let sum = |sums: &[i64], c: &Container<'_>| sums[c.blocks.end] - sums[c.blocks.start];
    // The containers done whose parent is not yet: their first block, and what they take
    // from their parent's weight (all of theirs, for furniture; what is not their own
    // weight, otherwise).
    let mut done: Vec<(usize, i64)> = Vec::new();
    let mut best = None;
    let mut best_score = f64::MIN;
    for (index, container) in layout.containers.iter().enumerate() {
        let total = sum(&weights, container);
        let mut own = total;
        while let Some(&(start, taken)) = done.last() {
            if start < container.blocks.start {
                break;
            }
            own -= taken;
            done.pop();
        }
        done.push((
            container.blocks.start,
            if container.furniture {
                total
            } else {
                total - own
            },
        ));
        // An element mostly of links is a page of pointers, not a story.
        let unlinked =
            1.0 - sum(&linked, container) as f64 / sum(&letters, container).max(1) as f64;
        let own = own as f64;
        let score = match own {
            // Furniture's own text is the story only when nothing else is.
            ..=0.0 => own,
            _ if container.in_furniture => own * unlinked / 2.0,
            _ if says_story(&container.element) => own * unlinked * 1.25,
            _ => own * unlinked,
        };
        if score > best_score {
            best_score = score;
            best = Some(index);
        }
    }
    best
}

/// The container around the one at `index`: the first after it whose blocks hold its and
/// more (only an element around it comes later and holds its blocks).
fn parent(layout: &Layout<'_>, index: usize) -> Option<usize> {
    let inner = &layout.containers[index].blocks;
    layout.containers[index + 1..]
        .iter()
        .position(|c| {
            c.blocks.start <= inner.start
                && inner.end <= c.blocks.end
                && c.blocks.len() > inner.len()
        })
        .map(|offset| index + 1 + offset)
}

/// Whether a block reads as a paragraph of a story: long and mostly unlinked, or a sentence
/// without links.
fn reads_as_story(block: &Block) -> bool {
    let long = block.letters >= STORY_LETTERS && block.linked * 4 < block.letters;
    long || block.linked == 0 && ends_sentence(&block.text)
}

/// Which blocks of the container at `index` belong to furniture inside it. The elements
/// inside a container come right before it, in one run.
fn furniture_inside(layout: &Layout<'_>, index: usize) -> Vec<bool> {
    let range = layout.containers[index].blocks.clone();
    let mut spans: Vec<Range<usize>> = layout.containers[..index]
        .iter()
        .rev()
        .take_while(|c| c.blocks.start >= range.start)
        .filter(|c| c.furniture)
        .map(|c| c.blocks.clone())
        .collect();
    spans.sort_by_key(|s| s.start);
    let mut marked = vec![false; range.len()];
    let mut reached = range.start;
    for span in spans {
        for i in span.start.max(reached)..span.end {
            marked[i - range.start] = true;
        }
        reached = reached.max(span.end);
    }
    marked
}

/// What a block adds to the element around it.
fn weight(block: &Block) -> i64 {
    (count(block.letters) - LINK_WEIGHT * count(block.linked) - BLOCK_TOLL).max(-BOILERPLATE_COST)
}

/// A count of letters as a weight (no page holds more than `i64` can count).
fn count(letters: usize) -> i64 {
    i64::try_from(letters).unwrap_or(i64::MAX / 4)
}

/// Whether `text` ends as a sentence does: a short closing line of the story ("He fled.")
/// does, a byline or a date does not.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Whether a block points elsewhere or labels the page rather than tells the story.
fn is_promo(block: &Block) -> bool {
    let lowered = block.text.to_lowercase();
    let label = lowered.trim_matches(|c: char| !c.is_alphanumeric());
    PROMO_OPENINGS.iter().any(|p| lowered.starts_with(p)) || LABELS.contains(&label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    const PARAGRAPH: &str = "A paragraph of the story as a newspaper prints one: a sentence or \
                             three, long enough to outweigh the toll every block pays and the \
                             clutter around it.";

    fn story_of(html: &str) -> String {
        story(Html::parse_document(html).root_element())
    }

    #[test]
    fn the_densest_element_wins_and_keeps_only_its_story() {
        let page = format!(
            "<body><div><a href=/>Home</a></div><div class=\"x\"><p>By Ana Ruiz</p>\
             <p>{PARAGRAPH}</p><ul><li><a href=/a>Another story entirely here</a></li>\
             <li><a href=/b>And one more story here</a></li></ul><p>Read more: a teaser \
             for another article on the site.</p><p>Advertisement</p><p>{PARAGRAPH}</p>\
             <p>Updated 5 min ago</p>\
             </div></body>"
        );
        assert_eq!(story_of(&page), format!("{PARAGRAPH}\n\n{PARAGRAPH}"));
    }

    #[test]
    fn a_short_story_is_all_text_and_no_text_is_no_story() {
        assert_eq!(story_of("<body><p>Short.</p></body>"), "Short.");
        assert_eq!(story_of("<body></body>"), "");
        assert_eq!(story_of("<body><nav>Menu</nav></body>"), "");
    }
}
