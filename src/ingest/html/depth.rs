//! How deep a page nests, estimated from its tags before it is parsed. html5ever's tree
//! builder takes time that grows with the square of the nesting depth (a megabyte of nested
//! `<div>`s takes minutes), so a page nested past any real page's depth is refused before it
//! is built. The estimate counts only elements whose end tag is required: those with optional
//! end tags (`<p>`, `<li>`, `<td>` …) close themselves and would inflate it.

use std::cell::Cell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements that never have children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements whose end tag may be left out: the next sibling closes them.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "colgroup",
    "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
];

/// The deepest nesting of elements with required end tags in `html`.
pub fn estimate(html: &str) -> usize {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Depth::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.deepest.get()
}

#[derive(Default)]
struct Depth {
    depth: Cell<usize>,
    deepest: Cell<usize>,
}

impl TokenSink for Depth {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let name: &str = &tag.name;
        let counted = !tag.self_closing && !VOID.contains(&name) && !OPTIONAL_END.contains(&name);
        match tag.kind {
            TagKind::StartTag if counted => {
                let depth = self.depth.get() + 1;
                self.depth.set(depth);
                self.deepest.set(self.deepest.get().max(depth));
            }
            TagKind::EndTag if counted => self.depth.set(self.depth.get().saturating_sub(1)),
            _ => {}
        }
        // What the tree builder would tell the tokenizer: the text of these is not markup.
        match (tag.kind, name) {
            (TagKind::StartTag, "script") => TokenSinkResult::RawData(RawKind::ScriptData),
            (TagKind::StartTag, "style" | "xmp" | "iframe" | "noembed" | "noframes") => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            (TagKind::StartTag, "textarea" | "title") => TokenSinkResult::RawData(RawKind::Rcdata),
            (TagKind::StartTag, "plaintext") => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_end_tags_count_and_the_rest_do_not() {
        assert_eq!(estimate("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(estimate(&"<p>unclosed ".repeat(50)), 0);
        assert_eq!(estimate("<ul><li>a<li>b</ul><br><img src=x>"), 1);
        // Markup inside a script is text.
        assert_eq!(estimate("<script>'<div><div><div>'</script>"), 1);
    }
}
